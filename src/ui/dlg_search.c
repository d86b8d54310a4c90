/*
 * dlg_search.c: search as you type, and walking the matches after.
 *
 * Each key runs the search again (FTS5 through find.c, the last word as a
 * prefix) and redraws the results with their snippets, the matched words
 * highlighted; on a big dataset the key is echoed before the search runs.
 * Enter opens the chosen result with every match in the
 * reading pane highlighted and the first scrolled into view; n and N then
 * walk the matches, node after node.  Esc leaves things as they were.
 */
#include "config.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "core/db.h"
#include "core/find.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "ui/pane.h"
#include "ui/ui.h"
#include "ui/ui_internal.h"

/* Results kept for one query: more than anyone reads in a list. */
#define SEARCH_LIMIT	200
/* Once a search takes this long (ms), keys are echoed before searching. */
#define SEARCH_SLOW_MS	3

/* A search in this run of the program has been slow: the dataset is big. */
static int	 search_slow_seen;

struct hit {
	int64_t	 id;
	char	*title;
	char	*path;
	char	*snippet;	/* raw, with the match marks */
};

struct search_dlg {
	struct strbuf	 query;
	int		 scope_all;
	int64_t		 within;
	char		*within_title;
	struct hit	*hits;
	int		 nhits, sel, top;
	char		*error;
	int		 stale;		/* stopped by a newer key: run again */
	int		 pending;	/* the query changed, not yet searched */
	int		 searched;	/* a search has run in this dialog */
	int		 ranked;	/* the hits are best first */
};

/* A key waiting: the search in hand is stale, stop it. */
static int
search_key_waiting(void *arg)
{
	struct pollfd	 pf;

	(void)arg;
	pf.fd = STDIN_FILENO;
	pf.events = POLLIN;
	return poll(&pf, 1, 0) > 0;
}

static void
search_clear_hits(struct search_dlg *d)
{
	int	 i;

	for (i = 0; i < d->nhits; i++) {
		free(d->hits[i].title);
		free(d->hits[i].path);
		free(d->hits[i].snippet);
	}
	free(d->hits);
	d->hits = NULL;
	d->nhits = d->sel = d->top = 0;
	free(d->error);
	d->error = NULL;
}

static int
search_hit(const struct find_hit *h, void *arg)
{
	struct search_dlg	*d = arg;
	struct hit		*x;

	d->hits = xreallocarray(d->hits, (size_t)d->nhits + 1, sizeof *x);
	x = &d->hits[d->nhits++];
	x->id = h->id;
	x->title = utf8_clean(h->title, strlen(h->title), 0);
	x->path = utf8_clean(h->path, strlen(h->path), 0);
	x->snippet = xstrdup(h->snippet);
	d->ranked = h->ranked;
	return 0;
}

