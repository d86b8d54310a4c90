/*
 * printer.c: sending a printout to a printer, or to any command.
 */
#include "config.h"

#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "render/printer.h"

extern char **environ;

/* Is there an executable called name on PATH? */
static int
printer_on_path(const char *name)
{
	const char	*path = getenv("PATH"), *p, *colon;
	char		*f;
	int		 found = 0;

	if (path == NULL)
		path = "/usr/bin:/bin";
	for (p = path; !found; p = colon + 1) {
		colon = strchr(p, ':');
		if (colon == NULL)
			colon = p + strlen(p);
		f = xasprintf("%.*s/%s", (int)(colon - p), colon > p ? p : ".",
		    name);
		found = access(f, X_OK) == 0;
		free(f);
		if (*colon == '\0')
			break;
	}
	return found;
}

/*
 * Feed buf to fd in while keeping what comes out of err, until both are
 * done: a command that writes much to stderr must not block on us.
 */
static void
printer_pump(int in, int err, const char *buf, size_t len, struct strbuf *sb)
{
	struct pollfd	 pf[2];
	char		 tmp[4096];
	ssize_t		 n;

	pf[0].fd = len > 0 ? in : -1;
	pf[0].events = POLLOUT;
	pf[1].fd = err;
	pf[1].events = POLLIN;
	if (len == 0)
		close(in);
	while (pf[0].fd != -1 || pf[1].fd != -1) {
		if (poll(pf, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pf[0].fd != -1 && pf[0].revents != 0) {
			n = (pf[0].revents & POLLOUT) ? write(in, buf, len) : -1;
			if (n > 0) {
				buf += n;
				len -= (size_t)n;
			}
			if ((n < 0 && errno != EINTR && errno != EAGAIN) ||
			    len == 0) {
				close(in);
				pf[0].fd = -1;
			}
		}
		if (pf[1].fd != -1 && pf[1].revents != 0) {
			n = read(err, tmp, sizeof tmp);
			if (n > 0 && sb->len < 4096)
				strbuf_add(sb, tmp, (size_t)n);
			else if (n <= 0 && (n == 0 || errno != EINTR)) {
				close(err);
				pf[1].fd = -1;
			}
		}
	}
}

/* The first line of what a command said, for a one-line message. */
static const char *
printer_said(struct strbuf *sb)
{
	char	*nl;

	if (sb->len == 0)
		return "";
	if ((nl = strchr(sb->buf, '\n')) != NULL)
		*nl = '\0';
	return sb->buf;
}

static int
printer_wait(pid_t pid, const char *name, struct strbuf *said, char **cause)
{
	int	 status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			*cause = xasprintf("%s: %s", name, strerror(errno));
			return -1;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status))
		*cause = xasprintf("%s failed (exit status %d)%s%s", name,
		    WEXITSTATUS(status), said->len ? ": " : "",
		    printer_said(said));
	else
		*cause = xasprintf("%s was killed by signal %d", name,
		    WTERMSIG(status));
	return -1;
}

int
printer_pipe(char *const argv[], const void *buf, size_t len, char **cause)
{
	posix_spawn_file_actions_t	 fa;
	struct strbuf			 said = STRBUF_INIT;
	struct sigaction		 sa, old;
	pid_t				 pid;
	int				 in[2], err[2], r, rc;

	if (pipe2(in, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
		*cause = xasprintf("%s: %s", argv[0], strerror(errno));
		return -1;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], STDIN_FILENO);
	/* What it says goes to us, never to a terminal the browser draws. */
	posix_spawn_file_actions_adddup2(&fa, err[1], STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, err[1], STDERR_FILENO);
	r = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(in[0]);
	close(err[1]);
	if (r != 0) {
		close(in[1]);
		close(err[0]);
		*cause = xasprintf("%s: cannot run it: %s", argv[0],
		    strerror(r));
		return -1;
	}
	/* A command that stops reading must not kill us with SIGPIPE. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, &old);
	printer_pump(in[1], err[0], buf, len, &said);
	sigaction(SIGPIPE, &old, NULL);
	rc = printer_wait(pid, argv[0], &said, cause);
	strbuf_free(&said);
	return rc;
}

int
printer_available(void)
{
	return printer_on_path("lp") || printer_on_path("lpr");
}

int
printer_send(const char *name, const void *buf, size_t len, char **cause)
{
	char	*argv[4];
	int	 n = 0;

	if (printer_on_path("lp")) {
		argv[n++] = "lp";
		if (name != NULL) {
			argv[n++] = "-d";
			argv[n++] = (char *)name;
		}
	} else if (printer_on_path("lpr")) {
		argv[n++] = "lpr";
		if (name != NULL) {
			argv[n++] = "-P";
			argv[n++] = (char *)name;
		}
	} else {
		*cause = xstrdup("cannot print: neither lp nor lpr is on PATH "
		    "(install CUPS, or print to a file with --output)");
		return -1;
	}
	argv[n] = NULL;
	return printer_pipe(argv, buf, len, cause);
}

/* Run lpstat with arg and return what it printed (caller frees), or NULL. */
static char *
printer_lpstat(const char *arg)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		 buf[4096];
	FILE		*f;
	size_t		 n;
	int		 fd[2];
	pid_t		 pid;
	posix_spawn_file_actions_t fa;
	char		*argv[] = { "lpstat", (char *)arg, NULL };

	if (!printer_on_path("lpstat") || pipe2(fd, O_CLOEXEC) != 0)
		return NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd[1], STDOUT_FILENO);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
	    O_WRONLY, 0);
	if (posix_spawnp(&pid, "lpstat", &fa, NULL, argv, environ) != 0)
		pid = -1;
	posix_spawn_file_actions_destroy(&fa);
	close(fd[1]);
	if ((f = fdopen(fd[0], "r")) != NULL) {
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			strbuf_add(&sb, buf, n);
		fclose(f);
	} else
		close(fd[0]);
	if (pid > 0)
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
	return strbuf_detach(&sb);
}

size_t
printer_list(char ***names, char **dflt)
{
	char	*out, *line, *save, *sp;
	size_t	 n = 0;

	*names = NULL;
	*dflt = NULL;
	if ((out = printer_lpstat("-a")) != NULL) {
		for (line = strtok_r(out, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			if ((sp = strchr(line, ' ')) != NULL)
				*sp = '\0';
			if (*line == '\0')
				continue;
			*names = xreallocarray(*names, n + 1, sizeof **names);
			(*names)[n++] = xstrdup(line);
		}
		free(out);
	}
	/* "system default destination: NAME" */
	if ((out = printer_lpstat("-d")) != NULL) {
		if ((sp = strrchr(out, ':')) != NULL && sp[1] == ' ') {
			sp += 2;
			sp[strcspn(sp, "\n")] = '\0';
			if (*sp != '\0')
				*dflt = xstrdup(sp);
		}
		free(out);
	}
	return n;
}
