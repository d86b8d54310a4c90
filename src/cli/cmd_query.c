/*
 * cmd_query.c: `icsbrowse query SQL`, one read-only SQL statement over the
 * database in use, for what the other commands do not ask.
 *
 * Read-only for certain, by four locks each of which would do alone:
 * the file is opened read-only (SQLITE_OPEN_READONLY, by cli_open_db),
 * the connection is set query_only with ATTACH and extension loading off,
 * an authorizer allows only reading (no ATTACH, no write, no PRAGMA that
 * sets anything, no load_extension()), and the prepared statement must
 * be one that sqlite3_stmt_readonly() calls read-only.
 *
 * Output: TSV with a header line (the default), CSV through libcsv's
 * csv_fwrite(), or a JSON array of objects through json_out.c.  Text is
 * cleaned as everywhere else, so a query cannot put a control character
 * from the data on the terminal.
 */
#include "config.h"

#include <csv.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/format.h"
#include "core/csv_export.h"
#include "core/db.h"
#include "core/json_out.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"

/* What the authorizer refused first, to say so in one line. */
struct query_auth {
	char	*refused;
};

/* PRAGMAs that only read, and those whose argument names what to read. */
static const char *const query_pragmas_read[] = {
	"application_id", "collation_list", "compile_options",
	"data_version", "database_list", "encoding", "foreign_keys",
	"freelist_count",
	"function_list", "integrity_check", "journal_mode", "module_list",
	"page_count", "page_size", "pragma_list", "quick_check",
	"schema_version", "table_list", "user_version",
	NULL
};
static const char *const query_pragmas_arg[] = {
	"foreign_key_list", "index_info", "index_list", "index_xinfo",
	"table_info", "table_xinfo", "table_list", NULL
};

static int
query_listed(const char *const *list, const char *name)
{
	for (; *list != NULL; list++)
		if (name != NULL && strcasecmp(*list, name) == 0)
			return 1;
	return 0;
}

/* A PRAGMA is allowed when it only reads: arg is its argument, or NULL. */
static int
query_pragma_ok(const char *name, const char *arg)
{
	if (arg == NULL)
		return query_listed(query_pragmas_read, name) ||
		    query_listed(query_pragmas_arg, name);
	return query_listed(query_pragmas_arg, name);
}

/* What an action the authorizer refuses would do, in words. */
static char *
query_refusal(int action, const char *a, const char *b)
{
	switch (action) {
	case SQLITE_ATTACH:
	case SQLITE_DETACH:
		return xstrdup("it would attach or detach a database");
	case SQLITE_PRAGMA:
		return xasprintf("PRAGMA %s%s%s%s is not one that only reads",
		    a, b != NULL ? " (" : "", b != NULL ? b : "",
		    b != NULL ? ")" : "");
	case SQLITE_FUNCTION:
		return xasprintf("the function %s is not allowed", b);
	case SQLITE_INSERT:
	case SQLITE_UPDATE:
	case SQLITE_DELETE:
		/* The table-valued pragma_* functions also come here. */
		if (a == NULL || strcmp(a, "sqlite_master") == 0 ||
		    strcmp(a, "sqlite_temp_master") == 0)
			return xstrdup("it would change the schema");
		return xasprintf("it would write to %s", a);
	default:
		return xstrdup("it would change the database or the "
		    "connection");
	}
}

static int
query_authorize(void *arg, int action, const char *a, const char *b,
    const char *db, const char *trigger)
{
	struct query_auth	*qa = arg;

	(void)db;
	(void)trigger;
	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	case SQLITE_FUNCTION:
		if (b != NULL && strcasecmp(b, "load_extension") != 0)
			return SQLITE_OK;
		break;
	case SQLITE_PRAGMA:
		if (query_pragma_ok(a, b))
			return SQLITE_OK;
		break;
	}
	if (qa->refused == NULL)
		qa->refused = query_refusal(action, a, b);
	return SQLITE_DENY;
}

/* The table-valued PRAGMA functions (read-only by SQLite's design). */
static const char *const query_pragma_tables[] = {
	"collation_list", "compile_options", "database_list",
	"foreign_key_list", "function_list", "index_info", "index_list",
	"index_xinfo", "module_list", "pragma_list", "table_info",
	"table_list", "table_xinfo", NULL
};

static void
query_connect(sqlite3 *h, const char *sql)
{
	sqlite3_stmt	*st = NULL;

	if (sql != NULL && sqlite3_prepare_v2(h, sql, -1, &st, NULL) ==
	    SQLITE_OK && st != NULL)
		sqlite3_step(st);
	sqlite3_finalize(st);
}

/*
 * Connect the virtual tables (the search index, the pragma_* functions)
 * before the authorizer is set: SQLite connects one at its first use in
 * a connection, and asks leave to update sqlite_master as it does, which
 * the authorizer would refuse.  Best effort: a table left unconnected is
 * refused later, never allowed.
 */
