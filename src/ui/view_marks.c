/*
 * view_marks.c: the list of marks, in the order they will print.
 *
 * K and J move the chosen mark up and down, m unmarks it, x (twice)
 * clears them all, p opens the print dialog on them, Enter reads the
 * section.  Every change is saved at once in the state database.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/model.h"
#include "core/state.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "ui/ui.h"
#include "ui/ui_internal.h"

struct marks_view {
	int	 sel, top;
	int	 clear_armed;	/* x pressed once */
};

/* Save the marks in their order; a failure goes to the status line. */
static void
mv_save(struct ui *ui)
{
	char	*cause = NULL;

	if (ui->state != NULL && state_set_marks(ui->state,
	    (const char *const *)ui->marks, ui->nmarks, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
}

/* "Title (path)" for a mark, cleaned; the caller frees it. */
static char *
mv_label(struct ui *ui, const char *path)
{
	struct node	 n;
	char		*cause = NULL, *s, *clean;
	int64_t		 id;

	if (ui_resolve_exact(ui, path, &id) != 0 ||
	    model_get(ui->db, id, &n, &cause) != 0) {
		free(cause);
		s = xasprintf("%s (not in this dataset)", path);
	} else {
		s = xasprintf("%s  (%s)", n.title, path);
		node_clear(&n);
	}
	clean = utf8_clean(s, strlen(s), 0);
	free(s);
	return clean;
}

static void
mv_draw(struct overlay *o, struct ui *ui)
{
	struct marks_view	*v = o->data;
	char			 title[64], *label;
	int			 h, w, rows, i, y;

	h = LINES - 3 < 22 ? LINES - 3 : 22;
	w = COLS - 4 < 96 ? COLS - 4 : 96;
	if (h < 5)
		h = LINES - 1;
	if (w < 20)
		w = COLS;
	if (o->win == NULL || getmaxy(o->win) != h || getmaxx(o->win) != w) {
		if (o->win != NULL)
			delwin(o->win);
		o->win = newwin(h, w, LINES > h + 2 ? 1 : 0, (COLS - w) / 2);
	}
	werase(o->win);
	wattrset(o->win, theme_attr(THEME_TITLE_FOCUS));
	box(o->win, 0, 0);
	snprintf(title, sizeof title, "[Marks: %zu, in print order]",
	    ui->nmarks);
	mvwaddstr(o->win, 0, 2, title);
	rows = h - 2;
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + rows)
		v->top = v->sel - rows + 1;
	if (ui->nmarks == 0) {
		wattrset(o->win, theme_attr(THEME_DIM));
		wmove(o->win, 1, 2);
		ui_addfit(o->win, "No marks: m marks a section.", w - 4);
	}
	for (i = v->top, y = 1; i < (int)ui->nmarks && y <= rows; i++, y++) {
		wattrset(o->win, theme_attr(i == v->sel ? THEME_SELECTED :
		    THEME_NORMAL));
		mvwprintw(o->win, y, 1, "%c%2d. ", i == v->sel ? '>' : ' ',
		    i + 1);
		label = mv_label(ui, ui->marks[i]);
		ui_addfit(o->win, label, w - 7);
		free(label);
	}
	wmove(o->win, 1 + v->sel - v->top, 1);
	wnoutrefresh(o->win);
}

static void
mv_move(struct ui *ui, struct marks_view *v, int dir)
{
	char	*t;
	int	 to = v->sel + dir;

	if (to < 0 || to >= (int)ui->nmarks)
		return;
	t = ui->marks[v->sel];
	ui->marks[v->sel] = ui->marks[to];
	ui->marks[to] = t;
	v->sel = to;
	mv_save(ui);
}

static void
mv_clear(struct ui *ui, struct marks_view *v)
{
	size_t	 i, n = ui->nmarks;

	if (!v->clear_armed) {
		v->clear_armed = 1;
		ui_message(ui, 0, "Press x again to clear all %zu marks", n);
		return;
	}
	for (i = 0; i < ui->nmarks; i++)
		free(ui->marks[i]);
	ui->nmarks = 0;
	v->sel = 0;
	mv_save(ui);
	ui_message(ui, 0, "Cleared %zu marks", n);
}

static int
mv_key(struct overlay *o, struct ui *ui, int key, int is_char)
{
	struct marks_view	*v = o->data;
	enum action		 a;
	int64_t			 id;

	a = is_char && key > 0x7f ? ACT_NONE : keymap_lookup(key,
	    KEY_VIEW_MARKS);
	if (a != ACT_CLEAR)
		v->clear_armed = 0;
	switch (a) {
	case ACT_UP:		v->sel--;			break;
	case ACT_DOWN:		v->sel++;			break;
	case ACT_HOME:		v->sel = 0;			break;
	case ACT_END:		v->sel = (int)ui->nmarks - 1;	break;
	case ACT_MOVE_UP:	mv_move(ui, v, -1);		break;
	case ACT_MOVE_DOWN:	mv_move(ui, v, 1);		break;
	case ACT_CLEAR:		mv_clear(ui, v);		break;
	case ACT_MARK:
		if (v->sel < (int)ui->nmarks)
			ui_mark(ui, 0, ui->marks[v->sel]);
		break;
	case ACT_PRINT:
		ui_push_overlay(ui, dlg_print_new(ui));
		break;
	case ACT_OPEN:
		if (v->sel < (int)ui->nmarks &&
		    ui_resolve_exact(ui, ui->marks[v->sel], &id) == 0) {
			ui_select(ui, id, UI_JUMP);
			return 1;
		}
		break;
	case ACT_BACK: case ACT_ESCAPE: case ACT_QUIT: case ACT_MARKS:
		return 1;
	default:
		break;
	}
	if (v->sel >= (int)ui->nmarks)
		v->sel = (int)ui->nmarks - 1;
	if (v->sel < 0)
		v->sel = 0;
	return 0;
}

static void
mv_free(struct overlay *o)
{
	free(o->data);
	if (o->win != NULL)
		delwin(o->win);
	free(o);
}

static const struct overlay_ops mv_ops = {
	.hints = "K/J:move  m:unmark  x:clear  p:print  Enter:read",
	.draw = mv_draw,
	.key = mv_key,
	.free = mv_free,
};

struct overlay *
view_marks_new(struct ui *ui)
{
	struct overlay	*o;

	(void)ui;
	o = xcalloc(1, sizeof *o);
	o->data = xcalloc(1, sizeof(struct marks_view));
	o->ops = &mv_ops;
	return o;
}
