/*
 * replay.c: run a fuzz target on its corpus, for make check.
 *
 * Linked with one fuzz_NAME.c (FUZZ_NAME is compiled in), it calls
 * LLVMFuzzerTestOneInput() on every file of the corpus directory, in name
 * order, and prints one TAP result a file.  The directory is the first
 * argument, or $top_srcdir/tests/fuzz/corpus/NAME (top_srcdir from the
 * environment, else the source tree it was configured in).  A crash or an
 * abort() in the target is reported as "not ok" for its file and ends the
 * run, so that the test fails.  No clang needed.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "fuzz.h"

#ifndef FUZZ_NAME
#error "FUZZ_NAME must name the target"
#endif
#ifndef FUZZ_SRCDIR
#define FUZZ_SRCDIR	"."
#endif

/* What to say if the file being replayed kills the replay. */
static char	 replay_fatal[512];

static void
replay_signal(int sig)
{
	ssize_t	 n;

	n = write(STDOUT_FILENO, replay_fatal, strlen(replay_fatal));
	(void)n;
	signal(sig, SIG_DFL);
	raise(sig);
}

/* The whole of regular file path, into sb; 0, or -1 with errno. */
static int
replay_read(const char *path, struct strbuf *sb)
{
	char	 buf[8192];
	size_t	 n;
	FILE	*f;
	int	 rc;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(sb, buf, n);
	rc = ferror(f) ? -1 : 0;
	fclose(f);
	return rc;
}

static int
replay_visible(const struct dirent *de)
{
	return de->d_name[0] != '.';
}

/* Replay file name of dir; returns 0, or -1 if it could not be read. */
static int
replay_one(const char *dir, const char *name, struct strbuf *sb, int *tn)
{
	struct stat	 st;
	char		*path;
	int		 rc = 0;

	path = xasprintf("%s/%s", dir, name);
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		goto out;
	strbuf_reset(sb);
	snprintf(replay_fatal, sizeof replay_fatal, "not ok %d - corpus/%s/%s:"
	    " aborted\n", *tn + 1, FUZZ_NAME, name);
	fflush(stdout);
	if (replay_read(path, sb) == 0) {
		LLVMFuzzerTestOneInput((const uint8_t *)strbuf_str(sb),
		    sb->len);
		printf("ok %d - corpus/%s/%s\n", ++*tn, FUZZ_NAME, name);
	} else {
		printf("not ok %d - corpus/%s/%s: %s\n", ++*tn, FUZZ_NAME,
		    name, strerror(errno));
		rc = -1;
	}
	fflush(stdout);
out:
	free(path);
	return rc;
}

int
main(int argc, char **argv)
{
	struct dirent	**names;
	struct strbuf	 sb = STRBUF_INIT;
	const char	*top;
	char		*dir;
	int		 i, n, tn = 0, failed = 0;

	if (argc > 1)
		dir = xstrdup(argv[1]);
	else {
		if ((top = getenv("top_srcdir")) == NULL || *top == '\0')
			top = FUZZ_SRCDIR;
		dir = xasprintf("%s/tests/fuzz/corpus/%s", top, FUZZ_NAME);
	}
	/* A broken invariant or assert(); sanitizers report the rest. */
	signal(SIGABRT, replay_signal);
	if ((n = scandir(dir, &names, replay_visible, alphasort)) < 0) {
		printf("Bail out! %s: %s\n", dir, strerror(errno));
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (replay_one(dir, names[i]->d_name, &sb, &tn) != 0)
			failed++;
		free(names[i]);
	}
	free(names);
	free(dir);
	strbuf_free(&sb);
	printf("1..%d\n", tn);
	return failed ? 1 : 0;
}