static void
query_warm(sqlite3 *h)
{
	sqlite3_stmt		*st = NULL;
	const char *const	*p;
	char			*sql;

	for (p = query_pragma_tables; *p != NULL; p++) {
		sql = sqlite3_mprintf("SELECT * FROM pragma_%s LIMIT 0", *p);
		query_connect(h, sql);
		sqlite3_free(sql);
	}
	if (sqlite3_prepare_v2(h, "SELECT name FROM sqlite_master WHERE "
	    "type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'", -1, &st,
	    NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		sql = sqlite3_mprintf("SELECT * FROM \"%w\" LIMIT 0",
		    (const char *)sqlite3_column_text(st, 0));
		query_connect(h, sql);
		sqlite3_free(sql);
	}
	sqlite3_finalize(st);
}

/* The locks on the connection that come before the authorizer. */
static int
query_lock(struct db *db, struct query_auth *qa, char **cause)
{
	sqlite3	*h = db_handle(db);

	if (db_exec(db, "PRAGMA query_only = ON", cause) != 0)
		return -1;
	sqlite3_limit(h, SQLITE_LIMIT_ATTACHED, 0);
	query_warm(h);
	if (sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0,
	    NULL) != SQLITE_OK ||
	    sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) !=
	    SQLITE_OK ||
	    sqlite3_set_authorizer(h, query_authorize, qa) != SQLITE_OK) {
		*cause = db_cause(db, "query: cannot make the connection "
		    "read-only");
		return -1;
	}
	return 0;
}

/* Whether s holds nothing but spaces, semicolons and comments. */
static int
query_blank(sqlite3 *h, const char *s)
{
	sqlite3_stmt	*st = NULL;
	const char	*tail = NULL;
	int		 rc;

	rc = sqlite3_prepare_v2(h, s, -1, &st, &tail);
	sqlite3_finalize(st);
	return rc == SQLITE_OK && st == NULL;
}

/* Prepare sql: exactly one statement, one that only reads. */
static int
query_prepare(struct db *db, struct query_auth *qa, const char *sql,
    sqlite3_stmt **st, char **cause)
{
	sqlite3		*h = db_handle(db);
	const char	*tail = NULL;

	*st = NULL;
	if (sqlite3_prepare_v2(h, sql, -1, st, &tail) != SQLITE_OK) {
		if (qa->refused != NULL)
			*cause = xasprintf("query: refused: %s (the query is "
			    "read-only)", qa->refused);
		else
			*cause = xasprintf("query: %s", sqlite3_errmsg(h));
		return CLI_FAIL;
	}
	if (*st == NULL) {
		*cause = xstrdup("query: no SQL statement given");
		return CLI_USAGE;
	}
	if (!sqlite3_stmt_readonly(*st)) {
		*cause = xstrdup("query: refused: the statement would write "
		    "(the query is read-only)");
		return CLI_FAIL;
	}
	if (tail != NULL && !query_blank(h, tail)) {
		*cause = xstrdup("query: give one SQL statement, not several");
		return CLI_USAGE;
	}
	return CLI_OK;
}

/* A BLOB as hexadecimal digits: no format here holds raw bytes. */
static char *
query_hex(const unsigned char *p, size_t len)
{
	static const char	 digits[] = "0123456789abcdef";
	char			*s;
	size_t			 i;

	s = xmalloc(len * 2 + 1);
	for (i = 0; i < len; i++) {
		s[2 * i] = digits[p[i] >> 4];
		s[2 * i + 1] = digits[p[i] & 0xf];
	}
	s[2 * len] = '\0';
	return s;
}

/* Column col of the row as text for TSV or CSV (NULL: empty), new. */
static char *
query_text(sqlite3_stmt *st, int col)
{
	const unsigned char	*t;
	char			 num[32];

	switch (sqlite3_column_type(st, col)) {
	case SQLITE_NULL:
		return xstrdup("");
	case SQLITE_FLOAT:
		csv_export_number(sqlite3_column_double(st, col), num);
		return xstrdup(num);
	case SQLITE_BLOB:
		return query_hex(sqlite3_column_blob(st, col),
		    (size_t)sqlite3_column_bytes(st, col));
	}
	t = sqlite3_column_text(st, col);
	return xstrndup(t != NULL ? (const char *)t : "",
	    (size_t)sqlite3_column_bytes(st, col));
}

/* One field of a CSV line, quoted by libcsv; NULL stays empty. */
static int
query_csv_field(const char *s, int null, int last)
{
	char	*c;
	int	 rc = 0;

	if (!null) {
		c = utf8_clean(s, strlen(s), UTF8_KEEP_NL | UTF8_KEEP_TAB);
		rc = csv_fwrite(stdout, c, strlen(c));
		free(c);
	}
	putchar(last ? '\n' : ',');
	return rc;
}

