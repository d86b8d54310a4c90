/*
 * test_library_add.c: unit tests for library_add.c (core/library.h):
 * library_import() from each kind of input (a dataset folder, a built
 * database, a report's text) and its refusals (a missing input, a damaged
 * database, a folder or database among other inputs), leaving no file at
 * out when it fails; library_fingerprint() the same for the same
 * assessment however built and different for another; library_add()
 * making the folder with its parents, refusing names that are none (£ ’
 * 日本語, tabs, bad bytes) and the built-in one's, refusing a taken name
 * without replace and leaving the member alone, sweeping the temporary
 * files of dead adds, leaving none of its own; library_remove() refusals.
 * Needs top_srcdir (tests/malformed/base, tests/reports) and top_builddir
 * (assets/dorset.db); skips without them.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db.h"
#include "core/library.h"
#include "core/xmalloc.h"
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

static const char *const bad_names[] = {
	"Base-2024", "base 2024", "base\t2024", "base/2024", "../base",
	"base-", "-base", "base--2024", "£-2024", "king’s-lynn", "日本語",
	"base\xff", "", ".lock", LIBRARY_BUILTIN,
};

static char *src, *bld, *top;

static int
exists(const char *path)
{
	struct stat	 sb;

	return stat(path, &sb) == 0;
}

/* The fingerprint of the database at path, or 0 (with a failed check). */
static unsigned long long
fp_of(const char *path)
{
	struct db		*db;
	unsigned long long	 fp = 0;
	char			*cause = NULL;

	if ((db = db_open(path, DB_READONLY, &cause)) == NULL ||
	    library_fingerprint(db, &fp, &cause) != 0)
		tap_ok(0, "fingerprint of %s: %s", path, cause);
	if (db != NULL)
		db_close(db, NULL);
	free(cause);
	return fp;
}

/* library_import of n inputs to out: 0 or -1, and whether out is there. */
static int
import(char **in, int n, const char *out, int want, const char *what)
{
	char	*cause = NULL;
	int	 rc;

	unlink(out);
	rc = library_import(in, n, out, &cause);
	tap_is_int(rc, want, what);
	if (want != 0) {
		tap_ok(cause != NULL && strchr(cause, '\n') == NULL,
		    "... with one line of why: %s", cause);
		tap_ok(!exists(out), "... and no file at out");
	} else
		tap_ok(exists(out), "... making out");
	free(cause);
	return rc;
}

static void
test_import(const char *base, const char *builtin, const char *report)
{
	char	*in[3], *a, *b, *c, *damaged, *missing;
	FILE	*f;

	a = xasprintf("%s/a.db", top);
	b = xasprintf("%s/b.db", top);
	c = xasprintf("%s/c.db", top);
	damaged = xasprintf("%s/damaged.db", top);
	missing = xasprintf("%s/no such £ file.txt", top);
	in[0] = (char *)base;
	import(in, 1, a, 0, "a dataset folder is imported");
	in[0] = a;
	import(in, 1, b, 0, "a built database is copied");
	tap_ok(fp_of(a) == fp_of(b) && fp_of(a) != 0,
	    "the copy has the same fingerprint");
	in[0] = (char *)builtin;
	import(in, 1, c, 0, "the built-in database is copied");
	tap_ok(fp_of(c) != fp_of(a), "another assessment, another fingerprint");
	tap_ok(fp_of(c) == fp_of(builtin), "... the same as its source's");
	in[0] = (char *)report;
	import(in, 1, c, 0, "a report's text is read");
	tap_ok(fp_of(c) != fp_of(a), "... another assessment again");
	f = fopen(damaged, "w");
	fwrite("SQLite format 3\0\xff\xfe garbage \xe6\x97\xa5", 1, 30, f);
	fclose(f);
	in[0] = damaged;
	import(in, 1, c, -1, "a damaged database is refused");
	in[0] = missing;
	import(in, 1, c, -1, "a missing input is refused");
	in[0] = (char *)report;
	in[1] = missing;
	import(in, 2, c, -1, "... among others too");
	in[1] = (char *)base;
	import(in, 2, c, -1, "a dataset folder among pages is refused");
	in[1] = a;
	import(in, 2, c, -1, "a database among pages is refused");
	free(a);
	free(b);
	free(c);
	free(damaged);
	free(missing);
}

/* How many entries of dir begin with prefix. */
static int
count_prefix(const char *dir, const char *prefix)
{
	struct dirent	*de;
	DIR		*d;
	int		 n = 0;

	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0)
			n++;
	closedir(d);
	return n;
}

static int
add(const char *dir, const char *builtin, const char *in, const char *name,
    int replace, char **got, enum library_added *how, char **cause)
{
	char	*inputs[1];

	inputs[0] = (char *)in;
	*got = NULL;
	*cause = NULL;
	return library_add(dir, builtin, inputs, 1, name, replace, got, how,
	    cause);
}

