/*
 * test_model.c: unit tests for core/model.h.
 *
 * slug_valid() and slug_make() against tables; then, on the built
 * database, model_resolve() with whole paths, suffixes, ambiguous and bad
 * input, model_get(), model_children(), model_walk() and model_blocks().
 * The document of a section read a part at a time (doc_add_part(), as
 * the reading pane does) is the one read at once (doc_add_node()).
 * The expected titles, headings and list items are the report's own
 * words: its three themes and seventeen "Quality statement:" headings.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

struct slug_case {
	const char	*in;
	int		 valid;
};

static const struct slug_case valid_cases[] = {
	{ "learning-culture", 1 }, { "a", 1 }, { "2024", 1 },
	{ "a1-b2-c3", 1 }, { "", 0 }, { "-a", 0 }, { "a-", 0 },
	{ "a--b", 0 }, { "-", 0 }, { "Learning-culture", 0 },
	{ "a b", 0 }, { "a_b", 0 }, { "a/b", 0 }, { "caf\xc3\xa9", 0 },
	{ "日本語", 0 }, { "a'b", 0 }, { "a%b", 0 },
};

struct make_case {
	const char	*title;
	const char	*slug;
};

static const struct make_case make_cases[] = {
	{ "Learning culture", "learning-culture" },
	{ "Monitoring and learning from peoples' experiences of care",
	    "monitoring-and-learning-from-peoples-experiences-of-care" },
	{ "The King’s Fund", "the-kings-fund" },
	{ "Safe systems, pathways and transitions",
	    "safe-systems-pathways-and-transitions" },
	{ "  --x--  ", "x" },
	{ "日本語", "" },
	{ "", "" },
	{ "Theme 1: Leadership", "theme-1-leadership" },
	{ "Secretary of state's priority area",
	    "secretary-of-states-priority-area" },
	{ "One System, two places – ICS regional context",
	    "one-system-two-places-ics-regional-context" },
	{ "What is an Integrated Care Board?",
	    "what-is-an-integrated-care-board" },
	{ "Examples of progress: system finances",
	    "examples-of-progress-system-finances" },
	{ "£909.1 million", "909-1-million" },
	{ "tab\tand\nnewline", "tab-and-newline" },
	{ "日本語 title", "title" },
	{ "\xff\xfe bad bytes", "bad-bytes" },
};

static void
test_slugs(void)
{
	char	*got, name[128];
	size_t	 i;

	for (i = 0; i < NITEMS(valid_cases); i++) {
		snprintf(name, sizeof name, "slug_valid '%s'",
		    valid_cases[i].in);
		tap_is_int(slug_valid(valid_cases[i].in),
		    valid_cases[i].valid, name);
	}
	for (i = 0; i < NITEMS(make_cases); i++) {
		got = slug_make(make_cases[i].title);
		snprintf(name, sizeof name, "slug_make '%s'",
		    make_cases[i].slug);
		tap_is_str(got, make_cases[i].slug, name);
		if (*got != '\0')
			tap_ok(slug_valid(got),
			    "slug_make gives a valid slug: %s", got);
		free(got);
	}
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

/* The path that input resolves to, or NULL with *cause. */
static char *
resolve_path(struct db *db, const char *input, char **cause)
{
	struct node	 n;
	int64_t		 id = 0;
	char		*path;

	*cause = NULL;
	if (model_resolve(db, input, &id, cause) != 0)
		return NULL;
	if (model_get(db, id, &n, cause) != 0)
		return NULL;
	path = xstrdup(n.path);
	node_clear(&n);
	return path;
}

struct resolve_case {
	const char	*in;
	const char	*path;		/* NULL: must fail */
	const char	*cause1;	/* in the cause when it fails */
	const char	*cause2;
};

