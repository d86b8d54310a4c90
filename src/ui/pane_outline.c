/*
 * pane_outline.c: the tree of the report, folding and unfolding.
 *
 * Holds the rows the tree shows now: the top-level parts and the children
 * of every unfolded node, read from the database when a fold changes, so
 * that what is read grows with what is unfolded, not with the dataset.
 * Folds are remembered in the state database.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/db.h"
#include "core/model.h"
#include "core/state.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "core/marks.h"
#include "core/xmalloc.h"
#include "ui/mode.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

struct orow {
	int64_t	 id;
	int	 depth;
	int	 nchildren;
	char	*title;		/* cleaned */
	char	*path;
};

/* Up to this many top-level parts, the themes start unfolded. */
#define OUTLINE_DEFAULT_ROOTS	32
/* Top-level parts read at a time: a long outline is read as it is shown. */
#define OUTLINE_CHUNK		64

struct outline {
	struct orow	*rows;
	size_t		 n, cap;
	int		 sel, top;
	int64_t		*open;		/* unfolded nodes, sorted */
	size_t		 nopen, opencap;
	int64_t		 last_root;	/* the last top-level node read */
	int		 more;		/* top-level nodes not read yet */
	size_t		 roots;		/* top-level nodes read */
	int		 want;		/* the widest row, for the layout */
	size_t		 want_n;	/* the rows it was measured over */
};

static int
outline_cmp(const void *a, const void *b)
{
	int64_t	 x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* The unfolded node id in the sorted set, or NULL (bsearch wants a base). */
static int64_t *
outline_find_open(struct outline *o, int64_t id)
{
	if (o->nopen == 0)
		return NULL;
	return bsearch(&id, o->open, o->nopen, sizeof *o->open, outline_cmp);
}

static int
outline_is_open(struct outline *o, int64_t id)
{
	return outline_find_open(o, id) != NULL;
}

static void
outline_set_open(struct outline *o, int64_t id, int open)
{
	int64_t	*p;
	size_t	 i;

	p = outline_find_open(o, id);
	if (open && p == NULL) {
		if (o->nopen == o->opencap) {
			o->opencap = o->opencap ? o->opencap * 2 : 16;
			o->open = xreallocarray(o->open, o->opencap,
			    sizeof *o->open);
		}
		/* Into its place: the set stays sorted. */
		for (i = o->nopen; i > 0 && o->open[i - 1] > id; i--)
			o->open[i] = o->open[i - 1];
		o->open[i] = id;
		o->nopen++;
	} else if (!open && p != NULL) {
		memmove(p, p + 1, (size_t)(o->open + o->nopen - p - 1) *
		    sizeof *p);
		o->nopen--;
	}
}

static void
outline_clear(struct outline *o)
{
	size_t	 i;

	for (i = 0; i < o->n; i++) {
		free(o->rows[i].title);
		free(o->rows[i].path);
	}
	o->n = 0;
}

struct outline_kids {
	struct orow	*rows;
	size_t		 n, cap;
};

/* Collect the children of a node, to walk them after the query ends. */
static int
outline_kid(const struct outline_node *n, void *arg)
{
	struct outline_kids	*k = arg;
	struct orow		*r;

	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 16;
		k->rows = xreallocarray(k->rows, k->cap, sizeof *r);
	}
	r = &k->rows[k->n++];
	r->id = n->id;
	r->depth = 0;
	r->nchildren = n->has_children;
	r->title = utf8_clean(n->title, strlen(n->title), 0);
	r->path = xstrdup(n->path);
	return 0;
}

static void
outline_push(struct outline *o, const struct orow *r)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 64;
		o->rows = xreallocarray(o->rows, o->cap, sizeof *o->rows);
	}
	o->rows[o->n++] = *r;
	o->want = 0;	/* measured again */
}

/* A level of the walk: the rows read under one node, and the next one. */
struct outline_frame {
	struct outline_kids	 k;
	size_t			 next;
	int			 depth;
};

/*
 * Add the rows collected in top at depth, and under the unfolded ones
 * theirs, in tree order; takes top's rows.  The walk keeps its own stack,
 * grown as it goes: a tree as deep as the data likes never deepens the C
 * stack.  The first error stops the descent; the rows read are kept.
 */
