/*
 * view_compare.c: two places side by side, on the whole screen.
 *
 * The profile of each place above, then their figures, measure by
 * measure (compare.c), each value with a bar scaled within its row and
 * the better side marked where the report says so.  `s` swaps the sides,
 * `c` chooses other places, Enter opens the section that cites the chosen
 * figure, `p` prints the comparison, Backspace or Esc goes back.
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
#include "ui/cmptable.h"
#include "ui/mode.h"
#include "ui/picker.h"
#include "ui/textview.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

struct cview {
	struct cmptable	 t;		/* the figures */
	struct textview	 pa, pb;	/* the profiles */
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
cv_load(struct cview *v, struct ui *ui, const char *a, const char *b,
    char **cause)
{
	struct cmp	*c;

	if (compare_places(ui_db(ui), a, b, &c, cause) != 0)
		return -1;
	compare_free(v->t.cmp);
	v->t.cmp = c;
	v->t.sel = v->t.top = 0;
	v->t.valw = cmptable_value_width(c, 0);
	v->t.barvalw = cmptable_value_width(c, 1);
	v->t.marks = 0;
	for (size_t i = 0; i < c->n; i++)
		if (c->rows[i].a.better || c->rows[i].b.better)
			v->t.marks = 9;
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
static void
cv_draw_profiles(struct cview *v, WINDOW *w, int rows, int cols)
{
	int	 half = (cols - 1) / 2, y;

	for (y = 1; y <= rows; y++)
		mvwaddch(w, y, half + 1, ACS_VLINE);
	if (v->pa.top > (int)tv_nlines(&v->pa) - rows)
		v->pa.top = (int)tv_nlines(&v->pa) - rows;
	if (v->pa.top < 0)
		v->pa.top = 0;
	if (v->pb.top > (int)tv_nlines(&v->pb) - rows)
		v->pb.top = (int)tv_nlines(&v->pb) - rows;
	if (v->pb.top < 0)
		v->pb.top = 0;
	tv_draw(&v->pa, w, 1, 1, rows, half, 0);
	tv_draw(&v->pb, w, 1, half + 2, rows, cols - half - 1, 0);
}

/* One line of the table at y: cleaned, in its role. */
static void
cv_draw(struct mode *m, WINDOW *w, int focused)
{
	struct cview	*v = m->data;
	int		 h = getmaxy(w), cols = getmaxx(w) - 2, prows, trows;
	char		 title[64];

	(void)focused;
	snprintf(title, sizeof title, "Compare places: %zu figures%s",
	    v->t.cmp->n, v->profiles ? ", the profiles scroll" : "");
	ui_box_draw(w, title);
	/* The profiles take what they need, up to a third of the screen. */
	tv_layout(&v->pa, (cols - 1) / 2);
	tv_layout(&v->pb, cols - (cols - 1) / 2 - 1);
	prows = (int)(tv_nlines(&v->pa) > tv_nlines(&v->pb) ?
	    tv_nlines(&v->pa) : tv_nlines(&v->pb));
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
		cmptable_draw(&v->t, m->ui, w, prows + 2, trows, cols);
	wmove(w, v->t.cur, 1);
}

static void
cv_swap(struct cview *v, struct ui *ui)
{
	char	*cause = NULL, *a, *b;

	a = xstrdup(v->t.cmp->b.code);
	b = xstrdup(v->t.cmp->a.code);
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
	const struct cmp_row	*r = &v->t.cmp->rows[v->t.sel];
	char			*argv[3], row[16];

	snprintf(row, sizeof row, "%d", v->t.sel);
	argv[0] = v->t.cmp->a.code;
	argv[1] = v->t.cmp->b.code;
	argv[2] = row;
	ui_jump_from(ui, r->a.present ? r->a.node : r->b.node, "compare", 3,
	    argv);
}

/* p: print what is shown, the comparison as a table (doc_add_compare). */
static void
cv_print(struct ui *ui, struct cview *v)
{
	char			*argv[4];
	struct mode_args	 args = { 4, argv, NULL };

	argv[0] = "--compare";
	argv[1] = v->t.cmp->a.code;
	argv[2] = "--compare";
	argv[3] = v->t.cmp->b.code;
	ui_open(ui, "print", &args);
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
	case ACT_UP:		v->t.sel--;			break;
	case ACT_DOWN:		v->t.sel++;			break;
	case ACT_PAGE_UP:	v->t.sel -= 10;			break;
	case ACT_PAGE_DOWN:	v->t.sel += 10;			break;
	case ACT_HOME:		v->t.sel = 0;			break;
	case ACT_END:		v->t.sel = (int)v->t.cmp->n - 1;	break;
	case ACT_SWAP:		cv_swap(v, m->ui);		break;
	case ACT_COMPARE:	cv_choose(m->ui, v);		break;
	case ACT_PRINT:		cv_print(m->ui, v);		break;
	case ACT_OPEN:
		if (v->t.cmp->n == 0)
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
	if (v->t.sel >= (int)v->t.cmp->n)
		v->t.sel = (int)v->t.cmp->n - 1;
	if (v->t.sel < 0)
		v->t.sel = 0;
	return MODE_HANDLED | MODE_REDRAW;
}

static void
cv_free(struct mode *m)
{
	struct cview	*v = m->data;

	if (v == NULL)
		return;
	compare_free(v->t.cmp);
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

/* The first place known (its code, its label): ask for the second. */
static void
cv_ask_second(struct ui *ui, const char *code, const char *label,
    struct cview *view)
{
	struct cv_choice	*next;
	char			*t;

	next = xcalloc(1, sizeof *next);
	next->first = xstrdup(code);
	next->view = view;
	t = xasprintf("Compare %s with", label);
	cv_pick(ui, t, cv_pick_second, next);
	free(t);
}

static void
cv_pick_first(struct ui *ui, void *arg, const struct pick_item *it)
{
	struct cv_choice	*c = arg;

	cv_ask_second(ui, it->key, it->label, c->view);
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
	struct cview		*v;
	struct place_rec	 first;
	char			*t, *s;

	if (args->argc < 2) {
		if (args->argc == 0) {
			cv_choose(m->ui, NULL);
			return -1;
		}
		/* The first known (by code or name) before the second is
		 * asked for, and named in the picker as the c key's is. */
		if (places_find(ui_db(m->ui), args->argv[0], &first,
		    cause) != 0) {
			t = *cause;
			*cause = xasprintf("compare: %s", t);
			free(t);
			return -1;
		}
		/* Labelled as the picker labels its places. */
		t = xasprintf("%s (%s)", first.name, first.code);
		s = utf8_clean(t, strlen(t), 0);
		cv_ask_second(m->ui, first.code, s, NULL);
		free(s);
		free(t);
		place_rec_clear(&first);
		return -1;
	}
	v = xcalloc(1, sizeof *v);
	m->data = v;
	tv_init(&v->pa);
	tv_init(&v->pb);
	if (cv_load(v, m->ui, args->argv[0], args->argv[1], cause) != 0)
		return -1;
	/* Reopened on coming back: the row that was chosen. */
	if (args->argc > 2 && (v->t.sel = atoi(args->argv[2])) >= (int)v->t.cmp->n)
		v->t.sel = (int)v->t.cmp->n - 1;
	if (v->t.sel < 0)
		v->t.sel = 0;
	return 0;
}

const struct mode_ops view_compare_ops = {
	.open = cv_open,
	.draw = cv_draw,
	.key = cv_key,
	.free = cv_free,
};
