/*
 * ui.c: the browser's loop: terminal set-up, keys, mouse, resize, redraw.
 *
 * Keys go to the overlay if one is open, else to the focused pane, else
 * to the actions below.  Drawing is staged: layout (layout.c), then each
 * pane paints its window with wnoutrefresh(), then one doupdate(), with
 * the terminal's cursor left on the focused pane's selected row.
 */
#include "config.h"

#include <errno.h>
#if defined(HAVE_MALLOPT) && defined(HAVE_MALLOC_H)
#include <malloc.h>
#endif
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "core/db.h"
#include "core/history.h"
#include "core/model.h"
#include "core/places.h"
#include "core/state.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "core/xmalloc.h"
#include "ui/pane.h"
#include "ui/ui.h"
#include "ui/ui_internal.h"

static volatile sig_atomic_t ui_signal;

static const struct pane_ops *const ui_pane_ops[PANE_COUNT] = {
	&pane_outline_ops, &pane_reader_ops, &pane_keymsg_ops,
	&pane_theme_ops, &pane_figures_ops,
};

/* Out of memory: give the terminal back before the message. */
static void
ui_on_fatal(void)
{
	endwin();
}

static void
ui_on_signal(int sig)
{
	ui_signal = sig;
}

/*
 * Messages wait in turn: the status line shows the first until the next
 * key, so that two errors at once are both seen, one after the other.
 */
void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list	 ap;
	char	*s, *clean;
	size_t	 i;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	clean = utf8_clean(s, strlen(s), 0);
	free(s);
	for (i = 0; i < ui->nmsgs; i++)
		if (strcmp(ui->msgs[i].text, clean) == 0) {
			free(clean);	/* said already: once is enough */
			return;
		}
	ui->msgs = xreallocarray(ui->msgs, ui->nmsgs + 1, sizeof *ui->msgs);
	ui->msgs[ui->nmsgs].text = clean;
	ui->msgs[ui->nmsgs++].error = error;
	ui->message = ui->msgs[0].text;
	ui->message_error = ui->msgs[0].error;
}

void
ui_error(struct ui *ui, char **cause)
{
	if (*cause == NULL)
		return;
	ui_message(ui, 1, "%s", *cause);
	free(*cause);
	*cause = NULL;
}

/* A key was read: the message shown has been seen. */
static void
ui_message_next(struct ui *ui)
{
	if (ui->nmsgs == 0)
		return;
	free(ui->msgs[0].text);
	memmove(ui->msgs, ui->msgs + 1, --ui->nmsgs * sizeof *ui->msgs);
	ui->message = ui->nmsgs > 0 ? ui->msgs[0].text : NULL;
	ui->message_error = ui->nmsgs > 0 ? ui->msgs[0].error : 0;
}

