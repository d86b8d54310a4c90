/*
 * state.c: what the browser remembers between runs, per dataset.
 *
 * A small SQLite database in WAL mode: a write is one short transaction,
 * and a reader or a killed writer never leaves it half written.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/statvfs.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/state.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"

#define STATE_APP_ID	0x49435354	/* "ICST" */
#define STATE_VERSION	1

static const char state_schema[] =
	"BEGIN;"
	"PRAGMA application_id = 1229149012;"
	"PRAGMA user_version = 1;"
	"CREATE TABLE IF NOT EXISTS datasets(id INTEGER PRIMARY KEY, "
	"  key TEXT NOT NULL UNIQUE);"
	"CREATE TABLE IF NOT EXISTS settings(dataset INTEGER NOT NULL, "
	"  name TEXT NOT NULL, value TEXT NOT NULL, "
	"  PRIMARY KEY (dataset, name));"
	"CREATE TABLE IF NOT EXISTS unfolded(dataset INTEGER NOT NULL, "
	"  path TEXT NOT NULL, PRIMARY KEY (dataset, path));"
	"CREATE TABLE IF NOT EXISTS folded(dataset INTEGER NOT NULL, "
	"  path TEXT NOT NULL, PRIMARY KEY (dataset, path));"
	"CREATE TABLE IF NOT EXISTS marks(dataset INTEGER NOT NULL, "
	"  path TEXT NOT NULL, seq INTEGER NOT NULL, "
	"  PRIMARY KEY (dataset, path));"
	"COMMIT;";

struct state {
	sqlite3		*h;
	char		*file;
	sqlite3_int64	 dataset;
	/*
	 * Nothing is written: the file could only be read, or a write
	 * failed (a full disk) and the user was told once.
	 */
	int		 readonly;
	char		*why;		/* it is read-only: why */
	/*
	 * The marks this process has read or written: state_set_marks()
	 * replaces these, and keeps the ones another browser added since.
	 */
	char		**known;
	size_t		 nknown;
};

static int
state_known(const struct state *st, const char *path)
{
	size_t	 i;

	for (i = 0; i < st->nknown; i++)
		if (strcmp(st->known[i], path) == 0)
			return 1;
	return 0;
}

static void
state_know(struct state *st, const char *path)
{
	if (state_known(st, path))
		return;
	st->known = xreallocarray(st->known, st->nknown + 1,
	    sizeof *st->known);
	st->known[st->nknown++] = xstrdup(path);
}

char *
state_file(void)
{
	const char	*dir, *home;

	if ((dir = getenv("XDG_STATE_HOME")) != NULL && *dir == '/')
		return xasprintf("%s/icsbrowse/state.db", dir);
	if ((home = getenv("HOME")) != NULL && *home != '\0')
		return xasprintf("%s/.local/state/icsbrowse/state.db", home);
	return NULL;
}

/* Make every directory of path's parent, as mkdir -p. */
static int
state_mkdirs(const char *file, char **cause)
{
	struct stat	 sb;
	char		*p, *s;
	int		 rc = -1;

	s = xstrdup(file);
	for (p = s + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(s, 0700) != 0 && errno != EEXIST) {
			*cause = xasprintf("%s: cannot create the folder: %s",
			    s, strerror(errno));
			goto out;
		}
		/* There already: it must be a folder (or a link to one). */
		if (stat(s, &sb) != 0) {
			*cause = xasprintf("%s: %s", s, strerror(errno));
			goto out;
		}
		if (!S_ISDIR(sb.st_mode)) {
			*cause = xasprintf("%s: not a folder", s);
			goto out;
		}
		*p = '/';
	}
	rc = 0;
out:
	free(s);
	return rc;
}

static char *
state_error(struct state *st, const char *what)
{
	return xasprintf("%s: %s: %s", st->file, what, sqlite3_errmsg(st->h));
}