static const struct resolve_case resolve_cases[] = {
	{ "quality-and-safety/learning-culture",
	    "quality-and-safety/learning-culture", NULL, NULL },
	{ "learning-culture/key-messages",
	    "quality-and-safety/learning-culture/key-messages", NULL, NULL },
	{ "learning-culture", NULL, "quality-and-safety/learning-culture",
	    "children-and-young-people/learning-culture" },
	{ "safeguarding", NULL, "quality-and-safety/safeguarding",
	    "children-and-young-people/safeguarding" },
	{ "overview", "overview", NULL, NULL },
	{ "dorset-ics", "places/dorset-ics", NULL, NULL },
	{ "ics-structures/what-is-an-integrated-care-board",
	    "background/ics-structures/what-is-an-integrated-care-board",
	    NULL, NULL },
	{ "QUALITY-AND-SAFETY/Learning-Culture",
	    "quality-and-safety/learning-culture", NULL, NULL },
	{ "/quality-and-safety/learning-culture/",
	    "quality-and-safety/learning-culture", NULL, NULL },
	{ "//leadership//", "leadership", NULL, NULL },
	{ "key-messages", NULL, "key-messages", NULL },
	{ "no-such-section", NULL, "no-such-section", NULL },
	{ "culture", NULL, "culture", NULL },
	{ "quality-and-safety//learning-culture", NULL, "learning-culture",
	    NULL },
	{ "overview/../leadership", NULL, "leadership", NULL },
	{ "a%b", NULL, "a%b", NULL },
	{ "x'y", NULL, "x'y", NULL },
	{ "%", NULL, "%", NULL },
	{ "learning_culture", NULL, "learning_culture", NULL },
	{ "learning culture", NULL, "learning culture", NULL },
	{ "日本語", NULL, "日本語", NULL },
	{ "", NULL, NULL, NULL },
	{ "/", NULL, NULL, NULL },
};

static void
test_resolve(struct db *db)
{
	const struct resolve_case	*c;
	char				*got, *cause, name[128];
	size_t				 i;

	for (i = 0; i < NITEMS(resolve_cases); i++) {
		c = &resolve_cases[i];
		got = resolve_path(db, c->in, &cause);
		snprintf(name, sizeof name, "resolve '%s'", c->in);
		tap_is_str(got, c->path, name);
		if (c->path == NULL) {
			tap_ok(cause != NULL && *cause != '\0',
			    "%s: has a cause", name);
			if (c->cause1 != NULL)
				tap_ok(cause != NULL && strstr(cause,
				    c->cause1) != NULL, "%s: cause names %s",
				    name, c->cause1);
			if (c->cause2 != NULL)
				tap_ok(cause != NULL && strstr(cause,
				    c->cause2) != NULL, "%s: cause names %s",
				    name, c->cause2);
			if (cause != NULL)
				printf("# cause: %s\n", cause);
		}
		free(got);
		free(cause);
	}
}

/* A long path is refused, not overflowed. */
static void
test_resolve_long(struct db *db)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*cause = NULL;
	int64_t		 id;
	int		 i;

	for (i = 0; i < 1000; i++)
		strbuf_adds(&sb, "learning-culture/");
	tap_is_int(model_resolve(db, strbuf_str(&sb), &id, &cause), -1,
	    "resolve a 17,000-byte path");
	free(cause);
	strbuf_free(&sb);
}

static int64_t
resolve_id(struct db *db, const char *path)
{
	char	*cause = NULL;
	int64_t	 id = 0;

	if (model_resolve(db, path, &id, &cause) != 0) {
		printf("# %s\n", cause);
		free(cause);
		return 0;
	}
	return id;
}

