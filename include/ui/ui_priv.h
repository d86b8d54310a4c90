/*
 * ui_priv.h: the browser's own state, for the files of the loop only.
 *
 * ui.c (the interface of ui.h), loop.c (terminal, keys, drawing),
 * actions.c (what each action does) and command.c (the commands) share
 * it; no mode includes this header.
 */
#ifndef ICSB_UI_PRIV_H
#define ICSB_UI_PRIV_H

#include <stddef.h>

#include <curses.h>

#include "core/model.h"
#include "core/places.h"
#include "ui/layout.h"
#include "ui/mode.h"
#include "ui/ui.h"

struct history;

struct ui_msg {
	char	*text;		/* cleaned */
	int	 error;
};

struct ui {
	struct db		*db;
	struct state		*state;
	struct history		*history;
	struct ui_options	 opts;
	int			 utf8;		/* the terminal takes UTF-8 */

	struct mode		**panes;	/* the registry's panes, in order */
	size_t			 npanes;
	enum layout_slot	*slots;		/* npanes */
	int			*empty;		/* npanes */
	struct rect		*rects;		/* npanes, the layout's */
	struct mode		*top;		/* the stacked modes, top first */
	size_t			 focus;		/* a pane */
	int			 zoom;		/* a pane, or -1 */
	int			 outline_w;
	int			 reader_pct;
	struct layout_out	 layout;
	WINDOW			*status;

	struct node		 node;		/* the selected node */
	struct search		*search;
	struct marks		*marks;
	enum ui_how		 last_how;
	char			*saved_last;	/* the last node, as saved */
	struct ui_figs {			/* ui_figures.c: the selection's */
		struct figure	*v;
		size_t		 n;
		int64_t		 id;
		int		 valid;
	} figs;

	struct ui_msg		*msgs;		/* waiting for the status line */
	size_t			 nmsgs;
	int			 quit;
	int			 redraw_all;
	/* A view a jump was made from: going back from there reopens it. */
	struct ui_return {
		char		*name;		/* NULL: none */
		char		**argv;
		int		 argc;
		int64_t		 node;		/* the node jumped to */
	} ret;

	/* The library (ui_report.c): the assessment shown, and others. */
	struct library_open	*lib;
	char			*report;	/* its name, or NULL (--db) */
	char			*key;		/* its state's key, owned */
	int			 many;		/* the library has others */
	struct ui_seen {			/* each one's history */
		char		*name;
		struct history	*history;
	} *seen;
	size_t			 nseen;
	/* A switch asked for, made after the key (ui_report_apply()). */
	struct ui_switch {
		char		*name;		/* NULL: none */
		char		*path;		/* the section, or NULL */
		char		*query;		/* a search to show, or NULL */
		int64_t		*ids;
		int		 n, chosen;
	} sw;
};

/* ui.c: make the panes, pick the first node; free it all. */
void	 ui_start(struct ui *, struct db *, const struct ui_options *);
void	 ui_stop(struct ui *);
/*
 * What is the assessment's own: its state, marks, search, panes and the
 * node shown; ui_unload() frees them (and closes every stacked mode),
 * ui_load() makes them again for ui->db (its state keyed ui->opts.db_key).
 */
void	 ui_load(struct ui *);
void	 ui_unload(struct ui *);

/* ui_report.c: the library, at start and at the end. */
void	 ui_report_start(struct ui *);
void	 ui_report_stop(struct ui *);
/* Make the switch asked for (after a key), if any. */
void	 ui_report_apply(struct ui *);
/*
 * After the first screen (or ui_load() on a switch): the state database,
 * what it remembers (the folds, the marks, the last node, moved to), or
 * why it remembers nothing.  fresh: the history starts at the last node
 * (at start; a switch keeps the assessment's own).
 */
void	 ui_start_state(struct ui *, int fresh);
/*
 * The node shown is saved as the state's "last" when the browser is idle
 * (no key for LOOP_IDLE_MS), and when the assessment is unloaded, never on
 * a key's way to its screen: ui_last_unsaved() says whether it is due,
 * ui_save_last() saves it (once; an error goes to the status line).
 */
int	 ui_last_unsaved(const struct ui *);
void	 ui_save_last(struct ui *);
/* A key was read: the message shown has been seen. */
void	 ui_message_next(struct ui *);
/* Back from a jump made from a view: reopen it; 1 if so. */
int	 ui_return(struct ui *);
/* Take a stacked mode off, wherever it is, and free it. */
void	 ui_close(struct ui *, struct mode *);

/* loop.c: lay out the panes and make their windows. */
void	 loop_layout(struct ui *);
/* loop.c: stop the process with the terminal given back, take it on fg. */
void	 loop_suspend(struct ui *);

/* actions.c: what the actions no mode took do. */
void	 actions_run(struct ui *, enum action);
/* Run a as a key: the mode under the text dialogs first, then as above. */
void	 actions_key(struct ui *, enum action);

#endif
