/*
 * import_sink.c: the one sink of every import (see import_sink.h).
 *
 * Rows are inserted in one transaction into a new database in a temporary
 * file beside the output.  References back to tables already loaded are
 * checked as rows arrive.  The nodes' tree is worked out in C as they
 * arrive (import_tree.c), each path written with its row.  References
 * within the figures (a comparator) are checked with SQL once the table
 * is in, using the line of every row, kept in memory and put in a
 * temporary table once a check finds a problem, to say where it is.  Only
 * a complete, checked database is renamed over the output.
 *
 * Into a file of more than a little text, the search index is built
 * beside the load, on a thread of its own (import_fts.c), in a second
 * temporary file attached to the connection; its tables are copied into
 * the output at the commit.  Otherwise, and in memory, it is built in SQL
 * at the commit.
 */
#include "config.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csv_read.h"
#include "core/db.h"
#include "core/import_check.h"
#include "core/import_file.h"
#include "core/import_fts.h"
#include "core/import_sink.h"
#include "core/import_tree.h"
#include "core/strbuf.h"
#include "core/tables.h"
#include "core/xmalloc.h"

#define MAX_COLUMNS	16	/* more than any table has */

/* Where a row others refer to by id comes from. */
struct import_line {
	const char	*tbl;
	long long	 id;
	unsigned long	 line;
};

struct import_sink {
	char			*out;
	char			*tmp;		/* the temporary file */
	int			 fd;		/* tmp, open */
	int			 dirfd;		/* the locked directory, or -1 */
	struct db		*db;
	sqlite3_stmt		*insert;
	sqlite3_stmt		*line;		/* records a row's line */
	sqlite3_stmt		*lookup[MAX_COLUMNS]; /* per column: does its referent exist */
	unsigned char		 bytree[MAX_COLUMNS]; /* a node: ask the tree */
	const struct table	*table;		/* the table being loaded */
	char			*path;		/* where its rows come from */
	int			 owned;		/* db is the sink's, in tmp */
	struct import_line	*lines;		/* of nodes' and figures' rows */
	size_t			 nlines;
	size_t			 alines;
	size_t			 filled;	/* lines[0..filled) in temp.lines */
	struct import_fts	*fts;		/* the index's builder, or NULL */
	char			*ftmp;		/* its file, attached as fts */
	int			 feed;		/* 'n' nodes, 'b' blocks, or 0 */
	size_t			 fcol[3];	/* the columns it is given */
	struct import_tree	*tree;		/* while nodes load */
	struct import_tree	*nodes;		/* once they are in: their ids */
	int			 nested;	/* in the caller's transaction, */
	int			 savepoint;	/* a savepoint of it, open */
	size_t			 tcol[4];	/* its id, parent, link, slug */
};

