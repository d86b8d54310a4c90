/*
 * view_help.c: the help screen, made from the key table itself (keymap.c),
 * so that it lists exactly the keys the browser answers to.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "ui/keymap.h"
#include "ui/textview.h"
#include "ui/ui.h"
#include "ui/ui_internal.h"

struct help {
	struct textview	 tv;
};

/* The keys bound to action a, as "Up, k"; where they hold, if not all. */
static void
help_keys(struct strbuf *sb, enum action a)
{
	const char	*seen[16];
	size_t		 i, j, n = 0;

	for (i = 0; i < nkeymap; i++) {
		if (keymap[i].action != a)
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(seen[j], keymap[i].name) == 0)
				break;
		if (j < n || n == 16)
			continue;
		seen[n++] = keymap[i].name;
		if (sb->len > 0)
			strbuf_adds(sb, ", ");
		strbuf_adds(sb, keymap[i].name);
		if (keymap[i].panes == (1u << PANE_OUTLINE))
			strbuf_adds(sb, " (outline)");
		else if (keymap[i].panes == (1u << KEY_VIEW_COMPARE))
			strbuf_adds(sb, " (compare view)");
		else if (keymap[i].panes == (1u << KEY_VIEW_SECTIONS))
			strbuf_adds(sb, " (side by side)");
		else if (keymap[i].panes == (1u << KEY_VIEW_MARKS))
			strbuf_adds(sb, " (marks)");
		else if (keymap[i].panes == 0x1f)
			strbuf_adds(sb, " (main screen)");
		else if (keymap[i].panes == (0x1f | (1u << KEY_VIEW_MARKS)))
			strbuf_adds(sb, " (main screen, marks)");
		else if (keymap[i].panes != KEY_ALL)
			strbuf_adds(sb, " (not outline)");
	}
}

static const char help_mouse[] = "Click a pane to focus it, a row of the "
    "outline to select it (click it again to fold or unfold it), a figure "
    "to select it; the wheel scrolls the pane under the pointer.  "
    "--no-mouse leaves the mouse to the terminal.";
static const char help_close[] = "Esc, q or ? closes this help.";

/* The help covers the screen but a margin, and the status line. */
static void
help_draw(struct overlay *o, struct ui *ui)
{
	struct help	*h = o->data;
	int		 lines = LINES - 1, cols = COLS, y, x;

	(void)ui;
	y = lines > 16 ? 1 : 0;
	x = cols > 60 ? 2 : 0;
	if (o->win == NULL || getmaxy(o->win) != lines - 2 * y ||
	    getmaxx(o->win) != cols - 2 * x) {
		if (o->win != NULL)
			delwin(o->win);
		o->win = newwin(lines - 2 * y, cols - 2 * x, y, x);
	}
	werase(o->win);
	wattrset(o->win, theme_attr(THEME_TITLE_FOCUS));
	box(o->win, 0, 0);
	mvwaddstr(o->win, 0, 2, "[Help]");
	tv_draw(&h->tv, o->win, 1, 1, getmaxy(o->win) - 2,
	    getmaxx(o->win) - 2, 1);
	wmove(o->win, 1, 1);
	wnoutrefresh(o->win);
}

static int
help_key(struct overlay *o, struct ui *ui, int key, int is_char)
{
	struct help	*h = o->data;
	enum action	 a;

	(void)ui;
	a = is_char && key > 0x7f ? ACT_NONE : keymap_lookup(key,
	    PANE_READER);
	if (a == ACT_ESCAPE || a == ACT_QUIT || a == ACT_HELP)
		return 1;
	tv_key(&h->tv, a);
	return 0;
}

static void
help_free(struct overlay *o)
{
	struct help	*h = o->data;

	tv_free(&h->tv);
	free(h);
	if (o->win != NULL)
		delwin(o->win);
	free(o);
}

static const struct overlay_ops help_ops = {
	.draw = help_draw,
	.key = help_key,
	.free = help_free,
};

struct overlay *
view_help_new(struct ui *ui)
{
	struct overlay	*o;
	struct help	*h;
	struct strbuf	 sb = STRBUF_INIT;
	const char	*desc;
	int		 a;

	(void)ui;
	o = xcalloc(1, sizeof *o);
	h = xcalloc(1, sizeof *h);
	tv_init(&h->tv);
	tv_add(&h->tv, "Keys", 4, THEME_HEADING, NULL, 0, 0);
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		strbuf_reset(&sb);
		help_keys(&sb, (enum action)a);
		if (sb.len == 0)
			continue;
		/* The keys hang in a column of their own. */
		while (sb.len < 27)
			strbuf_addc(&sb, ' ');
		desc = keymap_describe((enum action)a);
		tv_add(&h->tv, desc, strlen(desc), THEME_NORMAL, sb.buf,
		    (int)sb.len, 0);
	}
	strbuf_free(&sb);
	tv_add(&h->tv, "Mouse", 5, THEME_HEADING, NULL, 0, 1);
	tv_add(&h->tv, help_mouse, strlen(help_mouse), THEME_NORMAL, NULL, 0,
	    0);
	tv_add(&h->tv, help_close, strlen(help_close), THEME_DIM, NULL, 0, 1);
	o->ops = &help_ops;
	o->data = h;
	return o;
}
