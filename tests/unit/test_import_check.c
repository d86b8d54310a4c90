/*
 * test_import_check.c: unit tests for core/import_check.h.
 *
 * import_field() is table-driven: a value for each column type, good or
 * bad, must be refused with "FILE:LINE: COLUMN 'VALUE' what is wrong" or
 * bound as the type the schema wants (NULL for an empty optional field).
 * import_table_named() finds the tables; import_check_table() finds a
 * missing meta key in a database built by hand (the nodes' tree is
 * test_import_tree's); import_insert_error() names the duplicated key.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv_read.h"
#include "core/db.h"
#include "core/import_check.h"
#include "core/tables.h"
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

static const char *const kinds[] = { "para", "item", NULL };
static const char *const dirs[] = { "", "better", NULL };

static const struct column columns[] = {
	{ "text", COL_TEXT, NULL, NULL },
	{ "title", COL_NAME, NULL, NULL },
	{ "slug", COL_KEY, NULL, NULL },
	{ "id", COL_ID, NULL, NULL },
	{ "parent", COL_REF, NULL, "nodes" },
	{ "out_of", COL_COUNT, NULL, NULL },
	{ "value", COL_NUMBER, NULL, NULL },
	{ "source", COL_CODE, NULL, "sources" },
	{ "kind", COL_KEY, kinds, NULL },
	{ "direction", COL_TEXT, dirs, NULL },
};
enum { C_TEXT, C_NAME, C_KEY, C_ID, C_REF, C_COUNT, C_NUMBER, C_CODE,
    C_KIND, C_DIR };

struct field_case {
	int		 col;
	const char	*s;
	const char	*type;	/* typeof() bound; NULL: refused */
	const char	*bound;	/* the value as text, or the message's end */
};

static const struct field_case field_cases[] = {
	{ C_TEXT, "", "text", "" },
	{ C_TEXT, "£909.1 million – ’日本語’\t", "text",
	    "£909.1 million – ’日本語’\t" },
	{ C_NAME, "Learning culture", "text", "Learning culture" },
	{ C_NAME, "", NULL, "title '' is empty" },
	{ C_KEY, "learning-culture", "text", "learning-culture" },
	{ C_KEY, "x1-2-y", "text", "x1-2-y" },
	{ C_KEY, "Learning", NULL, "is not a key" },
	{ C_KEY, "two  words", NULL, "is not a key" },
	{ C_KEY, "-dash", NULL, "is not a key" },
	{ C_KEY, "dash-", NULL, "is not a key" },
	{ C_KEY, "a--b", NULL, "is not a key" },
	{ C_KEY, "日本", NULL, "is not a key" },
	{ C_KEY, "", NULL, "is not a key" },
	{ C_ID, "1", "integer", "1" },
	{ C_ID, "2147483647", "integer", "2147483647" },
	{ C_ID, "2147483648", NULL, "from 1 to 2147483647" },
	{ C_ID, "0", NULL, "from 1 to 2147483647" },
	{ C_ID, "-1", NULL, "from 1 to 2147483647" },
	{ C_ID, "+1", NULL, "from 1 to 2147483647" },
	{ C_ID, " 1", NULL, "from 1 to 2147483647" },
	{ C_ID, "1 ", NULL, "from 1 to 2147483647" },
	{ C_ID, "0x10", NULL, "from 1 to 2147483647" },
	{ C_ID, "", NULL, "from 1 to 2147483647" },
	{ C_ID, "99999999999999999999999", NULL, "from 1 to 2147483647" },
	{ C_REF, "", "null", "" },
	{ C_REF, "7", "integer", "7" },
	{ C_REF, "0", NULL, "from 1 to 2147483647" },
	{ C_COUNT, "", "null", "" },
	{ C_COUNT, "0", "integer", "0" },
	{ C_COUNT, "42", "integer", "42" },
	{ C_COUNT, "-1", NULL, "is not a whole number" },
	{ C_COUNT, "4.5", NULL, "is not a whole number" },
	{ C_NUMBER, "80.5", "real", "80.5" },
	{ C_NUMBER, "-3.25", "real", "-3.25" },
	{ C_NUMBER, "1e3", "real", "1000.0" },
	{ C_NUMBER, "", NULL, "is not a number" },
	{ C_NUMBER, "inf", NULL, "is not a number" },
	{ C_NUMBER, "nan", NULL, "is not a number" },
	{ C_NUMBER, "1e999", NULL, "is not a number" },
	{ C_NUMBER, "0x1p3", NULL, "is not a number" },
	{ C_NUMBER, "£5", NULL, "is not a number" },
	{ C_NUMBER, "5 ", NULL, "is not a number" },
	{ C_NUMBER, "1.2.3", NULL, "is not a number" },
	{ C_CODE, "", "null", "" },
	{ C_CODE, "cqc", "text", "cqc" },
	{ C_CODE, "CQC", NULL, "is not a key" },
	{ C_KIND, "para", "text", "para" },
	{ C_KIND, "quote", NULL, "is not one of: para, item" },
	{ C_DIR, "", "text", "" },
	{ C_DIR, "worse", NULL, "is not one of: empty, better" },
};