static int
import_prepare(struct import_sink *im, const struct table *t, char **cause)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*sql;
	size_t		 i;
	int		 rc;

	strbuf_adds(&sb, "INSERT INTO ");
	strbuf_adds(&sb, t->name);
	strbuf_addc(&sb, '(');
	for (i = 0; i < t->ncolumns; i++) {
		if (i > 0)
			strbuf_addc(&sb, ',');
		strbuf_adds(&sb, t->columns[i].name);
	}
	/* The path, which the tree works out as the rows come. */
	if (im->tree != NULL)
		strbuf_adds(&sb, ",path");
	strbuf_adds(&sb, ") VALUES (");
	for (i = 1; i <= t->ncolumns + (im->tree != NULL); i++)
		strbuf_addf(&sb, "%s?%zu", i > 1 ? "," : "", i);
	strbuf_addc(&sb, ')');
	rc = db_stmt(im->db, strbuf_str(&sb), &im->insert, cause);
	strbuf_free(&sb);
	if (rc != 0)
		return -1;
	assert(t->ncolumns <= MAX_COLUMNS);
	for (i = 0; i < t->ncolumns; i++) {
		const struct column	*c = &t->columns[i];
		const struct table	*rt;

		im->lookup[i] = NULL;
		im->bytree[i] = 0;
		if (c->ref == NULL || strcmp(c->ref, t->name) == 0)
			continue;
		/* The nodes' ids are in their tree: no query a row. */
		if (im->nodes != NULL && strcmp(c->ref, "nodes") == 0) {
			im->bytree[i] = 1;
			continue;
		}
		rt = import_table_named(c->ref);
		sql = xasprintf("SELECT 1 FROM %s WHERE %s = ?1", rt->name,
		    rt->key);
		rc = db_stmt(im->db, sql, &im->lookup[i], cause);
		free(sql);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static void
import_finalize(struct import_sink *im)
{
	size_t	 i;

	/* Kept (db_stmt()): a connection that imports again reuses them. */
	db_release(im->db, im->insert);
	im->insert = NULL;
	for (i = 0; i < MAX_COLUMNS; i++) {
		db_release(im->db, im->lookup[i]);
		im->lookup[i] = NULL;
	}
}

/* Check that the row's reference in column i exists. */
static int
import_ref(struct import_sink *im, const struct column *c, size_t i,
    const struct csv_record *rec, char **cause)
{
	sqlite3_stmt	*st = im->lookup[i];
	int		 r;

	if ((st == NULL && !im->bytree[i]) || rec->lens[i] == 0)
		return 0;
	if (im->bytree[i]) {
		/* A whole number from 1 to INT32_MAX: import_field(). */
		if (import_tree_has(im->nodes, strtoll(rec->fields[i], NULL,
		    10)))
			return 0;
		goto missing;
	}
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, rec->fields[i], (int)rec->lens[i],
	    SQLITE_STATIC);
	if (c->type == COL_ID || c->type == COL_REF)
		sqlite3_bind_int64(st, 1, strtoll(rec->fields[i], NULL, 10));
	r = sqlite3_step(st);
	sqlite3_reset(st);
	if (r == SQLITE_ROW)
		return 0;
	if (r != SQLITE_DONE) {
		*cause = db_cause(im->db, "cannot check a reference");
		return -1;
	}
missing:
	*cause = xasprintf("%s:%lu: %s '%.40s' does not exist in %s.csv",
	    im->path, rec->line, c->name, rec->fields[i], c->ref);
	return -1;
}

/* The column of t called name (it has one). */
static size_t
import_column(const struct table *t, const char *name)
{
	size_t	 i;

	for (i = 0; i < t->ncolumns; i++)
		if (strcmp(t->columns[i].name, name) == 0)
			break;
	assert(i < t->ncolumns);
	return i;
}

/* Which rows of t go to the index's builder, and which of their fields. */
static void
import_feed_table(struct import_sink *im, const struct table *t)
{
	im->feed = 0;
	if (im->fts == NULL)
		return;
	if (strcmp(t->name, "nodes") == 0) {
		im->feed = 'n';
		im->fcol[0] = import_column(t, "id");
		im->fcol[1] = import_column(t, "title");
		im->fcol[2] = import_column(t, "heading");
	} else if (strcmp(t->name, "blocks") == 0) {
		im->feed = 'b';
		im->fcol[0] = import_column(t, "node");
		im->fcol[1] = import_column(t, "text");
	}
}

/* Give the index's builder a row that is in (its fields are checked). */
static void
import_feed(struct import_sink *im, const struct csv_record *rec)
{
	long long	 id = strtoll(rec->fields[im->fcol[0]], NULL, 10);
	size_t		 a = im->fcol[1], b = im->fcol[2];

	if (im->feed == 'n')
		import_fts_node(im->fts, id, rec->fields[a], rec->lens[a],
		    rec->fields[b], rec->lens[b]);
	else
		import_fts_block(im->fts, id, rec->fields[a], rec->lens[a]);
}

/*
 * The line of a row others refer to by id, for the checks to name it:
 * kept here, put in temp.lines only for a problem.
 */
static void
import_keep_line(struct import_sink *im, const struct table *t,
    const struct csv_record *rec)
{
	if (im->nlines == im->alines) {
		im->alines = im->alines ? im->alines * 2 : 1024;
		im->lines = xreallocarray(im->lines, im->alines,
		    sizeof *im->lines);
	}
	im->lines[im->nlines].tbl = t->name;
	im->lines[im->nlines].id = strtoll(rec->fields[0], NULL, 10);
	im->lines[im->nlines++].line = rec->line;
}

