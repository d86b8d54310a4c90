/*
 * loop.c: the browser's loop: terminal set-up, keys, mouse, resize and
 * drawing in stages.
 *
 * Keys go to the top stacked mode if there is one, else to the focused
 * pane; what no mode takes runs as an action (actions.c).  Drawing: the
 * layout makes the windows (layout.c), the modes' recalc does work put
 * off, then each mode that changed paints its window with wnoutrefresh(),
 * and one doupdate() ends the frame with the terminal's cursor on the
 * focused pane's selected row.
 */
#include "config.h"

#if defined(HAVE_MALLOPT) && defined(HAVE_MALLOC_H)
#include <malloc.h>
#endif
#include <sys/ioctl.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "core/db.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "ui/keymap.h"
#include "ui/mode.h"
#include "ui/registry.h"
#include "ui/search.h"
#include "ui/statusbar.h"
#include "ui/ui.h"
#include "ui/ui_priv.h"
#include "ui/uiutil.h"

static volatile sig_atomic_t loop_signal;
static volatile sig_atomic_t loop_stop;	/* a SIGTSTP from outside */

/* Out of memory: give the terminal back before the message. */
static void
loop_on_fatal(void)
{
	endwin();
}

static void
loop_on_signal(int sig)
{
	loop_signal = sig;
}

static void
loop_on_stop(int sig)
{
	(void)sig;
	loop_stop = 1;
}

/* A terminfo string capability, or NULL where the terminal has none. */
static const char *
loop_cap(const char *name)
{
	const char	*s = tigetstr(name);

	return s == NULL || s == (char *)-1 ? NULL : s;
}

static void
loop_putp(const char *name)
{
	const char	*s;

	if ((s = loop_cap(name)) != NULL)
		putp(s);
}

/*
 * Stop the process with the terminal as the shell had it, and take it
 * again on fg.  Not through endwin(): the refresh after an endwin()
 * resumes the screen, and ncurses then resets the terminal's palette
 * whenever colours are on (orig_colors, OSC 104 on xterm and its kin),
 * losing the colours the user set.  So this does what endwin() does to
 * the terminal, through terminfo: attributes off, the cursor shown on the
 * bottom line, the mouse and the keypad's application mode off, the
 * alternate screen left, the terminal's own modes; and the reverse on fg
 * (the caller repaints the whole screen: ACT_SUSPEND).
 */
void
loop_suspend(struct ui *ui)
{
	struct sigaction	 dfl, old;
	mmask_t			 mouse = 0;
	int			 cursor;

	if (ui->opts.mouse)
		mousemask(0, &mouse);
	vidattr(A_NORMAL);
	cursor = curs_set(1);
	mvcur(-1, -1, LINES - 1, 0);
	loop_putp("el");
	loop_putp("rmcup");
	fflush(stdout);		/* putp() and vidattr() write through stdio */
	reset_shell_mode();	/* the keypad's mode too */

	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);
	raise(SIGTSTP);
	/* Continued (fg): the handler back, the terminal taken again. */
	sigaction(SIGTSTP, &old, NULL);
	loop_stop = 0;

	reset_prog_mode();
	loop_putp("smcup");
	loop_putp("smkx");
	fflush(stdout);
	if (cursor != ERR)
		curs_set(cursor);
	if (ui->opts.mouse)
		mousemask(mouse, NULL);
}

/* (Re)make the window of m for rectangle r, if it changed. */
static void
loop_place(struct ui *ui, struct mode *m, const struct rect *r)
{
	if (m->win != NULL && memcmp(&m->r, r, sizeof *r) == 0 &&
	    !ui->layout.too_small)
		return;
	if (m->win != NULL)
		delwin(m->win);
	m->win = NULL;
	m->r = *r;
	m->dirty = 1;
	if (ui->layout.too_small || r->h <= 0 || r->w <= 0)
		return;
	m->win = newwin(r->h, r->w, r->y, r->x);
	keypad(m->win, TRUE);
}

/* Place the stacked modes, each in the screen above the status line. */
static void
loop_place_stacked(struct ui *ui)
{
	struct mode	*m;
	struct rect	 r;

	for (m = ui->top; m != NULL; m = m->below) {
		r.y = r.x = 0;
		r.h = LINES - 1;
		r.w = COLS;
		if (m->ops->resize != NULL)
			m->ops->resize(m, &r);
		loop_place(ui, m, &r);
	}
}

