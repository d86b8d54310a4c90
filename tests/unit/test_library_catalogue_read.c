/*
 * test_library_catalogue_read.c: reading the library's catalogue
 * (library_catalogue_read.c): a member's info and scores, and many at
 * once, a name twice and one not there.  Needs top_builddir for the
 * built-in database; the made-up local authority is
 * tests/reports/made-up-la-2024.txt (MADE UP: no such council).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/library.h"
#include "core/library_catalogue.h"
#include "core/library_scores.h"
#include "core/xmalloc.h"
#include "../tap.h"

static void
test_one(struct library_catalogue *cat)
{
	struct library_entry	 e;
	struct library_scores	 sc;
	char			*cause = NULL;

	memset(&e, 0, sizeof e);
	e.name = xstrdup("la-2024");
	tap_ok(library_catalogue_info(cat, &e) == 0, "a member's info");
	tap_is_str(e.framework, "la", "its framework");
	tap_is_str(e.body, "Made-up Borough Council", "its body");
	tap_ok(library_catalogue_scores(cat, "la-2024", &sc, &cause) == 0 &&
	    sc.n == 9 && sc.overall == 78 && sc.score[0] == 3,
	    "its scores");
	library_scores_free(&sc);
	tap_ok(library_catalogue_scores(cat, "nosuch", &sc, &cause) == -1 &&
	    cause != NULL, "no such member's scores: -1 and why");
	library_entry_clear(&e);
	e.name = xstrdup("nosuch");
	tap_ok(library_catalogue_info(cat, &e) == -1, "nor its info");
	library_entry_clear(&e);
	free(cause);
}

static void
test_many(struct library_catalogue *cat)
{
	static const char *const names[] = { "la-2024", LIBRARY_BUILTIN,
	    "la-2024", "nosuch" };
	struct library_entry	 e[4];
	struct library_scores	 sc[4];
	char			*cause = NULL;
	size_t			 i;

	memset(e, 0, sizeof e);
	for (i = 0; i < 4; i++)
		e[i].name = xstrdup(names[i]);
	tap_ok(library_catalogue_read(cat, e, sc, 3, &cause) == 0,
	    "three at once, one of them twice");
	tap_ok(sc[0].overall == 78 && sc[2].overall == 78 &&
	    sc[2].score[8] == 4, "the one twice: its scores each time");
	tap_is_str(e[2].title, "Made-up Borough Council: local authority "
	    "assessment", "and its info");
	tap_ok(sc[1].n == 17 && sc[1].overall == -1 && sc[1].score[0] == 0,
	    "the built-in one: 17 statements, no scores");
	for (i = 0; i < 3; i++)
		library_scores_free(&sc[i]);
	tap_ok(library_catalogue_read(cat, e, sc, 4, &cause) == -1 &&
	    cause != NULL && strstr(cause, "nosuch") != NULL,
	    "one that is not there: -1, named");
	for (i = 0; i < 4; i++) {
		library_scores_free(&sc[i]);
		library_entry_clear(&e[i]);
	}
	free(cause);
}

int
main(void)
{
	const char	*src = getenv("top_srcdir"), *bld = getenv("top_builddir");
	char		 tmpl[] = "/tmp/test_library_catalogue_read.XXXXXX";
	char		*builtin, *report, *dir, *cmd, *got = NULL;
	char		*cause = NULL, *in[1];
	enum library_added how;
	struct library_catalogue *cat = NULL;
	struct library_entry	*e;
	size_t		 n;

	builtin = xasprintf("%s/assets/dorset.db", bld != NULL ? bld : ".");
	report = xasprintf("%s/tests/reports/made-up-la-2024.txt",
	    src != NULL ? src : ".");
	if (access(builtin, R_OK) != 0 || access(report, R_OK) != 0 ||
	    mkdtemp(tmpl) == NULL) {
		tap_diag("no built database or made-up report: skipped");
		free(builtin);
		free(report);
		return tap_done();
	}
	dir = xasprintf("%s/lib", tmpl);
	in[0] = report;
	tap_ok(library_add(dir, builtin, in, 1, "la-2024", 0, &got, &how,
	    &cause) == 0, "a member added");
	free(got);
	tap_ok(library_members(dir, builtin, &e, &n, &cause) == 0 &&
	    (cat = library_catalogue_open(dir, e, n, &cause)) != NULL,
	    "its catalogue");
	if (cat != NULL) {
		test_one(cat);
		test_many(cat);
		library_catalogue_close(cat);
		library_entries_free(e, n);
	}
	cmd = xasprintf("rm -rf '%s'", tmpl);
	if (system(cmd) != 0)
		tap_diag("could not remove the temporary folder");
	free(cmd);
	free(cause);
	free(dir);
	free(builtin);
	free(report);
	return tap_done();
}
