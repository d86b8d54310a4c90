/*
 * ui_internal.h: what the parts of the browser share and nobody else
 * needs: helpers for drawing and for the node tree, the overlays (help,
 * search) and the status line.
 */
#ifndef ICSB_UI_INTERNAL_H
#define ICSB_UI_INTERNAL_H

#include <stdint.h>

#include <curses.h>

struct ui;
struct pane;
struct overlay;

/* An overlay: drawn over the panes, takes every key while open. */
struct overlay_ops {
	const char *hints;	/* keys for the status line, or NULL */
	void	(*draw)(struct overlay *, struct ui *);
	/* Returns 1 when the overlay is done (ui.c then frees it). */
	int	(*key)(struct overlay *, struct ui *, int key, int is_char);
	void	(*free)(struct overlay *);
};

struct overlay {
	const struct overlay_ops	*ops;
	WINDOW				*win;
	void				*data;
	struct overlay			*below;	/* the one under it, or NULL */
};

struct overlay	*view_help_new(struct ui *);
struct overlay	*dlg_search_new(struct ui *);
struct overlay	*view_marks_new(struct ui *);
/* The print dialog: the marked sections, or the one shown if none. */
struct overlay	*dlg_print_new(struct ui *);

/* An item to pick: label shown (cleaned by the maker), key or id kept. */
struct pick_item {
	char	*label;
	char	*key;
	int64_t	 id;
};
typedef void (*pick_done)(struct ui *, void *arg, const struct pick_item *);

/* Items being gathered for dlg_pick_new(), which takes them. */
struct pick_list {
	struct pick_item	*items;
	size_t			 n;
};
/* Add "what (detail)" (cleaned) with its key (copied, may be NULL). */
void		 pick_list_add(struct pick_list *, const char *what,
		     const char *detail, const char *key, int64_t id);

/*
 * A list to choose from by typing part of a name; takes items (n of
 * them).  done is called with the item chosen by Enter; Esc calls
 * nothing.
 */
struct overlay	*dlg_pick_new(const char *title, struct pick_item *items,
		     size_t n, pick_done done, void *arg);

/*
 * Compare places a and b (codes) on the whole screen; where a or b is
 * NULL, choose it from a list first.
 */
void		 ui_compare(struct ui *, const char *a, const char *b);
/* Read sections a and b side by side; b 0: choose it from a list. */
void		 ui_side_by_side(struct ui *, int64_t a, int64_t b);

/* Put an overlay on top of the others (or of the panes). */
void		 ui_push_overlay(struct ui *, struct overlay *);
/* Take an overlay off, wherever it is, and free it. */
void		 ui_close_overlay(struct ui *, struct overlay *);

/* Draw the status line at the foot of the screen. */
void		 statusbar_draw(struct ui *, WINDOW *);

/* Remember a fold of the outline in the state database. */
void		 ui_save_fold(struct ui *, const char *path, int open);
/* The node whose full path is path; returns 0, or -1 if there is none. */
int		 ui_resolve_exact(struct ui *, const char *path, int64_t *id);
/* Draw s, cut to cols columns, at the window's cursor. */
void		 ui_addfit(WINDOW *, const char *s, int cols);
/*
 * Draw s (raw data with the search's match marks) cleaned and cut to cols
 * columns, the marked words in the match role.
 */
void		 ui_addmarked(WINDOW *, const char *s, int cols, int attr);
/*
 * "Theme › Statement" for id's ancestors, cleaned (caller frees); for a
 * top-level node, the report's title.
 */
char		*ui_breadcrumb(struct ui *, int64_t id);
/* The quality statement id belongs to or answers to, or 0. */
int64_t		 ui_statement_of(struct ui *, int64_t id);
/* The first node of the tree, or 0 if the tree is empty. */
int64_t		 ui_first_node(struct ui *);
/* Walk the matches of the search: dir 1 forward, -1 back. */
void		 ui_search_step(struct ui *, int dir);
/* Start showing a search: its query, results and the result chosen. */
void		 ui_search_set(struct ui *, const char *query, int64_t *ids,
		     int n, int chosen);

/* Draw a breadcrumb and a node's heading on lines y and y + 1. */
struct node;
void		 ui_draw_title(WINDOW *, int y, int x, int cols,
		     const char *crumb, const struct node *);

/* The reader scrolls to match k of the node shown. */
void		 pane_reader_show_match(struct pane *, int k);

#endif