/* The header line: the columns' names. */
static void
query_header(sqlite3_stmt *st, enum format fmt)
{
	const char	*name;
	int		 i, n = sqlite3_column_count(st);

	for (i = 0; i < n; i++) {
		if ((name = sqlite3_column_name(st, i)) == NULL)
			name = "";
		if (fmt == FORMAT_CSV)
			query_csv_field(name, 0, i == n - 1);
		else
			format_tsv_field(name, i == n - 1);
	}
}

static void
query_row_text(sqlite3_stmt *st, enum format fmt)
{
	char	*s;
	int	 i, n = sqlite3_column_count(st), null;

	for (i = 0; i < n; i++) {
		null = sqlite3_column_type(st, i) == SQLITE_NULL;
		s = query_text(st, i);
		if (fmt == FORMAT_CSV)
			query_csv_field(s, null, i == n - 1);
		else
			format_tsv_field(s, i == n - 1);
		free(s);
	}
}

/* A row as a JSON object, each value of its own type. */
static void
query_row_json(struct json_out *jo, sqlite3_stmt *st)
{
	const char	*name;
	char		*s;
	int		 i, n = sqlite3_column_count(st);

	json_out_object_begin(jo);
	for (i = 0; i < n; i++) {
		name = sqlite3_column_name(st, i);
		json_out_key(jo, name != NULL ? name : "");
		switch (sqlite3_column_type(st, i)) {
		case SQLITE_NULL:
			json_out_null(jo);
			break;
		case SQLITE_INTEGER:
			json_out_int(jo, sqlite3_column_int64(st, i));
			break;
		case SQLITE_FLOAT:
			json_out_real(jo, sqlite3_column_double(st, i));
			break;
		default:
			s = query_text(st, i);
			json_out_str(jo, s);
			free(s);
		}
	}
	json_out_object_end(jo);
}

/* Step st to the end, writing each row; returns a CLI_* status. */
static int
query_run(struct db *db, sqlite3_stmt *st, enum format fmt, char **cause)
{
	struct json_out	*jo = NULL;
	int		 rc;

	if (fmt == FORMAT_JSON) {
		if ((jo = json_out_new(cause)) == NULL)
			return CLI_FAIL;
		json_out_array_begin(jo);
	} else
		query_header(st, fmt);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (jo == NULL) {
			query_row_text(st, fmt);
			continue;
		}
		query_row_json(jo, st);
		if (json_out_flush(jo, stdout, cause) != 0)
			goto fail;
	}
	if (rc != SQLITE_DONE) {
		*cause = db_cause(db, "query");
		goto fail;
	}
	if (jo != NULL) {
		json_out_array_end(jo);
		if (json_out_flush(jo, stdout, cause) != 0)
			goto fail;
	}
	json_out_free(jo);
	return CLI_OK;
fail:
	json_out_free(jo);
	return CLI_FAIL;
}

static int
query_options(int argc, char **argv, enum format *fmt, char **cause)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			printf("Usage: icsbrowse query [--format tsv|csv|json] "
			    "SQL\n");
			return -1;
		case 'f':
			if (format_parse("query", optarg,
			    FORMAT_BIT(FORMAT_TSV) | FORMAT_BIT(FORMAT_CSV) |
			    FORMAT_BIT(FORMAT_JSON), fmt, cause) != 0)
				return CLI_USAGE;
			break;
		default:
			*cause = xasprintf("query: unknown option '%s'",
			    argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (argc - optind != 1) {
		*cause = xstrdup(optind >= argc ? "query: no SQL given" :
		    "query: give the SQL as one argument (quote it)");
		return CLI_USAGE;
	}
	return CLI_OK;
}

int
cmd_query(const struct cli *c, int argc, char **argv, char **cause)
{
	struct query_auth	 qa = { NULL };
	struct db		*db;
	sqlite3_stmt		*st = NULL;
	enum format		 fmt = FORMAT_TSV;
	int			 rc;

	if ((rc = query_options(argc, argv, &fmt, cause)) != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if ((db = cli_open_db(c, cause)) == NULL)
		return CLI_FAIL;
	rc = CLI_FAIL;
	if (query_lock(db, &qa, cause) == 0 &&
	    (rc = query_prepare(db, &qa, argv[optind], &st, cause)) == CLI_OK)
		rc = query_run(db, st, fmt, cause);
	sqlite3_finalize(st);
	/* db_close runs statements of its own: let them through. */
	sqlite3_set_authorizer(db_handle(db), NULL, NULL);
	db_close(db, NULL);
	free(qa.refused);
	return rc;
}
