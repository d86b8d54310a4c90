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
	void	(*draw)(struct overlay *, struct ui *);
	/* Returns 1 when the overlay is done (ui.c then frees it). */
	int	(*key)(struct overlay *, struct ui *, int key, int is_char);
	void	(*free)(struct overlay *);
};

struct overlay {
	const struct overlay_ops	*ops;
	WINDOW				*win;
	void				*data;
};

struct overlay	*view_help_new(struct ui *);
struct overlay	*dlg_search_new(struct ui *);

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

/* The reader scrolls to match k of the node shown. */
void		 pane_reader_show_match(struct pane *, int k);

#endif
