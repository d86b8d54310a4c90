/*
 * ptylib.c: the benchmark's terminal for the browser's library views
 * (bench/library.sh): bench/ptyrun's pseudo-terminal and screen model,
 * with the measures of a library of assessments.
 *
 *   ptylib [options] -x MODE -- COMMAND [ARG...]
 *
 * Options (as ptyrun's): -s COLSxLINES, -e NAME=VALUE, -S, -n RUNS,
 * -q MS, -T SECONDS, -k MOVES, -f FILE, -l N, -d; and
 *   -x MODE        outline, picker, compare or search (below)
 *   -P "A B"       compare: the two assessments' names
 *
 * Modes (all times as ptyrun's: from the write() of the key to the last
 * byte before -q ms of quiet, once the screen shows what should change):
 *   outline  j and k in the outline, -k times each ("outline j",
 *            "outline k"), as ptyrun -x browse does;
 *   picker   -n times: A opens the list of assessments ("picker open":
 *            until its box is drawn), then -k moves of j and k in it
 *            ("picker j/k": until the screen or the cursor changes; at
 *            either end the direction turns, that key not counted), Esc;
 *   compare  -n times: `:compare-reports A B` ("compare open": from the
 *            Enter to the box "Two assessments" drawn), -k moves in it
 *            ("compare j/k", as in the picker), Esc;
 *   search   the search box (/), Tab twice to the scope "Every
 *            assessment", then the queries of FILE typed a letter at a
 *            time ("library search echo", "library search results": as
 *            ptyrun's search echo and results; "... results cpu" and
 *            "... results wait": the browser's CPU and run-queue time
 *            from the key to quiet, from /proc/PID/schedstat).
 * Then "rss KIB" after q.  Output lines as ptyrun's ("series NAME N P50
 * P99 MAX", "rss KIB").
 */
#define main ptyrun_main
int	ptyrun_main(int, char **);
#include "ptyrun.c"
#undef main

int	main(int, char **);

static const char *opt_pair;

/* The screen and cursor as they were, to see a key change them. */
static uint32_t	*snap;
static int	 snap_cy, snap_cx;

static void
snap_take(void)
{
	size_t	 n = (size_t)S.rows * (size_t)S.cols;

	if (snap == NULL && (snap = malloc(n * sizeof *snap)) == NULL)
		die("out of memory");
	memcpy(snap, S.cell, n * sizeof *snap);
	snap_cy = S.cy;
	snap_cx = S.cx;
}

static int
snap_changed(void)
{
	return S.cy != snap_cy || S.cx != snap_cx || memcmp(snap, S.cell,
	    (size_t)S.rows * (size_t)S.cols * sizeof *snap) != 0;
}

/*
 * Send key; if the screen changes within wait_ms, the time to quiet
 * after it (>= 0); else -1 (nothing to move to).
 */
static double
key_changes(const char *key, int wait_ms)
{
	double	 t, until;

	snap_take();
	t = child_send(key, strlen(key));
	until = now_ms() + wait_ms;
	while (!snap_changed()) {
		if (child_pump(10) < 0)
			die("%s: the program ended after a key", opt_argv[0]);
		if (now_ms() > until)
			return -1;
	}
	return child_quiet(opt_quiet, 60000) - t;
}

/* moves keys of j and k, turning at either end. */
static void
bounce(struct series *s, int moves)
{
	const char	*key = "j";
	double		 d;
	int		 turns = 0;

	while ((int)s->n < moves && turns < 3) {
		if ((d = key_changes(key, 300)) >= 0) {
			series_add(s, d);
			turns = 0;
		} else {
			key = *key == 'j' ? "k" : "j";
			turns++;
		}
	}
	if (turns >= 3)
		die("j and k change nothing");
}

static int
pred_hasnt(const void *arg)
{
	return !scr_has(arg, 0);
}

/* Send the key, wait for marker on the screen and quiet; the time. */
static double
open_until(const char *key, const char *marker)
{
	double	 t;

	t = child_send(key, strlen(key));
	child_wait(pred_has, marker, marker);
	return child_quiet(opt_quiet, 60000) - t;
}

static void
close_box(const char *marker)
{
	child_send("\033", 1);
	child_wait(pred_hasnt, marker, "the box to close");
	child_quiet(opt_quiet, 60000);
}

static void
start(void)
{
	child_start();
	printf("first\t1\t%.3f\n", child_wait(pred_marker, NULL, opt_marker) -
	    C.t0);
	child_quiet(opt_quiet, 60000);
}

static void
lib_outline(void)
{
	struct series	 j[3] = KEY_SERIES("outline j");
	struct series	 k[3] = KEY_SERIES("outline k");
	int		 i;

	start();
	browse_outline(j, k);
	for (i = 0; i < 3; i++) {
		series_print(&j[i]);
		series_print(&k[i]);
	}
}

static void
lib_picker(void)
{
	static const char box[] = "Assessments in the library";
	struct series	 open = { "picker open", NULL, 0 };
	struct series	 mv = { "picker j/k", NULL, 0 };
	int		 i;

	start();
	for (i = 0; i < opt_runs; i++) {
		series_add(&open, open_until("A", box));
		bounce(&mv, (i + 1) * opt_moves / opt_runs);
		close_box(box);
	}
	series_print(&open);
	series_print(&mv);
}

