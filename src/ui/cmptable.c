/*
 * cmptable.c: the compare view's table of figures, measure by measure.
 *
 * Values come first: the label and the bars give way before a value is
 * cut; a label too long for its column wraps to a second line, where the
 * period and the comparator go too, as `compare` prints them; the rows
 * only one place has come under their heading.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/bars.h"
#include "core/compare.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "core/xmalloc.h"
#include "ui/cmptable.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

#define CV_BAR_W	8

int
cmptable_value_width(const struct cmp *c, int barred)
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
cv_label_width(const struct cmptable *v)
{
	size_t	 i;
	int	 w = 8, x;

	for (i = 0; i < v->cmp->n; i++)
		if ((x = utf8_width(v->cmp->rows[i].label,
		    strlen(v->cmp->rows[i].label)) + 12) > w)
			w = x;
	return w;
}

/* A side's cell: its value column, bar and mark. */
static int
cv_cell_width(const struct cv_cols *l)
{
	return l->va + (l->bar > 0 ? 1 + l->bar : 0) + (l->mark > 0 ?
	    l->mark + 1 : 0);
}

/* One step of giving way (see cv_columns()); 0 if none is left. */
static int
cv_give_way(const struct cmptable *v, struct cv_cols *l)
{
	if (l->va > v->barvalw && l->va > 4)
		l->va--;
	else if (l->bar > 3)
		l->bar--;
	else if (l->mark > 2)
		l->mark = 2;	/* "◀" alone */
	else if (l->bar > 0)
		l->bar = 0;
	else if (l->va > 4)
		l->va--;
	else
		return 0;
	return 1;
}

/* The widest value of the measures both places have: the comparison. */
static int
cv_shared_width(const struct cmptable *v)
{
	const struct cmp_row	*r;
	size_t			 i;
	int			 w = 1, x;

	for (i = 0; i < v->cmp->n; i++) {
		r = &v->cmp->rows[i];
		if (!r->a.present || !r->b.present)
			continue;
		if ((x = utf8_width(r->a.text, strlen(r->a.text))) > w)
			w = x;
		if ((x = utf8_width(r->b.text, strlen(r->b.text))) > w)
			w = x;
	}
	return w;
}

/*
 * The label aims at two fifths of the line.  What gives way, in turn:
 * the common column of values (a longer value takes its row's bar room),
 * the bars down to 3, "◀ better" to "◀", the bars; but no step that
 * would leave a cell narrower than the widest value of a measure both
 * places have while the label can still give way, down to 8 columns: such
 * a value is cut only past that (a long one only one place has may be,
 * rather than every label of the table).
 */
static void
cv_columns(const struct cmptable *v, int cols, struct cv_cols *l)
{
	struct cv_cols	 next;
	int		 want = cv_label_width(v), shared = cv_shared_width(v);

	if (want > cols * 2 / 5)
		want = cols * 2 / 5;
	l->va = v->valw;
	l->bar = CV_BAR_W;
	l->mark = v->marks;
	for (;;) {
		l->cw = cv_cell_width(l);
		l->lw = cols - 2 * l->cw - 2;
		next = *l;
		if (l->lw >= want || !cv_give_way(v, &next))
			break;
		/* The label gives way before a value is cut. */
		if (cv_cell_width(&next) < shared && l->lw > 8)
			break;
		*l = next;
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
cv_row(struct strbuf *l1, struct strbuf *l2, struct cmptable *v, size_t i,
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
cv_height(struct cmptable *v, const struct cv_cols *l, struct ui *ui, int top,
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

void
cmptable_draw(struct cmptable *v, struct ui *ui, WINDOW *w, int y, int rows,
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

