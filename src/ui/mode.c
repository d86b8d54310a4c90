/*
 * mode.c: what every pane shares: its frame and its inside.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "ui/mode.h"
#include "ui/registry.h"
#include "ui/theme.h"

int
mode_rows(const struct mode *m)
{
	return m->r.h > 2 ? m->r.h - 2 : 0;
}

int
mode_cols(const struct mode *m)
{
	return m->r.w > 2 ? m->r.w - 2 : 0;
}

void
mode_frame(struct mode *m, WINDOW *w, int focused, const char *extra)
{
	char	 title[64];
	int	 len, elen;

	wattrset(w, theme_attr(focused ? THEME_TITLE_FOCUS : THEME_BORDER));
	box(w, 0, 0);
	/*
	 * The focused pane's title is in brackets, seen without colour; a
	 * narrow pane cuts the title, never the brackets.  The titles are
	 * the registry's, so the buffer bounds them, not the data.
	 */
	len = snprintf(title, sizeof title, "%d %s", m->id + 1,
	    m->entry->title);
	if (len > (int)sizeof title - 1)
		len = (int)sizeof title - 1;
	if (len > m->r.w - 6)
		len = m->r.w - 6;
	if (len > 0) {
		wattrset(w, theme_attr(focused ? THEME_TITLE_FOCUS :
		    THEME_TITLE));
		mvwaddch(w, 0, 2, focused ? '[' : ' ');
		waddnstr(w, title, len);
		waddch(w, focused ? ']' : ' ');
		len += 2;
	}
	if (extra != NULL && *extra != '\0') {
		elen = (int)strlen(extra);
		if (2 + len + elen + 4 <= m->r.w) {
			wattrset(w, theme_attr(THEME_TITLE));
			mvwprintw(w, 0, m->r.w - elen - 3, " %s ", extra);
		}
	}
	wattrset(w, theme_attr(THEME_NORMAL));
}
