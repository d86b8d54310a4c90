/*
 * pane_reader.c: the selected node with everything under it, to read.
 *
 * A breadcrumb and the node's title, then the text (docview.c): wrapped
 * by display width, with the figures and the search's words highlighted.
 * It tells the search how many matches the node has, and scrolls to the
 * one the search asks for (NOTE_MATCH).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/model.h"
#include "core/xmalloc.h"
#include "ui/docview.h"
#include "ui/mode.h"
#include "ui/search.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

struct reader {
	struct docview	 dv;
	char		*crumb;		/* cleaned */
};

static int
reader_open(struct mode *m, const struct mode_args *args, char **cause)
{
	struct reader	*r;

	(void)args;
	(void)cause;
	r = xcalloc(1, sizeof *r);
	docview_init(&r->dv);
	m->data = r;
	return 0;
}

/* Read the node shown again: a new node, or a new search. */
static void
reader_load(struct mode *m)
{
	struct reader		*r = m->data;
	struct ui		*ui = m->ui;
	const struct node	*n = ui_node(ui);
	char			*cause = NULL;

	free(r->crumb);
	r->crumb = NULL;
	if (n->id == 0)
		return;
	r->crumb = ui_breadcrumb(ui, n->id);
	if (docview_load(&r->dv, ui, n->id, &cause) != 0)
		ui_error(ui, &cause);
	search_set_nmatches(ui_search(ui), (int)r->dv.nmatches);
	tv_layout(&r->dv.tv, mode_cols(m));
	r->dv.tv.rows = mode_rows(m) - 1 - ui_title_lines(n, mode_cols(m),
	    mode_rows(m) >= 12 ? 3 : 1);
}

static int
reader_notify(struct mode *m, unsigned notes)
{
	struct reader	*r = m->data;

	if (notes & (NOTE_SELECT | NOTE_SEARCH))
		reader_load(m);
	if (notes & NOTE_MATCH)
		docview_show_match(&r->dv, search_match(ui_search(m->ui)),
		    mode_rows(m) - 2, mode_cols(m));
	return (notes & (NOTE_SELECT | NOTE_SEARCH | NOTE_MATCH)) != 0;
}

static void
reader_draw(struct mode *m, WINDOW *w, int focused)
{
	struct reader		*r = m->data;
	const struct node	*n = ui_node(m->ui);
	char			 where[16];
	int			 rows = mode_rows(m), cols = mode_cols(m), th;

	/* The heading wraps, up to three lines where the pane is tall. */
	th = n->id == 0 ? 2 : 1 + ui_title_lines(n, cols, rows >= 12 ? 3 :
	    1);
	tv_layout(&r->dv.tv, cols);
	r->dv.tv.rows = rows - th;
	tv_where(&r->dv.tv, where, sizeof where);
	mode_frame(m, w, focused, where);
	if (rows < th + 1 || n->id == 0)
		return;
	ui_draw_title(w, 1, 1, cols, r->crumb, n, th - 1);
	tv_draw(&r->dv.tv, w, 1 + th, 1, rows - th, cols, focused);
}

static int
reader_key(struct mode *m, const struct mode_key *k)
{
	struct reader	*r = m->data;

	return tv_key(&r->dv.tv, k->action);
}

static void
reader_cursor(struct mode *m, int *y, int *x)
{
	(void)m;
	*y = 2;
	*x = 1;
}

static void
reader_where(struct mode *m, char *buf, size_t len)
{
	struct reader	*r = m->data;
	char		 w[16];

	tv_where(&r->dv.tv, w, sizeof w);
	snprintf(buf, len, "line %d of %zu (%s)", r->dv.tv.top + 1,
	    tv_nlines(&r->dv.tv), w);
}

static void
reader_free(struct mode *m)
{
	struct reader	*r = m->data;

	if (r == NULL)
		return;
	docview_free(&r->dv);
	free(r->crumb);
	free(r);
}

const struct mode_ops pane_reader_ops = {
	.open = reader_open,
	.notify = reader_notify,
	.draw = reader_draw,
	.key = reader_key,
	.cursor = reader_cursor,
	.where = reader_where,
	.free = reader_free,
};