void
loop_layout(struct ui *ui)
{
	struct layout_in	 in;
	size_t			 i;

	memset(&in, 0, sizeof in);
	in.cols = COLS;
	in.lines = LINES;
	in.outline_w = ui->outline_w;
	in.reader_pct = ui->reader_pct;
	in.zoom = ui->zoom;
	in.n = ui->npanes;
	in.slots = ui->slots;
	for (i = 0; i < ui->npanes; i++)
		if (ui->slots[i] == SLOT_LEFT && ui->panes[i]->ops->width !=
		    NULL && ui->panes[i]->ops->width(ui->panes[i]) >
		    in.outline_want)
			in.outline_want = ui->panes[i]->ops->width(ui->panes[i]);
	for (i = 0; i < ui->npanes; i++)
		ui->empty[i] = ui->panes[i]->ops->empty != NULL &&
		    ui->panes[i]->ops->empty(ui->panes[i]);
	in.empty = ui->empty;
	/* Keep what the user wants: a small screen may clamp it for now. */
	layout_compute(&in, &ui->layout);
	for (i = 0; i < ui->npanes; i++)
		loop_place(ui, ui->panes[i], &ui->rects[i]);
	if (!ui->layout.too_small && ui->rects[ui->focus].h == 0) {
		/* The focus goes to the main pane, or the first shown. */
		for (i = 0; i < ui->npanes; i++)
			if (ui->rects[i].h > 0 && (ui->slots[i] == SLOT_MAIN ||
			    ui->rects[ui->focus].h == 0))
				ui->focus = i;
		ui->panes[ui->focus]->dirty = 1;	/* its frame, focused */
	}
	loop_place_stacked(ui);
}

/* Below the least size, what it needs first, then what it has. */
static void
loop_draw_small(void)
{
	char	 msg[96];

	werase(stdscr);
	snprintf(msg, sizeof msg, "icsbrowse needs %dx%d at least:",
	    LAYOUT_MIN_COLS, LAYOUT_MIN_LINES);
	wmove(stdscr, 0, 0);
	ui_addfit(stdscr, msg, COLS);
	snprintf(msg, sizeof msg, "Terminal too small (%dx%d)", COLS, LINES);
	wmove(stdscr, LINES > 1 ? 1 : 0, 0);
	if (LINES > 1)
		ui_addfit(stdscr, msg, COLS);
	wnoutrefresh(stdscr);
	doupdate();
}

static void
loop_draw_status(struct ui *ui)
{
	struct mode	*p = ui->panes[ui->focus], *m;
	struct status_in in;
	struct strbuf	 sb = STRBUF_INIT, who = STRBUF_INIT;
	char		 where[64] = "", *title = NULL;
	int		 r = search_result(ui->search);

	memset(&in, 0, sizeof in);
	if (p->ops->where != NULL && ui->top == NULL)
		p->ops->where(p, where, sizeof where);
	in.where = where;
	/*
	 * Only while the section shown is the result (else it holds no more),
	 * and no view is over it (whose keys it would push off).
	 */
	if (ui->top == NULL && r >= 0 && search_result_node(ui->search) == ui->node.id &&
	    ui->node.id != 0) {
		strbuf_addf(&sb, "match %d of %d, result %d of %d",
		    search_nmatches(ui->search) ? search_match(ui->search) + 1 :
		    0, search_nmatches(ui->search), r + 1,
		    search_nresults(ui->search));
		in.search = sb.buf;
	}
	/* A stacked mode on the whole screen has keys of its own. */
	for (m = ui->top; m != NULL && m->entry->hints == NULL; m = m->below)
		;
	/* The keys of what has them: a view under the help, say. */
	in.hints = m != NULL ? m->entry->hints : ui->top != NULL ? NULL :
	    p->entry->hints;
	in.message = ui->nmsgs > 0;
	in.error = in.message && ui->msgs[0].error;
	in.left = in.message ? ui->msgs[0].text : ui->node.path != NULL ?
	    ui->node.path : "";
	/* The outline cuts long titles: the selected row's, whole. */
	if (ui->top == NULL && p->entry->ctx == CTX_OUTLINE &&
	    ui->node.title != NULL)
		in.title = title = utf8_clean(ui->node.title,
		    strlen(ui->node.title), 0);
	/* Which assessment, where the library has more than one. */
	if (!in.message && ui->many && ui->report != NULL) {
		strbuf_addf(&who, "%s:%s", ui->report, in.left);
		in.left = who.buf;
	}
	statusbar_draw(ui->status, &in);
	free(title);
	wnoutrefresh(ui->status);
	strbuf_free(&sb);
	strbuf_free(&who);
}

