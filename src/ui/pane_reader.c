/*
 * pane_reader.c: the selected node with everything under it, to read.
 *
 * A breadcrumb and the node's title, then the text (docview.c): wrapped
 * by display width, with the figures and the search's words highlighted.
 * It tells the search how many matches the node has, and scrolls to the
 * one the search asks for (NOTE_MATCH).  `*` searches the first word of
 * the line at the top of the pane (the pane has no cursor: its top line
 * is where the reader is), everywhere, and goes to its next match after
 * that line, as `*` does in vi and less; n and N go on from there.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include <curses.h>

#include "core/find.h"
#include "core/model.h"
#include "core/xmalloc.h"
#include "ui/docview.h"
#include "ui/mode.h"
#include "ui/search.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

/* The nodes that hold a word, the one shown first. */
struct search_ids {
	int64_t		*v;
	size_t		 n;
};

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
	int			 rows;

	free(r->crumb);
	r->crumb = NULL;
	if (n->id == 0)
		return;
	r->crumb = ui_breadcrumb(ui, n->id);
	rows = mode_rows(m) - 1 - ui_title_lines(n, mode_cols(m),
	    mode_rows(m) >= 12 ? 3 : 1);
	if (docview_load(&r->dv, ui, n->id, rows, &cause) != 0)
		ui_error(ui, &cause);
	search_set_nmatches(ui_search(ui), (int)r->dv.nmatches);
	tv_layout(&r->dv.tv, mode_cols(m));
	r->dv.tv.rows = rows;
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

/* The length of the word at s[0..len): letters and digits, inner ’ or '. */
static size_t
reader_word_len(const char *s, size_t len)
{
	mbstate_t	 ps;
	wchar_t		 wc, next;
	size_t		 i = 0, n, n2;

	memset(&ps, 0, sizeof ps);
	while (i < len && (n = mbrtowc(&wc, s + i, len - i, &ps)) > 0 &&
	    n <= len - i) {
		if (!iswalnum((wint_t)wc)) {
			/* An apostrophe inside a word (King’s) is of it. */
			if ((wc != L'\'' && wc != 0x2019) || i == 0 ||
			    (n2 = mbrtowc(&next, s + i + n, len - i - n, &ps)) ==
			    0 || n2 > len - i - n || !iswalnum((wint_t)next))
				break;
		}
		i += n;
	}
	return i;
}

/*
 * The first word of the first line from the top of the view that holds
 * one: a new string, and where it is (*item, *off); NULL if none.
 */
static char *
reader_top_word(const struct textview *tv, size_t *item, size_t *off)
{
	const struct tv_line	*l;
	const char		*t;
	size_t			 i, j, n;

	for (i = (size_t)(tv->top > 0 ? tv->top : 0); i < tv->nlines; i++) {
		l = &tv->lines[i];
		t = tv->items[l->item].text + l->off;
		for (j = 0; !l->blank && j < l->len; j++) {
			if ((n = reader_word_len(t + j, l->len - j)) == 0)
				continue;
			*item = l->item;
			*off = l->off + j;
			return xstrndup(t + j, n);
		}
	}
	return NULL;
}

static int
reader_hit(const struct find_hit *h, void *arg)
{
	struct search_ids	*ids = arg;

	ids->v = xreallocarray(ids->v, ids->n + 1, sizeof *ids->v);
	ids->v[ids->n++] = h->id;
	return 0;
}

/* *: search the top line's first word; its next match after there. */
static void
reader_search_word(struct mode *m, struct reader *r)
{
	struct ui		*ui = m->ui;
	struct search_ids	 ids = { NULL, 0 };
	char			*word, *cause = NULL;
	size_t			 item, off, i, k;

	if ((word = reader_top_word(&r->dv.tv, &item, &off)) == NULL) {
		ui_message(ui, 0, "No word at the top of the pane to search for");
		return;
	}
	/* The section shown first: its matches come before the others'. */
	reader_hit(&(struct find_hit){ .id = ui_node(ui)->id }, &ids);
	/* Only the sections' ids are kept: no snippet is made. */
	if (find_search(ui_db(ui), word, FIND_BOUNDED | FIND_NO_SNIPPET, 0, 0,
	    reader_hit, &ids, &cause) < 0)
		ui_error(ui, &cause);
	for (i = k = 1; i < ids.n; i++)
		if (ids.v[i] != ids.v[0])
			ids.v[k++] = ids.v[i];
	search_set(ui, word, ids.v, (int)k, 0);
	ui_notify(ui, NOTE_SEARCH);
	/* The next match after the word itself, at the top. */
	for (k = 0; k < r->dv.nmatches; k++)
		if (r->dv.matches[k].item > item || (r->dv.matches[k].item ==
		    item && r->dv.matches[k].off > off))
			break;
	if (k < r->dv.nmatches) {
		search_set_match(ui_search(ui), (int)k);
		ui_notify(ui, NOTE_MATCH);
	} else {
		/* None after it here: the next section that has the word. */
		search_set_match(ui_search(ui), (int)r->dv.nmatches - 1);
		search_step(ui, 1);
	}
	free(word);
	free(ids.v);
}

static int
reader_key(struct mode *m, const struct mode_key *k)
{
	struct reader	*r = m->data;

	if (k->action == ACT_SEARCH_WORD) {
		reader_search_word(m, r);
		return MODE_HANDLED | MODE_REDRAW;
	}
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
