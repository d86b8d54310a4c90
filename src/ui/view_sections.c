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
#include "ui/ui.h"
#include "ui/ui_internal.h"

struct sview {
	struct docview	 dv[2];
	struct node	 n[2];
	char		*crumb[2];
	int		 together;
	int		 active;
};

static void
sv_draw(struct overlay *o, struct ui *ui)
{
	struct sview	*v = o->data;
	int		 h = LINES - 1, cols = COLS - 3, half = cols / 2, i, x;
	int		 w[2] = { half, cols - half };

	(void)ui;
	if (o->win == NULL || getmaxy(o->win) != h || getmaxx(o->win) != COLS) {
		if (o->win != NULL)
			delwin(o->win);
		o->win = newwin(h, COLS, 0, 0);
	}
	werase(o->win);
	wattrset(o->win, theme_attr(THEME_TITLE_FOCUS));
	box(o->win, 0, 0);
	mvwaddstr(o->win, 0, 2, v->together ? "[Side by side: together]" :
	    "[Side by side: apart]");
	mvwvline(o->win, 1, half + 1, ACS_VLINE, h - 2);
	for (i = 0; i < 2; i++) {
		x = i == 0 ? 1 : half + 2;
		ui_draw_title(o->win, 1, x, w[i], v->crumb[i], &v->n[i]);
		if (!v->together && i == v->active)
			mvwaddch(o->win, 2, x + w[i] - 1, '*');
		tv_draw(&v->dv[i].tv, o->win, 3, x, h - 4, w[i],
		    !v->together && i == v->active);
	}
	wmove(o->win, 2, v->active == 0 ? 1 : half + 2);
	wnoutrefresh(o->win);
}

static int
sv_key(struct overlay *o, struct ui *ui, int key, int is_char)
{
	struct sview	*v = o->data;
	enum action	 act;
	int		 i, top;

	act = is_char && key > 0x7f ? ACT_NONE :
	    keymap_lookup(key, KEY_VIEW_SECTIONS);
	switch (act) {
	case ACT_TOGETHER:
		v->together = !v->together;
		/* Together again: the other column follows the active one. */
		if (v->together)
			v->dv[!v->active].tv.top = v->dv[v->active].tv.top;
		return 0;
	case ACT_NEXT_PANE: case ACT_PREV_PANE:
		v->active = !v->active;
		return 0;
	case ACT_OPEN:
		ui_select(ui, v->n[v->active].id, UI_JUMP);
		return 1;
	case ACT_BACK: case ACT_ESCAPE: case ACT_QUIT:
		return 1;
	case ACT_HELP:
		ui_push_overlay(ui, view_help_new(ui));
		return 0;
	default:
		break;
	}
	tv_key(&v->dv[v->active].tv, act);
	if (v->together) {
		top = v->dv[v->active].tv.top;
		for (i = 0; i < 2; i++)
			v->dv[i].tv.top = top;
	}
	return 0;
}

static void
sv_free(struct overlay *o)
{
	struct sview	*v = o->data;
	int		 i;

	for (i = 0; i < 2; i++) {
		docview_free(&v->dv[i]);
		node_clear(&v->n[i]);
		free(v->crumb[i]);
	}
	free(v);
	if (o->win != NULL)
		delwin(o->win);
	free(o);
}

static const struct overlay_ops sv_ops = {
	.hints = "t:together  Tab:column  Enter:read  Bksp:back",
	.draw = sv_draw,
	.key = sv_key,
	.free = sv_free,
};

static void
sv_open(struct ui *ui, int64_t a, int64_t b)
{
	struct overlay	*o;
	struct sview	*v;
	int64_t		 id[2] = { a, b };
	char		*cause = NULL;
	int		 i;

	o = xcalloc(1, sizeof *o);
	v = xcalloc(1, sizeof *v);
	o->ops = &sv_ops;
	o->data = v;
	v->together = 1;
	for (i = 0; i < 2; i++) {
		docview_init(&v->dv[i]);
		if (model_get(ui->db, id[i], &v->n[i], &cause) != 0 ||
		    docview_load(&v->dv[i], ui, id[i], &cause) != 0) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
			cause = NULL;
		}
		v->crumb[i] = ui_breadcrumb(ui, id[i]);
	}
	ui_push_overlay(ui, o);
}

static int
sv_node_item(const struct node *n, void *arg)
{
	pick_list_add(arg, n->title, n->path, NULL, n->id);
	return 0;
}

static void
sv_picked(struct ui *ui, void *arg, const struct pick_item *it)
{
	(void)arg;
	sv_open(ui, ui->node.id, it->id);
}

void
ui_side_by_side(struct ui *ui, int64_t a, int64_t b)
{
	struct pick_list	 l = { NULL, 0 };
	char			*cause = NULL;

	if (b != 0) {
		sv_open(ui, a, b);
		return;
	}
	if (model_walk(ui->db, 0, sv_node_item, &l, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	ui_push_overlay(ui, dlg_pick_new("Read beside it", l.items, l.n,
	    sv_picked, NULL));
}
