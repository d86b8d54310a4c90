/*
 * textview.h: scrolling, wrapped, highlighted text inside a pane.
 *
 * The reading pane and the side panes are all text views: a list of items
 * (a heading, a paragraph, a list item, a figure) that is wrapped to the
 * pane's width by display columns when drawn, scrolled by line, and
 * optionally has a selected item.  Highlights (search matches, figures)
 * are spans of an item's text drawn in another role.
 *
 * Item texts are cleaned on the way in (utf8_clean), so nothing drawn can
 * be a control character from the data.
 */
#ifndef ICSB_TEXTVIEW_H
#define ICSB_TEXTVIEW_H

#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "ui/keymap.h"
#include "ui/theme.h"

struct tv_span {
	size_t		 off, len;	/* bytes of the item's text */
	enum theme_role	 role;
};

struct tv_item {
	char		*text;		/* cleaned */
	size_t		 len;		/* its bytes */
	enum theme_role	 role;
	char		*first;		/* drawn before the first line, or NULL */
	int		 indent;	/* columns before the other lines */
	int		 gap;		/* a blank line before it */
	int64_t		 node;		/* the node it belongs to, or 0 */
	int		 selectable;
	struct tv_span	*spans;
	size_t		 nspans;
};

struct tv_line {
	size_t		 item;
	size_t		 off, len;
	int		 first;		/* the item's first line */
	int		 blank;		/* a gap line */
};

struct textview {
	struct tv_item	*items;
	size_t		 nitems, icap;
	struct tv_line	*lines;
	size_t		 nlines, lcap;
	int		 width;		/* what the lines are wrapped for */
	/* Wrapped as far as shown: where the wrap goes on from. */
	size_t		 wrap_item;	/* the item being wrapped */
	size_t		 wrap_pos;	/* the byte of its text */
	size_t		 wrap_lines;	/* the lines made of it so far */
	int		 wrap_begun;	/* its gap line is done */
	/*
	 * Items read as they are needed: called when the wrap has used all
	 * the items, to add more; returns 0 when there are no more (and is
	 * then called no more).  NULL: the items are all there.
	 */
	int		(*more)(void *);
	void		*more_arg;
	int		 top;		/* the first line shown */
	int		 sel;		/* the selected item, or -1 */
	int		 rows;		/* the rows last drawn */
	int		 drawn_rows;	/* the rows of the last tv_draw() */
};

void		 tv_init(struct textview *);
void		 tv_clear(struct textview *);	/* drop all items */
void		 tv_free(struct textview *);

/* Add an item; text is cleaned; first may be NULL.  Borrowed result. */
struct tv_item	*tv_add(struct textview *, const char *text, size_t len,
		     enum theme_role, const char *first, int indent, int gap);
void		 tv_span(struct tv_item *, size_t off, size_t len,
		     enum theme_role);

/*
 * Wrap the items for width columns (cheap when nothing changed).  Lines
 * are made as they are needed (a screenful to draw, the line of the
 * selection): nlines counts those made so far; tv_nlines() makes them all.
 */
void		 tv_layout(struct textview *, int width);
/* The number of lines of the whole text, wrapped for the last width. */
size_t		 tv_nlines(struct textview *);
/* Draw rows lines from the top at (y, x) of win, cols wide. */
void		 tv_draw(struct textview *, WINDOW *, int y, int x, int rows,
		     int cols, int focused);
/* Scroll or move the selection; returns MODE_HANDLED|MODE_REDRAW or 0. */
int		 tv_key(struct textview *, enum action);
/* Scroll so that the line holding byte off of item is in view. */
void		 tv_show(struct textview *, size_t item, size_t off);
/* Select the item drawn at row (from the top of the view); -1 if none. */
int		 tv_item_at(struct textview *, int row);
/* Where the view is, as "Top", "Bot", "All" or "42%". */
void		 tv_where(struct textview *, char *buf, size_t len);
/* The screen row (from the view's top) of the selected item's first line. */
int		 tv_sel_row(struct textview *);

#endif
