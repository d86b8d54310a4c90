/*
 * test_find.c: unit tests for core/find.h.
 *
 * find_expr() quotes every word the user types, so FTS5 operators, stray
 * quotes and brackets are searched as words: a table of inputs and the
 * expected queries, in several scripts.  Then find_search() on the built
 * database: the report's "DiiS" is found where the report names it, and
 * no input, however much it looks like FTS5 syntax, is an error.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sqlite3.h>

#include "core/db.h"
#include "core/find.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

struct expr_case {
	const char	*in;
	int		 flags;
	const char	*out;		/* NULL: no word to search for */
};

static const struct expr_case expr_cases[] = {
	{ "DiiS", 0, "\"DiiS\"" },
	{ "two words", 0, "\"two\" \"words\"" },
	{ "  two \t words  ", 0, "\"two\" \"words\"" },
	{ "dii", FIND_PREFIX, "\"dii\"*" },
	{ "dii ", FIND_PREFIX, "\"dii\"" },
	{ "dii", 0, "\"dii\"" },
	{ "two wor", FIND_PREFIX, "\"two\" \"wor\"*" },
	{ "don't", 0, "\"don't\"" },
	{ "c++", 0, "\"c++\"" },
	{ "c++", FIND_PREFIX, "\"c++\"" },
	{ "\"", 0, NULL },
	{ "\"\"\"", FIND_PREFIX, NULL },
	{ "AND", 0, "\"AND\"" },
	{ "a OR b", 0, "\"a\" \"OR\" \"b\"" },
	{ "NOT", FIND_PREFIX, "\"NOT\"*" },
	{ "NEAR(", 0, "\"NEAR(\"" },
	{ "NEAR(a b", 0, "\"NEAR(a\" \"b\"" },
	{ "*", 0, NULL },
	{ "*", FIND_PREFIX, NULL },
	{ "a*", 0, "\"a*\"" },
	{ "(", 0, NULL },
	{ "( )", 0, NULL },
	{ "-", 0, NULL },
	{ "+x", 0, "\"+x\"" },
	{ "^x", 0, "\"^x\"" },
	{ "title:x", 0, "\"title:x\"" },
	{ "{a b}:c", 0, "\"{a\" \"b}:c\"" },
	{ "a\"b", 0, "\"a\"\"b\"" },
	{ "\"quoted phrase\"", 0, "\"\"\"quoted\" \"phrase\"\"\"" },
	{ "", 0, NULL },
	{ "   ", FIND_PREFIX, NULL },
	{ "£909.1", 0, "\"£909.1\"" },
	{ "King’s Fund", 0, "\"King’s\" \"Fund\"" },
	{ "’ – …", 0, NULL },
	{ "日本語", 0, "\"日本語\"" },
	{ "日本", FIND_PREFIX, "\"日本\"*" },
	{ "日本語 テキスト", 0, "\"日本語\" \"テキスト\"" },
	{ "日本\xe3\x80\x80語", 0, "\"日本\" \"語\"" },
	{ "a\xc2\xa0" "b", 0, "\"a\" \"b\"" },
	{ "café", FIND_PREFIX, "\"café\"*" },
	{ "cafe\xcc\x81", FIND_PREFIX, "\"cafe\xcc\x81\"*" },
	{ "\xe2\x80\x8b", 0, NULL },
	{ "\xef\xbb\xbf", 0, NULL },
	{ "\xe2\x80\xae", 0, NULL },
	{ "\xff", 0, NULL },
	{ "\xc2\x85", 0, NULL },
};

/* The input with bytes outside printable ASCII as \xNN, for a name. */
static const char *
show(const char *s, char *buf, size_t size)
{
	size_t	 o = 0;

	for (; *s != '\0' && o + 5 < size; s++) {
		if (*s >= ' ' && *s <= '~')
			buf[o++] = *s;
		else
			o += (size_t)snprintf(buf + o, size - o, "\\x%02x",
			    (unsigned char)*s);
	}
	buf[o] = '\0';
	return buf;
}

static void
test_expr_table(void)
{
	const struct expr_case	*c;
	char			*got, name[160], buf[96];
	size_t			 i;

	for (i = 0; i < NITEMS(expr_cases); i++) {
		c = &expr_cases[i];
		got = find_expr(c->in, c->flags);
		snprintf(name, sizeof name, "expr '%s'%s",
		    show(c->in, buf, sizeof buf),
		    c->flags & FIND_PREFIX ? " prefix" : "");
		tap_is_str(got, c->out, name);
		free(got);
	}
}

