/*
 * ui.c: the interface modes use (ui.h): the selection, messages,
 * notifications, opening and closing modes, focus, marks.
 *
 * The modes come from the registry: the panes are made at start in its
 * order; the others are stacked when opened by name.  Nothing here names
 * a mode.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/history.h"
#include "core/marks.h"
#include "core/model.h"
#include "core/state.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "ui/command.h"
#include "ui/config_file.h"
#include "ui/mode.h"
#include "ui/registry.h"
#include "ui/search.h"
#include "ui/ui.h"
#include "ui/ui_priv.h"
#include "ui/uiutil.h"

struct db *
ui_db(struct ui *ui)
{
	return ui->db;
}

struct state *
ui_state(struct ui *ui)
{
	return ui->state;
}

struct marks *
ui_marks(struct ui *ui)
{
	return ui->marks;
}

struct search *
ui_search(struct ui *ui)
{
	return ui->search;
}

const struct node *
ui_node(struct ui *ui)
{
	return &ui->node;
}

int
ui_utf8(struct ui *ui)
{
	return ui->utf8;
}

/*
 * Messages wait in turn: the status line shows the first until the next
 * key, so that two errors at once are both seen, one after the other.
 */
void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list	 ap;
	char	*s, *clean;
	size_t	 i;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	clean = utf8_clean(s, strlen(s), 0);
	free(s);
	for (i = 0; i < ui->nmsgs; i++)
		if (strcmp(ui->msgs[i].text, clean) == 0) {
			free(clean);	/* said already: once is enough */
			return;
		}
	ui->msgs = xreallocarray(ui->msgs, ui->nmsgs + 1, sizeof *ui->msgs);
	ui->msgs[ui->nmsgs].text = clean;
	ui->msgs[ui->nmsgs++].error = error;
}

void
ui_error(struct ui *ui, char **cause)
{
	if (*cause == NULL)
		return;
	ui_message(ui, 1, "%s", *cause);
	free(*cause);
	*cause = NULL;
}

void
ui_message_next(struct ui *ui)
{
	if (ui->nmsgs == 0)
		return;
	free(ui->msgs[0].text);
	memmove(ui->msgs, ui->msgs + 1, --ui->nmsgs * sizeof *ui->msgs);
}

void
ui_notify(struct ui *ui, unsigned notes)
{
	struct mode	*m;
	size_t		 i;

	for (i = 0; i < ui->npanes; i++) {
		m = ui->panes[i];
		if (m->ops->notify != NULL && m->ops->notify(m, notes))
			m->dirty = 1;
	}
	for (m = ui->top; m != NULL; m = m->below)
		if (m->ops->notify != NULL && m->ops->notify(m, notes))
			m->dirty = 1;
}

void
ui_save_fold(struct ui *ui, const char *path, int open)
{
	char	*cause = NULL;

	if (ui->state != NULL && state_set_open(ui->state, path, open,
	    &cause) != 0)
		ui_error(ui, &cause);
}

/* The title of the node at path, for a message; else the path itself. */
static const char *
ui_title_of(struct ui *ui, const char *path, char **title)
{
	struct node	 n;
	char		*cause = NULL;
	int64_t		 id;

	*title = NULL;
	if (ui_resolve_exact(ui, path, &id) != 0 ||
	    model_get(ui->db, id, &n, &cause) != 0) {
		free(cause);
		return path;
	}
	*title = xstrdup(n.title);
	node_clear(&n);
	return *title;
}

void
ui_mark(struct ui *ui, const char *path)
{
	char	*cause = NULL, *title;
	int	 on = marks_toggle(ui->marks, path);

	ui_notify(ui, NOTE_MARKS);
	if (ui->state != NULL && state_mark(ui->state, path, on, &cause) != 0) {
		ui_error(ui, &cause);
		return;
	}
	ui_message(ui, 0, "%s %s (%zu marked)", on ? "Marked" : "Unmarked",
	    ui_title_of(ui, path, &title), marks_count(ui->marks));
	free(title);
}

