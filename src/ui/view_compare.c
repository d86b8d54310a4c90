/*
 * view_compare.c: two places side by side, on the whole screen.
 *
 * The profile of each place above, then their figures, measure by
 * measure (compare.c), each value with a bar scaled within its row and
 * the better side marked where the report says so.  `s` swaps the sides,
 * `c` chooses other places, Enter opens the section that cites the chosen
 * figure, Backspace or Esc goes back.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/bars.h"
#include "core/compare.h"
#include "core/model.h"
#include "core/places.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "core/xmalloc.h"
#include "ui/mode.h"
#include "ui/picker.h"
#include "ui/textview.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

#define CV_BAR_W	8

struct cview {
	struct cmp	*cmp;
	int		 valw;		/* the widest value, in columns */
	int		 barvalw;	/* the widest with a bar */
	int		 marks;		/* columns for "◀ better", if any */
	struct textview	 pa, pb;	/* the profiles */
	int		 sel, top;	/* the chosen figure row */
	int		 cur;		/* the line it was drawn on */
	int		 profiles;	/* the keys scroll the profiles */
	int		 prows;		/* the rows they were drawn in */
};

static int
cv_block(const struct block *b, void *arg)
{
	tv_add(arg, b->text, b->len, THEME_NORMAL, NULL, 0, 1);
	return 0;
}

static int
cv_value_width(const struct cmp *c, int barred)
{
	size_t	 i;
	int	 w = 1, x;

	for (i = 0; i < c->n; i++) {
		if (barred && (c->rows[i].also || !compare_barred(&c->rows[i])))
			continue;
		if (c->rows[i].a.present && (x = utf8_width(c->rows[i].a.text,
		    strlen(c->rows[i].a.text))) > w)
			w = x;
		if (c->rows[i].b.present && (x = utf8_width(c->rows[i].b.text,
		    strlen(c->rows[i].b.text))) > w)
			w = x;
	}
	return w;
}

static int
cv_load(struct cview *v, struct ui *ui, const char *a, const char *b,
    char **cause)
{
	struct cmp	*c;

	if (compare_places(ui_db(ui), a, b, &c, cause) != 0)
		return -1;
	compare_free(v->cmp);
	v->cmp = c;
	v->sel = v->top = 0;
	v->valw = cv_value_width(c, 0);
	v->barvalw = cv_value_width(c, 1);
	v->marks = 0;
	for (size_t i = 0; i < c->n; i++)
		if (c->rows[i].a.better || c->rows[i].b.better)
			v->marks = 9;
	tv_clear(&v->pa);
	tv_clear(&v->pb);
	tv_add(&v->pa, c->a.name, strlen(c->a.name), THEME_HEADING, NULL, 0, 0);
	tv_add(&v->pb, c->b.name, strlen(c->b.name), THEME_HEADING, NULL, 0, 0);
	if (model_blocks(ui_db(ui), c->a.node, cv_block, &v->pa, cause) != 0 ||
	    model_blocks(ui_db(ui), c->b.node, cv_block, &v->pb, cause) != 0)
		ui_error(ui, cause);
	if (v->pa.nitems == 1)
		tv_add(&v->pa, "No profile in the sources.", 26, THEME_DIM,
		    NULL, 0, 0);
	if (v->pb.nitems == 1)
		tv_add(&v->pb, "No profile in the sources.", 26, THEME_DIM,
		    NULL, 0, 0);
	return 0;
}

/*
 * The table's columns.  Values come first: the label and the bars give
 * way before a value is cut; a label too long for its column wraps to a
 * second line, where the period and the comparator go too.
 */
struct cv_cols {
	int	 lw;		/* the label, with the '>' before it */
	int	 va, vb;	/* the widest value of each side */
	int	 bar, mark;	/* a bar, "◀ better" (0: none) */
	int	 cw;		/* a side's cell */
};

