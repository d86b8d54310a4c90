/*
 * test_library_catalogue.c: the library's catalogue (library_catalogue.c):
 * made on the first open, its members' info, scores and text; a member
 * replaced behind its back, one removed, one damaged, and the catalogue
 * itself damaged, before it is opened and while it is.  Needs top_srcdir for the minimal dataset
 * tests/malformed/base and top_builddir for the built-in database; the
 * made-up local authority is tests/reports/made-up-la-2024.txt (MADE UP).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/db.h"
#include "core/find.h"
#include "core/library.h"
#include "core/library_catalogue.h"
#include "core/library_scores.h"
#include "core/xmalloc.h"
#include "../tap.h"

struct ctx {
	const char	*dir, *builtin;
};

/* Open the catalogue of the members as they are now. */
static struct library_catalogue *
open_now(const struct ctx *x, struct library_entry **e, size_t *n)
{
	struct library_catalogue	*cat;
	char				*cause = NULL;

	if (library_members(x->dir, x->builtin, e, n, &cause) != 0) {
		free(cause);
		return NULL;
	}
	cat = library_catalogue_open(x->dir, *e, *n, &cause);
	free(cause);
	return cat;
}

/* The number that sql (a count) gives over the catalogue; -1 if none. */
static long long
cat_count(struct library_catalogue *cat, const char *sql)
{
	sqlite3_stmt	*st;
	long long	 n = -1;

	if (sqlite3_prepare_v2(db_handle(library_catalogue_db(cat)), sql, -1,
	    &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int
count_hit(const struct find_hit *h, void *arg)
{
	int	*n = arg;

	if (strncmp(h->path, "la-2024:", 8) == 0)
		(*n)++;
	return 0;
}

/* Many at once: a name twice, then one that is not there. */
static void
test_read(struct library_catalogue *cat)
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
	tap_is_str(e[1].framework, "ics", "the built-in one's framework");
	tap_ok(sc[1].n == 17 && sc[1].overall == -1, "and no scores");
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

static void
test_fresh(const struct ctx *x)
{
	struct library_catalogue	*cat;
	struct library_entry		*e, one;
	struct library_scores		 sc;
	char				*cause = NULL;
	size_t				 n;
	int				 hits = 0;

	cat = open_now(x, &e, &n);
	tap_ok(cat != NULL && n == 2, "opened, with the two members");
	memset(&one, 0, sizeof one);
	one.name = xstrdup("la-2024");
	tap_ok(cat != NULL && library_catalogue_info(cat, &one) == 0,
	    "a member's info");
	tap_is_str(one.framework, "la", "its framework");
	tap_is_str(one.title, "Made-up Borough Council: local authority "
	    "assessment", "its title");
	tap_is_str(one.rating, "Good", "its rating");
	tap_ok(library_catalogue_scores(cat, "la-2024", &sc, &cause) == 0 &&
	    sc.n == 9 && sc.overall == 78 && sc.score[8] == 4,
	    "its scores, against its framework");
	library_scores_free(&sc);
	tap_ok(library_catalogue_scores(cat, "nosuch", &sc, &cause) == -1 &&
	    cause != NULL, "no such member: -1 and why");
	free(cause);
	cause = NULL;
	tap_ok(find_search(library_catalogue_db(cat), "carers", 0, 0, 0,
	    count_hit, &hits, &cause) > 0 && hits > 0,
	    "one search over all, paths qualified by their member");
	library_entry_clear(&one);
	test_read(cat);
	library_catalogue_close(cat);
	library_entries_free(e, n);
	free(cause);
}

static void
test_changes(const struct ctx *x)
{
	struct library_catalogue	*cat;
	struct library_entry		*e, one;
	char				*cmd, *p;
	long long			 nodes, rows;
	size_t				 n, i;
	int				 damaged = 0;

	/* Behind the library's back: the built-in database as la-2024. */
	cmd = xasprintf("cp '%s' '%s/la-2024.db'", x->builtin, x->dir);
	tap_ok(system(cmd) == 0, "a member's file replaced");
	free(cmd);
	cat = open_now(x, &e, &n);
	memset(&one, 0, sizeof one);
	one.name = xstrdup("la-2024");
	tap_ok(cat != NULL && library_catalogue_info(cat, &one) == 0 &&
	    strcmp(one.framework, "ics") == 0, "is read again");
	library_entry_clear(&one);
	library_catalogue_close(cat);
	library_entries_free(e, n);

	p = xasprintf("%s/broken-2023.db", x->dir);
	cmd = xasprintf("head -c 3000 '%s' >'%s'", x->builtin, p);
	tap_ok(system(cmd) == 0, "a damaged member");
	free(cmd);
	cat = open_now(x, &e, &n);
	for (i = 0; i < n; i++)
		if (strcmp(e[i].name, "broken-2023") == 0 && e[i].cause != NULL)
			damaged = 1;
	tap_ok(cat != NULL && damaged, "is named, with why, the rest open");
	memset(&one, 0, sizeof one);
	one.name = xstrdup("broken-2023");
	tap_ok(library_catalogue_info(cat, &one) == -1, "and is not in it");
	library_entry_clear(&one);
	library_catalogue_close(cat);
	library_entries_free(e, n);

	unlink(p);
	free(p);
	/* la-2024 is the built-in one's copy: half of each, both there. */
	cat = open_now(x, &e, &n);
	nodes = cat != NULL ? cat_count(cat, "SELECT count(*) FROM nodes") : -1;
	rows = cat != NULL ? cat_count(cat, "SELECT count(*) FROM search") : -1;
	library_catalogue_close(cat);
	library_entries_free(e, n);
	tap_ok(nodes > 0 && nodes % 2 == 0 && rows > 0 && rows % 2 == 0,
	    "two members of the same text: their nodes and search rows");
	p = xasprintf("%s/la-2024.db", x->dir);
	unlink(p);
	free(p);
	cat = open_now(x, &e, &n);
	memset(&one, 0, sizeof one);
	one.name = xstrdup("la-2024");
	tap_ok(cat != NULL && n == 1 && library_catalogue_info(cat, &one) ==
	    -1, "a member removed is dropped");
	tap_ok(cat != NULL && cat_count(cat, "SELECT count(*) FROM nodes") ==
	    nodes / 2 && cat_count(cat, "SELECT count(*) FROM search") ==
	    rows / 2 && cat_count(cat, "SELECT count(*) FROM search WHERE "
	    "search MATCH 'care'") > 0,
	    "with its nodes and its search rows, the other's kept");
	library_entry_clear(&one);
	library_catalogue_close(cat);
	library_entries_free(e, n);

	/* Damaged while open: found as it is read, and removed. */
	p = xasprintf("%s/.catalogue.db", x->dir);
	cat = open_now(x, &e, &n);
	tap_ok(cat != NULL && !library_catalogue_failed(cat) &&
	    access(p, F_OK) == 0, "not damaged: not failed, and kept");
	cmd = xasprintf("dd if=/dev/zero of='%s' bs=1024 count=8 "
	    "conv=notrunc 2>/dev/null", p);
	tap_ok(system(cmd) == 0, "the catalogue zeroed while open");
	free(cmd);
	memset(&one, 0, sizeof one);
	one.name = xstrdup(LIBRARY_BUILTIN);
	tap_ok(library_catalogue_info(cat, &one) == -1 &&
	    library_catalogue_failed(cat) && access(p, F_OK) == -1,
	    "a read fails, it is found damaged, and removed");
	library_entry_clear(&one);
	library_catalogue_close(cat);
	library_entries_free(e, n);

	cmd = xasprintf("printf 'not a database at all' >'%s'", p);
	tap_ok(system(cmd) == 0, "the catalogue damaged");
	free(cmd);
	free(p);
	cat = open_now(x, &e, &n);
	memset(&one, 0, sizeof one);
	one.name = xstrdup(LIBRARY_BUILTIN);
	tap_ok(cat != NULL && library_catalogue_info(cat, &one) == 0,
	    "is made anew");
	library_entry_clear(&one);
	library_catalogue_close(cat);
	library_entries_free(e, n);
}

int
main(void)
{
	const char	*src = getenv("top_srcdir"), *bld = getenv("top_builddir");
	char		 tmpl[] = "/tmp/test_library_catalogue.XXXXXX";
	char		*builtin, *report, *dir, *cmd, *got = NULL;
	char		*cause = NULL, *in[1];
	enum library_added how;
	struct library_entry	*e;
	struct ctx	 x;
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
	e = NULL;
	tap_ok(library_catalogue_open(dir, e, 0, &cause) == NULL &&
	    cause != NULL, "no folder: no catalogue, and why");
	free(cause);
	cause = NULL;
	in[0] = report;
	tap_ok(library_add(dir, builtin, in, 1, "la-2024", 0, &got, &how,
	    &cause) == 0, "a member added");
	free(got);
	free(cause);
	x.dir = dir;
	x.builtin = builtin;
	test_fresh(&x);
	test_changes(&x);
	library_catalogue_update(dir, builtin);
	tap_ok(library_members(dir, builtin, &e, &n, &cause) == 0 && n == 1,
	    "update leaves the members alone");
	library_entries_free(e, n);
	cmd = xasprintf("rm -rf '%s'", tmpl);
	if (system(cmd) != 0)
		tap_diag("could not remove the temporary folder");
	free(cmd);
	free(dir);
	free(builtin);
	free(report);
	return tap_done();
}
