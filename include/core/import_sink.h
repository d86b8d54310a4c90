/*
 * import_sink.h: the one place an import writes to.
 *
 * A source (the CSV folder in csv_import.c, a report in report_import.c)
 * feeds rows into a sink, table by table in the order of tables[] (a row
 * may refer only to tables already given), as ncdu's dir_import feeds
 * dir_mem.  The sink checks every field and every reference as rows come,
 * checks each table as a whole when it ends, and writes everything in one
 * transaction into a temporary file beside the output, renamed over the
 * output only by import_sink_commit().  import_sink_abort(), a failure or
 * a kill leave the output as it was.
 *
 * Call order: import_sink_begin(), then for each table
 * import_sink_table(), import_sink_row()..., import_sink_end_table(); then
 * import_sink_commit() or import_sink_abort().  After any -1, call only
 * import_sink_abort().  Both commit and abort free the sink.
 */
#ifndef ICSB_IMPORT_SINK_H
#define ICSB_IMPORT_SINK_H

struct csv_record;
struct db;
struct import_sink;
struct table;

/* Begin an import into the database file out; NULL with *cause set. */
struct import_sink *import_sink_begin(const char *out, char **cause);
/*
 * The same, for about text bytes of nodes and blocks (the sizes of their
 * CSV files; -1: not known).  Below IMPORT_SINK_SMALL the search index is
 * built in SQL at the commit, on the caller's thread: for so little text
 * a second thread, its file and the copy of its tables cost more than the
 * tokenising they take off this one.
 */
#define IMPORT_SINK_SMALL	(1024 * 1024)
struct import_sink *import_sink_begin_sized(const char *out, long long text,
	     char **cause);
/*
 * Begin an import into db, open already (made with DB_CREATE, its tables
 * empty; ":memory:" will do), in one transaction of its own, or a
 * savepoint inside the caller's if one is open (so that the caller can
 * roll back what it imported): no temporary file and no rename.  Commit
 * leaves db open and the caller's; abort rolls back, leaving its tables
 * empty (so not with DB_SCRATCH, which has no journal to roll back with).
 * For the fuzzers and tests, which build many databases and keep none.
 */
struct import_sink *import_sink_begin_db(struct db *db, char **cause);

/*
 * Begin table t.  where names the rows' origin in messages ("DIR/x.csv",
 * or a report file); it is copied.
 */
int	 import_sink_table(struct import_sink *, const struct table *t,
	     const char *where, char **cause);

/*
 * One row of the current table: rec->fields[0..nfields), with their
 * lengths, and rec->line, the line of where it comes from.  Borrowed.
 */
int	 import_sink_row(struct import_sink *, const struct csv_record *rec,
	     char **cause);

/* End the current table: check its references and its tree. */
int	 import_sink_end_table(struct import_sink *, char **cause);

/* Index, commit and rename into place; frees the sink.  0 or -1. */
int	 import_sink_commit(struct import_sink *, char **cause);

/* Give up: remove the temporary file; frees the sink.  NULL: nothing. */
void	 import_sink_abort(struct import_sink *);

#endif
