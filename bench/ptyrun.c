/*
 * ptyrun.c: the benchmark's terminal: runs a program in a pseudo-terminal
 * (forkpty) of a given size, follows what it draws with a small VT100/xterm
 * screen model, sends it keys and times the answers (make bench).
 *
 *   ptyrun [options] -- COMMAND [ARG...]
 *
 * Options:
 *   -s COLSxLINES  the terminal's size (100x30)
 *   -t TERM        its type (xterm-256color); LC_ALL is C.UTF-8
 *   -e NAME=VALUE  more environment (repeatable)
 *   -H DIR         HOME for the program (default: the caller's)
 *   -S             a fresh, empty XDG_STATE_HOME for every run
 *   -n RUNS        runs of the first-screen measure (20)
 *   -m MARKER      the text the program draws last on its first screen
 *   -a             the marker may be anywhere, not only on the last line
 *   -Q KEYS        what quits the program ("q"; C escapes: \e \r \x15)
 *   -q MS          the quiet time that ends an answer (30)
 *   -T SECONDS     the longest wait for anything (120)
 *   -x MODE        first (the default), search, browse, complete (Tab on
 *                  the `:` line after ":open " and prefixes of -P PATH), or
 *                  time (runs the command -n times outside a terminal:
 *                  wall time, RSS)
 *   -f FILE        search: the queries, one a line
 *   -P PATH        browse: the path of the node to open (status line)
 *   -F QUERY       browse: the search that finds it
 *   -k N           browse: N moves down the outline and N up (200), and
 *                  at most N lines down the reading pane and back;
 *                  complete: N rounds of the prefixes
 *   -l N           search: at most N queries of FILE (all)
 *   -d             dump the screen to standard error at the end
 *
 * Definitions (all times on CLOCK_MONOTONIC, in milliseconds):
 *   first screen  from just before fork to the read() that brings the
 *                 marker onto the screen (the last line by default: ncurses
 *                 draws the screen top down, and the status line is the
 *                 last thing on it);
 *   a key's answer from the write() of the key to the last byte of output
 *                 that follows before the output goes quiet for -q ms,
 *                 once the screen shows what the key should change (its
 *                 marker); the quiet time itself is not counted;
 *   search        for each keystroke typed into the search box, "echo" is
 *                 the read that shows the query so far on the box's query
 *                 line with the cursor after it, and "results" the last
 *                 byte before the quiet that follows, with the count line
 *                 reading "N result(s)": a program that answers a key
 *                 before its results must show something else on that
 *                 line until they are there;
 *   peak RSS      ru_maxrss from wait4() after the program has quit.
 *
 * Output: tab-separated lines for bench/run.sh:
 *   first  RUNS  MEDIAN  MIN  MAX  RSS_KIB_MEDIAN  RSS_KIB_MAX
 *   series NAME  N  P50  P99  MAX
 *   rss    KIB
 *   time   RUNS  MEDIAN  MIN  MAX  RSS_KIB_MAX
 */
#define _GNU_SOURCE
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#define MAX_ENV		32
#define MAX_PARAMS	16

/* --- options ---------------------------------------------------------- */

static int	 opt_cols = 100, opt_rows = 30, opt_runs = 20, opt_any;
static int	 opt_quiet = 30, opt_timeout = 120, opt_fresh, opt_dump;
static int	 opt_moves = 200, opt_queries = -1;
static const char *opt_term = "xterm-256color", *opt_marker, *opt_home;
static const char *opt_quit = "q", *opt_mode = "first", *opt_file;
static const char *opt_path, *opt_find;
static char	*opt_env[MAX_ENV];
static int	 nopt_env;
static char	**opt_argv;

static void	die(const char *, ...)
		    __attribute__((format(printf, 1, 2), noreturn));

