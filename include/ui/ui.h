/*
 * ui.h: the browser: its state, its panes and what they share.
 *
 * The screen is a set of panes (pane.h), each a table of functions with
 * its own data, laid out by layout.c, with a status line below and at
 * most one overlay (help, search) above.  Every pane reads the database
 * through the core modules, as the command line does.
 *
 * The loop: read a key, give it to the overlay or the focused pane (or
 * handle it here), then redraw what changed: layout, recalc, paint, with
 * wnoutrefresh() for each window and one doupdate().
 */
#ifndef ICSB_UI_H
#define ICSB_UI_H

#include <stdint.h>

#include "core/model.h"
#include "ui/keymap.h"
#include "ui/layout.h"
#include "ui/theme.h"

enum pane_id {
	PANE_OUTLINE, PANE_READER, PANE_KEYMSG, PANE_THEME, PANE_FIGURES,
	PANE_COUNT
};

struct db;
struct history;
struct state;
struct ui;
struct pane;
struct overlay;

/* What a key handler did. */
#define PANE_HANDLED	0x1
#define PANE_REDRAW	0x2

struct ui_options {
	enum theme_color	 color;
	int			 mouse;
	int			 use_state;
	int			 utf8;		/* the user's locale is UTF-8 */
	const char		*db_key;	/* names the dataset's state */
};

/* How the selection came to change, for the history. */
enum ui_how {
	UI_MOVE,	/* walking the outline: one history entry for a walk */
	UI_JUMP,	/* opening a search result, a link, a figure */
	UI_HISTORY	/* back or forward: the history stays as it is */
};

struct search_state {
	char		*query;		/* NULL: no search */
	int		 scope_all;	/* everything, or the section */
	int64_t		*results;	/* node ids, best first */
	int		 nresults;
	int		 result;	/* the one shown, or -1 */
	int		 match;		/* the match within it, from 0 */
	int		 nmatches;	/* matches in the node shown */
};

struct ui {
	struct db		*db;
	struct state		*state;
	struct history		*history;
	struct ui_options	 opts;

	struct pane		*panes[PANE_COUNT];
	enum pane_id		 focus;
	int			 zoom;		/* a pane id, or -1 */
	int			 outline_w;
	int			 reader_pct;
	struct layout_out	 layout;

	struct node		 node;		/* the selected node */
	struct search_state	 search;
	struct overlay		*overlay;

	int			 utf8;		/* the terminal takes UTF-8 */
	char			**marks;	/* paths of the marked nodes */
	size_t			 nmarks;
	enum ui_how		 last_how;
	char			*saved_last;	/* the last node, as saved */

	char			*cmp_first;	/* a place chosen to compare */
	struct overlay		*cmp_view;	/* the view choosing for */

	struct ui_msg {
		char	*text;
		int	 error;
	}			*msgs;		/* waiting for the status line */
	size_t			 nmsgs;
	const char		*message;	/* the first, or NULL */
	int			 message_error;
	int			 quit;
	int			 redraw_all;
};

/*
 * Run the browser on db until the user quits.  Returns 0, or -1 with
 * *cause set (the caller prints it, after the terminal is restored).
 */
int	 ui_run(struct db *, const struct ui_options *, char **cause);

/* Select node id everywhere: the outline, the reader, the side panes. */
void	 ui_select(struct ui *, int64_t id, enum ui_how);
/* Show a message on the status line until the next key. */
void	 ui_message(struct ui *, int error, const char *fmt, ...)
	     __attribute__((format(printf, 3, 4)));
/* Show *cause (if set) as an error, free it and set it to NULL. */
void	 ui_error(struct ui *, char **cause);
/* Focus a pane, zooming it if the layout has no room for it. */
void	 ui_focus(struct ui *, enum pane_id);
/* Toggle the mark of the selected node. */
void	 ui_mark(struct ui *, int64_t id, const char *path);
/* Whether a node is marked. */
int	 ui_marked(struct ui *, const char *path);

#endif
