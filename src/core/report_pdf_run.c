/*
 * report_pdf_run.c: pdftotext -bbox-layout as child processes, without a
 * shell, their output read through pipes with one time limit (see
 * report_pdf.h).
 *
 * -bbox-layout spends most of its time printing four coordinates a word
 * as decimal text, one page after another on one CPU.  So one pdftotext
 * starts on the whole PDF at once, as it always did, and with more than
 * one CPU online pdfinfo (run the same way) counts the pages meanwhile.
 * On a PDF of enough pages, more children start, one a CPU (at most
 * PDF_CHILDREN_MAX), each on its own range of the later pages (-f, -l),
 * and the first is killed once it has printed the pages of its range.
 * Their outputs, joined in page order, are what one child would have
 * given, page for page (report_pdf_add() reads only the pages' tags, so
 * the head each child prints before its pages is passed over).  When
 * pdfinfo cannot count the pages, or counts too few, the first child
 * reads on to the end, as before; when it counted too many, the first
 * child ends on its own and is the whole PDF.
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
#define PDF_CHILD_PAGES		3
/* Below this size a PDF is read by one child, with no pdfinfo first. */
#define PDF_SMALL_BYTES		(16 * 1024)

struct run_child {
	pid_t		 pid;
	int		 fd;	/* the pipe's read end, -1 once at its end */
	int		 status;
	int		 keep;	/* pages to keep, 0 for all; -1 once cut */
	int		 pages;	/* "</page>"s read so far */
	size_t		 scan;	/* out is searched for them from here */
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
		if (null > STDERR_FILENO)
			close(null);
	}
	dup2(out, STDOUT_FILENO);
	close(out);
	execvp(argv[0], argv);
	_exit(127);
}

/*
 * Start argv with its output into a pipe whose read end is c->fd.  Both
 * ends are close-on-exec, so no child holds another's pipe.  0, or -1
 * with errno (c->pid is then -1).
 */
