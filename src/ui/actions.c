/*
 * actions.c: what each action does when no mode takes its key.
 *
 * A table from action to function, as tmux's command table: the loop
 * runs these, and so do the `:` line and the config file.  Actions that
 * open a mode name it as the registry does (ui_open()); nothing here
 * touches a mode's data.
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/history.h"
#include "core/model.h"
#include "core/places.h"
#include "core/xmalloc.h"
#include "ui/mode.h"
#include "ui/registry.h"
#include "ui/search.h"
#include "ui/ui.h"
#include "ui/ui_priv.h"

static void
act_cycle(struct ui *ui, int dir)
{
	size_t	 i, id = ui->focus, n = ui->npanes;

	if (ui->zoom >= 0) {
		ui->zoom = -1;
		loop_layout(ui);
	}
	ui->panes[ui->focus]->dirty = 1;
	for (i = 0; i < n; i++) {
		id = (id + n + (size_t)dir) % n;
		if (ui->rects[id].h > 0)
			break;
	}
	ui->focus = id;
	ui->panes[id]->dirty = 1;
}

static void act_next_pane(struct ui *ui) { act_cycle(ui, 1); }
static void act_prev_pane(struct ui *ui) { act_cycle(ui, -1); }

static void
act_pane(struct ui *ui, size_t i)
{
	if (i < ui->npanes)
		ui_focus(ui, ui->panes[i]->entry->name);
}

static void act_pane_1(struct ui *ui) { act_pane(ui, 0); }
static void act_pane_2(struct ui *ui) { act_pane(ui, 1); }
static void act_pane_3(struct ui *ui) { act_pane(ui, 2); }
static void act_pane_4(struct ui *ui) { act_pane(ui, 3); }
static void act_pane_5(struct ui *ui) { act_pane(ui, 4); }

static void
act_history(struct ui *ui, int forward)
{
	int64_t	 id;

	if ((forward ? history_forward(ui->history, &id) :
	    history_back(ui->history, &id)) != 0) {
		ui_message(ui, 0, "%s", forward ? "Nothing to go forward to" :
		    "Nothing to go back to");
		return;
	}
	ui_select(ui, id, UI_HISTORY);
}

static void
act_back(struct ui *ui)
{
	if (!ui_return(ui))
		act_history(ui, 0);
}
static void act_forward(struct ui *ui) { act_history(ui, 1); }
static void act_search(struct ui *ui) { ui_open(ui, "search", NULL); }
static void act_next_match(struct ui *ui) { search_step(ui, 1); }
static void act_prev_match(struct ui *ui) { search_step(ui, -1); }
static void act_print(struct ui *ui) { ui_open(ui, "print", NULL); }
static void act_marks(struct ui *ui) { ui_open(ui, "marks", NULL); }
static void act_assessments(struct ui *ui) { ui_open(ui, "library", NULL); }
static void act_help(struct ui *ui) { ui_open(ui, "help", NULL); }
static void act_command(struct ui *ui) { ui_open(ui, "command", NULL); }
static void
act_redraw(struct ui *ui)
{
	clearok(curscr, TRUE);
	ui->redraw_all = 1;
}

/* Ctrl-Z: the terminal given back, the process stopped; fg repaints. */
static void
act_suspend(struct ui *ui)
{
	loop_suspend(ui);
	act_redraw(ui);
}
static void act_quit(struct ui *ui) { ui->quit = 1; }

static void
act_mark(struct ui *ui)
{
	if (ui->node.id != 0)
		ui_mark(ui, ui->node.path);
}

static int
act_place_code(const struct place *p, void *arg)
{
	*(char **)arg = xstrdup(p->code);
	return 1;
}

/* c: compare the place shown with another, or two places chosen. */
static void
act_compare(struct ui *ui)
{
	struct mode_args	 args = { 0, NULL, NULL };
	char			*cause = NULL, *code = NULL;
	int64_t			 place = 0;

	if (model_ancestor(ui->db, ui->node.id, "place", &place, &cause) != 0)
		ui_error(ui, &cause);
	else if (place != 0 && places_of_node(ui->db, place, act_place_code,
	    &code, &cause) < 0)
		ui_error(ui, &cause);
	if (code != NULL) {
		args.argc = 1;
		args.argv = &code;
	}
	ui_open(ui, "compare", &args);
	free(code);
}