/* Count the FTS5 strings of an expression made by find_expr(). */
static int
count_strings(const char *e)
{
	int	 n = 0, in = 0;

	for (; *e != '\0'; e++) {
		if (*e != '"')
			continue;
		if (in && e[1] == '"') {
			e++;
			continue;
		}
		n += !in;
		in = !in;
	}
	return n;
}

static void
test_expr_long(void)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*got;
	int		 i;

	for (i = 0; sb.len < 5000; i++)
		strbuf_addf(&sb, "w%d ", i);
	got = find_expr(strbuf_str(&sb), FIND_PREFIX);
	tap_ok(got != NULL, "5,000 characters of words");
	tap_ok(got != NULL && count_strings(got) <= 32,
	    "... give at most 32 words");
	tap_ok(got != NULL && strncmp(got, "\"w0\" \"w1\" ", 10) == 0,
	    "... the first ones");
	free(got);
	strbuf_reset(&sb);
	while (sb.len < 5000)
		strbuf_adds(&sb, "日本語\"");
	got = find_expr(strbuf_str(&sb), 0);
	tap_ok(got != NULL && count_strings(got) == 1,
	    "5,000 bytes in one word with quotes: one string");
	free(got);
	strbuf_free(&sb);
}

static struct db *
open_db(void)
{
	const char	*top = getenv("top_builddir");
	struct db	*db;
	char		*path, *cause = NULL;

	path = xasprintf("%s/assets/dorset.db", top != NULL ? top : ".");
	db = db_open(path, DB_READONLY, &cause);
	if (!tap_ok(db != NULL, "open %s", path))
		printf("# %s\n", cause != NULL ? cause : "(no cause)");
	free(cause);
	free(path);
	return db;
}

struct hits {
	int	 n, stop_after;
	int	 lii_in_first3;	/* a hit under learning-improvement-... */
	int	 unmarked;	/* snippets with no marked match */
	int	 badmark;	/* a mark around something but the word */
	const char	*word;	/* what the marks must hold */
};

/* Whether every marked match in snippet s is the word, in any case. */
static int
marks_hold(const char *s, const char *word)
{
	const char	*on, *off;
	int		 n = 0;

	while ((on = strstr(s, FIND_MARK_ON)) != NULL) {
		on += strlen(FIND_MARK_ON);
		if ((off = strstr(on, FIND_MARK_OFF)) == NULL)
			return -1;
		if ((size_t)(off - on) != strlen(word) ||
		    strncasecmp(on, word, strlen(word)) != 0)
			return -1;
		s = off + strlen(FIND_MARK_OFF);
		n++;
	}
	return n;
}

static int
on_hit(const struct find_hit *h, void *arg)
{
	struct hits	*hs = arg;
	int		 m;

	if (hs->n < 3 && strstr(h->path,
	    "learning-improvement-and-innovation") != NULL)
		hs->lii_in_first3 = 1;
	if (hs->word != NULL) {
		m = marks_hold(h->snippet, hs->word);
		hs->unmarked += m == 0;
		hs->badmark += m < 0;
	}
	hs->n++;
	return hs->stop_after != 0 && hs->n >= hs->stop_after;
}

static void
test_search_diis(struct db *db)
{
	struct hits	 hs;
	char		*cause = NULL;
	int		 r;

	memset(&hs, 0, sizeof hs);
	hs.word = "DiiS";
	r = find_search(db, "DiiS", 0, 0, 0, on_hit, &hs, &cause);
	tap_ok(r >= 3, "DiiS: at least 3 hits (%d)", r);
	tap_is_int(r, hs.n, "DiiS: returns the hits given");
	tap_ok(hs.lii_in_first3,
	    "DiiS: Learning, improvement and innovation in the first 3");
	tap_is_int(hs.unmarked, 0, "DiiS: every snippet marks a match");
	tap_is_int(hs.badmark, 0, "DiiS: marks hold the word");
	memset(&hs, 0, sizeof hs);
	tap_is_int(find_search(db, "diis", 0, 0, 0, on_hit, &hs, &cause), r,
	    "diis: case does not matter");
	memset(&hs, 0, sizeof hs);
	tap_ok(find_search(db, "Dii", FIND_PREFIX, 0, 0, on_hit, &hs,
	    &cause) >= r, "Dii as a prefix finds at least as many");
	memset(&hs, 0, sizeof hs);
	tap_is_int(find_search(db, "DiiS", 0, 0, 2, on_hit, &hs, &cause), 2,
	    "limit 2");
	memset(&hs, 0, sizeof hs);
	hs.stop_after = 1;
	tap_is_int(find_search(db, "DiiS", 0, 0, 0, on_hit, &hs, &cause), 1,
	    "a callback that stops: one hit given");
	memset(&hs, 0, sizeof hs);
	tap_ok(find_search(db, "Dorset Intelligence and Insight Service",
	    0, 0, 0, on_hit, &hs, &cause) >= 1, "several words");
	tap_ok(cause == NULL, "no cause set");
	free(cause);
}