static void
test_get(struct db *db)
{
	struct node	 n, parent;
	char		*cause = NULL;
	int64_t		 id;

	id = resolve_id(db, "quality-and-safety/learning-culture");
	if (!tap_ok(model_get(db, id, &n, &cause) == 0, "model_get"))
		return;
	tap_is_int(n.id, id, "get: id");
	tap_is_str(n.kind, "statement", "get: kind");
	tap_is_str(n.slug, "learning-culture", "get: slug");
	tap_is_str(n.title, "Learning culture", "get: title");
	tap_is_str(n.heading, "Quality statement: Learning culture",
	    "get: heading as published");
	tap_is_str(n.path, "quality-and-safety/learning-culture", "get: path");
	tap_ok(n.nchildren >= 1, "get: has children (its key messages)");
	tap_ok(n.link == 0, "get: a statement links to nothing");
	if (tap_ok(model_get(db, n.parent, &parent, &cause) == 0,
	    "get the parent")) {
		tap_is_str(parent.title, "Quality and safety", "parent title");
		tap_is_str(parent.heading, "Theme 3: Quality and safety",
		    "parent heading as published");
		tap_is_int(parent.parent, 0, "a theme is at the top");
		node_clear(&parent);
	}
	node_clear(&n);
	tap_is_int(model_get(db, 999999, &n, &cause), -1, "get a missing id");
	tap_ok(cause != NULL && strstr(cause, "999999") != NULL,
	    "the cause names the id");
	free(cause);
}

/* What the callbacks collect: one node's fields, copied. */
struct seen {
	int64_t	 id, parent;
	int	 depth, nchildren;
	char	*kind, *slug, *title, *heading, *path;
};

struct seen_list {
	struct seen	*v;
	size_t		 n, cap;
	int		 stop_after;	/* return 1 after this many; 0: never */
};

static int
collect(const struct node *n, void *arg)
{
	struct seen_list	*l = arg;
	struct seen		*s;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	s = &l->v[l->n++];
	s->id = n->id;
	s->parent = n->parent;
	s->depth = n->depth;
	s->nchildren = n->nchildren;
	s->kind = xstrdup(n->kind);
	s->slug = xstrdup(n->slug);
	s->title = xstrdup(n->title);
	s->heading = xstrdup(n->heading);
	s->path = xstrdup(n->path);
	return l->stop_after != 0 && (int)l->n >= l->stop_after ? 42 : 0;
}

static void
seen_free(struct seen_list *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].kind);
		free(l->v[i].slug);
		free(l->v[i].title);
		free(l->v[i].heading);
		free(l->v[i].path);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* The parts of the report, in its order. */
static const char *const parts[][2] = {
	{ "overview", "Overview" },
	{ "leadership", "Leadership" },
	{ "integration", "Integration" },
	{ "quality-and-safety", "Quality and safety" },
	{ "children-and-young-people", "Children and young people" },
	{ "places", "Places" },
	{ "background", "Background" },
};

static void
test_children(struct db *db)
{
	struct seen_list	 l = { NULL, 0, 0, 0 };
	char			*cause = NULL;
	size_t			 i;

	tap_is_int(model_children(db, 0, collect, &l, &cause), 0,
	    "children of the top");
	tap_is_int((long long)l.n, (long long)NITEMS(parts), "seven parts");
	for (i = 0; i < l.n && i < NITEMS(parts); i++) {
		tap_is_str(l.v[i].slug, parts[i][0], "part slug in order");
		tap_is_str(l.v[i].title, parts[i][1], "part title in order");
		tap_is_int(l.v[i].parent, 0, "part parent is 0");
	}
	seen_free(&l);
	l.stop_after = 1;
	tap_is_int(model_children(db, 0, collect, &l, &cause), 42,
	    "children: the callback's non-zero is returned");
	tap_is_int((long long)l.n, 1, "children: stopped after one");
	seen_free(&l);
	tap_is_int(model_children(db, 999999, collect, &l, &cause), 0,
	    "children of a missing node");
	tap_is_int((long long)l.n, 0, "... are none");
	seen_free(&l);
}

