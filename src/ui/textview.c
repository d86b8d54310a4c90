/*
 * textview.c: scrolling, wrapped, highlighted text inside a pane.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "core/wrap.h"
#include "core/xmalloc.h"
#include "ui/textview.h"
#include "ui/mode.h"

void
tv_init(struct textview *tv)
{
	memset(tv, 0, sizeof *tv);
	tv->sel = -1;
	tv->width = -1;
}

void
tv_clear(struct textview *tv)
{
	size_t	 i;

	for (i = 0; i < tv->nitems; i++) {
		free(tv->items[i].text);
		free(tv->items[i].first);
		free(tv->items[i].spans);
	}
	tv->nitems = 0;
	tv->nlines = 0;
	tv->width = -1;
	tv->top = 0;
	tv->sel = -1;
}

void
tv_free(struct textview *tv)
{
	tv_clear(tv);
	free(tv->items);
	free(tv->lines);
	tv_init(tv);
}

struct tv_item *
tv_add(struct textview *tv, const char *text, size_t len, enum theme_role role,
    const char *first, int indent, int gap)
{
	struct tv_item	*it;

	if (tv->nitems == tv->icap) {
		tv->icap = tv->icap ? tv->icap * 2 : 32;
		tv->items = xreallocarray(tv->items, tv->icap, sizeof *it);
	}
	it = &tv->items[tv->nitems++];
	memset(it, 0, sizeof *it);
	it->text = utf8_clean(text, len, 0);
	it->role = role;
	it->first = first != NULL ? utf8_clean(first, strlen(first), 0) : NULL;
	it->indent = indent;
	it->gap = gap;
	tv->width = -1;
	return it;
}

void
tv_span(struct tv_item *it, size_t off, size_t len, enum theme_role role)
{
	struct tv_span	*s;

	it->spans = xreallocarray(it->spans, it->nspans + 1, sizeof *s);
	s = &it->spans[it->nspans++];
	s->off = off;
	s->len = len;
	s->role = role;
}

static void
tv_push(struct textview *tv, size_t item, size_t off, size_t len, int first,
    int blank)
{
	struct tv_line	*l;

	if (tv->nlines == tv->lcap) {
		tv->lcap = tv->lcap ? tv->lcap * 2 : 64;
		tv->lines = xreallocarray(tv->lines, tv->lcap, sizeof *l);
	}
	l = &tv->lines[tv->nlines++];
	l->item = item;
	l->off = off;
	l->len = len;
	l->first = first;
	l->blank = blank;
}

void
tv_layout(struct textview *tv, int width)
{
	struct wrap_line	*wl;
	struct tv_item		*it;
	size_t			 i, j, n;
	int			 w, fw;

	if (width == tv->width)
		return;
	tv->nlines = 0;
	tv->width = width;
	for (i = 0; i < tv->nitems; i++) {
		it = &tv->items[i];
		if (it->gap && tv->nlines > 0)
			tv_push(tv, i, 0, 0, 0, 1);
		fw = it->first != NULL ? utf8_width(it->first,
		    strlen(it->first)) : 0;
		w = width - (fw > it->indent ? fw : it->indent);
		n = wrap_text(it->text, strlen(it->text), w < 1 ? 1 : w, &wl);
		for (j = 0; j < n; j++)
			tv_push(tv, i, wl[j].off, wl[j].len, j == 0, 0);
		if (n == 0)
			tv_push(tv, i, 0, 0, 1, 0);
		free(wl);
	}
	if (tv->top > (int)tv->nlines - 1)
		tv->top = tv->nlines > 0 ? (int)tv->nlines - 1 : 0;
}

/* The role of byte off of item: the last span covering it wins. */
static enum theme_role
tv_role_at(const struct tv_item *it, size_t off, size_t *until)
{
	enum theme_role	 role = it->role;
	size_t		 i, end = SIZE_MAX;

	for (i = 0; i < it->nspans; i++) {
		const struct tv_span *s = &it->spans[i];

		if (off >= s->off && off < s->off + s->len) {
			role = s->role;
			end = s->off + s->len;
		} else if (s->off > off && s->off < end)
			end = s->off;
	}
	*until = end;
	return role;
}

static void
tv_draw_line(struct textview *tv, WINDOW *win, const struct tv_line *l,
    int selected)
{
	const struct tv_item	*it = &tv->items[l->item];
	size_t			 off, end, until;
	enum theme_role		 role;
	int			 i, extra;

	extra = selected == 1 ? theme_attr(THEME_SELECTED) :
	    selected == 2 ? theme_attr(THEME_SELECTED_DIM) : 0;
	wattrset(win, theme_attr(it->role) | extra);
	/* The selection is marked by a character too, not by colour alone. */
	if (l->first && it->first != NULL && selected && *it->first == ' ') {
		waddch(win, '>');
		waddstr(win, it->first + 1);
	} else if (l->first && it->first != NULL)
		waddstr(win, it->first);
	else if (!l->first)
		for (i = 0; i < it->indent; i++)
			waddch(win, ' ');
	off = l->off;
	end = l->off + l->len;
	while (off < end) {
		role = tv_role_at(it, off, &until);
		if (until > end)
			until = end;
		wattrset(win, theme_attr(role) | extra);
		waddnstr(win, it->text + off, (int)(until - off));
		off = until;
	}
}

