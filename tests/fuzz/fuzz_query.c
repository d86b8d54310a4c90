/*
 * fuzz_query.c: the search path, from what the user types to FTS5.
 *
 * The input is what the user typed in the search dialog.  find.h promises
 * that no input is an FTS5 syntax error, so any error from find_search()
 * on the real dataset is a crash here; SQLite's own words ("fts5: syntax
 * error near ...") are named so that a finding says which it was.  The
 * spans of matches in a fixed text must lie inside it, in order.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/find.h"
#include "core/xmalloc.h"
#include "fuzz.h"

/* Queries longer than this are cut to FIND_MAX_WORDS words anyway. */
#define FUZZ_QUERY_MAX	4096

static const char fuzz_query_text[] =
	"DiiS (Dorset Intelligence and Insight Service) don't c++ NEAR(a b) "
	"£909.1 million; Café naïve ’quoted’ 日本語のテキスト, "
	"ÅNGSTRÖM straße ΣΊΣΥΦΟΣ \xe2\x80\x8b zero\xcc\x81width end";

static int
fuzz_query_hit(const struct find_hit *hit, void *arg)
{
	int	*n = arg;

	if (hit->id <= 0 || hit->path == NULL || hit->title == NULL ||
	    hit->snippet == NULL)
		fuzz_fail("find_search: a hit without an id, path, title or "
		    "snippet", NULL);
	(*n)++;
	return 0;
}

static void
fuzz_query_search(struct db *db, const char *q, int flags)
{
	char	*cause = NULL;
	int	 n = 0, r;

	r = find_search(db, q, flags, 0, 20, fuzz_query_hit, &n, &cause);
	if (r < 0) {
		if (cause != NULL && (strstr(cause, "syntax") != NULL ||
		    strstr(cause, "fts5") != NULL))
			fuzz_fail("find_search: an FTS5 syntax error", cause);
		fuzz_fail("find_search: an error", cause);
	}
	if (r != n || r > 20)
		fuzz_fail("find_search: the count is not the hits given", q);
	free(cause);
}

static void
fuzz_query_spans(const char *q, int flags, const char *text, size_t len)
{
	struct find_span	*spans;
	size_t			 i, n, end = 0;

	n = find_spans(q, flags, text, len, &spans);
	if ((n == 0) != (spans == NULL))
		fuzz_fail("find_spans: spans and count disagree", q);
	for (i = 0; i < n; i++) {
		if (spans[i].len == 0 || spans[i].off < end ||
		    spans[i].off + spans[i].len > len)
			fuzz_fail("find_spans: a span out of order or outside "
			    "the text", q);
		end = spans[i].off + spans[i].len;
	}
	free(spans);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct db	*db;
	char		*q, *e;

	if (size > FUZZ_QUERY_MAX)
		return 0;
	db = fuzz_dataset_db();
	q = xstrndup((const char *)data, size);
	e = find_expr(q, 0);
	if (e != NULL && e[0] != '"')
		fuzz_fail("find_expr: not a quoted string", e);
	free(e);
	e = find_expr(q, FIND_PREFIX);
	free(e);
	fuzz_query_search(db, q, FIND_PREFIX);
	fuzz_query_search(db, q, 0);
	fuzz_query_spans(q, FIND_PREFIX, fuzz_query_text,
	    strlen(fuzz_query_text));
	/* And the query's words in the query itself. */
	fuzz_query_spans(q, 0, q, strlen(q));
	free(q);
	return 0;
}