/* The widest label, with what cv_label() adds. */
static int
cv_label_width(const struct cview *v)
{
	size_t	 i;
	int	 w = 8, x;

	for (i = 0; i < v->cmp->n; i++)
		if ((x = utf8_width(v->cmp->rows[i].label,
		    strlen(v->cmp->rows[i].label)) + 12) > w)
			w = x;
	return w;
}

/*
 * The label aims at two fifths of the line.  What gives way, in turn:
 * the common column of values (a longer value takes its row's bar room),
 * the bars down to 3, "◀ better" to "◀", the bars, then the label down
 * to 8 columns; a value is cut only past that.
 */
static void
cv_columns(const struct cview *v, int cols, struct cv_cols *l)
{
	int	 want = cv_label_width(v);

	if (want > cols * 2 / 5)
		want = cols * 2 / 5;
	l->va = v->valw;
	l->bar = CV_BAR_W;
	l->mark = v->marks;
	for (;;) {
		l->cw = l->va + (l->bar > 0 ? 1 + l->bar : 0) +
		    (l->mark > 0 ? l->mark + 1 : 0);
		l->lw = cols - 2 * l->cw - 2;
		if (l->lw >= want || (l->bar == 0 && l->mark <= 2 &&
		    l->va <= 4))
			break;
		if (l->va > v->barvalw && l->va > 4)
			l->va--;
		else if (l->bar > 3)
			l->bar--;
		else if (l->mark > 2)
			l->mark = 2;	/* "◀" alone */
		else if (l->bar > 0)
			l->bar = 0;
		else
			l->va--;
	}
	/* Room the last step freed goes back to the bars. */
	while (l->bar > 0 && l->bar < CV_BAR_W && l->lw - 2 >= want) {
		l->bar++;
		l->lw -= 2;
	}
	if (l->lw < 8)
		l->lw = 8;
	if (l->lw > cv_label_width(v))
		l->lw = cv_label_width(v);
	l->cw = (cols - l->lw - 2) / 2;
	l->vb = l->va;
}

/* A side's first line: the value, its bar, the mark of the better. */
static void
cv_cell(struct strbuf *sb, const struct cmp_row *r, const struct cmp_side *s,
    const struct cv_cols *l, struct ui *ui)
{
	struct strbuf	 cell = STRBUF_INIT;
	char		*bar;
	double		 max;
	int		 valw = l->va, x, mark;

	if (!s->present)
		strbuf_adds(&cell, ui_utf8(ui) ? "—" : "-");
	else {
		/* A value wider than the column takes its bar's room. */
		x = utf8_width(s->text, strlen(s->text));
		if (x < valw)
			x = valw;
		wrap_pad(&cell, s->text, strlen(s->text), x);
		mark = !s->better ? 0 : l->mark > 2 ? 9 : 2;
		if (x == valw && l->bar > 0 && !r->also && compare_barred(r)) {
			max = r->a.value > r->b.value ? r->a.value : r->b.value;
			bar = bar_make(s->value, max, l->bar, !ui_utf8(ui));
			strbuf_addf(&cell, " %s", bar);
			free(bar);
		}
		if (mark > 0 && x > valw)
			x = l->cw - mark;	/* the mark at the cell's end */
		else if (mark > 0)
			x = valw + (l->bar > 0 ? l->bar + 1 : 0);
		while (mark > 0 && utf8_width(cell.buf, cell.len) < x)
			strbuf_addc(&cell, ' ');
		if (mark == 9)
			strbuf_adds(&cell, ui_utf8(ui) ? " ◀ better" :
			    " (better)");
		else if (mark > 0)
			strbuf_adds(&cell, ui_utf8(ui) ? " ◀" : " <");
	}
	wrap_pad(sb, cell.buf, cell.len, l->cw);
	strbuf_free(&cell);
}

