/*
 * test_model_walk.c: unit tests for the walks of core/model.h, down the
 * tree (model_walk(), model_walk_upto()) and up it (model_ancestor()),
 * on trees of any shape.
 *
 * test_model.c walks the report, whose ids are in report order; here
 * small databases in memory are built whose ids are not (a child before
 * its parent, siblings in any order), and the walk must still be in
 * report order: parents first, siblings by id.  Then the first nodes of
 * it at every limit, a callback that stops it, one that walks again
 * inside it, a chain at the depth limit and one past it, and a cycle of
 * parents (only a damaged database has one): one error, never a hang.
 * model_ancestor() finds the nearest of a kind, and ends in a cycle.
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
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

/*
 * The tree, as id:parent (0: at the top).  In report order (parents
 * first, siblings by id) it is 7 3 50 9 4 2 80 55 60 1 300.
 */
static const int64_t tree[][2] = {
	{ 50, 0 }, { 60, 50 }, { 9, 50 }, { 55, 50 }, { 4, 9 }, { 80, 9 },
	{ 2, 4 }, { 1, 60 }, { 7, 0 }, { 3, 7 }, { 300, 0 },
};

struct walk_case {
	int64_t		 root;
	size_t		 limit;
	const char	*want;		/* id:depth of each node given */
};

static const struct walk_case walk_cases[] = {
	{ 0, 0, "7:0 3:1 50:0 9:1 4:2 2:3 80:2 55:1 60:1 1:2 300:0" },
	{ 50, 0, "50:0 9:1 4:2 2:3 80:2 55:1 60:1 1:2" },
	{ 9, 0, "9:0 4:1 2:2 80:1" },
	{ 300, 0, "300:0" },
	{ 2, 0, "2:0" },
	{ 999, 0, "" },
	{ 0, 1, "7:0" },
	{ 0, 4, "7:0 3:1 50:0 9:1" },
	{ 0, 11, "7:0 3:1 50:0 9:1 4:2 2:3 80:2 55:1 60:1 1:2 300:0" },
	{ 0, 100, "7:0 3:1 50:0 9:1 4:2 2:3 80:2 55:1 60:1 1:2 300:0" },
	{ 50, 3, "50:0 9:1 4:2" },
	{ 50, 5, "50:0 9:1 4:2 2:3 80:2" },
	{ 9, 1, "9:0" },
};

/* What a walk gave: id:depth of each node; and when to stop. */
struct walked {
	struct strbuf	 sb;
	size_t		 n;
	size_t		 stop_after;	/* return 7 after so many; 0: never */
	struct db	*db;		/* if set, walk each node's subtree */
	size_t		 inner;		/* nodes those walks gave */
	int		 bad;		/* a node without its strings */
	int		 counts;	/* check nchildren against tree[] */
};

/* The children tree[] gives id. */
static int
children_of(int64_t id)
{
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < NITEMS(tree); i++)
		n += tree[i][1] == id;
	return n;
}

static int
on_node(const struct node *n, void *arg)
{
	struct walked	*w = arg;
	struct walked	 in;
	char		*cause = NULL;

	if (w->sb.len > 0)
		strbuf_addc(&w->sb, ' ');
	strbuf_addf(&w->sb, "%lld:%d", (long long)n->id, n->depth);
	if (n->path == NULL || n->title == NULL || n->kind == NULL)
		w->bad++;
	if (w->counts && n->nchildren != children_of(n->id))
		w->bad++;
	w->n++;
	if (w->db != NULL) {
		memset(&in, 0, sizeof in);
		if (model_walk(w->db, n->id, on_node, &in, &cause) != 0)
			w->bad++;
		w->inner += in.n;
		strbuf_free(&in.sb);
		free(cause);
	}
	return w->stop_after != 0 && w->n >= w->stop_after ? 7 : 0;
}

/* A database in memory with the schema and no rows. */
static struct db *
empty_db(void)
{
	struct db	*db;
	char		*cause = NULL;

	db = db_open(":memory:", DB_CREATE, &cause);
	if (!tap_ok(db != NULL, "a database in memory"))
		printf("# %s\n", cause != NULL ? cause : "(no cause)");
	free(cause);
	return db;
}

