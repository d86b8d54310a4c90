/*
 * view_sections.c: two sections side by side, on the whole screen.
 *
 * A quality statement beside its children and young people part (and the
 * other way round), or any two sections.  The columns scroll together
 * until `t` sets them apart; then Tab moves between them.  The search's
 * words are highlighted in both.  Enter reads the active column's section
 * in the main screen; Backspace or Esc goes back.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/model.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "ui/docview.h"
#include "ui/mode.h"
#include "ui/picker.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/uiutil.h"
#include "ui/view_sections.h"

struct sview {
	struct docview	 dv[2];
	struct node	 n[2];
	char		*crumb[2];
	int		 together;
	int		 active;
	char		*report[2];	/* of other assessments: theirs */
};

static void
sv_draw(struct mode *m, WINDOW *w, int focused)
{
	struct sview	*v = m->data;
	int		 h = getmaxy(w), cols = getmaxx(w) - 3, half = cols / 2;
	int		 wd[2] = { half, cols - half }, i, x;

	(void)focused;
	ui_box_draw(w, v->together ? "Side by side: together" :
	    "Side by side: apart");
	mvwvline(w, 1, half + 1, ACS_VLINE, h - 2);
	for (i = 0; i < 2; i++) {
		x = i == 0 ? 1 : half + 2;
		ui_draw_title(w, 1, x, wd[i], v->crumb[i], &v->n[i], 1);
		if (!v->together && i == v->active)
			mvwaddch(w, 2, x + wd[i] - 1, '*');
		tv_draw(&v->dv[i].tv, w, 3, x, h - 4, wd[i],
		    !v->together && i == v->active);
	}
	wmove(w, 2, v->active == 0 ? 1 : half + 2);
}

/* p: print what is shown, the two sections one after the other. */
static void
sv_print(struct ui *ui, struct sview *v)
{
	char			*argv[4];
	struct mode_args	 args = { 4, argv, NULL };

	argv[0] = "--section";
	argv[1] = v->n[0].path;
	argv[2] = "--section";
	argv[3] = v->n[1].path;
	ui_open(ui, "print", &args);
}

/* Enter and p on sections of other assessments than the one shown. */
static int
sv_foreign_key(struct mode *m, struct sview *v, enum action a)
{
	if (a == ACT_OPEN) {
		/* Read it there: the browser switches to its assessment. */
		ui_switch(m->ui, v->report[v->active], v->n[v->active].path,
		    NULL, NULL, 0, 0);
		return MODE_HANDLED | MODE_CLOSE;
	}
	ui_message(m->ui, 1, "print: sections of two assessments: 'icsbrowse "
	    "compare --reports' prints them");
	return MODE_HANDLED;
}

static int
sv_key(struct mode *m, const struct mode_key *k)
{
	struct sview	*v = m->data;
	int		 i, top;

	if (v->report[0] != NULL && (k->action == ACT_OPEN ||
	    k->action == ACT_PRINT))
		return sv_foreign_key(m, v, k->action);
	switch (k->action) {
	case ACT_TOGETHER:
		v->together = !v->together;
		/* Together again: the other column follows the active one. */
		if (v->together)
			v->dv[!v->active].tv.top = v->dv[v->active].tv.top;
		return MODE_HANDLED | MODE_REDRAW;
	case ACT_NEXT_PANE: case ACT_PREV_PANE:
		v->active = !v->active;
		return MODE_HANDLED | MODE_REDRAW;
	case ACT_OPEN:
		ui_select(m->ui, v->n[v->active].id, UI_JUMP);
		return MODE_HANDLED | MODE_CLOSE;
	case ACT_BACK: case ACT_ESCAPE: case ACT_QUIT:
		return MODE_HANDLED | MODE_CLOSE;
	case ACT_HELP:
		ui_action(m->ui, ACT_HELP);
		return MODE_HANDLED;
	case ACT_PRINT:
		sv_print(m->ui, v);
		return MODE_HANDLED;
	default:
		break;
	}
	tv_key(&v->dv[v->active].tv, k->action);
	if (v->together) {
		top = v->dv[v->active].tv.top;
		for (i = 0; i < 2; i++)
			v->dv[i].tv.top = top;
	}
	return MODE_HANDLED | MODE_REDRAW;
}

static void
sv_free(struct mode *m)
{
	struct sview	*v = m->data;
	int		 i;

	if (v == NULL)
		return;
	for (i = 0; i < 2; i++) {
		docview_free(&v->dv[i]);
		node_clear(&v->n[i]);
		free(v->crumb[i]);
		free(v->report[i]);
	}
	free(v);
}

static int
sv_node_item(const struct node *n, void *arg)
{
	pick_list_add(arg, n->title, n->path, n->path, n->id);
	return 0;
}

/* The second section chosen: the two side by side. */
static void
sv_picked(struct ui *ui, void *arg, const struct pick_item *it)
{
	struct mode_args	 args = { 2, NULL, NULL };
	char			*argv[2] = { arg, it->key };

	args.argv = argv;
	ui_open(ui, "sections", &args);
}

/* Choose the section to read beside path (taken). */
static void
sv_choose(struct ui *ui, char *path)
{
	struct pick_list	 l = { NULL, 0 };
	char			*cause = NULL;

	if (model_walk(ui_db(ui), 0, sv_node_item, &l, &cause) != 0)
		ui_error(ui, &cause);
	picker_open(ui, "Read beside it", &l, sv_picked, path, free);
}

/* Two sections of two assessments (a sections_request). */
static int
sv_open_pair(struct mode *m, const struct sections_request *rq,
    char **cause)
{
	struct sview	*v;
	int		 i;

	v = xcalloc(1, sizeof *v);
	m->data = v;
	v->together = 1;
	for (i = 0; i < 2; i++) {
		docview_init(&v->dv[i]);
		v->report[i] = xstrdup(rq->name[i]);
		v->crumb[i] = utf8_clean(rq->crumb[i], strlen(rq->crumb[i]), 0);
		if (model_get(rq->db[i], rq->id[i], &v->n[i], cause) != 0)
			return -1;
		if (docview_load_db(&v->dv[i], m->ui, rq->db[i], rq->id[i], 0,
		    cause) != 0)
			ui_error(m->ui, cause);
	}
	return 0;
}

/* side-by-side A B: the two; side-by-side A: A and one chosen. */
static int
sv_open(struct mode *m, const struct mode_args *args, char **cause)
{
	struct ui	*ui = m->ui;
	struct sview	*v;
	int64_t		 id;
	int		 i;

	if (args->data != NULL)
		return sv_open_pair(m, args->data, cause);
	if (args->argc < 1) {
		*cause = xstrdup("side-by-side: which sections?");
		return -1;
	}
	if (args->argc < 2) {
		sv_choose(ui, xstrdup(args->argv[0]));
		return -1;
	}
	v = xcalloc(1, sizeof *v);
	m->data = v;
	v->together = 1;
	for (i = 0; i < 2; i++) {
		docview_init(&v->dv[i]);
		if (model_resolve(ui_db(ui), args->argv[i], &id, cause) != 0 ||
		    model_get(ui_db(ui), id, &v->n[i], cause) != 0)
			return -1;
		if (docview_load(&v->dv[i], ui, id, 0, cause) != 0)
			ui_error(ui, cause);
		v->crumb[i] = ui_breadcrumb(ui, id);
	}
	return 0;
}

const struct mode_ops view_sections_ops = {
	.open = sv_open,
	.draw = sv_draw,
	.key = sv_key,
	.free = sv_free,
};
