/*
 * find.h: full-text search over titles, text and place profiles.
 *
 * What the user types is never handed to FTS5's query parser as it is:
 * find_expr() splits it into words and quotes each one, so that operators
 * (AND, NEAR, *), stray quotes and brackets are searched as words and can
 * never be a syntax error.  Results are ranked by bm25, titles weighing
 * more than text.
 */
#ifndef ICSB_FIND_H
#define ICSB_FIND_H

#include <stddef.h>
#include <stdint.h>

struct db;

/*
 * The ranking: bm25 with these weights of the title and the text, which
 * the importer sets as the search index's rank ('rank' in search_config:
 * "bm25(" FIND_RANK_WEIGHTS ")"), and find_search() uses.
 */
#define FIND_RANK_WEIGHTS	"4.0, 1.0"

/* In a snippet, a match runs from FIND_MARK_ON to FIND_MARK_OFF. */
#define FIND_MARK_ON	"\xee\x80\x80"	/* U+E000 */
#define FIND_MARK_OFF	"\xee\x80\x81"	/* U+E001 */

/* A search result; borrowed for the length of the callback. */
struct find_hit {
	int64_t		 id;
	int64_t		 row;		/* of the search index, for
					   find_snippet_of() */
	const char	*path;
	const char	*title;
	const char	*snippet;	/* raw data text with marks; NULL
					   with FIND_NO_SNIPPET */
	int		 ranked;	/* the hits are best first (else in
					   report order: see FIND_BOUNDED) */
	double		 rank;		/* bm25, lower is better; 0 if not
					   ranked */
};

typedef int (*find_cb)(const struct find_hit *, void *);

#define FIND_PREFIX	0x1	/* the last word matches as a prefix */
/*
 * Rank only when there are at most FIND_RANK_MAX matches; past that, give
 * the first hits in report order at once (the browser, as you type: a
 * word of one letter matches nearly everything).
 */
#define FIND_BOUNDED	0x2
#define FIND_RANK_MAX	2000
/*
 * The hits come without their snippet (NULL), their text not read: who
 * shows a few of many makes those it shows with find_snippet_of().
 */
#define FIND_NO_SNIPPET	0x4

/*
 * The FTS5 query for what the user typed, as a new string, or NULL if it
 * holds no word to search for.
 */
char	*find_expr(const char *text, int flags);

/*
 * Search for text in node within and everything under it (within 0: the
 * whole dataset), calling cb with at most limit hits (0: no limit), best
 * first.  Returns the number of hits given to cb, or -1 with *cause set.
 */
int	 find_search(struct db *, const char *text, int flags, int64_t within,
	     int limit, find_cb, void *, char **cause);

/*
 * The snippet of the hit at row (find_hit.row) of a search of db for
 * text with flags, as find_search() makes it: a new string (caller
 * frees).  NULL with *cause if the row cannot be read, or is no longer
 * there (the index changed since the search).
 */
char	*find_snippet_of(struct db *, int64_t row, const char *text,
	     int flags, char **cause);

/* A stretch of text that matches a word of a query. */
struct find_span {
	size_t	 off, len;
};

/*
 * The words of text[0..len) that match a word of the query, as the search
 * matches them: whole words, case aside, the last word of the query also
 * as a prefix with FIND_PREFIX.  Sets *spans (caller frees) and returns
 * how many; 0 if none (then *spans is NULL).
 */
size_t	 find_spans(const char *query, int flags, const char *text, size_t len,
	     struct find_span **spans);

/* How many words a search result's snippet shows. */
#define FIND_SNIPPET_WORDS	16

/*
 * A stretch of text[0..len) of nwords words around the matches of query
 * (as find_spans() finds them), with the window that holds the most
 * different words of the query and a few words before its first match;
 * the matches between FIND_MARK_ON and FIND_MARK_OFF, and "…" where the
 * text goes on before or after.  A new string (caller frees); "" when
 * the text has no words.  Its cost grows with len alone.
 */
char	*find_snippet(const char *query, int flags, const char *text,
	     size_t len, size_t nwords);

#endif
