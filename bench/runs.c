/*
 * runs.c: the wall time of a command run again and again, as the
 * benchmark of the library (bench/library.sh) reports it.
 *
 *   runs -n RUNS [-w WARM] [-s STATUS] -- COMMAND [ARG...]
 *
 * Runs COMMAND WARM times (1) unmeasured, to warm the page cache, then
 * RUNS times, each from just before fork() to wait4() on CLOCK_MONOTONIC,
 * its standard output and error to /dev/null.  A run that exits with
 * another status than STATUS (0) is counted and its status reported (a
 * member that fails is a failure of the measure, not a fast run); -s 1
 * measures a command that is to fail, as list does with a member
 * damaged.  Writes one tab-separated line:
 *   RUNS  P50_MS  P99_MS  MAX_MS  RSS_KIB_MAX  FAILED
 * P50 and P99 are the nearest-rank percentiles of the RUNS times.
 *
 * Linked with libc only.
 */
#define _GNU_SOURCE
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/*
 * Run argv once; its time in *ms, its peak RSS in *rss; its exit status,
 * or 128 + the signal that killed it.
 */
static int
run_once(char **argv, double *ms, long *rss)
{
	struct rusage	 ru;
	double		 t0;
	pid_t		 pid;
	int		 st, fd;

	t0 = now_ms();
	if ((pid = fork()) == -1) {
		perror("runs: fork");
		exit(1);
	}
	if (pid == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) != -1) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &st, 0, &ru) == -1) {
		perror("runs: wait4");
		exit(1);
	}
	*ms = now_ms() - t0;
	*rss = ru.ru_maxrss;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The nearest-rank percentile p of the n sorted times t. */
static double
rank(const double *t, int n, int p)
{
	int	 i = (p * n + 99) / 100;

	return t[i < 1 ? 0 : i - 1];
}

int
main(int argc, char **argv)
{
	double	*t, ms;
	long	 rss, maxrss = 0;
	int	 ch, i, n = 20, warm = 1, failed = 0, last = 0, want = 0;

	while ((ch = getopt(argc, argv, "+n:s:w:")) != -1) {
		if (ch == 'n')
			n = atoi(optarg);
		else if (ch == 's')
			want = atoi(optarg);
		else if (ch == 'w')
			warm = atoi(optarg);
		else
			goto usage;
	}
	if (optind >= argc || n < 1 || warm < 0)
		goto usage;
	argv += optind;
	for (i = 0; i < warm; i++)
		run_once(argv, &ms, &rss);
	t = calloc((size_t)n, sizeof *t);
	if (t == NULL)
		return 1;
	for (i = 0; i < n; i++) {
		if ((last = run_once(argv, &t[i], &rss)) != want)
			failed++;
		if (rss > maxrss)
			maxrss = rss;
	}
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	printf("%d\t%.3f\t%.3f\t%.3f\t%ld\t%d\n", n, rank(t, n, 50),
	    rank(t, n, 99), t[n - 1], maxrss, failed);
	if (failed > 0)
		fprintf(stderr, "runs: %s: %d of %d runs failed (status %d)\n",
		    argv[0], failed, n, last);
	free(t);
	return 0;
usage:
	fprintf(stderr, "usage: runs -n RUNS [-w WARM] [-s STATUS] -- COMMAND "
	    "[ARG...]\n");
	return 2;
}