static void
die(const char *fmt, ...)
{
	va_list	 ap;

	fputs("ptyrun: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* --- the screen: just enough of a VT100/xterm ------------------------- */

enum pstate { P_GROUND, P_ESC, P_CSI, P_OSC, P_OSC_ESC, P_SKIP1, P_G0, P_G1 };

struct screen {
	int		 rows, cols;
	uint32_t	*cell;		/* 0: right half of a wide character */
	int		 cy, cx, top, bot, wrapnext;
	int		 sy, sx;	/* saved cursor */
	uint32_t	 last;		/* last printed, for REP */
	int		 g[2], gl;	/* DEC line drawing in G0, G1; in use */
	enum pstate	 ps;
	int		 params[MAX_PARAMS], nparams, priv;
	uint32_t	 u8cp;
	int		 u8left;
	int		 fd;		/* where the answers to queries go */
};

static struct screen	 S;

#define CELL(y, x)	S.cell[(size_t)(y) * (size_t)S.cols + (size_t)(x)]

static void
scr_init(int rows, int cols, int fd)
{
	free(S.cell);
	memset(&S, 0, sizeof S);
	S.rows = rows;
	S.cols = cols;
	S.cell = malloc((size_t)rows * (size_t)cols * sizeof *S.cell);
	if (S.cell == NULL)
		die("out of memory");
	for (int i = 0; i < rows * cols; i++)
		S.cell[i] = ' ';
	S.bot = rows - 1;
	S.fd = fd;
}

static void
scr_clear(int y0, int x0, int y1, int x1)
{
	for (int y = y0; y <= y1; y++)
		for (int x = y == y0 ? x0 : 0; x <= (y == y1 ? x1 : S.cols - 1);
		    x++)
			if (y >= 0 && y < S.rows && x >= 0 && x < S.cols)
				CELL(y, x) = ' ';
}

/* Scroll lines top..bot up by n (n < 0: down). */
static void
scr_scroll(int top, int bot, int n)
{
	int	 h = bot - top + 1;

	if (h <= 0)
		return;
	if (n >= h || -n >= h) {
		scr_clear(top, 0, bot, S.cols - 1);
		return;
	}
	if (n > 0) {
		memmove(&CELL(top, 0), &CELL(top + n, 0), (size_t)(h - n) *
		    (size_t)S.cols * sizeof *S.cell);
		scr_clear(bot - n + 1, 0, bot, S.cols - 1);
	} else if (n < 0) {
		n = -n;
		memmove(&CELL(top + n, 0), &CELL(top, 0), (size_t)(h - n) *
		    (size_t)S.cols * sizeof *S.cell);
		scr_clear(top, 0, top + n - 1, S.cols - 1);
	}
}

static void
scr_index(void)
{
	if (S.cy == S.bot)
		scr_scroll(S.top, S.bot, 1);
	else if (S.cy < S.rows - 1)
		S.cy++;
}

static void
scr_clamp(void)
{
	if (S.cy < 0)
		S.cy = 0;
	if (S.cy >= S.rows)
		S.cy = S.rows - 1;
	if (S.cx < 0)
		S.cx = 0;
	if (S.cx >= S.cols)
		S.cx = S.cols - 1;
	S.wrapnext = 0;
}

static void
scr_put(uint32_t cp)
{
	int	 w = wcwidth((wchar_t)cp);

	if (w < 0)
		w = 1;
	if (w == 0)
		return;			/* combining: the cell keeps its base */
	if (S.wrapnext || S.cx + w > S.cols) {
		S.cx = 0;
		scr_index();
		S.wrapnext = 0;
	}
	CELL(S.cy, S.cx) = cp;
	if (w == 2 && S.cx + 1 < S.cols)
		CELL(S.cy, S.cx + 1) = 0;
	S.last = cp;
	if (S.cx + w >= S.cols) {
		S.cx = S.cols - 1;
		S.wrapnext = 1;
	} else
		S.cx += w;
}

static void
scr_reply(const char *s)
{
	if (write(S.fd, s, strlen(s)) < 0)
		return;
}

static int
par(int i, int dflt)
{
	return i < S.nparams && S.params[i] > 0 ? S.params[i] : dflt;
}

static void
scr_csi_mode(int set)
{
	for (int i = 0; i < S.nparams; i++)
		if (S.priv == '?' && (S.params[i] == 1049 ||
		    S.params[i] == 1047 || S.params[i] == 47)) {
			scr_clear(0, 0, S.rows - 1, S.cols - 1);
			if (set)
				S.cy = S.cx = 0;
		}
}

static void
scr_csi_edit(uint32_t c)
{
	int	 n = par(0, 1), i;

	switch (c) {
	case '@':
		for (i = S.cols - 1; i >= S.cx + n; i--)
			CELL(S.cy, i) = CELL(S.cy, i - n);
		scr_clear(S.cy, S.cx, S.cy, S.cx + n - 1 < S.cols - 1 ?
		    S.cx + n - 1 : S.cols - 1);
		break;
	case 'P':
		for (i = S.cx; i < S.cols; i++)
			CELL(S.cy, i) = i + n < S.cols ? CELL(S.cy, i + n) :
			    ' ';
		break;
	case 'X':
		scr_clear(S.cy, S.cx, S.cy, S.cx + n - 1 < S.cols - 1 ?
		    S.cx + n - 1 : S.cols - 1);
		break;
	case 'L':
		if (S.cy >= S.top && S.cy <= S.bot)
			scr_scroll(S.cy, S.bot, -n);
		break;
	case 'M':
		if (S.cy >= S.top && S.cy <= S.bot)
			scr_scroll(S.cy, S.bot, n);
		break;
	case 'S':
		scr_scroll(S.top, S.bot, n);
		break;
	case 'T':
		scr_scroll(S.top, S.bot, -n);
		break;
	case 'b':
		for (i = 0; i < n && i < S.rows * S.cols; i++)
			scr_put(S.last);
		break;
	case 'J':
		n = par(0, 0);
		if (n == 0)
			scr_clear(S.cy, S.cx, S.rows - 1, S.cols - 1);
		else if (n == 1)
			scr_clear(0, 0, S.cy, S.cx);
		else
			scr_clear(0, 0, S.rows - 1, S.cols - 1);
		break;
	case 'K':
		n = par(0, 0);
		if (n == 0)
			scr_clear(S.cy, S.cx, S.cy, S.cols - 1);
		else if (n == 1)
			scr_clear(S.cy, 0, S.cy, S.cx);
		else
			scr_clear(S.cy, 0, S.cy, S.cols - 1);
		break;
	}
}

static void
scr_csi(uint32_t c)
{
	char	 buf[64];

	switch (c) {
	case 'A': S.cy -= par(0, 1); break;
	case 'B': case 'e': S.cy += par(0, 1); break;
	case 'C': case 'a': S.cx += par(0, 1); break;
	case 'D': S.cx -= par(0, 1); break;
	case 'E': S.cy += par(0, 1); S.cx = 0; break;
	case 'F': S.cy -= par(0, 1); S.cx = 0; break;
	case 'G': case '`': S.cx = par(0, 1) - 1; break;
	case 'd': S.cy = par(0, 1) - 1; break;
	case 'H': case 'f':
		S.cy = par(0, 1) - 1;
		S.cx = par(1, 1) - 1;
		break;
	case 'r':
		if (S.priv != 0)
			return;
		S.top = par(0, 1) - 1;
		S.bot = par(1, S.rows) - 1;
		if (S.top < 0 || S.bot >= S.rows || S.top >= S.bot) {
			S.top = 0;
			S.bot = S.rows - 1;
		}
		S.cy = S.cx = 0;
		break;
	case 's': S.sy = S.cy; S.sx = S.cx; break;
	case 'u': S.cy = S.sy; S.cx = S.sx; break;
	case 'h': scr_csi_mode(1); return;
	case 'l': scr_csi_mode(0); return;
	case 'n':
		if (S.priv == 0 && par(0, 0) == 6) {
			snprintf(buf, sizeof buf, "\033[%d;%dR", S.cy + 1,
			    S.cx + 1);
			scr_reply(buf);
		} else if (S.priv == 0 && par(0, 0) == 5)
			scr_reply("\033[0n");
		return;
	case 'c':
		scr_reply(S.priv == '>' ? "\033[>0;276;0c" : "\033[?1;2c");
		return;
	case 'm': case 't': case 'q': case 'p':
		return;
	default:
		scr_csi_edit(c);
		return;
	}
	scr_clamp();
}

static void
scr_esc(uint32_t c)
{
	S.ps = P_GROUND;
	switch (c) {
	case '[':
		S.ps = P_CSI;
		S.nparams = 0;
		S.priv = 0;
		memset(S.params, 0, sizeof S.params);
		break;
	case ']': case 'P': case '_': case '^':
		S.ps = P_OSC;
		break;
	case '(':
		S.ps = P_G0;
		break;
	case ')':
		S.ps = P_G1;
		break;
	case '*': case '+': case '#': case '%':
		S.ps = P_SKIP1;
		break;
	case '7': S.sy = S.cy; S.sx = S.cx; break;
	case '8': S.cy = S.sy; S.cx = S.sx; scr_clamp(); break;
	case 'D': scr_index(); break;
	case 'E': S.cx = 0; scr_index(); break;
	case 'M':
		if (S.cy == S.top)
			scr_scroll(S.top, S.bot, -1);
		else if (S.cy > 0)
			S.cy--;
		break;
	case 'c':
		scr_init(S.rows, S.cols, S.fd);
		break;
	}
}

static void
scr_ctl(uint32_t c)
{
	switch (c) {
	case '\b':
		if (S.cx > 0)
			S.cx--;
		S.wrapnext = 0;
		break;
	case '\t':
		S.cx = (S.cx / 8 + 1) * 8;
		if (S.cx >= S.cols)
			S.cx = S.cols - 1;
		break;
	case '\n': case '\v': case '\f':
		scr_index();
		S.wrapnext = 0;
		break;
	case '\r':
		S.cx = 0;
		S.wrapnext = 0;
		break;
	case 033:
		S.ps = P_ESC;
		break;
	case 016:			/* SO */
		S.gl = 1;
		break;
	case 017:			/* SI */
		S.gl = 0;
		break;
	}
}

/* DEC special graphics, 0x60 to 0x7e, as Unicode. */
static uint32_t
scr_graphic(uint32_t c)
{
	static const uint16_t	 map[31] = {
		0x25c6, 0x2592, 0x2409, 0x240c, 0x240d, 0x240a, 0x00b0,
		0x00b1, 0x2424, 0x240b, 0x2518, 0x2510, 0x250c, 0x2514,
		0x253c, 0x23ba, 0x23bb, 0x2500, 0x23bc, 0x23bd, 0x251c,
		0x2524, 0x2534, 0x252c, 0x2502, 0x2264, 0x2265, 0x03c0,
		0x2260, 0x00a3, 0x00b7,
	};

	return c >= 0x60 && c <= 0x7e ? map[c - 0x60] : c;
}

static void
scr_feed_cp(uint32_t c)
{
	switch (S.ps) {
	case P_GROUND:
		if (c < 0x20 || c == 0x7f)
			scr_ctl(c);
		else if (c >= 0x80 && c < 0xa0)
			;
		else
			scr_put(S.g[S.gl] ? scr_graphic(c) : c);
		return;
	case P_ESC:
		scr_esc(c);
		return;
	case P_SKIP1:
		S.ps = P_GROUND;
		return;
	case P_G0: case P_G1:
		S.g[S.ps == P_G1] = c == '0';
		S.ps = P_GROUND;
		return;
	case P_OSC:
		if (c == 7)
			S.ps = P_GROUND;
		else if (c == 033)
			S.ps = P_OSC_ESC;
		return;
	case P_OSC_ESC:
		S.ps = c == '\\' ? P_GROUND : P_OSC;
		return;
	case P_CSI:
		if (c >= '0' && c <= '9') {
			if (S.nparams == 0)
				S.nparams = 1;
			S.params[S.nparams - 1] = S.params[S.nparams - 1] * 10 +
			    (int)(c - '0');
		} else if (c == ';' || c == ':') {
			if (S.nparams == 0)
				S.nparams = 1;
			if (S.nparams < MAX_PARAMS)
				S.params[S.nparams++] = 0;
		} else if (c == '?' || c == '>' || c == '=' || c == '<')
			S.priv = (int)c;
		else if (c >= 0x40 && c <= 0x7e) {
			S.ps = P_GROUND;
			scr_csi(c);
		} else if (c == 033)
			S.ps = P_ESC;
		else if (c < 0x20)
			scr_ctl(c);
		return;
	}
}

static void
scr_feed(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char	 b = p[i];

		if (S.u8left > 0 && (b & 0xc0) == 0x80) {
			S.u8cp = (S.u8cp << 6) | (b & 0x3f);
			if (--S.u8left == 0)
				scr_feed_cp(S.u8cp);
			continue;
		}
		S.u8left = 0;
		if (b < 0x80)
			scr_feed_cp(b);
		else if ((b & 0xe0) == 0xc0) {
			S.u8cp = b & 0x1f;
			S.u8left = 1;
		} else if ((b & 0xf0) == 0xe0) {
			S.u8cp = b & 0x0f;
			S.u8left = 2;
		} else if ((b & 0xf8) == 0xf0) {
			S.u8cp = b & 0x07;
			S.u8left = 3;
		} else
			scr_feed_cp(0xfffd);
	}
}

/* Line y as UTF-8 into buf; returns buf. */
static char *
scr_line(int y, char *buf, size_t len)
{
	size_t	 n = 0;
	int	 x;

	for (x = 0; x < S.cols && n + 5 < len; x++) {
		uint32_t	 c = CELL(y, x);

		if (c == 0)
			continue;
		if (c < 0x80)
			buf[n++] = (char)c;
		else if (c < 0x800) {
			buf[n++] = (char)(0xc0 | (c >> 6));
			buf[n++] = (char)(0x80 | (c & 0x3f));
		} else if (c < 0x10000) {
			buf[n++] = (char)(0xe0 | (c >> 12));
			buf[n++] = (char)(0x80 | ((c >> 6) & 0x3f));
			buf[n++] = (char)(0x80 | (c & 0x3f));
		} else {
			buf[n++] = (char)(0xf0 | (c >> 18));
			buf[n++] = (char)(0x80 | ((c >> 12) & 0x3f));
			buf[n++] = (char)(0x80 | ((c >> 6) & 0x3f));
			buf[n++] = (char)(0x80 | (c & 0x3f));
		}
	}
	buf[n] = '\0';
	return buf;
}

static void
scr_dump(FILE *f)
{
	char	 buf[4096];

	for (int y = 0; y < S.rows; y++)
		fprintf(f, "|%s|\n", scr_line(y, buf, sizeof buf));
	fprintf(f, "cursor %d,%d\n", S.cy, S.cx);
}

/* Column where the ASCII text s starts on line y, or -1. */
static int
scr_find(int y, const char *s)
{
	size_t	 n = strlen(s);
	int	 x;
	size_t	 i;

	for (x = 0; x + (int)n <= S.cols; x++) {
		for (i = 0; i < n; i++)
			if (CELL(y, x + (int)i) != (unsigned char)s[i])
				break;
		if (i == n)
			return x;
	}
	return -1;
}

static int
scr_has(const char *s, int last_only)
{
	char	 buf[4096];

	for (int y = last_only ? S.rows - 1 : 0; y < S.rows; y++)
		if (strstr(scr_line(y, buf, sizeof buf), s) != NULL)
			return 1;
	return 0;
}

/* --- the program in the terminal -------------------------------------- */

struct child {
	pid_t		 pid;
	int		 fd, done, status;
	double		 t0, tlast;	/* start; the last read */
	long		 maxrss;
	char		 state[4096];
};

static struct child	 C;

static int
rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* The fresh state directory goes, whatever way ptyrun ends. */
static void
child_cleanup(void)
{
	if (C.state[0] != '\0')
		nftw(C.state, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	C.state[0] = '\0';
}

static void
child_start(void)
{
	struct winsize	 ws;
	const char	*tmp = getenv("TMPDIR");

	memset(&ws, 0, sizeof ws);
	ws.ws_row = (unsigned short)opt_rows;
	ws.ws_col = (unsigned short)opt_cols;
	C.state[0] = '\0';
	if (opt_fresh) {
		snprintf(C.state, sizeof C.state, "%s/ptyrun-state-XXXXXX",
		    tmp != NULL && *tmp == '/' ? tmp : "/tmp");
		if (mkdtemp(C.state) == NULL)
			die("mkdtemp: %s", strerror(errno));
	}
	fflush(NULL);
	C.done = 0;
	C.maxrss = 0;
	C.t0 = now_ms();
	C.pid = forkpty(&C.fd, NULL, NULL, &ws);
	if (C.pid == -1)
		die("forkpty: %s", strerror(errno));
	if (C.pid == 0) {
		setenv("TERM", opt_term, 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		unsetenv("COLUMNS");
		unsetenv("LINES");
		unsetenv("NO_COLOR");
		if (opt_home != NULL)
			setenv("HOME", opt_home, 1);
		if (opt_fresh)
			setenv("XDG_STATE_HOME", C.state, 1);
		for (int i = 0; i < nopt_env; i++)
			putenv(opt_env[i]);
		execvp(opt_argv[0], opt_argv);
		fprintf(stderr, "ptyrun: %s: %s\n", opt_argv[0],
		    strerror(errno));
		_exit(127);
	}
	scr_init(opt_rows, opt_cols, C.fd);
}

/* Read what is there within ms; returns bytes read, 0 if none, -1 at EOF. */
static int
child_pump(int ms)
{
	struct pollfd	 pfd = { C.fd, POLLIN, 0 };
	unsigned char	 buf[65536];
	ssize_t		 n;
	int		 r;

	if (C.done)
		return -1;
	r = poll(&pfd, 1, ms);
	if (r < 0 && errno == EINTR)
		return 0;
	if (r <= 0)
		return 0;
	n = read(C.fd, buf, sizeof buf);
	if (n <= 0) {
		C.done = 1;
		return -1;
	}
	C.tlast = now_ms();
	scr_feed(buf, (size_t)n);
	return (int)n;
}

typedef int	(*pred_fn)(const void *);

/* Pump until pred holds; returns the time it came true, or dies. */
static double
child_wait(pred_fn pred, const void *arg, const char *what)
{
	double	 deadline = now_ms() + opt_timeout * 1e3;

	while (!pred(arg)) {
		if (child_pump(100) < 0 || now_ms() > deadline) {
			scr_dump(stderr);
			die("%s: %s waiting for %s", opt_argv[0],
			    C.done ? "the program ended" : "timed out", what);
		}
	}
	return C.tlast;
}

/* Pump until quiet for ms (or max_ms in all); returns the last read. */
static double
child_quiet(int ms, int max_ms)
{
	double	 until = now_ms() + max_ms;

	while (child_pump(ms) > 0 && now_ms() < until)
		;
	return C.tlast;
}

static double
child_send(const char *s, size_t n)
{
	double	 t = now_ms();

	if (write(C.fd, s, n) != (ssize_t)n)
		die("write to the terminal: %s", strerror(errno));
	return t;
}

/* Quit with keys; wait for the end; returns ru_maxrss in KiB. */
static long
child_quit(const char *keys)
{
	struct rusage	 ru;
	double		 deadline;
	int		 st;

	if (opt_dump)
		scr_dump(stderr);
	if (keys != NULL && *keys != '\0')
		child_send(keys, strlen(keys));
	deadline = now_ms() + opt_timeout * 1e3;
	while (child_pump(100) >= 0)
		if (now_ms() > deadline) {
			fprintf(stderr, "ptyrun: %s did not quit: killed\n",
			    opt_argv[0]);
			kill(C.pid, SIGKILL);
		}
	if (wait4(C.pid, &st, 0, &ru) == -1)
		die("wait4: %s", strerror(errno));
	close(C.fd);
	child_cleanup();
	C.status = st;
	C.maxrss = ru.ru_maxrss;
	return ru.ru_maxrss;
}

/* --- statistics ------------------------------------------------------- */

struct series {
	const char	*name;
	double		*v;
	size_t		 n;
};

static void
series_add(struct series *s, double v)
{
	s->v = realloc(s->v, (s->n + 1) * sizeof *s->v);
	if (s->v == NULL)
		die("out of memory");
	s->v[s->n++] = v;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Nearest rank: the smallest value with at least p of them at or below. */
static double
pct(double *v, size_t n, double p)
{
	size_t	 k;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, dbl_cmp);
	k = (size_t)(p * (double)n + 0.999999);
	if (k < 1)
		k = 1;
	return v[k - 1];
}

static void
series_print(struct series *s)
{
	if (s->n == 0)
		return;
	printf("series\t%s\t%zu\t%.3f\t%.3f\t%.3f\n", s->name, s->n,
	    pct(s->v, s->n, 0.50), pct(s->v, s->n, 0.99),
	    pct(s->v, s->n, 1.0));
}

/* --- the measures ----------------------------------------------------- */

static int
pred_marker(const void *arg)
{
	(void)arg;
	return scr_has(opt_marker, !opt_any);
}

static void
mode_first(void)
{
	double	 t[1024], first;
	long	 rss[1024];
	int	 i;

	if (opt_runs > 1024)
		opt_runs = 1024;
	for (i = 0; i < opt_runs; i++) {
		child_start();
		first = child_wait(pred_marker, NULL, opt_marker);
		t[i] = first - C.t0;
		child_quiet(opt_quiet, 2000);
		rss[i] = child_quit(opt_quit);
	}
	qsort(t, (size_t)opt_runs, sizeof *t, dbl_cmp);
	for (i = 0; i < opt_runs; i++)	/* sorted, as longs */
		for (int j = i + 1; j < opt_runs; j++)
			if (rss[j] < rss[i]) {
				long	 x = rss[i];

				rss[i] = rss[j];
				rss[j] = x;
			}
	printf("first\t%d\t%.3f\t%.3f\t%.3f\t%ld\t%ld\n", opt_runs,
	    t[(opt_runs - 1) / 2], t[0], t[opt_runs - 1],
	    rss[(opt_runs - 1) / 2], rss[opt_runs - 1]);
}

/* The last line, as it is. */
static char	 last_line[4096];

static int
pred_last_changed(const void *arg)
{
	char	 buf[4096];

	(void)arg;
	return strcmp(scr_line(S.rows - 1, buf, sizeof buf), last_line) != 0;
}

/*
 * The program's time on a CPU and waiting for one, in ms, from
 * /proc/PID/schedstat (0 where there is none): what a key costs it, apart
 * from the time the machine's other work kept it from running.
 */
static void
child_sched(double *run, double *wait)
{
	char			 path[64];
	unsigned long long	 r = 0, w = 0;
	FILE			*f;

	snprintf(path, sizeof path, "/proc/%ld/schedstat", (long)C.pid);
	if ((f = fopen(path, "r")) != NULL) {
		if (fscanf(f, "%llu %llu", &r, &w) != 2)
			r = w = 0;
		fclose(f);
	}
	*run = (double)r / 1e6;
	*wait = (double)w / 1e6;
}

/* The CPU and run-queue time of the last key_changes_last(). */
static double	 key_run, key_wait;
/* A key's answer is any change of the screen, not of the status line. */
static int	 key_on_screen;
static double	 key_changes_screen(const char *);

/* Send a key, wait for the last line to change and for quiet. */
static double
key_changes_last(const char *key)
{
	double	 t, t1, r0, w0, r1, w1;

	scr_line(S.rows - 1, last_line, sizeof last_line);
	child_sched(&r0, &w0);
	if (key_on_screen) {
		t = 0;
		t1 = key_changes_screen(key);
	} else {
		t = child_send(key, strlen(key));
		child_wait(pred_last_changed, NULL,
		    "the status line to change");
		t1 = child_quiet(opt_quiet, 60000);
	}
	child_sched(&r1, &w1);
	key_run = r1 - r0;
	key_wait = w1 - w0;
	return t1 - t;
}

/* A key's time, with its CPU and run-queue time in the series beside. */
static void
key_add(struct series *s, const char *key)
{
	series_add(&s[0], key_changes_last(key));
	series_add(&s[1], key_run);
	series_add(&s[2], key_wait);
}

/* A measure of keys: its times, CPU times and run-queue times. */
#define KEY_SERIES(name) { { name, NULL, 0 }, { name " cpu", NULL, 0 }, \
	{ name " wait", NULL, 0 } }

static int
pred_has(const void *arg)
{
	return scr_has(arg, 0);
}

static int
pred_last_has(const void *arg)
{
	return scr_has(arg, 1);
}

/* The search box: the line of its query, and what it must show. */
struct echo {
	const char	*query;
	size_t		 len;
};

static int
search_row(int *label, int *col)
{
	static const char *const labels[] = { "Everything: ",
	    "In this section: " };

	for (int y = 0; y < S.rows; y++)
		for (size_t i = 0; i < 2; i++)
			if ((*label = scr_find(y, labels[i])) >= 0) {
				*col = *label + (int)strlen(labels[i]);
				return y;
			}
	return -1;
}

/* Does line y read "N result" from column x? */
static int
search_count(int y, int x)
{
	char	 buf[64];
	int	 i;

	for (i = 0; i + 1 < (int)sizeof buf && x + i < S.cols; i++)
		buf[i] = CELL(y, x + i) < 0x80 ? (char)CELL(y, x + i) : '?';
	buf[i] = '\0';
	for (i = 0; buf[i] >= '0' && buf[i] <= '9'; i++)
		;
	return i > 0 && strncmp(buf + i, " result", 7) == 0;
}

static int
pred_echo(const void *arg)
{
	const struct echo	*e = arg;
	int			 y, label, col;
	size_t			 i;

	if ((y = search_row(&label, &col)) < 0 || y + 1 >= S.rows)
		return 0;
	for (i = 0; i < e->len; i++)
		if (col + (int)i >= S.cols ||
		    CELL(y, col + (int)i) != (unsigned char)e->query[i])
			return 0;
	if (col + (int)i < S.cols && CELL(y, col + (int)i) != ' ')
		return 0;
	if (S.cy != y || S.cx != col + (int)e->len)
		return 0;
	return 1;
}

static int
pred_results(const void *arg)
{
	int	 y, label, col;

	(void)arg;
	if ((y = search_row(&label, &col)) < 0 || y + 1 >= S.rows)
		return 0;
	return search_count(y + 1, label);
}

/* Type s a key at a time into the open search box. */
static void
search_type(const char *s, struct series *echo, struct series *res)
{
	struct echo	 e;
	double		 t, te;
	size_t		 i;

	for (i = 1; i <= strlen(s); i++) {
		e.query = s;
		e.len = i;
		t = child_send(s + i - 1, 1);
		te = child_wait(pred_echo, &e, "the query to show");
		child_wait(pred_results, NULL, "the count of results");
		if (echo != NULL)
			series_add(echo, te - t);
		if (res != NULL)
			series_add(res, child_quiet(opt_quiet, 60000) - t);
		else
			child_quiet(opt_quiet, 60000);
	}
}

static void
search_clear(void)
{
	struct echo	 e = { "", 0 };

	child_send("\025", 1);		/* Ctrl-U */
	child_wait(pred_echo, &e, "the query to clear");
	child_quiet(opt_quiet, 60000);
}

static void
search_open_box(void)
{
	child_send("/", 1);
	child_wait(pred_has, "Everything: ", "the search box");
	child_quiet(opt_quiet, 60000);
}

static void
mode_search(void)
{
	struct series	 echo = { "search echo", NULL, 0 };
	struct series	 res = { "search results", NULL, 0 };
	char		 line[256];
	FILE		*f;
	int		 nq = 0;
	size_t		 n;

	if ((f = fopen(opt_file, "r")) == NULL)
		die("%s: %s", opt_file, strerror(errno));
	child_start();
	printf("first\t1\t%.3f\n", child_wait(pred_marker, NULL, opt_marker) -
	    C.t0);
	child_quiet(opt_quiet, 60000);
	search_open_box();
	while (fgets(line, sizeof line, f) != NULL &&
	    (opt_queries < 0 || nq < opt_queries)) {
		n = strcspn(line, "\r\n");
		line[n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		search_type(line, &echo, &res);
		search_clear();
		nq++;
	}
	fclose(f);
	child_send("\033", 1);
	child_quiet(opt_quiet + 50, 60000);
	printf("queries\t%d\t%zu\n", nq, echo.n);
	series_print(&echo);
	series_print(&res);
	printf("rss\t%ld\n", child_quit(opt_quit));
}

/* Not in a terminal: the wall time and peak RSS of whole runs. */
static void
mode_time(void)
{
	struct rusage	 ru;
	double		 t[1024], t0;
	long		 rss = 0;
	pid_t		 pid;
	int		 i, st;

	if (opt_runs > 1024)
		opt_runs = 1024;
	for (i = 0; i < opt_runs; i++) {
		fflush(NULL);
		t0 = now_ms();
		if ((pid = fork()) == -1)
			die("fork: %s", strerror(errno));
		if (pid == 0) {
			execvp(opt_argv[0], opt_argv);
			fprintf(stderr, "ptyrun: %s: %s\n", opt_argv[0],
			    strerror(errno));
			_exit(127);
		}
		if (wait4(pid, &st, 0, &ru) == -1)
			die("wait4: %s", strerror(errno));
		t[i] = now_ms() - t0;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			die("%s failed (status %d)", opt_argv[0], st);
		if (ru.ru_maxrss > rss)
			rss = ru.ru_maxrss;
	}
	qsort(t, (size_t)opt_runs, sizeof *t, dbl_cmp);
	printf("time\t%d\t%.3f\t%.3f\t%.3f\t%ld\n", opt_runs,
	    t[(opt_runs - 1) / 2], t[0], t[opt_runs - 1], rss);
}

/* "row R of N" on the last line: R and N, or 0. */
static int
status_rows(int *r, int *n)
{
	char	 buf[4096], *p;

	scr_line(S.rows - 1, buf, sizeof buf);
	if ((p = strstr(buf, "row ")) == NULL ||
	    sscanf(p, "row %d of %d", r, n) != 2)
		return 0;
	return 1;
}

static int
reader_at(const char *where)
{
	char	 buf[4096];

	scr_line(S.rows - 1, buf, sizeof buf);
	return strstr(buf, where) != NULL;
}

/* j down and k back up, until each has been pressed -k times. */
static void
browse_outline(struct series *j, struct series *k)
{
	int	 r, n, moves, i;

	if (!status_rows(&r, &n))
		die("no 'row R of N' on the status line");
	if (n - r < 1)
		die("the outline has one row: nothing to move to");
	while ((int)j->n < opt_moves) {
		moves = n - r < opt_moves - (int)j->n ? n - r :
		    opt_moves - (int)j->n;
		for (i = 0; i < moves; i++)
			key_add(j, "j");
		for (i = 0; i < moves; i++)
			key_add(k, "k");
	}
}

/* Open the node with the search; returns the time from Enter. */
static double
browse_open(void)
{
	double	 t, t1;

	search_open_box();
	search_type(opt_find, NULL, NULL);
	t = child_send("\r", 1);
	child_wait(pred_last_has, opt_path, opt_path);
	t1 = child_quiet(opt_quiet, 60000);
	if (!reader_at("line "))
		die("the reading pane is not focused after opening %s",
		    opt_path);
	return t1 - t;
}

static void
browse_reader(struct series *pg, struct series *end, struct series *jk)
{
	int	 i, lines = 0, guard;

	if (!reader_at("(Top)"))
		key_changes_last("\033OH");		/* Home */
	for (i = 0; i < 5; i++) {
		/* PgDn from the top to the end, and PgUp back. */
		for (guard = 0; !reader_at("(Bot)") && guard < 10000; guard++)
			key_add(pg, "\033[6~");
		for (guard = 0; !reader_at("(Top)") && guard < 10000; guard++)
			key_add(pg, "\033[5~");
		key_add(end, "\033OF");	/* End */
		key_add(end, "\033OH");	/* Home */
	}
	/* A line at a time, to the end and back (at most -k lines). */
	for (guard = 0; !reader_at("(Bot)") && lines < opt_moves; lines++)
		key_add(jk, "j");
	for (i = 0; i < lines; i++)
		key_add(jk, "k");
}

static void
mode_browse(void)
{
	struct series	 j[3] = KEY_SERIES("outline j");
	struct series	 k[3] = KEY_SERIES("outline k");
	struct series	 open = { "open largest", NULL, 0 };
	struct series	 pg[3] = KEY_SERIES("reader PgDn/PgUp");
	struct series	 end[3] = KEY_SERIES("reader End/Home");
	struct series	 jk[3] = KEY_SERIES("reader j/k");
	int		 i;

	if (opt_path == NULL || opt_find == NULL)
		die("browse needs -P PATH and -F QUERY");
	child_start();
	printf("first\t1\t%.3f\n", child_wait(pred_marker, NULL, opt_marker) -
	    C.t0);
	child_quiet(opt_quiet, 60000);
	browse_outline(j, k);
	series_add(&open, browse_open());
	browse_reader(pg, end, jk);
	for (i = 0; i < 3; i++) {
		series_print(&j[i]);
		series_print(&k[i]);
	}
	series_print(&open);
	for (i = 0; i < 3; i++) {
		series_print(&pg[i]);
		series_print(&end[i]);
		series_print(&jk[i]);
	}
	printf("rss\t%ld\n", child_quit(opt_quit));
}

/* The whole screen, as it is: a key's answer is that it changes. */
static char	 screen_was[64 * 1024];

static void
screen_text(char *buf, size_t len)
{
	size_t	 at = 0;

	buf[0] = '\0';
	for (int y = 0; y < S.rows && at + 1 < len; y++) {
		scr_line(y, buf + at, len - at);
		at += strlen(buf + at);
	}
}

static int
pred_screen_changed(const void *arg)
{
	static char	 now[sizeof screen_was];

	(void)arg;
	screen_text(now, sizeof now);
	return strcmp(now, screen_was) != 0;
}

/* Send a key; its time to the last byte once the screen has changed. */
static double
key_changes_screen(const char *key)
{
	double	 t;

	screen_text(screen_was, sizeof screen_was);
	t = child_send(key, strlen(key));
	child_wait(pred_screen_changed, NULL, "the screen to change");
	return child_quiet(opt_quiet, 60000) - t;
}

/* Type s and wait for the quiet after it (not timed). */
static void
type_quiet(const char *s)
{
	child_send(s, strlen(s));
	child_quiet(opt_quiet, 60000);
}

/*
 * The `:` line's completion of paths: ":open " and each prefix of -P PATH
 * (none, a letter, each part and the start of the next), then Tab; for
 * none, Tab again (the next of the top-level candidates); -k rounds.
 */
static void
mode_complete(void)
{
	struct series	 tab[3] = KEY_SERIES("complete Tab");
	char		 pre[1024];
	size_t		 cut[64], ncut = 0, i, len;
	const char	*sl;
	int		 round;

	if (opt_path == NULL)
		die("complete needs -P PATH");
	len = strlen(opt_path);
	cut[ncut++] = 0;
	cut[ncut++] = 1;
	for (sl = opt_path; (sl = strchr(sl, '/')) != NULL && ncut + 2 <
	    sizeof cut / sizeof *cut; sl++) {
		cut[ncut++] = (size_t)(sl - opt_path);	/* the part */
		cut[ncut++] = (size_t)(sl - opt_path) + 2;	/* and a letter */
	}
	child_start();
	printf("first\t1\t%.3f\n", child_wait(pred_marker, NULL, opt_marker) -
	    C.t0);
	child_quiet(opt_quiet, 60000);
	for (round = 0; round < opt_moves; round++)
		for (i = 0; i < ncut; i++) {
			snprintf(pre, sizeof pre, "open %.*s",
			    (int)(cut[i] < len ? cut[i] : len), opt_path);
			type_quiet(":");
			type_quiet(pre);
			key_add(tab, "\t");
			/* Many candidates: Tab again takes the next. */
			if (i == 0)
				key_add(tab, "\t");
			type_quiet("\033");
		}
	for (i = 0; i < 3; i++)
		series_print(&tab[i]);
	printf("rss\t%ld\n", child_quit(opt_quit));
}

/* --- main ------------------------------------------------------------- */

/* Undo C escapes in place: \e \r \n \t \\ \xHH. */
static char *
unescape(char *s)
{
	char	*p = s, *q = s;

	while (*p != '\0') {
		if (*p != '\\' || p[1] == '\0') {
			*q++ = *p++;
			continue;
		}
		p++;
		switch (*p) {
		case 'e': *q++ = '\033'; p++; break;
		case 'r': *q++ = '\r'; p++; break;
		case 'n': *q++ = '\n'; p++; break;
		case 't': *q++ = '\t'; p++; break;
		case 'x':
			*q++ = (char)strtol(p + 1, &p, 16);
			break;
		default: *q++ = *p++; break;
		}
	}
	*q = '\0';
	return s;
}

static void
usage(void)
{
	fprintf(stderr, "usage: ptyrun [-adS] [-s COLSxLINES] [-t TERM] "
	    "[-e NAME=VALUE] [-H HOME] [-n RUNS] [-m MARKER] [-Q KEYS] "
	    "[-q MS] [-T SECONDS] [-x first|search|browse|time] [-f FILE] "
	    "[-P PATH] "
	    "[-F QUERY] [-k N] [-l N] -- COMMAND [ARG...]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	int	 c;

	setlocale(LC_ALL, "C.UTF-8");
	signal(SIGPIPE, SIG_IGN);
	atexit(child_cleanup);
	while ((c = getopt(argc, argv, "+adSs:t:e:H:n:m:Q:q:T:x:f:P:F:k:l:"))
	    != -1) {
		switch (c) {
		case 'a': opt_any = 1; break;
		case 'd': opt_dump = 1; break;
		case 'S': opt_fresh = 1; break;
		case 's':
			if (sscanf(optarg, "%dx%d", &opt_cols, &opt_rows) != 2 ||
			    opt_cols < 10 || opt_rows < 3)
				usage();
			break;
		case 't': opt_term = optarg; break;
		case 'e':
			if (nopt_env == MAX_ENV)
				usage();
			opt_env[nopt_env++] = optarg;
			break;
		case 'H': opt_home = optarg; break;
		case 'n': opt_runs = atoi(optarg); break;
		case 'm': opt_marker = optarg; break;
		case 'Q': opt_quit = unescape(optarg); break;
		case 'q': opt_quiet = atoi(optarg); break;
		case 'T': opt_timeout = atoi(optarg); break;
		case 'x': opt_mode = optarg; break;
		case 'f': opt_file = optarg; break;
		case 'P': opt_path = optarg; break;
		case 'F': opt_find = optarg; break;
		case 'k': opt_moves = atoi(optarg); break;
		case 'l': opt_queries = atoi(optarg); break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1 || opt_runs < 1)
		usage();
	opt_argv = argv;
	if (opt_marker == NULL)
		opt_marker = "row 1 of";
	if (strcmp(opt_mode, "first") == 0)
		mode_first();
	else if (strcmp(opt_mode, "search") == 0) {
		if (opt_file == NULL)
			die("-x search needs -f FILE");
		mode_search();
	} else if (strcmp(opt_mode, "browse") == 0)
		mode_browse();
	else if (strcmp(opt_mode, "complete") == 0) {
		key_on_screen = 1;
		mode_complete();
	}
	else if (strcmp(opt_mode, "time") == 0)
		mode_time();
	else
		usage();
	return 0;
}