/* A side's second line: its period (where the two differ), comparator. */
static void
cv_extra(struct strbuf *sb, const struct cmp_row *r,
    const struct cmp_side *s, int width)
{
	struct strbuf	 t = STRBUF_INIT;

	if (s->present && r->a.present && r->b.present &&
	    strcmp(r->a.period, r->b.period) != 0 && *s->period != '\0')
		strbuf_addf(&t, "%s ", s->period);
	if (s->present && *s->comparator != '\0')
		strbuf_addf(&t, "compared with %s ", s->comparator);
	if (s->present && r->also)
		strbuf_addf(&t, "in %s", s->path);
	wrap_pad(sb, t.len > 0 ? t.buf : "", t.len, width);
	strbuf_free(&t);
}

static int
cv_has_extra(const struct cmp_row *r, const struct cmp_side *s)
{
	return s->present && (*s->comparator != '\0' || r->also ||
	    (r->a.present && r->b.present && *s->period != '\0' &&
	    strcmp(r->a.period, r->b.period) != 0));
}

/* The row's label: its measure, period, "out of", or "also". */
static char *
cv_label(const struct cmp_row *r)
{
	const struct cmp_side	*s = r->a.present ? &r->a : &r->b;
	struct strbuf		 sb = STRBUF_INIT;

	if (r->also) {
		strbuf_adds(&sb, "  also, another figure");
		return strbuf_detach(&sb);
	}
	strbuf_adds(&sb, r->label);
	if (r->target)
		strbuf_adds(&sb, " (target)");
	if ((!r->a.present || !r->b.present ||
	    strcmp(r->a.period, r->b.period) == 0) && *s->period != '\0')
		strbuf_addf(&sb, " (%s)", s->period);
	if (!compare_barred(r) && s->out_of > 0)
		strbuf_addf(&sb, ", out of %d", s->out_of);
	return strbuf_detach(&sb);
}

/* Row i as one or two lines; returns how many. */
static int
cv_row(struct strbuf *l1, struct strbuf *l2, struct cview *v, size_t i,
    const struct cv_cols *l, struct ui *ui)
{
	const struct cmp_row	*r = &v->cmp->rows[i];
	struct wrap_line	*wl = NULL;
	char			*label = cv_label(r);
	size_t			 n, off;
	int			 two;

	n = wrap_text(label, strlen(label), l->lw - 1, &wl);
	off = n > 1 ? wl[1].off : strlen(label);
	strbuf_addc(l1, (int)i == v->sel ? '>' : ' ');
	wrap_pad(l1, label, n > 0 ? wl[0].len : 0, l->lw - 1);
	strbuf_addc(l1, ' ');
	cv_cell(l1, r, &r->a, l, ui);
	strbuf_addc(l1, ' ');
	cv_cell(l1, r, &r->b, l, ui);
	strbuf_adds(l2, " ");
	wrap_pad(l2, label + off, strlen(label + off), l->lw - 1);
	strbuf_addc(l2, ' ');
	/* A side's period and comparator take the other's room if it has none. */
	if (!cv_has_extra(r, &r->b))
		cv_extra(l2, r, &r->a, 2 * l->cw + 1);
	else if (!cv_has_extra(r, &r->a)) {
		wrap_pad(l2, "", 0, l->cw + 1);
		cv_extra(l2, r, &r->b, l->cw);
	} else {
		cv_extra(l2, r, &r->a, l->cw);
		strbuf_addc(l2, ' ');
		cv_extra(l2, r, &r->b, l->cw);
	}
	two = n > 1 || cv_has_extra(r, &r->a) || cv_has_extra(r, &r->b);
	free(wl);
	free(label);
	return two ? 2 : 1;
}

static void
cv_draw_profiles(struct cview *v, WINDOW *w, int rows, int cols)
{
	int	 half = (cols - 1) / 2, y;

	for (y = 1; y <= rows; y++)
		mvwaddch(w, y, half + 1, ACS_VLINE);
	if (v->pa.top > (int)v->pa.nlines - rows)
		v->pa.top = (int)v->pa.nlines - rows;
	if (v->pa.top < 0)
		v->pa.top = 0;
	if (v->pb.top > (int)v->pb.nlines - rows)
		v->pb.top = (int)v->pb.nlines - rows;
	if (v->pb.top < 0)
		v->pb.top = 0;
	tv_draw(&v->pa, w, 1, 1, rows, half, 0);
	tv_draw(&v->pb, w, 1, half + 2, rows, cols - half - 1, 0);
}

