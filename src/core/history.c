/*
 * history.c: back and forward through the nodes a user has visited.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/history.h"
#include "core/xmalloc.h"

struct history {
	int64_t	*ids;
	size_t	 n;	/* entries held */
	size_t	 cur;	/* index of the current entry, when n > 0 */
	size_t	 max;
};

struct history *
history_new(size_t max)
{
	struct history	*h;

	h = xcalloc(1, sizeof *h);
	h->max = max > 0 ? max : 1;
	h->ids = xreallocarray(NULL, h->max, sizeof *h->ids);
	return h;
}

void
history_free(struct history *h)
{
	if (h == NULL)
		return;
	free(h->ids);
	free(h);
}

void
history_visit(struct history *h, int64_t id, int replace)
{
	if (h->n > 0 && h->ids[h->cur] == id) {
		h->n = h->cur + 1;
		return;
	}
	if (h->n > 0 && replace) {
		h->ids[h->cur] = id;
		h->n = h->cur + 1;
		return;
	}
	if (h->n > 0)
		h->n = h->cur + 1;	/* forward entries are gone */
	if (h->n == h->max) {
		memmove(h->ids, h->ids + 1, (h->max - 1) * sizeof *h->ids);
		h->n--;
	}
	h->ids[h->n] = id;
	h->cur = h->n++;
}

int
history_back(struct history *h, int64_t *id)
{
	if (h->n == 0 || h->cur == 0)
		return -1;
	*id = h->ids[--h->cur];
	return 0;
}

int
history_forward(struct history *h, int64_t *id)
{
	if (h->n == 0 || h->cur + 1 >= h->n)
		return -1;
	*id = h->ids[++h->cur];
	return 0;
}

int64_t
history_current(const struct history *h)
{
	return h->n > 0 ? h->ids[h->cur] : 0;
}
