/*
 * library_catalogue.c: the library's catalogue of its members (see
 * library_catalogue.h): made, checked against the members' files, and
 * read.
 */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/db.h"
#include "core/library.h"
#include "core/library_catalogue.h"
#include "core/library_scores.h"
#include "core/xmalloc.h"

#define CAT_FILE	".catalogue.db"
#define CAT_LOCK	".lock"	/* the library's, as library_add.c takes it */
#define CAT_VERSION	"1"	/* of the tables below; another is made anew */
#define CAT_OVERALL	(-1)	/* the key of the overall score */
#define CAT_IDS		(1LL << 32)	/* a member's node ids: 0 to this */

struct library_catalogue {
	struct db	*db;
	char		*dir;
};

/*
 * Who writes the catalogue holds the library's lock, so that one at a
 * time writes it and none is writing when it is made anew (a file
 * renamed over one being written would meet the other's journal).
 */
struct cat_writer {
	const char	*dir;
	int		 fd;	/* the lock's, or -1 while not held */
};

/* What the catalogue knows a member's file by. */
struct cat_stamp {
	long long	 ino, size, mtime;
};

static const char cat_schema[] =
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
	"INSERT INTO meta(key, value) VALUES ('catalogue', '" CAT_VERSION
	"');\n"
	"INSERT INTO search(search, rank) VALUES ('rank', 'bm25(4.0, 1.0)');\n";

static int
cat_stamp(const char *path, struct cat_stamp *s)
{
	struct stat	 sb;

	if (stat(path, &sb) != 0)
		return -1;
	s->ino = (long long)sb.st_ino;
	s->size = (long long)sb.st_size;
	s->mtime = (long long)sb.st_mtim.tv_sec * 1000000000LL +
	    sb.st_mtim.tv_nsec;
	return 0;
}

/* Take the library's lock, once; 0, or -1 with *cause. */
static int
cat_lock(struct cat_writer *w, char **cause)
{
	char	*p;

	if (w->fd != -1)
		return 0;
	p = xasprintf("%s/" CAT_LOCK, w->dir);
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

static void
cat_unlock(struct cat_writer *w)
{
	if (w->fd != -1)
		close(w->fd);
	w->fd = -1;
}

/* Remove what a killed cat_create() left (the lock held). */
static void
cat_sweep(const char *dir)
{
	struct dirent	*de;
	DIR		*d;
	char		*p;
	long		 pid;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, ".catalogue-", 11) != 0)
			continue;
		pid = strtol(de->d_name + 11, NULL, 10);
		if (pid <= 0 || (kill((pid_t)pid, 0) == -1 && errno == ESRCH)) {
			p = xasprintf("%s/%s", dir, de->d_name);
			unlink(p);
			free(p);
		}
	}
	closedir(d);
}