/* A node into the tree, and its path, or "#ID" until the tree is checked. */
static void
import_node_path(struct import_sink *im, const struct table *t,
    const struct csv_record *rec)
{
	const size_t	*c = im->tcol;
	const char	*path;
	char		 stand[32];
	long long	 id = strtoll(rec->fields[c[0]], NULL, 10);
	size_t		 len;
	int		 n;

	path = import_tree_add(im->tree, id, strtoll(rec->fields[c[1]], NULL,
	    10), strtoll(rec->fields[c[2]], NULL, 10), rec->fields[c[3]],
	    rec->lens[c[3]], rec->line, &len);
	if (path != NULL) {
		sqlite3_bind_text(im->insert, (int)t->ncolumns + 1, path,
		    (int)len, SQLITE_STATIC);
		return;
	}
	n = snprintf(stand, sizeof stand, "#%lld", id);
	sqlite3_bind_text(im->insert, (int)t->ncolumns + 1, stand, n,
	    SQLITE_TRANSIENT);
}

static int
import_insert(struct import_sink *im, const struct table *t,
    const struct csv_record *rec, char **cause)
{
	size_t	 i;
	int	 r;

	if (rec->nfields != t->ncolumns) {
		*cause = xasprintf("%s:%lu: %zu fields, expected %zu",
		    im->path, rec->line, rec->nfields, t->ncolumns);
		return -1;
	}
	sqlite3_reset(im->insert);
	for (i = 0; i < t->ncolumns; i++) {
		if (import_field(im->insert, (int)i + 1, &t->columns[i],
		    rec->fields[i], rec->lens[i], im->path, rec->line,
		    cause) != 0)
			return -1;
		if (import_ref(im, &t->columns[i], i, rec, cause) != 0)
			return -1;
	}
	if (im->tree != NULL)
		import_node_path(im, t, rec);
	r = sqlite3_step(im->insert);
	if (r != SQLITE_DONE) {
		*cause = import_insert_error(im->db, t, rec, im->path);
		return -1;
	}
	if (im->feed != 0)
		import_feed(im, rec);
	/* The tree keeps its nodes' lines. */
	if (t->columns[0].type == COL_ID && t->key != NULL && im->tree == NULL)
		import_keep_line(im, t, rec);
	return 0;
}

/* struct import_lines' fill: the lines kept and not yet in temp.lines. */
static int
import_fill_lines(void *arg, char **cause)
{
	struct import_sink	*im = arg;
	const struct import_line *l;

	for (; im->filled < im->nlines; im->filled++) {
		l = &im->lines[im->filled];
		sqlite3_reset(im->line);
		sqlite3_bind_text(im->line, 1, l->tbl, -1, SQLITE_STATIC);
		sqlite3_bind_int64(im->line, 2, l->id);
		sqlite3_bind_int64(im->line, 3, (sqlite3_int64)l->line);
		if (sqlite3_step(im->line) != SQLITE_DONE) {
			*cause = db_cause(im->db, "cannot check the dataset");
			return -1;
		}
	}
	sqlite3_reset(im->line);
	return 0;
}

/*
 * Open the transaction and the table of rows' lines.  Rows refer to rows
 * further on: no foreign key checks, turned off by sqlite3_db_config()
 * rather than a PRAGMA, which would expire every prepared statement; the
 * table of lines is kept, emptied, so that a connection that imports
 * again (import_sink_begin_db()) keeps its statements.
 */
static int
import_sink_start(struct import_sink *im, char **cause)
{
	im->nested = !sqlite3_get_autocommit(db_handle(im->db));
	sqlite3_db_config(db_handle(im->db), SQLITE_DBCONFIG_ENABLE_FKEY, 0,
	    NULL);
	if (db_exec(im->db, "CREATE TEMP TABLE IF NOT EXISTS lines(tbl TEXT, "
	    "id INTEGER, line INTEGER, PRIMARY KEY (tbl, id)); "
	    "DELETE FROM temp.lines", cause) != 0 ||
	    db_exec(im->db, im->nested ? "SAVEPOINT import_sink" : "BEGIN",
	    cause) != 0)
		return -1;
	im->savepoint = im->nested;
	return db_stmt(im->db, "INSERT OR IGNORE INTO temp.lines "
	    "VALUES (?1, ?2, ?3)", &im->line, cause);
}

/*
 * The index's builder, on a thread and in a file of its own, started
 * first, so that it makes its file while the output's schema is made.
 * Only where SQLite may be used from two threads: a program that made it
 * single-threaded (a fuzzer) keeps to one, and the index is built in SQL
 * at the commit, as it is where no thread can start.
 */
static int
import_fts_begin(struct import_sink *im, char **cause)
{
	int	 fd;

	if (!import_fts_usable())
		return 0;
	if ((fd = import_file_tmp(im->out, &im->ftmp, cause)) == -1)
		return -1;
	close(fd);
	if ((im->fts = import_fts_start(im->ftmp, im->out, cause)) == NULL) {
		free(*cause);
		*cause = NULL;
	}
	return 0;
}

