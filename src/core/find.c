/*
 * find.c: full-text search over titles, text and place profiles.
 *
 * Words are what FTS5's unicode61 tokenizer calls tokens: runs of letters
 * and digits (any script).  Everything else the user types separates
 * words.  Each run of text between spaces that holds a word becomes an
 * FTS5 string ("don't" is the phrase "don t"), which the query parser takes
 * literally, so no input can be a syntax error.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core/db.h"
#include "core/find.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"

/* Longest query kept, in words: more only slows the search down. */
#define FIND_MAX_WORDS	32

static int
find_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == 0xa0 || (cp > 0x7f && iswspace((wint_t)cp));
}

static int
find_wordchar(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z');
	return cp != UTF8_REPLACEMENT && utf8_classify(cp) == UTF8_PRINT &&
	    (iswalnum((wint_t)cp) || (cp >= 0x300 && cp < 0x370));
}

/* Add text[start..end) as an FTS5 string if it holds a word. */
static int
find_chunk(struct strbuf *sb, const char *text, size_t start, size_t end)
{
	size_t		 i, n;
	uint32_t	 cp;
	int		 word = 0;

	for (i = start; i < end && !word; i += n) {
		n = utf8_decode(text + i, end - i, &cp);
		word = find_wordchar(cp);
	}
	if (!word)
		return 0;
	if (sb->len > 0)
		strbuf_addc(sb, ' ');
	strbuf_addc(sb, '"');
	for (i = start; i < end; i++) {
		if (text[i] == '"')
			strbuf_addc(sb, '"');
		strbuf_addc(sb, text[i]);
	}
	strbuf_addc(sb, '"');
	return 1;
}

char *
find_expr(const char *text, int flags)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i, n, len = strlen(text), start = 0;
	uint32_t	 cp = ' ';
	int		 inchunk = 0, words = 0, last = 0;

	for (i = 0; i < len && words < FIND_MAX_WORDS; i += n) {
		n = utf8_decode(text + i, len - i, &cp);
		if (!find_space(cp)) {
			if (!inchunk)
				start = i;
			inchunk = 1;
		} else if (inchunk) {
			words += find_chunk(&sb, text, start, i);
			inchunk = 0;
		}
	}
	if (inchunk && words < FIND_MAX_WORDS)
		words += last = find_chunk(&sb, text, start, len);
	if (words == 0) {
		strbuf_free(&sb);
		return NULL;
	}
	/* A word at the very end may be still being typed. */
	if ((flags & FIND_PREFIX) && last && find_wordchar(cp))
		strbuf_addc(&sb, '*');
	return strbuf_detach(&sb);
}

#define FIND_WITHIN \
	" JOIN nodes n ON n.id = search.rowid JOIN nodes top ON top.id = ?3 " \
	"WHERE search MATCH ?1 AND (n.id = top.id OR substr(n.path, 1, " \
	"length(top.path) + 1) = top.path || '/')"

/*
 * The queries: [ranked][within].  The rank is bm25, titles weighing four
 * times the text: the rank the importer sets (FIND_RANK_WEIGHTS), called
 * here by name rather than as the rank column, which made FTS5 parse and
 * prepare a statement of its weights at every query that read one (some
 * 11,000 instructions); the values and so the order are the same.
 * Ranked, SQLite sorts the matches by it, the earlier row first among
 * equals (as FTS5's own ORDER BY rank gives them).  None reads the text:
 * each hit's is read after, by its rowid (FIND_BODY_SQL), for the hits
 * given alone, and with FIND_NO_SNIPPET not at all.  FTS5 sorting by rank
 * itself took half as long again over 2,000 matches, and a sort that
 * carried the text would read every match's.  The snippet is made here,
 * not by FTS5's snippet(), whose cost grows with the square of the
 * matches in a row: a section of 100,000 paragraphs that all match took
 * minutes.
 */
#define FIND_RANKED	"SELECT search.rowid, bm25(search, " FIND_RANK_WEIGHTS \
	") AS r FROM search"
static const char *const find_sql[2][2] = {
	{ "SELECT search.rowid FROM search WHERE search MATCH ?1 LIMIT ?2",
	  "SELECT search.rowid FROM search" FIND_WITHIN " LIMIT ?2" },
	{ FIND_RANKED " WHERE search MATCH ?1 ORDER BY r, search.rowid "
	  "LIMIT ?2",
	  FIND_RANKED FIND_WITHIN " ORDER BY r, search.rowid LIMIT ?2" },
};
#define FIND_NODE_SQL	"SELECT path, title FROM nodes WHERE id = ?1"
#define FIND_BODY_SQL	"SELECT body FROM search WHERE rowid = ?1"