/* Make the catalogue anew (the lock held): built aside, renamed in. */
static int
cat_create(const char *dir, const char *path, char **cause)
{
	struct db	*db;
	char		*tmp, *journal;
	int		 rc = -1;

	cat_sweep(dir);
	tmp = xasprintf("%s/.catalogue-%ld.db", dir, (long)getpid());
	unlink(tmp);
	if ((db = db_open(tmp, DB_CREATE, cause)) == NULL) {
		free(tmp);
		return -1;
	}
	if (db_exec(db, "BEGIN", cause) == 0 &&
	    db_exec(db, cat_schema, cause) == 0 &&
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
	    cat_row_is(st, 0, CAT_VERSION);
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
static struct db *
cat_db(struct cat_writer *w, const char *path, char **cause)
{
	struct db	*db;

	if ((db = cat_sound(path)) != NULL)
		return db;
	if (cat_lock(w, cause) != 0)
		return NULL;
	if ((db = cat_sound(path)) != NULL)
		return db;
	if (cat_create(w->dir, path, cause) != 0)
		return NULL;
	if ((db = cat_sound(path)) == NULL)
		*cause = xasprintf("%s: cannot open the catalogue", path);
	return db;
}

/* Begin writing: the lock, then SQLite's; 0, or -1 with *cause. */
static int
cat_begin(struct db *db, struct cat_writer *w, char **cause)
{
	if (cat_lock(w, cause) != 0)
		return -1;
	return db_exec(db, "BEGIN IMMEDIATE", cause);
}

/* Roll back what failed; the failure is already told. */
static void
cat_rollback(struct db *db)
{
	char	*why = NULL;

	db_exec(db, "ROLLBACK", &why);
	free(why);
}

/* Step st once, to its end; 0, or -1 with *cause. */
static int
cat_run(struct db *db, sqlite3_stmt *st, char **cause)
{
	int	 r;

	while ((r = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_reset(st);
	if (r == SQLITE_DONE)
		return 0;
	*cause = db_cause(db, "cannot write the catalogue");
	return -1;
}

/* The stamp the catalogue holds for name; 0, or -1 if none. */
static int
cat_known(struct db *db, const char *name, const char *path,
    struct cat_stamp *s, long long *seq)
{
	sqlite3_stmt	*st;
	char		*cause = NULL;
	int		 rc = -1;

	if (db_stmt(db, "SELECT seq, ino, size, mtime FROM catalogue_members "
	    "WHERE name = ?1 AND path = ?2", &st, &cause) != 0) {
		free(cause);
		return -1;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*seq = sqlite3_column_int64(st, 0);
		s->ino = sqlite3_column_int64(st, 1);
		s->size = sqlite3_column_int64(st, 2);
		s->mtime = sqlite3_column_int64(st, 3);
		rc = 0;
	}
	db_release(db, st);
	return rc;
}

/* Drop member name (and its nodes, text and scores) from the catalogue. */
static int
cat_drop(struct db *db, const char *name, char **cause)
{
	sqlite3_stmt	*st;
	size_t		 i;
	static const char *const sql[] = {
		"DELETE FROM search WHERE rowid >= (SELECT seq FROM "
		    "catalogue_members WHERE name = ?1) << 32 AND rowid < "
		    "((SELECT seq FROM catalogue_members WHERE name = ?1) + 1) "
		    "<< 32",
		"DELETE FROM nodes WHERE id >= (SELECT seq FROM "
		    "catalogue_members WHERE name = ?1) << 32 AND id < "
		    "((SELECT seq FROM catalogue_members WHERE name = ?1) + 1) "
		    "<< 32",
		"DELETE FROM catalogue_scores WHERE seq = (SELECT seq FROM "
		    "catalogue_members WHERE name = ?1)",
		"DELETE FROM catalogue_members WHERE name = ?1",
	};

	for (i = 0; i < sizeof sql / sizeof *sql; i++) {
		if (db_stmt(db, sql[i], &st, cause) != 0)
			return -1;
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (cat_run(db, st, cause) != 0) {
			db_release(db, st);
			return -1;
		}
		db_release(db, st);
	}
	return 0;
}

/* The member's row; sets *seq to its number. */
static int
cat_insert_member(struct db *db, const struct library_entry *e,
    const struct cat_stamp *s, long long *seq, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_stmt(db, "INSERT INTO catalogue_members (name, path, ino, "
	    "size, mtime, framework, title, published, rating, body) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &st, cause) != 0)
		return -1;
	sqlite3_bind_text(st, 1, e->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e->path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, s->ino);
	sqlite3_bind_int64(st, 4, s->size);
	sqlite3_bind_int64(st, 5, s->mtime);
	sqlite3_bind_text(st, 6, e->framework, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, e->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, e->published, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, e->rating, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, e->body, -1, SQLITE_STATIC);
	rc = cat_run(db, st, cause);
	db_release(db, st);
	*seq = sqlite3_last_insert_rowid(db_handle(db));
	return rc;
}

static int
cat_insert_scores(struct db *db, long long seq,
    const struct library_scores *sc, char **cause)
{
	sqlite3_stmt	*st;
	size_t		 k;
	int		 rc = 0;

	if (db_stmt(db, "INSERT INTO catalogue_scores VALUES (?1, ?2, ?3)",
	    &st, cause) != 0)
		return -1;
	for (k = 0; k <= sc->n && rc == 0; k++) {
		int	 v = k < sc->n ? sc->score[k] : sc->overall;

		/* No score: no row (a statement's 0, the overall's -1). */
		if (k < sc->n ? v <= 0 : v < 0)
			continue;
		sqlite3_bind_int64(st, 1, seq);
		sqlite3_bind_int(st, 2, k < sc->n ? (int)k : CAT_OVERALL);
		sqlite3_bind_int(st, 3, v);
		rc = cat_run(db, st, cause);
	}
	db_release(db, st);
	return rc;
}

/* Copy the rows of query q of member m into the catalogue by ins. */
static int
cat_copy(struct db *db, struct db *m, const char *q, const char *ins,
    const char *name, long long seq, char **cause)
{
	sqlite3_stmt	*from = NULL, *to = NULL;
	int		 i, r, n, rc = -1;

	if (db_prepare(m, q, &from, cause) != 0 ||
	    db_stmt(db, ins, &to, cause) != 0)
		goto out;
	n = sqlite3_column_count(from);
	while ((r = sqlite3_step(from)) == SQLITE_ROW) {
		sqlite3_int64	 id = sqlite3_column_int64(from, 0);

		/* Ids the member's number cannot be told from. */
		if (id < 0 || id >= CAT_IDS) {
			*cause = xasprintf("%s: a node numbered %lld: too "
			    "large for the library's catalogue", name,
			    (long long)id);
			goto out;
		}
		sqlite3_bind_int64(to, 1, seq * CAT_IDS + id);
		sqlite3_bind_text(to, 2, name, -1, SQLITE_STATIC);
		for (i = 1; i < n; i++)
			sqlite3_bind_value(to, i + 2, sqlite3_column_value(from,
			    i));
		if (cat_run(db, to, cause) != 0)
			goto out;
	}
	if (r != SQLITE_DONE) {
		*cause = db_cause(m, "cannot read the assessment");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(from);
	db_release(db, to);
	return rc;
}

/* Copy member m's nodes and search index, their ids made unique. */
static int
cat_copy_text(struct db *db, struct db *m, const char *name, long long seq,
    char **cause)
{
	if (cat_copy(db, m, "SELECT id, kind, slug, title, heading, path FROM "
	    "nodes", "INSERT INTO nodes (id, parent, kind, slug, title, "
	    "heading, link, source, path) VALUES (?1, NULL, ?3, ?4, ?5, ?6, "
	    "NULL, NULL, ?2 || ':' || ?7)", name, seq, cause) != 0)
		return -1;
	/* The name (?2) is not stored here: "?2 IS ?2" only uses it. */
	return cat_copy(db, m, "SELECT rowid, title, body FROM search",
	    "INSERT INTO search (rowid, title, body) SELECT ?1, ?3, ?4 "
	    "WHERE ?2 IS ?2", name, seq, cause);
}

/* Open member e and read its info and scores; NULL with *cause. */
static struct db *
cat_read_member(struct library_entry *e, struct library_scores *sc,
    char **cause)
{
	struct db	*m;

	if ((m = db_open(e->path, DB_READONLY, cause)) == NULL)
		return NULL;
	if (library_info(m, e, cause) == 0 &&
	    library_scores_read(m, e->framework, sc, cause) == 0)
		return m;
	db_close(m, NULL);
	return NULL;
}

/*
 * Read member e into the catalogue (in the transaction open).  A member
 * that cannot be read gets e->cause and is left out, and 0; a catalogue
 * that cannot be written, -1 and *cause.
 */
static int
cat_refresh(struct db *db, struct library_entry *e, const struct cat_stamp *s,
    char **cause)
{
	struct library_scores	 sc;
	struct library_entry	 info;
	struct db		*m;
	long long		 seq;
	int			 rc = -1;

	memset(&sc, 0, sizeof sc);
	memset(&info, 0, sizeof info);
	info.name = e->name;
	info.path = e->path;
	if ((m = cat_read_member(&info, &sc, &e->cause)) == NULL)
		rc = cat_drop(db, e->name, cause);
	else if (cat_drop(db, e->name, cause) == 0 &&
	    cat_insert_member(db, &info, s, &seq, cause) == 0 &&
	    cat_insert_scores(db, seq, &sc, cause) == 0 &&
	    cat_copy_text(db, m, e->name, seq, &e->cause) == 0)
		rc = 0;
	else if (e->cause != NULL)
		/* The member failed as it was read: leave it out. */
		rc = cat_drop(db, e->name, cause);
	db_close(m, NULL);
	info.name = info.path = NULL;
	library_entry_clear(&info);
	library_scores_free(&sc);
	return rc;
}

/* Whether member e's file is what the catalogue holds; its stamp in now. */
static int
cat_fresh(struct db *db, struct library_entry *e, struct cat_stamp *now)
{
	struct cat_stamp	 was;
	long long		 seq;

	if (cat_stamp(e->path, now) != 0) {
		if (e->cause == NULL)
			e->cause = xasprintf("%s: %s", e->path,
			    strerror(errno));
		return 1;
	}
	return cat_known(db, e->name, e->path, &was, &seq) == 0 &&
	    was.ino == now->ino && was.size == now->size &&
	    was.mtime == now->mtime;
}

/* Read again, in one transaction, the members that changed. */
static int
cat_sync(struct db *db, struct cat_writer *w, struct library_entry *e,
    size_t n, char **cause)
{
	struct cat_stamp	 now;
	size_t			 i;
	int			 rc = 0, open = 0;

	for (i = 0; i < n && rc == 0; i++) {
		if (e[i].cause != NULL || cat_fresh(db, &e[i], &now))
			continue;
		if (!open && (rc = cat_begin(db, w, cause)) != 0)
			break;
		open = 1;
		/* Another process may have read it while this one waited. */
		if (!cat_fresh(db, &e[i], &now))
			rc = cat_refresh(db, &e[i], &now, cause);
	}
	if (open && rc == 0)
		rc = db_exec(db, "COMMIT", cause);
	else if (open)
		cat_rollback(db);
	return rc;
}

/* Drop what the catalogue holds of members no longer in e[0..n). */
static int
cat_prune(struct db *db, struct cat_writer *w, const struct library_entry *e,
    size_t n, char **cause)
{
	sqlite3_stmt	*st;
	char		**gone = NULL;
	size_t		 ngone = 0, i, cap = 0;
	int		 rc = 0, found;

	if (db_prepare(db, "SELECT name FROM catalogue_members", &st,
	    cause) != 0)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);

		for (found = 0, i = 0; i < n && !found; i++)
			found = strcmp(e[i].name, name) == 0;
		if (!found) {
			gone = xgrowarray(gone, &cap, ngone + 1, sizeof *gone);
			gone[ngone++] = xstrdup(name);
		}
	}
	sqlite3_finalize(st);
	if (ngone > 0 && (rc = cat_begin(db, w, cause)) == 0) {
		for (i = 0; i < ngone && rc == 0; i++)
			rc = cat_drop(db, gone[i], cause);
		if (rc == 0)
			rc = db_exec(db, "COMMIT", cause);
		else
			cat_rollback(db);
	}
	for (i = 0; i < ngone; i++)
		free(gone[i]);
	free(gone);
	return rc;
}

struct library_catalogue *
library_catalogue_open(const char *dir, struct library_entry *e, size_t n,
    char **cause)
{
	struct library_catalogue	*cat;
	struct cat_writer		 w;
	struct stat			 sb;
	struct db			*db;
	char				*path;
	int				 rc = -1;

	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		*cause = xasprintf("%s: no library folder", dir);
		return NULL;
	}
	w.dir = dir;
	w.fd = -1;
	path = xasprintf("%s/" CAT_FILE, dir);
	if ((db = cat_db(&w, path, cause)) != NULL &&
	    (rc = cat_sync(db, &w, e, n, cause)) == 0)
		rc = cat_prune(db, &w, e, n, cause);
	cat_unlock(&w);
	free(path);
	if (rc != 0) {
		db_close(db, NULL);
		return NULL;
	}
	cat = xcalloc(1, sizeof *cat);
	cat->db = db;
	cat->dir = xstrdup(dir);
	return cat;
}

void
library_catalogue_update(const char *dir, const char *builtin)
{
	struct library_entry	*e;
	char			*why = NULL;
	size_t			 n;

	if (library_members(dir, builtin, &e, &n, &why) == 0) {
		library_catalogue_close(library_catalogue_open(dir, e, n,
		    &why));
		library_entries_free(e, n);
	}
	free(why);
}

void
library_catalogue_close(struct library_catalogue *cat)
{
	if (cat == NULL)
		return;
	db_close(cat->db, NULL);
	free(cat->dir);
	free(cat);
}

int
library_catalogue_failed(struct library_catalogue *cat)
{
	struct cat_writer	 w;
	char			*path, *why = NULL;
	int			 code;

	code = sqlite3_extended_errcode(db_handle(cat->db)) & 0xff;
	if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB)
		return 0;
	/* Under the lock, so that none is writing it. */
	w.dir = cat->dir;
	w.fd = -1;
	path = xasprintf("%s/" CAT_FILE, cat->dir);
	if (cat_lock(&w, &why) == 0)
		unlink(path);
	cat_unlock(&w);
	free(path);
	free(why);
	return 1;
}

struct db *
library_catalogue_db(struct library_catalogue *cat)
{
	return cat->db;
}
