/*
 * test_layout.c: where the panes go (layout.c), from the terminal's size
 * and the slots the registry gives: the left column, the main pane, the
 * strip that its panes share, the least size, zoom, empty panes.
 */
#include "config.h"

#include <string.h>

#include "ui/layout.h"
#include "../tap.h"

static const enum layout_slot five[] = {
	SLOT_LEFT, SLOT_MAIN, SLOT_STRIP, SLOT_STRIP, SLOT_STRIP
};

static struct rect	 rects[8];

static void
lay(struct layout_out *out, int cols, int lines, const enum layout_slot *s,
    size_t n, const int *empty, int zoom)
{
	static const int	 none[8];
	struct layout_in	 in;

	memset(&in, 0, sizeof in);
	in.cols = cols;
	in.lines = lines;
	in.zoom = zoom;
	in.n = n;
	in.slots = s;
	in.empty = empty != NULL ? empty : none;
	out->panes = rects;
	layout_compute(&in, out);
}

/* Every shown pane inside the screen above the status line, none overlapping. */
static int
tiles(const struct layout_out *out, size_t n, int cols, int lines)
{
	size_t	 i, j;

	for (i = 0; i < n; i++) {
		const struct rect *a = &out->panes[i];

		if (a->h == 0)
			continue;
		if (a->y < 0 || a->x < 0 || a->y + a->h > lines - 1 ||
		    a->x + a->w > cols || a->w <= 0)
			return 0;
		for (j = i + 1; j < n; j++) {
			const struct rect *b = &out->panes[j];

			if (b->h > 0 && a->x < b->x + b->w && b->x < a->x + a->w &&
			    a->y < b->y + b->h && b->y < a->y + a->h)
				return 0;
		}
	}
	return 1;
}

static void
test_sizes(void)
{
	struct layout_out	 out;
	static const int	 sizes[][2] = {
		{ 40, 12 }, { 80, 24 }, { 100, 30 }, { 41, 50 }, { 300, 100 },
		{ 60, 17 }, { 60, 18 }, { 1000, 1000 },
	};
	size_t			 i;

	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		lay(&out, sizes[i][0], sizes[i][1], five, 5, NULL, -1);
		tap_ok(!out.too_small && tiles(&out, 5, sizes[i][0],
		    sizes[i][1]), "%dx%d: the panes tile the screen",
		    sizes[i][0], sizes[i][1]);
		tap_ok(out.panes[0].h > 0 && out.panes[1].h > 0,
		    "  the outline and the reader show");
		tap_is_int(out.status.y, sizes[i][1] - 1,
		    "  the status line is the last");
	}
	lay(&out, 39, 12, five, 5, NULL, -1);
	tap_ok(out.too_small, "39x12 is too small");
	lay(&out, 40, 11, five, 5, NULL, -1);
	tap_ok(out.too_small, "40x11 is too small");
	tap_ok(out.panes[0].h == 0, "  and nothing is laid out");
}

static void
test_strip(void)
{
	struct layout_out	 out;
	static const int	 two_empty[] = { 0, 0, 1, 0, 1 };
	static const int	 all_empty[] = { 0, 0, 1, 1, 1 };

	lay(&out, 100, 30, five, 5, NULL, -1);
	tap_ok(out.panes[2].h > 0 && out.panes[3].h > 0 && out.panes[4].h > 0,
	    "100x30: three side panes in the strip");
	tap_is_int(out.panes[2].y, out.panes[1].h, "  below the reader");
	tap_is_int(out.panes[2].w + out.panes[3].w + out.panes[4].w,
	    out.panes[1].w, "  sharing its width");
	lay(&out, 100, 30, five, 5, two_empty, -1);
	tap_ok(out.panes[2].h == 0 && out.panes[4].h == 0 &&
	    out.panes[3].w == out.panes[1].w, "empty panes give their room");
	lay(&out, 100, 30, five, 5, all_empty, -1);
	tap_is_int(out.panes[1].h, 29, "no side pane: the reader is full "
	    "height");
	lay(&out, 100, 17, five, 5, NULL, -1);
	tap_ok(out.panes[2].h == 0 && out.panes[1].h == 16,
	    "under 18 lines there is no strip");
	lay(&out, 60, 30, five, 5, NULL, -1);
	tap_ok(out.panes[2].h > 0 && out.panes[3].h > 0 && out.panes[4].h == 0,
	    "60 columns: as many side panes as fit (two)");
}

static void
test_zoom_and_slots(void)
{
	struct layout_out	 out;
	static const enum layout_slot six[] = {
		SLOT_LEFT, SLOT_MAIN, SLOT_STRIP, SLOT_STRIP, SLOT_STRIP,
		SLOT_STRIP
	};
	static const enum layout_slot no_left[] = { SLOT_MAIN, SLOT_STRIP };

	lay(&out, 100, 30, five, 5, NULL, 3);
	tap_ok(out.panes[3].h == 29 && out.panes[3].w == 100 &&
	    out.panes[0].h == 0 && out.panes[1].h == 0, "zoom: one pane, "
	    "the whole screen");
	lay(&out, 100, 30, five, 5, NULL, 9);
	tap_ok(out.panes[0].h > 0, "a zoom past the panes is none");
	lay(&out, 200, 40, six, 6, NULL, -1);
	tap_ok(tiles(&out, 6, 200, 40) && out.panes[5].h > 0,
	    "a sixth pane in the strip takes its share");
	lay(&out, 100, 30, no_left, 2, NULL, -1);
	tap_ok(out.panes[0].x == 0 && out.panes[0].w == 100,
	    "no left pane: the main one is full width");
}

int
main(void)
{
	test_sizes();
	test_strip();
	test_zoom_and_slots();
	return tap_done();
}
