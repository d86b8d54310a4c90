/*
 * dlg_search.c: search as you type, and walking the matches after.
 *
 * Each key runs the search again (FTS5 through find.c, the last word as a
 * prefix) and redraws the results with their snippets, the matched words
 * highlighted, each snippet made as its result is first shown; on a big
 * dataset the key is echoed before the search runs.
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
#include "core/library_open.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/model.h"
#include "core/xmalloc.h"
#include "ui/lineedit.h"
#include "ui/mode.h"
#include "ui/search.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

/* Results kept for one query: more than anyone reads in a list. */
#define SEARCH_LIMIT	200
/* Once a search takes this long (ms), keys are echoed before searching. */
#define SEARCH_SLOW_MS	3
/*
 * How the dialog searches: as you type.  The snippets are made as the
 * hits are shown (dlg_snippet()), a screenful of the 200, not by the
 * search.
 */
#define SEARCH_FLAGS	(FIND_PREFIX | FIND_BOUNDED)

/* A search in this run of the program has been slow: the dataset is big. */
static int	 dlg_slow_seen;
/*
 * The scopes, in Tab's order: everything of the assessment shown, the
 * section shown, and (where the library has others) every assessment.
 */
enum dlg_scope { SCOPE_ALL, SCOPE_SECTION, SCOPE_LIBRARY };
/* The scope the user last chose (Tab): everything until they choose. */
static enum dlg_scope dlg_scope = SCOPE_ALL;
/* The queries opened in this run, oldest first: Up recalls them. */
#define SEARCH_HISTORY	50
static char	*dlg_history[SEARCH_HISTORY];
static int	 dlg_nhistory;

struct hit {
	int64_t	 id;
	char	*title;
	char	*path;		/* cleaned: NAME:PATH for another's */
	char	*snippet;	/* raw, with the match marks; NULL until shown */
	int64_t	 row;		/* of the index searched, to make it */
	char	*report;	/* every assessment: its name, else NULL */
	char	*rpath;		/* and its path, raw */
};

struct search_dlg {
	struct ui	*ui;
	struct lineedit	 query;
	int		 scope_all;	/* not the section alone */
	enum dlg_scope	 scope;
	char		*bad;		/* assessments that cannot be read */
	int64_t		 within;
	char		*within_title;
	struct hit	*hits;
	size_t		 hits_cap;
	char		*hits_query;	/* the query the hits are of */
	int		 nhits, sel, top;
	char		*error;
	int		 stale;		/* stopped by a newer key: run again */
	int		 pending;	/* the query changed, not yet searched */
	int		 searched;	/* a search has run in this dialog */
	int		 ranked;	/* the hits are best first */
	int		 ready;		/* every assessment's catalogue opened */
	int		 recalled;	/* the history entry shown, or -1 */
};

/* A key waiting: the search in hand is stale, stop it. */
static int
dlg_key_waiting(void *arg)
{
	struct pollfd	 pf;

	(void)arg;
	pf.fd = STDIN_FILENO;
	pf.events = POLLIN;
	return poll(&pf, 1, 0) > 0;
}

static void
dlg_clear_hits(struct search_dlg *d)
{
	int	 i;

	for (i = 0; i < d->nhits; i++) {
		free(d->hits[i].title);
		free(d->hits[i].path);
		free(d->hits[i].snippet);
		free(d->hits[i].report);
		free(d->hits[i].rpath);
	}
	free(d->bad);
	d->bad = NULL;
	free(d->hits);
	d->hits = NULL;
	d->hits_cap = 0;
	free(d->hits_query);
	d->hits_query = NULL;
	d->nhits = d->sel = d->top = 0;
	free(d->error);
	d->error = NULL;
}

static int
dlg_hit(const struct find_hit *h, void *arg)
{
	struct search_dlg	*d = arg;
	struct hit		*x;

	d->hits = xgrowarray(d->hits, &d->hits_cap, (size_t)d->nhits + 1,
	    sizeof *x);
	x = &d->hits[d->nhits++];
	x->id = h->id;
	x->title = utf8_clean(h->title, strlen(h->title), 0);
	x->path = utf8_clean(h->path, strlen(h->path), 0);
	x->snippet = h->snippet != NULL ? xstrdup(h->snippet) : NULL;
	x->row = h->row;
	x->report = x->rpath = NULL;
	d->ranked = h->ranked;
	return 0;
}

/*
 * Hit i's snippet, made the first time it is shown (its text read then),
 * of the query it was found with, as the search would have made it;
 * where its text can no longer be read (the library changed since), why.
 * Borrowed until the hits are cleared.
 */
