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
	tv->more = NULL;
	tv->more_arg = NULL;
	tv->wrap_item = tv->wrap_pos = tv->wrap_lines = 0;
	tv->wrap_begun = 0;
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
	it->len = strlen(it->text);
	it->role = role;
	it->first = first != NULL ? utf8_clean(first, strlen(first), 0) : NULL;
	it->indent = indent;
	it->gap = gap;
	/* No new layout: the wrap comes to it in turn. */
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

/* The columns for an item's text, after what starts its lines. */
static int
tv_text_width(const struct tv_item *it, int width)
{
	int	 fw, w;

	fw = it->first != NULL ? utf8_width(it->first, strlen(it->first)) : 0;
	w = width - (fw > it->indent ? fw : it->indent);
	return w < 1 ? 1 : w;
}

/* Has every item been wrapped, and none is to come? */
static int
tv_wrapped(const struct textview *tv)
{
	return tv->wrap_item >= tv->nitems && tv->more == NULL;
}

/*
 * Wrap on, a line at a time, until want lines are made or all are: what
 * is never shown is never wrapped.  A gap is a blank line before an item
 * (not before the first line); an empty item is one empty line.
 */
static void
tv_wrap_until(struct textview *tv, size_t want)
{
	struct wrap_line	 wl;
	struct tv_item		*it;

	if (tv->width < 0)
		return;
	while (tv->nlines < want && !tv_wrapped(tv)) {
		if (tv->wrap_item >= tv->nitems) {
			if (!tv->more(tv->more_arg) ||
			    tv->wrap_item >= tv->nitems)
				tv->more = NULL;
			continue;
		}
		it = &tv->items[tv->wrap_item];
		if (!tv->wrap_begun) {
			tv->wrap_begun = 1;
			if (it->gap && tv->nlines > 0) {
				tv_push(tv, tv->wrap_item, 0, 0, 0, 1);
				continue;
			}
		}
		if (wrap_next(it->text, it->len, tv_text_width(it, tv->width),
		    &tv->wrap_pos, &wl)) {
			tv_push(tv, tv->wrap_item, wl.off, wl.len,
			    tv->wrap_lines++ == 0, 0);
			continue;
		}
		if (tv->wrap_lines == 0)
			tv_push(tv, tv->wrap_item, 0, 0, 1, 0);
		tv->wrap_item++;
		tv->wrap_pos = tv->wrap_lines = 0;
		tv->wrap_begun = 0;
	}
}

/* Wrap on until item i has all its lines (and the next has begun). */
static void
tv_wrap_item(struct textview *tv, size_t i)
{
	while (!tv_wrapped(tv) && tv->wrap_item <= i)
		tv_wrap_until(tv, tv->nlines + 1);
}

size_t
tv_nlines(struct textview *tv)
{
	tv_wrap_until(tv, SIZE_MAX);
	return tv->nlines;
}

void
tv_layout(struct textview *tv, int width)
{
	if (width == tv->width)
		return;
	tv->nlines = 0;
	tv->wrap_item = tv->wrap_pos = tv->wrap_lines = 0;
	tv->wrap_begun = 0;
	tv->width = width;
	/* The top stays on the text: the lines up to it are made. */
	tv_wrap_until(tv, (size_t)(tv->top > 0 ? tv->top : 0) + 1);
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

static int	tv_max_top(struct textview *);
static int	tv_clamp(struct textview *, int);
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
		tv->top = tv_clamp(tv, tv->top);
		tv_follow_sel(tv);
	}
	tv->drawn_rows = rows;
	tv_wrap_until(tv, (size_t)tv->top + (size_t)(rows > 0 ? rows : 0));
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

/* The last top that leaves no blank below the end: all lines wrapped. */
static int
tv_max_top(struct textview *tv)
{
	int	 m = (int)tv_nlines(tv) - (tv->rows > 0 ? tv->rows : 1);

	return m < 0 ? 0 : m;
}

/*
 * top kept between 0 and the last top, wrapping no further than a
 * screenful below it: while lines are still to come, it is not past the
 * end.
 */
static int
tv_clamp(struct textview *tv, int top)
{
	int	 rows = tv->rows > 0 ? tv->rows : 1, m;

	if (top < 0)
		return 0;
	tv_wrap_until(tv, (size_t)top + (size_t)rows);
	if (!tv_wrapped(tv))
		return top;
	m = (int)tv->nlines - rows;
	if (m < 0)
		m = 0;
	return top > m ? m : top;
}

int
tv_sel_row(struct textview *tv)
{
	size_t	 i;

	if (tv->sel < 0)
		return 0;
	tv_wrap_item(tv, (size_t)tv->sel);
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
	tv->top = tv_clamp(tv, top);
	return MODE_HANDLED | MODE_REDRAW;
}

void
tv_show(struct textview *tv, size_t item, size_t off)
{
	size_t	 i;

	tv_wrap_item(tv, item);
	for (i = 0; i < tv->nlines; i++) {
		if (tv->lines[i].item != item || tv->lines[i].blank)
			continue;
		if (off < tv->lines[i].off + tv->lines[i].len ||
		    i + 1 == tv->nlines || tv->lines[i + 1].item != item) {
			/* A little context above the line, if there is room. */
			tv->top = tv_clamp(tv, (int)i - (tv->rows > 6 ? 2 :
			    0));
			return;
		}
	}
}

int
tv_item_at(struct textview *tv, int row)
{
	int	 i = tv->top + row;

	if (row < 0)
		return -1;
	tv_wrap_until(tv, (size_t)i + 1);
	if (i >= (int)tv->nlines || tv->lines[i].blank)
		return -1;
	return (int)tv->lines[i].item;
}

/*
 * All, Top and Bot need the lines to a screenful past the top only; a
 * percentage, all of them.
 */
void
tv_where(struct textview *tv, char *buf, size_t len)
{
	int	 rows = tv->rows > 0 ? tv->rows : 1, max;

	tv_wrap_until(tv, (size_t)(tv->top > 0 ? tv->top : 0) +
	    (size_t)rows + 1);
	if (tv_wrapped(tv) && (int)tv->nlines <= rows)
		snprintf(buf, len, "All");
	else if (tv->top == 0)
		snprintf(buf, len, "Top");
	else if (tv_wrapped(tv) && tv->top >= (int)tv->nlines - rows)
		snprintf(buf, len, "Bot");
	else {
		max = tv_max_top(tv);
		snprintf(buf, len, "%d%%", tv->top >= max ? 100 :
		    tv->top * 100 / max);
	}
}
