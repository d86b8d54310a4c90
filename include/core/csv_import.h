/*
 * csv_import.h: building a database from a dataset's CSV files.
 *
 * A dataset is a directory of CSV files, one per table of
 * assets/schema.sql (meta, sources, nodes, blocks, places, figures,
 * mentions), each with a header row naming the table's columns in order.
 * The import reads them strictly, checks every field and every reference
 * (a node's parent exists, no node is its own ancestor, paths are unique,
 * a figure's place, node and comparator exist and its text occurs in its
 * node), and builds the search index.
 *
 * It is all or nothing: the database is built in a temporary file beside
 * the output and renamed over it only when complete, so a failure or a
 * kill leaves the output as it was.
 */
#ifndef ICSB_CSV_IMPORT_H
#define ICSB_CSV_IMPORT_H

#include <stddef.h>

struct db;

/*
 * Import the dataset in dir into the database file out.  Returns 0, or -1
 * with *cause ("FILE:LINE: what is wrong"; the caller frees it).
 */
int	 csv_import(const char *dir, const char *out, char **cause);

/*
 * Import the dataset in dir into db, a database db_open() has made with
 * DB_CREATE (":memory:" will do) whose tables are empty, in one
 * transaction: no temporary file, no rename.  For the fuzzers and tests,
 * which build many databases and keep none.  Returns 0, or -1 with
 * *cause, the transaction rolled back so that the tables are empty again
 * (not with DB_SCRATCH: a rollback needs the journal it turns off).
 */
int	 csv_import_db(struct db *, const char *dir, char **cause);

/* A table's CSV file as bytes in memory: name is the table's ("nodes"). */
struct csv_text {
	const char	*name;
	const char	*buf;
	size_t		 len;
};

/*
 * As csv_import_db(), the files given as the n texts of files[] rather
 * than read from a directory; a table none of them names is a missing
 * file.  Messages name a text "TABLE.csv".  For the fuzzers, which make
 * their datasets in memory.
 */
int	 csv_import_mem(struct db *, const struct csv_text *files, size_t n,
	     char **cause);

#endif
