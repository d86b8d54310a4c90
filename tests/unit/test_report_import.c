/*
 * test_report_import.c: unit tests for report_import() (core/report.h).
 *
 * A report built by hand, imported into a file and read back with SQLite:
 * its metadata as meta rows (no date: "not stated in the report"), the
 * source "cqc", its nodes with parents and slugs, its blocks byte for
 * byte (£ ’ 日本語, a tab); no scores, no places or figures.  A made-up
 * local authority report of tests/reports/, read and parsed: its scores
 * as figures of the council, out of 4 or 100, the place a council.  And
 * an error: a block of a node that is not there fails, with a cause that
 * names the report, and leaves the output as it was.  report_import_db():
 * the same rows into one database in memory, twice over (emptied between),
 * and a failure that leaves its tables empty.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/db.h"
#include "core/report.h"
#include "core/report_text.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "../tap.h"

#define BLOCK_TEXT	"Carers’ £5\trespite 日本語 — made up"

/* The rows of a query, "a|b" a row, one a line; NULL if it fails. */
static char *
query(const char *path, const char *sql)
{
	struct strbuf	 sb = STRBUF_INIT;
	sqlite3		*db;
	sqlite3_stmt	*st;
	int		 i;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
	    || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		printf("# %s: %s\n", sql, sqlite3_errmsg(db));
		sqlite3_close(db);
		strbuf_free(&sb);
		return NULL;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(st); i++) {
			const unsigned char *t = sqlite3_column_text(st, i);

			strbuf_addf(&sb, "%s%s", i ? "|" : "",
			    t != NULL ? (const char *)t : "NULL");
		}
		strbuf_addc(&sb, '\n');
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return strbuf_detach(&sb);
}

static void
expect_query(const char *path, const char *sql, const char *want,
    const char *name)
{
	char	*got = query(path, sql);

	tap_is_str(got, want, name);
	free(got);
}

static struct report *
hand_made(void)
{
	struct report		*r = report_new();
	struct report_line	*l;
	const char		*f;
	size_t			 theme;

	f = report_add_file(r, "made-up £.txt");
	l = report_add_line(r, f, 3, xstrdup("Theme 1: Leadership"), 19);
	r->framework = REPORT_ICS;
	r->title = xstrdup("Made-up ICS £ 日本語 (made up)");
	r->body = xstrdup("Made-up ICS");
	theme = report_add_node(r, "theme", NULL, "Leadership", "Theme 1: "
	    "Leadership", 0, l);
	report_add_node(r, "statement", NULL, "Learning culture", "", theme,
	    NULL);
	report_add_block(r, theme, "para", xstrdup(BLOCK_TEXT), l);
	report_add_block(r, 2, "item", xstrdup("ok"), NULL);
	return r;
}

static void
test_hand_made(const char *out)
{
	struct report	*r = hand_made();
	char		*cause = NULL;

	if (!tap_ok(report_import(r, out, &cause) == 0, "report_import: 0"))
		printf("# %s\n", cause);
	free(cause);
	expect_query(out, "SELECT key, value FROM meta ORDER BY rowid",
	    "title|Made-up ICS £ 日本語 (made up)\n"
	    "publisher|Care Quality Commission\n"
	    "published|not stated in the report\n"
	    "body|Made-up ICS\n", "meta: what the report has, in order");
	expect_query(out, "SELECT code, title, publisher FROM sources",
	    "cqc|Made-up ICS £ 日本語 (made up)|Care Quality Commission\n",
	    "one source, cqc");
	expect_query(out, "SELECT id, parent, kind, slug, title, heading, "
	    "source FROM nodes ORDER BY id",
	    "1|NULL|theme|leadership|Leadership|Theme 1: Leadership|cqc\n"
	    "2|1|statement|learning-culture|Learning culture||cqc\n",
	    "nodes: ids, parents, slugs");
	expect_query(out, "SELECT node, kind, text FROM blocks ORDER BY rowid",
	    "1|para|" BLOCK_TEXT "\n2|item|ok\n", "blocks byte for byte");
	expect_query(out, "SELECT (SELECT count(*) FROM places) || '/' || "
	    "(SELECT count(*) FROM figures)", "0/0\n",
	    "no scores: no places, no figures");
	report_free(r);

	/* A block of node 9 of 2: refused, the output kept as it was. */
	r = hand_made();
	report_add_block(r, 9, "para", xstrdup("orphan"), &r->lines[0]);
	tap_is_int(report_import(r, out, &cause), -1,
	    "a block of a missing node: -1");
	tap_ok(cause != NULL && strstr(cause, "made-up £.txt") != NULL,
	    "its cause names the report: %s", cause ? cause : "(null)");
	free(cause);
	cause = NULL;
	expect_query(out, "SELECT count(*) FROM blocks", "2\n",
	    "the output is as it was");
	report_free(r);
}