/* The report's "Quality statement:" headings, in its order. */
static const char *const statements[] = {
	"Shared direction and culture",
	"Capable, compassionate and inclusive leaders",
	"Governance, management and sustainability",
	"Partnerships and communities",
	"Freedom to speak up",
	"Learning, improvement and innovation",
	"Environmental sustainability",
	"Workforce equality, diversity and inclusion",
	"Safe systems, pathways and transitions",
	"Care provision, integration and continuity",
	"How staff, teams and services work together",
	"Supporting people to live healthier lives",
	"Learning culture",
	"Safe and effective staffing",
	"Equity in access",
	"Equity in experience and outcomes",
	"Safeguarding",
};

static const char *const themes[] = {
	"Theme 1: Leadership", "Theme 2: Integration",
	"Theme 3: Quality and safety",
};

/* Depth steps, parents and paths agree with the order of the walk. */
static int
walk_shape_faults(const struct seen_list *l)
{
	const struct seen	*stack[64];
	size_t			 i;
	int			 bad = 0, d;
	char			*want;

	for (i = 0; i < l->n; i++) {
		d = l->v[i].depth;
		if (d < 0 || d >= 64 || (i == 0 ? d != 0 :
		    d > l->v[i - 1].depth + 1)) {
			bad++;
			continue;
		}
		stack[d] = &l->v[i];
		if (d == 0)
			want = xstrdup(l->v[i].slug);
		else
			want = xasprintf("%s/%s", stack[d - 1]->path,
			    l->v[i].slug);
		if (strcmp(want, l->v[i].path) != 0 ||
		    (d > 0 && stack[d - 1]->id != l->v[i].parent))
			bad++;
		free(want);
	}
	return bad;
}

static void
test_walk_statements(const struct seen_list *l)
{
	size_t	 i, nth = 0, ntheme = 0;
	char	*heading;

	for (i = 0; i < l->n; i++) {
		if (strcmp(l->v[i].kind, "theme") == 0) {
			if (ntheme < NITEMS(themes))
				tap_is_str(l->v[i].heading, themes[ntheme],
				    "theme heading in report order");
			ntheme++;
		}
		if (strcmp(l->v[i].kind, "statement") != 0)
			continue;
		if (nth < NITEMS(statements)) {
			tap_is_str(l->v[i].title, statements[nth],
			    "statement title in report order");
			heading = xasprintf("Quality statement: %s",
			    statements[nth]);
			tap_is_str(l->v[i].heading, heading,
			    "statement heading as published");
			free(heading);
		}
		nth++;
	}
	tap_is_int((long long)ntheme, 3, "walk: 3 themes");
	tap_is_int((long long)nth, 17, "walk: 17 quality statements");
}

static void
test_walk(struct db *db)
{
	struct seen_list	 l = { NULL, 0, 0, 0 };
	char			*cause = NULL;
	size_t			 i, tops = 0;

	tap_is_int(model_walk(db, 0, collect, &l, &cause), 0, "walk all");
	test_walk_statements(&l);
	tap_is_int(walk_shape_faults(&l), 0,
	    "walk: pre-order, depth steps by 1, paths join parents");
	for (i = 0; i < l.n; i++)
		tops += l.v[i].depth == 0;
	tap_is_int((long long)tops, (long long)NITEMS(parts),
	    "walk: the parts are at depth 0");
	seen_free(&l);

	tap_is_int(model_walk(db, resolve_id(db, "leadership"), collect, &l,
	    &cause), 0, "walk leadership");
	tap_ok(l.n > 0 && strcmp(l.v[0].path, "leadership") == 0 &&
	    l.v[0].depth == 0, "walk: the root comes first, at depth 0");
	for (i = 1, tops = 0; i < l.n; i++)
		tops += l.v[i].depth < 1 ||
		    strncmp(l.v[i].path, "leadership/", 11) != 0;
	tap_is_int((long long)tops, 0, "walk: all else is under the root");
	for (i = 0, tops = 0; i < l.n; i++)
		tops += strcmp(l.v[i].kind, "statement") == 0;
	tap_is_int((long long)tops, 8, "walk: 8 statements in Leadership");
	seen_free(&l);
}