static void
test_names(const char *dir, const char *builtin, const char *base)
{
	enum library_added	 how;
	char			*got, *cause;
	size_t			 i;
	int			 r;

	for (i = 0; i < NITEMS(bad_names); i++) {
		/* Called first: the message reads cause, which add() sets. */
		r = add(dir, builtin, base, bad_names[i], 0, &got, &how, &cause);
		tap_ok(r == -1 && cause != NULL && got == NULL,
		    "--name '%s' is refused: %s", bad_names[i],
		    cause != NULL ? cause : "(no cause)");
		free(cause);
	}
	tap_ok(!exists(dir), "a refused name makes no folder");
}

static void
test_add(const char *dir, const char *builtin, const char *base,
    const char *report)
{
	enum library_added	 how;
	struct stat		 before, after;
	char			*got, *cause, *dead, *member;
	int			 r;

	tap_ok(add(dir, builtin, base, "base-2024", 0, &got, &how,
	    &cause) == 0 && how == LIBRARY_NEW, "added, making the folder "
	    "and its parents");
	tap_is_str(got, "base-2024", "... under the name given");
	free(got);
	member = xasprintf("%s/base-2024.db", dir);
	tap_ok(exists(member), "... as NAME.db in the folder");
	tap_is_int(count_prefix(dir, ".add-"), 0, "no temporary file is left");
	stat(member, &before);
	r = add(dir, builtin, report, "base-2024", 0, &got, &how, &cause);
	tap_ok(r == -1 && cause != NULL && strstr(cause, "base-2024") !=
	    NULL && got == NULL, "another assessment under a taken name is "
	    "refused: %s", cause != NULL ? cause : "(no cause)");
	free(cause);
	stat(member, &after);
	tap_ok(before.st_ino == after.st_ino && fp_of(member) != 0,
	    "... the member is left as it was");
	tap_is_int(count_prefix(dir, ".add-"), 0, "... and no temporary file");
	dead = xasprintf("%s/.add-999999999-0.db", dir);
	fclose(fopen(dead, "w"));
	tap_ok(add(dir, builtin, report, "base-2024", 1, &got, &how,
	    &cause) == 0 && how == LIBRARY_REPLACED, "--replace replaces it");
	free(got);
	tap_ok(!exists(dead), "a dead add's temporary file is swept");
	tap_ok(add(dir, builtin, report, "any-other-name", 0, &got, &how,
	    &cause) == 0 && how == LIBRARY_SAME, "the same again: same");
	tap_is_str(got, "base-2024", "... under the name it has");
	free(got);
	tap_ok(!exists(dead) && count_prefix(dir, "any-other") == 0,
	    "... adding no member");
	tap_ok(add(dir, builtin, builtin, NULL, 0, &got, &how,
	    &cause) == 0 && how == LIBRARY_SAME, "the built-in one: same");
	tap_is_str(got, LIBRARY_BUILTIN, "... its name");
	free(got);
	tap_ok(add(dir, builtin, "/nonexistent/£.txt", "x", 0, &got, &how,
	    &cause) == -1 && cause != NULL, "a missing input: %s", cause);
	free(cause);
	free(dead);
	free(member);
}

static const char *
why(const char *cause)
{
	return cause != NULL ? cause : "(no cause)";
}

static void
test_remove(const char *dir)
{
	char	*cause = NULL;

	tap_ok(library_remove(dir, LIBRARY_BUILTIN, &cause) == -1 &&
	    cause != NULL, "the built-in one is not removed: %s", why(cause));
	free(cause);
	cause = NULL;
	tap_ok(library_remove(dir, "日本語", &cause) == -1 && cause != NULL,
	    "a name that is none: %s", why(cause));
	free(cause);
	cause = NULL;
	tap_ok(library_remove(dir, "never-added", &cause) == -1 &&
	    cause != NULL, "a name not there: %s", why(cause));
	free(cause);
	cause = NULL;
	tap_ok(library_remove(dir, "base-2024", &cause) == 0, "removed");
	tap_ok(library_remove(dir, "base-2024", &cause) == -1, "... once");
	free(cause);
}

int
main(void)
{
	char	 tmpl[] = "/tmp/test_library_add.XXXXXX";
	char	*base, *builtin, *report, *dir, *cmd;

	src = getenv("top_srcdir");
	bld = getenv("top_builddir");
	base = xasprintf("%s/tests/malformed/base", src ? src : ".");
	builtin = xasprintf("%s/assets/dorset.db", bld ? bld : ".");
	report = xasprintf("%s/tests/reports/made-up-la-2024.txt",
	    src ? src : ".");
	if (access(base, R_OK) != 0 || access(builtin, R_OK) != 0 ||
	    access(report, R_OK) != 0 || (top = mkdtemp(tmpl)) == NULL) {
		tap_diag("no minimal dataset, report or built database: "
		    "skipped");
		free(base);
		free(builtin);
		free(report);
		return tap_done();
	}
	test_import(base, builtin, report);
	dir = xasprintf("%s/deep/er/lib", top);
	test_names(dir, builtin, base);
	test_add(dir, builtin, base, report);
	test_remove(dir);
	cmd = xasprintf("rm -rf '%s'", top);
	if (system(cmd) != 0)
		tap_diag("could not remove the temporary folder");
	free(cmd);
	free(dir);
	free(base);
	free(builtin);
	free(report);
	return tap_done();
}
