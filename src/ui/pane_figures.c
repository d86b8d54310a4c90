/*
 * pane_figures.c: the figures that the selected section cites (for a
 * place: the figures given for it), each with its place and comparator.
 * Enter on a figure opens the section that cites it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/places.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "ui/pane.h"
#include "ui/textview.h"
#include "ui/ui.h"
#include "ui/ui_internal.h"

struct figures {
	struct textview	 tv;
	char		**place;	/* per item: its place's code */
	char		**other;	/* per item: its comparator's, or NULL */
};

static void
figures_clear(struct figures *f)
{
	size_t	 i;

	for (i = 0; i < f->tv.nitems; i++) {
		free(f->place[i]);
		free(f->other[i]);
	}
	free(f->place);
	free(f->other);
	f->place = f->other = NULL;
	tv_clear(&f->tv);
}

static void
figures_init(struct pane *p, struct ui *ui)
{
	struct figures	*f;

	(void)ui;
	f = xcalloc(1, sizeof *f);
	tv_init(&f->tv);
	p->data = f;
}

static int
figures_add(const struct figure *fig, void *arg)
{
	struct figures	*f = arg;
	struct tv_item	*it;
	struct strbuf	 sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s: %s, %s", fig->place_name, fig->text, fig->label);
	if (*fig->period != '\0')
		strbuf_addf(&sb, " (%s)", fig->period);
	if (fig->cmp_id != 0)
		strbuf_addf(&sb, "; %s: %s", fig->cmp_place_name,
		    fig->cmp_text);
	if (*fig->direction != '\0')
		strbuf_addf(&sb, "; %s", fig->direction);
	it = tv_add(&f->tv, sb.buf, sb.len, THEME_NORMAL, "  ", 2, 0);
	it->node = fig->node;
	it->selectable = 1;
	f->place = xreallocarray(f->place, f->tv.nitems, sizeof *f->place);
	f->other = xreallocarray(f->other, f->tv.nitems, sizeof *f->other);
	f->place[f->tv.nitems - 1] = xstrdup(fig->place);
	f->other[f->tv.nitems - 1] = fig->cmp_id != 0 ?
	    xstrdup(fig->cmp_place) : NULL;
	strbuf_free(&sb);
	return 0;
}

static int
figures_place(const struct place *pl, void *arg)
{
	struct figures	*f = ((void **)arg)[0];
	struct ui	*ui = ((void **)arg)[1];
	char		*cause = NULL;

	figures_of_place(ui->db, pl->code, figures_add, f, &cause);
	free(cause);
	return 0;
}

static void
figures_follow(struct pane *p, struct ui *ui)
{
	struct figures	*f = p->data;
	void		*arg[2] = { f, ui };
	char		*cause = NULL;
	int		 n;

	figures_clear(f);
	if (ui->node.id == 0)
		return;
	n = places_of_node(ui->db, ui->node.id, figures_place, arg, &cause);
	if (n == 0)
		figures_of_subtree(ui->db, ui->node.id, figures_add, f, &cause);
	if (cause != NULL) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	if (f->tv.nitems > 0)
		f->tv.sel = 0;
}

static void
figures_draw(struct pane *p, struct ui *ui, int focused)
{
	struct figures	*f = p->data;
	char		 where[32];

	(void)ui;
	werase(p->win);
	tv_layout(&f->tv, pane_cols(p));
	f->tv.rows = pane_rows(p);
	snprintf(where, sizeof where, "%d/%zu", f->tv.sel + 1, f->tv.nitems);
	pane_frame(p, focused, f->tv.nitems > 0 ? where : NULL);
	if (f->tv.nitems == 0) {
		wattrset(p->win, theme_attr(THEME_DIM));
		wmove(p->win, 1, 1);
		ui_addfit(p->win, "No figures in this section.", pane_cols(p));
		return;
	}
	tv_draw(&f->tv, p->win, 1, 1, pane_rows(p), pane_cols(p), focused);
}

static int
figures_key(struct pane *p, struct ui *ui, enum action a)
{
	struct figures	*f = p->data;

	if (a == ACT_OPEN && f->tv.sel >= 0) {
		ui_select(ui, f->tv.items[f->tv.sel].node, UI_JUMP);
		return PANE_HANDLED | PANE_REDRAW;
	}
	if (a == ACT_COMPARE && f->tv.sel >= 0) {
		/* The figure's place against what the report compares it to. */
		if (f->other[f->tv.sel] == NULL)
			ui_message(ui, 0, "The report compares this figure "
			    "with nothing: c on another, or 1 then c");
		else if (strcmp(f->place[f->tv.sel], f->other[f->tv.sel]) == 0)
			ui_compare(ui, f->place[f->tv.sel], NULL);
		else
			ui_compare(ui, f->place[f->tv.sel],
			    f->other[f->tv.sel]);
		return PANE_HANDLED | PANE_REDRAW;
	}
	return tv_key(&f->tv, a);
}

static int
figures_click(struct pane *p, struct ui *ui, int y, int x)
{
	struct figures	*f = p->data;
	int		 item;

	(void)ui;
	(void)x;
	if ((item = tv_item_at(&f->tv, y - 1)) < 0)
		return 0;
	f->tv.sel = item;
	return PANE_HANDLED | PANE_REDRAW;
}

static void
figures_cursor(struct pane *p, int *y, int *x)
{
	struct figures	*f = p->data;

	*y = 1 + tv_sel_row(&f->tv);
	*x = 1;
}

static int
figures_empty(struct pane *p)
{
	struct figures	*f = p->data;

	return f->tv.nitems == 0;
}

static void
figures_where(struct pane *p, char *buf, size_t len)
{
	struct figures	*f = p->data;

	snprintf(buf, len, "figure %d of %zu", f->tv.sel + 1, f->tv.nitems);
}

static void
figures_free(struct pane *p)
{
	struct figures	*f = p->data;

	if (f == NULL)
		return;
	figures_clear(f);
	tv_free(&f->tv);
	free(f);
}

const struct pane_ops pane_figures_ops = {
	.title = "Figures",
	.init = figures_init,
	.follow = figures_follow,
	.draw = figures_draw,
	.key = figures_key,
	.click = figures_click,
	.cursor = figures_cursor,
	.empty = figures_empty,
	.where = figures_where,
	.free = figures_free,
};
