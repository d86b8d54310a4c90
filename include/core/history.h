/*
 * history.h: back and forward through the nodes a user has visited.
 *
 * Like a web browser's: visiting a node after going back drops the
 * forward entries.  A visit may replace the current entry instead of
 * adding one, so that walking the outline a row at a time makes one entry,
 * not one per key.  At most max entries are kept; the oldest go first.
 */
#ifndef ICSB_HISTORY_H
#define ICSB_HISTORY_H

#include <stddef.h>
#include <stdint.h>

struct history;

struct history	*history_new(size_t max);
void		 history_free(struct history *);

/* Visit id; replace != 0 overwrites the current entry instead. */
void		 history_visit(struct history *, int64_t id, int replace);
/* Step back or forward; returns 0 and sets *id, or -1 at either end. */
int		 history_back(struct history *, int64_t *id);
int		 history_forward(struct history *, int64_t *id);
/* The current entry, or 0 if none. */
int64_t		 history_current(const struct history *);

#endif
