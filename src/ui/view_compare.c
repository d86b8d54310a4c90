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
	int		 marks;		/* columns for "◀ better", if any */
	struct textview	 pa, pb;	/* the profiles */
	int		 sel, top;	/* the chosen figure row */
};

static int
cv_block(const struct block *b, void *arg)
{
	tv_add(arg, b->text, b->len, THEME_NORMAL, NULL, 0, 1);
	return 0;
}

static int
cv_value_width(const struct cmp *c)
{
	size_t	 i;
	int	 w = 1, x;

	for (i = 0; i < c->n; i++) {
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
	v->valw = cv_value_width(c);
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

/* One side of a row: the value, a bar, and the mark of the better. */
static void
cv_cell(struct strbuf *sb, const struct cmp_row *r, const struct cmp_side *s,
    int width, int valw, int marks, struct ui *ui)
{
	struct strbuf	 cell = STRBUF_INIT;
	char		*bar;
	double		 max;

	if (!s->present) {
		strbuf_adds(&cell, ui_utf8(ui) ? "—" : "-");
	} else {
		/* The value padded, so that the bars of a column line up. */
		/* Room for the bar and for "◀ better" comes first. */
		if (valw > width - CV_BAR_W - 2 - marks)
			valw = width - CV_BAR_W - 2 - marks;
		wrap_pad(&cell, s->text, strlen(s->text), valw > 4 ? valw : 4);
		strbuf_addc(&cell, ' ');
		if (compare_barred(r)) {
			max = r->a.present ? r->a.value : 0;
			if (r->b.present && r->b.value > max)
				max = r->b.value;
			bar = bar_make(s->value, max, CV_BAR_W, !ui_utf8(ui));
			strbuf_addf(&cell, "%s", bar);
			free(bar);
		}
		if (s->better)
			strbuf_adds(&cell, ui_utf8(ui) ? " ◀ better" :
			    " (better)");
	}
	wrap_pad(sb, cell.buf, cell.len, width);
	strbuf_free(&cell);
}

static void
cv_row(struct strbuf *sb, struct cview *v, size_t i, int cols, struct ui *ui)
{
	const struct cmp_row	*r = &v->cmp->rows[i];
	char			*label;
	int			 lw = cols / 3, vw = (cols - lw - 2) / 2;

	strbuf_addc(sb, (int)i == v->sel ? '>' : ' ');
	label = xasprintf("%s%s", r->label, r->target ? " (target)" : "");
	wrap_pad(sb, label, strlen(label), lw - 1);
	free(label);
	strbuf_addc(sb, ' ');
	cv_cell(sb, r, &r->a, vw, v->valw, v->marks, ui);
	strbuf_addc(sb, ' ');
	cv_cell(sb, r, &r->b, vw, v->valw, v->marks, ui);
}

static void
cv_draw_profiles(struct cview *v, WINDOW *w, int rows, int cols)
{
	int	 half = (cols - 1) / 2, y;

	for (y = 1; y <= rows; y++)
		mvwaddch(w, y, half + 1, ACS_VLINE);
	tv_draw(&v->pa, w, 1, 1, rows, half, 0);
	tv_draw(&v->pb, w, 1, half + 2, rows, cols - half - 1, 0);
}

static void
cv_draw_table(struct cview *v, struct ui *ui, WINDOW *w, int y, int rows,
    int cols)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*t;
	int		 i, lw = cols / 3, vw = (cols - lw - 2) / 2;

	wattrset(w, theme_attr(THEME_SUBHEADING));
	strbuf_addc(&sb, ' ');
	wrap_pad(&sb, "Measure", 7, lw - 1);
	strbuf_addc(&sb, ' ');
	wrap_pad(&sb, v->cmp->a.name, strlen(v->cmp->a.name), vw);
	strbuf_addc(&sb, ' ');
	wrap_pad(&sb, v->cmp->b.name, strlen(v->cmp->b.name), vw);
	t = utf8_clean(sb.buf, sb.len, 0);
	wmove(w, y, 1);
	ui_addfit(w, t, cols);
	free(t);
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + rows - 1)
		v->top = v->sel - rows + 2;
	for (i = 0; i < rows - 1 && v->top + i < (int)v->cmp->n; i++) {
		strbuf_reset(&sb);
		cv_row(&sb, v, (size_t)(v->top + i), cols, ui);
		t = utf8_clean(sb.buf, sb.len, 0);
		wattrset(w, theme_attr(v->top + i == v->sel ? THEME_SELECTED :
		    (size_t)(v->top + i) < v->cmp->shared ? THEME_NORMAL :
		    THEME_DIM));
		wmove(w, y + 1 + i, 1);
		ui_addfit(w, t, cols);
		free(t);
	}
	strbuf_free(&sb);
}

static void
cv_draw(struct mode *m, WINDOW *w, int focused)
{
	struct cview	*v = m->data;
	int		 h = getmaxy(w), cols = getmaxx(w) - 2, prows, trows;
	char		 title[64];

	(void)focused;
	snprintf(title, sizeof title, "Compare places: %zu figures",
	    v->cmp->n);
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
	cv_draw_profiles(v, w, prows, cols);
	wattrset(w, theme_attr(THEME_BORDER));
	mvwhline(w, prows + 1, 1, ACS_HLINE, cols);
	if (trows > 1)
		cv_draw_table(v, m->ui, w, prows + 2, trows, cols);
	wmove(w, prows + 3 + v->sel - v->top, 1);
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

	switch (k->action) {
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

static int
cv_place_item(const struct place *p, void *arg)
{
	pick_list_add(arg, p->name, p->code, p->code, p->node);
	return 0;
}

static void
cv_pick(struct ui *ui, const char *title, pick_done done,
    struct cv_choice *c)
{
	struct pick_list	 l = { NULL, 0 };
	char			*cause = NULL;

	if (places_list(ui_db(ui), cv_place_item, &l, &cause) != 0)
		ui_error(ui, &cause);
	picker_open(ui, title, &l, done, c, cv_choice_free);
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