static const char *
dlg_snippet(struct search_dlg *d, int i)
{
	struct hit	*x = &d->hits[i];
	char		*cause = NULL;

	if (x->snippet != NULL)
		return x->snippet;
	if (x->report != NULL)
		x->snippet = library_open_snippet(ui_library(d->ui), x->row,
		    d->hits_query, SEARCH_FLAGS, &cause);
	else
		x->snippet = find_snippet_of(ui_db(d->ui), x->row,
		    d->hits_query, SEARCH_FLAGS, &cause);
	if (x->snippet == NULL)
		x->snippet = cause != NULL ? cause : xstrdup("");
	else
		free(cause);
	return x->snippet;
}

/* A hit of every assessment: its path qualified by the assessment's name. */
static int
dlg_hit_of(const char *name, const struct find_hit *h, void *arg)
{
	struct search_dlg	*d = arg;
	struct hit		*x;
	char			*q;

	dlg_hit(h, d);
	x = &d->hits[d->nhits - 1];
	free(x->path);
	q = xasprintf("%s:%s", name, h->path);
	x->path = utf8_clean(q, strlen(q), 0);
	free(q);
	x->report = xstrdup(name);
	x->rpath = xstrdup(h->path);
	return 0;
}

/* Every assessment's hits, best first; 1 if a key stopped the search. */
static int
dlg_run_library(struct search_dlg *d, struct ui *ui, int interruptible)
{
	int	 n;

	n = library_open_search(ui_library(ui), le_text(&d->query),
	    SEARCH_FLAGS | FIND_NO_SNIPPET, SEARCH_LIMIT, interruptible ?
	    dlg_key_waiting : NULL, dlg_hit_of, d, &d->bad, &d->error);
	return n < 0 && d->error == NULL;
}

/* Search; a key that comes meanwhile stops it if interruptible. */
static void
dlg_run(struct search_dlg *d, struct ui *ui, int interruptible)
{
	struct timespec	 t0, t1;
	int		 n;

	dlg_clear_hits(d);
	d->stale = 0;
	d->ranked = 1;
	if (le_len(&d->query) == 0)
		return;
	d->hits_query = xstrdup(le_text(&d->query));
	if (d->scope == SCOPE_LIBRARY) {
		d->searched = 1;
		if ((d->stale = dlg_run_library(d, ui, interruptible)))
			dlg_clear_hits(d);
		return;
	}
	if (interruptible)
		db_set_check(ui_db(ui), dlg_key_waiting, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	n = find_search(ui_db(ui), le_text(&d->query),
	    SEARCH_FLAGS | FIND_NO_SNIPPET, d->scope_all ? 0 : d->within,
	    SEARCH_LIMIT, dlg_hit, d, &d->error);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if ((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) /
	    1000000 >= SEARCH_SLOW_MS)
		dlg_slow_seen = 1;
	d->searched = 1;
	if (n < 0 && db_interrupted(ui_db(ui))) {
		/* Another key came: it runs the search again. */
		d->stale = 1;
		free(d->error);
		d->error = NULL;
	}
	db_set_check(ui_db(ui), NULL, NULL);
	if (n < 0)
		dlg_clear_hits(d);
}

/* The box: near the top, as wide as is useful. */
static void
dlg_resize(struct mode *m, struct rect *r)
{
	(void)m;
	ui_box_place(r, 24, 110, 2, 5, 20, 1);
}

static void
dlg_draw_hits(struct search_dlg *d, WINDOW *w, int rows, int cols)
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
		if (getcurx(w) + 6 < cols) {
			waddstr(w, "  ");
			ui_addfit(w, d->hits[i].path, cols + 1 - getcurx(w));
		}
		wmove(w, y + 1, 3);
		ui_addmarked(w, dlg_snippet(d, i), cols - 3,
		    theme_attr(THEME_NORMAL));
		y += 2;
	}
}

static const char *const dlg_scope_words[] = {
	[SCOPE_ALL] = "Everything: ",
	[SCOPE_SECTION] = "In this section: ",
	[SCOPE_LIBRARY] = "Every assessment: ",
};

/* The scope after d's, for Tab: every assessment only if there are others. */
static enum dlg_scope
dlg_scope_next(const struct search_dlg *d)
{
	if (d->scope == SCOPE_ALL)
		return SCOPE_SECTION;
	if (d->scope == SCOPE_SECTION && ui_many_reports(d->ui))
		return SCOPE_LIBRARY;
	return SCOPE_ALL;
}

static const char *
dlg_scope_next_words(const struct search_dlg *d)
{
	switch (dlg_scope_next(d)) {
	case SCOPE_SECTION:
		return "this section only";
	case SCOPE_LIBRARY:
		return "every assessment";
	default:
		return "everything";
	}
}

