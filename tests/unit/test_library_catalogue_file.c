/*
 * test_library_catalogue_file.c: the catalogue's file
 * (library_catalogue_file.c): made where there is none, kept when sound,
 * made anew when it is garbage, cut short or of another version, with a
 * stale journal and a killed making's leftovers removed; the lock taken
 * once; a damaged one found as it is read, and removed, by the failed
 * read's connection or by the code a write kept before its rollback.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/db.h"
#include "core/library_catalogue_file.h"
#include "core/xmalloc.h"
#include "../tap.h"

/* Open (or make) the catalogue at path, the lock let go; NULL on failure. */
static struct db *
open_cat(const char *dir, const char *path)
{
	struct catfile_writer	 w = { dir, -1, 0 };
	struct db		*db;
	char			*cause = NULL;

	db = catfile_db(&w, path, &cause);
	catfile_unlock(&w);
	if (db == NULL)
		tap_diag(cause != NULL ? cause : "?");
	free(cause);
	return db;
}

static void
put(const char *path, const char *text)
{
	FILE	*f;

	if ((f = fopen(path, "w")) != NULL) {
		fputs(text, f);
		fclose(f);
	}
}

static int
mark(struct db *db)
{
	char	*cause = NULL;
	int	 rc;

	rc = db_exec(db, "INSERT INTO catalogue_members (name, path, ino, "
	    "size, mtime, framework, title, published, rating, body) VALUES "
	    "('mark', 'p', 1, 1, 1, 'la', 't', 'p', 'r', 'b')", &cause);
	free(cause);
	return rc;
}

/* How many members the catalogue at path holds (-1: none to open). */
static int
has_mark(const char *dir, const char *path)
{
	struct db	*db;
	sqlite3_stmt	*st;
	char		*cause = NULL;
	int		 n = 0;

	if ((db = open_cat(dir, path)) == NULL)
		return -1;
	if (db_prepare(db, "SELECT count(*) FROM catalogue_members", &st,
	    &cause) == 0) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	free(cause);
	db_close(db, NULL);
	return n;
}

/* Made, kept, and made anew when it is not sound. */
static void
test_made(const char *tmpl, const char *path)
{
	struct db	*db;
	char		*cause = NULL, *journal, *left;
	pid_t		 dead;

	journal = xasprintf("%s-journal", path);

	tap_ok((db = open_cat(tmpl, path)) != NULL && mark(db) == 0, "none: made, and written");
	db_close(db, NULL);
	tap_ok(has_mark(tmpl, path) == 1, "sound: kept as it was");

	put(path, "not a database at all");
	tap_ok(has_mark(tmpl, path) == 0, "garbage: made anew");

	db = open_cat(tmpl, path);
	tap_ok(db != NULL && mark(db) == 0 && db_exec(db, "UPDATE meta SET "
	    "value = '0' WHERE key = 'catalogue'", &cause) == 0,
	    "one of another version");
	db_close(db, NULL);
	tap_ok(has_mark(tmpl, path) == 0, "is made anew");

	db = open_cat(tmpl, path);
	tap_ok(db != NULL && mark(db) == 0, "marked again");
	db_close(db, NULL);
	tap_ok(truncate(path, 1024) == 0 && has_mark(tmpl, path) == 0,
	    "cut short: made anew");

	/* A journal beside a missing one; a killed making's leftovers. */
	if ((dead = fork()) == 0)
		_exit(0);
	waitpid(dead, NULL, 0);
	left = xasprintf("%s/.catalogue-%ld.db", tmpl, (long)dead);
	unlink(path);
	put(journal, "a journal of another file");
	put(left, "half made");
	tap_ok(has_mark(tmpl, path) == 0 && access(journal, F_OK) == -1 &&
	    access(left, F_OK) == -1,
	    "missing: made anew, the stale journal and leftovers gone");
	free(cause);
	free(left);
	free(journal);
}

/* The lock; damage found as it is read. */
static void
test_lock_failed(const char *tmpl, const char *path)
{
	struct catfile_writer	 w;
	struct db		*db;
	char			*cause = NULL, *cmd;

	w.dir = tmpl;
	w.fd = -1;
	tap_ok(catfile_lock(&w, &cause) == 0 && w.fd != -1 &&
	    catfile_lock(&w, &cause) == 0, "the lock, taken once");
	catfile_unlock(&w);
	tap_ok(w.fd == -1, "and let go");

	db = open_cat(tmpl, path);
	tap_ok(db != NULL && !catfile_failed(db, tmpl) &&
	    access(path, F_OK) == 0, "not failed: not damaged, kept");
	cmd = xasprintf("dd if=/dev/zero of='%s' bs=1024 count=4 "
	    "conv=notrunc 2>/dev/null", path);
	tap_ok(system(cmd) == 0, "zeroed while open");
	free(cmd);
	tap_ok(db_exec(db, "SELECT count(*) FROM catalogue_members",
	    &cause) != 0 && catfile_failed(db, tmpl) &&
	    access(path, F_OK) == -1, "a read fails: damaged, and removed");
	db_close(db, NULL);
	free(cause);
}

/* The code a failed write kept: damage (an extended code too) removes. */
static void
test_failed_code(const char *tmpl, const char *path)
{
	struct catfile_writer	 w = { tmpl, -1, 0 };
	struct db		*db;

	if ((db = open_cat(tmpl, path)) == NULL) {
		tap_ok(0, "a catalogue to fail");
		return;
	}
	db_close(db, NULL);
	tap_ok(!catfile_failed_code(&w, SQLITE_OK) &&
	    !catfile_failed_code(&w, SQLITE_FULL) &&
	    !catfile_failed_code(&w, SQLITE_IOERR_WRITE) &&
	    access(path, F_OK) == 0, "a full disk or a write error: kept");
	tap_ok(catfile_failed_code(&w, SQLITE_CORRUPT_VTAB) &&
	    access(path, F_OK) == -1 && w.fd != -1,
	    "SQLITE_CORRUPT_VTAB: damaged, removed, under the lock (held)");
	catfile_unlock(&w);
	if ((db = open_cat(tmpl, path)) != NULL)
		db_close(db, NULL);
	tap_ok(catfile_failed_code(&w, SQLITE_NOTADB) &&
	    access(path, F_OK) == -1, "SQLITE_NOTADB: removed too");
	catfile_unlock(&w);
}

int
main(void)
{
	char	 tmpl[] = "/tmp/test_library_catalogue_file.XXXXXX";
	char	*path, *cmd;

	if (mkdtemp(tmpl) == NULL) {
		tap_diag("no temporary folder: skipped");
		return tap_done();
	}
	path = xasprintf("%s/" CATFILE_NAME, tmpl);
	test_made(tmpl, path);
	test_lock_failed(tmpl, path);
	test_failed_code(tmpl, path);
	cmd = xasprintf("rm -rf '%s'", tmpl);
	if (system(cmd) != 0)
		tap_diag("could not remove the temporary folder");
	free(cmd);
	free(path);
	return tap_done();
}