void
ui_marks_changed(struct ui *ui)
{
	char	*cause = NULL;

	ui_notify(ui, NOTE_MARKS);
	if (ui->state != NULL && state_set_marks(ui->state,
	    marks_paths(ui->marks), marks_count(ui->marks), &cause) != 0)
		ui_error(ui, &cause);
}

int
ui_last_unsaved(const struct ui *ui)
{
	return ui->state != NULL && ui->node.id != 0 &&
	    (ui->saved_last == NULL ||
	    strcmp(ui->saved_last, ui->node.path) != 0);
}

/* Saved when it has changed: not twice. */
void
ui_save_last(struct ui *ui)
{
	char	*cause = NULL;

	if (!ui_last_unsaved(ui))
		return;
	if (state_set(ui->state, "last", ui->node.path, &cause) != 0) {
		ui_error(ui, &cause);
		return;
	}
	free(ui->saved_last);
	ui->saved_last = xstrdup(ui->node.path);
}

void
ui_select(struct ui *ui, int64_t id, enum ui_how how)
{
	struct node	 n;
	char		*cause = NULL;

	if (model_get(ui->db, id, &n, &cause) != 0) {
		ui_error(ui, &cause);
		return;
	}
	node_clear(&ui->node);
	ui->node = n;
	ui_figures_clear(ui);
	if (how != UI_HISTORY)
		history_visit(ui->history, id, how == UI_MOVE &&
		    ui->last_how == UI_MOVE);
	ui->last_how = how;
	search_reset_match(ui->search);
	ui_notify(ui, NOTE_SELECT);
}

/* The pane registered as name, or npanes. */
static size_t
ui_pane_named(struct ui *ui, const char *name)
{
	size_t	 i;

	for (i = 0; i < ui->npanes; i++)
		if (strcmp(ui->panes[i]->entry->name, name) == 0)
			break;
	return i;
}

void
ui_focus(struct ui *ui, const char *name)
{
	size_t	 id = ui_pane_named(ui, name), was = ui->focus;

	if (id == ui->npanes)
		return;
	if (ui->rects[id].h == 0)
		ui->zoom = (int)id;
	else if (ui->zoom >= 0 && ui->zoom != (int)id)
		ui->zoom = -1;
	ui->focus = id;
	ui->panes[was]->dirty = ui->panes[id]->dirty = 1;
}

const char *
ui_focused(struct ui *ui)
{
	return ui->panes[ui->focus]->entry->name;
}

static struct mode *
ui_mode_new(struct ui *ui, const struct mode_entry *e, int id)
{
	struct mode	*m = xcalloc(1, sizeof *m);

	m->entry = e;
	m->ops = e->ops;
	m->ui = ui;
	m->id = id;
	m->dirty = 1;
	return m;
}

static void
ui_mode_free(struct mode *m)
{
	if (m->ops->free != NULL)
		m->ops->free(m);
	if (m->win != NULL)
		delwin(m->win);
	free(m);
}

static void
ui_return_clear(struct ui *ui)
{
	int	 i;

	for (i = 0; i < ui->ret.argc; i++)
		free(ui->ret.argv[i]);
	free(ui->ret.argv);
	free(ui->ret.name);
	memset(&ui->ret, 0, sizeof ui->ret);
}

void
ui_jump_from(struct ui *ui, int64_t id, const char *name, int argc,
    char **argv)
{
	int	 i;

	ui_return_clear(ui);
	ui_select(ui, id, UI_JUMP);
	if (ui->node.id != id)
		return;
	ui->ret.name = xstrdup(name);
	ui->ret.argv = xreallocarray(NULL, (size_t)argc + 1, sizeof (char *));
	for (i = 0; i < argc; i++)
		ui->ret.argv[i] = xstrdup(argv[i]);
	ui->ret.argc = argc;
	ui->ret.node = id;
}

