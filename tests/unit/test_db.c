/*
 * test_db.c: unit tests for core/db.h.
 *
 * db_open() turns away, each with one line that says what is wrong, every
 * file that is not an icsbrowse database of this schema version (missing,
 * a directory, empty, not SQLite, another program's, another version),
 * and opens read-only without changing a byte.  DB_CREATE makes the
 * schema.  The kept statements of db_stmt() come back reset and unbound;
 * the check of db_set_check() stops a query and db_interrupted() says so;
 * db_cause() names the database as db_set_name() says.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db.h"
#include "core/xmalloc.h"
#include "../tap.h"

static char	*dir;

static char *
tmp_path(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void
write_file(const char *path, const char *s, size_t len)
{
	FILE	*f;

	if ((f = fopen(path, "w")) != NULL) {
		fwrite(s, 1, len, f);
		fclose(f);
	}
}

/* Make a database with sql, outside db_open(), to be refused. */
static void
make_sqlite(const char *path, const char *sql)
{
	sqlite3	*h;

	if (sqlite3_open(path, &h) == SQLITE_OK)
		sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_close(h);
}

struct refuse_case {
	const char	*name;
	const char	*want;	/* in the cause, after "PATH: " */
};

static const struct refuse_case refuse_cases[] = {
	{ "missing", "No such file or directory" },
	{ "dir", "is a directory, not a database" },
	{ "empty", "empty file, not a database" },
	{ "text", "not an SQLite database" },
	{ "other", "not an icsbrowse database" },
	{ "version", "database schema version 99, but this icsbrowse reads "
	    "version 1" },
	{ "fifo", "not a regular file" },
};

