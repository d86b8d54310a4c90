/*
 * uiutil.c: small helpers the parts of the browser share: drawing text
 * that fits, and questions about the tree.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/db.h"
#include "core/find.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "core/xmalloc.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

int
ui_resolve_exact(struct ui *ui, const char *path, int64_t *id)
{
	sqlite3_stmt	*st;
	char		*cause = NULL;
	int		 rc = -1;

	*id = 0;
	if (db_stmt(ui_db(ui), "SELECT id FROM nodes WHERE path = ?1", &st,
	    &cause) != 0) {
		ui_error(ui, &cause);
		return -1;
	}
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = 0;
	}
	db_release(ui_db(ui), st);
	return rc;
}

static int
ui_first_cb(const struct node *n, void *arg)
{
	*(int64_t *)arg = n->id;
	return 1;
}

int64_t
ui_first_node(struct ui *ui)
{
	char	*cause = NULL;
	int64_t	 id = 0;

	if (model_children(ui_db(ui), 0, ui_first_cb, &id, &cause) != 0)
		ui_error(ui, &cause);
	return id;
}

void
ui_addfit(WINDOW *w, const char *s, int cols)
{
	char	*fit;

	if (cols <= 0)
		return;
	fit = wrap_fit(s, strlen(s), cols, NULL);
	waddstr(w, fit);
	free(fit);
}

void
ui_addmarked(WINDOW *w, const char *s, int cols, int attr)
{
	char		*clean;
	const char	*p;
	size_t		 on = strlen(FIND_MARK_ON), off = strlen(FIND_MARK_OFF);
	size_t		 n;
	uint32_t	 cp;
	int		 col = 0, cw, marked = 0;

	/* A snippet spans paragraphs: their breaks are spaces here. */
	clean = utf8_clean(s, strlen(s), UTF8_KEEP_NL);
	for (char *c = clean; (c = strchr(c, '\n')) != NULL; c++)
		*c = ' ';
	for (p = clean; *p != '\0' && col < cols; p += n) {
		if (strncmp(p, FIND_MARK_ON, on) == 0) {
			marked = 1;
			n = on;
			continue;
		}
		if (strncmp(p, FIND_MARK_OFF, off) == 0) {
			marked = 0;
			n = off;
			continue;
		}
		n = utf8_decode(p, strlen(p), &cp);
		cw = utf8_cpwidth(cp);
		if (col + cw > cols)
			break;
		wattrset(w, marked ? theme_attr(THEME_MATCH) : attr);
		waddnstr(w, p, (int)n);
		col += cw;
	}
	wattrset(w, attr);
	free(clean);
}

char *
ui_breadcrumb(struct ui *ui, int64_t id)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct node	 n;
	char		*cause = NULL, *clean, **titles = NULL;
	size_t		 count = 0, i;

	/* The ancestors: the node's own title is on the line below. */
	if (model_get(ui_db(ui), id, &n, &cause) == 0) {
		id = n.parent;
		node_clear(&n);
	} else {
		ui_error(ui, &cause);
		id = 0;
	}
	while (id != 0 && model_get(ui_db(ui), id, &n, &cause) == 0) {
		titles = xreallocarray(titles, count + 1, sizeof *titles);
		titles[count++] = xstrdup(n.title);
		id = n.parent;
		node_clear(&n);
	}
	ui_error(ui, &cause);
	if (count == 0 && model_meta(ui_db(ui), "title", &clean, &cause) == 0 &&
	    clean != NULL) {
		strbuf_adds(&sb, clean);	/* a top-level part: the report */
		free(clean);
	}
	ui_error(ui, &cause);
	for (i = count; i-- > 0;) {
		strbuf_adds(&sb, titles[i]);
		if (i > 0)
			strbuf_adds(&sb, ui_utf8(ui) ? " › " : " > ");
		free(titles[i]);
	}
	free(titles);
	clean = utf8_clean(strbuf_str(&sb), sb.len, 0);
	strbuf_free(&sb);
	return clean;
}

int64_t
ui_statement_of(struct ui *ui, int64_t id)
{
	struct node	 n;
	char		*cause = NULL;
	int64_t		 st = 0, cyp = 0;

	if (id == 0)
		return 0;
	if (model_ancestor(ui_db(ui), id, "statement", &st, &cause) == 0 &&
	    st == 0 &&
	    model_ancestor(ui_db(ui), id, "cyp-section", &cyp, &cause) == 0 &&
	    cyp != 0 && model_get(ui_db(ui), cyp, &n, &cause) == 0) {
		st = n.link;
		node_clear(&n);
	}
	ui_error(ui, &cause);
	return st;
}

/* The crumb and the title, on the two lines above the text. */
int
ui_title_lines(const struct node *n, int cols, int maxlines)
{
	const char		*t = *n->heading != '\0' ? n->heading : n->title;
	struct wrap_line	*wl = NULL;
	char			*title;
	size_t			 nl;

	title = utf8_clean(t, strlen(t), 0);
	nl = wrap_text(title, strlen(title), cols > 0 ? cols : 1, &wl);
	free(wl);
	free(title);
	if (nl < 1)
		nl = 1;
	return (int)nl < maxlines ? (int)nl : maxlines;
}

int
ui_draw_title(WINDOW *w, int y, int x, int cols, const char *crumb,
    const struct node *n, int maxlines)
{
	const char		*t = *n->heading != '\0' ? n->heading : n->title;
	struct wrap_line	*wl = NULL;
	char			*title, *line;
	size_t			 nl, i;

	wattrset(w, theme_attr(THEME_CRUMB));
	wmove(w, y, x);
	ui_addfit(w, crumb != NULL ? crumb : "", cols);
	title = utf8_clean(t, strlen(t), 0);
	nl = wrap_text(title, strlen(title), cols > 0 ? cols : 1, &wl);
	wattrset(w, theme_attr(THEME_HEADING));
	for (i = 0; i < nl && (int)i < maxlines; i++) {
		wmove(w, y + 1 + (int)i, x);
		/* The last line room allows: the rest of the title, cut. */
		line = (int)i + 1 == maxlines ? xstrdup(title + wl[i].off) :
		    xstrndup(title + wl[i].off, wl[i].len);
		ui_addfit(w, line, cols);
		free(line);
	}
	free(wl);
	free(title);
	return 1 + (nl < 1 ? 1 : (int)nl < maxlines ? (int)nl : maxlines);
}

void
ui_box_place(struct rect *r, int h, int w, int margin, int min_h, int min_w,
    int top)
{
	int	 lines = r->h, cols = r->w;

	if (h > lines - margin)
		h = lines - margin;
	if (w > cols - 4)
		w = cols - 4;
	/* On a small screen a box takes it all: no scraps of panes beside. */
	if (h < min_h || lines < 16)
		h = lines;
	if (w < min_w || cols < 60)
		w = cols;
	r->y = lines > h + top ? top : 0;
	r->x = (cols - w) / 2;
	r->h = h;
	r->w = w;
}

void
ui_box_draw(WINDOW *w, const char *title)
{
	char	*clean = utf8_clean(title, strlen(title), 0);

	werase(w);
	wattrset(w, theme_attr(THEME_TITLE_FOCUS));
	box(w, 0, 0);
	wmove(w, 0, 2);
	waddch(w, '[');
	ui_addfit(w, clean, getmaxx(w) - 6);
	waddch(w, ']');
	wattrset(w, theme_attr(THEME_NORMAL));
	free(clean);
}
