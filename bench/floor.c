/*
 * floor.c: the benchmark's floor (make bench): the least an ncurses
 * program does to put a full screen on the terminal.
 *
 * It starts curses as icsbrowse does (setlocale, newterm, raw, keypad,
 * an endwin() and refresh before the colours, so that ncurses writes a
 * frame at once and not at every cursor move, then the colours), fills every line of the screen with text in a few windows,
 * draws a status line that ends with the marker "floor ready" (the last
 * thing drawn, as icsbrowse's status line is), and waits for q.  The
 * first-screen time of the browser is measured against this one's, built
 * with the same compiler and flags and run in the same pseudo-terminal.
 *
 * Built with FLOOR_SQLITE it is bench/floor-sqlite DB: the same, linked
 * with SQLite as icsbrowse is (not libcsv), and it opens DB read-only and
 * fills the left window with the titles of the first top-level nodes
 * (one query) before the paint.  It is the least a program does to show
 * the top of a database's outline; what it costs over bench/floor is
 * what no browser on SQLite can save, and the benchmark says so.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <curses.h>
#ifdef FLOOR_SQLITE
#include <sqlite3.h>
#endif

static const char *const words[] = {
	"system", "leaders", "quality", "safety", "partnerships", "care",
	"health", "integrated", "people", "learning", "culture", "services",
	"communities", "workforce", "equity", "access", "outcomes", "Dorset",
};

/* Fill w with words, as a pane of text. */
static void
floor_fill(WINDOW *w, int seed)
{
	int	 rows = getmaxy(w), cols = getmaxx(w), y, n = seed;

	box(w, 0, 0);
	for (y = 1; y < rows - 1; y++) {
		wmove(w, y, 1);
		while (getcurx(w) + (int)strlen(words[n % 18]) + 1 < cols - 1) {
			waddstr(w, words[n % 18]);
			waddch(w, ' ');
			n += 7;
		}
	}
	wnoutrefresh(w);
}

#ifdef FLOOR_SQLITE
/*
 * The titles of the first top-level nodes of db, a line each of w, as the
 * outline's first rows; control characters shown as '?'.  0, or -1 with a
 * message.
 */
static int
floor_outline(sqlite3 *db, WINDOW *w)
{
	sqlite3_stmt	*st;
	const char	*t;
	char		 line[256];
	size_t		 i;
	int		 y = 1, r;

	if (sqlite3_prepare_v2(db, "SELECT title FROM nodes WHERE parent IS "
	    "NULL ORDER BY id LIMIT ?1", -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "floor: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_int(st, 1, getmaxy(w) - 2);
	box(w, 0, 0);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if ((t = (const char *)sqlite3_column_text(st, 0)) == NULL)
			t = "";
		for (i = 0; t[i] != '\0' && i < sizeof line - 1; i++)
			line[i] = (unsigned char)t[i] < 0x20 || t[i] == 0x7f ?
			    '?' : t[i];
		line[i] = '\0';
		mvwaddnstr(w, y++, 1, line, getmaxx(w) - 2);
	}
	sqlite3_finalize(st);
	if (r != SQLITE_DONE) {
		fprintf(stderr, "floor: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	wnoutrefresh(w);
	return 0;
}
#endif

int
main(int argc, char **argv)
{
	SCREEN	*scr;
	WINDOW	*left, *right, *status;
	int	 ch, half;
#ifdef FLOOR_SQLITE
	sqlite3	*db;

	if (argc != 2) {
		fprintf(stderr, "usage: floor-sqlite DB\n");
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "floor: %s: %s\n", argv[1], sqlite3_errmsg(db));
		return 1;
	}
#else
	(void)argc;
	(void)argv;
#endif

	setlocale(LC_ALL, "");
	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		fprintf(stderr, "floor: cannot start curses\n");
		return 1;
	}
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	endwin();
	doupdate();
	if (has_colors()) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_BLACK, COLOR_CYAN);
	}
	half = COLS / 3;
	left = newwin(LINES - 1, half, 0, 0);
	right = newwin(LINES - 1, COLS - half, 0, half);
	status = newwin(1, COLS, LINES - 1, 0);
#ifdef FLOOR_SQLITE
	if (floor_outline(db, left) != 0) {
		endwin();
		return 1;
	}
#else
	floor_fill(left, 0);
#endif
	floor_fill(right, 3);
	wbkgdset(status, COLOR_PAIR(1));
	werase(status);
	mvwaddstr(status, 0, 1, "floor: a full screen");
	mvwaddstr(status, 0, COLS - 13, "floor ready");
	wnoutrefresh(status);
	wmove(left, 1, 1);
	wnoutrefresh(left);
	doupdate();
	while ((ch = wgetch(status)) != 'q' && ch != ERR)
		;
	delwin(left);
	delwin(right);
	delwin(status);
	endwin();
	delscreen(scr);
#ifdef FLOOR_SQLITE
	sqlite3_close(db);
#endif
	return 0;
}