static void
test_fixture(const char *top, const char *out)
{
	struct report	*r = report_new();
	char		*path, *cause = NULL, *want;

	path = xasprintf("%s/tests/reports/made-up-la-2024.txt", top);
	if (report_text_load(r, path, &cause) != 0 ||
	    report_parse(r, &cause) != 0) {
		tap_ok(0, "read %s: %s", path, cause);
		free(cause);
		free(path);
		report_free(r);
		return;
	}
	free(path);
	tap_ok(r->framework == REPORT_LA && r->nscores > 0 && r->place != 0,
	    "the made-up council's report has scores and a place");
	if (!tap_ok(report_import(r, out, &cause) == 0, "imported"))
		printf("# %s\n", cause);
	free(cause);
	want = xasprintf("%s|council|%s|%zu\n", r->nodes[r->place - 1].slug,
	    r->nodes[r->place - 1].title, r->place);
	expect_query(out, "SELECT code, kind, name, node FROM places", want,
	    "the council as the place, at its node");
	free(want);
	want = xasprintf("%zu\n", r->nscores);
	expect_query(out, "SELECT count(*) FROM figures WHERE unit = 'score' "
	    "AND basis = 'value' AND place = (SELECT code FROM places)", want,
	    "every score a figure of the council");
	free(want);
	expect_query(out, "SELECT CAST(value AS INTEGER), out_of, text "
	    "FROM figures WHERE out_of = 100", "78|100|Made-up Borough Council scored 78 "
	    "out of 100 overall, indicating a good standard\n",
	    "the overall score, out of 100, as written");
	expect_query(out, "SELECT count(*), CAST(min(value) AS INTEGER), "
	    "CAST(max(value) AS INTEGER), CAST(sum(value) AS INTEGER) FROM "
	    "figures WHERE out_of = 4", "9|3|4|28\n",
	    "nine statement scores out of 4, 28 in all (78 of 100)");
	expect_query(out, "SELECT value FROM meta WHERE key = 'rating'",
	    "Good\n", "the rating in meta");
	report_free(r);
}

/* The rows of every table of db, counted, "meta/sources/.../figures". */
static char *
count_rows(struct db *db)
{
	sqlite3_stmt	*st;
	char		*cause = NULL, *got;

	if (db_stmt(db, "SELECT (SELECT count(*) FROM meta) || '/' || (SELECT "
	    "count(*) FROM sources) || '/' || (SELECT count(*) FROM nodes) || "
	    "'/' || (SELECT count(*) FROM blocks) || '/' || (SELECT count(*) "
	    "FROM places) || '/' || (SELECT count(*) FROM figures) || '/' || "
	    "(SELECT count(*) FROM search WHERE search MATCH 'respite')", &st,
	    &cause) != 0) {
		printf("# %s\n", cause);
		free(cause);
		return xstrdup("(cannot count)");
	}
	got = xstrdup(sqlite3_step(st) == SQLITE_ROW ?
	    (const char *)sqlite3_column_text(st, 0) : "(no row)");
	db_release(db, st);
	return got;
}

static void
test_import_db(void)
{
	struct report	*r;
	struct db	*db;
	char		*cause = NULL, *got;
	int		 i;

	if ((db = db_open(":memory:", DB_CREATE, &cause)) == NULL) {
		tap_ok(0, "a database in memory: %s", cause);
		free(cause);
		return;
	}
	r = hand_made();
	for (i = 0; i < 2; i++) {
		if (!tap_ok(report_import_db(r, db, &cause) == 0,
		    "report_import_db: 0 (import %d)", i + 1))
			printf("# %s\n", cause);
		free(cause);
		cause = NULL;
		got = count_rows(db);
		tap_is_str(got, "4/1/2/2/0/0/1", i == 0 ? "its rows, and the "
		    "search index finds the block" : "the same, imported again");
		free(got);
		tap_ok(db_exec(db, "DELETE FROM blocks; DELETE FROM nodes; "
		    "DELETE FROM sources; DELETE FROM meta; DELETE FROM search",
		    &cause) == 0, "emptied");
		free(cause);
		cause = NULL;
	}
	report_free(r);

	r = hand_made();
	report_add_block(r, 9, "para", xstrdup("orphan"), &r->lines[0]);
	tap_is_int(report_import_db(r, db, &cause), -1,
	    "report_import_db: a block of a missing node: -1");
	tap_ok(cause != NULL && strstr(cause, "made-up £.txt") != NULL,
	    "its cause names the report: %s", cause ? cause : "(null)");
	free(cause);
	got = count_rows(db);
	tap_is_str(got, "0/0/0/0/0/0/0", "the tables are left empty");
	free(got);
	report_free(r);
	db_close(db, NULL);
}

int
main(void)
{
	const char	*top;
	char		*out;

	if ((top = getenv("top_srcdir")) == NULL || *top == '\0')
		top = ".";
	out = xasprintf("test_report_import.%ld.db", (long)getpid());
	unlink(out);
	test_hand_made(out);
	unlink(out);
	test_fixture(top, out);
	unlink(out);
	test_import_db();
	free(out);
	return tap_done();
}