static void
insert_node(struct db *db, int64_t id, int64_t parent)
{
	char	 up[32], *sql, *cause = NULL;

	if (parent == 0)
		snprintf(up, sizeof up, "NULL");
	else
		snprintf(up, sizeof up, "%lld", (long long)parent);
	sql = xasprintf("INSERT INTO nodes (id, parent, kind, slug, title, "
	    "heading, path) VALUES (%lld, %s, 'section', 'n%lld', "
	    "'Node %lld', '', 'p%lld')", (long long)id, up, (long long)id,
	    (long long)id, (long long)id);
	if (db_exec(db, sql, &cause) != 0)
		tap_ok(0, "insert node %lld: %s", (long long)id, cause);
	free(cause);
	free(sql);
}

static void
test_order(struct db *db)
{
	const struct walk_case	*c;
	struct walked		 w;
	char			*cause = NULL;
	size_t			 i;
	int			 rc;

	for (i = 0; i < NITEMS(walk_cases); i++) {
		c = &walk_cases[i];
		memset(&w, 0, sizeof w);
		w.counts = 1;
		rc = model_walk_upto(db, c->root, c->limit, on_node, &w,
		    &cause);
		tap_ok(rc == 0 && w.bad == 0 && strcmp(strbuf_str(&w.sb),
		    c->want) == 0, "walk from %lld, limit %zu: %s (got %d: %s)",
		    (long long)c->root, c->limit, c->want, rc,
		    strbuf_str(&w.sb));
		strbuf_free(&w.sb);
	}
	free(cause);
}

/*
 * A limit that ends the walk among a node's children's children: a node
 * given is given whole, its count of children too, though the walk read
 * only the first of them.  Node 10's children are 11, a leaf, and 12,
 * with two; three nodes read 11 and 12 with the first of 12's only.
 */
static int
on_cut(const struct node *n, void *arg)
{
	struct strbuf	*sb = arg;

	strbuf_addf(sb, "%s%lld:%d", sb->len > 0 ? " " : "",
	    (long long)n->id, n->nchildren);
	return 0;
}

static void
test_cut(void)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct db	*db;
	char		*cause = NULL;
	int		 rc;

	if ((db = empty_db()) == NULL)
		return;
	insert_node(db, 10, 0);
	insert_node(db, 11, 10);
	insert_node(db, 12, 10);
	insert_node(db, 13, 12);
	insert_node(db, 14, 12);
	rc = model_walk_upto(db, 10, 3, on_cut, &sb, &cause);
	tap_ok(rc == 0 && strcmp(strbuf_str(&sb), "10:2 11:0 12:2") == 0,
	    "the last of 3 nodes given has its two children counted, though "
	    "the walk read one (%d: %s)", rc, strbuf_str(&sb));
	strbuf_free(&sb);
	free(cause);
	db_close(db, NULL);
}

/* A callback that stops the walk, and one that walks again inside it. */
static void
test_callbacks(struct db *db)
{
	struct walked	 w;
	char		*cause = NULL;
	int		 rc;

	memset(&w, 0, sizeof w);
	w.stop_after = 4;
	rc = model_walk(db, 0, on_node, &w, &cause);
	tap_ok(rc == 7 && strcmp(strbuf_str(&w.sb), "7:0 3:1 50:0 9:1") == 0,
	    "a callback's non-zero stops the walk, which returns it (%d: %s)",
	    rc, strbuf_str(&w.sb));
	strbuf_free(&w.sb);

	/* Each node's subtree walked from its callback: 11 walks, 24 nodes. */
	memset(&w, 0, sizeof w);
	w.db = db;
	rc = model_walk(db, 0, on_node, &w, &cause);
	tap_ok(rc == 0 && w.bad == 0 && w.n == 11 && w.inner == 24,
	    "a walk inside the callback of a walk: %zu nodes, %zu inside",
	    w.n, w.inner);
	strbuf_free(&w.sb);
	free(cause);
}

/* A chain of n nodes, ids from 1000, at the top. */
static struct db *
chain_db(int n)
{
	struct db	*db = empty_db();
	int		 i;

	for (i = 0; db != NULL && i < n; i++)
		insert_node(db, 1000 + i, i == 0 ? 0 : 1000 + i - 1);
	return db;
}