/* The hits of a search: ids, and snippets as given or made of bodies. */
struct got {
	int64_t	 id[256];
	double	 rank[256];
	char	*snippet[256];
	int	 n, nulls, made;
	struct db *db;		/* with FIND_NO_SNIPPET: make them */
	const char *query;
	int	 flags;
};

static int
on_got(const struct find_hit *h, void *arg)
{
	struct got	*g = arg;

	if (g->n == 256)
		return 1;
	char		*cause = NULL;

	g->nulls += h->snippet == NULL;
	g->id[g->n] = h->id;
	g->rank[g->n] = h->rank;
	if (h->snippet != NULL)
		g->snippet[g->n] = xstrdup(h->snippet);
	else if (g->db != NULL && (g->snippet[g->n] = find_snippet_of(g->db,
	    h->row, g->query, g->flags, &cause)) != NULL)
		g->made++;
	else
		g->snippet[g->n] = cause != NULL ? cause : xstrdup("");
	g->n++;
	return 0;
}

static void
got_free(struct got *g)
{
	int	 i;

	for (i = 0; i < g->n; i++)
		free(g->snippet[i]);
}

/*
 * FIND_NO_SNIPPET: the same hits in the same order, each without its
 * snippet, which find_snippet_of() makes of its row as the search would
 * have made it (the browser makes those it shows); a row not in the
 * index is said.
 */
static void
test_search_nosnippet(struct db *db)
{
	static const char *const queries[] = { "DiiS", "care", "c",
	    "safeguarding board", "Dorset Intelligence and Insight Service" };
	struct got	 a, b;
	char		*cause = NULL;
	size_t		 q;
	int		 i, na, nb, same, flags = FIND_PREFIX | FIND_BOUNDED;

	for (q = 0; q < sizeof queries / sizeof *queries; q++) {
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		b.db = db;
		b.query = queries[q];
		b.flags = flags;
		na = find_search(db, queries[q], flags, 0, 200, on_got, &a,
		    &cause);
		nb = find_search(db, queries[q], flags | FIND_NO_SNIPPET, 0,
		    200, on_got, &b, &cause);
		tap_ok(na > 0 && na == nb, "'%s' without snippets: as many "
		    "hits (%d, %d)", queries[q], na, nb);
		tap_ok(a.nulls == 0 && b.nulls == b.n && b.made == b.n,
		    "... without: each snippet NULL, and made of its row");
		for (i = 0, same = a.n == b.n; same && i < a.n; i++)
			same = a.id[i] == b.id[i] &&
			    strcmp(a.snippet[i], b.snippet[i]) == 0;
		tap_ok(same, "... the same hits in the same order, and "
		    "find_snippet_of() of each the snippet given with them");
		got_free(&a);
		got_free(&b);
	}
	tap_ok(cause == NULL, "no cause set");
	tap_ok(find_snippet_of(db, INT64_MAX, "care", flags, &cause) == NULL &&
	    cause != NULL && strstr(cause, "not in the search index") != NULL,
	    "a row not in the index: NULL, and why (%s)", cause != NULL ?
	    cause : "none");
	free(cause);
}

/*
 * Ranked, the hits come as FTS5's own ORDER BY rank gives them: best
 * first, the earlier row first among equals (find.c sorts them itself,
 * reading no text), each with the same rank.
 */
