/*
 * view_help.c: the help screen, made from the action table and the
 * bindings in force (keymap.c), so that it lists exactly the keys the
 * browser answers to, the user's own included, with each action's name
 * for the `:` line and the config file.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "ui/keymap.h"
#include "ui/mode.h"
#include "ui/textview.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

struct help {
	struct textview	 tv;
	enum key_ctx	 ctx;		/* the view it is the help of */
	enum action	 only;		/* help ACTION, or ACT_NONE */
	int		 all;		/* Tab: the keys of every view */
	int		 keyw;		/* the keys' column, as built */
	char		 title[64];
};

/* The view's name, for the title. */
static const char *const help_views[CTX_COUNT] = {
	[CTX_OUTLINE] = "the outline", [CTX_READER] = "the reading pane",
	[CTX_LIST] = "the side panes", [CTX_COMPARE] = "the compare view",
	[CTX_SECTIONS] = "side by side", [CTX_MARKS] = "the marks",
	[CTX_HELP] = "the help", [CTX_TEXT] = "a dialog",
	[CTX_LIBRARY] = "the assessments", [CTX_REPORTS] = "two assessments",
};

/* Where a binding holds, in words; NULL where it holds everywhere. */
static const char *
help_where(unsigned ctx)
{
	static const struct {
		unsigned	 ctx;
		const char	*words;
	} where[] = {
		{ CTX_MASK(CTX_OUTLINE), "outline" },
		{ CTX_MASK(CTX_COMPARE), "compare view" },
		{ CTX_MASK(CTX_SECTIONS), "side by side" },
		{ CTX_MASK(CTX_MARKS), "marks" },
		{ CTX_MAIN, "main screen" },
		{ CTX_MAIN | CTX_MASK(CTX_MARKS), "main screen, marks" },
		{ CTX_MAIN | CTX_MASK(CTX_MARKS) | CTX_MASK(CTX_SECTIONS),
		    "not compare view" },
	};
	size_t	 i;

	if (ctx == CTX_ALL)
		return NULL;
	for (i = 0; i < sizeof where / sizeof where[0]; i++)
		if (where[i].ctx == ctx)
			return where[i].words;
	return "not outline";
}

/* Whether binding i's name was written already for the same action. */
static int
help_seen(size_t i)
{
	const struct key_binding	*b = keymap_get(i), *o;
	size_t				 j;

	for (j = 0; j < i; j++) {
		o = keymap_get(j);
		if (o->action == b->action && strcmp(o->name, b->name) == 0)
			return 1;
	}
	return 0;
}

/* The keys bound to action a, as "Up, k"; where they hold, if not all. */
static void
help_keys(struct strbuf *sb, enum action a, enum key_ctx ctx)
{
	const struct key_binding	*b;
	const char			*where;
	size_t				 i;

	for (i = 0; i < keymap_count(); i++) {
		b = keymap_get(i);
		if (b->action != a || help_seen(i))
			continue;
		/* The view's keys: those that hold where the help was asked. */
		if (ctx != CTX_COUNT && !(b->ctx & CTX_MASK(ctx)))
			continue;
		if (sb->len > 0)
			strbuf_adds(sb, ", ");
		strbuf_adds(sb, b->name);
		if (ctx == CTX_COUNT && (where = help_where(b->ctx)) != NULL)
			strbuf_addf(sb, " (%s)", where);
	}
}

static const char help_mouse[] = "Click a pane to focus it, a row of the "
    "outline to select it (click it again to fold or unfold it), a figure "
    "to select it; the wheel scrolls the pane under the pointer.  "
    "--no-mouse leaves the mouse to the terminal.";
static const char help_commands[] = "Type : and a command: an action's "
    "name (in brackets above), open PATH, search QUERY, mark [PATH], "
    "unmark [PATH], print [--format F] [--output FILE | --printer NAME] "
    "(at once; without a destination, the dialog), "
    "compare PLACE PLACE, side-by-side PATH PATH, set OPTION VALUE, "
    "bind KEY ACTION, unbind KEY, help [ACTION], quit.  Tab completes; "
    "Up and Down walk the commands typed before.";
static const char help_close[] = "Tab shows the keys of every view, or "
    "of this one again.  Esc, q or ? closes this help.";

/*
 * One entry per action with keys: the keys, then what it does and its
 * name, wrapped in a column of their own; keys too long for their
 * column have a line of their own.
 */
static void
help_action(struct help *h, struct strbuf *sb, enum action a)
{
	struct strbuf	 desc = STRBUF_INIT;

	strbuf_reset(sb);
	help_keys(sb, a, h->only != ACT_NONE || h->all ? CTX_COUNT : h->ctx);
	if (sb->len == 0)
		return;
	if ((int)sb->len >= h->keyw) {
		tv_add(&h->tv, sb->buf, sb->len, THEME_SUBHEADING, NULL, 0, 0);
		strbuf_reset(sb);
	}
	while ((int)sb->len < h->keyw)
		strbuf_addc(sb, ' ');
	strbuf_addf(&desc, "%s [%s]", action_describe(a), action_name(a));
	tv_add(&h->tv, desc.buf, desc.len, THEME_NORMAL, sb->buf, h->keyw, 0);
	strbuf_free(&desc);
}