/* One line of the table at y: cleaned, in its role. */
static void
cv_line(WINDOW *w, int y, const struct strbuf *sb, int cols, int role)
{
	char	*t = utf8_clean(sb->buf, sb->len, 0);

	wattrset(w, theme_attr(role));
	wmove(w, y, 1);
	ui_addfit(w, t, cols);
	free(t);
}

/* The lines rows top..upto take, with the heading of one-place rows. */
static int
cv_height(struct cview *v, const struct cv_cols *l, struct ui *ui, int top,
    int upto)
{
	struct strbuf	 a = STRBUF_INIT, b = STRBUF_INIT;
	int		 i, h = 0;

	for (i = top; i <= upto && i < (int)v->cmp->n; i++) {
		h += cv_row(&a, &b, v, (size_t)i, l, ui);
		h += (size_t)i == v->cmp->shared && i > 0;
		strbuf_reset(&a);
		strbuf_reset(&b);
	}
	strbuf_free(&a);
	strbuf_free(&b);
	return h;
}

static void
cv_draw_table(struct cview *v, struct ui *ui, WINDOW *w, int y, int rows,
    int cols)
{
	struct strbuf	 sb = STRBUF_INIT, l2 = STRBUF_INIT;
	struct cv_cols	 l;
	int		 i, yy, end = y + rows, role, n;

	cv_columns(v, cols, &l);
	strbuf_addc(&sb, ' ');
	wrap_pad(&sb, "Measure", 7, l.lw - 1);
	strbuf_addc(&sb, ' ');
	wrap_pad(&sb, v->cmp->a.name, strlen(v->cmp->a.name), l.cw);
	strbuf_addc(&sb, ' ');
	wrap_pad(&sb, v->cmp->b.name, strlen(v->cmp->b.name), l.cw);
	cv_line(w, y, &sb, cols, THEME_SUBHEADING);
	if (v->sel < v->top)
		v->top = v->sel;
	while (v->top < v->sel && cv_height(v, &l, ui, v->top, v->sel) >
	    rows - 1)
		v->top++;
	v->cur = y + 1;
	for (i = v->top, yy = y + 1; yy < end && i < (int)v->cmp->n; i++) {
		if ((size_t)i == v->cmp->shared && i > 0) {
			strbuf_reset(&sb);
			strbuf_adds(&sb, " Only one of the two places has these:");
			cv_line(w, yy++, &sb, cols, THEME_SUBHEADING);
			if (yy >= end)
				break;
		}
		strbuf_reset(&sb);
		strbuf_reset(&l2);
		n = cv_row(&sb, &l2, v, (size_t)i, &l, ui);
		role = i == v->sel ? THEME_SELECTED : THEME_NORMAL;
		if (i == v->sel)
			v->cur = yy;
		cv_line(w, yy++, &sb, cols, role);
		if (n == 2 && yy < end)
			cv_line(w, yy++, &l2, cols, i == v->sel ? role :
			    THEME_DIM);
	}
	strbuf_free(&sb);
	strbuf_free(&l2);
}

static void
cv_draw(struct mode *m, WINDOW *w, int focused)
{
	struct cview	*v = m->data;
	int		 h = getmaxy(w), cols = getmaxx(w) - 2, prows, trows;
	char		 title[64];

	(void)focused;
	snprintf(title, sizeof title, "Compare places: %zu figures%s",
	    v->cmp->n, v->profiles ? ", the profiles scroll" : "");
	ui_box_draw(w, title);
	/* The profiles take what they need, up to a third of the screen. */
	tv_layout(&v->pa, (cols - 1) / 2);
	tv_layout(&v->pb, cols - (cols - 1) / 2 - 1);
	prows = (int)(v->pa.nlines > v->pb.nlines ? v->pa.nlines :
	    v->pb.nlines);
	if (prows > (h - 2) / 3)
		prows = (h - 2) / 3;
	if (prows < 2)
		prows = 2;
	trows = h - 2 - prows - 1;
	v->prows = prows;
	cv_draw_profiles(v, w, prows, cols);
	wattrset(w, theme_attr(THEME_BORDER));
	mvwhline(w, prows + 1, 1, ACS_HLINE, cols);
	if (trows > 1)
		cv_draw_table(v, m->ui, w, prows + 2, trows, cols);
	wmove(w, v->cur, 1);
}