/* How many matches, counted no further than FIND_RANK_MAX + 1. */
static int
find_count(struct db *db, const char *expr, char **cause)
{
	sqlite3_stmt	*st;
	int		 n = -1;

	if (db_stmt(db, "SELECT count(*) FROM (SELECT rowid FROM search "
	    "WHERE search MATCH ?1 LIMIT ?2)", &st, cause) != 0)
		return -1;
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, FIND_RANK_MAX + 1);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	else
		*cause = db_cause(db, "cannot search");
	db_release(db, st);
	return n;
}

char *
find_snippet_of(struct db *db, int64_t row, const char *text, int flags,
    char **cause)
{
	sqlite3_stmt	*st;
	const char	*body;
	char		*snippet = NULL;
	int		 r;

	if (db_stmt(db, FIND_BODY_SQL, &st, cause) != 0)
		return NULL;
	sqlite3_bind_int64(st, 1, row);
	if ((r = sqlite3_step(st)) == SQLITE_ROW) {
		body = (const char *)sqlite3_column_text(st, 0);
		snippet = find_snippet(text, flags, body != NULL ? body : "",
		    (size_t)sqlite3_column_bytes(st, 0), FIND_SNIPPET_WORDS);
	} else if (r == SQLITE_DONE)
		*cause = xasprintf("%s:%d: row %lld is not in the search "
		    "index (it changed since the search)", __FILE__, __LINE__,
		    (long long)row);
	else
		*cause = db_cause(db, "cannot read a result's text");
	db_release(db, st);
	return snippet;
}

/* Give cb the hit for the row of rows; returns cb's answer or -1. */
static int
find_hit(struct db *db, sqlite3_stmt *rows, sqlite3_stmt *node,
    const char *text, int flags, int ranked, find_cb cb, void *arg,
    char **cause)
{
	struct find_hit	 hit;
	char		*snippet = NULL;
	int		 rc;

	hit.id = hit.row = sqlite3_column_int64(rows, 0);
	hit.ranked = ranked;
	hit.rank = ranked ? sqlite3_column_double(rows, 1) : 0;
	sqlite3_reset(node);
	sqlite3_bind_int64(node, 1, hit.id);
	if (sqlite3_step(node) != SQLITE_ROW) {
		*cause = db_cause(db, "cannot search");
		return -1;
	}
	if (!(flags & FIND_NO_SNIPPET) && (snippet = find_snippet_of(db,
	    hit.row, text, flags, cause)) == NULL)
		return -1;
	hit.path = (const char *)sqlite3_column_text(node, 0);
	hit.title = (const char *)sqlite3_column_text(node, 1);
	hit.snippet = snippet;
	rc = cb(&hit, arg);
	free(snippet);
	return rc;
}

int
find_search(struct db *db, const char *text, int flags, int64_t within,
    int limit, find_cb cb, void *arg, char **cause)
{
	sqlite3_stmt	*st = NULL, *node = NULL;
	char		*expr;
	int		 n = 0, r, ranked = 1, stop;

	if ((expr = find_expr(text, flags)) == NULL)
		return 0;
	/* As you type, ranking thousands of matches costs too much. */
	if ((flags & FIND_BOUNDED) &&
	    (r = find_count(db, expr, cause)) > FIND_RANK_MAX)
		ranked = 0;
	else if ((flags & FIND_BOUNDED) && r < 0)
		n = -1;
	if (n == 0 && (db_stmt(db, find_sql[ranked][within != 0], &st,
	    cause) != 0 || db_stmt(db, FIND_NODE_SQL, &node, cause) != 0))
		n = -1;
	if (n == 0) {
		sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
		if (within != 0)
			sqlite3_bind_int64(st, 3, within);
		while ((r = sqlite3_step(st)) == SQLITE_ROW) {
			n++;
			if ((stop = find_hit(db, st, node, text, flags, ranked,
			    cb, arg, cause)) != 0) {
				if (stop < 0)
					n = -1;
				break;
			}
		}
		if (r != SQLITE_ROW && r != SQLITE_DONE) {
			*cause = db_cause(db, "cannot search");
			n = -1;
		}
	}
	db_release(db, st);
	db_release(db, node);
	free(expr);
	return n;
}