static void
test_refuse(void)
{
	struct db	*db;
	char		*path, *cause, *want;
	size_t		 i;

	path = tmp_path("dir");
	mkdir(path, 0700);
	free(path);
	path = tmp_path("empty");
	write_file(path, "", 0);
	free(path);
	path = tmp_path("text");
	write_file(path, "£909.1 million – 日本語\tnot SQLite\n" "xxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 150);
	free(path);
	path = tmp_path("other");
	make_sqlite(path, "CREATE TABLE t(x)");
	free(path);
	path = tmp_path("version");
	make_sqlite(path, "PRAGMA application_id = 1229148994; PRAGMA "
	    "user_version = 99; CREATE TABLE t(x)");
	free(path);
	path = tmp_path("fifo");
	mkfifo(path, 0600);
	free(path);
	for (i = 0; i < sizeof refuse_cases / sizeof refuse_cases[0]; i++) {
		path = tmp_path(refuse_cases[i].name);
		cause = NULL;
		db = db_open(path, DB_READONLY, &cause);
		want = xasprintf("%s: ", path);
		tap_ok(db == NULL && cause != NULL && strncmp(cause, want,
		    strlen(want)) == 0 && strstr(cause, refuse_cases[i].want)
		    != NULL && strchr(cause, '\n') == NULL,
		    "refuses %s: %s", refuse_cases[i].name,
		    cause != NULL ? cause : "(opened)");
		db_close(db, NULL);
		free(want);
		free(cause);
		free(path);
	}
}

static int
count_rows(struct db *db, const char *sql)
{
	sqlite3_stmt	*st;
	char		*cause = NULL;
	int		 n = -1;

	if (db_prepare(db, sql, &st, &cause) != 0) {
		free(cause);
		return -1;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void
test_create_and_read(void)
{
	struct stat	 a, b;
	struct db	*db;
	sqlite3_stmt	*st;
	char		*path, *cause = NULL;

	path = tmp_path("new.db");
	db = db_open(path, DB_CREATE | DB_SCRATCH, &cause);
	tap_ok(db != NULL, "DB_CREATE makes a new database");
	tap_ok(db != NULL && db_exec(db, "INSERT INTO meta VALUES ('title', "
	    "'£ ’ 日本語')", &cause) == 0, "... with the schema");
	tap_is_int(db_close(db, &cause), 0, "... and closes");
	stat(path, &a);
	db = db_open(path, DB_READONLY, &cause);
	tap_ok(db != NULL, "it opens read-only: %s", db ? "" : cause);
	tap_is_int(count_rows(db, "SELECT count(*) FROM meta"), 1,
	    "... and reads");
	tap_is_int(db_exec(db, "DELETE FROM meta", &cause), -1,
	    "... but does not write");
	tap_ok(cause != NULL && strstr(cause, "read-only") != NULL &&
	    strncmp(cause, path, strlen(path)) == 0, "... saying so: %s",
	    cause ? cause : "");
	free(cause);
	cause = NULL;
	db_set_name(db, "nodes.db");
	tap_is_str(db_path(db), "nodes.db", "db_set_name renames it");
	tap_is_int(db_prepare(db, "SELEC nonsense", &st, &cause), -1,
	    "a bad statement does not prepare");
	tap_ok(cause != NULL && strncmp(cause, "nodes.db: ", 10) == 0,
	    "... and the cause names it as set: %s", cause ? cause : "");
	free(cause);
	db_close(db, NULL);
	stat(path, &b);
	tap_ok(a.st_size == b.st_size && a.st_mtime == b.st_mtime,
	    "reading changes nothing");
	tap_is_int(db_close(NULL, NULL), 0, "db_close(NULL) does nothing");
	free(path);
}

/*
 * Many texts, more than are kept: each kept one is found again by its
 * text (those sharing a length and the bytes the cache looks at too),
 * and one past the cache is finalised on release, not kept.
 */
static void
test_stmt_many(struct db *db)
{
	sqlite3_stmt	*st;
	char		*cause = NULL, sql[64];
	size_t		 i, pass, kept = 0, ok = 0;

	/* A statement kept and found again has run twice. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < 160; i++) {
			snprintf(sql, sizeof sql, "SELECT %zu + 1000",
			    i + 1000);
			if (db_stmt(db, sql, &st, &cause) != 0)
				continue;
			if (sqlite3_step(st) == SQLITE_ROW &&
			    sqlite3_column_int64(st, 0) == (int64_t)i + 2000)
				ok++;
			if (pass == 1)
				kept += sqlite3_stmt_status(st,
				    SQLITE_STMTSTATUS_RUN, 0) == 2;
			db_release(db, st);
		}
	free(cause);
	tap_is_int((long long)ok, 320, "160 texts prepared and run twice, "
	    "each its own statement");
	tap_ok(kept >= 40 && kept < 160, "the kept ones found again by their "
	    "text (%zu of 160), not all of them", kept);
}

static void
test_stmt(struct db *db)
{
	sqlite3_stmt	*a, *b, *c;
	char		*cause = NULL;

	db_stmt(db, "SELECT ?1", &a, &cause);
	sqlite3_bind_int(a, 1, 42);
	sqlite3_step(a);
	db_stmt(db, "SELECT ?1", &b, &cause);
	tap_ok(a != NULL && b != NULL && a != b,
	    "a kept statement in use is not handed out twice");
	db_release(db, a);
	db_stmt(db, "SELECT ?1", &c, &cause);
	tap_ok(c == a, "a released statement is handed out again");
	tap_ok(sqlite3_step(c) == SQLITE_ROW &&
	    sqlite3_column_type(c, 0) == SQLITE_NULL,
	    "... reset and unbound");
	db_release(db, c);
	db_release(db, b);
	db_release(db, NULL);
	tap_is_int(db_stmt(db, "SELECT * FROM nowhere", &a, &cause), -1,
	    "db_stmt of a bad statement fails");
	tap_ok(cause != NULL && strstr(cause, "no such table") != NULL &&
	    a == NULL, "... with a cause and no statement");
	free(cause);
}

static int
stop_now(void *arg)
{
	++*(int *)arg;
	return 1;
}

static void
test_check(struct db *db)
{
	char	*cause = NULL;
	int	 calls = 0;

	db_set_check(db, stop_now, &calls);
	tap_is_int(db_exec(db, "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL "
	    "SELECT i + 1 FROM c WHERE i < 10000000) SELECT count(*) FROM c",
	    &cause), -1, "the check stops a long query");
	tap_ok(calls > 0 && db_interrupted(db), "... and db_interrupted says so");
	free(cause);
	cause = NULL;
	db_set_check(db, NULL, NULL);
	tap_is_int(db_exec(db, "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL "
	    "SELECT i + 1 FROM c WHERE i < 100000) SELECT count(*) FROM c",
	    &cause), 0, "without a check it runs");
	tap_ok(!db_interrupted(db), "... and was not stopped");
	db_read_begin(db);
	tap_ok(!sqlite3_get_autocommit(db_handle(db)),
	    "db_read_begin holds a transaction");
	db_read_begin(db);
	db_read_end(db);
	tap_ok(sqlite3_get_autocommit(db_handle(db)), "db_read_end ends it");
	db_read_end(db);
	free(cause);
}

int
main(void)
{
	struct db	*db;
	char		*cause = NULL, *cmd;
	const char	*t;

	if ((t = getenv("TMPDIR")) == NULL || *t == '\0')
		t = "/tmp";
	dir = xasprintf("%s/icsb-test-db.XXXXXX", t);
	if (mkdtemp(dir) == NULL) {
		printf("Bail out! cannot make %s\n", dir);
		return 1;
	}
	test_refuse();
	test_create_and_read();
	db = db_open(":memory:", DB_CREATE | DB_SCRATCH, &cause);
	test_stmt(db);
	test_stmt_many(db);
	test_check(db);
	db_close(db, NULL);
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		tap_diag("cannot remove the scratch directory");
	free(cmd);
	free(dir);
	return tap_done();
}