static void
cv_swap(struct cview *v, struct ui *ui)
{
	char	*cause = NULL, *a, *b;

	a = xstrdup(v->cmp->b.code);
	b = xstrdup(v->cmp->a.code);
	if (cv_load(v, ui, a, b, &cause) != 0)
		ui_error(ui, &cause);
	free(a);
	free(b);
}

static void	cv_choose(struct ui *, struct cview *);

/* Tab gave the keys to the profiles: they scroll, both together. */
static int
cv_scroll(struct cview *v, enum action a)
{
	int	 d, page = v->prows > 1 ? v->prows - 1 : 1;

	switch (a) {
	case ACT_UP:		d = -1;		break;
	case ACT_DOWN:		d = 1;		break;
	case ACT_PAGE_UP:	d = -page;	break;
	case ACT_PAGE_DOWN:	d = page;	break;
	case ACT_HOME:		d = -100000;	break;
	case ACT_END:		d = 100000;	break;
	default:
		return 0;
	}
	v->pa.top += d;
	v->pb.top += d;
	return 1;
}

/* Open the section of the chosen figure; going back comes back here. */
static void
cv_jump(struct ui *ui, struct cview *v)
{
	const struct cmp_row	*r = &v->cmp->rows[v->sel];
	char			*argv[3], row[16];

	snprintf(row, sizeof row, "%d", v->sel);
	argv[0] = v->cmp->a.code;
	argv[1] = v->cmp->b.code;
	argv[2] = row;
	ui_jump_from(ui, r->a.present ? r->a.node : r->b.node, "compare", 3,
	    argv);
}

static int
cv_key(struct mode *m, const struct mode_key *k)
{
	struct cview		*v = m->data;

	if (v->profiles && cv_scroll(v, k->action))
		return MODE_HANDLED | MODE_REDRAW;
	switch (k->action) {
	case ACT_NEXT_PANE: case ACT_PREV_PANE:
		v->profiles = !v->profiles;
		break;
	case ACT_UP:		v->sel--;			break;
	case ACT_DOWN:		v->sel++;			break;
	case ACT_PAGE_UP:	v->sel -= 10;			break;
	case ACT_PAGE_DOWN:	v->sel += 10;			break;
	case ACT_HOME:		v->sel = 0;			break;
	case ACT_END:		v->sel = (int)v->cmp->n - 1;	break;
	case ACT_SWAP:		cv_swap(v, m->ui);		break;
	case ACT_COMPARE:	cv_choose(m->ui, v);		break;
	case ACT_OPEN:
		if (v->cmp->n == 0)
			break;
		cv_jump(m->ui, v);
		return MODE_HANDLED | MODE_CLOSE;
	case ACT_BACK: case ACT_ESCAPE: case ACT_QUIT:
		return MODE_HANDLED | MODE_CLOSE;
	case ACT_HELP:
		ui_action(m->ui, ACT_HELP);
		break;
	default:
		return 0;
	}
	if (v->sel >= (int)v->cmp->n)
		v->sel = (int)v->cmp->n - 1;
	if (v->sel < 0)
		v->sel = 0;
	return MODE_HANDLED | MODE_REDRAW;
}

static void
cv_free(struct mode *m)
{
	struct cview	*v = m->data;

	if (v == NULL)
		return;
	compare_free(v->cmp);
	tv_free(&v->pa);
	tv_free(&v->pb);
	free(v);
}

