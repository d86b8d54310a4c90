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
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <curses.h>

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

int
main(void)
{
	SCREEN	*scr;
	WINDOW	*left, *right, *status;
	int	 ch, half;

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
	floor_fill(left, 0);
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
	return 0;
}
