/*
 * report_pdf_run.c: pdftotext -bbox-layout as child processes, without a
 * shell, their output read through pipes with one time limit (see
 * report_pdf.h).
 *
 * -bbox-layout spends most of its time printing four coordinates a word
 * as decimal text, one page after another on one CPU.  With more than one
 * CPU online, pdfinfo (run the same way) gives the page count, and a PDF
 * of enough pages is read by one pdftotext a CPU (at most
 * PDF_CHILDREN_MAX), each on its own range of pages (-f, -l), all at once;
 * their outputs, joined in page order, are what one child would have
 * given, page for page (report_pdf_add() reads only the pages' tags, so
 * the head each child prints before its pages is passed over).  When
 * pdfinfo cannot count the pages, one child reads the whole PDF as before
 * and gives the error, if any.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/report_pdf.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"

/* More text than this from one PDF is not a report. */
#define PDF_OUTPUT_MAX		(256 * 1024 * 1024)
/* pdfinfo prints a screenful; a title can make it longer. */
#define PDF_INFO_MAX		(1024 * 1024)
/* Children reading one PDF at most, one a CPU. */
#define PDF_CHILDREN_MAX	4
/*
 * Pages a child at least: each child starts poppler and reads the PDF's
 * fonts again, which outweighs the pages saved on shorter PDFs.
 */
#define PDF_CHILD_PAGES		4
/* Below this size a PDF is read by one child, with no pdfinfo first. */
#define PDF_SMALL_BYTES		(16 * 1024)

struct run_child {
	pid_t		 pid;
	int		 fd;	/* the pipe's read end, -1 once at its end */
	int		 status;
	struct strbuf	 out;
};

static void
run_exec(int out, char *const argv[])
{
	int	 null;

	/* Above 0-2, so that setting those up cannot close it. */
	if ((out = fcntl(out, F_DUPFD, 3)) == -1)
		_exit(127);
	if ((null = open("/dev/null", O_RDWR)) != -1) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDERR_FILENO);
	}
	dup2(out, STDOUT_FILENO);
	execvp(argv[0], argv);
	_exit(127);
}

/*
 * Start argv with its output into a pipe whose read end is c->fd.  Both
 * ends are close-on-exec, so no child holds another's pipe.  0 or -1.
 */
static int
run_spawn(struct run_child *c, char *const argv[])
{
	int	 fds[2];

	if (pipe(fds) == -1)
		return -1;
	if (fcntl(fds[0], F_SETFD, FD_CLOEXEC) == -1 ||
	    fcntl(fds[1], F_SETFD, FD_CLOEXEC) == -1 ||
	    (c->pid = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (c->pid == 0)
		run_exec(fds[1], argv);
	close(fds[1]);
	c->fd = fds[0];
	return 0;
}

/* Read from c->fd into c->out; 1 at its end, 0 for more, -1 on error. */
static int
run_read_one(struct run_child *c, size_t *total, size_t max,
    const char **why)
{
	char	 buf[65536];
	ssize_t	 n;

	if ((n = read(c->fd, buf, sizeof buf)) == 0)
		return 1;
	if (n < 0) {
		if (errno == EINTR || errno == EAGAIN)
			return 0;
		*why = strerror(errno);
		return -1;
	}
	if ((*total += (size_t)n) > max) {
		*why = "gave more text than a report holds";
		return -1;
	}
	strbuf_add(&c->out, buf, (size_t)n);
	return 0;
}

/* Whether the pipe fd was ready in the poll of p[0..np). */
static int
run_ready(const struct pollfd *p, size_t np, int fd)
{
	size_t	 i;

	for (i = 0; i < np; i++)
		if (p[i].fd == fd)
			return p[i].revents != 0;
	return 0;
}

/*
 * Read every child's pipe to its end, at most max bytes in all, giving up
 * at the deadline; 0 or -1 with *why.  Each pipe is closed at its end.
 */
static int
run_read(struct run_child *c, size_t n, size_t max, time_t deadline,
    const char **why)
{
	struct pollfd	 p[PDF_CHILDREN_MAX];
	size_t		 i, np, total = 0;
	int		 left, r;

	for (;;) {
		for (i = np = 0; i < n; i++)
			if (c[i].fd != -1)
				p[np++] = (struct pollfd){ c[i].fd, POLLIN, 0 };
		if (np == 0)
			return 0;
		if ((left = (int)(deadline - time(NULL))) <= 0) {
			*why = "took too long";
			return -1;
		}
		if (poll(p, np, left * 1000) == -1 && errno != EINTR) {
			*why = strerror(errno);
			return -1;
		}
		for (i = 0; i < n; i++) {
			if (c[i].fd == -1 || !run_ready(p, np, c[i].fd))
				continue;
			if ((r = run_read_one(&c[i], &total, max, why)) < 0)
				return -1;
			if (r == 1) {
				close(c[i].fd);
				c[i].fd = -1;
			}
		}
	}
}

/* Close what is open of children c[0..n), kill them if asked, reap them. */
static void
run_reap(struct run_child *c, size_t n, int kill_them)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (c[i].fd != -1)
			close(c[i].fd);
		c[i].fd = -1;
		if (c[i].pid <= 0)
			continue;
		if (kill_them)
			kill(c[i].pid, SIGKILL);
		while (waitpid(c[i].pid, &c[i].status, 0) == -1 &&
		    errno == EINTR)
			;
		c[i].pid = -1;
	}
}

