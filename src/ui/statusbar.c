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
#include "core/xmalloc.h"
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
 * name, the reason), the middle giving way to an ellipsis; the end's last
 * word whole, where it leaves the start some room.
 */
static void
sb_add_message(WINDOW *w, const char *s, int room)
{
	const char	*last;
	int		 head, lastw;

	if (utf8_width(s, strlen(s)) <= room || room < 8) {
		ui_addfit(w, s, room);
		return;
	}
	head = (room - 1) / 3;
	/* The last word (a file name) whole, where the start keeps 8 columns. */
	if ((last = strrchr(s, ' ')) != NULL && (lastw = utf8_width(last,
	    strlen(last))) > room - 1 - head && lastw <= room - 1 - 8)
		head = room - 1 - lastw;
	waddnstr(w, s, (int)sb_head(s, head));
	waddstr(w, "…");
	waddstr(w, sb_tail(s, room - 1 - head));
}

/*
 * The path and the selected row's full title, "path — Title", where it
 * fits beside the right part (the hints giving way first; *hints is
 * cleared if they must); else the title first, then the path, cut at the
 * end: the title is what the outline cuts.  A new string.
 */
static char *
sb_left(const struct status_in *in, int cols, int rw_full, int rw_bare,
    int *hints)
{
	char	*s;
	int	 w;

	if (in->message || in->title == NULL || *in->title == '\0')
		return xstrdup(in->left);
	s = xasprintf("%s — %s", in->left, in->title);
	w = utf8_width(s, strlen(s));
	if (w + 2 + rw_full <= cols)
		return s;
	*hints = 0;
	if (w + 2 + rw_bare <= cols)
		return s;
	free(s);
	return xasprintf("%s — %s", in->title, in->left);
}

void
statusbar_draw(WINDOW *w, const struct status_in *in)
{
	struct strbuf	 right = STRBUF_INIT;
	size_t		 essential;
	char		*left;
	int		 cols = getmaxx(w), rw, lw, room, i, hints = 1;

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
	left = sb_left(in, cols, utf8_width(right.buf, right.len),
	    utf8_width(right.buf, essential), &hints);
	lw = utf8_width(left, strlen(left));
	/* Room: the message or path, the position, then the hints. */
	rw = utf8_width(right.buf, right.len);
	if (!hints || lw + 2 + rw > cols) {
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
		sb_add_message(w, left, room);
	else
		ui_addfit(w, left, room);
	if (room + 2 + rw <= cols && rw > 0) {
		wattrset(w, theme_attr(THEME_STATUS_KEY));
		wmove(w, 0, cols - rw);
		ui_addfit(w, right.buf, rw);
	}
	strbuf_free(&right);
	free(left);
}
