/*
 * library_catalogue.c: the library's catalogue of its members (see
 * library_catalogue.h): opened, and brought up to date against the
 * members' files.  Its file (the lock, made anew) is
 * library_catalogue_file.c's; reading it, library_catalogue_read.c's.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/db.h"
#include "core/library.h"
#include "core/library_catalogue.h"
#include "core/library_catalogue_file.h"
#include "core/library_scores.h"
#include "core/xmalloc.h"

#define CAT_OVERALL	(-1)	/* the key of the overall score */
#define CAT_IDS		(1LL << 32)	/* a member's node ids: 0 to this */

struct library_catalogue {
	struct db	*db;
	char		*dir;
};

/* What the catalogue knows a member's file by. */
struct cat_stamp {
	long long	 ino, size, mtime;
};

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

/* Begin writing: the lock, then SQLite's; 0, or -1 with *cause. */
static int
cat_begin(struct db *db, struct catfile_writer *w, char **cause)
{
	if (catfile_lock(w, cause) != 0)
		return -1;
	return db_exec(db, "BEGIN IMMEDIATE", cause);
}

/*
 * Roll back what failed; the failure is already told, and its code kept
 * in w (the rollback's own would hide it).
 */
static void
cat_rollback(struct db *db, struct catfile_writer *w)
{
	char	*why = NULL;

	w->failed = sqlite3_extended_errcode(db_handle(db));
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

/*
 * Drop member name (and its nodes, text and scores) from the catalogue.
 * One it does not hold costs a lookup: with no number to bound them, the
 * deletions would scan the whole index (a library of 200 with a member
 * that cannot be read, dropped at every opening: 7.6 ms a list, not 2.9).
 */
static int
cat_drop(struct db *db, const char *name, char **cause)
{
	sqlite3_stmt	*st;
	long long	 seq;
	size_t		 i;
	int		 r;
	static const char *const sql[] = {
		"DELETE FROM search WHERE rowid >= ?1 << 32 AND "
		    "rowid < (?1 + 1) << 32",
		"DELETE FROM nodes WHERE id >= ?1 << 32 AND id < (?1 + 1) << 32",
		"DELETE FROM catalogue_scores WHERE seq = ?1",
		"DELETE FROM catalogue_members WHERE seq = ?1",
	};

	if (db_stmt(db, "SELECT seq FROM catalogue_members WHERE name = ?1",
	    &st, cause) != 0)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(st)) == SQLITE_ROW)
		seq = sqlite3_column_int64(st, 0);
	else if (r != SQLITE_DONE)
		*cause = db_cause(db, "cannot read the catalogue");
	db_release(db, st);
	if (r != SQLITE_ROW)
		return r == SQLITE_DONE ? 0 : -1;
	for (i = 0; i < sizeof sql / sizeof *sql; i++) {
		if (db_stmt(db, sql[i], &st, cause) != 0)
			return -1;
		sqlite3_bind_int64(st, 1, seq);
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

/*
 * Read again, in one transaction, the members that changed.  Which did is
 * found first in one read transaction: a statement outside one takes and
 * drops SQLite's lock and checks the file, a dozen system calls, and
 * there are two a member.
 */
static int
cat_sync(struct db *db, struct catfile_writer *w, struct library_entry *e,
    size_t n, char **cause)
{
	struct cat_stamp	 now;
	unsigned char		*stale;
	size_t			 i, nstale = 0;
	int			 rc = 0;

	stale = xcalloc(n + 1, 1);
	db_read_begin(db);
	for (i = 0; i < n; i++)
		if (e[i].cause == NULL && !cat_fresh(db, &e[i], &now)) {
			stale[i] = 1;
			nstale++;
		}
	db_read_end(db);
	if (nstale > 0 && (rc = cat_begin(db, w, cause)) == 0) {
		for (i = 0; i < n && rc == 0; i++)
			/* Another process may have read it meanwhile. */
			if (stale[i] && e[i].cause == NULL &&
			    !cat_fresh(db, &e[i], &now))
				rc = cat_refresh(db, &e[i], &now, cause);
		if (rc == 0)
			rc = db_exec(db, "COMMIT", cause);
		else
			cat_rollback(db, w);
	}
	free(stale);
	return rc;
}

static int
cat_name_cmp(const void *key, const void *member)
{
	return strcmp(key, ((const struct library_entry *)member)->name);
}

/* Drop what the catalogue holds of members no longer in e[0..n). */
static int
cat_prune(struct db *db, struct catfile_writer *w, const struct library_entry *e,
    size_t n, char **cause)
{
	sqlite3_stmt	*st;
	char		**gone = NULL;
	size_t		 ngone = 0, i, cap = 0;
	int		 rc = 0;

	if (db_prepare(db, "SELECT name FROM catalogue_members", &st,
	    cause) != 0)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);

		/* e is in order of name, as library_members() gives it. */
		if (bsearch(name, e, n, sizeof *e, cat_name_cmp) == NULL) {
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
			cat_rollback(db, w);
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
	struct catfile_writer		 w;
	struct stat			 sb;
	struct db			*db;
	char				*path;
	int				 rc = -1, tries;

	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		*cause = xasprintf("%s: no library folder", dir);
		return NULL;
	}
	w.dir = dir;
	w.fd = -1;
	path = xasprintf("%s/" CATFILE_NAME, dir);
	for (tries = 0; ; tries++) {
		rc = -1;
		w.failed = 0;
		if ((db = catfile_db(&w, path, cause)) != NULL &&
		    (rc = cat_sync(db, &w, e, n, cause)) == 0)
			rc = cat_prune(db, &w, e, n, cause);
		if (rc == 0 || db == NULL || tries > 0)
			break;
		/*
		 * Damage found while bringing it up to date (which its
		 * opening does not look for): made anew, once, or it would
		 * stay damaged and every command read every member.
		 */
		if (!catfile_failed_code(&w, w.failed != 0 ? w.failed :
		    sqlite3_extended_errcode(db_handle(db))))
			break;
		db_close(db, NULL);
		free(*cause);
		*cause = NULL;
	}
	catfile_unlock(&w);
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

struct db *
library_catalogue_db(struct library_catalogue *cat)
{
	return cat->db;
}

int
library_catalogue_failed(struct library_catalogue *cat)
{
	return catfile_failed(cat->db, cat->dir);
}
