/*
 * db.c: opening an icsbrowse database and talking to SQLite.
 *
 * Everything that reads the dataset opens it here, read-only, so that a
 * bad file (not SQLite, another program's, another schema version, a
 * half-written one) is turned away at the door with one clear line rather
 * than failing later with SQLite's words for it.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/xmalloc.h"

/*
 * Statements kept by db_stmt(): preparing one costs more than running it.
 * Each is found in a chain of DB_BUCKETS by its text (db_stmt()), by the
 * address db_exec() read it at, and by the statement (db_release()), so
 * that neither grows with the number kept; a chain holds the indexes
 * into cache[] plus one, 0 ending it.
 */
#define DB_CACHE	96
#define DB_BUCKETS	128		/* a power of two, over DB_CACHE */

enum { DB_BY_SQL, DB_BY_KEY, DB_BY_ST, DB_NCHAINS };

struct db_cached {
	char		*sql;
	size_t		 len;		/* strlen(sql) */
	const char	*key;		/* where db_exec() read it, or NULL */
	sqlite3_stmt	*st;
	int		 busy;		/* handed out, not yet released */
	unsigned char	 next[DB_NCHAINS];
};

struct db {
	sqlite3			*h;
	char			*path;
	struct db_cached	 cache[DB_CACHE];
	size_t			 ncache;
	unsigned char		 head[DB_NCHAINS][DB_BUCKETS];
};

void
db_tune_one_thread(void)
{
	/* Each refused with SQLITE_MISUSE once SQLite has started: no harm. */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)NULL, 0, 0);
}

sqlite3 *
db_handle(struct db *db)
{
	return db->h;
}

const char *
db_path(const struct db *db)
{
	return db->path;
}

void
db_set_name(struct db *db, const char *name)
{
	free(db->path);
	db->path = xstrdup(name);
}

char *
db_cause(struct db *db, const char *what)
{
	int	 code, err = errno;	/* before anything can change it */

	code = sqlite3_extended_errcode(db->h);
	switch (code & 0xff) {
	case SQLITE_NOTADB:
		return xasprintf("%s: not an SQLite database", db->path);
	case SQLITE_CORRUPT:
		return xasprintf("%s: the database is damaged (%s): rebuild "
		    "it with 'icsbrowse import'", db->path,
		    sqlite3_errmsg(db->h));
	case SQLITE_READONLY:
		if (code == SQLITE_READONLY_ROLLBACK)
			return xasprintf("%s: a program writing the database "
			    "was killed and its journal needs rolling back: "
			    "open it once with write access, or rebuild it "
			    "with 'icsbrowse import'", db->path);
		return xasprintf("%s: %s: the file is read-only", db->path,
		    what);
	case SQLITE_FULL:
		return xasprintf("%s: %s: the disk is full", db->path, what);
	case SQLITE_IOERR:
		/*
		 * SQLite says "disk I/O error"; the system says which (SQLite
		 * does not always keep it: then errno still has it).
		 */
		if (sqlite3_system_errno(db->h) != 0)
			err = sqlite3_system_errno(db->h);
		if (err != 0)
			return xasprintf("%s: %s: %s", db->path, what,
			    strerror(err));
		break;
	case SQLITE_NOMEM:
		return xasprintf("%s: %s: out of memory", db->path, what);
	}
	return xasprintf("%s: %s: %s", db->path, what, sqlite3_errmsg(db->h));
}

void
db_set_check(struct db *db, int (*check)(void *), void *arg)
{
	/* Every 2,000 virtual machine steps: well under a millisecond. */
	sqlite3_progress_handler(db->h, check != NULL ? 2000 : 0, check, arg);
}

int
db_interrupted(struct db *db)
{
	return sqlite3_errcode(db->h) == SQLITE_INTERRUPT;
}

/* Once a key: db_exec() keeps BEGIN and COMMIT prepared, parsed once. */
void
db_read_begin(struct db *db)
{
	char	*cause = NULL;

	if (sqlite3_get_autocommit(db->h) && db_exec(db, "BEGIN", &cause) != 0)
		free(cause);
}

void
db_read_end(struct db *db)
{
	char	*cause = NULL;

	if (sqlite3_get_autocommit(db->h))
		return;
	if (db_exec(db, "COMMIT", &cause) != 0) {
		free(cause);
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	}
}

int
db_prepare(struct db *db, const char *sql, sqlite3_stmt **st, char **cause)
{
	if (sqlite3_prepare_v2(db->h, sql, -1, st, NULL) != SQLITE_OK) {
		*cause = db_cause(db, "cannot read the database");
		*st = NULL;
		return -1;
	}
	return 0;
}

/*
 * The bucket of a text: its length and eight of its bytes spread over it
 * (no loop over the whole text: SQL is long, and a fuzzer's build hooks
 * every comparison of one); texts that share it only share a chain.
 */
