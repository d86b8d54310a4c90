/*
 * layout.h: where each pane goes, from the size of the terminal.
 *
 * Pure arithmetic, no curses, so that it is tested on its own.  The
 * outline takes the left; the reading pane the top right; the key
 * messages, theme and figures panes share the strip below it, a pane with
 * nothing to show giving its room to the others.  Below LAYOUT_MIN_COLS x
 * LAYOUT_MIN_LINES nothing is laid out: the screen is too small.
 */
#ifndef ICSB_LAYOUT_H
#define ICSB_LAYOUT_H

#define LAYOUT_MIN_COLS		40
#define LAYOUT_MIN_LINES	12
#define LAYOUT_PANES		5	/* outline, reader, keymsg, theme, figures */

struct rect {
	int	 y, x, h, w;	/* h == 0: not shown */
};

struct layout_in {
	int		 cols, lines;
	int		 outline_w;	/* wanted width of the outline; 0: default */
	int		 reader_pct;	/* wanted share of the reader; 0: default */
	int		 zoom;		/* a pane on the whole screen, or -1 */
	unsigned	 empty;		/* mask (1 << pane) of panes with nothing */
};

struct layout_out {
	int		 too_small;
	struct rect	 panes[LAYOUT_PANES];
	struct rect	 status;	/* the status line */
	int		 outline_w;	/* the width given to the outline */
	int		 reader_pct;	/* the share given to the reader */
};

void	 layout_compute(const struct layout_in *, struct layout_out *);

#endif
