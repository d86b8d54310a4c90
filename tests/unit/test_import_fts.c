/*
 * test_import_fts.c: the search index built on a thread (import_fts.c).
 *
 * Nodes given in any order and blocks node by node make one row a node,
 * in id order, its title with the heading where it differs, its body the
 * blocks joined by newlines, as import_sink_commit()'s SQL makes them;
 * rows past a chunk of the queue all arrive; blocks out of order give up
 * (1); a file that cannot be made is one line naming the output; a free
 * in mid-stream stops the thread.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/import_fts.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "../tap.h"

static char	 dir[] = "/tmp/test_import_fts.XXXXXX";

static void
node(struct import_fts *f, long long id, const char *title,
    const char *heading)
{
	import_fts_node(f, id, title, strlen(title), heading, strlen(heading));
}

static void
block(struct import_fts *f, long long id, const char *text)
{
	import_fts_block(f, id, text, strlen(text));
}

/*
 * "a|b|c;" for every row of sql in the file at path (the thread's, with
 * the search table alone: not a database db_open() would take), or the
 * error.
 */
static char *
rows(const char *path, const char *sql)
{
	struct strbuf	 sb = STRBUF_INIT;
	sqlite3		*h;
	sqlite3_stmt	*st;

	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK || sqlite3_prepare_v2(h, sql, -1, &st, NULL) !=
	    SQLITE_OK) {
		strbuf_adds(&sb, sqlite3_errmsg(h));
		sqlite3_close(h);
		return strbuf_detach(&sb);
	}
	while (sqlite3_step(st) == SQLITE_ROW)
		strbuf_addf(&sb, "%lld|%s|%s;", sqlite3_column_int64(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	sqlite3_close(h);
	return strbuf_detach(&sb);
}

static void
test_rows(const char *path)
{
	struct import_fts	*f;
	char			*cause = NULL, *got;

	f = import_fts_start(path, "out.db", &cause);
	tap_ok(f != NULL, "the thread starts");
	node(f, 3, "Three", "Three");
	node(f, 1, "One", "");
	node(f, 2, "Two", "2. Two £");
	node(f, 4, "Four", "");
	block(f, 1, "日本語 first");
	block(f, 1, "second\tline");
	block(f, 3, "three’s");
	tap_is_int(import_fts_finish(f, &cause), 0, "the index is built");
	import_fts_free(f);
	got = rows(path, "SELECT rowid, title, body FROM search ORDER BY "
	    "rowid");
	tap_is_str(got, "1|One|日本語 first\nsecond\tline;2|Two\n2. Two £|;"
	    "3|Three|three’s;4|Four|;", "a row a node, in id order, as the "
	    "SQL build makes them");
	free(got);
	got = rows(path, "SELECT 0, k, v FROM search_config ORDER BY k");
	tap_is_str(got, "0|hashsize|1048576;0|rank|bm25(4.0, 1.0);0|version|4;",
	    "with the settings of the SQL build");
	free(got);
	got = rows(path, "SELECT rowid, title, '' FROM search WHERE search "
	    "MATCH 'second'");
	tap_is_str(got, "1|One|;", "and it finds what the blocks say");
	free(got);
	free(cause);
	unlink(path);
}

/* More rows than a chunk holds, and more chunks than the queue. */
static void
test_many(const char *path)
{
	struct import_fts	*f;
	char			*cause = NULL, *got, text[200];
	long long		 i;

	f = import_fts_start(path, "out.db", &cause);
	for (i = 1; i <= 20000; i++)
		node(f, i, "Node", "");
	for (i = 1; i <= 20000; i++) {
		snprintf(text, sizeof text, "word%lld and a line of text long "
		    "enough that twenty thousand of them fill several chunks "
		    "of the queue between the threads", i);
		block(f, i, text);
		block(f, i, "again");
	}
	tap_is_int(import_fts_finish(f, &cause), 0, "20,000 rows are built");
	import_fts_free(f);
	got = rows(path, "SELECT count(*), sum(rowid), '' FROM search");
	tap_is_str(got, "20000|200010000|;", "every one of them");
	free(got);
	got = rows(path, "SELECT rowid, title, body FROM search WHERE search "
	    "MATCH 'word19999'");
	tap_ok(strncmp(got, "19999|Node|word19999 and ", 25) == 0 &&
	    strstr(got, "threads\nagain;") != NULL, "the last chunks are in");
	free(got);
	free(cause);
	unlink(path);
}

static void
test_unordered(const char *path)
{
	struct import_fts	*f;
	char			*cause = NULL;

	f = import_fts_start(path, "out.db", &cause);
	node(f, 1, "One", "");
	node(f, 2, "Two", "");
	block(f, 2, "two");
	block(f, 1, "one");
	tap_is_int(import_fts_finish(f, &cause), 1, "a block of a node "
	    "already written: given up");
	tap_ok(cause == NULL, "without a message");
	import_fts_free(f);
	unlink(path);
}

static void
test_fail(void)
{
	struct import_fts	*f;
	char			*cause = NULL, *path;

	path = xasprintf("%s/no/such/dir.db", dir);
	f = import_fts_start(path, "out.db", &cause);
	node(f, 1, "One", "");
	block(f, 1, "one");
	tap_is_int(import_fts_finish(f, &cause), -1, "a file that cannot be "
	    "made fails");
	tap_ok(cause != NULL && strchr(cause, '\n') == NULL &&
	    strncmp(cause, path, strlen(path)) == 0, "in one line that names "
	    "it (the sink puts the output's name for it)");
	import_fts_free(f);
	free(cause);
	free(path);
}

static void
test_stop(const char *path)
{
	struct import_fts	*f;
	char			*cause = NULL;
	long long		 i;

	f = import_fts_start(path, "out.db", &cause);
	for (i = 1; i <= 5000; i++)
		node(f, i, "Node", "");
	for (i = 1; i <= 2000; i++)
		block(f, i, "a block given before the import gives up");
	import_fts_free(f);
	tap_ok(1, "a free in mid-stream stops the thread");
	import_fts_free(NULL);
	unlink(path);
}

int
main(void)
{
	char	*path;

	if (mkdtemp(dir) == NULL)
		return 1;
	tap_ok(import_fts_usable(), "SQLite may be used from two threads");
	path = xasprintf("%s/fts.db", dir);
	test_rows(path);
	test_many(path);
	test_unordered(path);
	test_fail();
	test_stop(path);
	free(path);
	rmdir(dir);
	return tap_done();
}