/*
 * Run the n commands argv[0..n) at once, each with its output into
 * c[i].out, at most max bytes in all, until the deadline; every child is
 * reaped before this returns, and killed first if reading failed.  0 with
 * each c[i].status; -1 with *why if reading failed, -2 if one could not
 * be started.
 */
static int
run_children(struct run_child *c, size_t n, char **argv[], size_t max,
    time_t deadline, const char **why)
{
	size_t	 i;
	int	 r;

	for (i = 0; i < n; i++) {
		c[i].pid = -1;
		c[i].fd = -1;
		c[i].status = 0;
		strbuf_init(&c[i].out);
	}
	for (i = 0; i < n; i++)
		if (run_spawn(&c[i], argv[i]) != 0) {
			*why = strerror(errno);
			run_reap(c, n, 1);
			return -2;
		}
	r = run_read(c, n, max, deadline, why);
	run_reap(c, n, r != 0);
	return r;
}

static char *
run_status(const char *path, int status)
{
	if (!WIFEXITED(status))
		return xasprintf("%s: a damaged PDF: pdftotext failed on it "
		    "(signal %d)", path, WTERMSIG(status));
	switch (WEXITSTATUS(status)) {
	case 0:
		return NULL;
	case 127:
		return xasprintf("%s: cannot run pdftotext to read the PDF: "
		    "install poppler-utils", path);
	case 3:
		return xasprintf("%s: an encrypted PDF: icsbrowse reads only "
		    "unencrypted ones (qpdf --decrypt makes one)", path);
	default:
		return xasprintf("%s: a damaged PDF: pdftotext cannot read it "
		    "(exit %d)", path, WEXITSTATUS(status));
	}
}

/* The count of pdfinfo's last "Pages:" line in s; 0 if none. */
static int
run_count(const char *s)
{
	const char	*p, *last = NULL;
	char		*end;
	long		 v;

	if (strncmp(s, "Pages:", 6) == 0)
		last = s;
	/* The last: a title printed above it may hold a line break. */
	for (p = s; (p = strstr(p, "\nPages:")) != NULL; p++)
		last = p + 1;
	if (last == NULL)
		return 0;
	errno = 0;
	v = strtol(last + 6, &end, 10);
	if (errno != 0 || end == last + 6 || v < 0 || v > 1000000 ||
	    (*end != '\n' && *end != '\0'))
		return 0;
	return (int)v;
}

/*
 * The PDF's page count from pdfinfo, run as pdftotext is; 0 when it
 * cannot tell (no pdfinfo, a PDF it cannot read), or -1 with *cause when
 * it took all the time there was.
 */
static int
run_pages(const char *path, char *arg, time_t deadline, char **cause)
{
	struct run_child	 c;
	char			*argv[] = { "pdfinfo", arg, NULL }, **av = argv;
	const char		*why = NULL;
	int			 pages = 0, r;

	r = run_children(&c, 1, &av, PDF_INFO_MAX, deadline, &why);
	if (r != 0 && time(NULL) >= deadline) {
		*cause = xasprintf("%s: pdfinfo took too long: a damaged PDF?",
		    path);
		pages = -1;
	} else if (r == 0 && WIFEXITED(c.status) && WEXITSTATUS(c.status) == 0)
		pages = run_count(strbuf_str(&c.out));
	strbuf_free(&c.out);
	return pages;
}

