/*
 * view_marks.c: the list of marks, in the order they will print.
 *
 * K and J move the chosen mark up and down, m unmarks it, x (twice)
 * clears them all, p opens the print dialog on them, Enter reads the
 * section.  Every change is saved at once (ui_marks_changed()).  The
 * labels are read when the marks change, not while drawing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/marks.h"
#include "core/model.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "ui/mode.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

struct marks_view {
	int	 sel, top;
	int	 clear_armed;	/* x pressed once */
	char	**labels;	/* per mark: "Title  (path)", cleaned */
	size_t	 nlabels;
};

/* "Title  (path)" for a mark, cleaned; the caller frees it. */
static char *
mv_label(struct ui *ui, const char *path)
{
	struct node	 n;
	char		*cause = NULL, *s, *clean;
	int64_t		 id;

	if (ui_resolve_exact(ui, path, &id) != 0)
		s = xasprintf("%s (not in this dataset)", path);
	else if (model_get(ui_db(ui), id, &n, &cause) != 0) {
		ui_error(ui, &cause);
		s = xasprintf("%s (not in this dataset)", path);
	} else {
		s = xasprintf("%s  (%s)", n.title, path);
		node_clear(&n);
	}
	clean = utf8_clean(s, strlen(s), 0);
	free(s);
	return clean;
}

static void
mv_clear_labels(struct marks_view *v)
{
	size_t	 i;

	for (i = 0; i < v->nlabels; i++)
		free(v->labels[i]);
	free(v->labels);
	v->labels = NULL;
	v->nlabels = 0;
}

/* The recalc stage: a label for each mark. */
static void
mv_load(struct mode *m)
{
	struct marks_view	*v = m->data;
	struct marks		*mk = ui_marks(m->ui);
	size_t			 i;

	mv_clear_labels(v);
	v->nlabels = marks_count(mk);
	v->labels = xreallocarray(NULL, v->nlabels + 1, sizeof *v->labels);
	for (i = 0; i < v->nlabels; i++)
		v->labels[i] = mv_label(m->ui, marks_get(mk, i));
	if (v->sel >= (int)v->nlabels)
		v->sel = (int)v->nlabels - 1;
	if (v->sel < 0)
		v->sel = 0;
}

static int
mv_notify(struct mode *m, unsigned notes)
{
	if (!(notes & NOTE_MARKS))
		return 0;
	mv_load(m);
	return 1;
}

static void
mv_resize(struct mode *m, struct rect *r)
{
	(void)m;
	ui_box_place(r, 22, 96, 2, 5, 20, 1);
}

static void
mv_draw(struct mode *m, WINDOW *w, int focused)
{
	struct marks_view	*v = m->data;
	char			 title[64];
	int			 h = getmaxy(w), wd = getmaxx(w), rows, i, y;

	(void)focused;
	snprintf(title, sizeof title, "Marks: %zu, in print order",
	    v->nlabels);
	ui_box_draw(w, title);
	rows = h - 2;
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + rows)
		v->top = v->sel - rows + 1;
	if (v->nlabels == 0) {
		wattrset(w, theme_attr(THEME_DIM));
		wmove(w, 1, 2);
		ui_addfit(w, "No marks: m marks a section.", wd - 4);
	}
	for (i = v->top, y = 1; i < (int)v->nlabels && y <= rows; i++, y++) {
		wattrset(w, theme_attr(i == v->sel ? THEME_SELECTED :
		    THEME_NORMAL));
		mvwprintw(w, y, 1, "%c%2d. ", i == v->sel ? '>' : ' ', i + 1);
		ui_addfit(w, v->labels[i], wd - 7);
	}
	wmove(w, 1 + v->sel - v->top, 1);
}

static void
mv_move(struct mode *m, struct marks_view *v, int dir)
{
	size_t	 to;

	if (v->nlabels == 0)
		return;
	to = marks_move(ui_marks(m->ui), (size_t)v->sel, dir);
	if (to == (size_t)v->sel)
		return;
	v->sel = (int)to;
	ui_marks_changed(m->ui);
}

static void
mv_clear(struct mode *m, struct marks_view *v)
{
	size_t	 n = marks_count(ui_marks(m->ui));

	if (!v->clear_armed) {
		v->clear_armed = 1;
		ui_message(m->ui, 0, "Press x again to clear %s", n == 1 ?
	    "the mark" : "all the marks");
		return;
	}
	marks_clear(ui_marks(m->ui));
	v->sel = 0;
	ui_marks_changed(m->ui);
	if (n == 1)
		ui_message(m->ui, 0, "Cleared the mark");
	else
		ui_message(m->ui, 0, "Cleared %zu marks", n);
}

/* p in the list prints what it lists: the marks. */
static char	*print_marked_argv[] = { "--marked", NULL };
static const struct mode_args print_marked = { 1, print_marked_argv, NULL };

static int
mv_key(struct mode *m, const struct mode_key *k)
{
	struct marks_view	*v = m->data;
	struct marks		*mk = ui_marks(m->ui);
	int64_t			 id;

	if (k->action != ACT_CLEAR)
		v->clear_armed = 0;
	switch (k->action) {
	case ACT_UP:		v->sel--;			break;
	case ACT_DOWN:		v->sel++;			break;
	case ACT_HOME:		v->sel = 0;			break;
	case ACT_END:		v->sel = (int)v->nlabels - 1;	break;
	case ACT_MOVE_UP:	mv_move(m, v, -1);		break;
	case ACT_MOVE_DOWN:	mv_move(m, v, 1);		break;
	case ACT_CLEAR:		mv_clear(m, v);			break;
	case ACT_MARK:
		if (v->sel < (int)marks_count(mk))
			ui_mark(m->ui, marks_get(mk, (size_t)v->sel));
		break;
	case ACT_PRINT:
		ui_open(m->ui, "print", &print_marked);
		break;
	case ACT_OPEN:
		if (v->sel < (int)marks_count(mk) && ui_resolve_exact(m->ui,
		    marks_get(mk, (size_t)v->sel), &id) == 0) {
			ui_select(m->ui, id, UI_JUMP);
			return MODE_HANDLED | MODE_CLOSE;
		}
		break;
	case ACT_BACK: case ACT_ESCAPE: case ACT_QUIT: case ACT_MARKS:
		return MODE_HANDLED | MODE_CLOSE;
	default:
		break;
	}
	if (v->sel >= (int)v->nlabels)
		v->sel = (int)v->nlabels - 1;
	if (v->sel < 0)
		v->sel = 0;
	return MODE_HANDLED | MODE_REDRAW;
}

static void
mv_free(struct mode *m)
{
	struct marks_view	*v = m->data;

	if (v == NULL)
		return;
	mv_clear_labels(v);
	free(v);
}

static int
mv_open(struct mode *m, const struct mode_args *args, char **cause)
{
	(void)args;
	(void)cause;
	m->data = xcalloc(1, sizeof(struct marks_view));
	mv_load(m);
	return 0;
}

const struct mode_ops view_marks_ops = {
	.open = mv_open,
	.notify = mv_notify,
	.resize = mv_resize,
	.draw = mv_draw,
	.key = mv_key,
	.free = mv_free,
};
