/*
 * view_library.c: the library's assessments, to choose the one to read
 * or two to set side by side.
 *
 * A row per member: its name, framework, rating, publication date and
 * title, the one shown marked '='.  Enter reads the chosen one (the
 * browser switches to it); m marks one, and c compares the chosen one
 * with the marked one (or, with none marked, with the one shown) in the
 * scores view ("reports").  A damaged member is listed with why, and
 * choosing it says so.  The rows are read when the view opens.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/library.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "core/xmalloc.h"
#include "ui/mode.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

struct lib_view {
	struct library_entry	*e;
	size_t			 n;
	char			**rows;		/* cleaned, one per member */
	int			 name_w, rating_w, pub_w;
	int			 sel, top, marked;	/* marked: -1 none */
};

/* Append s cleaned, padded (or cut) to w columns, then a gap. */
static void
lv_col(struct strbuf *sb, const char *s, int w)
{
	char	*clean = utf8_clean(s, strlen(s), 0);

	if (w > 0) {
		wrap_pad(sb, clean, strlen(clean), w);
		strbuf_adds(sb, "  ");
	} else
		strbuf_adds(sb, clean);
	free(clean);
}

/* The rating shown: "-" where there is none. */
static const char *
lv_rating(const struct library_entry *e)
{
	return e->cause == NULL && *e->rating != '\0' ? e->rating : "-";
}

/* The columns of member e: name, framework, rating, published, title. */
static char *
lv_row(const struct lib_view *v, const struct library_entry *e)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*why;
	size_t		 len;

	lv_col(&sb, e->name, v->name_w);
	if (e->cause != NULL) {
		/* Damaged: why, less its file's path (the name says it). */
		why = e->cause;
		len = e->path != NULL ? strlen(e->path) : 0;
		if (len > 0 && strncmp(why, e->path, len) == 0 &&
		    strncmp(why + len, ": ", 2) == 0)
			why += len + 2;
		lv_col(&sb, "cannot be read: ", 0);
		lv_col(&sb, why, 0);
		return strbuf_detach(&sb);
	}
	lv_col(&sb, e->framework, 3);
	lv_col(&sb, lv_rating(e), v->rating_w);
	lv_col(&sb, e->published, v->pub_w);
	lv_col(&sb, e->title, 0);
	return strbuf_detach(&sb);
}

/* The widest of a column, at most max. */
static void
lv_widen(int *w, const char *s, int max)
{
	int	 n = utf8_width(s, strlen(s));

	if (n > *w)
		*w = n < max ? n : max;
}

static void
lv_resize(struct mode *m, struct rect *r)
{
	(void)m;
	ui_box_place(r, 22, 110, 1, 5, 20, 1);
}

static void
lv_draw(struct mode *m, WINDOW *w, int focused)
{
	struct lib_view	*v = m->data;
	const char	*shown = ui_report(m->ui);
	int		 h = getmaxy(w), wd = getmaxx(w), rows, i, y;

	(void)focused;
	ui_box_draw(w, "Assessments in the library");
	rows = h - 2;
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + rows)
		v->top = v->sel - rows + 1;
	for (i = v->top, y = 1; i < (int)v->n && y <= rows; i++, y++) {
		wattrset(w, theme_attr(i == v->sel ? THEME_SELECTED :
		    v->e[i].cause != NULL ? THEME_ERROR : THEME_NORMAL));
		mvwaddch(w, y, 1, i == v->sel ? '>' : ' ');
		waddch(w, i == v->marked ? '*' : shown != NULL &&
		    strcmp(shown, v->e[i].name) == 0 ? '=' : ' ');
		waddch(w, ' ');
		ui_addfit(w, v->rows[i], wd - 5);
	}
	wmove(w, 1 + v->sel - v->top, 1);
}

/* Compare the chosen one with the marked one, or with the one shown. */
static int
lv_compare(struct mode *m, struct lib_view *v)
{
	char			*argv[2];
	struct mode_args	 args = { 2, argv, NULL };
	const char		*other;

	other = v->marked >= 0 && v->marked != v->sel ?
	    v->e[v->marked].name : ui_report(m->ui);
	if (other == NULL || strcmp(other, v->e[v->sel].name) == 0) {
		ui_message(m->ui, 0, "Mark one with m, choose another, then c "
		    "compares the two");
		return MODE_HANDLED;
	}
	argv[0] = (char *)other;
	argv[1] = v->e[v->sel].name;
	/* Opened over this list: Esc there comes back to it. */
	ui_open(m->ui, "reports", &args);
	return MODE_HANDLED | MODE_REDRAW;
}

static int
lv_key(struct mode *m, const struct mode_key *k)
{
	struct lib_view	*v = m->data;
	int		 rows = m->r.h - 2;

	switch (k->action) {
	case ACT_UP: v->sel--; break;
	case ACT_DOWN: v->sel++; break;
	case ACT_PAGE_UP: v->sel -= rows; break;
	case ACT_PAGE_DOWN: v->sel += rows; break;
	case ACT_HOME: v->sel = 0; break;
	case ACT_END: v->sel = (int)v->n - 1; break;
	case ACT_OPEN:
		ui_switch(m->ui, v->e[v->sel].name, NULL, NULL, NULL, 0, 0);
		return MODE_HANDLED | MODE_CLOSE;
	case ACT_MARK:
		v->marked = v->marked == v->sel ? -1 : v->sel;
		break;
	case ACT_COMPARE:
		return lv_compare(m, v);
	case ACT_HELP:
		ui_action(m->ui, ACT_HELP);
		return MODE_HANDLED;
	case ACT_BACK: case ACT_ESCAPE: case ACT_QUIT: case ACT_CLOSE:
		return MODE_HANDLED | MODE_CLOSE;
	default:
		return MODE_HANDLED;
	}
	if (v->sel >= (int)v->n)
		v->sel = (int)v->n - 1;
	if (v->sel < 0)
		v->sel = 0;
	return MODE_HANDLED | MODE_REDRAW;
}

static void
lv_free(struct mode *m)
{
	struct lib_view	*v = m->data;
	size_t		 i;

	if (v == NULL)
		return;
	for (i = 0; i < v->n; i++)
		free(v->rows[i]);
	free(v->rows);
	library_entries_free(v->e, v->n);
	free(v);
}

static int
lv_open(struct mode *m, const struct mode_args *args, char **cause)
{
	const struct ui_options	*o = ui_options(m->ui);
	struct lib_view		*v;
	const char		*shown = ui_report(m->ui);
	size_t			 i;

	(void)args;
	v = xcalloc(1, sizeof *v);
	m->data = v;
	v->marked = -1;
	if (library_list(o->lib_dir != NULL ? o->lib_dir : "/nonexistent",
	    o->builtin_db != NULL ? o->builtin_db : "", &v->e, &v->n,
	    cause) != 0)
		return -1;
	for (i = 0; i < v->n; i++) {
		lv_widen(&v->name_w, v->e[i].name, 24);
		lv_widen(&v->rating_w, lv_rating(&v->e[i]), 20);
		if (v->e[i].cause == NULL)
			lv_widen(&v->pub_w, v->e[i].published, 18);
		if (shown != NULL && strcmp(shown, v->e[i].name) == 0)
			v->sel = (int)i;
	}
	v->rows = xreallocarray(NULL, v->n + 1, sizeof *v->rows);
	for (i = 0; i < v->n; i++)
		v->rows[i] = lv_row(v, &v->e[i]);
	return 0;
}

const struct mode_ops view_library_ops = {
	.open = lv_open,
	.resize = lv_resize,
	.draw = lv_draw,
	.key = lv_key,
	.free = lv_free,
};
