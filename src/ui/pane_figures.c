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

#include "core/model.h"
#include "core/places.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "ui/mode.h"
#include "ui/textview.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

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

static int
figures_open(struct mode *m, const struct mode_args *args, char **cause)
{
	struct figures	*f;

	(void)args;
	(void)cause;
	f = xcalloc(1, sizeof *f);
	tv_init(&f->tv);
	m->data = f;
	return 0;
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

struct figures_walk {
	struct figures	*f;
	struct ui	*ui;
	char		*cause;		/* the first error */
};

static int
figures_place(const struct place *pl, void *arg)
{
	struct figures_walk	*w = arg;
	char			*cause = NULL;

	if (figures_of_place(ui_db(w->ui), pl->code, figures_add, w->f,
	    &cause) != 0 && w->cause == NULL)
		w->cause = cause;
	else
		free(cause);
	return 0;
}

static int
figures_notify(struct mode *m, unsigned notes)
{
	struct figures		*f = m->data;
	struct ui		*ui = m->ui;
	struct figures_walk	 w = { f, ui, NULL };
	char			*cause = NULL;
	int			 n;

	if (!(notes & NOTE_SELECT))
		return 0;
	figures_clear(f);
	if (ui_node(ui)->id == 0)
		return 1;
	n = places_of_node(ui_db(ui), ui_node(ui)->id, figures_place, &w,
	    &cause);
	if (n < 0)
		ui_error(ui, &cause);
	else if (n == 0 && ui_figures_of_subtree(ui, ui_db(ui),
	    ui_node(ui)->id, figures_add, f, &cause) != 0)
		ui_error(ui, &cause);
	ui_error(ui, &w.cause);
	if (f->tv.nitems > 0)
		f->tv.sel = 0;
	return 1;
}

static void
figures_draw(struct mode *m, WINDOW *w, int focused)
{
	struct figures	*f = m->data;
	char		 where[32];

	tv_layout(&f->tv, mode_cols(m));
	f->tv.rows = mode_rows(m);
	snprintf(where, sizeof where, "%d/%zu", f->tv.sel + 1, f->tv.nitems);
	mode_frame(m, w, focused, f->tv.nitems > 0 ? where : NULL);
	if (f->tv.nitems == 0) {
		wattrset(w, theme_attr(THEME_DIM));
		wmove(w, 1, 1);
		ui_addfit(w, "No figures in this section.", mode_cols(m));
		return;
	}
	tv_draw(&f->tv, w, 1, 1, mode_rows(m), mode_cols(m), focused);
}

/* The figure's place against what the report compares it with. */
static void
figures_compare(struct mode *m, struct figures *f)
{
	struct mode_args	 args = { 2, NULL, NULL };
	char			*argv[2];

	argv[0] = f->place[f->tv.sel];
	argv[1] = f->other[f->tv.sel];
	if (argv[1] == NULL) {
		ui_message(m->ui, 0, "The report compares this figure with "
		    "nothing: c on another, or 1 then c");
		return;
	}
	if (strcmp(argv[0], argv[1]) == 0)
		args.argc = 1;
	args.argv = argv;
	ui_open(m->ui, "compare", &args);
}

static int
figures_key(struct mode *m, const struct mode_key *k)
{
	struct figures	*f = m->data;

	if (k->action == ACT_OPEN && f->tv.sel >= 0) {
		ui_select(m->ui, f->tv.items[f->tv.sel].node, UI_JUMP);
		return MODE_HANDLED | MODE_REDRAW;
	}
	if (k->action == ACT_COMPARE && f->tv.sel >= 0) {
		figures_compare(m, f);
		return MODE_HANDLED | MODE_REDRAW;
	}
	return tv_key(&f->tv, k->action);
}

static int
figures_click(struct mode *m, int y, int x)
{
	struct figures	*f = m->data;
	int		 item;

	(void)x;
	if ((item = tv_item_at(&f->tv, y - 1)) < 0)
		return 0;
	f->tv.sel = item;
	return MODE_HANDLED | MODE_REDRAW;
}

static void
figures_cursor(struct mode *m, int *y, int *x)
{
	struct figures	*f = m->data;

	*y = 1 + tv_sel_row(&f->tv);
	*x = 1;
}

static int
figures_empty(struct mode *m)
{
	struct figures	*f = m->data;

	return f->tv.nitems == 0;
}

static void
figures_where(struct mode *m, char *buf, size_t len)
{
	struct figures	*f = m->data;

	snprintf(buf, len, "figure %d of %zu", f->tv.sel + 1, f->tv.nitems);
}

static void
figures_free(struct mode *m)
{
	struct figures	*f = m->data;

	if (f == NULL)
		return;
	figures_clear(f);
	tv_free(&f->tv);
	free(f);
}

const struct mode_ops pane_figures_ops = {
	.open = figures_open,
	.notify = figures_notify,
	.draw = figures_draw,
	.key = figures_key,
	.click = figures_click,
	.cursor = figures_cursor,
	.empty = figures_empty,
	.where = figures_where,
	.free = figures_free,
};
