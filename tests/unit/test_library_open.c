/*
 * test_library_open.c: the library's members opened to read, each once
 * (library_open.c): getting members, a damaged one named, statements and
 * themes found by framework identity, and a search of every member.  The
 * local authority report is MADE UP (tests/reports): no such council.
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
#include "core/library_open.h"
#include "core/library_scores.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "../tap.h"

struct seen {
	int	 n, dorset, la;
	double	 last;
	int	 sorted;
	int64_t	 la_id;		/* a hit of made-up-2024's, and its path */
	char	*la_path;
};

static int
hit(const char *name, const struct find_hit *h, void *arg)
{
	struct seen	*s = arg;

	if (s->n > 0 && h->rank < s->last)
		s->sorted = 0;
	s->last = h->rank;
	s->n++;
	if (strcmp(name, LIBRARY_BUILTIN) == 0)
		s->dorset++;
	else if (strcmp(name, "made-up-2024") == 0) {
		s->la++;
		if (s->la_path == NULL) {
			s->la_id = h->id;
			s->la_path = xstrdup(h->path);
		}
	}
	return 0;
}

static void
test_get(struct library_open *lo)
{
	const struct library_entry	*e = NULL, *e2 = NULL;
	struct db			*db, *la;
	char				*cause = NULL;

	db = library_open_get(lo, LIBRARY_BUILTIN, &e, &cause);
	tap_ok(db != NULL && e != NULL, "the built-in member");
	tap_is_str(e != NULL ? e->framework : "", "ics", "its framework");
	la = library_open_get(lo, "made-up-2024", &e2, &cause);
	tap_ok(la != NULL && e2 != NULL, "a member added");
	tap_is_str(e2 != NULL ? e2->framework : "", "la", "its framework");
	tap_is_str(e != NULL ? e->name : "", LIBRARY_BUILTIN,
	    "the first row is still whole once another is read");
	tap_ok(library_open_get(lo, "made-up-2024", NULL, &cause) == la,
	    "opened once");
	tap_ok(library_open_get(lo, "none-2020", NULL, &cause) == NULL &&
	    cause != NULL, "no such member");
	free(cause);
	cause = NULL;
	tap_ok(library_open_get(lo, "broken-2023", NULL, &cause) == NULL &&
	    cause != NULL && strncmp(cause, "broken-2023: ", 13) == 0,
	    "a damaged member is named");
	tap_diag(cause != NULL ? cause : "(no cause)");
	free(cause);
	cause = NULL;

	tap_ok(library_statement_node(la, "la", 0) != 0,
	    "the la statement Assessing needs has a node");
	tap_ok(library_statement_node(la, "la", 1) != 0,
	    "one published under a variant of its name too");
	tap_ok(library_statement_node(la, "la", 99) == 0, "no statement 99");
	tap_ok(library_statement_node(db, "ics", 16) != 0,
	    "Dorset's Safeguarding");
	tap_ok(library_statement_node(db, "la", 0) == 0,
	    "Dorset has no Assessing needs");
	tap_ok(library_theme_node(la, "Leadership") != 0 &&
	    library_theme_node(db, "leadership") != 0,
	    "the theme Leadership, in both, case aside");
	tap_ok(library_theme_node(db, "Working with people") == 0,
	    "a theme Dorset has not");
}

static void
test_search(struct library_open *lo)
{
	struct seen	 s = { 0, 0, 0, 0, 1, 0, NULL };
	char		*bad = NULL, *cause = NULL;
	int		 n;

	n = library_open_search(lo, "safeguarding", 0, 0, NULL, hit, &s, &bad,
	    &cause);
	tap_ok(n > 0 && n == s.n, "every member searched: %d hits", n);
	tap_ok(s.dorset > 0 && s.la > 0, "hits of both members");
	tap_ok(s.sorted, "best first across members");
	tap_ok(bad != NULL && strstr(bad, "broken-2023: ") != NULL,
	    "the damaged one named in bad");
	free(bad);
	free(s.la_path);
	memset(&s, 0, sizeof s);
	s.sorted = 1;
	n = library_open_search(lo, "safeguarding", 0, 3, NULL, hit, &s, &bad,
	    &cause);
	tap_is_int(n, 3, "a limit holds across members");
	free(bad);
	free(s.la_path);
}

/* Hits of every member: "NAME id snippet" lines. */
struct lines {
	struct strbuf		 sb;
	int			 nulls, made;
	struct library_open	*lo;	/* with FIND_NO_SNIPPET: make them */
};

static int
line_hit(const char *name, const struct find_hit *h, void *arg)
{
	struct lines	*l = arg;
	char		*made = NULL, *cause = NULL;

	l->nulls += h->snippet == NULL;
	if (h->snippet == NULL && (made = library_open_snippet(l->lo, h->row,
	    "safeguard", FIND_PREFIX, &cause)) != NULL)
		l->made++;
	strbuf_addf(&l->sb, "%s %lld %s\n", name, (long long)h->id,
	    h->snippet != NULL ? h->snippet : made != NULL ? made : cause);
	free(made);
	free(cause);
	return 0;
}

/*
 * From the catalogue, FIND_NO_SNIPPET gives the same hits, each without
 * its snippet, which library_open_snippet() makes of its row as the
 * search would have made it.
 */