static void
test_search_order(struct db *db)
{
	static const char *const queries[] = { "care", "c", "DiiS",
	    "health and care", "partners", "s" };
	struct got	 g;
	sqlite3_stmt	*st;
	char		*cause = NULL, *expr;
	size_t		 q;
	int		 i, same, ties;

	for (q = 0; q < NITEMS(queries); q++) {
		memset(&g, 0, sizeof g);
		g.query = queries[q];
		expr = find_expr(queries[q], FIND_PREFIX);
		find_search(db, queries[q], FIND_PREFIX | FIND_NO_SNIPPET, 0,
		    200, on_got, &g, &cause);
		same = g.n > 0 && sqlite3_prepare_v2(db_handle(db), "SELECT "
		    "rowid, rank FROM search WHERE search MATCH ?1 ORDER BY "
		    "rank LIMIT 200", -1, &st, NULL) == SQLITE_OK;
		sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
		for (i = ties = 0; same && i < g.n; i++) {
			same = sqlite3_step(st) == SQLITE_ROW &&
			    sqlite3_column_int64(st, 0) == g.id[i] &&
			    sqlite3_column_double(st, 1) == g.rank[i];
			ties += i > 0 && g.rank[i] == g.rank[i - 1];
		}
		same = same && sqlite3_step(st) == SQLITE_DONE;
		sqlite3_finalize(st);
		tap_ok(same, "'%s' ranked: %d hits as FTS5 orders them by rank, "
		    "%d equal to the one before", queries[q], g.n, ties);
		got_free(&g);
		free(expr);
	}
	free(cause);
}

