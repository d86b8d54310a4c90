/*
 * state_writer.c: a helper of tests/hostile/state.sh, which kills it.
 *
 *	state_writer write KEY [N]	mark a/1, a/2, ... (up to N, or for ever)
 *					for the dataset KEY, one transaction
 *					each, printing the count after each
 *					commit
 *	state_writer list KEY		print the marks of KEY in their order
 *
 * The state file is the browser's: $XDG_STATE_HOME/icsbrowse/state.db.
 * A notice from state_open() (the file was damaged and set aside) goes to
 * standard error, so that the test sees it.  Exit status: 0, or 1 with a
 * message.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/state.h"

static int
print_mark(const char *path, void *arg)
{
	(void)arg;
	printf("%s\n", path);
	return 0;
}

static struct state *
open_state(const char *key)
{
	struct state	*st;
	char		*notice = NULL, *cause = NULL;

	st = state_open(key, &notice, &cause);
	if (notice != NULL) {
		fprintf(stderr, "state_writer: notice: %s\n", notice);
		free(notice);
	}
	if (st == NULL) {
		fprintf(stderr, "state_writer: %s\n", cause ? cause : "?");
		free(cause);
	}
	return st;
}

int
main(int argc, char **argv)
{
	struct state	*st;
	char		*cause = NULL;
	char		 path[32];
	long		 i, n = -1;
	int		 rc = 0;

	if (argc < 3 || (strcmp(argv[1], "write") != 0 &&
	    strcmp(argv[1], "list") != 0)) {
		fprintf(stderr, "usage: state_writer write KEY [N] | "
		    "list KEY\n");
		return 2;
	}
	if (argc > 3)
		n = strtol(argv[3], NULL, 10);
	if ((st = open_state(argv[2])) == NULL)
		return 1;
	if (strcmp(argv[1], "list") == 0) {
		if (state_marks(st, print_mark, NULL, &cause) < 0) {
			fprintf(stderr, "state_writer: %s\n", cause);
			free(cause);
			rc = 1;
		}
	} else {
		for (i = 1; n < 0 || i <= n; i++) {
			snprintf(path, sizeof path, "a/%ld", i);
			if (state_mark(st, path, 1, &cause) != 0) {
				fprintf(stderr, "state_writer: %s\n", cause);
				free(cause);
				rc = 1;
				break;
			}
			printf("%ld\n", i);
			fflush(stdout);
		}
	}
	state_close(st);
	if (fflush(stdout) != 0)
		rc = 1;
	return rc;
}
