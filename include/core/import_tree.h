/*
 * import_tree.h: the tree of an import's nodes, worked out in C as the
 * rows arrive (import_sink.c).
 *
 * Each node's path is its slug under its parent's path, joined by '/'.
 * The sink gives every node as it inserts it and writes the path this
 * returns with the row; a node whose parent has not come yet (nodes may
 * come in any order) or whose path another node has already is written
 * with "#ID", unique and no path, and given its path once the table is
 * in and checked.  The checks and their messages are those the import
 * has always made: no nodes, a parent or a link that does not exist, a
 * node deeper than MODEL_DEPTH_MAX levels, a path longer than 1024 bytes,
 * a cycle of parents, a path twice; each names the first row in the
 * file's order that shows it.
 *
 * Call order: import_tree_new(), import_tree_add()..., import_tree_check(),
 * then import_tree_write() (or import_tree_late()...) for the nodes
 * written without their path, and import_tree_has() for the references
 * of the tables after (import_tree_keep_ids() first frees the rest);
 * import_tree_free().
 */
#ifndef ICSB_IMPORT_TREE_H
#define ICSB_IMPORT_TREE_H

#include <stddef.h>

struct db;
struct import_tree;

/*
 * Longest path a node may have, in bytes.  Paths repeat their ancestors'
 * slugs, so without a bound a deep chain of nodes (or a long slug high up)
 * would make a database quadratic in the size of the CSV file.
 */
#define IMPORT_PATH_MAX	1024

struct import_tree *import_tree_new(void);
/* Free the tree; NULL does nothing. */
void	 import_tree_free(struct import_tree *);

/*
 * A node, its fields checked: id and parent and link from 1 to INT32_MAX
 * (parent and link 0 for none), slug[0..slen) copied, line where it is.
 * Returns its path, borrowed until the next call, with its length in
 * *len; or NULL: write the row with "#ID" (its parent is not in yet, it
 * is past a limit, or its path or its id is there already).
 */
const char *import_tree_add(struct import_tree *, long long id,
	     long long parent, long long link, const char *slug, size_t slen,
	     unsigned long line, size_t *len);

/*
 * Check the tree, every node in.  Returns 0, or -1 with *cause, "WHERE:
 * LINE: what" (where names the rows' origin), which the caller frees.
 */
int	 import_tree_check(struct import_tree *, const char *where,
	     char **cause);

/*
 * After a check that passed, the next node import_tree_add() gave no path
 * for: 1 with its id and path (borrowed until the next call), or 0 when
 * there are no more.  *cursor starts at 0.
 */
int	 import_tree_late(struct import_tree *, size_t *cursor, long long *id,
	     const char **path, size_t *len);

/* After a check that passed: whether a node has id. */
int	 import_tree_has(const struct import_tree *, long long id);

/*
 * After the paths are written: keep only what import_tree_has() needs,
 * the nodes' ids (a tenth of the tree's memory).
 */
void	 import_tree_keep_ids(struct import_tree *);

/*
 * After a check that passed, give those nodes their paths in the nodes
 * table of db, inside the caller's transaction.  0, or -1 with *cause.
 */
int	 import_tree_write(struct import_tree *, struct db *, char **cause);

#endif
