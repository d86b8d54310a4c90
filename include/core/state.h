/*
 * state.h: what the browser remembers between runs, per dataset.
 *
 * The last node read, which nodes are unfolded, and the marks, kept in
 * $XDG_STATE_HOME/icsbrowse/state.db (~/.local/state/icsbrowse/state.db
 * when XDG_STATE_HOME is not set).  Each dataset (database file) has its
 * own, keyed by the database's real path.  Every change is committed at
 * once in its own transaction, so a kill loses nothing already done.
 *
 * A damaged state file is moved aside (state.db.damaged) and a fresh one
 * started; state_open() says so in *notice.  A file that can only be read
 * (a read-only or full file system) is read and never written, and one
 * whose write fails is written no more: *notice, or the failing call's
 * *cause, says so once, and every later write does nothing.  Nodes are named by path, so
 * that state survives a rebuild of the database.
 */
#ifndef ICSB_STATE_H
#define ICSB_STATE_H

#include <stddef.h>

struct state;

typedef int (*state_path_cb)(const char *path, void *);

/*
 * Open the state for the dataset named key.  Returns NULL with *cause set
 * if there can be no state (no home directory, an unwritable one).  Sets
 * *notice (caller frees) to a message for the user, or NULL.
 */
struct state	*state_open(const char *key, char **notice, char **cause);
void		 state_close(struct state *);
/* The path of the state file state_open() uses (caller frees), or NULL. */
char		*state_file(void);

/* A remembered value (caller frees), or NULL. */
char		*state_get(struct state *, const char *name);
int		 state_set(struct state *, const char *name, const char *value,
		     char **cause);

/*
 * The nodes the user unfolded, and those the user folded: a node not in
 * either keeps the browser's default.
 */
int		 state_open_nodes(struct state *, state_path_cb, void *,
		     char **cause);
int		 state_folded_nodes(struct state *, state_path_cb, void *,
		     char **cause);
int		 state_set_open(struct state *, const char *path, int open,
		     char **cause);

/* The marks, in their order. */
int		 state_marks(struct state *, state_path_cb, void *,
		     char **cause);
/* Add a mark at the end (if not there), or remove it. */
int		 state_mark(struct state *, const char *path, int on,
		     char **cause);
/*
 * Replace the marks this state has read or written with paths[0..n), in
 * that order.  Marks another browser added meanwhile, on the same file,
 * are kept, after these: two browsers at once lose neither's marks.
 */
int		 state_set_marks(struct state *, const char *const *paths,
		     size_t n, char **cause);

#endif