struct import_sink *
import_sink_begin(const char *out, char **cause)
{
	return import_sink_begin_sized(out, -1, cause);
}

struct import_sink *
import_sink_begin_sized(const char *out, long long text, char **cause)
{
	struct import_sink	*im;

	im = xcalloc(1, sizeof *im);
	im->owned = 1;
	im->out = xstrdup(out);
	im->dirfd = import_file_lock(out);
	if ((im->fd = import_file_tmp(out, &im->tmp, cause)) == -1 ||
	    ((text < 0 || text >= IMPORT_SINK_SMALL) &&
	    import_fts_begin(im, cause) != 0))
		goto fail;
	/* A scratch file: no journal; messages name the output, not it. */
	if ((im->db = db_open(im->tmp, DB_CREATE | DB_SCRATCH, cause)) ==
	    NULL) {
		import_file_cause(cause, im->tmp, out);
		goto fail;
	}
	db_set_name(im->db, out);
	/*
	 * The schema's CHECKs are lists of values (a block's kind, a
	 * figure's basis and direction), which SQLite makes a table of at
	 * every row: import_field() has checked each against the same list
	 * (tables.c; test_tables holds them to the schema's), so the file's
	 * connection leaves them out.  Before any statement is prepared.
	 */
	if (db_exec(im->db, "PRAGMA ignore_check_constraints = ON", cause) !=
	    0 || import_sink_start(im, cause) != 0)
		goto fail;
	return im;
fail:
	import_sink_abort(im);
	return NULL;
}

struct import_sink *
import_sink_begin_db(struct db *db, char **cause)
{
	struct import_sink	*im;

	im = xcalloc(1, sizeof *im);
	im->out = xstrdup(db_path(db));
	im->fd = im->dirfd = -1;
	im->db = db;
	if (import_sink_start(im, cause) != 0) {
		import_sink_abort(im);
		return NULL;
	}
	return im;
}

int
import_sink_table(struct import_sink *im, const struct table *t,
    const char *where, char **cause)
{
	assert(im->table == NULL);
	im->table = t;
	free(im->path);
	im->path = xstrdup(where);
	import_feed_table(im, t);
	if (strcmp(t->name, "nodes") == 0) {
		im->tree = import_tree_new();
		im->tcol[0] = import_column(t, "id");
		im->tcol[1] = import_column(t, "parent");
		im->tcol[2] = import_column(t, "link");
		im->tcol[3] = import_column(t, "slug");
	}
	return import_prepare(im, t, cause);
}

int
import_sink_row(struct import_sink *im, const struct csv_record *rec,
    char **cause)
{
	assert(im->table != NULL);
	return import_insert(im, im->table, rec, cause);
}

int
import_sink_end_table(struct import_sink *im, char **cause)
{
	const struct table	*t = im->table;
	struct import_lines	 lines;
	int			 r;

	assert(t != NULL);
	import_finalize(im);
	im->table = NULL;
	/* The builder finishes the index while the checks run. */
	if (im->feed == 'b')
		import_fts_end(im->fts);
	im->feed = 0;
	if (im->fd != -1)
		import_file_start_writeback(im->fd);
	if (im->tree != NULL) {
		r = import_tree_check(im->tree, im->path, cause) == 0 ?
		    import_tree_write(im->tree, im->db, cause) : -1;
		/* Its ids kept: the tables after refer to them. */
		import_tree_free(im->nodes);
		im->nodes = im->tree;
		im->tree = NULL;
		if (r != 0)
			return -1;
		import_tree_keep_ids(im->nodes);
	}
	lines.fill = import_fill_lines;
	lines.arg = im;
	return import_check_table(im->db, t, im->path, &lines, cause);
}