/* Paint a pane if it changed (or everything is to be redrawn). */
static void
loop_paint_pane(struct ui *ui, struct mode *m, int focused)
{
	if (m->win == NULL)
		return;
	if (ui->redraw_all)
		touchwin(m->win);
	if (m->dirty || ui->redraw_all) {
		werase(m->win);
		m->ops->draw(m, m->win, focused);
		m->dirty = 0;
	}
	wnoutrefresh(m->win);
}

/* Paint the stacked modes from the bottom up. */
static void
loop_paint_stacked(struct mode *m)
{
	struct mode	**all = NULL;
	size_t		 n = 0;

	for (; m != NULL; m = m->below) {
		all = xreallocarray(all, n + 1, sizeof *all);
		all[n++] = m;
	}
	while (n-- > 0) {
		if (all[n]->win == NULL)
			continue;
		touchwin(all[n]->win);
		werase(all[n]->win);
		all[n]->ops->draw(all[n], all[n]->win, n == 0);
		all[n]->dirty = 0;
		wnoutrefresh(all[n]->win);
	}
	free(all);
}

/*
 * The paint stage: what changed, the status line, the cursor.  No query
 * but the text a view reads as far as it draws it (docview.c).
 */
static void
loop_paint(struct ui *ui)
{
	struct mode	*p;
	size_t		 i;
	int		 y = 0, x = 0;

	if (ui->layout.too_small) {
		loop_draw_small();
		return;
	}
	for (i = 0; i < ui->npanes; i++)
		if (i != ui->focus)
			loop_paint_pane(ui, ui->panes[i], 0);
	loop_draw_status(ui);
	p = ui->panes[ui->focus];
	loop_paint_pane(ui, p, 1);
	if (p->win != NULL && p->ops->cursor != NULL) {
		p->ops->cursor(p, &y, &x);
		wmove(p->win, y, x);
		wnoutrefresh(p->win);
	}
	loop_paint_stacked(ui->top);
	ui->redraw_all = 0;
	doupdate();
}

void
ui_update_now(struct ui *ui)
{
	loop_paint(ui);
}

/*
 * ncurses takes a SIGWINCH only when it interrupts the wait for a key: one
 * that comes while the browser works (drawing, printing; slowly, under a
 * sanitizer) leaves the screen its old size until the next resize.  Ask
 * the terminal its size before each draw instead; resizeterm() sets LINES
 * and COLS (and queues a KEY_RESIZE, which changes nothing more).
 */
static void
loop_check_size(void)
{
	struct winsize	 ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0 && (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
}

/* The stages: layout, recalc, paint. */
static void
loop_draw(struct ui *ui)
{
	struct mode	*m;

	loop_check_size();
	if (ui->status == NULL || getmaxx(ui->status) != COLS ||
	    getbegy(ui->status) != LINES - 1) {
		if (ui->status != NULL)
			delwin(ui->status);
		ui->status = newwin(1, COLS, LINES - 1, 0);
		ui->redraw_all = 1;
	}
	loop_layout(ui);
	for (m = ui->top; m != NULL && !ui->layout.too_small; m = m->below)
		if (m->ops->recalc != NULL)
			m->ops->recalc(m);
	loop_paint(ui);
}

static int
loop_pane_at(struct ui *ui, int y, int x)
{
	struct rect	*r;
	size_t		 i;

	for (i = 0; i < ui->npanes; i++) {
		r = &ui->rects[i];
		if (r->h > 0 && y >= r->y && y < r->y + r->h && x >= r->x &&
		    x < r->x + r->w)
			return (int)i;
	}
	return -1;
}

static void
loop_mouse(struct ui *ui)
{
	struct mode_key	 k = { 0, 0, ACT_NONE };
	struct mode	*p;
	MEVENT		 ev;
	int		 i, n, flags = 0;

	if (getmouse(&ev) != OK || ui->top != NULL)
		return;
	if ((i = loop_pane_at(ui, ev.y, ev.x)) < 0)
		return;
	p = ui->panes[i];
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		k.action = (ev.bstate & BUTTON4_PRESSED) ? ACT_UP : ACT_DOWN;
		for (n = 0; n < 3; n++)
			flags |= p->ops->key(p, &k);
	} else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED |
	    BUTTON1_DOUBLE_CLICKED)) {
		ui->panes[ui->focus]->dirty = 1;
		ui->focus = (size_t)i;
		p->dirty = 1;
		if (p->ops->click != NULL)
			flags = p->ops->click(p, ev.y - p->r.y, ev.x - p->r.x);
	}
	if (flags & MODE_REDRAW)
		p->dirty = 1;
}