/*
 * The code point at s[0..len), its length in bytes: ASCII without a call
 * (snippets walk every word of a hit's text, and most of it is ASCII).
 */
static size_t
find_decode(const char *s, size_t len, uint32_t *cp)
{
	if ((unsigned char)*s < 0x80) {
		*cp = (unsigned char)*s;
		return 1;
	}
	return utf8_decode(s, len, cp);
}

/* find_wordchar() of an ASCII byte, without a call. */
#define FIND_ASCII_WORD(c) (((c) >= '0' && (c) <= '9') || \
	((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))

/* The next word of s[*i..len): sets *start, *end; returns 0 at the end. */
static int
find_next_word(const char *s, size_t len, size_t *i, size_t *start,
    size_t *end)
{
	uint32_t	 cp;
	size_t		 n;

	while (*i < len) {
		if ((unsigned char)s[*i] < 0x80) {
			if (FIND_ASCII_WORD(s[*i]))
				break;
			++*i;
			continue;
		}
		n = utf8_decode(s + *i, len - *i, &cp);
		if (find_wordchar(cp))
			break;
		*i += n;
	}
	if (*i >= len)
		return 0;
	*start = *i;
	while (*i < len) {
		if ((unsigned char)s[*i] < 0x80) {
			if (!FIND_ASCII_WORD(s[*i]))
				break;
			++*i;
			continue;
		}
		n = utf8_decode(s + *i, len - *i, &cp);
		if (!find_wordchar(cp))
			break;
		*i += n;
	}
	*end = *i;
	return 1;
}

/*
 * The base letters of Latin-1 and Latin Extended-A (U+00C0 to U+017F),
 * as FTS5's unicode61 tokenizer folds them with remove_diacritics: "é"
 * matches "e".  A space: the letter does not decompose (ø, ł), so it is
 * its own.
 */
static const char find_base[] =
	"AAAAAA CEEEEIIII NOOOOO  UUUUY  aaaaaa ceeeeiiii nooooo  uuuuy y"
	"AaAaAaCcCcCcCcDd  EeEeEeEeEeGgGgGgGgHh  IiIiIiIiI   JjKk LlLlLl "
	"   NnNnNn   OoOoOo  RrRrRrSsSsSsSsTtTt  UuUuUuUuUuUuWwYyYZzZzZz ";

/* A code point as the search compares it: lower case, accents off. */
static uint32_t
find_fold(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
	if (cp >= 0xc0 && cp <= 0x17f && find_base[cp - 0xc0] != ' ')
		cp = (unsigned char)find_base[cp - 0xc0];
	return (uint32_t)towlower((wint_t)cp);
}

/* The next code point of s[*i..len) that is not a combining accent. */
static int
find_next_cp(const char *s, size_t len, size_t *i, uint32_t *cp)
{
	do {
		if (*i >= len)
			return 0;
		*i += find_decode(s + *i, len - *i, cp);
	} while (*cp >= 0x300 && *cp < 0x370);
	return 1;
}

/* Compare a word of text with a query word, as the search does. */
static int
find_word_match(const char *w, size_t wlen, const char *q, size_t qlen,
    int prefix)
{
	uint32_t	 a, b;
	size_t		 i = 0, j = 0;
	int		 more_w, more_q;

	for (;;) {
		more_w = find_next_cp(w, wlen, &i, &a);
		more_q = find_next_cp(q, qlen, &j, &b);
		if (!more_q)
			return !more_w || prefix;
		if (!more_w || find_fold(a) != find_fold(b))
			return 0;
	}
}

/* The words of a query, as find_spans() and find_snippet() match them. */
struct find_query {
	const char	*text;
	size_t		 start[FIND_MAX_WORDS], end[FIND_MAX_WORDS];
	size_t		 n;
	size_t		 last;		/* the word matched as a prefix, or n */
};

static void
find_query_init(struct find_query *q, const char *query, int flags)
{
	size_t	 qi = 0, qs, qe, len = strlen(query);

	q->text = query;
	q->n = 0;
	q->last = SIZE_MAX;
	while (q->n < FIND_MAX_WORDS && find_next_word(query, len, &qi, &qs,
	    &qe)) {
		q->start[q->n] = qs;
		q->end[q->n] = qe;
		/* The last word, if nothing follows it, may be being typed. */
		if ((flags & FIND_PREFIX) && qe == len)
			q->last = q->n;
		q->n++;
	}
}