/* Back from a node jumped to from a view: the view again, as it was. */
int
ui_return(struct ui *ui)
{
	struct mode_args	 args = { 0, NULL, NULL };
	int64_t			 id;

	if (ui->ret.name == NULL || ui->ret.node != ui->node.id ||
	    ui->top != NULL)
		return 0;
	if (history_back(ui->history, &id) == 0)
		ui_select(ui, id, UI_HISTORY);
	args.argc = ui->ret.argc;
	args.argv = ui->ret.argv;
	ui_open(ui, ui->ret.name, &args);
	ui_return_clear(ui);
	return 1;
}

enum key_ctx
ui_context(struct ui *ui)
{
	struct mode	*m;

	/* A dialog that takes text is not a view with keys of its own. */
	for (m = ui->top; m != NULL && m->entry->ctx == CTX_TEXT; m = m->below)
		;
	return m != NULL ? m->entry->ctx : ui->panes[ui->focus]->entry->ctx;
}

int
ui_open(struct ui *ui, const char *name, const struct mode_args *args)
{
	static const struct mode_args	 none;
	const struct mode_entry		*e = registry_find(name);
	struct mode			*m;
	char				*cause = NULL;
	int				 rc;

	if (e == NULL || e->kind != MODE_STACKED)
		return -1;
	m = ui_mode_new(ui, e, -1);
	if (m->ops->open != NULL && m->ops->open(m, args != NULL ? args :
	    &none, &cause) != 0) {
		/* No cause: done already (printed, or a picker asks first). */
		rc = cause != NULL ? -1 : 1;
		ui_error(ui, &cause);
		ui_mode_free(m);
		return rc;
	}
	m->below = ui->top;
	ui->top = m;
	ui->redraw_all = 1;
	return 0;
}

void
ui_close(struct ui *ui, struct mode *m)
{
	struct mode	**pp;

	for (pp = &ui->top; *pp != NULL; pp = &(*pp)->below)
		if (*pp == m) {
			*pp = m->below;
			break;
		}
	ui_mode_free(m);
	ui->redraw_all = 1;
}

static int
ui_load_mark(const char *path, void *arg)
{
	marks_add(arg, path);
	return 0;
}

/* The state database: what is remembered, or why nothing will be. */
static void
ui_open_state(struct ui *ui)
{
	char	*cause = NULL, *notice = NULL;

	ui->state = state_open(ui->opts.db_key, &notice, &cause);
	if (ui->state == NULL)
		ui_message(ui, 1, "Nothing will be remembered: %s", cause);
	else if (notice != NULL)
		ui_message(ui, 1, "%s", notice);
	free(cause);
	free(notice);
	cause = NULL;
	if (ui->state != NULL &&
	    state_marks(ui->state, ui_load_mark, ui->marks, &cause) != 0)
		ui_error(ui, &cause);
}

/* Make a mode for each pane of the registry, in its order. */
static void
ui_make_panes(struct ui *ui)
{
	struct mode		*m;
	static const struct mode_args none;
	char			*cause = NULL;
	size_t			 i;

	for (i = 0; i < nregistry; i++) {
		if (registry[i].kind != MODE_PANE)
			continue;
		ui->panes = xreallocarray(ui->panes, ui->npanes + 1,
		    sizeof *ui->panes);
		ui->slots = xreallocarray(ui->slots, ui->npanes + 1,
		    sizeof *ui->slots);
		m = ui_mode_new(ui, &registry[i], (int)ui->npanes);
		ui->slots[ui->npanes] = registry[i].slot;
		ui->panes[ui->npanes++] = m;
		if (m->ops->open != NULL && m->ops->open(m, &none, &cause) != 0)
			ui_error(ui, &cause);
	}
	ui->empty = xcalloc(ui->npanes, sizeof *ui->empty);
	ui->rects = xcalloc(ui->npanes, sizeof *ui->rects);
	ui->layout.panes = ui->rects;
}

