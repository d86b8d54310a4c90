/*
 * pane_reader.c: the selected node with everything under it, to read.
 *
 * A breadcrumb and the node's title, then its text and its children's,
 * wrapped by display width: headings set apart, key messages emphasised,
 * lists as lists, the figures the text cites and the words of the current
 * search highlighted.  The document comes from render/doc.c, as printed
 * output does, so the screen and paper say the same.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/find.h"
#include "core/model.h"
#include "core/places.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "ui/pane.h"
#include "ui/textview.h"
#include "ui/ui.h"
#include "ui/ui_internal.h"

struct match {
	size_t	 item, off;
};

struct reader {
	struct textview	 tv;
	char		*crumb;		/* cleaned */
	char		**figs;		/* texts of the figures cited */
	size_t		 nfigs;
	struct match	*matches;
	size_t		 nmatches;
};

static void
reader_init(struct pane *p, struct ui *ui)
{
	struct reader	*r;

	(void)ui;
	r = xcalloc(1, sizeof *r);
	tv_init(&r->tv);
	p->data = r;
}

static void
reader_reset(struct reader *r)
{
	size_t	 i;

	tv_clear(&r->tv);
	free(r->crumb);
	r->crumb = NULL;
	for (i = 0; i < r->nfigs; i++)
		free(r->figs[i]);
	free(r->figs);
	r->figs = NULL;
	r->nfigs = 0;
	free(r->matches);
	r->matches = NULL;
	r->nmatches = 0;
}

static int
reader_fig(const struct figure *f, void *arg)
{
	struct reader	*r = arg;

	r->figs = xreallocarray(r->figs, r->nfigs + 1, sizeof *r->figs);
	r->figs[r->nfigs++] = utf8_clean(f->text, strlen(f->text), 0);
	return 0;
}

/* Highlight the figures an item's text cites, and the search's words. */
static void
reader_spans(struct reader *r, struct ui *ui, size_t idx)
{
	struct tv_item		*it = &r->tv.items[idx];
	struct find_span	*sp;
	const char		*at;
	size_t			 i, n, flen;

	for (i = 0; i < r->nfigs; i++) {
		flen = strlen(r->figs[i]);
		for (at = it->text; flen > 0 &&
		    (at = strstr(at, r->figs[i])) != NULL; at += flen)
			tv_span(it, (size_t)(at - it->text), flen,
			    THEME_FIGURE);
	}
	if (ui->search.query == NULL)
		return;
	n = find_spans(ui->search.query, FIND_PREFIX, it->text,
	    strlen(it->text), &sp);
	for (i = 0; i < n; i++) {
		tv_span(it, sp[i].off, sp[i].len, THEME_MATCH);
		r->matches = xreallocarray(r->matches, r->nmatches + 1,
		    sizeof *r->matches);
		r->matches[r->nmatches].item = idx;
		r->matches[r->nmatches++].off = sp[i].off;
	}
	free(sp);
}

static void
reader_el(struct reader *r, struct ui *ui, const struct doc_el *el,
    const struct doc_el *prev)
{
	int		 key = strcmp(el->nodekind, "key-messages") == 0;
	int		 list = prev != NULL && (prev->kind == DOC_ITEM ||
			    prev->kind == DOC_SUBITEM);
	const char	*bullet = ui->utf8 ? "• " : "- ";
	const char	*sub = ui->utf8 ? "    ◦ " : "    - ";
	struct strbuf	 sb = STRBUF_INIT;

	switch (el->kind) {
	case DOC_HEADING:
		if (el->level == 1)
			return;		/* the title is above the text */
		tv_add(&r->tv, el->text, strlen(el->text), key ?
		    THEME_KEYMSG : THEME_SUBHEADING, NULL, 0, 1);
		return;
	case DOC_SOURCE:
		tv_add(&r->tv, el->text, strlen(el->text), THEME_DIM, NULL, 0,
		    1);
		return;
	case DOC_PARA:
		tv_add(&r->tv, el->text, strlen(el->text), key ? THEME_KEYMSG :
		    THEME_NORMAL, key ? (ui->utf8 ? "┃ " : "| ") : NULL,
		    key ? 2 : 0, 1);
		break;
	case DOC_ITEM:
		tv_add(&r->tv, el->text, strlen(el->text), THEME_NORMAL, bullet,
		    2, !list);
		break;
	case DOC_SUBITEM:
		tv_add(&r->tv, el->text, strlen(el->text), THEME_NORMAL, sub, 6,
		    0);
		break;
	case DOC_FIGURE:
		strbuf_addf(&sb, "%s: %s", el->text, el->value);
		if (*el->period != '\0')
			strbuf_addf(&sb, " (%s)", el->period);
		if (el->comparator != NULL)
			strbuf_addf(&sb, "; compared with %s", el->comparator);
		tv_add(&r->tv, sb.buf, sb.len, THEME_FIGURE, bullet, 2,
		    prev == NULL || prev->kind != DOC_FIGURE);
		strbuf_free(&sb);
		return;
	}
	reader_spans(r, ui, r->tv.nitems - 1);
}

