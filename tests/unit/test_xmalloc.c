/*
 * test_xmalloc.c: unit tests for core/xmalloc.h.
 *
 * The allocators never return NULL: zero sizes give a real block, copies
 * are exact and NUL-terminated, counts are bytes (not characters), and a
 * size that cannot be had ends the program with one line on stderr, after
 * calling the hook that xmalloc_on_fail() set (run in a child process).
 * xgrowarray() gives at least the room asked, keeps the contents, does
 * nothing when there is room, and grows geometrically (about log2(n)
 * reallocs for n items added one at a time).
 */
#include "config.h"

#include <sys/wait.h>

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xmalloc.h"
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

struct ndup_case {
	const char	*s;
	size_t		 n;
	const char	*want;
};

static const struct ndup_case ndup_cases[] = {
	{ "", 0, "" },
	{ "", 5, "" },
	{ "abc", 0, "" },
	{ "abc", 2, "ab" },
	{ "abc", 3, "abc" },
	{ "abc", 99, "abc" },
	/* Bytes, not characters: "£" is two. */
	{ "£909.1 million", 2, "£" },
	{ "£909.1 million", 1, "\xc2" },
	{ "It’s", 5, "It’" },
	{ "日本語", 6, "日本" },
	{ "a\tb\tc", 3, "a\tb" },
	{ "bad \xff\xfe bytes", 6, "bad \xff\xfe" },
	{ "stops\0at NUL", 99, "stops" },
};

static void
test_ndup(void)
{
	size_t	 i;
	char	*p;

	for (i = 0; i < NITEMS(ndup_cases); i++) {
		p = xstrndup(ndup_cases[i].s, ndup_cases[i].n);
		tap_is_str(p, ndup_cases[i].want, "xstrndup");
		free(p);
	}
	p = xstrdup("Dorset ICS – £");
	tap_is_str(p, "Dorset ICS – £", "xstrdup copies UTF-8 as it is");
	free(p);
}

static void
test_zero(void)
{
	char	*p, *q, *r;

	p = xmalloc(0);
	q = xcalloc(0, 8);
	r = xreallocarray(NULL, 8, 0);
	tap_ok(p != NULL && q != NULL && r != NULL,
	    "zero sizes give a block, not NULL");
	tap_ok(p != q && q != r, "... a different block each time");
	free(p);
	free(q);
	free(r);
}

static void
test_calloc_realloc(void)
{
	unsigned char	*p;
	size_t		 i, zero = 1;

	p = xcalloc(1000, 3);
	for (i = 0; i < 3000; i++)
		zero = zero && p[i] == 0;
	tap_ok(zero, "xcalloc zeroes what it gives");
	memcpy(p, "keep", 4);
	p = xreallocarray(p, 100000, 2);
	tap_ok(memcmp(p, "keep", 4) == 0, "xreallocarray keeps the contents");
	p[199999] = 1;
	free(p);
}

/* xgrowarray: room for at least what is asked, contents kept, no work
 * when there is room, and about log2(n) reallocs for n single adds. */
