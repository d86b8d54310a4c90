/*
 * library_catalogue_read.c: reading the library's catalogue (see
 * library_catalogue.h): a member's info and scores, or many members' at
 * once.  Making it and keeping it up to date is library_catalogue.c's.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/db.h"
#include "core/library.h"
#include "core/library_catalogue.h"
#include "core/library_scores.h"
#include "core/xmalloc.h"

#define CAT_OVERALL	(-1)	/* the key of the overall score (as made) */

/* Set *to to column k of st, a new string. */
static void
cat_col(sqlite3_stmt *st, int k, char **to)
{
	const unsigned char	*s = sqlite3_column_text(st, k);

	free(*to);
	*to = xstrdup(s != NULL ? (const char *)s : "");
}

int
library_catalogue_info(struct library_catalogue *cat, struct library_entry *e)
{
	sqlite3_stmt	*st;
	char		*cause = NULL;
	int		 rc = -1;

	if (db_stmt(library_catalogue_db(cat), "SELECT framework, title, published, rating, "
	    "body FROM catalogue_members WHERE name = ?1", &st, &cause) != 0) {
		free(cause);
		return -1;
	}
	sqlite3_bind_text(st, 1, e->name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		cat_col(st, 0, &e->framework);
		cat_col(st, 1, &e->title);
		cat_col(st, 2, &e->published);
		cat_col(st, 3, &e->rating);
		cat_col(st, 4, &e->body);
		rc = 0;
	}
	db_release(library_catalogue_db(cat), st);
	return rc;
}

int
library_catalogue_scores(struct library_catalogue *cat, const char *name,
    struct library_scores *s, char **cause)
{
	sqlite3_stmt	*st;
	int		 k, found = 0;

	memset(s, 0, sizeof *s);
	if (db_stmt(library_catalogue_db(cat), "SELECT m.framework, s.k, s.value FROM "
	    "catalogue_members m LEFT JOIN catalogue_scores s ON s.seq = "
	    "m.seq WHERE m.name = ?1", &st, cause) != 0)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (!found++) {
			library_statements((const char *)
			    sqlite3_column_text(st, 0), &s->n);
			s->score = xcalloc(s->n + 1, sizeof *s->score);
			s->overall = -1;
		}
		if (sqlite3_column_type(st, 1) == SQLITE_NULL)
			continue;
		k = sqlite3_column_int(st, 1);
		if (k == CAT_OVERALL)
			s->overall = sqlite3_column_int(st, 2);
		else if (k >= 0 && (size_t)k < s->n)
			s->score[k] = sqlite3_column_int(st, 2);
	}
	db_release(library_catalogue_db(cat), st);
	if (!found)
		*cause = xasprintf("%s: not in the library's catalogue", name);
	return found ? 0 : -1;
}

/* The members asked for, sorted by name, with the rows' member's run. */
struct cat_ask {
	struct library_entry	 *e;
	struct library_scores	 *sc;
	size_t			 *by;		/* indices, by name */
	size_t			  n, lo, hi;	/* by[lo..hi): the row's */
};

static struct library_entry *cat_sort_e;

static int
cat_by_name(const void *a, const void *b)
{
	return strcmp(cat_sort_e[*(const size_t *)a].name,
	    cat_sort_e[*(const size_t *)b].name);
}

/* Set ask->lo, hi to the run of name in ask->by. */
static void
cat_find(struct cat_ask *ask, const char *name)
{
	size_t	 lo = 0, hi = ask->n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (strcmp(ask->e[ask->by[mid]].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	ask->lo = ask->hi = lo;
	while (ask->hi < ask->n && strcmp(ask->e[ask->by[ask->hi]].name,
	    name) == 0)
		ask->hi++;
}

/* Row st (a member and one of its scores) into each e[i] it names. */
static void
cat_read_row(sqlite3_stmt *st, struct cat_ask *ask, int first)
{
	struct library_entry	*e;
	struct library_scores	*sc;
	size_t			 j;
	int			 k;

	if (first)
		cat_find(ask, (const char *)sqlite3_column_text(st, 0));
	for (j = ask->lo; j < ask->hi; j++) {
		e = &ask->e[ask->by[j]];
		sc = &ask->sc[ask->by[j]];
		if (first) {
			cat_col(st, 1, &e->framework);
			cat_col(st, 2, &e->title);
			cat_col(st, 3, &e->published);
			cat_col(st, 4, &e->rating);
			cat_col(st, 5, &e->body);
			library_scores_free(sc);
			library_statements(e->framework, &sc->n);
			sc->score = xcalloc(sc->n + 1, sizeof *sc->score);
			sc->overall = -1;
		}
		if (sqlite3_column_type(st, 6) == SQLITE_NULL)
			continue;
		k = sqlite3_column_int(st, 6);
		if (k == CAT_OVERALL)
			sc->overall = sqlite3_column_int(st, 7);
		else if (k >= 0 && (size_t)k < sc->n)
			sc->score[k] = sqlite3_column_int(st, 7);
	}
}

int
library_catalogue_read(struct library_catalogue *cat, struct library_entry *e,
    struct library_scores *sc, size_t n, char **cause)
{
	struct cat_ask	 ask;
	sqlite3_stmt	*st;
	int64_t		 seq, last = -1;
	size_t		 i;
	int		 r, rc = -1;

	memset(&ask, 0, sizeof ask);
	ask.e = e;
	ask.sc = sc;
	ask.n = n;
	ask.by = xcalloc(n + 1, sizeof *ask.by);
	for (i = 0; i < n; i++) {
		memset(&sc[i], 0, sizeof sc[i]);
		ask.by[i] = i;
	}
	cat_sort_e = e;
	qsort(ask.by, n, sizeof *ask.by, cat_by_name);
	if (db_prepare(library_catalogue_db(cat), "SELECT m.name, m.framework, m.title, "
	    "m.published, m.rating, m.body, s.k, s.value, m.seq FROM "
	    "catalogue_members m LEFT JOIN catalogue_scores s ON s.seq = "
	    "m.seq", &st, cause) != 0)
		goto out;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		seq = sqlite3_column_int64(st, 8);
		cat_read_row(st, &ask, seq != last);
		last = seq;
	}
	sqlite3_finalize(st);
	if (r != SQLITE_DONE) {
		*cause = db_cause(library_catalogue_db(cat), "cannot read the catalogue");
		goto out;
	}
	for (i = 0; i < n; i++)
		if (sc[i].score == NULL) {
			*cause = xasprintf("%s: not in the library's catalogue",
			    e[i].name);
			goto out;
		}
	rc = 0;
out:
	free(ask.by);
	return rc;
}
