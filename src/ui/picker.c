/*
 * picker.c: choose one thing from a list by typing part of its name.
 *
 * Used to choose the places to compare and the second section to read
 * side by side.  Each key narrows the list to the items whose label holds
 * what was typed (case aside, '-' and ' ' alike); Up and Down choose,
 * Enter takes the chosen item, Esc takes none.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "ui/lineedit.h"
#include "ui/mode.h"
#include "ui/picker.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

struct pick {
	char			*title;
	struct pick_item	*items;
	size_t			 n;
	size_t			*shown;		/* indexes of matching items */
	size_t			 nshown;
	int			 sel, top;
	struct lineedit		 filter;
	pick_done		 done;
	void			*arg;
	void			(*arg_free)(void *);
};

/* What picker_open() hands the mode, through its mode_args. */
struct pick_request {
	const char		*title;
	struct pick_list	*list;
	pick_done		 done;
	void			*arg;
	void			(*arg_free)(void *);
};

/* Does label hold what (ASCII case aside, '-' and ' ' alike)? */
static int
pick_match(const char *label, const char *what)
{
	const char	*l, *a, *b;
	int		 x, y;

	if (*what == '\0')
		return 1;
	for (l = label; *l != '\0'; l++) {
		for (a = l, b = what; *a != '\0' && *b != '\0'; a++, b++) {
			x = tolower((unsigned char)*a);
			y = tolower((unsigned char)*b);
			if (x == '-')
				x = ' ';
			if (y == '-')
				y = ' ';
			if (x != y)
				break;
		}
		if (*b == '\0')
			return 1;
	}
	return 0;
}

static void
pick_filter(struct pick *p)
{
	size_t	 i;

	p->nshown = 0;
	for (i = 0; i < p->n; i++)
		if (pick_match(p->items[i].label, le_text(&p->filter)))
			p->shown[p->nshown++] = i;
	p->sel = 0;
	p->top = 0;
}

static void
pick_resize(struct mode *m, struct rect *r)
{
	(void)m;
	ui_box_place(r, 20, 80, 2, 5, 20, 2);
}

static void
pick_draw(struct mode *m, WINDOW *w, int focused)
{
	struct pick	*p = m->data;
	int		 h = getmaxy(w), wd = getmaxx(w), rows, i, y, x;

	(void)focused;
	ui_box_draw(w, p->title);
	wattrset(w, theme_attr(THEME_SUBHEADING));
	mvwaddstr(w, 1, 1, "Type to narrow: ");
	wattrset(w, theme_attr(THEME_NORMAL));
	x = getcurx(w);
	x = le_draw(&p->filter, w, 1, x, wd - 1 - x);
	rows = h - 3;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + rows)
		p->top = p->sel - rows + 1;
	for (i = p->top, y = 2; i < (int)p->nshown && y < h - 1; i++, y++) {
		wattrset(w, theme_attr(i == p->sel ? THEME_SELECTED :
		    THEME_NORMAL));
		mvwaddstr(w, y, 1, i == p->sel ? ">" : " ");
		ui_addfit(w, p->items[p->shown[i]].label, wd - 3);
	}
	if (p->nshown == 0) {
		wattrset(w, theme_attr(THEME_DIM));
		mvwaddstr(w, 2, 2, "Nothing matches.");
	}
	wmove(w, 1, x);
}

static int
pick_key(struct mode *m, const struct mode_key *k)
{
	struct pick	*p = m->data;
	int		 key = k->key, is_char = k->is_char;

	if (is_char && key == 27)
		return MODE_HANDLED | MODE_CLOSE;
	if (is_char && (key == '\r' || key == '\n')) {
		if (p->nshown == 0)
			return MODE_HANDLED;
		p->done(m->ui, p->arg, &p->items[p->shown[p->sel]]);
		return MODE_HANDLED | MODE_CLOSE;
	}
	if (!is_char && (key == KEY_UP || key == KEY_DOWN || key == KEY_PPAGE ||
	    key == KEY_NPAGE)) {
		p->sel += key == KEY_UP ? -1 : key == KEY_DOWN ? 1 :
		    key == KEY_PPAGE ? -10 : 10;
		if (p->sel >= (int)p->nshown)
			p->sel = (int)p->nshown - 1;
		if (p->sel < 0)
			p->sel = 0;
		return MODE_HANDLED | MODE_REDRAW;
	}
	if (le_key(&p->filter, key, is_char) & LE_CHANGED)
		pick_filter(p);
	return MODE_HANDLED | MODE_REDRAW;
}

static void
pick_free(struct mode *m)
{
	struct pick	*p = m->data;
	struct pick_list l;

	if (p == NULL)
		return;
	l.items = p->items;
	l.n = p->n;
	pick_list_free(&l);
	free(p->shown);
	free(p->title);
	le_free(&p->filter);
	if (p->arg_free != NULL)
		p->arg_free(p->arg);
	free(p);
}

static int
pick_open(struct mode *m, const struct mode_args *args, char **cause)
{
	struct pick_request	*rq = args->data;
	struct pick		*p;

	(void)cause;
	p = xcalloc(1, sizeof *p);
	m->data = p;
	p->title = utf8_clean(rq->title, strlen(rq->title), 0);
	p->items = rq->list->items;
	p->n = rq->list->n;
	rq->list->items = NULL;
	rq->list->n = 0;
	p->shown = xreallocarray(NULL, p->n + 1, sizeof *p->shown);
	p->done = rq->done;
	p->arg = rq->arg;
	p->arg_free = rq->arg_free;
	le_init(&p->filter);
	pick_filter(p);
	return 0;
}

const struct mode_ops picker_ops = {
	.open = pick_open,
	.resize = pick_resize,
	.draw = pick_draw,
	.key = pick_key,
	.free = pick_free,
};

void
pick_list_add(struct pick_list *l, const char *what, const char *detail,
    const char *key, int64_t id)
{
	char	*s;

	l->items = xreallocarray(l->items, l->n + 1, sizeof *l->items);
	s = xasprintf("%s (%s)", what, detail);
	l->items[l->n].label = utf8_clean(s, strlen(s), 0);
	l->items[l->n].key = key != NULL ? xstrdup(key) : NULL;
	l->items[l->n].id = id;
	l->n++;
	free(s);
}

void
pick_list_free(struct pick_list *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		free(l->items[i].label);
		free(l->items[i].key);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

void
picker_open(struct ui *ui, const char *title, struct pick_list *l,
    pick_done done, void *arg, void (*arg_free)(void *))
{
	struct pick_request	 rq = { title, l, done, arg, arg_free };
	struct mode_args	 args = { 0, NULL, &rq };

	if (ui_open(ui, "pick", &args) != 0) {
		pick_list_free(l);
		if (arg_free != NULL)
			arg_free(arg);
	}
}
