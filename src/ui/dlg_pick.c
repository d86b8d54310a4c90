/*
 * dlg_pick.c: choose one thing from a list by typing part of its name.
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
#include "ui/ui.h"
#include "ui/ui_internal.h"

struct pick {
	char			*title;
	struct pick_item	*items;
	size_t			 n;
	size_t			*shown;		/* indexes of matching items */
	size_t			 nshown;
	int			 sel, top;
	struct strbuf		 filter;
	pick_done		 done;
	void			*arg;
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
		if (pick_match(p->items[i].label, strbuf_str(&p->filter)))
			p->shown[p->nshown++] = i;
	p->sel = 0;
	p->top = 0;
}

static void
pick_draw(struct overlay *o, struct ui *ui)
{
	struct pick	*p = o->data;
	char		*f;
	int		 h, w, rows, i, y, x;

	(void)ui;
	h = LINES - 3 < 20 ? LINES - 3 : 20;
	w = COLS - 4 < 80 ? COLS - 4 : 80;
	if (h < 5)
		h = LINES - 1;
	if (w < 20)
		w = COLS;
	if (o->win == NULL || getmaxy(o->win) != h || getmaxx(o->win) != w) {
		if (o->win != NULL)
			delwin(o->win);
		o->win = newwin(h, w, LINES > h + 2 ? 2 : 0, (COLS - w) / 2);
	}
	werase(o->win);
	wattrset(o->win, theme_attr(THEME_TITLE_FOCUS));
	box(o->win, 0, 0);
	wmove(o->win, 0, 2);
	waddch(o->win, '[');
	ui_addfit(o->win, p->title, w - 6);
	waddch(o->win, ']');
	wattrset(o->win, theme_attr(THEME_SUBHEADING));
	mvwaddstr(o->win, 1, 1, "Type to narrow: ");
	wattrset(o->win, theme_attr(THEME_NORMAL));
	f = utf8_clean(strbuf_str(&p->filter), p->filter.len, 0);
	ui_addfit(o->win, f, w - 2 - getcurx(o->win));
	free(f);
	x = getcurx(o->win);
	rows = h - 3;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + rows)
		p->top = p->sel - rows + 1;
	for (i = p->top, y = 2; i < (int)p->nshown && y < h - 1; i++, y++) {
		wattrset(o->win, theme_attr(i == p->sel ? THEME_SELECTED :
		    THEME_NORMAL));
		mvwaddstr(o->win, y, 1, i == p->sel ? ">" : " ");
		ui_addfit(o->win, p->items[p->shown[i]].label, w - 3);
	}
	if (p->nshown == 0) {
		wattrset(o->win, theme_attr(THEME_DIM));
		mvwaddstr(o->win, 2, 2, "Nothing matches.");
	}
	wmove(o->win, 1, x);
	wnoutrefresh(o->win);
}

static int
pick_key(struct overlay *o, struct ui *ui, int key, int is_char)
{
	struct pick	*p = o->data;
	char		 enc[4];

	if (is_char && key == 27)
		return 1;
	if (is_char && (key == '\r' || key == '\n')) {
		if (p->nshown == 0)
			return 0;
		p->done(ui, p->arg, &p->items[p->shown[p->sel]]);
		return 1;
	}
	if (!is_char && (key == KEY_UP || key == KEY_DOWN || key == KEY_PPAGE ||
	    key == KEY_NPAGE)) {
		p->sel += key == KEY_UP ? -1 : key == KEY_DOWN ? 1 :
		    key == KEY_PPAGE ? -10 : 10;
		if (p->sel >= (int)p->nshown)
			p->sel = (int)p->nshown - 1;
		if (p->sel < 0)
			p->sel = 0;
		return 0;
	}
	if ((is_char && (key == 127 || key == 8)) ||
	    (!is_char && key == KEY_BACKSPACE)) {
		while (p->filter.len > 0 &&
		    (p->filter.buf[p->filter.len - 1] & 0xc0) == 0x80)
			p->filter.len--;
		if (p->filter.len > 0)
			p->filter.buf[--p->filter.len] = '\0';
	} else if (is_char && key >= 0x20 && key != 0x7f &&
	    utf8_classify((uint32_t)key) == UTF8_PRINT)
		strbuf_add(&p->filter, enc, utf8_encode((uint32_t)key, enc));
	else
		return 0;
	pick_filter(p);
	return 0;
}

static void
pick_free(struct overlay *o)
{
	struct pick	*p = o->data;
	size_t		 i;

	for (i = 0; i < p->n; i++) {
		free(p->items[i].label);
		free(p->items[i].key);
	}
	free(p->items);
	free(p->shown);
	free(p->title);
	strbuf_free(&p->filter);
	free(p);
	if (o->win != NULL)
		delwin(o->win);
	free(o);
}

static const struct overlay_ops pick_ops = {
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

struct overlay *
dlg_pick_new(const char *title, struct pick_item *items, size_t n,
    pick_done done, void *arg)
{
	struct overlay	*o;
	struct pick	*p;

	o = xcalloc(1, sizeof *o);
	p = xcalloc(1, sizeof *p);
	p->title = utf8_clean(title, strlen(title), 0);
	p->items = items;
	p->n = n;
	p->shown = xreallocarray(NULL, n + 1, sizeof *p->shown);
	p->done = done;
	p->arg = arg;
	strbuf_init(&p->filter);
	pick_filter(p);
	o->ops = &pick_ops;
	o->data = p;
	return o;
}
