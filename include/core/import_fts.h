/*
 * import_fts.h: the search index of an import, built on a thread of its
 * own while the tables load (import_sink.c).
 *
 * Tokenising the text is more than half of an import of any size, and the
 * tables do not need it: so the sink hands each node (id, title, heading)
 * and each block (node, text) to a builder as they are inserted, and the
 * builder's thread fills the same FTS5 table in a scratch database of its
 * own, one row a node, in the order of the ids, exactly as the SQL of
 * import_sink_commit() would: the title, with the heading on a second line
 * when it is not empty and not the title; the body, the node's blocks in
 * the order given, joined by newlines.  The sink then copies the index's
 * tables into the output.
 *
 * A node's row is complete when a block of a later node comes, so the
 * blocks must come node by node in the order of the ids (the nodes may
 * come in any order, all before the first block).  When they do not, the
 * builder gives up, and import_fts_finish() says so: the sink builds the
 * index in SQL instead.
 *
 * Call order: import_fts_start(), import_fts_node()..., import_fts_block()
 * ..., import_fts_finish(), import_fts_free().  import_fts_free() may come
 * at any point: it stops the thread.  The scratch file is the caller's: it
 * makes it (empty) and removes it.
 */
#ifndef ICSB_IMPORT_FTS_H
#define ICSB_IMPORT_FTS_H

#include <stddef.h>

struct import_fts;

/* The index's settings while it is built, and after (both builds). */
#define IMPORT_FTS_BEGIN_SQL \
	"INSERT INTO search(search, rank) VALUES ('hashsize', 8388608); "
#define IMPORT_FTS_END_SQL \
	"INSERT INTO search(search, rank) VALUES ('rank', 'bm25(4.0, 1.0)'); " \
	"INSERT INTO search(search) VALUES ('optimize'); " \
	"INSERT INTO search(search, rank) VALUES ('hashsize', 1048576); "

/*
 * Whether SQLite may be used from two threads at once: its mutexes are on
 * (a program may have made it single-threaded).
 */
int	 import_fts_usable(void);

/*
 * Start the builder's thread on the empty file path, which it makes a
 * database of one table, the output's search (its CREATE statement read
 * from db_schema_sql), and fills; messages name it name.  Both strings
 * are copied.
 * Returns NULL with *cause if the thread cannot start.
 */
struct import_fts *import_fts_start(const char *path, const char *name,
	     char **cause);

/* A node, before any block.  The strings are copied. */
void	 import_fts_node(struct import_fts *, long long id, const char *title,
	     size_t tlen, const char *heading, size_t hlen);
/* A block of node node, after every node.  The text is copied. */
void	 import_fts_block(struct import_fts *, long long node,
	     const char *text, size_t len);
/* No more rows: the thread finishes the index while the caller works. */
void	 import_fts_end(struct import_fts *);

/*
 * Wait for the index.  Returns 0: it is built and its file closed; 1: the
 * blocks did not come in the order of their nodes, nothing is built; -1
 * with *cause ("NAME: what").
 */
int	 import_fts_finish(struct import_fts *, char **cause);

/* Stop the thread if it runs and free everything; NULL does nothing. */
void	 import_fts_free(struct import_fts *);

#endif