/* The items, for a keys' column of keyw. */
static void
help_build(struct help *h, int keyw)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*t;
	int		 a;

	h->keyw = keyw;
	tv_clear(&h->tv);
	t = xasprintf("Keys in %s", h->only != ACT_NONE || h->all ?
	    "every view" : help_views[h->ctx]);
	tv_add(&h->tv, t, strlen(t), THEME_HEADING, NULL, 0, 0);
	free(t);
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++)
		if (h->only == ACT_NONE || (int)h->only == a)
			help_action(h, &sb, (enum action)a);
	strbuf_free(&sb);
	if (h->only != ACT_NONE && h->tv.nitems == 1)
		tv_add(&h->tv, action_describe(h->only),
		    strlen(action_describe(h->only)), THEME_NORMAL,
		    "(no key) ", 9, 0);
	tv_add(&h->tv, "Commands", 8, THEME_HEADING, NULL, 0, 1);
	tv_add(&h->tv, help_commands, strlen(help_commands), THEME_NORMAL,
	    NULL, 0, 0);
	tv_add(&h->tv, "Mouse", 5, THEME_HEADING, NULL, 0, 1);
	tv_add(&h->tv, help_mouse, strlen(help_mouse), THEME_NORMAL, NULL, 0,
	    0);
	tv_add(&h->tv, help_close, strlen(help_close), THEME_DIM, NULL, 0, 1);
}

/* help ACTION: that one only; else the actions of the view it is for. */
static int
help_open(struct mode *m, const struct mode_args *args, char **cause)
{
	struct help	*h;
	enum action	 only = ACT_NONE;

	if (args->argc > 0 && (only = action_find(args->argv[0])) ==
	    ACT_NONE) {
		*cause = xasprintf("help: no such action: %s", args->argv[0]);
		return -1;
	}
	h = xcalloc(1, sizeof *h);
	m->data = h;
	h->only = only;
	h->ctx = ui_context(m->ui);
	if (h->ctx == CTX_HELP || h->ctx == CTX_TEXT)
		h->ctx = CTX_OUTLINE;
	tv_init(&h->tv);
	help_build(h, 27);
	return 0;
}

/* The help covers the screen but a margin, and the status line. */
static void
help_resize(struct mode *m, struct rect *r)
{
	struct help	*h = m->data;
	int		 y = r->h > 16 ? 1 : 0, x = r->w > 60 ? 2 : 0, kw, top;

	r->y = y;
	r->x = x;
	r->h -= 2 * y;
	r->w -= 2 * x;
	/* The keys take up to a third of the width: the rest describes. */
	kw = (r->w - 2) / 3 < 27 ? (r->w - 2) / 3 : 27;
	if (kw != h->keyw) {
		top = h->tv.top;
		help_build(h, kw);
		h->tv.top = top;
	}
}

static void
help_draw(struct mode *m, WINDOW *w, int focused)
{
	struct help	*h = m->data;
	char		 where[16];

	(void)focused;
	ui_box_draw(w, "Help");
	tv_draw(&h->tv, w, 1, 1, getmaxy(w) - 2, getmaxx(w) - 2, 1);
	/* The title again, now that the view says where it is. */
	tv_where(&h->tv, where, sizeof where);
	snprintf(h->title, sizeof h->title, "[Help: %s]", where);
	wattrset(w, theme_attr(THEME_TITLE_FOCUS));
	wmove(w, 0, 2);
	ui_addfit(w, h->title, getmaxx(w) - 4);
	wattrset(w, theme_attr(THEME_NORMAL));
	wmove(w, 1, 1);
}

static int
help_key(struct mode *m, const struct mode_key *k)
{
	struct help	*h = m->data;

	if (k->action == ACT_ESCAPE || k->action == ACT_QUIT ||
	    k->action == ACT_HELP)
		return MODE_HANDLED | MODE_CLOSE;
	if (k->action == ACT_NEXT_PANE || k->action == ACT_PREV_PANE) {
		h->all = !h->all;
		help_build(h, h->keyw);
		h->tv.top = 0;
		return MODE_HANDLED | MODE_REDRAW;
	}
	return tv_key(&h->tv, k->action);
}

static void
help_free(struct mode *m)
{
	struct help	*h = m->data;

	if (h == NULL)
		return;
	tv_free(&h->tv);
	free(h);
}

const struct mode_ops view_help_ops = {
	.open = help_open,
	.resize = help_resize,
	.draw = help_draw,
	.key = help_key,
	.free = help_free,
};