static void
lib_compare(void)
{
	static const char box[] = "Two assessments";
	struct series	 open = { "compare open", NULL, 0 };
	struct series	 mv = { "compare j/k", NULL, 0 };
	char		 cmd[512];
	int		 i;

	if (opt_pair == NULL)
		die("-x compare needs -P \"A B\"");
	snprintf(cmd, sizeof cmd, ":compare-reports %s", opt_pair);
	start();
	for (i = 0; i < opt_runs; i++) {
		child_send(cmd, strlen(cmd));
		child_wait(pred_has, cmd, "the command typed");
		child_quiet(opt_quiet, 60000);
		series_add(&open, open_until("\r", box));
		bounce(&mv, (i + 1) * opt_moves / opt_runs);
		close_box(box);
	}
	series_print(&open);
	series_print(&mv);
}

/* The search box's query line in the scope "Every assessment". */
static const char lib_label[] = "Every assessment: ";

static int
lib_row(int *label, int *col)
{
	for (int y = 0; y < S.rows; y++)
		if ((*label = scr_find(y, lib_label)) >= 0) {
			*col = *label + (int)strlen(lib_label);
			return y;
		}
	return -1;
}

static int
lib_echo(const void *arg)
{
	const struct echo	*e = arg;
	int			 y, label, col;
	size_t			 i;

	if ((y = lib_row(&label, &col)) < 0 || y + 1 >= S.rows)
		return 0;
	for (i = 0; i < e->len; i++)
		if (col + (int)i >= S.cols ||
		    CELL(y, col + (int)i) != (unsigned char)e->query[i])
			return 0;
	if (col + (int)i < S.cols && CELL(y, col + (int)i) != ' ')
		return 0;
	return S.cy == y && S.cx == col + (int)e->len;
}

static int
lib_results(const void *arg)
{
	int	 y, label, col;

	(void)arg;
	if ((y = lib_row(&label, &col)) < 0 || y + 1 >= S.rows)
		return 0;
	return search_count(y + 1, label);
}

static void
lib_search(void)
{
	struct series	 echo = { "library search echo", NULL, 0 };
	struct series	 res[3] = KEY_SERIES("library search results");
	struct echo	 e, none = { "", 0 };
	char		 line[256];
	double		 t, te, r0, w0, r1, w1;
	FILE		*f;
	int		 nq = 0;
	size_t		 n, i;

	if (opt_file == NULL)
		die("-x search needs -f FILE");
	if ((f = fopen(opt_file, "r")) == NULL)
		die("%s: %s", opt_file, strerror(errno));
	start();
	open_until("/", "Everything: ");
	open_until("\t", "In this section: ");
	open_until("\t", lib_label);
	while (fgets(line, sizeof line, f) != NULL &&
	    (opt_queries < 0 || nq < opt_queries)) {
		n = strcspn(line, "\r\n");
		line[n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		for (i = 1; i <= n; i++) {
			e.query = line;
			e.len = i;
			child_sched(&r0, &w0);
			t = child_send(line + i - 1, 1);
			te = child_wait(lib_echo, &e, "the query to show");
			child_wait(lib_results, NULL, "the count of results");
			series_add(&echo, te - t);
			series_add(&res[0], child_quiet(opt_quiet, 60000) - t);
			child_sched(&r1, &w1);
			series_add(&res[1], r1 - r0);
			series_add(&res[2], w1 - w0);
		}
		child_send("\025", 1);		/* Ctrl-U */
		child_wait(lib_echo, &none, "the query to clear");
		child_quiet(opt_quiet, 60000);
		nq++;
	}
	fclose(f);
	child_send("\033", 1);
	child_quiet(opt_quiet + 50, 60000);
	printf("queries\t%d\t%zu\n", nq, echo.n);
	series_print(&echo);
	for (i = 0; i < 3; i++)
		series_print(&res[i]);
}

static void
lib_usage(void)
{
	fprintf(stderr, "usage: ptylib [-dS] [-s COLSxLINES] [-e NAME=VALUE] "
	    "[-n RUNS] [-q MS] [-T SECONDS] [-k MOVES] [-f FILE] [-l N] "
	    "[-P \"A B\"] -x outline|picker|compare|search -- COMMAND "
	    "[ARG...]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	int	 c;

	setlocale(LC_ALL, "C.UTF-8");
	signal(SIGPIPE, SIG_IGN);
	atexit(child_cleanup);
	opt_runs = 5;
	while ((c = getopt(argc, argv, "+dSs:e:n:q:T:x:f:P:k:l:")) != -1) {
		switch (c) {
		case 'd': opt_dump = 1; break;
		case 'S': opt_fresh = 1; break;
		case 's':
			if (sscanf(optarg, "%dx%d", &opt_cols, &opt_rows) != 2 ||
			    opt_cols < 10 || opt_rows < 3)
				lib_usage();
			break;
		case 'e':
			if (nopt_env == MAX_ENV)
				lib_usage();
			opt_env[nopt_env++] = optarg;
			break;
		case 'n': opt_runs = atoi(optarg); break;
		case 'q': opt_quiet = atoi(optarg); break;
		case 'T': opt_timeout = atoi(optarg); break;
		case 'x': opt_mode = optarg; break;
		case 'f': opt_file = optarg; break;
		case 'P': opt_pair = optarg; break;
		case 'k': opt_moves = atoi(optarg); break;
		case 'l': opt_queries = atoi(optarg); break;
		default: lib_usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1 || opt_runs < 1 || opt_moves < 1)
		lib_usage();
	opt_argv = argv;
	opt_marker = "row 1 of";
	if (strcmp(opt_mode, "outline") == 0)
		lib_outline();
	else if (strcmp(opt_mode, "picker") == 0)
		lib_picker();
	else if (strcmp(opt_mode, "compare") == 0)
		lib_compare();
	else if (strcmp(opt_mode, "search") == 0)
		lib_search();
	else
		lib_usage();
	printf("rss\t%ld\n", child_quit(opt_quit));
	return 0;
}