/* C: a statement beside its children and young people part, or any two. */
static void
act_side_by_side(struct ui *ui)
{
	struct mode_args	 args = { 1, NULL, NULL };
	struct node		 n;
	char			*cause = NULL, *argv[2];
	int64_t			 other = 0;

	if (ui->node.id == 0)
		return;
	if (model_counterpart(ui->db, ui->node.id, &other, &cause) != 0) {
		ui_error(ui, &cause);
		return;
	}
	argv[0] = ui->node.path;
	argv[1] = NULL;
	if (other != 0 && model_get(ui->db, other, &n, &cause) == 0) {
		argv[1] = n.path;
		args.argc = 2;
	}
	ui_error(ui, &cause);
	args.argv = argv;
	ui_open(ui, "sections", &args);
	if (args.argc == 2)
		node_clear(&n);
}

static void
act_zoom(struct ui *ui)
{
	ui->zoom = ui->zoom >= 0 ? -1 : (int)ui->focus;
}

static void
act_resize(struct ui *ui, int dpct, int dw)
{
	/* From what is on the screen: the default, or a clamped width. */
	ui->outline_w = ui->layout.outline_w + dw;
	ui->reader_pct = ui->layout.reader_pct + dpct;
}

static void act_taller(struct ui *ui) { act_resize(ui, 5, 0); }
static void act_shorter(struct ui *ui) { act_resize(ui, -5, 0); }
static void act_wider(struct ui *ui) { act_resize(ui, 0, 2); }
static void act_narrower(struct ui *ui) { act_resize(ui, 0, -2); }

static void
act_escape(struct ui *ui)
{
	if (ui->zoom >= 0)
		ui->zoom = -1;
	else if (ui_return(ui))
		return;
	else if (search_query(ui->search) != NULL) {
		search_clear(ui);
		ui_message(ui, 0, "Search cleared");
	}
}

static void (*const act_table[ACT_COUNT])(struct ui *) = {
	[ACT_NEXT_PANE] = act_next_pane,
	[ACT_PREV_PANE] = act_prev_pane,
	[ACT_PANE_1] = act_pane_1,
	[ACT_PANE_2] = act_pane_2,
	[ACT_PANE_3] = act_pane_3,
	[ACT_PANE_4] = act_pane_4,
	[ACT_PANE_5] = act_pane_5,
	[ACT_BACK] = act_back,
	[ACT_FORWARD] = act_forward,
	[ACT_SEARCH] = act_search,
	[ACT_NEXT_MATCH] = act_next_match,
	[ACT_PREV_MATCH] = act_prev_match,
	[ACT_MARK] = act_mark,
	[ACT_COMPARE] = act_compare,
	[ACT_SIDE_BY_SIDE] = act_side_by_side,
	[ACT_PRINT] = act_print,
	[ACT_MARKS] = act_marks,
	[ACT_ASSESSMENTS] = act_assessments,
	[ACT_ZOOM] = act_zoom,
	[ACT_TALLER] = act_taller,
	[ACT_SHORTER] = act_shorter,
	[ACT_WIDER] = act_wider,
	[ACT_NARROWER] = act_narrower,
	[ACT_HELP] = act_help,
	[ACT_COMMAND] = act_command,
	[ACT_REDRAW] = act_redraw,
	[ACT_ESCAPE] = act_escape,
	[ACT_QUIT] = act_quit,
	[ACT_SUSPEND] = act_suspend,
};

void
actions_run(struct ui *ui, enum action a)
{
	if (a > ACT_NONE && a < ACT_COUNT && act_table[a] != NULL) {
		act_table[a](ui);
		return;
	}
	ui_message(ui, 0, "That key does nothing here: ? lists the keys");
}

void
ui_action(struct ui *ui, enum action a)
{
	actions_run(ui, a);
}

void
actions_key(struct ui *ui, enum action a)
{
	struct mode_key	 k = { 0, 0, a };
	struct mode	*m;
	int		 flags = 0;

	/*
	 * As a key to the mode under the dialogs that take text (the `:`
	 * line that runs it, say): a view, or the focused pane.
	 */
	for (m = ui->top; m != NULL && m->entry->ctx == CTX_TEXT; m = m->below)
		;
	if (m == NULL)
		m = ui->panes[ui->focus];
	if (m->ops->key != NULL)
		flags = m->ops->key(m, &k);
	if (flags & MODE_REDRAW)
		m->dirty = 1;
	if ((flags & MODE_CLOSE) && m->id < 0)
		ui_close(ui, m);
	if (!(flags & MODE_HANDLED))
		actions_run(ui, a);
}