/* model_walk_upto(): the first nodes of the same walk, in the same order. */
static void
test_walk_upto(struct db *db)
{
	struct seen_list	 all = { NULL, 0, 0, 0 }, l = { NULL, 0, 0, 0 };
	char			*cause = NULL;
	size_t			 i, bad = 0;
	int64_t			 root = resolve_id(db, "leadership");

	tap_is_int(model_walk(db, root, collect, &all, &cause), 0,
	    "walk leadership, all of it");
	tap_is_int(model_walk_upto(db, root, 5, collect, &l, &cause), 0,
	    "walk leadership, 5 nodes");
	tap_is_int((long long)l.n, 5, "walk upto: 5 nodes");
	for (i = 0; i < l.n && i < all.n; i++)
		bad += l.v[i].id != all.v[i].id ||
		    l.v[i].depth != all.v[i].depth ||
		    l.v[i].nchildren != all.v[i].nchildren;
	tap_is_int((long long)bad, 0,
	    "walk upto: the first 5 of the walk, their counts of children too");
	seen_free(&l);

	tap_is_int(model_walk_upto(db, 0, 40, collect, &l, &cause), 0,
	    "walk all, 40 nodes");
	seen_free(&all);
	tap_is_int(model_walk(db, 0, collect, &all, &cause), 0, "walk all");
	tap_is_int((long long)l.n, 40, "walk upto all: 40 nodes");
	for (i = 0, bad = 0; i < l.n && i < all.n; i++)
		bad += l.v[i].id != all.v[i].id ||
		    l.v[i].depth != all.v[i].depth ||
		    l.v[i].nchildren != all.v[i].nchildren;
	tap_is_int((long long)bad, 0,
	    "walk upto all: the first 40 of it, their counts too");
	seen_free(&l);

	tap_is_int(model_walk_upto(db, root, all.n + 10, collect, &l, &cause),
	    0, "walk leadership, more than it has");
	seen_free(&all);
	tap_is_int(model_walk(db, root, collect, &all, &cause), 0,
	    "walk leadership again");
	tap_is_int((long long)l.n, (long long)all.n,
	    "walk upto past the end: all of it");
	seen_free(&l);
	seen_free(&all);
}

/* "Summary of strengths" of the Integration theme, as published. */
static const struct {
	enum block_kind	 kind;
	const char	*text;
} strengths[] = {
	{ BLOCK_ITEM, "There are many examples of integration and teams "
	    "working well together. For example:" },
	{ BLOCK_SUBITEM, "The pan-Dorset safeguarding decision-making "
	    "structures" },
	{ BLOCK_SUBITEM, "community-based integrated teams in primary care" },
	{ BLOCK_SUBITEM, "integration of place and health and wellbeing "
	    "boards." },
	{ BLOCK_ITEM, "Across the system, there was a clear focus on "
	    "developing relationships to enable system working." },
	{ BLOCK_ITEM, "The Dorset Care Record supports service integration "
	    "and information sharing." },
	{ BLOCK_ITEM, "ICB senior leaders managed the transition from "
	    "clinical commissioning group to ICB well, and there are "
	    "structures to engage relevant stakeholders." },
	{ BLOCK_ITEM, "The ICB has invested in creating the GP Alliance to "
	    "support ongoing GP involvement in decision-making." },
};

struct block_list {
	size_t	 n;
	int	 badkind, badtext, badlen;
};

static int
check_block(const struct block *b, void *arg)
{
	struct block_list	*l = arg;

	if (b->len != strlen(b->text))
		l->badlen++;
	if (l->n < NITEMS(strengths)) {
		l->badkind += b->kind != strengths[l->n].kind;
		l->badtext += strcmp(b->text, strengths[l->n].text) != 0;
	}
	l->n++;
	return 0;
}