/*
 * The action of a key in ctx.  Keys are bound to ASCII (with Meta, or
 * curses's codes): other characters share their numbers with those codes
 * and are no key.
 */
static enum action
loop_lookup(int key, int is_char, enum key_ctx ctx)
{
	if (is_char && (key & ~KEYMAP_META) > 0x7f)
		return ACT_NONE;
	return keymap_lookup(key, ctx);
}

/* A key for the top stacked mode; its flags honoured. */
static void
loop_key_stacked(struct ui *ui, struct mode_key *k)
{
	struct mode	*m = ui->top;
	int		 flags;

	k->action = loop_lookup(k->key, k->is_char, m->entry->ctx);
	flags = m->ops->key(m, k);
	if (flags & MODE_REDRAW)
		m->dirty = 1;
	/* Closed: it goes, even if it opened another on top of it. */
	if (flags & MODE_CLOSE)
		ui_close(ui, m);
}

/*
 * A control key bound to redraw or suspend does so wherever it is typed,
 * in a dialog that takes text too (where it is no text).
 */
static int
loop_key_global(struct ui *ui, int key, int is_char)
{
	enum key_ctx	 ctx;
	enum action	 a;

	if (is_char && key >= 0x20)
		return 0;
	ctx = ui->top != NULL ? ui->top->entry->ctx :
	    ui->panes[ui->focus]->entry->ctx;
	a = loop_lookup(key, is_char, ctx == CTX_TEXT ? CTX_OUTLINE : ctx);
	if (a != ACT_REDRAW && a != ACT_SUSPEND)
		return 0;
	actions_run(ui, a);
	return 1;
}

static void
loop_key(struct ui *ui, int key, int is_char)
{
	struct mode_key	 k = { key, is_char, ACT_NONE };
	struct mode	*p;
	int		 flags;

	ui_message_next(ui);
	if (!is_char && key == KEY_RESIZE)
		return;
	if (!is_char && key == KEY_MOUSE) {
		loop_mouse(ui);
		return;
	}
	if (loop_key_global(ui, key, is_char))
		return;
	if (ui->top != NULL) {
		loop_key_stacked(ui, &k);
		return;
	}
	if (ui->layout.too_small) {
		if (loop_lookup(key, is_char, CTX_OUTLINE) == ACT_QUIT)
			ui->quit = 1;
		return;
	}
	p = ui->panes[ui->focus];
	k.action = loop_lookup(key, is_char, p->entry->ctx);
	flags = k.action != ACT_NONE ? p->ops->key(p, &k) : 0;
	if (flags & MODE_REDRAW)
		p->dirty = 1;
	if (!(flags & MODE_HANDLED))
		actions_run(ui, k.action);
}