static void
dlg_scope_set(struct search_dlg *d, enum dlg_scope s)
{
	if (s == SCOPE_LIBRARY && !ui_many_reports(d->ui))
		s = SCOPE_ALL;
	d->scope = dlg_scope = s;
	d->scope_all = s != SCOPE_SECTION;
	d->ready = 0;
}

static void
dlg_paint(struct search_dlg *d, WINDOW *w)
{
	char	*line;
	int	 cols, rows, x;

	cols = getmaxx(w) - 2;
	rows = getmaxy(w) - 4;
	ui_box_draw(w, "Search");
	wattrset(w, theme_attr(THEME_SUBHEADING));
	wmove(w, 1, 1);
	ui_addfit(w, dlg_scope_words[d->scope], cols);
	wattrset(w, theme_attr(THEME_NORMAL));
	x = getcurx(w);
	x = le_draw(&d->query, w, 1, x, cols - x + 1);
	wattrset(w, theme_attr(THEME_DIM));
	wmove(w, 2, 1);
	/* An error may quote the query: cleaned like all text shown. */
	if (d->error != NULL)
		line = utf8_clean(d->error, strlen(d->error), 0);
	else if (d->bad != NULL && d->nhits == 0)
		line = utf8_clean(d->bad, strlen(d->bad), 0);
	else if (d->stale)
		line = xstrdup("searching…");
	else if (le_len(&d->query) == 0)
		line = xasprintf("Type words to find  Up: earlier searches  "
		    "Tab: %s  Esc: cancel",
		    dlg_scope_next_words(d));
	else
		line = xasprintf("%d result%s%s  Tab: %s  Enter: open  Esc: "
		    "cancel", d->nhits, d->nhits == 1 ? "" : "s",
		    !d->ranked ? " (the first, in report order: type more "
		    "to rank them)" : d->nhits == SEARCH_LIMIT ? " (the best)" :
		    "",
		    dlg_scope_next_words(d));
	ui_addfit(w, line, cols);
	free(line);
	dlg_draw_hits(d, w, rows, cols);
	wmove(w, 1, x);
}