static void
test_blocks(struct db *db)
{
	struct block_list	 l = { 0, 0, 0, 0 };
	char			*cause = NULL;
	int64_t			 id;

	id = resolve_id(db, "integration/summary-of-strengths");
	tap_is_int(model_blocks(db, id, check_block, &l, &cause), 0,
	    "blocks of Integration's strengths");
	tap_is_int((long long)l.n, (long long)NITEMS(strengths),
	    "blocks: 5 items and 3 subitems");
	tap_is_int(l.badkind, 0, "blocks: item and subitem kinds in order");
	tap_is_int(l.badtext, 0, "blocks: the report's words, in order");
	tap_is_int(l.badlen, 0, "blocks: len is the text's length");
	memset(&l, 0, sizeof l);
	tap_is_int(model_blocks(db, 999999, check_block, &l, &cause), 0,
	    "blocks of a missing node");
	tap_is_int((long long)l.n, 0, "... are none");
}

static void
test_meta(struct db *db)
{
	struct db	*bad;
	struct doc	*doc;
	int64_t		 n = -1;
	char		*v = NULL, *cause = NULL;

	tap_is_int(model_meta(db, "publisher", &v, &cause), 0,
	    "meta: publisher is read");
	tap_is_str(v, "Care Quality Commission", "meta: publisher");
	free(v);
	tap_is_int(model_meta(db, "no-such-key", &v, &cause), 0,
	    "meta: a missing key is not an error");
	tap_is_str(v, NULL, "meta: a missing key is NULL");
	tap_is_str(cause, NULL, "meta: ... and sets no cause");
	tap_is_int(model_count_roots(db, &n, &cause), 0, "count_roots: 0");
	tap_ok(n >= 5 && n < 20, "count_roots: the report's parts (%lld)",
	    (long long)n);
	{
		int64_t	 all = n, k;

		tap_is_int(model_count_roots_upto(db, 3, &k, &cause), 0,
		    "count_roots_upto: 0");
		tap_ok(k == 3, "count_roots_upto 3: 3 of %lld (%lld)",
		    (long long)all, (long long)k);
		tap_is_int(model_count_roots_upto(db, all + 5, &k, &cause), 0,
		    "count_roots_upto past them all: 0");
		tap_ok(k == all, "count_roots_upto past them all: all (%lld)",
		    (long long)k);
		tap_is_int(model_count_roots_upto(db, -1, &k, &cause), 0,
		    "count_roots_upto -1: 0");
		tap_ok(k == all, "count_roots_upto -1: all (%lld)",
		    (long long)k);
	}
	/* A database without the tables: an error, not "none". */
	bad = db_open(":memory:", DB_CREATE | DB_SCRATCH, &cause);
	tap_ok(bad != NULL && db_exec(bad, "DROP TABLE meta; DROP TABLE "
	    "search; DROP TABLE figures; DROP TABLE places; DROP TABLE "
	    "mentions; DROP TABLE blocks; DROP TABLE nodes", &cause) == 0,
	    "a database without its tables");
	v = (char *)"stale";
	tap_is_int(model_meta(bad, "title", &v, &cause), -1,
	    "meta: no table is an error");
	tap_ok(cause != NULL && strstr(cause, "no such table") != NULL,
	    "meta: ... that says why (%s)", cause ? cause : "none");
	tap_is_str(v, NULL, "meta: ... and gives no value");
	free(cause);
	cause = NULL;
	tap_is_int(model_count_roots(bad, &n, &cause), -1,
	    "count_roots: no table is an error");
	tap_ok(cause != NULL && n == 0, "count_roots: ... with a cause, n 0");
	free(cause);
	cause = NULL;
	/* doc_new() cannot fail: its error waits for doc_add_node(). */
	doc = doc_new(bad);
	tap_is_int(doc_add_node(doc, bad, 0, &cause), -1,
	    "doc: a document of a database without meta fails");
	tap_ok(cause != NULL && strstr(cause, "meta") != NULL,
	    "doc: ... saying so (%s)", cause ? cause : "none");
	doc_free(doc);
	free(cause);
	db_close(bad, NULL);
}

