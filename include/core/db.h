/*
 * db.h: opening an icsbrowse database and talking to SQLite.
 *
 * A database is made by csv_import() from a dataset's CSV files; it says
 * what it is with PRAGMA application_id and which layout it has with PRAGMA
 * user_version.  db_open() refuses anything else with a message that says
 * what is wrong and what to do.  The other core modules run their queries
 * on db_handle(); every error they report is made with db_cause().
 */
#ifndef ICSB_DB_H
#define ICSB_DB_H

#include <sqlite3.h>

#define DB_APPLICATION_ID	0x49435342	/* "ICSB" */
#define DB_SCHEMA_VERSION	1

/* The text of assets/schema.sql, compiled in. */
extern const char db_schema_sql[];

struct db;

#define DB_READONLY	0x1	/* open an existing database to read */
#define DB_CREATE	0x2	/* create a new, empty file and its schema */
#define DB_SCRATCH	0x4	/* with DB_CREATE: no journal, no syncing */
#define DB_NOSCHEMA	0x8	/* with DB_CREATE: no tables (the caller's) */

/*
 * For a process whose SQLite is used by one thread only (the browser),
 * before any database is opened: no mutexes, no count of memory, and each
 * temporary table's page cache allocated a page at a time (SQLite would
 * allocate some 80 KiB at once for every sort and IN list).  After the
 * first open it changes nothing.
 */
void		 db_tune_one_thread(void);

/*
 * Open the database at path.  DB_READONLY never creates or changes the
 * file.  Returns a handle, or NULL with *cause set (caller frees).
 */
struct db	*db_open(const char *path, int flags, char **cause);
/* Close; db_close(NULL) does nothing.  Returns 0, or -1 with *cause. */
int		 db_close(struct db *, char **cause);

sqlite3		*db_handle(struct db *);
/* The name messages give the database: its path, unless set. */
const char	*db_path(const struct db *);
/* Name the database name in messages (a temporary file's final name). */
void		 db_set_name(struct db *, const char *name);

/*
 * While a query runs, call check(arg) every so often; if it returns
 * non-zero the query stops (SQLITE_INTERRUPT: db_interrupted() says so).
 * check NULL: never.  The browser stops a search that a newer key has
 * made stale.
 */
void		 db_set_check(struct db *, int (*check)(void *), void *arg);
/* Whether the last failure was a query stopped by the check. */
int		 db_interrupted(struct db *);

/*
 * Hold one read transaction over a burst of queries (a key in the
 * browser), so that the file is locked and checked once rather than at
 * every statement.  Best effort: if it cannot begin, each statement takes
 * its own.  End it before waiting on the user, never to hold the lock.
 */
void		 db_read_begin(struct db *);
void		 db_read_end(struct db *);

/* Prepare sql; returns 0, or -1 with *cause. */
int		 db_prepare(struct db *, const char *sql, sqlite3_stmt **,
		     char **cause);
/*
 * Like db_prepare(), for the queries the browser runs at every key: the
 * statement is kept and handed out again, reset, for the same SQL.  Give
 * it back with db_release(), never sqlite3_finalize().
 */
int		 db_stmt(struct db *, const char *sql, sqlite3_stmt **,
		     char **cause);
/* Give back a statement from db_stmt() (NULL does nothing). */
void		 db_release(struct db *, sqlite3_stmt *);

/*
 * Run sql, one or more statements whose rows are ignored; returns 0, or -1
 * with *cause.  Each statement is kept, as db_stmt() keeps them, so that
 * the same SQL run again on the connection is not parsed again.
 */
int		 db_exec(struct db *, const char *sql, char **cause);

/*
 * Make an error message "PATH: what: SQLite's words" for the last error on
 * db, in a new string the caller frees.  Knows the errors users meet
 * (a damaged file, a read-only file) and says those plainly.
 */
char		*db_cause(struct db *, const char *what);

#endif