static int
state_int(sqlite3 *h, const char *sql, long long *v)
{
	sqlite3_stmt	*s;
	int		 rc = -1;

	if (sqlite3_prepare_v2(h, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW) {
		*v = sqlite3_column_int64(s, 0);
		rc = 0;
	}
	sqlite3_finalize(s);
	return rc;
}

/*
 * Is the open file a usable state database?  Returns 1 if so, 2 if it is
 * a new, empty one, 0 if it is neither, -2 if it cannot be read at all
 * (the file system, not the file: it is not to be set aside).
 */
static int
state_sound(sqlite3 *h)
{
	sqlite3_stmt	*s;
	long long	 app, version, tables;
	int		 ok = 0, e;

	if (state_int(h, "PRAGMA application_id", &app) != 0 ||
	    state_int(h, "PRAGMA user_version", &version) != 0 ||
	    state_int(h, "SELECT count(*) FROM sqlite_schema", &tables) != 0) {
		e = sqlite3_errcode(h);
		return e == SQLITE_NOTADB || e == SQLITE_CORRUPT ? 0 : -2;
	}
	if (app == 0 && version == 0 && tables == 0)
		return 2;
	if (app != STATE_APP_ID || version != STATE_VERSION)
		return 0;
	if (sqlite3_prepare_v2(h, "PRAGMA quick_check", -1, &s, NULL) !=
	    SQLITE_OK)
		return 0;
	if (sqlite3_step(s) == SQLITE_ROW &&
	    strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0)
		ok = 1;
	sqlite3_finalize(s);
	/* Made by an earlier build, before a table was added: add it. */
	if (ok && (state_int(h, "SELECT count(*) FROM sqlite_schema WHERE "
	    "type = 'table' AND name IN ('datasets', 'settings', 'unfolded', "
	    "'folded', 'marks')", &tables) != 0 || tables != 5))
		ok = 2;
	return ok;
}

/*
 * Why the state file cannot be written, in the system's words ("Read-only
 * file system", "No space left on device"), which say more than SQLite's
 * ("unable to open database file", "disk I/O error"): a new string.
 */
static char *
state_why(struct state *st)
{
	struct statvfs	 vfs;
	char		*dir, *slash, *why = NULL;

	dir = xstrdup(st->file);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	if (access(st->file, W_OK) != 0 && errno != ENOENT)
		why = xstrdup(strerror(errno));
	else if (access(dir, W_OK) != 0)
		why = xstrdup(strerror(errno));
	else if (statvfs(dir, &vfs) == 0 && vfs.f_bavail == 0)
		why = xstrdup(strerror(ENOSPC));
	else if (st->h != NULL)
		why = xstrdup(sqlite3_errmsg(st->h));
	else
		why = xstrdup("it cannot be written");
	free(dir);
	return why;
}

/* file as a URI that opens it read-only as it is (no -wal or -shm made). */
static char *
state_uri(const char *file)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*p;

	strbuf_adds(&sb, "file:");
	for (p = file; *p != '\0'; p++) {
		if (strchr("%?#", *p) != NULL || (unsigned char)*p < 0x21 ||
		    (unsigned char)*p > 0x7e)
			strbuf_addf(&sb, "%%%02X", (unsigned char)*p);
		else
			strbuf_addc(&sb, *p);
	}
	strbuf_adds(&sb, "?mode=ro&immutable=1");
	return strbuf_detach(&sb);
}

/*
 * Open the file read-only, as a folder or file system that cannot be
 * written allows (a WAL database there cannot have its -shm made).
 * Returns what state_sound() does, or -2.
 */
static int
state_connect_ro(struct state *st)
{
	char	*uri;
	int	 sound = -2;

	free(st->why);
	st->why = state_why(st);
	sqlite3_close(st->h);
	uri = state_uri(st->file);
	if (sqlite3_open_v2(uri, &st->h, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI, NULL) == SQLITE_OK)
		sound = state_sound(st->h);
	free(uri);
	if (sound == 1)
		st->readonly = 1;
	return sound;
}

/*
 * Open the file: -1 if it is not a state database (to be set aside), -2
 * if it cannot be opened at all, else state_sound().
 */