/* Which word of q the word w[0..wlen) matches, or -1. */
static int
find_query_match(const struct find_query *q, const char *w, size_t wlen)
{
	size_t	 k;

	for (k = 0; k < q->n; k++)
		if (find_word_match(w, wlen, q->text + q->start[k],
		    q->end[k] - q->start[k], k == q->last))
			return (int)k;
	return -1;
}

size_t
find_spans(const char *query, int flags, const char *text, size_t len,
    struct find_span **spans)
{
	struct find_query	 q;
	struct find_span	*out = NULL;
	size_t			 ti = 0, ts, te, n = 0, cap = 0;

	find_query_init(&q, query, flags);
	while (find_next_word(text, len, &ti, &ts, &te)) {
		if (find_query_match(&q, text + ts, te - ts) < 0)
			continue;
		if (n == cap) {
			cap = cap != 0 ? cap * 2 : 8;
			out = xreallocarray(out, cap, sizeof *out);
		}
		out[n].off = ts;
		out[n].len = te - ts;
		n++;
	}
	*spans = out;
	return n;
}

/* Most matching words find_snippet() weighs when it picks its window. */
#define FIND_SNIPPET_HITS	256
/* Words of the window shown before its first match. */
#define FIND_SNIPPET_LEAD	3

/* A matching word: its number among the words of the text, and which. */
struct find_token {
	size_t	 word;
	int	 which;
};

/*
 * The window of nwords words, led by FIND_SNIPPET_LEAD before a match,
 * holding the most different query words (the earliest of equals): its
 * first word.
 */
static size_t
find_window(const struct find_token *t, size_t nt, size_t nwords)
{
	size_t		 i, j, first, best = 0;
	uint32_t	 seen;
	int		 score, top = -1;

	for (i = 0; i < nt; i++) {
		first = t[i].word > FIND_SNIPPET_LEAD ?
		    t[i].word - FIND_SNIPPET_LEAD : 0;
		seen = 0;
		score = 0;
		for (j = i; j > 0 && t[j - 1].word >= first; j--)
			continue;
		for (; j < nt && t[j].word < first + nwords; j++) {
			if (!(seen & (1u << t[j].which)))
				score++;
			seen |= 1u << t[j].which;
		}
		if (score > top) {
			top = score;
			best = first;
		}
	}
	return best;
}

/* Add the words of text from word first, nwords of them, marked. */
static void
find_snippet_words(struct strbuf *sb, const struct find_query *q,
    const char *text, size_t len, size_t first, size_t nwords)
{
	size_t	 ti = 0, ts, te, word, prev = 0;
	int	 hit;

	for (word = 0; find_next_word(text, len, &ti, &ts, &te); word++) {
		if (word < first) {
			prev = te;
			continue;
		}
		if (word == first + nwords) {
			strbuf_adds(sb, "…");
			return;
		}
		if (word == first && first > 0)
			strbuf_adds(sb, "…");
		else if (word > first)
			strbuf_add(sb, text + prev, ts - prev);
		hit = find_query_match(q, text + ts, te - ts) >= 0;
		if (hit)
			strbuf_adds(sb, FIND_MARK_ON);
		strbuf_add(sb, text + ts, te - ts);
		if (hit)
			strbuf_adds(sb, FIND_MARK_OFF);
		prev = te;
	}
	/* The window reaches the end: the stops after the last word too. */
	for (te = prev; te < len && strchr(" \t\r\n", text[te]) == NULL; te++)
		continue;
	strbuf_add(sb, text + prev, te - prev);
}

char *
find_snippet(const char *query, int flags, const char *text, size_t len,
    size_t nwords)
{
	struct find_query	 q;
	struct find_token	 t[FIND_SNIPPET_HITS];
	struct strbuf		 sb = STRBUF_INIT;
	size_t			 ti = 0, ts, te, word = 0, nt = 0;
	int			 which;

	find_query_init(&q, query, flags);
	while (nt < FIND_SNIPPET_HITS && find_next_word(text, len, &ti, &ts,
	    &te)) {
		if ((which = find_query_match(&q, text + ts, te - ts)) >= 0) {
			t[nt].word = word;
			t[nt++].which = which;
		}
		word++;
	}
	find_snippet_words(&sb, &q, text, len, find_window(t, nt, nwords),
	    nwords);
	return strbuf_detach(&sb);
}