/* How many children to read path with, before its pages are counted. */
static size_t
run_width(const char *path)
{
	long		 cpus = sysconf(_SC_NPROCESSORS_ONLN);
	struct stat	 st;

	if (cpus < 2 || (stat(path, &st) == 0 &&
	    st.st_size < PDF_SMALL_BYTES))
		return 1;
	return cpus > PDF_CHILDREN_MAX ? PDF_CHILDREN_MAX : (size_t)cpus;
}

/* One child's pdftotext for pages of[i] of n ranges, into argv[16]. */
static void
run_argv(char **argv, char *arg, char from[16], char to[16], size_t i,
    size_t n, int pages)
{
	size_t	 a = 0;

	argv[a++] = "pdftotext";
	argv[a++] = "-q";
	argv[a++] = "-bbox-layout";
	argv[a++] = "-enc";
	argv[a++] = "UTF-8";
	if (n > 1) {
		snprintf(from, 16, "%d", 1 + (int)(i * (size_t)pages / n));
		argv[a++] = "-f";
		argv[a++] = from;
	}
	/* The last range runs to the end, whatever pdfinfo counted. */
	if (n > 1 && i + 1 < n) {
		snprintf(to, 16, "%d", (int)((i + 1) * (size_t)pages / n));
		argv[a++] = "-l";
		argv[a++] = to;
	}
	argv[a++] = arg;
	argv[a++] = "-";
	argv[a] = NULL;
}

/*
 * The children's outputs joined in page order into *out and *len, or
 * *cause for the first range that failed.  Frees every c[i].out.
 */
static int
run_join(const char *path, struct run_child *c, size_t n, char **out,
    size_t *len, char **cause)
{
	size_t	 i;

	for (i = 0; i < n && *cause == NULL; i++)
		*cause = run_status(path, c[i].status);
	for (i = 1; i < n; i++) {
		if (*cause == NULL)
			strbuf_add(&c[0].out, c[i].out.buf, c[i].out.len);
		strbuf_free(&c[i].out);
	}
	if (*cause != NULL) {
		strbuf_free(&c[0].out);
		return -1;
	}
	*len = c[0].out.len;
	*out = strbuf_detach(&c[0].out);
	return 0;
}

int
report_pdf_run(const char *path, char **out, size_t *len, char **cause)
{
	struct run_child	 c[PDF_CHILDREN_MAX];
	char			*argv[PDF_CHILDREN_MAX][16];
	char			**av[PDF_CHILDREN_MAX];
	char			 from[PDF_CHILDREN_MAX][16];
	char			 to[PDF_CHILDREN_MAX][16];
	char			*arg;
	time_t			 deadline = time(NULL) + REPORT_PDF_SECONDS;
	const char		*why = NULL;
	size_t			 i, n = run_width(path);
	int			 pages = 0, r, rc = -1;

	arg = path[0] == '-' ? xasprintf("./%s", path) : xstrdup(path);

	*cause = NULL;
	if (n > 1 && (pages = run_pages(path, arg, deadline, cause)) < 0)
		goto out;
	if ((size_t)pages / PDF_CHILD_PAGES < n)
		n = (size_t)pages / PDF_CHILD_PAGES > 1 ?
		    (size_t)pages / PDF_CHILD_PAGES : 1;
	for (i = 0; i < n; i++) {
		run_argv(argv[i], arg, from[i], to[i], i, n, pages);
		av[i] = argv[i];
	}
	r = run_children(c, n, av, PDF_OUTPUT_MAX, deadline, &why);
	if (r != 0) {
		for (i = 0; i < n; i++)
			strbuf_free(&c[i].out);
		*cause = r == -2 ? xasprintf("%s: cannot run pdftotext: %s",
		    path, why) : xasprintf("%s: pdftotext %s: a damaged PDF?",
		    path, why);
		goto out;
	}
	rc = run_join(path, c, n, out, len, cause);
out:
	free(arg);
	return rc;
}