static void	cv_pick_second(struct ui *, void *, const struct pick_item *);

/* The first place chosen, and the view to show the pair in (or none). */
struct cv_choice {
	char		*first;
	struct cview	*view;
};

static void
cv_choice_free(void *arg)
{
	struct cv_choice	*c = arg;

	free(c->first);
	free(c);
}

/* The places to pick from: all, but the first one chosen (if any). */
struct cv_places {
	struct pick_list	 l;
	const char		*skip;
};

static int
cv_place_item(const struct place *p, void *arg)
{
	struct cv_places	*ps = arg;

	if (ps->skip == NULL || strcmp(ps->skip, p->code) != 0)
		pick_list_add(&ps->l, p->name, p->code, p->code, p->node);
	return 0;
}

static void
cv_pick(struct ui *ui, const char *title, pick_done done,
    struct cv_choice *c)
{
	struct cv_places	 ps = { { NULL, 0 }, NULL };
	char			*cause = NULL;

	/* The second picker: another place than the first. */
	ps.skip = done == cv_pick_second ? c->first : NULL;
	if (places_list(ui_db(ui), cv_place_item, &ps, &cause) != 0)
		ui_error(ui, &cause);
	picker_open(ui, title, &ps.l, done, c, cv_choice_free);
}

/* The second place: the pair in the view chosen for, or in a new one. */
static void
cv_pick_second(struct ui *ui, void *arg, const struct pick_item *it)
{
	struct cv_choice	*c = arg;
	struct mode_args	 args = { 2, NULL, NULL };
	char			*argv[2] = { c->first, it->key }, *cause = NULL;

	if (c->view == NULL) {
		args.argv = argv;
		ui_open(ui, "compare", &args);
	} else if (cv_load(c->view, ui, c->first, it->key, &cause) != 0)
		ui_error(ui, &cause);
}

static void
cv_pick_first(struct ui *ui, void *arg, const struct pick_item *it)
{
	struct cv_choice	*c = arg, *next;
	char			*t;

	next = xcalloc(1, sizeof *next);
	next->first = xstrdup(it->key);
	next->view = c->view;
	t = xasprintf("Compare %s with", it->label);
	cv_pick(ui, t, cv_pick_second, next);
	free(t);
}

/* Choose two places, for view (or a new view). */
static void
cv_choose(struct ui *ui, struct cview *view)
{
	struct cv_choice	*c = xcalloc(1, sizeof *c);

	c->view = view;
	cv_pick(ui, "Compare places: the first", cv_pick_first, c);
}

/*
 * compare A B: the two places; compare A: A and one chosen; compare: two
 * chosen.  Until both are known, the view waits in the pickers, and
 * opens only once they are chosen.
 */
static int
cv_open(struct mode *m, const struct mode_args *args, char **cause)
{
	struct cv_choice	*c;
	struct cview		*v;
	char			*t;

	if (args->argc < 2) {
		if (args->argc == 0) {
			cv_choose(m->ui, NULL);
			return -1;
		}
		c = xcalloc(1, sizeof *c);
		c->first = xstrdup(args->argv[0]);
		t = xasprintf("Compare %s with", c->first);
		cv_pick(m->ui, t, cv_pick_second, c);
		free(t);
		return -1;
	}
	v = xcalloc(1, sizeof *v);
	m->data = v;
	tv_init(&v->pa);
	tv_init(&v->pb);
	if (cv_load(v, m->ui, args->argv[0], args->argv[1], cause) != 0)
		return -1;
	/* Reopened on coming back: the row that was chosen. */
	if (args->argc > 2 && (v->sel = atoi(args->argv[2])) >= (int)v->cmp->n)
		v->sel = (int)v->cmp->n - 1;
	if (v->sel < 0)
		v->sel = 0;
	return 0;
}

const struct mode_ops view_compare_ops = {
	.open = cv_open,
	.draw = cv_draw,
	.key = cv_key,
	.free = cv_free,
};