void
ui_save_fold(struct ui *ui, const char *path, int open)
{
	char	*cause = NULL;

	if (ui->state == NULL)
		return;
	if (state_set_open(ui->state, path, open, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
}

int
ui_marked(struct ui *ui, const char *path)
{
	size_t	 i;

	for (i = 0; i < ui->nmarks; i++)
		if (strcmp(ui->marks[i], path) == 0)
			return 1;
	return 0;
}

static int
ui_load_mark(const char *path, void *arg)
{
	struct ui	*ui = arg;

	ui->marks = xreallocarray(ui->marks, ui->nmarks + 1,
	    sizeof *ui->marks);
	ui->marks[ui->nmarks++] = xstrdup(path);
	return 0;
}

void
ui_mark(struct ui *ui, int64_t id, const char *path)
{
	char	*cause = NULL;
	size_t	 i;
	int	 on = !ui_marked(ui, path);

	(void)id;
	if (on)
		ui_load_mark(path, ui);
	else {
		for (i = 0; i < ui->nmarks; i++)
			if (strcmp(ui->marks[i], path) == 0)
				break;
		free(ui->marks[i]);
		memmove(ui->marks + i, ui->marks + i + 1,
		    (ui->nmarks - i - 1) * sizeof *ui->marks);
		ui->nmarks--;
	}
	if (ui->state != NULL && state_mark(ui->state, path, on, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	ui_message(ui, 0, "%s: %zu marked", on ? "Marked" : "Unmarked",
	    ui->nmarks);
}

void
ui_select(struct ui *ui, int64_t id, enum ui_how how)
{
	struct node	 n;
	char		*cause = NULL;
	int		 i;

	if (model_get(ui->db, id, &n, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	node_clear(&ui->node);
	ui->node = n;
	if (how != UI_HISTORY)
		history_visit(ui->history, id, how == UI_MOVE &&
		    ui->last_how == UI_MOVE);
	ui->last_how = how;
	/* Saved when it changes: not at start, not twice. */
	if (ui->state != NULL && (ui->saved_last == NULL ||
	    strcmp(ui->saved_last, n.path) != 0)) {
		if (state_set(ui->state, "last", n.path, &cause) != 0) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
		} else {
			free(ui->saved_last);
			ui->saved_last = xstrdup(n.path);
		}
	}
	ui->search.match = 0;
	for (i = 0; i < PANE_COUNT; i++)
		ui->panes[i]->ops->follow(ui->panes[i], ui);
}

void
ui_focus(struct ui *ui, enum pane_id id)
{
	if (ui->layout.panes[id].h == 0)
		ui->zoom = (int)id;
	else if (ui->zoom >= 0 && ui->zoom != (int)id)
		ui->zoom = -1;
	ui->focus = id;
}

static void
ui_layout(struct ui *ui)
{
	struct layout_in	 in;
	struct pane		*p;
	int			 i;

	memset(&in, 0, sizeof in);
	in.cols = COLS;
	in.lines = LINES;
	in.outline_w = ui->outline_w;
	in.reader_pct = ui->reader_pct;
	in.zoom = ui->zoom;
	for (i = 0; i < PANE_COUNT; i++)
		if (ui->panes[i]->ops->empty != NULL &&
		    ui->panes[i]->ops->empty(ui->panes[i]))
			in.empty |= 1u << i;
	/* Keep what the user wants: a small screen may clamp it for now. */
	layout_compute(&in, &ui->layout);
	for (i = 0; i < PANE_COUNT; i++) {
		p = ui->panes[i];
		if (p->win != NULL && memcmp(&p->r, &ui->layout.panes[i],
		    sizeof p->r) == 0 && !ui->layout.too_small)
			continue;
		if (p->win != NULL)
			delwin(p->win);
		p->win = NULL;
		p->r = ui->layout.panes[i];
		if (ui->layout.too_small || p->r.h <= 0 || p->r.w <= 0)
			continue;
		p->win = newwin(p->r.h, p->r.w, p->r.y, p->r.x);
		keypad(p->win, TRUE);
	}
	if (!ui->layout.too_small && ui->layout.panes[ui->focus].h == 0)
		ui->focus = PANE_READER;
}

/* Below the least size, one line that says so, cut to what fits. */
static void
ui_draw_small(void)
{
	char	 msg[96];

	snprintf(msg, sizeof msg, "Terminal too small (%dx%d): icsbrowse "
	    "needs %dx%d", COLS, LINES, LAYOUT_MIN_COLS, LAYOUT_MIN_LINES);
	werase(stdscr);
	wmove(stdscr, 0, 0);
	ui_addfit(stdscr, msg, COLS);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Draw the overlays from the bottom up. */
static void
ui_draw_overlays(struct ui *ui, struct overlay *o)
{
	if (o == NULL)
		return;
	ui_draw_overlays(ui, o->below);
	if (o->win != NULL)
		touchwin(o->win);
	o->ops->draw(o, ui);
}

static void
ui_draw(struct ui *ui, WINDOW *status)
{
	struct pane	*p;
	int		 i, y = 0, x = 0;

	ui_layout(ui);
	if (ui->layout.too_small) {
		ui_draw_small();
		return;
	}
	for (i = 0; i < PANE_COUNT; i++) {
		p = ui->panes[i];
		if (p->win != NULL && ui->redraw_all)
			touchwin(p->win);
		if (p->win == NULL || (int)ui->focus == i)
			continue;
		p->ops->draw(p, ui, 0);
		wnoutrefresh(p->win);
	}
	ui->redraw_all = 0;
	statusbar_draw(ui, status);
	wnoutrefresh(status);
	p = ui->panes[ui->focus];
	p->ops->draw(p, ui, 1);
	p->ops->cursor(p, &y, &x);
	wmove(p->win, y, x);
	wnoutrefresh(p->win);
	ui_draw_overlays(ui, ui->overlay);
	doupdate();
}

static void
ui_cycle(struct ui *ui, int dir)
{
	int	 i, id = (int)ui->focus;

	if (ui->zoom >= 0) {
		ui->zoom = -1;
		ui_layout(ui);
	}
	for (i = 0; i < PANE_COUNT; i++) {
		id = (id + dir + PANE_COUNT) % PANE_COUNT;
		if (ui->layout.panes[id].h > 0)
			break;
	}
	ui->focus = (enum pane_id)id;
}

static void
ui_history(struct ui *ui, int forward)
{
	int64_t	 id;

	if ((forward ? history_forward(ui->history, &id) :
	    history_back(ui->history, &id)) != 0) {
		ui_message(ui, 0, "%s", forward ? "Nothing to go forward to" :
		    "Nothing to go back to");
		return;
	}
	ui_select(ui, id, UI_HISTORY);
}

void
ui_push_overlay(struct ui *ui, struct overlay *o)
{
	o->below = ui->overlay;
	ui->overlay = o;
	ui->redraw_all = 1;
}

void
ui_close_overlay(struct ui *ui, struct overlay *o)
{
	struct overlay	**pp;

	for (pp = &ui->overlay; *pp != NULL; pp = &(*pp)->below)
		if (*pp == o) {
			*pp = o->below;
			break;
		}
	o->ops->free(o);
	ui->redraw_all = 1;
}


static void
ui_escape(struct ui *ui)
{
	if (ui->zoom >= 0)
		ui->zoom = -1;
	else if (ui->search.query != NULL) {
		ui_search_set(ui, NULL, NULL, 0, -1);
		ui_message(ui, 0, "Search cleared");
	}
}

static void
ui_resize_panes(struct ui *ui, enum action a)
{
	/* From what is on the screen: the default, or a clamped width. */
	ui->outline_w = ui->layout.outline_w;
	ui->reader_pct = ui->layout.reader_pct;
	switch (a) {
	case ACT_TALLER:	ui->reader_pct += 5;	break;
	case ACT_SHORTER:	ui->reader_pct -= 5;	break;
	case ACT_WIDER:		ui->outline_w += 2;	break;
	case ACT_NARROWER:	ui->outline_w -= 2;	break;
	default:					break;
	}
}

static int
ui_place_code(const struct place *p, void *arg)
{
	*(char **)arg = xstrdup(p->code);
	return 1;
}

/* c: compare the place shown with another, or two places chosen. */
static void
ui_compare_here(struct ui *ui)
{
	char	*cause = NULL, *code = NULL;
	int64_t	 place = 0;

	if (model_ancestor(ui->db, ui->node.id, "place", &place, &cause) == 0 &&
	    place != 0)
		places_of_node(ui->db, place, ui_place_code, &code, &cause);
	ui_compare(ui, code, NULL);
	free(code);
	free(cause);
}

/* C: a statement beside its children and young people part, or any two. */
static void
ui_beside(struct ui *ui)
{
	char	*cause = NULL;
	int64_t	 other = 0;

	if (model_counterpart(ui->db, ui->node.id, &other, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	ui_side_by_side(ui, ui->node.id, other);
}

/* The actions no pane took. */
static void
ui_action(struct ui *ui, enum action a)
{
	switch (a) {
	case ACT_NEXT_PANE:	ui_cycle(ui, 1);		break;
	case ACT_PREV_PANE:	ui_cycle(ui, -1);		break;
	case ACT_PANE_1: case ACT_PANE_2: case ACT_PANE_3:
	case ACT_PANE_4: case ACT_PANE_5:
		ui_focus(ui, (enum pane_id)(a - ACT_PANE_1));
		break;
	case ACT_BACK:		ui_history(ui, 0);		break;
	case ACT_FORWARD:	ui_history(ui, 1);		break;
	case ACT_SEARCH:
		ui_push_overlay(ui, dlg_search_new(ui));
		break;
	case ACT_NEXT_MATCH:	ui_search_step(ui, 1);		break;
	case ACT_PREV_MATCH:	ui_search_step(ui, -1);		break;
	case ACT_MARK:
		if (ui->node.id != 0)
			ui_mark(ui, ui->node.id, ui->node.path);
		break;
	case ACT_COMPARE:	ui_compare_here(ui);		break;
	case ACT_PRINT:
		ui_push_overlay(ui, dlg_print_new(ui));
		break;
	case ACT_MARKS:
		ui_push_overlay(ui, view_marks_new(ui));
		break;
	case ACT_SIDE_BY_SIDE:	ui_beside(ui);			break;
	case ACT_ZOOM:
		ui->zoom = ui->zoom >= 0 ? -1 : (int)ui->focus;
		break;
	case ACT_TALLER: case ACT_SHORTER: case ACT_WIDER: case ACT_NARROWER:
		ui_resize_panes(ui, a);
		break;
	case ACT_HELP:
		ui_push_overlay(ui, view_help_new(ui));
		break;
	case ACT_REDRAW:	clearok(curscr, TRUE);		break;
	case ACT_ESCAPE:	ui_escape(ui);			break;
	case ACT_QUIT:		ui->quit = 1;			break;
	default:
		ui_message(ui, 0, "That key does nothing here: ? lists the "
		    "keys");
		break;
	}
}

static int
ui_pane_at(struct ui *ui, int y, int x)
{
	struct rect	*r;
	int		 i;

	for (i = 0; i < PANE_COUNT; i++) {
		r = &ui->layout.panes[i];
		if (r->h > 0 && y >= r->y && y < r->y + r->h && x >= r->x &&
		    x < r->x + r->w)
			return i;
	}
	return -1;
}

static void
ui_mouse(struct ui *ui)
{
	struct pane	*p;
	MEVENT		 ev;
	int		 i, n;

	if (getmouse(&ev) != OK || ui->overlay != NULL)
		return;
	if ((i = ui_pane_at(ui, ev.y, ev.x)) < 0)
		return;
	p = ui->panes[i];
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		for (n = 0; n < 3; n++)
			p->ops->key(p, ui, (ev.bstate & BUTTON4_PRESSED) ?
			    ACT_UP : ACT_DOWN);
		return;
	}
	if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED |
	    BUTTON1_DOUBLE_CLICKED)) {
		ui->focus = (enum pane_id)i;
		if (p->ops->click != NULL)
			p->ops->click(p, ui, ev.y - p->r.y, ev.x - p->r.x);
	}
}

static void
ui_key(struct ui *ui, int key, int is_char)
{
	struct pane	*p;
	enum action	 a;

	ui_message_next(ui);
	if (!is_char && key == KEY_RESIZE)
		return;
	if (!is_char && key == KEY_MOUSE) {
		ui_mouse(ui);
		return;
	}
	if (ui->overlay != NULL) {
		struct overlay	*o = ui->overlay;

		/* Done: it goes, even if it opened another on top of it. */
		if (o->ops->key(o, ui, key, is_char))
			ui_close_overlay(ui, o);
		return;
	}
	if (ui->layout.too_small) {
		if ((!is_char || key < 0x80) &&
		    keymap_lookup(key, PANE_OUTLINE) == ACT_QUIT)
			ui->quit = 1;
		return;
	}
	/* Keys are bound to ASCII; other characters are no key. */
	a = is_char && key > 0x7f ? ACT_NONE : keymap_lookup(key,
	    (int)ui->focus);
	p = ui->panes[ui->focus];
	if (a != ACT_NONE && p->ops->key(p, ui, a) & PANE_HANDLED)
		return;
	ui_action(ui, a);
}

static void
ui_signals(void)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal ends the wait for a key at once. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

static SCREEN *
ui_terminal(char **cause)
{
	const char	*term = getenv("TERM");
	SCREEN		*scr;
	char		*cup;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*cause = xstrdup("the browser needs a terminal: for scripts, "
		    "use a command such as 'icsbrowse tree' (see --help)");
		return NULL;
	}
	if (term == NULL || *term == '\0') {
		*cause = xstrdup("TERM is not set: the browser needs to know "
		    "the terminal's type");
		return NULL;
	}
	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		*cause = xasprintf("unknown terminal type '%s' (TERM)", term);
		return NULL;
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(scr);
		*cause = xasprintf("the terminal '%s' cannot move its cursor: "
		    "the browser needs one that can", term);
		return NULL;
	}
	return scr;
}

static void
ui_setup_curses(const struct ui_options *opts)
{
	raw();
	noecho();
	nonl();
	set_escdelay(25);
	keypad(stdscr, TRUE);
	curs_set(1);
	theme_init(opts->color);
	if (opts->mouse) {
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED |
		    BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED,
		    NULL);
		mouseinterval(0);
	}
}

static void
ui_start(struct ui *ui, struct db *db, const struct ui_options *opts)
{
	char	*cause = NULL, *notice = NULL, *last;
	int64_t	 id = 0;
	int	 i;

	memset(ui, 0, sizeof *ui);
	ui->db = db;
	ui->opts = *opts;
	ui->utf8 = opts->utf8;
	ui->zoom = -1;
	ui->focus = PANE_OUTLINE;
	ui->search.result = -1;
	ui->history = history_new(256);
	if (opts->use_state) {
		ui->state = state_open(opts->db_key, &notice, &cause);
		if (ui->state == NULL)
			ui_message(ui, 1, "Nothing will be remembered: %s",
			    cause);
		else if (notice != NULL)
			ui_message(ui, 1, "%s", notice);
		free(cause);
		cause = NULL;
		if (ui->state != NULL &&
		    state_marks(ui->state, ui_load_mark, ui, &cause) != 0)
			ui_error(ui, &cause);
	}
	free(notice);
	for (i = 0; i < PANE_COUNT; i++) {
		ui->panes[i] = xcalloc(1, sizeof *ui->panes[i]);
		ui->panes[i]->ops = ui_pane_ops[i];
		ui->panes[i]->id = i;
		ui->panes[i]->ops->init(ui->panes[i], ui);
	}
	if (ui->state != NULL &&
	    (last = state_get(ui->state, "last")) != NULL) {
		ui_resolve_exact(ui, last, &id);
		ui->saved_last = last;
	}
	if (id == 0)
		id = ui_first_node(ui);
	if (id != 0)
		ui_select(ui, id, UI_JUMP);
}

static void
ui_stop(struct ui *ui)
{
	size_t	 i;

	for (i = 0; i < PANE_COUNT; i++) {
		if (ui->panes[i] == NULL)
			continue;
		ui->panes[i]->ops->free(ui->panes[i]);
		if (ui->panes[i]->win != NULL)
			delwin(ui->panes[i]->win);
		free(ui->panes[i]);
	}
	while (ui->overlay != NULL)
		ui_close_overlay(ui, ui->overlay);
	free(ui->search.query);
	free(ui->search.results);
	free(ui->cmp_first);
	free(ui->saved_last);
	for (i = 0; i < ui->nmarks; i++)
		free(ui->marks[i]);
	free(ui->marks);
	node_clear(&ui->node);
	history_free(ui->history);
	state_close(ui->state);
	while (ui->nmsgs > 0)
		ui_message_next(ui);
	free(ui->msgs);
}

/* Read a key; returns 0 with one, -1 if a signal or an error came. */
static int
ui_read_key(struct ui *ui, WINDOW *status, int *key, int *is_char)
{
	WINDOW	*w = status;
	wint_t	 wc;
	int	 r;

	if (ui->overlay != NULL && ui->overlay->win != NULL)
		w = ui->overlay->win;
	else if (!ui->layout.too_small &&
	    ui->panes[ui->focus]->win != NULL)
		w = ui->panes[ui->focus]->win;
	else
		w = stdscr;
	keypad(w, TRUE);
	r = wget_wch(w, &wc);
	if (r == ERR)
		return -1;
	*key = (int)wc;
	*is_char = r == OK;
	return 0;
}

/*
 * Each key builds and frees the reading pane's document, and SQLite opens
 * and closes scratch trees for its sorts.  glibc hands the top of the heap
 * back to the kernel after each free and asks for it again on the next
 * allocation: a brk and a TLB flush on every CPU, several times a key.
 * Keep a few MiB of free heap instead; the peak stays what it was.
 */
static void
ui_keep_heap(void)
{
#if defined(HAVE_MALLOPT) && defined(HAVE_MALLOC_H)
	mallopt(M_TRIM_THRESHOLD, 8 << 20);
	mallopt(M_TOP_PAD, 1 << 20);
#endif
}

int
ui_run(struct db *db, const struct ui_options *opts, char **cause)
{
	struct ui	 ui;
	SCREEN		*scr;
	WINDOW		*status = NULL;
	int		 key, is_char, lines = -1, cols = -1, errors = 0;

	if ((scr = ui_terminal(cause)) == NULL)
		return -1;
	ui_setup_curses(opts);
	ui_signals();
	ui_keep_heap();
	xmalloc_on_fail(ui_on_fatal);
	db_read_begin(db);
	ui_start(&ui, db, opts);
	while (!ui.quit && ui_signal == 0) {
		if (LINES != lines || COLS != cols || status == NULL) {
			if (status != NULL)
				delwin(status);
			status = newwin(1, COLS, LINES - 1, 0);
			lines = LINES;
			cols = COLS;
		}
		ui_draw(&ui, status);
		/* One read transaction from a key to its screen. */
		db_read_end(db);
		if (ui_read_key(&ui, status, &key, &is_char) != 0) {
			/* Input gone (not a signal): stop rather than spin. */
			if (ui_signal == 0 && ++errors > 100)
				break;
			continue;
		}
		errors = 0;
		db_read_begin(db);
		ui_key(&ui, key, is_char);
	}
	db_read_end(db);
	ui_stop(&ui);
	if (status != NULL)
		delwin(status);
	endwin();
	delscreen(scr);
	xmalloc_on_fail(NULL);
	return 0;
}
