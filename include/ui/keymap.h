/*
 * keymap.h: every key of the browser, in one table.
 *
 * The dispatcher looks keys up here and the help screen is made from the
 * same table, so the two cannot drift apart.  A binding may hold in every
 * pane or in some only (Space marks in the outline, pages elsewhere).
 */
#ifndef ICSB_KEYMAP_H
#define ICSB_KEYMAP_H

#include <stddef.h>

enum action {
	ACT_NONE,
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END,
	ACT_OPEN, ACT_CLOSE,
	ACT_NEXT_PANE, ACT_PREV_PANE,
	ACT_PANE_1, ACT_PANE_2, ACT_PANE_3, ACT_PANE_4, ACT_PANE_5,
	ACT_BACK, ACT_FORWARD,
	ACT_SEARCH, ACT_NEXT_MATCH, ACT_PREV_MATCH,
	ACT_MARK,
	ACT_COMPARE, ACT_SIDE_BY_SIDE, ACT_SWAP, ACT_TOGETHER,
	ACT_PRINT, ACT_MARKS, ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_CLEAR,
	ACT_ZOOM, ACT_TALLER, ACT_SHORTER, ACT_WIDER, ACT_NARROWER,
	ACT_HELP, ACT_REDRAW, ACT_ESCAPE, ACT_QUIT,
	ACT_COUNT
};

/*
 * Where a binding holds: a mask of 1 << pane id (ui.h), or of the views
 * below, or KEY_ALL.
 */
#define KEY_VIEW_COMPARE	5	/* the compare view */
#define KEY_VIEW_SECTIONS	6	/* sections side by side */
#define KEY_VIEW_MARKS		7	/* the list of marks */
#define KEY_ALL			0xff

struct key_binding {
	int		 key;	/* a curses key code or character */
	enum action	 action;
	unsigned	 panes;
	const char	*name;	/* how the help screen writes the key */
};

extern const struct key_binding keymap[];
extern const size_t nkeymap;

/* What action does in words, for the help screen. */
const char	*keymap_describe(enum action);

/* The action for key in pane (an id from ui.h), or ACT_NONE. */
enum action	 keymap_lookup(int key, int pane);

#endif