static void
test_search_nosnippet(struct library_open *lo)
{
	struct lines	 a = { STRBUF_INIT, 0, 0, NULL };
	struct lines	 b = { STRBUF_INIT, 0, 0, NULL };
	char		*bad = NULL, *cause = NULL;
	int		 na, nb;

	b.lo = lo;
	na = library_open_search(lo, "safeguard", FIND_PREFIX | FIND_BOUNDED,
	    200, NULL, line_hit, &a, &bad, &cause);
	free(bad);
	nb = library_open_search(lo, "safeguard", FIND_PREFIX | FIND_BOUNDED |
	    FIND_NO_SNIPPET, 200, NULL, line_hit, &b, &bad, &cause);
	free(bad);
	tap_ok(na > 0 && na == nb, "without snippets: as many hits (%d, %d)",
	    na, nb);
	tap_ok(a.nulls == 0 && b.nulls == nb && b.made == nb,
	    "... each without its snippet, made after of its row");
	tap_is_str(strbuf_str(&b.sb), strbuf_str(&a.sb), "... the same hits "
	    "in the same order, the snippets made after the same");
	strbuf_free(&a.sb);
	strbuf_free(&b.sb);
	free(cause);
}

/* The search from the library's catalogue, kept open between searches. */
static void
test_search_catalogue(struct library_open *lo, const char *dir)
{
	struct seen		 s = { 0, 0, 0, 0, 1, 0, NULL };
	struct db		*la;
	sqlite3_stmt		*q;
	char			*bad = NULL, *cause = NULL, *path;
	const char		*got = NULL;
	int			 n;

	/* Gone (as after damage), library_open_ready() makes it anew. */
	path = xasprintf("%s/.catalogue.db", dir);
	tap_ok(unlink(path) == 0, "the catalogue removed");
	library_open_ready(lo);
	tap_ok(access(path, R_OK) == 0, "library_open_ready() opens it, "
	    "before any search");
	n = library_open_search(lo, "safeguarding", FIND_PREFIX |
	    FIND_BOUNDED, 200, NULL, hit, &s, &bad, &cause);
	tap_ok(n > 0 && s.la > 0 && s.dorset > 0,
	    "as the browser searches: hits of both members");
	tap_ok(access(path, R_OK) == 0, "from the library's catalogue");
	free(path);
	test_search_nosnippet(lo);
	la = library_open_get(lo, "made-up-2024", NULL, &cause);
	if (la != NULL && db_prepare(la, "SELECT path FROM nodes WHERE "
	    "id = ?1", &q, &cause) == 0) {
		sqlite3_bind_int64(q, 1, s.la_id);
		if (sqlite3_step(q) == SQLITE_ROW)
			got = (const char *)sqlite3_column_text(q, 0);
		tap_is_str(got != NULL ? got : "(no node)", s.la_path != NULL ?
		    s.la_path : "(no hit)",
		    "a hit's id and path are its member's own, unqualified");
		sqlite3_finalize(q);
	} else
		tap_ok(0, "a hit's id and path are its member's own");
	free(s.la_path);
	free(bad);
	free(cause);
	cause = NULL;
	tap_ok(library_remove(dir, "made-up-2024", &cause) == 0,
	    "a member removed while the library is open");
	free(cause);
	memset(&s, 0, sizeof s);
	s.sorted = 1;
	n = library_open_search(lo, "safeguarding", FIND_PREFIX |
	    FIND_BOUNDED, 200, NULL, hit, &s, &bad, &cause);
	tap_ok(n > 0 && s.la == 0 && s.dorset > 0,
	    "is no longer found by the next search");
	free(s.la_path);
	free(bad);
}

int
main(void)
{
	const char		*src = getenv("top_srcdir");
	const char		*bld = getenv("top_builddir");
	char			 tmpl[] = "/tmp/test_library_open.XXXXXX";
	char			*builtin, *dir, *cmd, *report, *got = NULL;
	char			*cause = NULL, *in[1];
	enum library_added	 how;
	struct library_open	*lo;
	FILE			*f;

	builtin = xasprintf("%s/assets/dorset.db", bld != NULL ? bld : ".");
	report = xasprintf("%s/tests/reports/made-up-la-2024.txt",
	    src != NULL ? src : ".");
	if (access(report, R_OK) != 0 || access(builtin, R_OK) != 0 ||
	    mkdtemp(tmpl) == NULL) {
		tap_diag("no made-up report or built database: skipped");
		free(builtin);
		free(report);
		return tap_done();
	}
	dir = xasprintf("%s/lib", tmpl);
	in[0] = report;
	tap_ok(library_add(dir, builtin, in, 1, NULL, 0, &got, &how,
	    &cause) == 0, "a made-up report added");
	tap_is_str(got, "made-up-2024", "under its name");
	free(got);
	free(cause);
	cmd = xasprintf("%s/broken-2023.db", dir);
	if ((f = fopen(cmd, "w")) != NULL) {
		fputs("SQLite format 3", f);
		fclose(f);
	}
	free(cmd);
	lo = library_open_new(dir, builtin);
	test_get(lo);
	test_search(lo);
	library_open_free(lo);
	lo = library_open_new(dir, builtin);
	test_search_catalogue(lo, dir);
	library_open_free(lo);
	lo = library_open_new(NULL, builtin);
	tap_ok(library_open_get(lo, LIBRARY_BUILTIN, NULL, &cause) != NULL,
	    "no library: the built-in member still");
	tap_ok(library_open_get(lo, "made-up-2024", NULL, &cause) == NULL &&
	    cause != NULL, "and no other");
	free(cause);
	library_open_free(lo);
	cmd = xasprintf("rm -rf '%s'", tmpl);
	if (system(cmd) != 0)
		tap_diag("could not remove the temporary folder");
	free(cmd);
	free(dir);
	free(builtin);
	free(report);
	return tap_done();
}
