/*
 * pane.c: what every pane shares: its frame and its inside.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "ui/pane.h"
#include "ui/theme.h"
#include "ui/ui.h"

int
pane_rows(const struct pane *p)
{
	return p->r.h > 2 ? p->r.h - 2 : 0;
}

int
pane_cols(const struct pane *p)
{
	return p->r.w > 2 ? p->r.w - 2 : 0;
}

void
pane_frame(struct pane *p, int focused, const char *extra)
{
	WINDOW	*w = p->win;
	char	 title[64];
	int	 len, elen;

	wattrset(w, theme_attr(focused ? THEME_TITLE_FOCUS : THEME_BORDER));
	box(w, 0, 0);
	/*
	 * The focused pane's title is in brackets, seen without colour; a
	 * narrow pane cuts the title, never the brackets.
	 */
	len = snprintf(title, sizeof title, "%d %s", p->id + 1, p->ops->title);
	if (len > p->r.w - 6)
		len = p->r.w - 6;
	if (len > 0) {
		wattrset(w, theme_attr(focused ? THEME_TITLE_FOCUS : THEME_TITLE));
		mvwaddch(w, 0, 2, focused ? '[' : ' ');
		waddnstr(w, title, len);
		waddch(w, focused ? ']' : ' ');
		len += 2;
	}
	if (extra != NULL && *extra != '\0') {
		elen = (int)strlen(extra);
		if (2 + len + elen + 4 <= p->r.w) {
			wattrset(w, theme_attr(THEME_TITLE));
			mvwprintw(w, 0, p->r.w - elen - 3, " %s ", extra);
		}
	}
	wattrset(w, theme_attr(THEME_NORMAL));
}
