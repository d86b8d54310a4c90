/*
 * layout.h: where each pane goes, from the size of the terminal.
 *
 * Pure arithmetic, no curses, so that it is tested on its own.  Each pane
 * has a slot (from the registry): the left column (the outline), the main
 * area (the reading pane) or the strip below it, which the strip's panes
 * share, a pane with nothing to show giving its room to the others.
 * Below LAYOUT_MIN_COLS x LAYOUT_MIN_LINES nothing is laid out: the screen
 * is too small.
 */
#ifndef ICSB_LAYOUT_H
#define ICSB_LAYOUT_H

#include <stddef.h>

#define LAYOUT_MIN_COLS		40
#define LAYOUT_MIN_LINES	12

enum layout_slot {
	SLOT_NONE,	/* not a pane */
	SLOT_LEFT,	/* the left column, full height */
	SLOT_MAIN,	/* the rest, at the top */
	SLOT_STRIP	/* shared below the main one */
};

struct rect {
	int	 y, x, h, w;	/* h == 0: not shown */
};

struct layout_in {
	int			 cols, lines;
	int			 outline_w;	/* of the left column; 0: default */
	int			 outline_want;	/* what its content takes; 0: any */
	int			 reader_pct;	/* the main pane's; 0: default */
	int			 zoom;		/* a pane on the whole screen, or -1 */
	size_t			 n;		/* panes */
	const enum layout_slot	*slots;		/* n of them */
	const int		*empty;		/* n: nothing to show */
};

struct layout_out {
	int		 too_small;
	struct rect	*panes;		/* the caller's array of n */
	struct rect	 status;	/* the status line */
	int		 outline_w;	/* the width given to the left column */
	int		 reader_pct;	/* the share given to the main pane */
};

/* Fill out (out->panes set by the caller to n rects) for in. */
void	 layout_compute(const struct layout_in *, struct layout_out *);

#endif