static int
ui_config_set(void *arg, const char *option, const char *value, char **cause)
{
	return command_set(arg, option, value, cause);
}

/* The config file: each bad line said on the status line, in turn. */
static void
ui_load_config(struct ui *ui)
{
	struct config_errors	 errs = { NULL, 0 };
	char			*path, *text = NULL, *cause = NULL;
	size_t			 i;
	int			 rc;

	if (ui->opts.no_config)
		return;
	path = ui->opts.config != NULL ? xstrdup(ui->opts.config) :
	    config_default_path();
	if (path == NULL)
		return;
	if ((rc = config_read(path, &text, &cause)) < 0)
		ui_message(ui, 1, "config: %s", cause);
	else if (rc == 1 && ui->opts.config != NULL)
		ui_message(ui, 1, "config: %s: no such file", path);
	else if (rc == 0) {
		config_apply(text, ui_config_set, ui, &errs);
		for (i = 0; i < errs.n; i++)
			ui_message(ui, 1, "%s", errs.v[i]);
		config_errors_free(&errs);
	}
	free(cause);
	free(text);
	free(path);
}

/*
 * The first screen shows the first node, read without the state; the
 * state is opened after it is on the terminal (ui_start_state()).
 */
void
ui_load(struct ui *ui)
{
	int64_t	 id;

	ui->search = search_new();
	ui->marks = marks_new();
	ui_make_panes(ui);
	if ((id = ui_first_node(ui)) != 0)
		ui_select(ui, id, UI_JUMP);
}

void
ui_start_state(struct ui *ui, int fresh)
{
	char	*last;
	int64_t	 id = 0;

	if (!ui->opts.use_state)
		return;
	ui_open_state(ui);
	if (ui->state == NULL)
		return;		/* the status line says why */
	ui_notify(ui, NOTE_STATE | NOTE_MARKS);
	if ((last = state_get(ui->state, "last")) != NULL) {
		ui_resolve_exact(ui, last, &id);
		ui->saved_last = last;
	}
	if (id != 0 && id != ui->node.id) {
		/* Where the last run ended, as if started there. */
		if (fresh) {
			history_free(ui->history);
			ui->history = history_new(256);
		}
		ui_select(ui, id, UI_JUMP);
	}
}

void
ui_start(struct ui *ui, struct db *db, const struct ui_options *opts)
{
	memset(ui, 0, sizeof *ui);
	ui->db = db;
	ui->opts = *opts;
	ui->utf8 = opts->utf8;
	ui->zoom = -1;
	ui->history = history_new(256);
	ui_load_config(ui);
	ui_report_start(ui);
	ui_load(ui);
}

void
ui_unload(struct ui *ui)
{
	size_t	 i;

	ui_save_last(ui);
	while (ui->top != NULL)
		ui_close(ui, ui->top);
	for (i = 0; i < ui->npanes; i++)
		ui_mode_free(ui->panes[i]);
	free(ui->panes);
	free(ui->slots);
	free(ui->empty);
	free(ui->rects);
	ui->panes = NULL;
	ui->slots = NULL;
	ui->empty = NULL;
	ui->rects = NULL;
	ui->npanes = 0;
	ui_return_clear(ui);
	search_free(ui->search);
	marks_free(ui->marks);
	ui->search = NULL;
	ui->marks = NULL;
	free(ui->saved_last);
	ui->saved_last = NULL;
	node_clear(&ui->node);
	memset(&ui->node, 0, sizeof ui->node);
	ui_figures_clear(ui);
	state_close(ui->state);
	ui->state = NULL;
}

void
ui_stop(struct ui *ui)
{
	ui_unload(ui);
	history_free(ui->history);
	ui_report_stop(ui);
	while (ui->nmsgs > 0)
		ui_message_next(ui);
	free(ui->msgs);
}