static size_t
db_hash_sql(const char *sql, size_t len)
{
	size_t	 h = len * 2654435761u, i;

	if (len > 0)
		for (i = 0; i < 8; i++)
			h = (h ^ (unsigned char)sql[len * i / 8]) * 16777619u;
	return h & (DB_BUCKETS - 1);
}

static size_t
db_hash_ptr(const void *p)
{
	uintptr_t	 u = (uintptr_t)p;

	return (size_t)((u >> 4) ^ (u >> 11) ^ (u >> 19)) & (DB_BUCKETS - 1);
}

/* Keep a statement prepared from sql[0..len) (key: db_exec()'s text). */
static struct db_cached *
db_keep(struct db *db, const char *sql, size_t len, const char *key,
    sqlite3_stmt *st)
{
	struct db_cached	*c;
	unsigned char		*h;
	size_t			 i;

	if (db->ncache == DB_CACHE)
		return NULL;
	i = db->ncache++;
	c = &db->cache[i];
	c->sql = xmalloc(len + 1);
	memcpy(c->sql, sql, len);
	c->sql[len] = '\0';
	c->len = len;
	c->key = key;
	c->st = st;
	c->busy = 1;
	h = &db->head[DB_BY_SQL][db_hash_sql(sql, len)];
	c->next[DB_BY_SQL] = *h;
	*h = (unsigned char)(i + 1);
	h = &db->head[DB_BY_KEY][db_hash_ptr(key)];
	c->next[DB_BY_KEY] = *h;
	*h = (unsigned char)(i + 1);
	h = &db->head[DB_BY_ST][db_hash_ptr(st)];
	c->next[DB_BY_ST] = *h;
	*h = (unsigned char)(i + 1);
	return c;
}

int
db_stmt(struct db *db, const char *sql, sqlite3_stmt **st, char **cause)
{
	struct db_cached	*c;
	size_t			 i, len = strlen(sql);

	for (i = db->head[DB_BY_SQL][db_hash_sql(sql, len)]; i != 0;
	    i = c->next[DB_BY_SQL]) {
		c = &db->cache[i - 1];
		if (!c->busy && c->len == len && strcmp(c->sql, sql) == 0) {
			c->busy = 1;
			*st = c->st;
			return 0;
		}
	}
	if (db_prepare(db, sql, st, cause) != 0)
		return -1;
	/* Full, or the same SQL in use (a query inside its own loop). */
	db_keep(db, sql, len, NULL, *st);
	return 0;
}

void
db_release(struct db *db, sqlite3_stmt *st)
{
	struct db_cached	*c;
	size_t			 i;

	if (st == NULL)
		return;
	for (i = db->head[DB_BY_ST][db_hash_ptr(st)]; i != 0;
	    i = c->next[DB_BY_ST]) {
		c = &db->cache[i - 1];
		if (c->st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			c->busy = 0;
			return;
		}
	}
	sqlite3_finalize(st);
}

/* Whether c, not in use, holds the statement sql[0..len) begins with. */
static int
db_cached_begins(const struct db_cached *c, const char *sql, size_t len)
{
	/*
	 * One that ends in ';' may be followed by more, one that does not
	 * must be all of it.
	 */
	if (c->busy || c->len > len)
		return 0;
	if (c->len != len && (c->len == 0 || c->sql[c->len - 1] != ';'))
		return 0;
	return memcmp(c->sql, sql, c->len) == 0;
}

/*
 * The kept statement whose text begins sql[0..len), for db_exec(): the
 * same text read at the same address first, by its chain, then any.
 */
static struct db_cached *
db_cached_prefix(struct db *db, const char *sql, size_t len)
{
	struct db_cached	*c;
	size_t			 i;

	for (i = db->head[DB_BY_KEY][db_hash_ptr(sql)]; i != 0;
	    i = c->next[DB_BY_KEY]) {
		c = &db->cache[i - 1];
		if (c->key == sql && db_cached_begins(c, sql, len))
			return c;
	}
	for (i = 0; i < db->ncache; i++)
		if (db->cache[i].key != sql &&
		    db_cached_begins(&db->cache[i], sql, len))
			return &db->cache[i];
	return NULL;
}

/*
 * The next statement of sql[0..len) into *st, kept, and the text after
 * it into *tail; *st is NULL where only blanks or comments are left.
 */
static int
db_stmt_next(struct db *db, const char *sql, size_t len, sqlite3_stmt **st,
    const char **tail, char **cause)
{
	struct db_cached	*c;

	if ((c = db_cached_prefix(db, sql, len)) != NULL) {
		c->busy = 1;
		*st = c->st;
		*tail = sql + c->len;
		return 0;
	}
	if (sqlite3_prepare_v2(db->h, sql, (int)len, st, tail) != SQLITE_OK) {
		*cause = db_cause(db, "cannot update the database");
		*st = NULL;
		return -1;
	}
	if (*st != NULL)
		db_keep(db, sql, (size_t)(*tail - sql), sql, *st);
	return 0;
}