/* find.c ranks by the weights that the importer set as the rank. */
static void
test_rank_weights(struct db *db)
{
	sqlite3_stmt	*st;
	const char	*v = NULL;
	int		 ok;

	ok = sqlite3_prepare_v2(db_handle(db), "SELECT v FROM search_config "
	    "WHERE k = 'rank'", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW &&
	    (v = (const char *)sqlite3_column_text(st, 0)) != NULL;
	tap_ok(ok && strcmp(v, "bm25(" FIND_RANK_WEIGHTS ")") == 0,
	    "the index's rank is bm25(" FIND_RANK_WEIGHTS "), as find.c "
	    "ranks (%s)", v != NULL ? v : "none");
	sqlite3_finalize(st);
}

struct under {
	const char	*root;	/* hits must be it or under it */
	int		 n, outside;
};

static int
on_hit_under(const struct find_hit *h, void *arg)
{
	struct under	*u = arg;
	size_t		 len = strlen(u->root);

	if (strcmp(h->path, u->root) != 0 && (strncmp(h->path, u->root,
	    len) != 0 || h->path[len] != '/'))
		u->outside++;
	u->n++;
	return 0;
}

static int
search_under(struct db *db, const char *text, const char *root,
    struct under *u)
{
	char	*cause = NULL;
	int64_t	 id = 0;
	int	 r;

	memset(u, 0, sizeof *u);
	u->root = root;
	if (model_resolve(db, root, &id, &cause) != 0) {
		printf("# %s\n", cause);
		free(cause);
		return -1;
	}
	r = find_search(db, text, 0, id, 0, on_hit_under, u, &cause);
	free(cause);
	return r;
}

/*
 * The report names DiiS under Leadership (learning, improvement and
 * innovation) and Quality and safety, never under Integration.
 */
static void
test_search_within(struct db *db)
{
	struct under	 u;

	tap_ok(search_under(db, "DiiS", "leadership", &u) >= 1,
	    "DiiS within Leadership");
	tap_is_int(u.outside, 0, "... every hit under leadership/");
	tap_ok(search_under(db, "DiiS", "quality-and-safety", &u) >= 1,
	    "DiiS within Quality and safety");
	tap_is_int(u.outside, 0, "... every hit under quality-and-safety/");
	tap_is_int(search_under(db, "DiiS", "integration", &u), 0,
	    "DiiS within Integration: none");
	tap_ok(search_under(db, "DiiS", "leadership/learning-improvement-and-"
	    "innovation", &u) >= 1, "DiiS within its quality statement");
	tap_is_int(u.outside, 0, "... every hit in that statement");
	tap_is_int(search_under(db, "Leadership", "integration/direction-of-"
	    "travel", &u), 0, "a word absent from a leaf: none");
}

struct spans_case {
	const char	*query;
	int		 flags;
	const char	*text;
	const char	*want;		/* the matched words, '|' between */
	const char	*todo;		/* a known bug: why */
};

static const struct spans_case spans_cases[] = {
	{ "DiiS", 0, "The DiiS tool (diis) and DIIS.", "DiiS|diis|DIIS", NULL },
	{ "DiiS", 0, "DiiSx xDiiS", "", NULL },
	{ "Dii", 0, "The DiiS tool", "", NULL },
	{ "Dii", FIND_PREFIX, "The DiiS tool", "DiiS", NULL },
	{ "Dii ", FIND_PREFIX, "The DiiS tool", "", NULL },
	{ "dii tool", FIND_PREFIX, "The DiiS tool", "tool", NULL },
	{ "tool dii", FIND_PREFIX, "The DiiS tool", "DiiS|tool", NULL },
	{ "care board", 0, "Integrated Care Board, care.",
	    "Care|Board|care", NULL },
	{ "don't", 0, "I don't know", "don|t", NULL },
	{ "日本語", 0, "これは日本語です 日本語", "日本語",
	    NULL },
	{ "King’s", 0, "The King’s Fund", "King|s", NULL },
	{ "\"", 0, "a \"quoted\" word", "", NULL },
	{ "", FIND_PREFIX, "anything", "", NULL },
	{ "CAFÉ", 0, "un café", "café", NULL },
	/* The search folds accents (remove_diacritics 2): so must spans. */
	{ "cafe", 0, "Café au lait", "Café",
	    NULL },
	{ "Łodz", 0, "Łódź and Lodz", "Łódź", NULL },
	{ "e\xcc\x81te", 0, "été, ete, ete\xcc\x81", "été|ete|ete\xcc\x81",
	    NULL },
};

static void
test_spans(void)
{
	const struct spans_case	*c;
	struct find_span	*sp;
	struct strbuf		 sb = STRBUF_INIT;
	char			 name[128];
	size_t			 i, k, n;

	for (i = 0; i < NITEMS(spans_cases); i++) {
		c = &spans_cases[i];
		n = find_spans(c->query, c->flags, c->text, strlen(c->text),
		    &sp);
		strbuf_reset(&sb);
		for (k = 0; k < n; k++) {
			if (k > 0)
				strbuf_addc(&sb, '|');
			strbuf_add(&sb, c->text + sp[k].off, sp[k].len);
		}
		snprintf(name, sizeof name, "spans of '%s'%s in '%s'",
		    c->query, c->flags & FIND_PREFIX ? " prefix" : "",
		    c->text);
		if (c->todo == NULL)
			tap_is_str(strbuf_str(&sb), c->want, name);
		else if (strcmp(strbuf_str(&sb), c->want) == 0)
			tap_ok(1, "%s # TODO %s", name, c->todo);
		else
			printf("not ok %d - %s # TODO %s\n", ++tap_n, name,
			    c->todo);
		if (n == 0)
			tap_ok(sp == NULL, "no spans: NULL");
		free(sp);
	}
	strbuf_free(&sb);
}

/* Snippets: [ and ] stand for the match marks in want. */
struct snippet_case {
	const char	*query;
	int		 flags;
	const char	*text;
	size_t		 nwords;
	const char	*want;
};

static const struct snippet_case snippet_cases[] = {
	{ "tool", 0, "The DiiS tool.", 16, "The DiiS [tool]." },
	{ "tool", 0, "", 16, "" },
	{ "tool", 0, "no match here at all", 3, "no match here…" },
	/* A few words lead the first match; "…" where the text goes on. */
	{ "h", 0, "a b c d e f g h i j k l m n o p", 4, "…e f g [h]…" },
	/* The window with the most different words wins over the first. */
	{ "x y", 0, "x a b c d e f g h i j x y k", 4, "…i j [x] [y]…" },
	{ "x y", 0, "x a b c d e f g h i j x y k", 5, "…h i j [x] [y]…" },
	{ "dii", FIND_PREFIX, "See (DiiS), the tool", 16,
	    "See ([DiiS]), the tool" },
	{ "King’s", 0, "The King’s Fund", 16, "The [King]’[s] Fund" },
	{ "cafe", 0, "Un café\nau lait", 2, "Un [café]…" },
	{ "日本語", 0, "これは 日本語 です", 16, "これは [日本語] です" },
	{ "a", 0, "\xff a \xff", 16, "[a]" },
};

static void
test_snippet(void)
{
	const struct snippet_case	*c;
	struct strbuf			 sb = STRBUF_INIT;
	char				*s, *p, name[160];
	size_t				 i;

	for (i = 0; i < NITEMS(snippet_cases); i++) {
		c = &snippet_cases[i];
		s = find_snippet(c->query, c->flags, c->text, strlen(c->text),
		    c->nwords);
		strbuf_reset(&sb);
		for (p = s; *p != '\0'; p++) {
			if (strncmp(p, FIND_MARK_ON, 3) == 0) {
				strbuf_addc(&sb, '[');
				p += 2;
			} else if (strncmp(p, FIND_MARK_OFF, 3) == 0) {
				strbuf_addc(&sb, ']');
				p += 2;
			} else
				strbuf_addc(&sb, *p);
		}
		snprintf(name, sizeof name, "snippet of '%s' in '%s', %zu words",
		    c->query, c->text, c->nwords);
		tap_is_str(strbuf_str(&sb), c->want, name);
		free(s);
	}
	strbuf_free(&sb);
}

/* A text where every word matches: the snippet's cost is linear. */
static void
test_snippet_many(void)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*s;
	int		 i;

	for (i = 0; i < 200000; i++)
		strbuf_adds(&sb, "paragraph number ");
	s = find_snippet("paragraph number", 0, strbuf_str(&sb), sb.len, 16);
	tap_ok(strncmp(s, FIND_MARK_ON "paragraph" FIND_MARK_OFF " ", 15) == 0,
	    "a text of 400,000 matching words: the snippet starts at the top");
	tap_ok(strlen(s) < 400, "and it is 16 words long");
	free(s);
	strbuf_free(&sb);
}

