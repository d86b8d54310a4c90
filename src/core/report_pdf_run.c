/*
 * report_pdf_run.c: pdftotext -bbox-layout as a child process, without a
 * shell, its output read through a pipe with a time limit (see
 * report_pdf.h).
 */
#include "config.h"

#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/report_pdf.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"

/* More text than this from one PDF is not a report. */
#define PDF_OUTPUT_MAX	(256 * 1024 * 1024)

static void
run_child(int out, const char *path)
{
	char	*arg = path[0] == '-' ? xasprintf("./%s", path) :
	    xstrdup(path);
	char	*argv[] = { "pdftotext", "-q", "-bbox-layout", "-enc", "UTF-8",
	    arg, "-", NULL };
	int	 null;

	if ((null = open("/dev/null", O_RDWR)) != -1) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDERR_FILENO);
	}
	dup2(out, STDOUT_FILENO);
	execvp(argv[0], argv);
	_exit(127);
}

/* Read fd to its end into sb, giving up at the deadline; 0 or -1. */
static int
run_read(int fd, struct strbuf *sb, time_t deadline, const char **why)
{
	struct pollfd	 p = { fd, POLLIN, 0 };
	char		 buf[65536];
	ssize_t		 n;
	int		 left;

	for (;;) {
		if ((left = (int)(deadline - time(NULL))) <= 0) {
			*why = "took too long";
			return -1;
		}
		if (poll(&p, 1, left * 1000) == -1 && errno != EINTR) {
			*why = strerror(errno);
			return -1;
		}
		if ((n = read(fd, buf, sizeof buf)) == 0)
			return 0;
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			*why = strerror(errno);
			return -1;
		}
		if (sb->len + (size_t)n > PDF_OUTPUT_MAX) {
			*why = "gave more text than a report holds";
			return -1;
		}
		strbuf_add(sb, buf, (size_t)n);
	}
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

int
report_pdf_run(const char *path, char **out, size_t *len, char **cause)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*why = NULL;
	pid_t		 pid;
	int		 fds[2], status, r;

	if (pipe(fds) == -1 || (pid = fork()) == -1) {
		*cause = xasprintf("%s: cannot run pdftotext: %s", path,
		    strerror(errno));
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		run_child(fds[1], path);
	}
	close(fds[1]);
	r = run_read(fds[0], &sb, time(NULL) + REPORT_PDF_SECONDS, &why);
	close(fds[0]);
	if (r != 0)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (r != 0)
		*cause = xasprintf("%s: pdftotext %s: a damaged PDF?", path, why);
	else
		*cause = run_status(path, status);
	if (*cause != NULL) {
		strbuf_free(&sb);
		return -1;
	}
	*len = sb.len;
	*out = strbuf_detach(&sb);
	return 0;
}
