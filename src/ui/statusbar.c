/*
 * statusbar.c: the status line: where you are, where in the pane, the
 * keys that matter, and messages.  It has a line of its own, never drawn
 * over a pane, and knows nothing of the browser: the loop fills in what
 * it shows.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <curses.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "ui/statusbar.h"
#include "ui/theme.h"
#include "ui/uiutil.h"

/* The bytes of s that fill at most cols columns from its start. */
static size_t
sb_head(const char *s, int cols)
{
	size_t	 i = 0, n, len = strlen(s);
	uint32_t cp;
	int	 w = 0, cw;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		cw = utf8_cpwidth(cp);
		if (w + (cw > 0 ? cw : 0) > cols)
			break;
		w += cw > 0 ? cw : 0;
		i += n;
	}
	return i;
}

/* The byte where the last cols columns of s start. */
static const char *
sb_tail(const char *s, int cols)
{
	const char	*p = s;
	int		 w = utf8_width(s, strlen(s));

	while (*p != '\0' && w > cols) {
		p += sb_head(p, 1) > 0 ? sb_head(p, 1) : 1;
		w = utf8_width(p, strlen(p));
	}
	return p;
}

/*
 * A message too long for its room keeps its start and its end (the file
 * name, the reason), the middle giving way to an ellipsis.
 */
static void
sb_add_message(WINDOW *w, const char *s, int room)
{
	int	 head;

	if (utf8_width(s, strlen(s)) <= room || room < 8) {
		ui_addfit(w, s, room);
		return;
	}
	head = (room - 1) / 3;
	waddnstr(w, s, (int)sb_head(s, head));
	waddstr(w, "…");
	waddstr(w, sb_tail(s, room - 1 - head));
}

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
	/* A message outranks the search's place: that is state, for later. */
	if (in->search != NULL && !in->message)
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
	if (in->message && lw > room)
		room = cols - 2;	/* a message matters more */
	if (room < 0)
		room = 0;
	wattrset(w, theme_attr(in->message && in->error ? THEME_ERROR :
	    THEME_STATUS));
	wmove(w, 0, 0);
	waddch(w, ' ');
	if (in->message)
		sb_add_message(w, in->left, room);
	else
		ui_addfit(w, in->left, room);
	if (room + 2 + rw <= cols && rw > 0) {
		wattrset(w, theme_attr(THEME_STATUS_KEY));
		wmove(w, 0, cols - rw);
		ui_addfit(w, right.buf, rw);
	}
	strbuf_free(&right);
}