/* FTS5 operators and syntax errors, as the user might type them. */
static const char *const hostile[] = {
	"\"", "AND", "OR", "NOT", "NEAR(", "NEAR(a b", "*", "c++", "don't",
	"(", ")", "a:b", "title:x", "^x", "-", "+x", "{a b}:c", "a AND",
	"OR b", "NOT NOT", "\"a", "a\"", "body:", "NEAR(a b, 5)", "a*b*",
	"日本語", "\xff\xfe", "\x1b[2J", "\xe2\x80\xae", "'", "''", "\\",
	"%", "_", "a OR (b", "title : DiiS", "-DiiS", "DiiS*",
};

static void
test_search_hostile(struct db *db)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct hits	 hs;
	char		*cause, name[96], buf[64];
	size_t		 i;
	int		 r;

	for (i = 0; i < NITEMS(hostile); i++) {
		memset(&hs, 0, sizeof hs);
		cause = NULL;
		r = find_search(db, hostile[i], 0, 0, 0, on_hit, &hs, &cause);
		snprintf(name, sizeof name, "search '%s' is not an error",
		    show(hostile[i], buf, sizeof buf));
		if (!tap_ok(r >= 0 && cause == NULL, "%s", name))
			printf("# %s\n", cause != NULL ? cause : "");
		free(cause);
		cause = NULL;
		r = find_search(db, hostile[i], FIND_PREFIX, 0, 0, on_hit, &hs,
		    &cause);
		tap_ok(r >= 0 && cause == NULL, "%s, as a prefix", name);
		free(cause);
	}
	while (sb.len < 5000)
		strbuf_adds(&sb, "NEAR(\"a\" OR *) ");
	cause = NULL;
	memset(&hs, 0, sizeof hs);
	r = find_search(db, strbuf_str(&sb), FIND_PREFIX, 0, 0, on_hit, &hs,
	    &cause);
	tap_ok(r >= 0 && cause == NULL, "a 5,000-character query");
	free(cause);
	strbuf_free(&sb);
}

int
main(void)
{
	struct db	*db;
	char		*cause = NULL;

	/* Which characters are letters comes from LC_CTYPE. */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		tap_diag("no C.UTF-8 locale: CJK words will not be found");
	test_expr_table();
	test_expr_long();
	test_spans();
	test_snippet();
	test_snippet_many();
	if ((db = open_db()) == NULL)
		return tap_done();
	test_search_diis(db);
	test_search_within(db);
	test_search_nosnippet(db);
	test_search_order(db);
	test_rank_weights(db);
	test_search_hostile(db);
	if (db_close(db, &cause) != 0)
		free(cause);
	return tap_done();
}
