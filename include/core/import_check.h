/*
 * import_check.h: the checks csv_import() makes on fields and tables.
 *
 * Internal to the importer; kept apart so that each check can be read (and
 * tested) on its own.  Every function returns 0, or -1 with *cause set to
 * a "FILE:LINE: what is wrong" message the caller frees.
 */
#ifndef ICSB_IMPORT_CHECK_H
#define ICSB_IMPORT_CHECK_H

#include <stddef.h>

#include <sqlite3.h>

struct column;
struct csv_record;
struct db;
struct table;

/* Check field s[0..len) against column c and bind it as parameter idx. */
int	 import_field(sqlite3_stmt *, int idx, const struct column *c,
	     const char *s, size_t len, const char *path, unsigned long line,
	     char **cause);

/* Explain why inserting rec failed (a duplicate key, say). */
char	*import_insert_error(struct db *, const struct table *,
	     const struct csv_record *, const char *path);

/*
 * The rows' lines, which the checks need only to name a problem's row:
 * fill(arg, cause) puts into temp.lines(tbl, id, line) those of the rows
 * so far that are not there yet; 0, or -1 with *cause.
 */
struct import_lines {
	int	(*fill)(void *arg, char **cause);
	void	*arg;
};

/*
 * Checks once table t is loaded: references within it (the nodes' tree is
 * import_tree.h's).  lines
 * NULL: temp.lines holds every row's line already.
 */
int	 import_check_table(struct db *, const struct table *,
	     const char *path, const struct import_lines *lines,
	     char **cause);

/* The table called name; NULL if none. */
const struct table *import_table_named(const char *name);

#endif
