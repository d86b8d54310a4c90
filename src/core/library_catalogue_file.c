/*
 * library_catalogue_file.c: the library catalogue's file (see
 * library_catalogue_file.h): the lock its writers hold, made anew when it
 * is missing, cut short, damaged or of another version, and removed when
 * found damaged as it is read.  What it holds is library_catalogue.c's.
 */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/db.h"
#include "core/library.h"
#include "core/library_catalogue_file.h"
#include "core/xmalloc.h"

#define CATFILE_LOCK	".lock"	/* the library's, as library_add.c takes it */
#define CATFILE_VERSION	"1"	/* of the tables below; another is made anew */

static const char catfile_schema[] =
	"CREATE TABLE catalogue_members (\n"
	"	seq	INTEGER PRIMARY KEY,\n"
	"	name	TEXT NOT NULL UNIQUE,\n"
	"	path	TEXT NOT NULL,\n"
	"	ino	INTEGER NOT NULL,\n"
	"	size	INTEGER NOT NULL,\n"
	"	mtime	INTEGER NOT NULL,\n"
	"	framework TEXT NOT NULL, title TEXT NOT NULL,\n"
	"	published TEXT NOT NULL, rating TEXT NOT NULL,\n"
	"	body	TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE catalogue_scores (\n"
	"	seq	INTEGER NOT NULL,\n"
	"	k	INTEGER NOT NULL,\n"
	"	value	INTEGER NOT NULL,\n"
	"	PRIMARY KEY (seq, k)\n"
	");\n"
	"INSERT INTO meta(key, value) VALUES ('title', "
	"'The catalogue of the library');\n"
	"INSERT INTO meta(key, value) VALUES ('catalogue', '" CATFILE_VERSION
	"');\n"
	"INSERT INTO search(search, rank) VALUES ('rank', 'bm25(4.0, 1.0)');\n";

/* Take the library's lock, once; 0, or -1 with *cause. */
int
catfile_lock(struct catfile_writer *w, char **cause)
{
	char	*p;

	if (w->fd != -1)
		return 0;
	p = xasprintf("%s/" CATFILE_LOCK, w->dir);
	w->fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (w->fd == -1 || flock(w->fd, LOCK_EX) != 0) {
		*cause = xasprintf("%s: cannot lock the library: %s", p,
		    strerror(errno));
		if (w->fd != -1)
			close(w->fd);
		w->fd = -1;
	}
	free(p);
	return w->fd != -1 ? 0 : -1;
}

void
catfile_unlock(struct catfile_writer *w)
{
	if (w->fd != -1)
		close(w->fd);
	w->fd = -1;
}

/* Make the catalogue anew (the lock held): built aside, renamed in. */
static int
cat_create(const char *dir, const char *path, char **cause)
{
	struct db	*db;
	char		*tmp, *journal;
	int		 rc = -1;

	library_sweep(dir);	/* what a killed cat_create() left */
	tmp = xasprintf("%s/.catalogue-%ld.db", dir, (long)getpid());
	unlink(tmp);
	if ((db = db_open(tmp, DB_CREATE, cause)) == NULL) {
		free(tmp);
		return -1;
	}
	if (db_exec(db, "BEGIN", cause) == 0 &&
	    db_exec(db, catfile_schema, cause) == 0 &&
	    db_exec(db, "COMMIT", cause) == 0 &&
	    db_close(db, cause) == 0) {
		db = NULL;
		/*
		 * The old one's journal, if a writer was killed, would be
		 * rolled back into the new one: it goes first.  None is
		 * being written (the lock is held).
		 */
		journal = xasprintf("%s-journal", path);
		if ((unlink(journal) == 0 || errno == ENOENT) &&
		    rename(tmp, path) == 0)
			rc = 0;
		else
			*cause = xasprintf("%s: %s", path, strerror(errno));
		free(journal);
	}
	db_close(db, NULL);
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* Step st, whose one row is one column; 1 if it is as test says. */
static int
cat_row_is(sqlite3_stmt *st, long long min, const char *text)
{
	const unsigned char	*v;
	int			 ok = 0;

	if (sqlite3_step(st) == SQLITE_ROW) {
		v = sqlite3_column_text(st, 0);
		ok = text != NULL ? v != NULL && strcmp((const char *)v,
		    text) == 0 : sqlite3_column_int64(st, 0) <= min;
	}
	sqlite3_finalize(st);
	return ok;
}

/* The catalogue at path if it is one, of this version, whole; else NULL. */
static struct db *
cat_sound(const char *path)
{
	struct stat	 sb;
	struct db	*db;
	sqlite3_stmt	*st;
	char		*why = NULL;
	int		 ok;

	/*
	 * Cut short (fewer pages than it says it has), or its own tables
	 * missing or of another version: not sound.  What SQLite finds
	 * damaged later is library_catalogue_failed()'s.
	 */
	/* Missing: not opened (which would make it, and could roll a
	 * killed writer's journal left beside it into the new file). */
	if (stat(path, &sb) != 0)
		return NULL;
	ok = (db = db_open(path, 0, &why)) != NULL &&
	    db_prepare(db, "SELECT page_count * page_size FROM "
	    "pragma_page_count, pragma_page_size", &st, &why) == 0 &&
	    cat_row_is(st, (long long)sb.st_size, NULL) &&
	    db_prepare(db, "SELECT value FROM meta WHERE key = 'catalogue' "
	    "AND EXISTS (SELECT 1 FROM catalogue_members) + EXISTS (SELECT 1 "
	    "FROM catalogue_scores) >= 0", &st, &why) == 0 &&
	    cat_row_is(st, 0, CATFILE_VERSION);
	free(why);
	if (ok)
		return db;
	db_close(db, NULL);
	return NULL;
}

/*
 * Open the catalogue at path; one that is missing, damaged or of
 * another version is made anew, under the lock (and looked at again
 * once it is held: another may have made it meanwhile).
 */
struct db *
catfile_db(struct catfile_writer *w, const char *path, char **cause)
{
	struct db	*db;

	if ((db = cat_sound(path)) != NULL)
		return db;
	if (catfile_lock(w, cause) != 0)
		return NULL;
	if ((db = cat_sound(path)) != NULL)
		return db;
	if (cat_create(w->dir, path, cause) != 0)
		return NULL;
	if ((db = cat_sound(path)) == NULL)
		*cause = xasprintf("%s: cannot open the catalogue", path);
	return db;
}

int
catfile_failed_code(struct catfile_writer *w, int code)
{
	char	*path, *why = NULL;

	code &= 0xff;
	if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB)
		return 0;
	/* Under the lock, so that none is writing it. */
	path = xasprintf("%s/" CATFILE_NAME, w->dir);
	if (catfile_lock(w, &why) == 0)
		unlink(path);
	free(path);
	free(why);
	return 1;
}

int
catfile_failed(struct db *db, const char *dir)
{
	struct catfile_writer	 w = { dir, -1, 0 };
	int			 r;

	r = catfile_failed_code(&w, sqlite3_extended_errcode(db_handle(db)));
	catfile_unlock(&w);
	return r;
}
