/*
 * statusbar.c: the status line: where you are, where in the pane, the
 * keys that matter, and messages.  It has a line of its own, never drawn
 * over a pane.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "ui/pane.h"
#include "ui/ui.h"
#include "ui/ui_internal.h"

/* The keys worth a reminder in each pane, most useful first. */
static const char *const statusbar_hints[PANE_COUNT] = {
	"Enter:open  h:fold  /:search  m:mark  ?:help  q:quit",
	"PgDn:page  /:search  n/N:match  [:back  ?:help  q:quit",
	"Tab:next pane  z:zoom  ?:help  q:quit",
	"Tab:next pane  z:zoom  ?:help  q:quit",
	"Enter:open section  Tab:next pane  ?:help  q:quit",
};

void
statusbar_draw(struct ui *ui, WINDOW *w)
{
	struct strbuf	 right = STRBUF_INIT;
	struct pane	*p = ui->panes[ui->focus];
	char		 where[64] = "", *left;
	size_t		 essential;
	int		 cols = getmaxx(w), rw, lw, room;

	werase(w);
	wbkgdset(w, (chtype)theme_attr(THEME_STATUS));
	wattrset(w, theme_attr(THEME_STATUS));
	for (int i = 0; i < cols; i++)
		mvwaddch(w, 0, i, ' ');
	if (p->ops->where != NULL && ui->overlay == NULL)
		p->ops->where(p, where, sizeof where);
	if (ui->search.query != NULL && ui->search.result >= 0)
		strbuf_addf(&right, "match %d of %d, result %d of %d  ",
		    ui->search.nmatches ? ui->search.match + 1 : 0,
		    ui->search.nmatches, ui->search.result + 1,
		    ui->search.nresults);
	strbuf_addf(&right, "%s ", where);
	essential = right.len;
	/* An overlay on the whole screen has keys of its own. */
	strbuf_addf(&right, " %s ", ui->overlay != NULL &&
	    ui->overlay->ops->hints != NULL ? ui->overlay->ops->hints :
	    statusbar_hints[ui->focus]);
	if (ui->message != NULL)
		left = strdup(ui->message);
	else
		left = utf8_clean(ui->node.path != NULL ? ui->node.path : "",
		    ui->node.path != NULL ? strlen(ui->node.path) : 0, 0);
	lw = utf8_width(left, strlen(left));
	/* Room: the message or path, the position, then the hints. */
	rw = utf8_width(right.buf, right.len);
	if (lw + 2 + rw > cols) {
		right.len = essential;
		right.buf[essential] = '\0';
		rw = utf8_width(right.buf, right.len);
	}
	room = cols - rw - 2;
	if (room < cols / 3 && ui->message != NULL)
		room = cols - 2;	/* a message matters more */
	if (room < 0)
		room = 0;
	wattrset(w, theme_attr(ui->message != NULL && ui->message_error ?
	    THEME_ERROR : THEME_STATUS));
	wmove(w, 0, 0);
	waddch(w, ' ');
	ui_addfit(w, left, room);
	if (room + 2 + rw <= cols && rw > 0) {
		wattrset(w, theme_attr(THEME_STATUS_KEY));
		wmove(w, 0, cols - rw);
		ui_addfit(w, right.buf, rw);
	}
	free(left);
	strbuf_free(&right);
}