/* Each statement's slug is slug_make() of the report's words for it. */
static void
test_slug_paths(struct db *db)
{
	struct node	 n;
	char		*slug, *path, *cause = NULL;
	const char	*theme;
	size_t		 i;
	int		 bad = 0;

	for (i = 0; i < NITEMS(statements); i++) {
		/* 8 statements under Leadership, 3 Integration, 6 Q&S. */
		theme = i < 8 ? "leadership" : i < 11 ? "integration" :
		    "quality-and-safety";
		slug = slug_make(statements[i]);
		path = xasprintf("%s/%s", theme, slug);
		if (model_get(db, resolve_id(db, path), &n, &cause) != 0) {
			bad++;
			free(cause);
			cause = NULL;
		} else {
			bad += strcmp(n.title, statements[i]) != 0;
			node_clear(&n);
		}
		free(path);
		free(slug);
	}
	tap_is_int(bad, 0, "every statement is at THEME/slug_make(title)");
}

/* Do two documents hold the same elements, in the same order? */
static int
doc_same(const struct doc *a, const struct doc *b)
{
	size_t	 i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (a->els[i].kind != b->els[i].kind ||
		    a->els[i].level != b->els[i].level ||
		    a->els[i].node != b->els[i].node ||
		    strcmp(a->els[i].text, b->els[i].text) != 0 ||
		    (a->els[i].path == NULL) != (b->els[i].path == NULL) ||
		    (a->els[i].path != NULL &&
		    strcmp(a->els[i].path, b->els[i].path) != 0))
			return 0;
	return 1;
}

/* A section read in parts of every size is the section read at once. */
static void
test_doc_parts(struct db *db)
{
	static const char *const paths[] = { "leadership",
	    "quality-and-safety", "integration" };
	static const size_t steps[] = { 1, 2, 5, 64 };
	struct doc	*all, *part;
	char		*cause = NULL;
	size_t		 i, k, next, calls;
	int64_t		 id;
	int		 rc;

	for (i = 0; i < NITEMS(paths); i++) {
		id = resolve_id(db, paths[i]);
		all = doc_new(db);
		tap_ok(doc_add_node(all, db, id, &cause) == 0 && all->n > 1,
		    "doc: %s at once", paths[i]);
		for (k = 0; k < NITEMS(steps); k++) {
			part = doc_new(db);
			next = 0;
			calls = 0;
			do {
				rc = doc_add_part(part, db, id, next,
				    part->n + steps[k], &next, &cause);
				calls++;
			} while (rc == 0 && next != 0 && calls < 100000);
			tap_ok(rc == 0 && next == 0 && doc_same(all, part),
			    "doc: %s in parts of %zu elements: the same %zu "
			    "elements (%zu reads)", paths[i], steps[k],
			    all->n, calls);
			if (steps[k] == 1)
				tap_ok(calls > 1, "doc: ... read in more "
				    "than one part");
			doc_free(part);
		}
		doc_free(all);
	}
	/* From past the end: nothing more, and done. */
	part = doc_new(db);
	rc = doc_add_part(part, db, resolve_id(db, "leadership"), 100000, 0,
	    &next, &cause);
	tap_ok(rc == 0 && part->n == 0 && next == 0,
	    "doc: a part from past the last node is empty and done");
	doc_free(part);
	free(cause);
}

int
main(void)
{
	struct db	*db;
	char		*cause = NULL;

	test_slugs();
	if ((db = open_db()) == NULL)
		return tap_done();
	test_resolve(db);
	test_resolve_long(db);
	test_get(db);
	test_children(db);
	test_walk(db);
	test_walk_upto(db);
	test_blocks(db);
	test_meta(db);
	test_slug_paths(db);
	test_doc_parts(db);
	if (db_close(db, &cause) != 0)
		free(cause);
	return tap_done();
}
