/*
 * marks.h: the marked sections, in the order they will print.
 *
 * A list of node paths, each once, kept in memory; the browser saves it
 * in the state database (state.c) after each change.  Paths, not ids:
 * marks outlive a rebuilt database.
 */
#ifndef ICSB_MARKS_H
#define ICSB_MARKS_H

#include <stddef.h>

struct marks;

struct marks	*marks_new(void);
/* Free the list and its paths; marks_free(NULL) does nothing. */
void		 marks_free(struct marks *);

size_t		 marks_count(const struct marks *);
/* Path i (i < marks_count()), borrowed until the list next changes. */
const char	*marks_get(const struct marks *, size_t i);
/* The paths, in order, for state_set_marks(); borrowed likewise. */
const char *const *marks_paths(const struct marks *);
int		 marks_has(const struct marks *, const char *path);

/* Add path at the end (copied) if not there; returns 1 if added. */
int		 marks_add(struct marks *, const char *path);
/* Mark path, or unmark it if marked; returns 1 if it is marked now. */
int		 marks_toggle(struct marks *, const char *path);
/* Remove path; returns 1 if it was marked. */
int		 marks_remove(struct marks *, const char *path);
/* Swap mark i with its neighbour dir (-1, 1); returns its new index, or i. */
size_t		 marks_move(struct marks *, size_t i, int dir);
void		 marks_clear(struct marks *);

#endif