static void
dlg_draw(struct mode *m, WINDOW *w, int focused)
{
	(void)focused;
	dlg_paint(m->data, w);
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
dlg_recalc(struct mode *m)
{
	struct search_dlg	*d = m->data;

	/*
	 * Every assessment chosen: its catalogue is opened and checked (a
	 * stat and a row of each member) once the scope is shown, not at
	 * the first key.
	 */
	if (d->scope == SCOPE_LIBRARY && !d->ready) {
		ui_update_now(m->ui);
		library_open_ready(ui_library(m->ui));
		d->ready = 1;
	}
	if ((d->pending || d->stale) && !dlg_key_waiting(NULL)) {
		/* The first key, or any once searches have been slow. */
		if (d->pending && (dlg_slow_seen || !d->searched))
			ui_update_now(m->ui);
		d->pending = 0;
		dlg_run(d, m->ui, 1);
	}
}

/* Keep query in the history, once, as the newest. */
static void
dlg_remember(const char *query)
{
	int	 i;

	for (i = 0; i < dlg_nhistory; i++)
		if (strcmp(dlg_history[i], query) == 0)
			break;
	if (i == dlg_nhistory && dlg_nhistory == SEARCH_HISTORY)
		i = 0;
	if (i < dlg_nhistory) {
		free(dlg_history[i]);
		memmove(dlg_history + i, dlg_history + i + 1,
		    (size_t)(dlg_nhistory - i - 1) * sizeof *dlg_history);
		dlg_nhistory--;
	}
	dlg_history[dlg_nhistory++] = xstrdup(query);
}

/* Up at the top of the results: an earlier query; Down: a later one. */
static int
dlg_recall(struct search_dlg *d, int dir)
{
	int	 r = d->recalled < 0 ? dlg_nhistory : d->recalled;

	r += dir;
	if (r < 0 || dlg_nhistory == 0)
		return 0;
	if (r >= dlg_nhistory) {
		if (d->recalled < 0)
			return 0;
		d->recalled = -1;
		le_set(&d->query, "");
	} else {
		d->recalled = r;
		le_set(&d->query, dlg_history[r]);
	}
	d->pending = 1;
	return 1;
}

/* Up and Down: the results, as the query stands; past the top, history. */
static int
dlg_updown(struct search_dlg *d, struct ui *ui, int key)
{
	if (d->pending || d->stale) {
		d->pending = 0;
		dlg_run(d, ui, 0);
	}
	if ((key == KEY_UP && d->sel == 0) ||
	    (key == KEY_DOWN && d->recalled >= 0 && d->nhits == 0)) {
		dlg_recall(d, key == KEY_UP ? -1 : 1);
		return MODE_HANDLED | MODE_REDRAW;
	}
	d->sel += key == KEY_UP ? -1 : 1;
	if (d->sel >= d->nhits)
		d->sel = d->nhits - 1;
	if (d->sel < 0)
		d->sel = 0;
	return MODE_HANDLED | MODE_REDRAW;
}

/*
 * A hit of every assessment: the browser switches to its assessment (if
 * it is not the one shown) and shows it there, that assessment's hits the
 * results n and N walk.
 */
static int
dlg_enter_other(struct search_dlg *d, struct ui *ui)
{
	const struct hit	*h = &d->hits[d->sel];
	int64_t			*ids;
	int			 i, n = 0, chosen = 0;

	ids = xreallocarray(NULL, (size_t)d->nhits, sizeof *ids);
	for (i = 0; i < d->nhits; i++) {
		if (strcmp(d->hits[i].report, h->report) != 0)
			continue;
		if (i == d->sel)
			chosen = n;
		ids[n++] = d->hits[i].id;
	}
	dlg_remember(le_text(&d->query));
	ui_switch(ui, h->report, h->rpath, le_text(&d->query), ids, n, chosen);
	free(ids);
	return MODE_HANDLED | MODE_CLOSE;
}

static int
dlg_enter(struct search_dlg *d, struct ui *ui)
{
	int64_t	*ids;
	int	 i;

	/* Enter typed before the results came: the query as it stands. */
	if (d->pending || d->stale) {
		d->pending = 0;
		dlg_run(d, ui, 0);
	}
	if (d->nhits == 0) {
		ui_message(ui, 0, "No match for that");
		return MODE_HANDLED;
	}
	if (d->hits[d->sel].report != NULL)
		return dlg_enter_other(d, ui);
	ids = xreallocarray(NULL, (size_t)d->nhits, sizeof *ids);
	for (i = 0; i < d->nhits; i++)
		ids[i] = d->hits[i].id;
	search_set(ui, le_text(&d->query), ids, d->nhits, d->sel);
	free(ids);
	dlg_remember(le_text(&d->query));
	ui_select(ui, d->hits[d->sel].id, UI_JUMP);
	ui_focus(ui, "reader");
	ui_notify(ui, NOTE_MATCH);
	return MODE_HANDLED | MODE_CLOSE;
}

static int
dlg_key(struct mode *m, const struct mode_key *k)
{
	struct search_dlg	*d = m->data;
	int			 key = k->key, is_char = k->is_char;

	if (is_char && key == 27)
		return MODE_HANDLED | MODE_CLOSE;
	if (is_char && (key == '\r' || key == '\n'))
		return dlg_enter(d, m->ui);
	if (is_char && key == '\t')
		dlg_scope_set(d, dlg_scope_next(d));
	else if (!is_char && (key == KEY_UP || key == KEY_DOWN))
		return dlg_updown(d, m->ui, key);
	else if (is_char && (key == 16 || key == 14)) {	/* ^P ^N */
		if (!dlg_recall(d, key == 16 ? -1 : 1))
			return MODE_HANDLED;
	} else if (!(le_key(&d->query, key, is_char) & LE_CHANGED))
		return MODE_HANDLED | MODE_REDRAW;
	d->pending = 1;
	return MODE_HANDLED | MODE_REDRAW;
}

static void
dlg_free(struct mode *m)
{
	struct search_dlg	*d = m->data;

	if (d == NULL)
		return;
	dlg_clear_hits(d);
	le_free(&d->query);
	free(d->within_title);
	free(d);
}

/* search [QUERY]: the query typed already, searched at once. */
static int
dlg_open(struct mode *m, const struct mode_args *args, char **cause)
{
	struct search_dlg	*d;
	struct ui		*ui = m->ui;

	(void)cause;
	d = xcalloc(1, sizeof *d);
	m->data = d;
	d->ui = ui;
	le_init(&d->query);
	/* The scope stays as the user chose it last, whatever has focus. */
	dlg_scope_set(d, dlg_scope);
	d->recalled = -1;
	d->within = ui_node(ui)->id;
	if (args->argc > 0) {
		le_set(&d->query, args->argv[0]);
		d->pending = 1;
	}
	return 0;
}

const struct mode_ops dlg_search_ops = {
	.open = dlg_open,
	.resize = dlg_resize,
	.recalc = dlg_recalc,
	.draw = dlg_draw,
	.key = dlg_key,
	.free = dlg_free,
};