static void
test_grow(void)
{
	size_t	 cap = 0, last, i, grows = 0, ok = 1, log2n = 0;
	int	*p = NULL, *q;

	p = xgrowarray(p, &cap, 3, sizeof *p);
	tap_ok(p != NULL && cap >= 3, "grows from nothing to at least 3 (%zu)",
	    cap);
	for (i = 0; i < 3; i++)
		p[i] = (int)i + 100;
	p = xgrowarray(p, &cap, 5000, sizeof *p);
	tap_ok(cap >= 5000, "grows to at least 5000 (%zu)", cap);
	tap_ok(p[0] == 100 && p[1] == 101 && p[2] == 102,
	    "... keeping the contents");
	p[4999] = 7;
	last = cap;
	q = xgrowarray(p, &cap, 4000, sizeof *p);
	tap_ok(q == p && cap == last, "asking for less: same block and cap");
	q = xgrowarray(p, &cap, last, sizeof *p);
	tap_ok(q == p && cap == last, "asking for exactly cap: no change");
	q = xgrowarray(p, &cap, 0, sizeof *p);
	tap_ok(q == p && cap == last, "asking for 0: no change");
	free(p);

	p = NULL;
	cap = last = 0;
	for (i = 0; i < 1000000; i++) {
		p = xgrowarray(p, &cap, i + 1, sizeof *p);
		if (cap != last)
			grows++;
		last = cap;
		p[i] = (int)(i ^ 0x5a5a);
	}
	for (i = 0; i < 1000000; i++)
		ok = ok && p[i] == (int)(i ^ 0x5a5a);
	free(p);
	for (i = 1; i < 1000000; i *= 2)
		log2n++;
	tap_ok(ok, "1,000,000 single adds keep every item");
	tap_ok(grows >= 1 && grows <= log2n + 1,
	    "... reallocating %zu times (log2 is %zu)", grows, log2n);
	tap_ok(cap >= 1000000 && cap < 2 * 1000000 + 8,
	    "... to a cap within twice the need (%zu)", cap);
}

static void
test_asprintf(void)
{
	char	*p;

	p = xasprintf("%s:%lu: %s", "nodes.csv", 42UL, "日本語 ’x’");
	tap_is_str(p, "nodes.csv:42: 日本語 ’x’", "xasprintf formats");
	free(p);
	p = xasprintf("%s", "");
	tap_is_str(p, "", "xasprintf of nothing is \"\"");
	free(p);
	p = xasprintf("%5s|%-3d|%.2f", "£", 7, 909.1);
	tap_is_str(p, "   £|7  |909.10", "xasprintf pads by bytes, as printf");
	free(p);
}

static void
test_hook(void)
{
	static const char	 msg[] = "hook ran\n";
	ssize_t			 n;

	n = write(STDERR_FILENO, msg, sizeof msg - 1);
	(void)n;
}

/* In a child, ask for more than exists; get its stderr and status. */
static int
fail_child(void (*ask)(void), char *buf, size_t len)
{
	int	 fd[2], status;
	ssize_t	 n;
	size_t	 got = 0;
	pid_t	 pid;

	if (pipe(fd) != 0 || (pid = fork()) == -1)
		return -1;
	if (pid == 0) {
		dup2(fd[1], STDERR_FILENO);
		close(fd[0]);
		xmalloc_on_fail(test_hook);
		ask();
		_exit(0);	/* not reached if it works */
	}
	close(fd[1]);
	while (got + 1 < len && (n = read(fd[0], buf + got,
	    len - 1 - got)) > 0)
		got += (size_t)n;
	buf[got] = '\0';
	close(fd[0]);
	waitpid(pid, &status, 0);
	return status;
}

static void
ask_array(void)
{
	free(xreallocarray(NULL, SIZE_MAX / 2 + 1, 2));
}

static void
ask_array3(void)
{
	free(xreallocarray(NULL, 3, SIZE_MAX / 3 + 1));
}

static void
test_fail(void)
{
	void	(*asks[])(void) = { ask_array, ask_array3 };
	char	 buf[512];
	size_t	 i;
	int	 status;

	for (i = 0; i < NITEMS(asks); i++) {
		status = fail_child(asks[i], buf, sizeof buf);
		tap_ok(status != -1 && WIFSIGNALED(status) &&
		    WTERMSIG(status) == SIGABRT,
		    "an overflowing size aborts (case %zu)", i);
		tap_ok(strncmp(buf, "hook ran\n", 9) == 0,
		    "... after calling the hook");
		tap_ok(strstr(buf, "icsbrowse: out of memory (allocating") !=
		    NULL && strchr(buf + 9, '\n') == strrchr(buf, '\n'),
		    "... saying so in one line: %s", buf + (buf[0] ? 9 : 0));
	}
}

int
main(void)
{
	test_ndup();
	test_zero();
	test_calloc_realloc();
	test_grow();
	test_asprintf();
	test_fail();
	return tap_done();
}
