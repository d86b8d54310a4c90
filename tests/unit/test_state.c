/*
 * test_state.c: unit tests for core/state.h.
 *
 * In a scratch $XDG_STATE_HOME: the state file's place (XDG_STATE_HOME
 * only when absolute, else HOME), values, unfolded and folded nodes and
 * marks (in their order, paths in several scripts) that survive a close
 * and open, datasets that keep apart, a damaged file set aside with a
 * notice, and a state that cannot be (a file where the folder should be,
 * no HOME at all) refused with a cause.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/state.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "../tap.h"

static char		*dir;
static struct strbuf	 seen = STRBUF_INIT;

static int
see(const char *path, void *arg)
{
	(void)arg;
	strbuf_addf(&seen, "%s%s", seen.len ? "|" : "", path);
	return 0;
}

static const char *
marks_of(struct state *st)
{
	char	*cause = NULL;

	strbuf_reset(&seen);
	if (state_marks(st, see, NULL, &cause) != 0) {
		strbuf_addf(&seen, "error: %s", cause);
		free(cause);
	}
	return strbuf_str(&seen);
}

static void
test_file(void)
{
	char	*f, *want;

	setenv("XDG_STATE_HOME", dir, 1);
	f = state_file();
	want = xasprintf("%s/icsbrowse/state.db", dir);
	tap_is_str(f, want, "state_file under $XDG_STATE_HOME");
	free(f);
	free(want);
	setenv("XDG_STATE_HOME", "relative/dir", 1);
	setenv("HOME", "/home/日本", 1);
	f = state_file();
	tap_is_str(f, "/home/日本/.local/state/icsbrowse/state.db",
	    "a relative $XDG_STATE_HOME is ignored for $HOME's");
	free(f);
	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");
	f = state_file();
	tap_is_str(f, NULL, "neither: no state file");
	free(f);
}

static void
test_values(void)
{
	struct state	*st;
	char		*notice = NULL, *cause = NULL, *v;
	const char	*marks[] = { "a/b", "日本語/£", "x\ty" };

	setenv("XDG_STATE_HOME", dir, 1);
	st = state_open("/data/one.db", &notice, &cause);
	tap_ok(st != NULL && notice == NULL, "a new state opens, quietly");
	if (st == NULL)
		return;
	tap_is_str(v = state_get(st, "last"), NULL, "no value yet");
	free(v);
	tap_is_int(state_set(st, "last", "leadership/£ ’", &cause), 0,
	    "state_set");
	tap_is_int(state_mark(st, "one", 1, &cause), 0, "mark one");
	state_mark(st, "two", 1, &cause);
	state_mark(st, "one", 1, &cause);
	tap_is_str(marks_of(st), "one|two", "marks in order, none twice");
	state_mark(st, "one", 0, &cause);
	tap_is_str(marks_of(st), "two", "a mark removed");
	tap_is_int(state_set_marks(st, marks, 3, &cause), 0, "state_set_marks");
	state_set_open(st, "a", 1, &cause);
	state_set_open(st, "b", 0, &cause);
	state_close(st);
	st = state_open("/data/one.db", &notice, &cause);
	tap_ok(st != NULL, "it opens again");
	if (st == NULL)
		return;
	tap_is_str(v = state_get(st, "last"), "leadership/£ ’",
	    "a value survives");
	free(v);
	tap_is_str(marks_of(st), "a/b|日本語/£|x\ty", "the marks survive");
	strbuf_reset(&seen);
	state_open_nodes(st, see, NULL, &cause);
	strbuf_addc(&seen, '/');
	state_folded_nodes(st, see, NULL, &cause);
	tap_is_str(strbuf_str(&seen), "a/|b", "unfolded and folded survive");
	state_close(st);
	st = state_open("/data/two.db", &notice, &cause);
	tap_is_str(st != NULL ? marks_of(st) : "(none)", "",
	    "another dataset has its own marks");
	state_close(st);
	state_close(NULL);
}

static void
test_damaged(void)
{
	struct state	*st;
	char		*notice = NULL, *cause = NULL, *f, *aside;
	FILE		*fp;

	setenv("XDG_STATE_HOME", dir, 1);
	f = state_file();
	unlink(f);
	if ((fp = fopen(f, "w")) != NULL) {
		fputs("SQLite format 3\n this is not a database at all, just "
		    "bytes where one should be ...........................", fp);
		fclose(fp);
	}
	st = state_open("/data/one.db", &notice, &cause);
	tap_ok(st != NULL, "a damaged state: a fresh one starts%s%s",
	    cause ? ": " : "", cause ? cause : "");
	tap_ok(notice != NULL && strstr(notice, "damaged") != NULL,
	    "... with a notice: %s", notice ? notice : "(none)");
	aside = xasprintf("%s.damaged", f);
	tap_ok(access(aside, F_OK) == 0, "... and the old file set aside");
	tap_is_str(st != NULL ? marks_of(st) : "(none)", "",
	    "... the fresh state has no marks");
	state_close(st);
	free(notice);
	free(aside);
	free(f);
}

static void
test_refused(void)
{
	struct state	*st;
	char		*notice = NULL, *cause = NULL, *file;
	FILE		*fp;

	file = xasprintf("%s/a-file", dir);
	if ((fp = fopen(file, "w")) != NULL)
		fclose(fp);
	setenv("XDG_STATE_HOME", file, 1);
	st = state_open("/data/one.db", &notice, &cause);
	tap_ok(st == NULL && cause != NULL && strchr(cause, '\n') == NULL,
	    "a file where the folder should be: no state, and why: %s",
	    cause ? cause : "(opened)");
	free(cause);
	cause = NULL;
	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");
	st = state_open("/data/one.db", &notice, &cause);
	tap_ok(st == NULL && cause != NULL && strstr(cause, "HOME") != NULL,
	    "no HOME: no state, and why: %s", cause ? cause : "(opened)");
	free(cause);
	free(file);
}

int
main(void)
{
	const char	*t;
	char		*cmd;

	if ((t = getenv("TMPDIR")) == NULL || *t == '\0')
		t = "/tmp";
	dir = xasprintf("%s/icsb-test-state.XXXXXX", t);
	if (mkdtemp(dir) == NULL)
		return 1;
	test_file();
	test_values();
	test_damaged();
	test_refused();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		tap_diag("cannot remove the scratch directory");
	free(cmd);
	free(dir);
	strbuf_free(&seen);
	return tap_done();
}