static void
loop_signals(void)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = loop_on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal ends the wait for a key at once. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* kill -TSTP: suspended as Ctrl-Z does, between keys. */
	sa.sa_handler = loop_on_stop;
	sigaction(SIGTSTP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

static SCREEN *
loop_terminal(char **cause)
{
	const char	*term = getenv("TERM");
	SCREEN		*scr;

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
	if (loop_cap("cup") == NULL) {
		endwin();
		delscreen(scr);
		*cause = xasprintf("the terminal '%s' cannot move its cursor: "
		    "the browser needs one that can", term);
		return NULL;
	}
	return scr;
}

/*
 * Until a program's first endwin() and the refresh after it, ncurses
 * takes itself to be driven by a terminfo program and writes to the
 * terminal at every cursor move (lib_mvcur.c, 6.4 to 6.6): a first
 * screen went out in some 80 writes, a line each, and every frame after
 * it in as many as it had runs of change.  Go through that cycle once,
 * with nothing yet on the screen, and ncurses writes a frame when its
 * buffer of a screenful fills, or at the frame's end.  It is done before
 * the colours start, as a refresh after endwin() with colours on resets
 * the terminal's palette (orig_colors), which the user may have set.
 */
static void
loop_leave_initial(void)
{
	endwin();
	doupdate();
}

static void
loop_setup_curses(const struct ui_options *opts)
{
	raw();
	noecho();
	nonl();
	set_escdelay(25);
	keypad(stdscr, TRUE);
	curs_set(1);
	loop_leave_initial();
	theme_init(opts->color);
	if (opts->mouse) {
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED |
		    BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED,
		    NULL);
		mouseinterval(0);
	}
}

/*
 * How long the browser waits for a key before it saves what is due (the
 * node shown, ui_save_last()): long enough that keys held down or typed
 * in a run never wait for a write, short enough that a kill loses only a
 * moment's move.
 */
#define LOOP_IDLE_MS	300

/*
 * Read a key; returns 0 with one, 1 if none came in LOOP_IDLE_MS and what
 * was due has been saved, -1 if a signal or an error came.  Esc and a
 * character at once are M-x, when some binding wants it.
 */
static int
loop_read_key(struct ui *ui, int *key, int *is_char)
{
	WINDOW	*w;
	wint_t	 wc, next;
	int	 r, idle;

	if (ui->top != NULL && ui->top->win != NULL)
		w = ui->top->win;
	else if (!ui->layout.too_small && ui->panes[ui->focus]->win != NULL)
		w = ui->panes[ui->focus]->win;
	else
		w = stdscr;
	keypad(w, TRUE);
	idle = ui_last_unsaved(ui);
	wtimeout(w, idle ? LOOP_IDLE_MS : -1);
	r = wget_wch(w, &wc);
	wtimeout(w, -1);
	if (r == ERR && idle && loop_signal == 0) {
		ui_save_last(ui);
		return 1;
	}
	if (r == ERR)
		return -1;
	*key = (int)wc;
	*is_char = r == OK;
	if (*is_char && wc == 27 && keymap_has_meta() && ui->top == NULL) {
		/* Whatever came after the Esc that is no M-x is read next. */
		nodelay(w, TRUE);
		r = wget_wch(w, &next);
		if (r == OK && next > 0x20 && next < 0x7f)
			*key = (int)next | KEYMAP_META;
		else if (r == OK)
			unget_wch(next);
		else if (r == KEY_CODE_YES)
			ungetch((int)next);
		nodelay(w, FALSE);
	}
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
loop_keep_heap(void)
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
	int		 key, is_char, r, errors = 0, first = 1;

	if ((scr = loop_terminal(cause)) == NULL)
		return -1;
	loop_setup_curses(opts);
	loop_signals();
	loop_keep_heap();
	xmalloc_on_fail(loop_on_fatal);
	keymap_init();
	db_read_begin(db);
	ui_start(&ui, db, opts);
	while (!ui.quit && loop_signal == 0) {
		loop_draw(&ui);
		if (first) {
			/*
			 * The first screen is on the terminal: now the state,
			 * and what it changes painted before the first key.
			 */
			first = 0;
			ui_start_state(&ui, 1);
			continue;
		}
		/* One read transaction from a key to its screen. */
		db_read_end(ui.db);
		if ((r = loop_read_key(&ui, &key, &is_char)) != 0) {
			if (loop_stop) {
				actions_run(&ui, ACT_SUSPEND);
				continue;
			}
			/* Input gone (not a signal): stop rather than spin. */
			if (r < 0 && loop_signal == 0 && ++errors > 100)
				break;
			continue;
		}
		errors = 0;
		db_read_begin(ui.db);
		loop_key(&ui, key, is_char);
		ui_report_apply(&ui);
	}
	db_read_end(ui.db);
	ui_stop(&ui);
	if (ui.status != NULL)
		delwin(ui.status);
	keymap_free();
	endwin();
	delscreen(scr);
	xmalloc_on_fail(NULL);
	return 0;
}