/* Close the sink's files; remove the temporary one unless renamed. */
static void
import_sink_free(struct import_sink *im, int keep)
{
	char	*why = NULL;

	import_fts_free(im->fts);
	im->fts = NULL;
	import_tree_free(im->tree);
	im->tree = NULL;
	import_tree_free(im->nodes);
	im->nodes = NULL;
	import_finalize(im);
	db_release(im->db, im->line);
	if (im->owned)
		db_close(im->db, NULL);
	else if (im->nested) {
		/* Only what the sink did: the transaction is the caller's. */
		if (!keep && im->savepoint && db_exec(im->db, "ROLLBACK TO "
		    "import_sink; RELEASE import_sink", &why) != 0)
			free(why);
	} else if (im->db != NULL && !keep &&
	    !sqlite3_get_autocommit(db_handle(im->db)))
		sqlite3_exec(db_handle(im->db), "ROLLBACK", NULL, NULL, NULL);
	if (im->tmp != NULL && !keep)
		unlink(im->tmp);
	if (im->ftmp != NULL)
		unlink(im->ftmp);
	if (im->fd != -1)
		close(im->fd);
	if (im->dirfd != -1)
		close(im->dirfd);
	free(im->lines);
	free(im->tmp);
	free(im->ftmp);
	free(im->out);
	free(im->path);
	free(im);
}

/*
 * The search index in SQL, from the tables: in memory 8 MiB at a time
 * (FTS5's hashsize, IMPORT_FTS_BEGIN_SQL; by default 1 MiB): fewer
 * segments to write and to merge, which saves a quarter to a half of the
 * build's time for 8 MiB more at the peak.  IMPORT_FTS_END_SQL sets the
 * default again after, for whoever writes next.
 */
#define FTS_BUILD_SQL \
	IMPORT_FTS_BEGIN_SQL \
	"INSERT INTO search(rowid, title, body) SELECT n.id, " \
	"n.title || CASE WHEN n.heading IN ('', n.title) THEN '' " \
	"ELSE char(10) || n.heading END, " \
	"ifnull((SELECT group_concat(text, char(10)) FROM (SELECT text " \
	"FROM blocks b WHERE b.node = n.id ORDER BY b.rowid)), '') " \
	"FROM nodes n; " IMPORT_FTS_END_SQL

/* The index's tables, built by the thread, into the output's (emptied). */
#define FTS_COPY(t) \
	"DELETE FROM main.search_" t "; INSERT INTO main.search_" t \
	" SELECT * FROM fts.search_" t "; "

/* The thread's file, attached (ATTACH cannot come inside a transaction). */
static int
import_attach(struct import_sink *im, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc = 0;

	if (db_prepare(im->db, "ATTACH ?1 AS fts", &st, cause) != 0)
		return -1;
	sqlite3_bind_text(st, 1, im->ftmp, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		*cause = db_cause(im->db, "cannot read the search index");
		rc = -1;
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * Build the search index and commit.  With a builder, the tables are
 * committed first (a scratch file has no journal to roll back anyway),
 * then the index is copied, or built in SQL if the builder could not.
 */
static int
import_index(struct import_sink *im, char **cause)
{
	int	 r;

	if (im->fts == NULL) {
		if (db_exec(im->db, "DELETE FROM temp.lines; " FTS_BUILD_SQL,
		    cause) != 0 || db_exec(im->db, im->savepoint ?
		    "RELEASE import_sink" : "COMMIT", cause) != 0)
			return -1;
		im->savepoint = 0;
		return 0;
	}
	if (db_exec(im->db, "DELETE FROM temp.lines; COMMIT", cause) != 0)
		return -1;
	/* The tables go to disk while the index is finished and copied. */
	import_file_start_writeback(im->fd);
	if ((r = import_fts_finish(im->fts, cause)) < 0) {
		import_file_cause(cause, im->ftmp, im->out);
		return -1;
	}
	if (r == 1)
		return db_exec(im->db, "BEGIN; " FTS_BUILD_SQL "COMMIT", cause);
	if (import_attach(im, cause) != 0)
		return -1;
	return db_exec(im->db, "BEGIN; " FTS_COPY("data") FTS_COPY("idx")
	    FTS_COPY("content") FTS_COPY("docsize") FTS_COPY("config")
	    "COMMIT", cause);
}

int
import_sink_commit(struct import_sink *im, char **cause)
{
	int	 rc = -1;

	if (import_index(im, cause) != 0)
		goto out;
	db_release(im->db, im->line);
	im->line = NULL;
	if (!im->owned) {
		rc = 0;
		goto out;
	}
	if (db_close(im->db, cause) != 0) {
		im->db = NULL;
		goto out;
	}
	im->db = NULL;
	if (import_file_commit(im->fd, im->tmp, im->out, cause) != 0)
		goto out;
	rc = 0;
out:
	import_sink_free(im, rc == 0);
	return rc;
}

void
import_sink_abort(struct import_sink *im)
{
	if (im != NULL)
		import_sink_free(im, 0);
}