static void
test_fields(sqlite3 *h)
{
	const struct field_case	*fc;
	sqlite3_stmt		*st;
	const char		*type, *text;
	char			*cause, *want;
	size_t			 i;
	int			 rc;

	if (sqlite3_prepare_v2(h, "SELECT typeof(?1), ?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return;
	for (i = 0; i < NITEMS(field_cases); i++) {
		fc = &field_cases[i];
		cause = NULL;
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		rc = import_field(st, 1, &columns[fc->col], fc->s,
		    strlen(fc->s), "nodes.csv", 12, &cause);
		if (fc->type == NULL) {
			want = malloc(strlen(columns[fc->col].name) + 64);
			sprintf(want, "nodes.csv:12: %s '", columns[fc->col].name);
			tap_ok(rc == -1 && cause != NULL &&
			    strncmp(cause, want, strlen(want)) == 0 &&
			    strstr(cause, fc->bound) != NULL,
			    "%s '%s' refused: %s", columns[fc->col].name, fc->s,
			    cause != NULL ? cause : "(no cause)");
			free(want);
			free(cause);
			continue;
		}
		type = text = NULL;
		if (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
			type = (const char *)sqlite3_column_text(st, 0);
			text = (const char *)sqlite3_column_text(st, 1);
		}
		tap_ok(rc == 0 && type != NULL && strcmp(type, fc->type) == 0 &&
		    strcmp(text != NULL ? text : "", fc->bound) == 0,
		    "%s '%s' bound as %s '%s'", columns[fc->col].name, fc->s,
		    type != NULL ? type : "nothing", text != NULL ? text : "");
		free(cause);
	}
	sqlite3_finalize(st);
}

static void
test_named(void)
{
	size_t	 i;
	int	 all = 1;

	for (i = 0; i < ntables; i++)
		all = all && import_table_named(tables[i].name) == &tables[i];
	tap_ok(all, "import_table_named finds every table");
	tap_ok(import_table_named("nope") == NULL &&
	    import_table_named("") == NULL && import_table_named("Nodes") ==
	    NULL, "... and no other");
}

static void
test_meta(struct db *db)
{
	const struct table	*t = import_table_named("meta");
	char			*cause = NULL;

	db_exec(db, "DELETE FROM meta; INSERT INTO meta VALUES ('title', "
	    "'£ ’ 日本語'), ('published', '2024')", &cause);
	tap_is_int(import_check_table(db, t, "meta.csv", NULL, &cause), -1,
	    "meta without a publisher fails");
	tap_is_str(cause, "meta.csv: no row for the key 'publisher'",
	    "... and says which key");
	free(cause);
	cause = NULL;
	db_exec(db, "INSERT INTO meta VALUES ('publisher', 'CQC')", &cause);
	tap_is_int(import_check_table(db, t, "meta.csv", NULL, &cause), 0,
	    "meta with the three keys passes");
	tap_is_int(import_check_table(db, import_table_named("sources"),
	    "sources.csv", NULL, &cause), 0, "a table with no checks passes");
}

static void
test_insert_error(struct db *db)
{
	char			*fields[] = { "title", "again" };
	size_t			 lens[] = { 5, 5 };
	struct csv_record	 rec = { 4, 2, fields, lens };
	char			*cause = NULL;

	tap_ok(db_exec(db, "INSERT INTO meta VALUES ('title', 'again')",
	    &cause) == -1, "a duplicate key is refused by SQLite");
	free(cause);
	cause = import_insert_error(db, import_table_named("meta"), &rec,
	    "meta.csv");
	tap_is_str(cause, "meta.csv:4: duplicate key 'title'",
	    "import_insert_error names the key and its value");
	free(cause);
}

int
main(void)
{
	struct db	*db;
	char		*cause = NULL;

	test_named();
	if ((db = db_open(":memory:", DB_CREATE | DB_SCRATCH, &cause)) ==
	    NULL) {
		printf("Bail out! %s\n", cause);
		return 1;
	}
	test_fields(db_handle(db));
	test_meta(db);
	test_insert_error(db);
	db_close(db, NULL);
	return tap_done();
}