static void
reader_follow(struct pane *p, struct ui *ui)
{
	struct reader	*r = p->data;
	struct doc	*doc;
	char		*cause = NULL;
	size_t		 i;

	reader_reset(r);
	if (ui->node.id == 0)
		return;
	r->crumb = ui_breadcrumb(ui, ui->node.id);
	figures_of_subtree(ui->db, ui->node.id, reader_fig, r, &cause);
	doc = doc_new(ui->db);
	if (doc_add_node(doc, ui->db, ui->node.id, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	for (i = 0; i < doc->n; i++)
		reader_el(r, ui, &doc->els[i], i > 0 ? &doc->els[i - 1] : NULL);
	doc_free(doc);
	free(cause);
	ui->search.nmatches = (int)r->nmatches;
	tv_layout(&r->tv, pane_cols(p));
	r->tv.rows = pane_rows(p) - 2;
}

/* Scroll to match k of the node, as n and N walk them. */
void
pane_reader_show_match(struct pane *p, int k)
{
	struct reader	*r = p->data;

	if (k < 0 || (size_t)k >= r->nmatches)
		return;
	tv_layout(&r->tv, pane_cols(p));
	r->tv.rows = pane_rows(p) - 2;
	tv_show(&r->tv, r->matches[k].item, r->matches[k].off);
}

static void
reader_draw(struct pane *p, struct ui *ui, int focused)
{
	struct reader	*r = p->data;
	char		 where[16];
	char		*title;
	int		 rows = pane_rows(p), cols = pane_cols(p);

	werase(p->win);
	tv_layout(&r->tv, cols);
	r->tv.rows = rows - 2;
	tv_where(&r->tv, where, sizeof where);
	pane_frame(p, focused, where);
	if (rows < 3 || ui->node.id == 0)
		return;
	wattr_set(p->win, theme_attr(THEME_CRUMB), 0, NULL);
	wmove(p->win, 1, 1);
	ui_addfit(p->win, r->crumb != NULL ? r->crumb : "", cols);
	title = utf8_clean(*ui->node.heading != '\0' ? ui->node.heading :
	    ui->node.title, strlen(*ui->node.heading != '\0' ?
	    ui->node.heading : ui->node.title), 0);
	wattr_set(p->win, theme_attr(THEME_HEADING), 0, NULL);
	wmove(p->win, 2, 1);
	ui_addfit(p->win, title, cols);
	free(title);
	tv_draw(&r->tv, p->win, 3, 1, rows - 2, cols, focused);
}

static int
reader_key(struct pane *p, struct ui *ui, enum action a)
{
	struct reader	*r = p->data;

	(void)ui;
	return tv_key(&r->tv, a);
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

	tv_where(&r->tv, w, sizeof w);
	snprintf(buf, len, "line %d of %zu (%s)", r->tv.top + 1,
	    r->tv.nlines, w);
}

static void
reader_free(struct pane *p)
{
	struct reader	*r = p->data;

	if (r == NULL)
		return;
	reader_reset(r);
	tv_free(&r->tv);
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
