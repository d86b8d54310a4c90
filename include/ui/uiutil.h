/*
 * uiutil.h: small helpers the modes share: text that fits, a box, and
 * questions about the tree.
 */
#ifndef ICSB_UIUTIL_H
#define ICSB_UIUTIL_H

#include <stdint.h>

#include <curses.h>

#include "ui/layout.h"

struct node;
struct ui;

/* Draw s (cleaned text), cut to cols columns, at the window's cursor. */
void		 ui_addfit(WINDOW *, const char *s, int cols);
/*
 * Draw s (raw data with the search's match marks) cleaned and cut to cols
 * columns, the marked words in the match role.
 */
void		 ui_addmarked(WINDOW *, const char *s, int cols, int attr);
/*
 * Draw a breadcrumb on line y and a node's heading below it, wrapped to
 * at most maxlines lines (the last cut if need be); returns the lines
 * used, the breadcrumb's included.
 */
int		 ui_draw_title(WINDOW *, int y, int x, int cols,
		     const char *crumb, const struct node *, int maxlines);
/* The lines ui_draw_title() takes for n's heading in cols, up to max. */
int		 ui_title_lines(const struct node *, int cols, int maxlines);

/*
 * A box in the room *r: h x w at most, margin rows and 4 columns less
 * than the room, at least min_h x min_w (else all the room), centred
 * across, top rows from the top if there is room.
 */
void		 ui_box_place(struct rect *r, int h, int w, int margin,
		     int min_h, int min_w, int top);
/* The box's frame, with "[title]" (cleaned, cut to fit) at its top. */
void		 ui_box_draw(WINDOW *, const char *title);

/* The node whose full path is path; returns 0, or -1 if there is none. */
int		 ui_resolve_exact(struct ui *, const char *path, int64_t *id);
/* The first node of the tree, or 0 (an error goes to the status line). */
int64_t		 ui_first_node(struct ui *);
/*
 * "Theme › Statement" for id's ancestors, cleaned (caller frees); for a
 * top-level node, the report's title.
 */
char		*ui_breadcrumb(struct ui *, int64_t id);
/* The quality statement id belongs to or answers to, or 0. */
int64_t		 ui_statement_of(struct ui *, int64_t id);

#endif
