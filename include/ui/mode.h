/*
 * mode.h: the one contract of everything that draws and takes keys.
 *
 * Panes, views, dialogs and pickers are all modes: a table of functions
 * (struct mode_ops) and data of their own.  The registry (registry.h)
 * lists them; the loop (loop.c) makes, places, draws and frees them and
 * owns their windows.  Panes tile the screen; the other modes stack above
 * them, the top one taking the keys, as tmux's window modes do.
 *
 * The loop draws in stages: layout (resize), recalc (notify, recalc: the
 * queries), then paint (draw: curses only, no query, no doupdate()), and
 * it repaints a pane only when it changed: a key handler says so with
 * MODE_REDRAW, a notification by what notify() returns.
 */
#ifndef ICSB_MODE_H
#define ICSB_MODE_H

#include <stddef.h>

#include <curses.h>

#include "ui/keymap.h"
#include "ui/layout.h"

/* What a key handler did: the loop honours each flag. */
#define MODE_HANDLED	0x1	/* the key was taken: no action runs */
#define MODE_REDRAW	0x2	/* repaint the mode */
#define MODE_CLOSE	0x4	/* close the mode (after the key) */

/* What changed, for the modes that follow it (ui_notify()). */
#define NOTE_SELECT	0x1	/* the selected node */
#define NOTE_MARKS	0x2	/* the marks */
#define NOTE_SEARCH	0x4	/* the search: its query or results */
#define NOTE_MATCH	0x8	/* the match of the search to show */
#define NOTE_STATE	0x10	/* the state database came (the folds) */

struct ui;
struct mode;
struct mode_entry;

/* A key: as read, and the action it is bound to in the mode's context. */
struct mode_key {
	int		 key;
	int		 is_char;
	enum action	 action;
};

/* What a mode is opened with: words (as typed at `:`), or data. */
struct mode_args {
	int		 argc;
	char		**argv;
	void		*data;		/* a picker's request (picker.h) */
};

struct mode_ops {
	/* Make the mode's data; 0, or -1 with *cause (NULL: say nothing). */
	int	(*open)(struct mode *, const struct mode_args *, char **cause);
	/* Where a stacked mode goes: *r is the room, the mode may shrink it. */
	void	(*resize)(struct mode *, struct rect *r);
	/*
	 * Follow a change of NOTE_* (queries here, not in draw); returns
	 * nonzero if the mode is to be repainted.
	 */
	int	(*notify)(struct mode *, unsigned notes);
	/* Before painting: work put off until the keys stop (a search). */
	void	(*recalc)(struct mode *);
	/* Paint the window: curses calls only. */
	void	(*draw)(struct mode *, WINDOW *, int focused);
	/* A key; returns MODE_* flags. */
	int	(*key)(struct mode *, const struct mode_key *);
	/* A click at (y, x) of the window; returns MODE_* flags. */
	int	(*click)(struct mode *, int y, int x);
	/* Where the terminal's cursor goes (screen readers follow it). */
	void	(*cursor)(struct mode *, int *y, int *x);
	/* A pane with nothing to show gives its room to the others. */
	int	(*empty)(struct mode *);
	/* The columns a pane would like, its frame included (0: any). */
	int	(*width)(struct mode *);
	/* A word on the status line: where the pane is ("42%"). */
	void	(*where)(struct mode *, char *buf, size_t len);
	/* Free the mode's data (not its window: the loop's). */
	void	(*free)(struct mode *);
};

struct mode {
	const struct mode_entry	*entry;	/* its row of the registry */
	const struct mode_ops	*ops;
	struct ui		*ui;
	void			*data;
	int			 id;	/* a pane's number from 0, or -1 */
	WINDOW			*win;	/* the loop's */
	struct rect		 r;
	int			 dirty;	/* to repaint */
	struct mode		*below;	/* the stacked mode under it */
};

/* Rows and columns inside a pane's frame. */
int	 mode_rows(const struct mode *);
int	 mode_cols(const struct mode *);
/* Draw the frame of a pane, its number and title, and extra at right. */
void	 mode_frame(struct mode *, WINDOW *, int focused, const char *extra);

#endif
