/*
 * docview.c: a node and everything under it as a text view, to read.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/bars.h"
#include "core/find.h"
#include "core/places.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "ui/docview.h"
#include "ui/search.h"
#include "ui/ui.h"

void
docview_init(struct docview *dv)
{
	memset(dv, 0, sizeof *dv);
	tv_init(&dv->tv);
}

static void
docview_reset(struct docview *dv)
{
	size_t	 i;

	tv_clear(&dv->tv);
	for (i = 0; i < dv->nfigs; i++)
		free(dv->figs[i]);
	free(dv->figs);
	dv->figs = NULL;
	dv->nfigs = 0;
	free(dv->matches);
	dv->matches = NULL;
	dv->nmatches = 0;
	if (dv->doc != NULL)
		doc_free(dv->doc);
	dv->doc = NULL;
	dv->done = dv->next = 0;
}

void
docview_free(struct docview *dv)
{
	docview_reset(dv);
	tv_free(&dv->tv);
}

static int
docview_fig(const struct figure *f, void *arg)
{
	struct docview	*dv = arg;

	dv->figs = xreallocarray(dv->figs, dv->nfigs + 1, sizeof *dv->figs);
	dv->figs[dv->nfigs++] = utf8_clean(f->text, strlen(f->text), 0);
	return 0;
}

/* Highlight the figures an item's text cites, and the search's words. */
static void
docview_spans(struct docview *dv, struct ui *ui, size_t idx)
{
	struct tv_item		*it = &dv->tv.items[idx];
	struct find_span	*sp;
	const char		*at, *query;
	size_t			 i, n, flen;

	for (i = 0; i < dv->nfigs; i++) {
		flen = strlen(dv->figs[i]);
		for (at = it->text; flen > 0 &&
		    (at = strstr(at, dv->figs[i])) != NULL; at += flen)
			tv_span(it, (size_t)(at - it->text), flen,
			    THEME_FIGURE);
	}
	if ((query = search_query(ui_search(ui))) == NULL)
		return;
	n = find_spans(query, FIND_PREFIX, it->text,
	    strlen(it->text), &sp);
	for (i = 0; i < n; i++) {
		tv_span(it, sp[i].off, sp[i].len, THEME_MATCH);
		dv->matches = xreallocarray(dv->matches, dv->nmatches + 1,
		    sizeof *dv->matches);
		dv->matches[dv->nmatches].item = idx;
		dv->matches[dv->nmatches++].off = sp[i].off;
	}
	free(sp);
}

/* A mini-bar for a figure, scaled with its comparator's value. */
static void
docview_bar(struct strbuf *sb, const struct doc_el *el, double v, int ascii)
{
	double	 max = el->fvalue > el->fcmp ? el->fvalue : el->fcmp;
	char	*bar;

	if (!el->fbarred || !(max > 0))
		return;
	bar = bar_make(v, max, 8, ascii);
	strbuf_addf(sb, " %s", bar);
	free(bar);
}

static void
docview_figure(struct docview *dv, const struct doc_el *el,
    const struct doc_el *prev, const char *bullet, int ascii)
{
	struct strbuf	 sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s: %s", el->text, el->value);
	docview_bar(&sb, el, el->fvalue, ascii);
	if (*el->period != '\0')
		strbuf_addf(&sb, " (%s)", el->period);
	if (el->comparator != NULL) {
		strbuf_addf(&sb, "; compared with %s", el->comparator);
		docview_bar(&sb, el, el->fcmp, ascii);
	}
	tv_add(&dv->tv, sb.buf, sb.len, THEME_FIGURE, bullet, 2,
	    prev == NULL || prev->kind != DOC_FIGURE);
	strbuf_free(&sb);
}

