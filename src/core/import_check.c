/*
 * import_check.c: the checks csv_import() makes on fields and tables.
 *
 * Field checks run on every value before it is bound; table checks run in
 * SQL once a table is loaded, joined with temp.lines (table, id, CSV line)
 * so that each problem is reported at the line that causes it.  The lines
 * are put there only once a check finds a problem (struct import_lines):
 * then the check runs again, to name the first row in the file's order.
 * The tree of the nodes is checked in C as its rows come (import_tree.c).
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv_read.h"
#include "core/db.h"
#include "core/import_check.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/tables.h"
#include "core/xmalloc.h"

/* What a check runs on and reports about. */
struct check {
	struct db			*db;
	const char			*path;
	const struct import_lines	*lines;
};

const struct table *
import_table_named(const char *name)
{
	size_t	 i;

	for (i = 0; i < ntables; i++)
		if (strcmp(tables[i].name, name) == 0)
			return &tables[i];
	return NULL;
}

/* Parse a decimal integer, digits only; returns 0 or -1. */
static int
import_integer(const char *s, long long *v)
{
	char	*end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	*v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	return 0;
}

static int
import_number(const char *s, double *v)
{
	const char	*p;
	char		*end;

	if (*s == '\0')
		return -1;
	for (p = s; *p != '\0'; p++)
		if (strchr("0123456789.-+eE", *p) == NULL)
			return -1;
	errno = 0;
	*v = strtod(s, &end);
	if (errno != 0 || *end != '\0' || !isfinite(*v))
		return -1;
	return 0;
}

static int
import_allowed(const struct column *c, const char *s)
{
	const char *const	*a;

	if (c->allowed == NULL)
		return 1;
	for (a = c->allowed; *a != NULL; a++)
		if (strcmp(*a, s) == 0)
			return 1;
	return 0;
}

static char *
import_allowed_list(const struct column *c)
{
	struct strbuf		 sb = STRBUF_INIT;
	const char *const	*a;

	for (a = c->allowed; *a != NULL; a++) {
		if (a != c->allowed)
			strbuf_adds(&sb, ", ");
		strbuf_adds(&sb, **a == '\0' ? "empty" : *a);
	}
	return strbuf_detach(&sb);
}

/* What is wrong with s as a value of c, or NULL if nothing. */
static const char *
import_field_problem(const struct column *c, const char *s, size_t len,
    long long *iv, double *dv)
{
	switch (c->type) {
	case COL_TEXT:
		return NULL;
	case COL_NAME:
		return len == 0 ? "is empty" : NULL;
	case COL_KEY:
		return slug_valid(s) ? NULL : "is not a key ([a-z0-9] words "
		    "joined by '-')";
	case COL_CODE:
		return len == 0 || slug_valid(s) ? NULL : "is not a key "
		    "([a-z0-9] words joined by '-')";
	case COL_ID:
		if (import_integer(s, iv) != 0 || *iv <= 0 || *iv > INT32_MAX)
			return "is not a whole number from 1 to 2147483647";
		return NULL;
	case COL_REF:
	case COL_COUNT:
		if (len == 0)
			return NULL;
		if (import_integer(s, iv) != 0 || *iv > INT32_MAX ||
		    (c->type == COL_REF && *iv <= 0))
			return c->type == COL_REF ? "is not a whole number "
			    "from 1 to 2147483647" : "is not a whole number";
		return NULL;
	case COL_NUMBER:
		return import_number(s, dv) == 0 ? NULL : "is not a number";
	}
	return "has an unknown type";
}

int
import_field(sqlite3_stmt *st, int idx, const struct column *c,
    const char *s, size_t len, const char *path, unsigned long line,
    char **cause)
{
	const char	*problem;
	char		*list;
	long long	 iv = 0;
	double		 dv = 0;

	if ((problem = import_field_problem(c, s, len, &iv, &dv)) != NULL) {
		*cause = xasprintf("%s:%lu: %s '%.40s' %s", path, line,
		    c->name, s, problem);
		return -1;
	}
	if (!import_allowed(c, s)) {
		list = import_allowed_list(c);
		*cause = xasprintf("%s:%lu: %s '%.40s' is not one of: %s",
		    path, line, c->name, s, list);
		free(list);
		return -1;
	}
	if ((c->type == COL_REF || c->type == COL_COUNT ||
	    c->type == COL_CODE) && len == 0)
		sqlite3_bind_null(st, idx);
	else if (c->type == COL_ID || c->type == COL_REF ||
	    c->type == COL_COUNT)
		sqlite3_bind_int64(st, idx, iv);
	else if (c->type == COL_NUMBER)
		sqlite3_bind_double(st, idx, dv);
	else
		sqlite3_bind_text(st, idx, s, (int)len, SQLITE_STATIC);
	return 0;
}

