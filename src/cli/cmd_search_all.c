/*
 * cmd_search_all.c: `search --all QUERY`, the hits of every assessment of
 * the library, best first, each path qualified NAME:PATH: one search over
 * the library's catalogue (library_catalogue.h), or, where there is none,
 * a search of each member in turn.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/format.h"
#include "core/db.h"
#include "core/find.h"
#include "core/library.h"
#include "core/library_catalogue.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"

/* A hit of search --all, copied out of its database. */
struct assess_hit {
	double	 rank;
	size_t	 order;
	char	*path;		/* NAME:PATH */
	char	*title;
	char	*snippet;	/* marks as brackets, cleaned */
};

struct assess_hits {
	const char		*name;
	struct assess_hit	*h;
	size_t			 n;
};

static int
assess_hit_add(const struct find_hit *fh, void *arg)
{
	struct assess_hits	*hs = arg;
	struct assess_hit	*h;
	char			*snippet;

	hs->h = xreallocarray(hs->h, hs->n + 1, sizeof *hs->h);
	h = &hs->h[hs->n];
	h->rank = fh->rank;
	h->order = hs->n++;
	/* The catalogue's paths are qualified already. */
	h->path = hs->name != NULL ? xasprintf("%s:%s", hs->name, fh->path) :
	    xstrdup(fh->path);
	h->title = xstrdup(fh->title);
	snippet = format_snippet(fh->snippet);
	h->snippet = utf8_clean(snippet, strlen(snippet), 0);
	free(snippet);
	return 0;
}

static int
assess_hit_cmp(const void *x, const void *y)
{
	const struct assess_hit	*a = x, *b = y;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Search member e, adding its hits to hs; damage goes to bad. */
static void
assess_search_one(const struct library_entry *e, const char *query,
    struct assess_hits *hs, struct strbuf *bad)
{
	struct db	*db;
	char		*why = NULL;

	hs->name = e->name;
	if ((db = db_open(e->path, DB_READONLY, &why)) != NULL) {
		find_search(db, query, 0, 0, 0, assess_hit_add, hs, &why);
		db_close(db, NULL);
	}
	if (why != NULL)
		strbuf_addf(bad, "%s%s: %s", bad->len > 0 ? "; " : "",
		    e->name, why);
	free(why);
}

/* Forget the hits had so far. */
static void
assess_hits_free(struct assess_hits *hs)
{
	size_t	 i;

	for (i = 0; i < hs->n; i++) {
		free(hs->h[i].path);
		free(hs->h[i].title);
		free(hs->h[i].snippet);
	}
	free(hs->h);
	memset(hs, 0, sizeof *hs);
}

static void
assess_hits_print(struct assess_hits *hs)
{
	size_t	 i;

	qsort(hs->h, hs->n, sizeof *hs->h, assess_hit_cmp);
	for (i = 0; i < hs->n; i++) {
		format_tsv_field(hs->h[i].path, 0);
		format_tsv_field(hs->h[i].title, 0);
		fputs(hs->h[i].snippet, stdout);
		putchar('\n');
		free(hs->h[i].path);
		free(hs->h[i].title);
		free(hs->h[i].snippet);
	}
	free(hs->h);
}

int
cmd_search_all(const struct cli *c, const char *query, char **cause)
{
	struct library_catalogue	*cat;
	struct library_entry		*e;
	struct assess_hits		 hs;
	struct strbuf			 bad = STRBUF_INIT;
	char				*why = NULL;
	size_t				 i, n;
	int				 whole = 0;

	if (library_members(c->lib_dir != NULL ? c->lib_dir : "/nonexistent",
	    c->builtin_db, &e, &n, cause) != 0)
		return CLI_FAIL;
	memset(&hs, 0, sizeof hs);
	if (c->lib_dir != NULL &&
	    (cat = library_catalogue_open(c->lib_dir, e, n, &why)) != NULL) {
		/* Every member at once, in one index. */
		if (find_search(library_catalogue_db(cat), query, 0, 0, 0,
		    assess_hit_add, &hs, &why) >= 0)
			whole = 1;
		else {
			/* Each member, as without it (removed if damaged). */
			library_catalogue_failed(cat);
			assess_hits_free(&hs);
		}
		library_catalogue_close(cat);
	}
	free(why);
	for (i = 0; i < n; i++)
		if (!whole)
			assess_search_one(&e[i], query, &hs, &bad);
		else if (e[i].cause != NULL)
			strbuf_addf(&bad, "%s%s: %s", bad.len > 0 ? "; " : "",
			    e[i].name, e[i].cause);
	n = hs.n;
	assess_hits_print(&hs);
	library_entries_free(e, i);
	if (bad.len > 0)
		*cause = strbuf_detach(&bad);
	else if (n == 0)
		*cause = xasprintf("search: no match for '%s' in any "
		    "assessment", query);
	return bad.len > 0 || *cause != NULL ? CLI_FAIL : CLI_OK;
}