static int
outline_add_kids(struct outline *o, struct db *db, struct outline_kids *top,
    int depth, int rc, char **cause)
{
	struct outline_frame	*st, *f;
	struct orow		*r;
	size_t			 n = 1, cap = 16;
	int64_t			 id;

	st = xreallocarray(NULL, cap, sizeof *st);
	st[0].k = *top;
	st[0].next = 0;
	st[0].depth = depth;
	while (n > 0) {
		f = &st[n - 1];
		if (f->next == f->k.n) {
			free(f->k.rows);
			n--;
			continue;
		}
		r = &f->k.rows[f->next++];
		r->depth = f->depth;
		outline_push(o, r);
		if (rc != 0 || r->nchildren == 0 || !outline_is_open(o, r->id))
			continue;
		id = r->id;
		depth = f->depth + 1;
		if (n == cap)
			st = xreallocarray(st, cap *= 2, sizeof *st);
		f = &st[n++];
		memset(f, 0, sizeof *f);
		f->depth = depth;
		rc = model_outline_children(db, id, outline_kid, &f->k, cause);
	}
	free(st);
	return rc;
}

/* Read the next top-level parts, and what is unfolded under them. */
static int
outline_more(struct outline *o, struct db *db, char **cause)
{
	struct outline_kids	 k = { NULL, 0, 0 };
	int			 rc;

	rc = model_outline_roots(db, o->last_root, OUTLINE_CHUNK, outline_kid,
	    &k, cause);
	if (rc != 0 || k.n < OUTLINE_CHUNK)
		o->more = 0;
	if (k.n > 0)
		o->last_root = k.rows[k.n - 1].id;
	o->roots += k.n;
	return outline_add_kids(o, db, &k, 0, rc, cause);
}

/* Read on until row (or the top-level node upto) has been read. */
static void
outline_ensure(struct outline *o, struct ui *ui, size_t row, int64_t upto)
{
	char	*cause = NULL;

	while (o->more && (row >= o->n || o->last_root < upto))
		if (outline_more(o, ui_db(ui), &cause) != 0) {
			ui_error(ui, &cause);
			return;
		}
}

static int
outline_rebuild(struct outline *o, struct ui *ui)
{
	char	*cause = NULL;
	int64_t	 keep;
	size_t	 i, want;

	keep = o->n > 0 && o->sel >= 0 && (size_t)o->sel < o->n ?
	    o->rows[o->sel].id : ui_node(ui)->id;
	want = o->roots > OUTLINE_CHUNK ? o->roots : OUTLINE_CHUNK;
	outline_clear(o);
	o->last_root = 0;
	o->roots = 0;
	o->more = 1;
	while (o->more && o->roots < want)
		if (outline_more(o, ui_db(ui), &cause) != 0) {
			ui_error(ui, &cause);
			return -1;
		}
	o->sel = 0;
	for (i = 0; i < o->n; i++)
		if (o->rows[i].id == keep)
			o->sel = (int)i;
	return 0;
}

static int
outline_find(struct outline *o, int64_t id)
{
	size_t	 i;

	for (i = 0; i < o->n; i++)
		if (o->rows[i].id == id)
			return (int)i;
	return -1;
}

/* Unfold the ancestors of id so that it has a row. */
static void
outline_reveal(struct outline *o, struct ui *ui, int64_t id)
{
	struct node	 n;
	char		*cause = NULL;
	int64_t		 up, top = id;
	int		 changed = 0;

	if (outline_find(o, id) >= 0)
		return;
	if (model_get(ui_db(ui), id, &n, &cause) != 0) {
		ui_error(ui, &cause);
		return;
	}
	up = n.parent;
	node_clear(&n);
	while (up != 0) {
		if (model_get(ui_db(ui), up, &n, &cause) != 0) {
			ui_error(ui, &cause);
			break;
		}
		top = up;
		if (!outline_is_open(o, up)) {
			outline_set_open(o, up, 1);
			ui_save_fold(ui, n.path, 1);
			changed = 1;
		}
		up = n.parent;
		node_clear(&n);
	}
	if (changed)
		outline_rebuild(o, ui);
	/* Its top-level part may not have been read yet. */
	outline_ensure(o, ui, 0, top);
}

static void
outline_keep_visible(struct outline *o, int rows)
{
	if (o->sel < o->top)
		o->top = o->sel;
	if (rows > 0 && o->sel >= o->top + rows)
		o->top = o->sel - rows + 1;
	if (o->top < 0)
		o->top = 0;
}

struct outline_load {
	struct outline	*o;
	struct ui	*ui;
	int		 open;
};

static int
outline_load_open(const char *path, void *arg)
{
	struct outline_load	*l = arg;
	int64_t			 id;

	if (ui_resolve_exact(l->ui, path, &id) == 0)
		outline_set_open(l->o, id, l->open);
	return 0;
}

/* Themes are unfolded unless folded, so that the statements show. */
static int
outline_default_open(const struct node *n, void *arg)
{
	struct outline	*o = arg;

	if (strcmp(n->kind, "theme") == 0)
		outline_set_open(o, n->id, 1);
	return 0;
}