static int
run_spawn(struct run_child *c, char *const argv[])
{
	int	 fds[2];

	c->pid = -1;
	c->fd = -1;
	c->status = 0;
	c->keep = c->pages = 0;
	c->scan = 0;
	strbuf_init(&c->out);
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

/*
 * Once c has printed the c->keep pages of its range, drop what follows
 * them and kill it: the next child reads the next pages.  1 if cut.
 */
static int
run_cut(struct run_child *c)
{
	const char	*p;

	while ((p = memmem(c->out.buf + c->scan, c->out.len - c->scan,
	    "</page>", 7)) != NULL) {
		c->scan = (size_t)(p - c->out.buf) + 7;
		if (++c->pages < c->keep)
			continue;
		c->out.len = c->scan;
		c->out.buf[c->out.len] = '\0';
		c->keep = -1;
		kill(c->pid, SIGKILL);
		return 1;
	}
	/* A tag split between two reads is found by the next search. */
	if (c->out.len > c->scan + 6)
		c->scan = c->out.len - 6;
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
	return c->keep > 0 ? run_cut(c) : 0;
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

/* Kill and reap children c[0..n) and free what they gave. */
static void
run_drop(struct run_child *c, size_t n)
{
	size_t	 i;

	run_reap(c, n, 1);
	for (i = 0; i < n; i++)
		strbuf_free(&c[i].out);
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
	char			*argv[] = { "pdfinfo", arg, NULL };
	const char		*why = NULL;
	int			 pages = 0, r = -1;

	if (run_spawn(&c, argv) == 0) {
		r = run_read(&c, 1, PDF_INFO_MAX, deadline, &why);
		run_reap(&c, 1, r != 0);
	}
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

/* A child's command line and the strings it points to. */
struct run_args {
	char	*argv[12];
	char	 from[16], to[16];
};

/*
 * pdftotext for child i of n on a PDF of that many pages: the first on
 * the whole PDF (cut short by run_cut()), each other on its range, the
 * last to the end, whatever pdfinfo counted.
 */
static void
run_argv(struct run_args *a, char *arg, size_t i, size_t n, int pages)
{
	size_t	 k = 0;

	a->argv[k++] = "pdftotext";
	a->argv[k++] = "-q";
	a->argv[k++] = "-bbox-layout";
	a->argv[k++] = "-enc";
	a->argv[k++] = "UTF-8";
	if (i > 0) {
		snprintf(a->from, sizeof a->from, "%zu", 1 + i *
		    (size_t)pages / n);
		a->argv[k++] = "-f";
		a->argv[k++] = a->from;
	}
	if (i > 0 && i + 1 < n) {
		snprintf(a->to, sizeof a->to, "%zu", (i + 1) * (size_t)pages /
		    n);
		a->argv[k++] = "-l";
		a->argv[k++] = a->to;
	}
	a->argv[k++] = arg;
	a->argv[k++] = "-";
	a->argv[k] = NULL;
}

/*
 * With c[0] started on the whole PDF, count its pages and start a child
 * for each later range, at most want children in all, into c[1..*n).
 * 0, or -1 with *cause, c[0..*n) then killed, reaped and freed.
 */
static int
run_more(const char *path, char *arg, struct run_child *c,
    struct run_args *a, size_t want, time_t deadline, size_t *n,
    char **cause)
{
	size_t	 i, m;
	int	 pages;

	if ((pages = run_pages(path, arg, deadline, cause)) < 0) {
		run_drop(c, *n);
		return -1;
	}
	if ((m = (size_t)pages / PDF_CHILD_PAGES) > want)
		m = want;
	if (m < 2)
		return 0;
	c[0].keep = (int)((size_t)pages / m);
	for (i = 1; i < m; i++) {
		run_argv(&a[i], arg, i, m, pages);
		if (run_spawn(&c[i], a[i].argv) != 0) {
			*cause = xasprintf("%s: cannot run pdftotext: %s",
			    path, strerror(errno));
			run_drop(c, i + 1);
			return -1;
		}
		*n = i + 1;
	}
	return 0;
}

/*
 * The children's outputs joined in page order into *out and *len, or
 * *cause for the first range that failed.  A first child that was not
 * cut read the whole PDF (pdfinfo counted too many pages): it alone is
 * the output.  Frees every c[i].out.
 */
static int
run_join(const char *path, struct run_child *c, size_t n, char **out,
    size_t *len, char **cause)
{
	size_t	 i, used = c[0].keep == -1 ? n : 1;

	if (used == 1)
		*cause = run_status(path, c[0].status);
	for (i = 1; i < used && *cause == NULL; i++)
		*cause = run_status(path, c[i].status);
	for (i = 1; i < n; i++) {
		if (*cause == NULL && i < used)
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

/* Read the n children started, reap them, and join what they gave. */
static int
run_rest(const char *path, struct run_child *c, size_t n, time_t deadline,
    char **out, size_t *len, char **cause)
{
	const char	*why = NULL;

	if (run_read(c, n, PDF_OUTPUT_MAX, deadline, &why) == 0) {
		run_reap(c, n, 0);
		return run_join(path, c, n, out, len, cause);
	}
	run_drop(c, n);
	*cause = xasprintf("%s: pdftotext %s: a damaged PDF?", path, why);
	return -1;
}

int
report_pdf_run(const char *path, char **out, size_t *len, char **cause)
{
	struct run_child	 c[PDF_CHILDREN_MAX];
	struct run_args		 a[PDF_CHILDREN_MAX];
	time_t			 deadline = time(NULL) + REPORT_PDF_SECONDS;
	size_t			 n = 1, want = run_width(path);
	char			*arg;
	int			 rc = -1;

	*cause = NULL;
	arg = path[0] == '-' ? xasprintf("./%s", path) : xstrdup(path);
	run_argv(&a[0], arg, 0, 1, 0);
	if (run_spawn(&c[0], a[0].argv) != 0) {
		*cause = xasprintf("%s: cannot run pdftotext: %s", path,
		    strerror(errno));
		goto out;
	}
	if (want > 1 && run_more(path, arg, c, a, want, deadline, &n,
	    cause) != 0)
		goto out;
	rc = run_rest(path, c, n, deadline, out, len, cause);
out:
	free(arg);
	return rc;
}
