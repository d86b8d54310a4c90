/*
 * layout.c: where each pane goes, from the size of the terminal.
 */
#include "config.h"

#include <string.h>

#include "ui/layout.h"

/* Pane numbers, as in ui.h (not included: this file knows no curses). */
enum { L_OUTLINE, L_READER, L_KEYMSG, L_THEME, L_FIGURES };

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

/* Share the strip (y, x, h, w) among the side panes that have something. */
static void
layout_strip(const struct layout_in *in, struct layout_out *out, int y,
    int x, int h, int w)
{
	int	 side[3], n = 0, i, each, fit;

	for (i = L_KEYMSG; i <= L_FIGURES; i++)
		if (!(in->empty & (1u << i)))
			side[n++] = i;
	fit = w / SIDE_MIN_W;
	if (n > fit)
		n = fit;
	for (i = 0; i < n; i++) {
		each = w / n;
		rect_set(&out->panes[side[i]], y, x + i * each, h,
		    i == n - 1 ? w - i * each : each);
	}
}

void
layout_compute(const struct layout_in *in, struct layout_out *out)
{
	int	 h, ow, rw, rh, strip;
	unsigned side;

	memset(out, 0, sizeof *out);
	if (in->cols < LAYOUT_MIN_COLS || in->lines < LAYOUT_MIN_LINES) {
		out->too_small = 1;
		return;
	}
	h = in->lines - 1;
	rect_set(&out->status, h, 0, 1, in->cols);
	ow = in->outline_w > 0 ? in->outline_w : in->cols * 3 / 10;
	out->outline_w = ow = clamp(ow, 16, in->cols - 24);
	out->reader_pct = clamp(in->reader_pct > 0 ? in->reader_pct : 62, 20,
	    90);
	if (in->zoom >= 0 && in->zoom < LAYOUT_PANES) {
		rect_set(&out->panes[in->zoom], 0, 0, h, in->cols);
		return;
	}
	rect_set(&out->panes[L_OUTLINE], 0, 0, h, ow);
	rw = in->cols - ow;
	side = ((1u << L_KEYMSG) | (1u << L_THEME) | (1u << L_FIGURES)) &
	    ~in->empty;
	if (side == 0 || h < STRIP_FROM_H ||
	    rw < SIDE_MIN_W) {
		rect_set(&out->panes[L_READER], 0, ow, h, rw);
		return;
	}
	rh = clamp(h * out->reader_pct / 100, READER_MIN_H, h - STRIP_MIN_H);
	strip = h - rh;
	rect_set(&out->panes[L_READER], 0, ow, rh, rw);
	layout_strip(in, out, rh, ow, strip, rw);
}