/* Does SQLite's "... failed: t.a, t.b" name the column name? */
static int
import_names_column(const char *msg, const char *name)
{
	const char	*p;
	size_t		 n = strlen(name);

	for (p = msg; (p = strchr(p, '.')) != NULL; p++)
		if (strncmp(p + 1, name, n) == 0 &&
		    (p[1 + n] == '\0' || p[1 + n] == ','))
			return 1;
	return 0;
}

char *
import_insert_error(struct db *db, const struct table *t,
    const struct csv_record *rec, const char *path)
{
	struct strbuf	 names = STRBUF_INIT, values = STRBUF_INIT;
	const char	*msg;
	char		*cause;
	size_t		 i;
	int		 code;

	code = sqlite3_extended_errcode(db_handle(db));
	if (code != SQLITE_CONSTRAINT_PRIMARYKEY &&
	    code != SQLITE_CONSTRAINT_UNIQUE)
		return db_cause(db, "cannot build the database");
	/* "UNIQUE constraint failed: mentions.node, mentions.place". */
	msg = sqlite3_errmsg(db_handle(db));
	for (i = 0; i < t->ncolumns; i++) {
		if (!import_names_column(msg, t->columns[i].name))
			continue;
		if (names.len > 0) {
			strbuf_adds(&names, " and ");
			strbuf_adds(&values, ", ");
		}
		strbuf_adds(&names, t->columns[i].name);
		strbuf_addf(&values, "'%.40s'", rec->fields[i]);
	}
	if (names.len == 0)
		cause = xasprintf("%s:%lu: duplicate row", path, rec->line);
	else
		cause = xasprintf("%s:%lu: duplicate %s %s", path, rec->line,
		    strbuf_str(&names), strbuf_str(&values));
	strbuf_free(&names);
	strbuf_free(&values);
	return cause;
}

/*
 * Run sql, which returns (line, value) of the first row that breaks a
 * rule; if there is one, fail with "path:line: " what, where the "%s" in
 * what stands for the value (cut to 60 bytes).  A NULL line is a problem
 * of the whole file: "path: " what.
 */
static int
import_rule(const struct check *c, const char *sql, const char *what,
    char **cause)
{
	sqlite3_stmt	*st;
	const char	*msg;
	char		*where;
	int		 r, rc = -1;

	if (db_stmt(c->db, sql, &st, cause) != 0)
		return -1;
	r = sqlite3_step(st);
	/* A problem: now the lines, to name the first of its rows. */
	if (r == SQLITE_ROW && c->lines != NULL) {
		sqlite3_reset(st);
		if (c->lines->fill(c->lines->arg, cause) != 0) {
			db_release(c->db, st);
			return -1;
		}
		r = sqlite3_step(st);
	}
	if (r == SQLITE_DONE)
		rc = 0;
	else if (r == SQLITE_ROW) {
		msg = strstr(what, "%s");
		if (sqlite3_column_type(st, 0) == SQLITE_NULL)
			where = xstrdup(c->path);
		else
			where = xasprintf("%s:%lld", c->path,
			    (long long)sqlite3_column_int64(st, 0));
		*cause = xasprintf("%s: %.*s%.60s%s", where, (int)(msg - what),
		    what, (const char *)sqlite3_column_text(st, 1), msg + 2);
		free(where);
	} else
		*cause = db_cause(c->db, "cannot check the dataset");
	db_release(c->db, st);
	return rc;
}

#define LINE_OF(tbl, col) \
	"(SELECT line FROM temp.lines WHERE tbl = '" tbl "' AND id = " col ")"

static int
import_check_figures(const struct check *c, char **cause)
{
	if (import_rule(c, "SELECT " LINE_OF("figures", "f.id") ", "
	    "f.comparator FROM figures f WHERE f.comparator IS NOT NULL AND "
	    "NOT EXISTS (SELECT 1 FROM figures c WHERE c.id = f.comparator "
	    "AND c.id <> f.id) ORDER BY 1 LIMIT 1", "comparator %s does not "
	    "exist (or is the figure itself)", cause) != 0)
		return -1;
	return import_rule(c, "SELECT " LINE_OF("figures", "f.id") ", "
	    "f.text FROM figures f WHERE NOT EXISTS (SELECT 1 FROM blocks b "
	    "WHERE b.node = f.node AND instr(b.text, f.text) > 0) "
	    "ORDER BY 1 LIMIT 1", "text '%s' does not occur in the text "
	    "of its node", cause);
}

static int
import_check_meta(const struct check *c, char **cause)
{
	return import_rule(c, "SELECT NULL, k FROM (SELECT 'title' AS k "
	    "UNION ALL SELECT 'publisher' UNION ALL SELECT 'published') "
	    "WHERE k NOT IN (SELECT key FROM meta) LIMIT 1",
	    "no row for the key '%s'", cause);
}

int
import_check_table(struct db *db, const struct table *t, const char *path,
    const struct import_lines *lines, char **cause)
{
	const struct check	 c = { db, path, lines };

	if (strcmp(t->name, "figures") == 0)
		return import_check_figures(&c, cause);
	if (strcmp(t->name, "meta") == 0)
		return import_check_meta(&c, cause);
	return 0;
}