static void
docview_el(struct docview *dv, struct ui *ui, const struct doc_el *el,
    const struct doc_el *prev)
{
	int		 key = strcmp(el->nodekind, "key-messages") == 0;
	int		 list = prev != NULL && (prev->kind == DOC_ITEM ||
			    prev->kind == DOC_SUBITEM);
	const char	*bullet = ui_utf8(ui) ? "• " : "- ";
	const char	*sub = ui_utf8(ui) ? "    ◦ " : "    - ";
	const char	*bar = ui_utf8(ui) ? "┃ " : "| ";

	switch (el->kind) {
	case DOC_HEADING:
		if (el->level == 1)
			return;		/* the title is drawn above the text */
		tv_add(&dv->tv, el->text, strlen(el->text), key ?
		    THEME_KEYMSG : THEME_SUBHEADING, NULL, 0, 1);
		return;
	case DOC_SOURCE:
		tv_add(&dv->tv, el->text, strlen(el->text), THEME_DIM, NULL, 0,
		    1);
		return;
	case DOC_PARA:
		tv_add(&dv->tv, el->text, strlen(el->text), key ?
		    THEME_KEYMSG : THEME_NORMAL, key ? bar : NULL, key ? 2 : 0,
		    1);
		break;
	case DOC_ITEM:
		tv_add(&dv->tv, el->text, strlen(el->text), THEME_NORMAL,
		    bullet, 2, !list);
		break;
	case DOC_SUBITEM:
		tv_add(&dv->tv, el->text, strlen(el->text), THEME_NORMAL, sub,
		    6, 0);
		break;
	case DOC_FIGURE:
		docview_figure(dv, el, prev, bullet, !ui_utf8(ui));
		return;
	}
	docview_spans(dv, ui, dv->tv.nitems - 1);
}

/* The elements read since the last call, as items. */
static void
docview_items(struct docview *dv)
{
	struct doc	*doc = dv->doc;

	for (; dv->done < doc->n; dv->done++)
		docview_el(dv, dv->ui, &doc->els[dv->done], dv->done > 0 ?
		    &doc->els[dv->done - 1] : NULL);
}

/*
 * The elements read first, for a view of rows lines: one more than fill
 * them (the position shown needs to know whether there is more), or,
 * with rows unknown, two screens of text or more.
 */
#define DOCVIEW_CHUNK	64
#define DOCVIEW_FIRST(rows)	((rows) > 0 ? (size_t)(rows) + 2 : DOCVIEW_CHUNK)

/*
 * The textview wants more than the first part: all the rest, at once.
 * Each part walks the subtree again to where the last ended, so parts as
 * they are scrolled to would walk a wide subtree (100,000 sections side
 * by side) once a screenful: this walks it twice in all, the most.
 */
static int
docview_more(void *arg)
{
	struct docview	*dv = arg;
	size_t		 items = dv->tv.nitems;
	char		*cause = NULL;

	if (dv->next != 0 && doc_add_part(dv->doc, dv->db, dv->id,
	    dv->next, 0, &dv->next, &cause) != 0)
		ui_error(dv->ui, &cause);
	dv->next = 0;
	docview_items(dv);
	return dv->tv.nitems > items;
}

int
docview_load(struct docview *dv, struct ui *ui, int64_t id, int rows,
    char **cause)
{
	return docview_load_db(dv, ui, ui_db(ui), id, rows, cause);
}

int
docview_load_db(struct docview *dv, struct ui *ui, struct db *db, int64_t id,
    int rows, char **cause)
{
	int	 rc;

	docview_reset(dv);
	dv->ui = ui;
	dv->db = db;
	dv->id = id;
	if (ui_figures_of_subtree(ui, db, id, docview_fig, dv, cause) != 0)
		return -1;
	dv->doc = doc_new(db);
	/* A search counts its matches in all of it. */
	rc = doc_add_part(dv->doc, db, id, 0, search_query(ui_search(ui)) !=
	    NULL ? 0 : DOCVIEW_FIRST(rows), &dv->next, cause);
	docview_items(dv);
	if (rc != 0)
		dv->next = 0;
	if (dv->next != 0) {
		dv->tv.more = docview_more;
		dv->tv.more_arg = dv;
	}
	return rc;
}

void
docview_show_match(struct docview *dv, int k, int rows, int cols)
{
	if (k < 0 || (size_t)k >= dv->nmatches)
		return;
	tv_layout(&dv->tv, cols);
	dv->tv.rows = rows;
	tv_show(&dv->tv, dv->matches[k].item, dv->matches[k].off);
}