static int	tv_max_top(const struct textview *);
static void	tv_follow_sel(struct textview *);

void
tv_draw(struct textview *tv, WINDOW *win, int y, int x, int rows, int cols,
    int focused)
{
	const struct tv_line	*l;
	int			 row, i;

	tv_layout(tv, cols);
	tv->rows = rows;
	/* At a new size (a zoom): no blank below the end, the selection in
	 * view. */
	if (tv->drawn_rows != 0 && tv->drawn_rows != rows) {
		if (tv->top > tv_max_top(tv))
			tv->top = tv_max_top(tv);
		tv_follow_sel(tv);
	}
	tv->drawn_rows = rows;
	for (row = 0; row < rows; row++) {
		wattrset(win, theme_attr(THEME_NORMAL));
		wmove(win, y + row, x);
		for (i = 0; i < cols; i++)
			waddch(win, ' ');
		wmove(win, y + row, x);
		if (tv->top + row >= (int)tv->nlines)
			continue;
		l = &tv->lines[tv->top + row];
		if (l->blank)
			continue;
		tv_draw_line(tv, win, l, tv->sel >= 0 &&
		    (size_t)tv->sel == l->item ? (focused ? 1 : 2) : 0);
	}
	wattrset(win, theme_attr(THEME_NORMAL));
}

static int
tv_max_top(const struct textview *tv)
{
	int	 m = (int)tv->nlines - (tv->rows > 0 ? tv->rows : 1);

	return m < 0 ? 0 : m;
}

int
tv_sel_row(struct textview *tv)
{
	size_t	 i;

	if (tv->sel < 0)
		return 0;
	for (i = 0; i < tv->nlines; i++)
		if (tv->lines[i].item == (size_t)tv->sel && !tv->lines[i].blank)
			return (int)i - tv->top;
	return 0;
}

/* Keep the selected item in view. */
static void
tv_follow_sel(struct textview *tv)
{
	int	 row = tv_sel_row(tv);

	if (row < 0)
		tv->top += row;
	else if (row >= tv->rows && tv->rows > 0)
		tv->top += row - tv->rows + 1;
}

static int
tv_select_step(struct textview *tv, int step)
{
	int	 i;

	for (i = tv->sel + step; i >= 0 && i < (int)tv->nitems; i += step)
		if (tv->items[i].selectable) {
			tv->sel = i;
			tv_follow_sel(tv);
			return MODE_HANDLED | MODE_REDRAW;
		}
	return MODE_HANDLED;
}

int
tv_key(struct textview *tv, enum action a)
{
	int	 page = tv->rows > 1 ? tv->rows - 1 : 1, top = tv->top;

	if (tv->sel >= 0 && (a == ACT_UP || a == ACT_DOWN))
		return tv_select_step(tv, a == ACT_UP ? -1 : 1);
	switch (a) {
	case ACT_UP:		top--;			break;
	case ACT_DOWN:		top++;			break;
	case ACT_PAGE_UP:	top -= page;		break;
	case ACT_PAGE_DOWN:	top += page;		break;
	case ACT_HOME:		top = 0;		break;
	case ACT_END:		top = tv_max_top(tv);	break;
	default:
		return 0;
	}
	if (top > tv_max_top(tv))
		top = tv_max_top(tv);
	if (top < 0)
		top = 0;
	tv->top = top;
	return MODE_HANDLED | MODE_REDRAW;
}

void
tv_show(struct textview *tv, size_t item, size_t off)
{
	size_t	 i;

	for (i = 0; i < tv->nlines; i++) {
		if (tv->lines[i].item != item || tv->lines[i].blank)
			continue;
		if (off < tv->lines[i].off + tv->lines[i].len ||
		    i + 1 == tv->nlines || tv->lines[i + 1].item != item) {
			/* A little context above the line, if there is room. */
			tv->top = (int)i - (tv->rows > 6 ? 2 : 0);
			if (tv->top > tv_max_top(tv))
				tv->top = tv_max_top(tv);
			if (tv->top < 0)
				tv->top = 0;
			return;
		}
	}
}

int
tv_item_at(struct textview *tv, int row)
{
	int	 i = tv->top + row;

	if (row < 0 || i >= (int)tv->nlines || tv->lines[i].blank)
		return -1;
	return (int)tv->lines[i].item;
}

void
tv_where(struct textview *tv, char *buf, size_t len)
{
	int	 max = tv_max_top(tv);

	if (max == 0)
		snprintf(buf, len, "All");
	else if (tv->top == 0)
		snprintf(buf, len, "Top");
	else if (tv->top >= max)
		snprintf(buf, len, "Bot");
	else
		snprintf(buf, len, "%d%%", tv->top * 100 / max);
}
