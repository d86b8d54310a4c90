/*
 * pane_list.c: the side panes that follow the selection with lists from
 * the report: the key messages of the selected statement, and the
 * strengths and areas for development of its theme (shown beside every
 * statement of that theme).  A children and young people sub-section
 * shows those of the statement it belongs to.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/model.h"
#include "core/xmalloc.h"
#include "ui/mode.h"
#include "ui/textview.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

struct list {
	struct textview	 tv;
	const char	*none;	/* said when there is nothing */
	/*
	 * The nodes shown (key messages; strengths and development areas),
	 * once loaded: a selection with the same ones changes nothing here,
	 * so the pane is neither read nor painted again.  The panes are made
	 * anew with each assessment, so ids are of one database.
	 */
	int64_t		 shown[2];
	int		 loaded;
};

/* Whether the pane shows a and b already; if not, it is to show them. */
static int
list_same(struct list *l, int64_t a, int64_t b)
{
	if (l->loaded && l->shown[0] == a && l->shown[1] == b)
		return 1;
	l->loaded = 1;
	l->shown[0] = a;
	l->shown[1] = b;
	tv_clear(&l->tv);
	return 0;
}

static int
list_open(struct mode *m, const char *none)
{
	struct list	*l;

	l = xcalloc(1, sizeof *l);
	tv_init(&l->tv);
	l->none = none;
	m->data = l;
	return 0;
}

static int
keymsg_open(struct mode *m, const struct mode_args *args, char **cause)
{
	(void)args;
	(void)cause;
	return list_open(m, "No key messages here: select a quality "
	    "statement.");
}

static int
theme_open(struct mode *m, const struct mode_args *args, char **cause)
{
	(void)args;
	(void)cause;
	return list_open(m, "No theme here: select a theme or a quality "
	    "statement.");
}

struct list_add {
	struct textview	*tv;
	const char	*bullet;
	int		 first;
};

static int
list_block(const struct block *b, void *arg)
{
	struct list_add	*a = arg;

	tv_add(a->tv, b->text, b->len, THEME_NORMAL, b->kind == BLOCK_PARA ?
	    NULL : b->kind == BLOCK_SUBITEM ? "  - " : a->bullet,
	    b->kind == BLOCK_PARA ? 0 : b->kind == BLOCK_SUBITEM ? 4 : 2,
	    b->kind == BLOCK_PARA && !a->first);
	a->first = 0;
	return 0;
}

/* Add a heading (if given) and the blocks of node id. */
static void
list_node(struct textview *tv, struct ui *ui, int64_t id, const char *head)
{
	struct list_add	 a = { tv, ui_utf8(ui) ? "• " : "- ", 1 };
	char		*cause = NULL;

	if (id == 0)
		return;
	if (head != NULL)
		tv_add(tv, head, strlen(head), THEME_SUBHEADING, NULL, 0,
		    tv->nitems > 0);
	if (model_blocks(ui_db(ui), id, list_block, &a, &cause) != 0)
		ui_error(ui, &cause);
}

static int
keymsg_notify(struct mode *m, unsigned notes)
{
	struct list	*l = m->data;
	struct ui	*ui = m->ui;
	int64_t		 st, km = 0;
	char		*cause = NULL;

	if (!(notes & NOTE_SELECT))
		return 0;
	if ((st = ui_statement_of(ui, ui_node(ui)->id)) != 0 &&
	    model_child(ui_db(ui), st, "key-messages", &km, &cause) != 0)
		ui_error(ui, &cause);
	if (list_same(l, km, 0))
		return 0;
	list_node(&l->tv, ui, km, NULL);
	return 1;
}

static int
theme_notify(struct mode *m, unsigned notes)
{
	struct list	*l = m->data;
	struct ui	*ui = m->ui;
	int64_t		 st, theme = 0, s = 0, d = 0;
	char		*cause = NULL;

	if (!(notes & NOTE_SELECT))
		return 0;
	st = ui_statement_of(ui, ui_node(ui)->id);
	if (model_ancestor(ui_db(ui), st != 0 ? st : ui_node(ui)->id, "theme",
	    &theme, &cause) != 0)
		ui_error(ui, &cause);
	else if (theme != 0 && (model_child(ui_db(ui), theme, "strengths", &s,
	    &cause) != 0 || model_child(ui_db(ui), theme, "development", &d,
	    &cause) != 0))
		ui_error(ui, &cause);
	if (list_same(l, s, d))
		return 0;
	list_node(&l->tv, ui, s, "Summary of strengths");
	list_node(&l->tv, ui, d, "Areas for development");
	return 1;
}

static void
list_draw(struct mode *m, WINDOW *w, int focused)
{
	struct list	*l = m->data;
	char		 where[16];

	tv_layout(&l->tv, mode_cols(m));
	l->tv.rows = mode_rows(m);
	tv_where(&l->tv, where, sizeof where);
	mode_frame(m, w, focused, l->tv.nitems > 0 ? where : NULL);
	if (l->tv.nitems == 0) {
		wattrset(w, theme_attr(THEME_DIM));
		wmove(w, 1, 1);
		ui_addfit(w, l->none, mode_cols(m));
		return;
	}
	tv_draw(&l->tv, w, 1, 1, mode_rows(m), mode_cols(m), focused);
}

static int
list_key(struct mode *m, const struct mode_key *k)
{
	struct list	*l = m->data;

	return tv_key(&l->tv, k->action);
}

static void
list_cursor(struct mode *m, int *y, int *x)
{
	(void)m;
	*y = 1;
	*x = 1;
}

static int
list_empty(struct mode *m)
{
	struct list	*l = m->data;

	return l->tv.nitems == 0;
}

static void
list_where(struct mode *m, char *buf, size_t len)
{
	struct list	*l = m->data;

	tv_where(&l->tv, buf, len);
}

static void
list_free(struct mode *m)
{
	struct list	*l = m->data;

	if (l == NULL)
		return;
	tv_free(&l->tv);
	free(l);
}

const struct mode_ops pane_keymsg_ops = {
	.open = keymsg_open,
	.notify = keymsg_notify,
	.draw = list_draw,
	.key = list_key,
	.cursor = list_cursor,
	.empty = list_empty,
	.where = list_where,
	.free = list_free,
};

const struct mode_ops pane_theme_ops = {
	.open = theme_open,
	.notify = theme_notify,
	.draw = list_draw,
	.key = list_key,
	.cursor = list_cursor,
	.empty = list_empty,
	.where = list_where,
	.free = list_free,
};