static void
test_depth(void)
{
	struct walked	 w;
	struct db	*db;
	char		*cause = NULL;
	int		 rc;

	if ((db = chain_db(MODEL_DEPTH_MAX)) == NULL)
		return;
	memset(&w, 0, sizeof w);
	rc = model_walk(db, 0, on_node, &w, &cause);
	tap_ok(rc == 0 && w.n == MODEL_DEPTH_MAX && cause == NULL,
	    "a chain at the limit: all %zu nodes", w.n);
	strbuf_free(&w.sb);
	insert_node(db, 1000 + MODEL_DEPTH_MAX, 1000 + MODEL_DEPTH_MAX - 1);
	memset(&w, 0, sizeof w);
	rc = model_walk(db, 0, on_node, &w, &cause);
	tap_ok(rc == -1 && w.n == MODEL_DEPTH_MAX && cause != NULL &&
	    strstr(cause, "node 1256 is deeper than 256 levels") != NULL,
	    "one past it: the nodes above it, then why (%s)",
	    cause != NULL ? cause : "no cause");
	free(cause);
	cause = NULL;
	strbuf_free(&w.sb);
	memset(&w, 0, sizeof w);
	rc = model_walk_upto(db, 0, 10, on_node, &w, &cause);
	tap_ok(rc == 0 && w.n == 10, "... its first 10 nodes: no error");
	strbuf_free(&w.sb);
	db_close(db, NULL);
}

struct ancestor_case {
	int64_t		 id;
	const char	*kind;
	int64_t		 want;
};

/* Nodes 50 and 9 are themes (below): 9 is under 50. */
static const struct ancestor_case ancestor_cases[] = {
	{ 2, "theme", 9 }, { 80, "theme", 9 }, { 9, "theme", 9 },
	{ 1, "theme", 50 }, { 55, "theme", 50 }, { 50, "theme", 50 },
	{ 3, "theme", 0 }, { 300, "theme", 0 }, { 2, "section", 2 },
	{ 2, "place", 0 }, { 999, "theme", 0 },
};

static void
test_ancestor(struct db *db)
{
	const struct ancestor_case	*c;
	char				*cause = NULL;
	int64_t				 got;
	size_t				 i;
	int				 rc;

	for (i = 0; i < NITEMS(ancestor_cases); i++) {
		c = &ancestor_cases[i];
		got = -1;
		rc = model_ancestor(db, c->id, c->kind, &got, &cause);
		tap_ok(rc == 0 && got == c->want, "the nearest %s of %lld: "
		    "%lld (got %d, %lld)", c->kind, (long long)c->id,
		    (long long)c->want, rc, (long long)got);
	}
	free(cause);
}

/* A cycle of parents, behind the importer's back: one error, no hang. */
static void
test_cycle(struct db *db)
{
	struct walked	 w;
	char		*cause = NULL;
	int64_t		 id = -1;
	int		 rc;

	if (db_exec(db, "UPDATE nodes SET parent = 2 WHERE id = 9",
	    &cause) != 0)
		tap_ok(0, "make a cycle: %s", cause);
	free(cause);
	cause = NULL;
	memset(&w, 0, sizeof w);
	rc = model_walk(db, 9, on_node, &w, &cause);
	tap_ok(rc == -1 && w.n == MODEL_DEPTH_MAX && cause != NULL &&
	    strstr(cause, "the database is damaged") != NULL,
	    "a walk into a cycle: %zu nodes, then why (%s)", w.n,
	    cause != NULL ? cause : "no cause");
	strbuf_free(&w.sb);
	free(cause);
	cause = NULL;
	/* From the top, the cycle cannot be reached: the rest of the tree. */
	memset(&w, 0, sizeof w);
	rc = model_walk(db, 0, on_node, &w, &cause);
	tap_ok(rc == 0 && strcmp(strbuf_str(&w.sb),
	    "7:0 3:1 50:0 55:1 60:1 1:2 300:0") == 0,
	    "the whole walk, the cycle left out (%s)", strbuf_str(&w.sb));
	strbuf_free(&w.sb);
	free(cause);
	cause = NULL;
	/* Up the cycle: none of a kind it does not have, and no hang. */
	rc = model_ancestor(db, 4, "place", &id, &cause);
	tap_ok(rc == 0 && id == 0, "the nearest place above a cycle: none");
	rc = model_ancestor(db, 4, "theme", &id, &cause);
	tap_ok(rc == 0 && id == 9, "the nearest theme in a cycle: 9");
	free(cause);
}

int
main(void)
{
	struct db	*db;
	char		*cause = NULL;
	size_t		 i;

	if ((db = empty_db()) == NULL)
		return tap_done();
	for (i = 0; i < NITEMS(tree); i++)
		insert_node(db, tree[i][0], tree[i][1]);
	test_order(db);
	test_callbacks(db);
	if (db_exec(db, "UPDATE nodes SET kind = 'theme' WHERE id IN (50, 9)",
	    &cause) != 0)
		tap_ok(0, "make two themes: %s", cause);
	test_ancestor(db);
	test_cycle(db);
	free(cause);
	db_close(db, NULL);
	test_depth();
	test_cut();
	return tap_done();
}
