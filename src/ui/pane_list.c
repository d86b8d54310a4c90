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
#include "ui/pane.h"
#include "ui/textview.h"
#include "ui/ui.h"
#include "ui/ui_internal.h"

struct list {
	struct textview	 tv;
};

static void
list_init(struct pane *p, struct ui *ui)
{
	struct list	*l;

	(void)ui;
	l = xcalloc(1, sizeof *l);
	tv_init(&l->tv);
	p->data = l;
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
	struct list_add	 a = { tv, ui->utf8 ? "• " : "- ", 1 };
	char		*cause = NULL;

	if (id == 0)
		return;
	if (head != NULL)
		tv_add(tv, head, strlen(head), THEME_SUBHEADING, NULL, 0,
		    tv->nitems > 0);
	if (model_blocks(ui->db, id, list_block, &a, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
}

static void
keymsg_follow(struct pane *p, struct ui *ui)
{
	struct list	*l = p->data;
	int64_t		 st, km = 0;
	char		*cause = NULL;

	tv_clear(&l->tv);
	if ((st = ui_statement_of(ui, ui->node.id)) != 0)
		model_child(ui->db, st, "key-messages", &km, &cause);
	free(cause);
	list_node(&l->tv, ui, km, NULL);
}

static void
theme_follow(struct pane *p, struct ui *ui)
{
	struct list	*l = p->data;
	int64_t		 st, theme = 0, s = 0, d = 0;
	char		*cause = NULL;

	tv_clear(&l->tv);
	st = ui_statement_of(ui, ui->node.id);
	if (model_ancestor(ui->db, st != 0 ? st : ui->node.id, "theme", &theme,
	    &cause) == 0 && theme != 0) {
		model_child(ui->db, theme, "strengths", &s, &cause);
		model_child(ui->db, theme, "development", &d, &cause);
	}
	free(cause);
	list_node(&l->tv, ui, s, "Summary of strengths");
	list_node(&l->tv, ui, d, "Areas for development");
}

static void
list_draw(struct pane *p, struct ui *ui, int focused)
{
	struct list	*l = p->data;
	char		 where[16];
	const char	*none;

	(void)ui;
	werase(p->win);
	tv_layout(&l->tv, pane_cols(p));
	l->tv.rows = pane_rows(p);
	tv_where(&l->tv, where, sizeof where);
	pane_frame(p, focused, l->tv.nitems > 0 ? where : NULL);
	if (l->tv.nitems == 0) {
		none = p->ops == &pane_keymsg_ops ? "No key messages here: "
		    "select a quality statement." : "No theme here: select a "
		    "theme or a quality statement.";
		wattrset(p->win, theme_attr(THEME_DIM));
		wmove(p->win, 1, 1);
		ui_addfit(p->win, none, pane_cols(p));
		return;
	}
	tv_draw(&l->tv, p->win, 1, 1, pane_rows(p), pane_cols(p), focused);
}

static int
list_key(struct pane *p, struct ui *ui, enum action a)
{
	struct list	*l = p->data;

	(void)ui;
	return tv_key(&l->tv, a);
}

static void
list_cursor(struct pane *p, int *y, int *x)
{
	(void)p;
	*y = 1;
	*x = 1;
}

static int
list_empty(struct pane *p)
{
	struct list	*l = p->data;

	return l->tv.nitems == 0;
}

static void
list_where(struct pane *p, char *buf, size_t len)
{
	struct list	*l = p->data;

	tv_where(&l->tv, buf, len);
}

static void
list_free(struct pane *p)
{
	struct list	*l = p->data;

	if (l == NULL)
		return;
	tv_free(&l->tv);
	free(l);
}

const struct pane_ops pane_keymsg_ops = {
	.title = "Key messages",
	.init = list_init,
	.follow = keymsg_follow,
	.draw = list_draw,
	.key = list_key,
	.cursor = list_cursor,
	.empty = list_empty,
	.where = list_where,
	.free = list_free,
};

const struct pane_ops pane_theme_ops = {
	.title = "Strengths & development",
	.init = list_init,
	.follow = theme_follow,
	.draw = list_draw,
	.key = list_key,
	.cursor = list_cursor,
	.empty = list_empty,
	.where = list_where,
	.free = list_free,
};