/* The folds the state remembers, over the defaults. */
static void
outline_load_state(struct outline *o, struct ui *ui)
{
	struct outline_load	 l;
	char			*cause = NULL;

	l.o = o;
	l.ui = ui;
	l.open = 1;
	if (state_open_nodes(ui_state(ui), outline_load_open, &l, &cause) != 0)
		ui_error(ui, &cause);
	l.open = 0;
	if (state_folded_nodes(ui_state(ui), outline_load_open, &l,
	    &cause) != 0)
		ui_error(ui, &cause);
}

static int
outline_init(struct mode *m, const struct mode_args *args, char **cause)
{
	struct ui		*ui = m->ui;
	struct outline		*o;
	int64_t			 roots;

	(void)args;
	o = xcalloc(1, sizeof *o);
	m->data = o;
	/* Many reports in one dataset: all themes open would be too long. */
	if (model_count_roots_upto(ui_db(ui), OUTLINE_DEFAULT_ROOTS + 1, &roots,
	    cause) != 0)
		ui_error(ui, cause);
	else if (roots <= OUTLINE_DEFAULT_ROOTS &&
	    model_children(ui_db(ui), 0, outline_default_open, o, cause) != 0)
		ui_error(ui, cause);
	if (ui_state(ui) != NULL)
		outline_load_state(o, ui);
	outline_rebuild(o, ui);
	return 0;
}

static int
outline_notify(struct mode *m, unsigned notes)
{
	struct outline	*o = m->data;
	struct ui	*ui = m->ui;
	int		 row;

	/* The folds remembered: read once the first screen is shown. */
	if ((notes & NOTE_STATE) && ui_state(ui) != NULL) {
		outline_load_state(o, ui);
		outline_rebuild(o, ui);
		if ((row = outline_find(o, ui_node(ui)->id)) >= 0)
			o->sel = row;
		outline_keep_visible(o, mode_rows(m));
		if (!(notes & NOTE_SELECT))
			return 1;
	}
	/* The marks: drawn from the list, nothing to read, the '*' to show. */
	if (!(notes & NOTE_SELECT))
		return (notes & NOTE_MARKS) != 0;
	outline_reveal(o, ui, ui_node(ui)->id);
	if ((row = outline_find(o, ui_node(ui)->id)) >= 0)
		o->sel = row;
	outline_keep_visible(o, mode_rows(m));
	return 1;
}

static void
outline_draw_row(struct mode *m, WINDOW *w, const struct orow *r, int y,
    int selected, int focused)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct ui	*ui = m->ui;
	const char	*fold;
	int		 cols = mode_cols(m), i, attr;
	int		 marked = marks_has(ui_marks(ui), r->path);

	fold = r->nchildren == 0 ? "  " : outline_is_open(m->data, r->id) ?
	    (ui_utf8(ui) ? "▾ " : "- ") : (ui_utf8(ui) ? "▸ " : "+ ");
	strbuf_addc(&sb, selected ? '>' : ' ');
	strbuf_addc(&sb, marked ? '*' : ' ');
	/* The indent stops at 12: a deep tree keeps its titles in view. */
	for (i = 0; i < r->depth && i < 12; i++)
		strbuf_adds(&sb, " ");
	strbuf_adds(&sb, fold);
	strbuf_adds(&sb, r->title);
	attr = selected ? theme_attr(focused ? THEME_SELECTED :
	    THEME_SELECTED_DIM) : theme_attr(THEME_NORMAL);
	wattrset(w, attr);
	wmove(w, y, 1);
	ui_addfit(w, strbuf_str(&sb), cols);
	if (marked) {
		wattrset(w, theme_attr(THEME_MARK) | (selected ? attr : 0));
		mvwaddch(w, y, 2, '*');
	}
	strbuf_free(&sb);
}

static void
outline_draw(struct mode *m, WINDOW *w, int focused)
{
	struct outline	*o = m->data;
	char		 where[32];
	int		 rows = mode_rows(m), i;

	outline_keep_visible(o, rows);
	snprintf(where, sizeof where, "%d/%zu%s", o->sel + 1, o->n,
	    o->more ? "+" : "");
	mode_frame(m, w, focused, where);
	for (i = 0; i < rows && o->top + i < (int)o->n; i++)
		outline_draw_row(m, w, &o->rows[o->top + i], i + 1,
		    o->top + i == o->sel, focused);
}