static int
state_connect(struct state *st)
{
	int	 sound;

	if (sqlite3_open_v2(st->file, &st->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		return access(st->file, R_OK) == 0 ? state_connect_ro(st) : -2;
	sqlite3_busy_timeout(st->h, 2000);
	if ((sound = state_sound(st->h)) == -2 && access(st->file, R_OK) == 0)
		sound = state_connect_ro(st);
	else if (sound == 1 && sqlite3_db_readonly(st->h, "main") == 1) {
		st->readonly = 1;
		st->why = state_why(st);
	}
	return sound != 0 ? sound : -1;
}

/* Move a damaged file (and its WAL) aside so that a new one can start. */
static void
state_set_aside(struct state *st, char **notice)
{
	char	*aside, *side;

	sqlite3_close(st->h);
	st->h = NULL;
	aside = xasprintf("%s.damaged", st->file);
	if (rename(st->file, aside) == 0)
		*notice = xasprintf("the saved state was damaged and has been "
		    "moved to %s", aside);
	else
		*notice = xasprintf("the saved state was damaged and could "
		    "not be moved aside: %s", strerror(errno));
	side = xasprintf("%s-wal", st->file);
	unlink(side);
	free(side);
	side = xasprintf("%s-shm", st->file);
	unlink(side);
	free(side);
	free(aside);
}

static int
state_dataset(struct state *st, const char *key)
{
	sqlite3_stmt	*s;
	int		 rc = -1;

	/* Known already: a read, no write at every start. */
	if (sqlite3_prepare_v2(st->h, "SELECT id FROM datasets WHERE key = ?1",
	    -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		st->dataset = sqlite3_column_int64(s, 0);
		rc = 0;
	}
	sqlite3_finalize(s);
	if (rc == 0)
		return 0;
	/* Not known, and the file can only be read: it holds nothing. */
	if (st->readonly) {
		st->dataset = -1;
		return 0;
	}
	if (sqlite3_prepare_v2(st->h, "INSERT INTO datasets(key) VALUES (?1) "
	    "ON CONFLICT(key) DO UPDATE SET key = key RETURNING id", -1, &s,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		st->dataset = sqlite3_column_int64(s, 0);
		rc = 0;
	}
	sqlite3_finalize(s);
	return rc;
}

struct state *
state_open(const char *key, char **notice, char **cause)
{
	struct state	*st;
	char		*why;
	int		 sound;

	*notice = NULL;
	st = xcalloc(1, sizeof *st);
	if ((st->file = state_file()) == NULL) {
		*cause = xstrdup("no HOME or XDG_STATE_HOME: nothing will be "
		    "remembered");
		goto fail;
	}
	if (state_mkdirs(st->file, cause) != 0)
		goto fail;
	if ((sound = state_connect(st)) == -1) {
		state_set_aside(st, notice);
		sound = state_connect(st);
	}
	if (sound < 0) {
		why = state_why(st);
		*cause = xasprintf("%s: cannot open: %s", st->file, why);
		free(why);
		goto fail;
	}
	if (st->readonly) {
		if (state_dataset(st, key) != 0) {
			*cause = state_error(st, "cannot use");
			goto fail;
		}
		*notice = xasprintf("%s can only be read (%s): nothing new will "
		    "be remembered", st->file, st->why);
		return st;
	}
	/*
	 * WAL with synchronous NORMAL: a commit is a write, not a sync, and
	 * what was committed survives the program being killed.  A new file
	 * is set up without syncs (a crash of the machine then leaves at
	 * worst a damaged file, which the next start sets aside), and a known
	 * one is not written at all to be opened.
	 */
	if (sqlite3_exec(st->h, "PRAGMA synchronous = OFF; "
	    "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK ||
	    (sound == 2 && sqlite3_exec(st->h, state_schema, NULL, NULL,
	    NULL) != SQLITE_OK) ||
	    sqlite3_exec(st->h, "PRAGMA synchronous = NORMAL", NULL, NULL,
	    NULL) != SQLITE_OK ||
	    state_dataset(st, key) != 0) {
		why = state_why(st);
		*cause = xasprintf("%s: cannot use: %s", st->file, why);
		free(why);
		goto fail;
	}
	return st;
fail:
	state_close(st);
	return NULL;
}

void
state_close(struct state *st)
{
	if (st == NULL)
		return;
	sqlite3_close(st->h);
	while (st->nknown > 0)
		free(st->known[--st->nknown]);
	free(st->known);
	free(st->file);
	free(st->why);
	free(st);
}

/*
 * A write failed (a full disk, a file made read-only under us): say why,
 * once, and write nothing more, rather than fail at every key.
 */
static char *
state_gave_up(struct state *st)
{
	char	*why;

	why = xasprintf("%s: cannot save: %s; nothing more will be "
	    "remembered this time", st->file, sqlite3_errmsg(st->h));
	st->readonly = 1;
	return why;
}

/*
 * Run sql with ?1 = dataset and ?2, ?3 = a, b (if not NULL); nothing on a
 * state that is not written.
 */
static int
state_run(struct state *st, const char *sql, const char *a, const char *b,
    char **cause)
{
	sqlite3_stmt	*s;
	int		 r;

	if (st->readonly)
		return 0;
	if (sqlite3_prepare_v2(st->h, sql, -1, &s, NULL) != SQLITE_OK) {
		*cause = state_gave_up(st);
		return -1;
	}
	sqlite3_bind_int64(s, 1, st->dataset);
	if (a != NULL)
		sqlite3_bind_text(s, 2, a, -1, SQLITE_STATIC);
	if (b != NULL)
		sqlite3_bind_text(s, 3, b, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_finalize(s);
	if (r != SQLITE_DONE) {
		*cause = state_gave_up(st);
		return -1;
	}
	return 0;
}

char *
state_get(struct state *st, const char *name)
{
	sqlite3_stmt	*s;
	char		*v = NULL;

	if (sqlite3_prepare_v2(st->h, "SELECT value FROM settings WHERE "
	    "dataset = ?1 AND name = ?2", -1, &s, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(s, 1, st->dataset);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return v;
}

int
state_set(struct state *st, const char *name, const char *value,
    char **cause)
{
	return state_run(st, "INSERT OR REPLACE INTO settings VALUES "
	    "(?1, ?2, ?3)", name, value, cause);
}

static int
state_paths(struct state *st, const char *sql, state_path_cb cb, void *arg,
    char **cause)
{
	sqlite3_stmt	*s;
	int		 r, stop = 0;

	if (sqlite3_prepare_v2(st->h, sql, -1, &s, NULL) != SQLITE_OK) {
		*cause = state_error(st, "cannot read");
		return -1;
	}
	sqlite3_bind_int64(s, 1, st->dataset);
	while ((r = sqlite3_step(s)) == SQLITE_ROW)
		if ((stop = cb((const char *)sqlite3_column_text(s, 0), arg))
		    != 0)
			break;
	sqlite3_finalize(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE) {
		*cause = state_error(st, "cannot read");
		return -1;
	}
	return stop;
}

int
state_open_nodes(struct state *st, state_path_cb cb, void *arg,
    char **cause)
{
	return state_paths(st, "SELECT path FROM unfolded WHERE dataset = ?1",
	    cb, arg, cause);
}

int
state_folded_nodes(struct state *st, state_path_cb cb, void *arg,
    char **cause)
{
	return state_paths(st, "SELECT path FROM folded WHERE dataset = ?1",
	    cb, arg, cause);
}

int
state_set_open(struct state *st, const char *path, int open, char **cause)
{
	if (state_run(st, open ? "INSERT OR IGNORE INTO unfolded VALUES "
	    "(?1, ?2)" : "INSERT OR IGNORE INTO folded VALUES (?1, ?2)", path,
	    NULL, cause) != 0)
		return -1;
	return state_run(st, open ? "DELETE FROM folded WHERE dataset = ?1 "
	    "AND path = ?2" : "DELETE FROM unfolded WHERE dataset = ?1 AND "
	    "path = ?2", path, NULL, cause);
}

struct state_marks_arg {
	struct state	*st;
	state_path_cb	 cb;
	void		*arg;
};

static int
state_marks_one(const char *path, void *arg)
{
	struct state_marks_arg	*a = arg;

	state_know(a->st, path);
	return a->cb(path, a->arg);
}

int
state_marks(struct state *st, state_path_cb cb, void *arg, char **cause)
{
	struct state_marks_arg	 a = { st, cb, arg };

	return state_paths(st, "SELECT path FROM marks WHERE dataset = ?1 "
	    "ORDER BY seq", state_marks_one, &a, cause);
}

int
state_mark(struct state *st, const char *path, int on, char **cause)
{
	state_know(st, path);
	return state_run(st, on ? "INSERT OR IGNORE INTO marks VALUES (?1, ?2, "
	    "(SELECT ifnull(max(seq), 0) + 1 FROM marks WHERE dataset = ?1))" :
	    "DELETE FROM marks WHERE dataset = ?1 AND path = ?2", path, NULL,
	    cause);
}

int
state_set_marks(struct state *st, const char *const *paths, size_t n,
    char **cause)
{
	char	 seq[32];
	size_t	 i;

	if (st->readonly)
		return 0;
	if (sqlite3_exec(st->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		*cause = state_gave_up(st);
		return -1;
	}
	/* Those this process knew go; another's follow, in their order. */
	for (i = 0; i < st->nknown; i++)
		if (state_run(st, "DELETE FROM marks WHERE dataset = ?1 AND "
		    "path = ?2", st->known[i], NULL, cause) != 0)
			goto fail;
	snprintf(seq, sizeof seq, "%zu", n);
	if (state_run(st, "UPDATE marks SET seq = seq + ?2 WHERE dataset = ?1",
	    seq, NULL, cause) != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		state_know(st, paths[i]);
		snprintf(seq, sizeof seq, "%zu", i + 1);
		if (state_run(st, "INSERT OR IGNORE INTO marks VALUES "
		    "(?1, ?2, ?3)", paths[i], seq, cause) != 0)
			goto fail;
	}
	if (sqlite3_exec(st->h, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	*cause = state_gave_up(st);
fail:
	sqlite3_exec(st->h, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}
