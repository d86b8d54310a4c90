/*
 * ui.h: the browser, and the narrow interface its modes use.
 *
 * ui_run() is the command line's way in.  The rest is what a mode (mode.h)
 * may ask of the browser: what is selected, the marks and the search, to
 * select a node, post a message, open a mode by its registry name, focus
 * a pane, run an action.  The browser's state stays its own (ui_priv.h):
 * a mode never writes another's, and changes reach the modes that follow
 * them as notifications (NOTE_* in mode.h).
 */
#ifndef ICSB_UI_H
#define ICSB_UI_H

#include <stdint.h>

#include "ui/keymap.h"
#include "ui/theme.h"

struct db;
struct library_open;
struct marks;
struct mode_args;
struct node;
struct search;
struct state;
struct ui;

struct ui_options {
	enum theme_color	 color;
	int			 mouse;
	int			 use_state;
	int			 utf8;		/* the user's locale is UTF-8 */
	const char		*db_key;	/* names the dataset's state */
	const char		*config;	/* the config file; NULL: default */
	int			 no_config;	/* read none */
	const char		*report;	/* its name in the library, or
						   NULL (a file given by --db) */
	const char		*lib_dir;	/* the library, or NULL */
	const char		*builtin_db;	/* the built-in one's file */
};

/* How the selection came to change, for the history. */
enum ui_how {
	UI_MOVE,	/* walking the outline: one history entry for a walk */
	UI_JUMP,	/* opening a search result, a link, a figure */
	UI_HISTORY	/* back or forward: the history stays as it is */
};

/*
 * Run the browser on db until the user quits.  Returns 0, or -1 with
 * *cause set (the caller prints it, after the terminal is restored).
 */
int		 ui_run(struct db *, const struct ui_options *, char **cause);

/* What the browser is on; borrowed for the browser's life. */
struct db	*ui_db(struct ui *);
struct state	*ui_state(struct ui *);		/* NULL: no state kept */
struct marks	*ui_marks(struct ui *);
struct search	*ui_search(struct ui *);
/* The selected node (id 0: none); borrowed until the next selection. */
const struct node *ui_node(struct ui *);
/* Whether the terminal takes UTF-8 (else ASCII stands in). */
int		 ui_utf8(struct ui *);
/* The library's members, opened as they are asked for (library_open.h). */
struct library_open *ui_library(struct ui *);
/* The options the browser was started with; borrowed. */
const struct ui_options *ui_options(struct ui *);
/* Whether the library holds other assessments than the one shown. */
int		 ui_many_reports(struct ui *);
/* The name of the assessment shown, or NULL (a file given by --db). */
const char	*ui_report(struct ui *);

/*
 * Show assessment name of the library: its section path (NULL: the one
 * last read there), and, if query is not NULL, that search with its
 * results ids[0..n) (of that assessment), chosen of them shown.  Made
 * after the key in hand (so that the mode asking is not freed under it):
 * every mode closes, the panes follow, and the assessment's own marks,
 * folds, history and last node come back.  A member that cannot be read
 * is named on the status line and the browser stays where it is.
 */
void		 ui_switch(struct ui *, const char *name, const char *path,
		     const char *query, const int64_t *ids, int n, int chosen);

/* Select node id; notifies NOTE_SELECT. */
void		 ui_select(struct ui *, int64_t id, enum ui_how);
/* Post a message for the status line: each is shown until a key. */
void		 ui_message(struct ui *, int error, const char *fmt, ...)
		     __attribute__((format(printf, 3, 4)));
/* Post *cause (if set) as an error, free it and set it to NULL. */
void		 ui_error(struct ui *, char **cause);
/*
 * The figures of node's subtree (figures_of_subtree()), read once for the
 * selected section and kept until another is selected.
 */
struct figure;
int		 ui_figures_of_subtree(struct ui *, struct db *, int64_t node,
		    int (*)(const struct figure *, void *), void *,
		    char **cause);
void		 ui_figures_clear(struct ui *);
/* Tell every mode that follows them of changes (NOTE_* flags). */
void		 ui_notify(struct ui *, unsigned notes);

/*
 * Open the mode registered as name on top.  Returns 0; 1 if the mode had
 * its work done without opening (a print at once, a picker first); -1
 * on an error, which goes to the status line.
 */
int		 ui_open(struct ui *, const char *name,
		     const struct mode_args *);
/*
 * Jump to node id from the view registered as name, which args reopen as
 * it was: Backspace or Esc on that node goes back to the view.
 */
void		 ui_jump_from(struct ui *, int64_t id, const char *name,
		     int argc, char **argv);
/* Focus the pane registered as name, zooming it if it has no room. */
void		 ui_focus(struct ui *, const char *name);
/* The key context of what has the keys: the top view, or the pane. */
enum key_ctx	 ui_context(struct ui *);
/* The focused pane's registry name. */
const char	*ui_focused(struct ui *);
/* Run the browser's own action a (help, print ...), as no mode took it. */
void		 ui_action(struct ui *, enum action);
/*
 * Run a command line (`:`); 0, or -1 with *cause ("command: what"), or
 * with *cause NULL if the error has gone to the status line already.
 */
int		 ui_command(struct ui *, const char *line, char **cause);

/* Mark path or unmark it; saved, notified (NOTE_MARKS), said. */
void		 ui_mark(struct ui *, const char *path);
/* The marks changed in place (order, clear): save them, notify. */
void		 ui_marks_changed(struct ui *);
/* Remember a fold of the outline in the state database. */
void		 ui_save_fold(struct ui *, const char *path, int open);
/* Paint the screen now, before slow work, so that a key is answered. */
void		 ui_update_now(struct ui *);

#endif