/* Search; a key that comes meanwhile stops it if interruptible. */
static void
search_run(struct search_dlg *d, struct ui *ui, int interruptible)
{
	struct timespec	 t0, t1;
	int		 n;

	search_clear_hits(d);
	d->stale = 0;
	d->ranked = 1;
	if (d->query.len == 0)
		return;
	if (interruptible)
		db_set_check(ui->db, search_key_waiting, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	n = find_search(ui->db, strbuf_str(&d->query),
	    FIND_PREFIX | FIND_BOUNDED, d->scope_all ? 0 : d->within,
	    SEARCH_LIMIT, search_hit, d, &d->error);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if ((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) /
	    1000000 >= SEARCH_SLOW_MS)
		search_slow_seen = 1;
	d->searched = 1;
	if (n < 0 && db_interrupted(ui->db)) {
		/* Another key came: it runs the search again. */
		d->stale = 1;
		free(d->error);
		d->error = NULL;
	}
	db_set_check(ui->db, NULL, NULL);
	if (n < 0)
		search_clear_hits(d);
}

/* The box: near the top, as wide as is useful. */
static void
search_window(struct overlay *o)
{
	int	 h, w;

	h = LINES - 3 < 24 ? LINES - 3 : 24;
	w = COLS - 4 < 110 ? COLS - 4 : 110;
	if (h < 5)
		h = LINES - 1;
	if (w < 20)
		w = COLS;
	if (o->win != NULL && getmaxy(o->win) == h && getmaxx(o->win) == w)
		return;
	if (o->win != NULL)
		delwin(o->win);
	o->win = newwin(h, w, LINES > h + 2 ? 1 : 0, (COLS - w) / 2);
	keypad(o->win, TRUE);
}

static void
search_draw_hits(struct search_dlg *d, WINDOW *w, int rows, int cols)
{
	int	 i, y, attr;

	if (d->sel < d->top)
		d->top = d->sel;
	if (rows >= 2 && d->sel >= d->top + rows / 2)
		d->top = d->sel - rows / 2 + 1;
	for (i = d->top, y = 3; i < d->nhits && y + 1 < 3 + rows; i++) {
		attr = theme_attr(i == d->sel ? THEME_SELECTED : THEME_HEADING);
		wattrset(w, attr);
		mvwaddstr(w, y, 1, i == d->sel ? ">" : " ");
		ui_addfit(w, d->hits[i].title, cols - 1);
		wattrset(w, theme_attr(THEME_DIM));
		waddstr(w, "  ");
		ui_addfit(w, d->hits[i].path, cols - 3 - getcurx(w));
		wmove(w, y + 1, 3);
		ui_addmarked(w, d->hits[i].snippet, cols - 3,
		    theme_attr(THEME_NORMAL));
		y += 2;
	}
}

static void
search_paint(struct overlay *o)
{
	struct search_dlg	*d = o->data;
	char			 line[160], *q;
	int			 cols, rows, x;

	search_window(o);
	cols = getmaxx(o->win) - 2;
	rows = getmaxy(o->win) - 4;
	werase(o->win);
	wattrset(o->win, theme_attr(THEME_TITLE_FOCUS));
	box(o->win, 0, 0);
	mvwaddstr(o->win, 0, 2, "[Search]");
	wattrset(o->win, theme_attr(THEME_SUBHEADING));
	wmove(o->win, 1, 1);
	snprintf(line, sizeof line, "%s: ", d->scope_all ? "Everything" :
	    "In this section");
	ui_addfit(o->win, line, cols);
	wattrset(o->win, theme_attr(THEME_NORMAL));
	q = utf8_clean(strbuf_str(&d->query), d->query.len, 0);
	ui_addfit(o->win, q, cols - getcurx(o->win) + 1);
	free(q);
	x = getcurx(o->win);
	wattrset(o->win, theme_attr(THEME_DIM));
	wmove(o->win, 2, 1);
	if (d->error != NULL)
		snprintf(line, sizeof line, "%s", d->error);
	else if (d->stale)
		snprintf(line, sizeof line, "searching…");
	else
		snprintf(line, sizeof line, "%d result%s%s  Tab: %s  Enter: "
		    "open  Esc: cancel", d->nhits, d->nhits == 1 ? "" : "s",
		    !d->ranked ? " (the first, in report order: type more "
		    "to rank them)" : d->nhits == SEARCH_LIMIT ? " (the best)" :
		    "",
		    d->scope_all ? "this section only" : "everything");
	ui_addfit(o->win, line, cols);
	search_draw_hits(d, o->win, rows, cols);
	wmove(o->win, 1, x);
	wnoutrefresh(o->win);
}

/*
 * Where searches are slow (a big dataset), the key is answered first: the
 * query as typed goes on the screen, over the last results, before the
 * search runs; where they are quick (no search in this run has taken
 * SEARCH_SLOW_MS), both come in one update.  A search is not started
 * while another key waits (that key changes the query again), and one
 * that a key interrupts runs again once the keys stop.
 */
static void
search_draw(struct overlay *o, struct ui *ui)
{
	struct search_dlg	*d = o->data;

	if ((d->pending || d->stale) && !search_key_waiting(NULL)) {
		/* The first key, or any once searches have been slow. */
		if (d->pending && (search_slow_seen || !d->searched)) {
			search_paint(o);
			doupdate();
		}
		d->pending = 0;
		search_run(d, ui, 1);
	}
	search_paint(o);
}

/* Drop the last character (or word) of the query. */
static void
search_erase(struct search_dlg *d, int word)
{
	char	*s = d->query.buf;
	size_t	 n = d->query.len;

	if (word)
		while (n > 0 && s[n - 1] == ' ')
			n--;
	do {
		while (n > 0 && (s[n - 1] & 0xc0) == 0x80)
			n--;
		if (n > 0)
			n--;
	} while (word && n > 0 && s[n - 1] != ' ');
	d->query.len = n;
	if (s != NULL)
		s[n] = '\0';
}

static int
search_open(struct search_dlg *d, struct ui *ui)
{
	int64_t	*ids;
	int	 i;

	/* Enter typed before the results came: the query as it stands. */
	if (d->pending || d->stale) {
		d->pending = 0;
		search_run(d, ui, 0);
	}
	if (d->nhits == 0) {
		ui_message(ui, 0, "No match for that");
		return 0;
	}
	ids = xreallocarray(NULL, (size_t)d->nhits, sizeof *ids);
	for (i = 0; i < d->nhits; i++)
		ids[i] = d->hits[i].id;
	ui_search_set(ui, strbuf_str(&d->query), ids, d->nhits, d->sel);
	free(ids);
	ui_select(ui, d->hits[d->sel].id, UI_JUMP);
	ui->focus = PANE_READER;
	pane_reader_show_match(ui->panes[PANE_READER], 0);
	return 1;
}

static int
search_key(struct overlay *o, struct ui *ui, int key, int is_char)
{
	struct search_dlg	*d = o->data;
	char			 enc[4];

	if (is_char && key == 27)
		return 1;
	if (is_char && (key == '\r' || key == '\n'))
		return search_open(d, ui);
	if (is_char && key == '\t') {
		d->scope_all = !d->scope_all;
	} else if (is_char && key == 0x15) {		/* Ctrl-U */
		strbuf_reset(&d->query);
	} else if (is_char && key == 0x17) {		/* Ctrl-W */
		search_erase(d, 1);
	} else if ((is_char && (key == 127 || key == 8)) ||
	    (!is_char && key == KEY_BACKSPACE)) {
		search_erase(d, 0);
	} else if (!is_char && (key == KEY_UP || key == KEY_DOWN)) {
		d->sel += key == KEY_UP ? -1 : 1;
		if (d->sel >= d->nhits)
			d->sel = d->nhits - 1;
		if (d->sel < 0)
			d->sel = 0;
		return 0;
	} else if (is_char && key >= 0x20 && key != 0x7f &&
	    utf8_classify((uint32_t)key) == UTF8_PRINT) {
		strbuf_add(&d->query, enc, utf8_encode((uint32_t)key, enc));
	} else
		return 0;
	d->pending = 1;
	return 0;
}

static void
search_free(struct overlay *o)
{
	struct search_dlg	*d = o->data;

	search_clear_hits(d);
	strbuf_free(&d->query);
	free(d->within_title);
	free(d);
	if (o->win != NULL)
		delwin(o->win);
	free(o);
}

static const struct overlay_ops search_ops = {
	.draw = search_draw,
	.key = search_key,
	.free = search_free,
};

struct overlay *
dlg_search_new(struct ui *ui)
{
	struct overlay		*o;
	struct search_dlg	*d;

	o = xcalloc(1, sizeof *o);
	d = xcalloc(1, sizeof *d);
	strbuf_init(&d->query);
	/* The focused pane sets the scope: the reader, its section. */
	d->scope_all = ui->focus != PANE_READER;
	d->within = ui->node.id;
	o->ops = &search_ops;
	o->data = d;
	return o;
}

void
ui_search_set(struct ui *ui, const char *query, int64_t *ids, int n,
    int chosen)
{
	struct search_state	*s = &ui->search;

	free(s->query);
	free(s->results);
	s->query = query != NULL ? xstrdup(query) : NULL;
	s->results = NULL;
	s->nresults = 0;
	if (n > 0) {
		s->results = xreallocarray(NULL, (size_t)n, sizeof *ids);
		memcpy(s->results, ids, (size_t)n * sizeof *ids);
		s->nresults = n;
	}
	s->result = chosen;
	s->match = 0;
	s->nmatches = 0;
	if (query == NULL && ui->panes[PANE_READER] != NULL)
		ui->panes[PANE_READER]->ops->follow(ui->panes[PANE_READER], ui);
}

/* Go to result r of the search; last: its last match, else its first. */
static void
search_goto(struct ui *ui, int r, int last)
{
	struct search_state	*s = &ui->search;

	s->result = r;
	ui_select(ui, s->results[r], UI_JUMP);
	s->result = r;
	s->match = last && s->nmatches > 0 ? s->nmatches - 1 : 0;
}

void
ui_search_step(struct ui *ui, int dir)
{
	struct search_state	*s = &ui->search;
	int			 r;

	if (s->query == NULL || s->nresults == 0) {
		ui_message(ui, 0, "No search yet: / searches");
		return;
	}
	if (s->result < 0 || s->results[s->result] != ui->node.id) {
		/* Elsewhere now: start again from the first result. */
		search_goto(ui, dir > 0 ? 0 : s->nresults - 1, dir < 0);
	} else if (s->match + dir >= 0 && s->match + dir < s->nmatches) {
		s->match += dir;
	} else {
		r = s->result + dir;
		if (r >= s->nresults || r < 0) {
			r = r < 0 ? s->nresults - 1 : 0;
			ui_message(ui, 0, "Search wrapped to the %s result",
			    r == 0 ? "first" : "last");
		}
		search_goto(ui, r, dir < 0);
	}
	pane_reader_show_match(ui->panes[PANE_READER], s->match);
}
