/*
 * test_tables.c: unit tests for core/tables.h.
 *
 * The one description of the tables that import and export share must
 * agree with itself and with the dataset: seven tables in an order where
 * every reference points back (or into the table itself), the key each
 * table is referred to by among its columns, allowed values ending in
 * NULL, column names and order exactly the header of each CSV file
 * of the built-in dataset (assets/), and each list of allowed values the
 * list of the schema's CHECK on that column, and no CHECK besides (the
 * import checks the lists in C and leaves the CHECKs out: import_sink.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/strbuf.h"
#include "core/tables.h"
#include "core/xmalloc.h"
#include "../tap.h"

static int
table_index(const char *name)
{
	size_t	 i;

	for (i = 0; i < ntables; i++)
		if (strcmp(tables[i].name, name) == 0)
			return (int)i;
	return -1;
}

static void
test_order(void)
{
	static const char *const names[] = { "meta", "sources", "nodes",
	    "blocks", "places", "figures", "mentions" };
	const struct column	*c;
	size_t			 i, j;
	int			 back = 1, typed = 1;

	tap_is_int((long long)ntables, 7, "seven tables");
	for (i = 0; i < ntables && i < 7; i++)
		tap_is_str(tables[i].name, names[i], "tables in import order");
	for (i = 0; i < ntables; i++)
		for (j = 0; j < tables[i].ncolumns; j++) {
			c = &tables[i].columns[j];
			if (c->ref == NULL)
				continue;
			if (table_index(c->ref) < 0 ||
			    table_index(c->ref) > (int)i) {
				printf("# %s.%s refers forward to %s\n",
				    tables[i].name, c->name, c->ref);
				back = 0;
			}
			if (c->type != COL_REF && c->type != COL_ID &&
			    c->type != COL_KEY && c->type != COL_CODE)
				typed = 0;
		}
	tap_ok(back, "every reference points to a table imported before");
	tap_ok(typed, "references are ids, keys or codes");
}

static void
test_keys(void)
{
	const struct column	*c;
	size_t			 i, j, n;
	int			 found, ok = 1, nul = 1;

	for (i = 0; i < ntables; i++) {
		found = tables[i].key == NULL;
		for (j = 0; j < tables[i].ncolumns; j++) {
			c = &tables[i].columns[j];
			if (tables[i].key != NULL &&
			    strcmp(c->name, tables[i].key) == 0)
				found = 1;
			for (n = 0; c->allowed != NULL && c->allowed[n] != NULL;
			    n++)
				if (n > 32)
					nul = 0;
		}
		if (!found) {
			printf("# %s: key %s is not a column\n", tables[i].name,
			    tables[i].key);
			ok = 0;
		}
		if (tables[i].order == NULL || tables[i].ncolumns == 0)
			ok = 0;
	}
	tap_ok(ok, "each table's key is one of its columns, it has an order");
	tap_ok(nul, "allowed values end in NULL");
	i = (size_t)table_index("nodes");
	tap_ok(tables[i].key != NULL && strcmp(tables[i].key, "id") == 0 &&
	    tables[i].columns[0].type == COL_ID, "nodes are referred to by id");
	i = (size_t)table_index("places");
	tap_ok(tables[i].key != NULL && strcmp(tables[i].key, "code") == 0,
	    "places are referred to by code");
}

/* The first line of assets/NAME.csv, without its line end. */
static char *
asset_header(const char *name)
{
	const char	*top = getenv("top_srcdir");
	char		*path, line[1024];
	FILE		*f;

	path = xasprintf("%s/assets/%s.csv", top != NULL ? top : ".", name);
	f = fopen(path, "r");
	free(path);
	if (f == NULL)
		return NULL;
	if (fgets(line, sizeof line, f) == NULL)
		line[0] = '\0';
	fclose(f);
	line[strcspn(line, "\r\n")] = '\0';
	return xstrdup(line);
}

static void
test_headers(void)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*got;
	size_t		 i, j;

	for (i = 0; i < ntables; i++) {
		strbuf_reset(&sb);
		for (j = 0; j < tables[i].ncolumns; j++)
			strbuf_addf(&sb, "%s%s", j ? "," : "",
			    tables[i].columns[j].name);
		got = asset_header(tables[i].name);
		tap_is_str(strbuf_str(&sb), got != NULL ? got : "(no file)",
		    tables[i].name);
		free(got);
	}
	strbuf_free(&sb);
}

/* The CREATE TABLE of name in the schema compiled in, or NULL. */
static char *
schema_table(const char *name)
{
	const char	*a, *b;
	char		*start;

	start = xasprintf("CREATE TABLE %s (", name);
	a = strstr(db_schema_sql, start);
	free(start);
	if (a == NULL || (b = strstr(a, ");")) == NULL)
		return NULL;
	return xstrndup(a, (size_t)(b - a));
}

static void
test_checks(void)
{
	struct strbuf		 sb = STRBUF_INIT;
	const struct column	*c;
	const char		*p;
	char			*sql;
	size_t			 i, j, n, lists = 0, checks = 0;

	for (i = 0; i < ntables; i++) {
		sql = schema_table(tables[i].name);
		for (j = 0; j < tables[i].ncolumns; j++) {
			c = &tables[i].columns[j];
			if (c->allowed == NULL)
				continue;
			lists++;
			strbuf_reset(&sb);
			strbuf_addf(&sb, "CHECK (%s IN (", c->name);
			for (n = 0; c->allowed[n] != NULL; n++)
				strbuf_addf(&sb, "%s'%s'", n ? ", " : "",
				    c->allowed[n]);
			strbuf_adds(&sb, "))");
			tap_ok(sql != NULL && strstr(sql, strbuf_str(&sb)) !=
			    NULL, "%s.%s: the schema has %s", tables[i].name,
			    c->name, strbuf_str(&sb));
		}
		free(sql);
	}
	for (p = db_schema_sql; (p = strstr(p, "CHECK (")) != NULL; p++)
		checks++;
	tap_is_int((long long)checks, (long long)lists, "every CHECK of the "
	    "schema is a list of allowed values the import checks");
	strbuf_free(&sb);
}

int
main(void)
{
	test_order();
	test_keys();
	test_headers();
	test_checks();
	return tap_done();
}
