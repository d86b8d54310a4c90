/*
 * statusbar.c: the status line: where you are, where in the pane, the
 * keys that matter, and messages.  It has a line of its own, never drawn
 * over a pane, and knows nothing of the browser: the loop fills in what
 * it shows.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "ui/statusbar.h"
#include "ui/theme.h"
#include "ui/uiutil.h"

void
statusbar_draw(WINDOW *w, const struct status_in *in)
{
	struct strbuf	 right = STRBUF_INIT;
	size_t		 essential;
	int		 cols = getmaxx(w), rw, lw, room, i;

	werase(w);
	wbkgdset(w, (chtype)theme_attr(THEME_STATUS));
	wattrset(w, theme_attr(THEME_STATUS));
	for (i = 0; i < cols; i++)
		mvwaddch(w, 0, i, ' ');
	if (in->search != NULL)
		strbuf_addf(&right, "%s  ", in->search);
	strbuf_addf(&right, "%s ", in->where);
	essential = right.len;
	if (in->hints != NULL)
		strbuf_addf(&right, " %s ", in->hints);
	lw = utf8_width(in->left, strlen(in->left));
	/* Room: the message or path, the position, then the hints. */
	rw = utf8_width(right.buf, right.len);
	if (lw + 2 + rw > cols) {
		right.len = essential;
		right.buf[essential] = '\0';
		rw = utf8_width(right.buf, right.len);
	}
	room = cols - rw - 2;
	if (room < cols / 3 && in->message)
		room = cols - 2;	/* a message matters more */
	if (room < 0)
		room = 0;
	wattrset(w, theme_attr(in->message && in->error ? THEME_ERROR :
	    THEME_STATUS));
	wmove(w, 0, 0);
	waddch(w, ' ');
	ui_addfit(w, in->left, room);
	if (room + 2 + rw <= cols && rw > 0) {
		wattrset(w, theme_attr(THEME_STATUS_KEY));
		wmove(w, 0, cols - rw);
		ui_addfit(w, right.buf, rw);
	}
	strbuf_free(&right);
}
