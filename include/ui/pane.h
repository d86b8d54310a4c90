/*
 * pane.h: a pane of the browser, as a table of functions.
 *
 * Each pane owns its data and its curses window.  ui.c calls follow()
 * when the selected node changes, draw() to paint (with wnoutrefresh()
 * only), key() with an action from the key table, click() with a position
 * inside the window, and cursor() to place the terminal's cursor on the
 * pane's selected row (which screen readers follow).
 */
#ifndef ICSB_PANE_H
#define ICSB_PANE_H

#include <curses.h>

#include "ui/keymap.h"
#include "ui/layout.h"

struct ui;
struct pane;

struct pane_ops {
	const char	*title;
	/* Make the pane's data; called once, before anything else. */
	void	(*init)(struct pane *, struct ui *);
	void	(*follow)(struct pane *, struct ui *);
	void	(*draw)(struct pane *, struct ui *, int focused);
	int	(*key)(struct pane *, struct ui *, enum action);
	int	(*click)(struct pane *, struct ui *, int y, int x);
	void	(*cursor)(struct pane *, int *y, int *x);
	/* Nothing to show: the layout gives the room to others. */
	int	(*empty)(struct pane *);
	/* A word on the status line: where the pane is ("42%"). */
	void	(*where)(struct pane *, char *buf, size_t len);
	void	(*free)(struct pane *);
};

struct pane {
	const struct pane_ops	*ops;
	int			 id;
	WINDOW			*win;
	struct rect		 r;
	void			*data;
};

extern const struct pane_ops pane_outline_ops;
extern const struct pane_ops pane_reader_ops;
extern const struct pane_ops pane_keymsg_ops;
extern const struct pane_ops pane_theme_ops;
extern const struct pane_ops pane_figures_ops;

/* Draw the frame of a pane, its number and title, and return the inside. */
void	 pane_frame(struct pane *, int focused, const char *extra);
/* Rows and columns inside the frame. */
int	 pane_rows(const struct pane *);
int	 pane_cols(const struct pane *);

#endif
