/*
 * layout.c: where each pane goes, from the size of the terminal.
 */
#include "config.h"

#include <string.h>

#include "ui/layout.h"

#define SIDE_MIN_W	18	/* narrower than this, a side pane is dropped */
#define STRIP_MIN_H	5	/* the side strip's least height */
#define STRIP_FROM_H	18	/* a shorter screen has no side strip */
#define READER_MIN_H	6

static int
clamp(int v, int lo, int hi)
{
	if (hi < lo)
		hi = lo;
	return v < lo ? lo : v > hi ? hi : v;
}

static void
rect_set(struct rect *r, int y, int x, int h, int w)
{
	r->y = y;
	r->x = x;
	r->h = h;
	r->w = w;
}

/* The first pane of slot, or n if none. */
static size_t
layout_first(const struct layout_in *in, enum layout_slot slot)
{
	size_t	 i;

	for (i = 0; i < in->n; i++)
		if (in->slots[i] == slot)
			return i;
	return in->n;
}

/* How many strip panes have something, up to what fits in w. */
static size_t
layout_strip_count(const struct layout_in *in, int w)
{
	size_t	 i, n = 0, fit = (size_t)(w / SIDE_MIN_W);

	for (i = 0; i < in->n; i++)
		if (in->slots[i] == SLOT_STRIP && !in->empty[i])
			n++;
	return n < fit ? n : fit;
}

/* Share the strip (y, x, h, w) among the first n strip panes with text. */
static void
layout_strip(const struct layout_in *in, struct layout_out *out, size_t n,
    int y, int x, int h, int w)
{
	size_t	 i, k = 0;
	int	 each;

	for (i = 0; i < in->n && k < n; i++) {
		if (in->slots[i] != SLOT_STRIP || in->empty[i])
			continue;
		each = w / (int)n;
		rect_set(&out->panes[i], y, x + (int)k * each, h,
		    k == n - 1 ? w - (int)k * each : each);
		k++;
	}
}

void
layout_compute(const struct layout_in *in, struct layout_out *out)
{
	struct rect	*panes = out->panes;
	size_t		 left, main, nstrip;
	int		 h, ow = 0, rw, rh;

	memset(out, 0, sizeof *out);
	out->panes = panes;
	memset(panes, 0, in->n * sizeof *panes);
	if (in->cols < LAYOUT_MIN_COLS || in->lines < LAYOUT_MIN_LINES) {
		out->too_small = 1;
		return;
	}
	h = in->lines - 1;
	rect_set(&out->status, h, 0, 1, in->cols);
	/* The default follows the content, up to two fifths of the screen. */
	ow = in->outline_w > 0 ? in->outline_w : in->outline_want > 0 ?
	    (in->outline_want < in->cols * 2 / 5 ? in->outline_want :
	    in->cols * 2 / 5) : in->cols * 3 / 10;
	out->outline_w = ow = clamp(ow, 16, in->cols - 24);
	out->reader_pct = clamp(in->reader_pct > 0 ? in->reader_pct : 62, 20,
	    90);
	if (in->zoom >= 0 && (size_t)in->zoom < in->n) {
		rect_set(&panes[in->zoom], 0, 0, h, in->cols);
		return;
	}
	if ((left = layout_first(in, SLOT_LEFT)) < in->n)
		rect_set(&panes[left], 0, 0, h, ow);
	else
		ow = 0;
	rw = in->cols - ow;
	if ((main = layout_first(in, SLOT_MAIN)) == in->n)
		return;
	nstrip = layout_strip_count(in, rw);
	if (nstrip == 0 || h < STRIP_FROM_H) {
		rect_set(&panes[main], 0, ow, h, rw);
		return;
	}
	rh = clamp(h * out->reader_pct / 100, READER_MIN_H, h - STRIP_MIN_H);
	rect_set(&panes[main], 0, ow, rh, rw);
	layout_strip(in, out, nstrip, rh, ow, h - rh, rw);
}