int
db_exec(struct db *db, const char *sql, char **cause)
{
	sqlite3_stmt	*st;
	const char	*tail;
	size_t		 len = strlen(sql);
	int		 r;

	/*
	 * Statement by statement, as sqlite3_exec() runs them, but each kept
	 * as db_stmt() keeps them: a connection that imports again (the
	 * fuzzers') parses nothing twice.
	 */
	while (len > 0) {
		if (db_stmt_next(db, sql, len, &st, &tail, cause) != 0)
			return -1;
		if (st == NULL)
			break;
		while ((r = sqlite3_step(st)) == SQLITE_ROW)
			;
		if (r != SQLITE_DONE) {
			*cause = db_cause(db, "cannot update the database");
			db_release(db, st);
			return -1;
		}
		db_release(db, st);
		len -= (size_t)(tail - sql);
		sql = tail;
	}
	return 0;
}

/* Run a script once, keeping nothing (the schema); 0, or -1 with *cause. */
static int
db_exec_once(struct db *db, const char *sql, char **cause)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK) {
		*cause = db_cause(db, "cannot update the database");
		return -1;
	}
	return 0;
}

/*
 * Make the schema in one transaction: each CREATE on its own would be a
 * transaction of its own, written to the file, twenty times over.
 */
static int
db_schema(struct db *db, char **cause)
{
	if (db_exec_once(db, "BEGIN", cause) != 0)
		return -1;
	if (db_exec_once(db, db_schema_sql, cause) != 0 ||
	    db_exec_once(db, "COMMIT", cause) != 0) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

/* Read one integer PRAGMA; returns 0, or -1 with *cause. */
static int
db_pragma_int(struct db *db, const char *sql, long long *v, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc = -1;

	if (db_prepare(db, sql, &st, cause) != 0)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		*cause = db_cause(db, "cannot read the database");
		goto out;
	}
	*v = sqlite3_column_int64(st, 0);
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}

static int
db_check(struct db *db, char **cause)
{
	long long	 app, version;

	if (db_pragma_int(db, "PRAGMA application_id", &app, cause) != 0 ||
	    db_pragma_int(db, "PRAGMA user_version", &version, cause) != 0)
		return -1;
	if (app != DB_APPLICATION_ID) {
		*cause = xasprintf("%s: not an icsbrowse database", db->path);
		return -1;
	}
	if (version != DB_SCHEMA_VERSION) {
		*cause = xasprintf("%s: database schema version %lld, but this "
		    "icsbrowse reads version %d: rebuild it with 'icsbrowse "
		    "import --force CSVDIR --output %s'", db->path, version,
		    DB_SCHEMA_VERSION, db->path);
		return -1;
	}
	return 0;
}

/* Refuse what SQLite would open as an empty database or fail on later. */
static int
db_check_file(const char *path, char **cause)
{
	struct stat	 sb;

	if (stat(path, &sb) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		*cause = xasprintf("%s: is a directory, not a database", path);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		*cause = xasprintf("%s: not a regular file", path);
		return -1;
	}
	if (sb.st_size == 0) {
		*cause = xasprintf("%s: empty file, not a database", path);
		return -1;
	}
	return 0;
}

struct db *
db_open(const char *path, int flags, char **cause)
{
	struct db	*db;
	int		 oflags;

	if ((flags & DB_READONLY) && db_check_file(path, cause) != 0)
		return NULL;
	oflags = (flags & DB_READONLY) ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	if (sqlite3_open_v2(path, &db->h, oflags, NULL) != SQLITE_OK) {
		*cause = db->h != NULL ? db_cause(db, "cannot open") :
		    xasprintf("%s: cannot open: out of memory", path);
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, 2000);
	if (flags & DB_CREATE) {
		if ((flags & DB_SCRATCH) && db_exec_once(db, "PRAGMA "
		    "journal_mode = OFF; PRAGMA synchronous = OFF", cause) != 0)
			goto fail;
		if (!(flags & DB_NOSCHEMA) && db_schema(db, cause) != 0)
			goto fail;
	} else if (db_check(db, cause) != 0)
		goto fail;
	return db;
fail:
	db_close(db, NULL);
	return NULL;
}

int
db_close(struct db *db, char **cause)
{
	int	 rc = 0;

	if (db == NULL)
		return 0;
	for (size_t i = 0; i < db->ncache; i++) {
		sqlite3_finalize(db->cache[i].st);
		free(db->cache[i].sql);
	}
	db->ncache = 0;
	memset(db->head, 0, sizeof db->head);
	if (sqlite3_close(db->h) != SQLITE_OK) {
		if (cause != NULL)
			*cause = db_cause(db, "cannot close");
		rc = -1;
	}
	free(db->path);
	free(db);
	return rc;
}