static void
outline_move(struct mode *m, int to)
{
	struct outline	*o = m->data;
	struct ui	*ui = m->ui;

	if (to > 0)
		outline_ensure(o, ui, (size_t)to, 0);
	if (o->n == 0)
		return;
	if (to < 0)
		to = 0;
	if (to >= (int)o->n)
		to = (int)o->n - 1;
	o->sel = to;
	outline_keep_visible(o, mode_rows(m));
	if (o->rows[to].id != ui_node(ui)->id)
		ui_select(ui, o->rows[to].id, UI_MOVE);
}

static void
outline_fold(struct mode *m, int open)
{
	struct outline	*o = m->data;
	struct orow	*r = &o->rows[o->sel];

	outline_set_open(o, r->id, open);
	ui_save_fold(m->ui, r->path, open);
	outline_rebuild(o, m->ui);
}

/* Open: unfold, or step into the first child, or read the leaf. */
static void
outline_open(struct mode *m)
{
	struct outline	*o = m->data;
	struct orow	*r = &o->rows[o->sel];

	if (r->nchildren > 0 && !outline_is_open(o, r->id))
		outline_fold(m, 1);
	else if (r->nchildren > 0)
		outline_move(m, o->sel + 1);
	else
		ui_focus(m->ui, "reader");
}

/* Close: fold, or go to the parent. */
static void
outline_close(struct mode *m)
{
	struct outline	*o = m->data;
	struct orow	*r = &o->rows[o->sel];
	int		 i;

	if (r->nchildren > 0 && outline_is_open(o, r->id)) {
		outline_fold(m, 0);
		return;
	}
	for (i = o->sel - 1; i >= 0; i--)
		if (o->rows[i].depth < r->depth) {
			outline_move(m, i);
			return;
		}
}

static int
outline_key(struct mode *m, const struct mode_key *k)
{
	struct outline	*o = m->data;
	int		 page = mode_rows(m) > 1 ? mode_rows(m) - 1 : 1;

	if (o->n == 0)
		return 0;
	switch (k->action) {
	case ACT_UP:		outline_move(m, o->sel - 1);		break;
	case ACT_DOWN:		outline_move(m, o->sel + 1);		break;
	case ACT_PAGE_UP:	outline_move(m, o->sel - page);		break;
	case ACT_PAGE_DOWN:	outline_move(m, o->sel + page);		break;
	case ACT_HOME:		outline_move(m, 0);			break;
	case ACT_END:		outline_move(m, INT_MAX);		break;
	case ACT_OPEN:		outline_open(m);			break;
	case ACT_CLOSE:		outline_close(m);			break;
	case ACT_MARK:
		/* The row seen selected, then the next, as tagging in mutt. */
		ui_mark(m->ui, o->rows[o->sel].path);
		outline_move(m, o->sel + 1);
		break;
	default:
		return 0;
	}
	return MODE_HANDLED | MODE_REDRAW;
}

/* The widest row with its frame: the outline's width follows it. */
static int
outline_width(struct mode *m)
{
	struct outline	*o = m->data;
	size_t		 i;
	int		 w, d;

	if (o->want_n == o->n && o->want > 0)
		return o->want;
	o->want = 16;
	for (i = 0; i < o->n; i++) {
		d = o->rows[i].depth < 12 ? o->rows[i].depth : 12;
		w = 2 + d + 2 + utf8_width(o->rows[i].title,
		    strlen(o->rows[i].title)) + 3;
		if (w > o->want)
			o->want = w;
	}
	o->want_n = o->n;
	return o->want;
}

static int
outline_click(struct mode *m, int y, int x)
{
	struct outline	*o = m->data;
	int		 row = o->top + y - 1;

	(void)x;
	if (y < 1 || y > mode_rows(m) || row >= (int)o->n)
		return 0;
	if (row == o->sel && o->rows[row].nchildren > 0)
		outline_fold(m, !outline_is_open(o, o->rows[row].id));
	else
		outline_move(m, row);
	return MODE_HANDLED | MODE_REDRAW;
}

static void
outline_cursor(struct mode *m, int *y, int *x)
{
	struct outline	*o = m->data;

	*y = o->sel - o->top + 1;
	*x = 1;
}

static void
outline_where(struct mode *m, char *buf, size_t len)
{
	struct outline	*o = m->data;

	snprintf(buf, len, "row %d of %zu%s", o->sel + 1, o->n,
	    o->more ? "+" : "");
}

static void
outline_free(struct mode *m)
{
	struct outline	*o = m->data;

	if (o == NULL)
		return;
	outline_clear(o);
	free(o->rows);
	free(o->open);
	free(o);
}

const struct mode_ops pane_outline_ops = {
	.open = outline_init,
	.notify = outline_notify,
	.draw = outline_draw,
	.key = outline_key,
	.click = outline_click,
	.cursor = outline_cursor,
	.where = outline_where,
	.width = outline_width,
	.free = outline_free,
};
