/*
 * pane_reader.c: the selected node with everything under it, to read.
 *
 * A breadcrumb and the node's title, then the text (docview.c): wrapped
 * by display width, with the figures and the search's words highlighted.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/utf8.h"
#include "core/xmalloc.h"
#include "ui/docview.h"
#include "ui/pane.h"
#include "ui/ui.h"
#include "ui/ui_internal.h"

struct reader {
	struct docview	 dv;
	char		*crumb;		/* cleaned */
};

static void
reader_init(struct pane *p, struct ui *ui)
{
	struct reader	*r;

	(void)ui;
	r = xcalloc(1, sizeof *r);
	docview_init(&r->dv);
	p->data = r;
}

static void
reader_follow(struct pane *p, struct ui *ui)
{
	struct reader	*r = p->data;
	char		*cause = NULL;

	free(r->crumb);
	r->crumb = NULL;
	if (ui->node.id == 0)
		return;
	r->crumb = ui_breadcrumb(ui, ui->node.id);
	if (docview_load(&r->dv, ui, ui->node.id, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	ui->search.nmatches = (int)r->dv.nmatches;
	tv_layout(&r->dv.tv, pane_cols(p));
	r->dv.tv.rows = pane_rows(p) - 2;
}

void
pane_reader_show_match(struct pane *p, int k)
{
	struct reader	*r = p->data;

	docview_show_match(&r->dv, k, pane_rows(p) - 2, pane_cols(p));
}

/* The crumb and the title, on the two lines above the text. */
void
ui_draw_title(WINDOW *w, int y, int x, int cols, const char *crumb,
    const struct node *n)
{
	const char	*t = *n->heading != '\0' ? n->heading : n->title;
	char		*title;

	wattrset(w, theme_attr(THEME_CRUMB));
	wmove(w, y, x);
	ui_addfit(w, crumb != NULL ? crumb : "", cols);
	title = utf8_clean(t, strlen(t), 0);
	wattrset(w, theme_attr(THEME_HEADING));
	wmove(w, y + 1, x);
	ui_addfit(w, title, cols);
	free(title);
}

static void
reader_draw(struct pane *p, struct ui *ui, int focused)
{
	struct reader	*r = p->data;
	char		 where[16];
	int		 rows = pane_rows(p), cols = pane_cols(p);

	werase(p->win);
	tv_layout(&r->dv.tv, cols);
	r->dv.tv.rows = rows - 2;
	tv_where(&r->dv.tv, where, sizeof where);
	pane_frame(p, focused, where);
	if (rows < 3 || ui->node.id == 0)
		return;
	ui_draw_title(p->win, 1, 1, cols, r->crumb, &ui->node);
	tv_draw(&r->dv.tv, p->win, 3, 1, rows - 2, cols, focused);
}

static int
reader_key(struct pane *p, struct ui *ui, enum action a)
{
	struct reader	*r = p->data;

	(void)ui;
	return tv_key(&r->dv.tv, a);
}

static void
reader_cursor(struct pane *p, int *y, int *x)
{
	(void)p;
	*y = 2;
	*x = 1;
}

static void
reader_where(struct pane *p, char *buf, size_t len)
{
	struct reader	*r = p->data;
	char		 w[16];

	tv_where(&r->dv.tv, w, sizeof w);
	snprintf(buf, len, "line %d of %zu (%s)", r->dv.tv.top + 1,
	    r->dv.tv.nlines, w);
}

static void
reader_free(struct pane *p)
{
	struct reader	*r = p->data;

	if (r == NULL)
		return;
	docview_free(&r->dv);
	free(r->crumb);
	free(r);
}

const struct pane_ops pane_reader_ops = {
	.title = "Reading",
	.init = reader_init,
	.follow = reader_follow,
	.draw = reader_draw,
	.key = reader_key,
	.cursor = reader_cursor,
	.where = reader_where,
	.free = reader_free,
};
