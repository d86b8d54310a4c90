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

	wattr_set(w, theme_attr(focused ? THEME_TITLE_FOCUS : THEME_BORDER),
	    0, NULL);
	box(w, 0, 0);
	/* The focused pane's title is in brackets: seen without colour. */
	len = snprintf(title, sizeof title, focused ? "[%d %s]" : " %d %s ",
	    p->id + 1, p->ops->title);
	if (len > p->r.w - 4)
		len = p->r.w - 4;
	if (len > 0) {
		wattr_set(w, theme_attr(focused ? THEME_TITLE_FOCUS :
		    THEME_TITLE), 0, NULL);
		mvwaddnstr(w, 0, 2, title, len);
	}
	if (extra != NULL && *extra != '\0') {
		elen = (int)strlen(extra);
		if (2 + len + elen + 4 <= p->r.w) {
			wattr_set(w, theme_attr(THEME_TITLE), 0, NULL);
			mvwprintw(w, 0, p->r.w - elen - 3, " %s ", extra);
		}
	}
	wattr_set(w, theme_attr(THEME_NORMAL), 0, NULL);
}
