/*
 * import_tree.c: the tree of an import's nodes, in C as the rows arrive
 * (see import_tree.h).
 *
 * The nodes are kept in the order given, with a table from id to node.
 * A node is reached when it is a top-level node, or its parent is
 * reached, no deeper than MODEL_DEPTH_MAX and its path no longer than
 * IMPORT_PATH_MAX: the walk of the paths goes one level past each limit,
 * to name the node past it, and no further.  Nodes reached have a path
 * number, the same for the same path: a path is its parent's path and a
 * slug, so a table of (parent's path number, slug) numbers them, and a
 * number given twice is a path twice.  A node whose parent has not come
 * waits; the check settles the waiting ones, walking up each chain once:
 * a walk that comes back to itself is a cycle, and what hangs from it is
 * never reached.
 */
#include "config.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/import_tree.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"

#define NONE		UINT32_MAX

enum tree_state {
	TREE_WAITING,		/* its parent is not in yet */
	TREE_REACHED,		/* under a top-level node, within the limits */
	TREE_CUT		/* past a limit, on a cycle or under one */
};

struct tree_node {
	uint32_t	 id;
	uint32_t	 parent;	/* the id; 0 for a top-level node */
	uint32_t	 link;		/* 0: none */
	uint32_t	 up;		/* the parent's index, once known */
	uint32_t	 pathid;	/* reached: its path's number */
	uint32_t	 len;		/* reached: its path's bytes */
	uint32_t	 slen;
	uint32_t	 stamp;		/* the last walk up that came here */
	uint16_t	 depth;		/* reached: 0 for a top-level node */
	uint8_t		 state;
	uint8_t		 written;	/* its path went in with its row */
	size_t		 slug;		/* in slugs */
	unsigned long	 line;
};

/* A path: the parent's path and the slug of the first node with it. */
struct tree_path {
	uint32_t	 parent;	/* its number, or NONE at the top */
	uint32_t	 node;
	uint32_t	 count;		/* nodes with it */
	unsigned long	 last;		/* the latest of their lines */
};

struct import_tree {
	struct tree_node	*nodes;
	size_t			 n;
	size_t			 cap;
	struct strbuf		 slugs;
	uint32_t		*ids;		/* index + 1 by id, 0 empty; */
	int			 only_ids;	/* or the ids themselves */
	size_t			 nids;		/* slots, a power of 2 */
	struct tree_path	*paths;
	size_t			 npaths;
	size_t			 apaths;
	uint32_t		*pslots;	/* index + 1 by path, 0 empty */
	size_t			 npslots;
	uint32_t		 stamp;
	uint32_t		*walk;		/* a chain being settled */
	size_t			 awalk;
	uint32_t		 chain[MODEL_DEPTH_MAX + 1];
	char			*path;		/* the path last made */
	size_t			 plen;
	size_t			 pcap;
	uint32_t		 cur[MODEL_DEPTH_MAX + 1]; /* its nodes */
	size_t			 curlen[MODEL_DEPTH_MAX + 1]; /* their ends */
	size_t			 ncur;
};

struct import_tree *
import_tree_new(void)
{
	struct import_tree	*t;

	t = xcalloc(1, sizeof *t);
	strbuf_init(&t->slugs);
	return t;
}

void
import_tree_free(struct import_tree *t)
{
	if (t == NULL)
		return;
	free(t->nodes);
	strbuf_free(&t->slugs);
	free(t->ids);
	free(t->paths);
	free(t->pslots);
	free(t->walk);
	free(t->path);
	free(t);
}

static size_t
tree_hash_id(uint32_t id, size_t nslots)
{
	return (size_t)((id * UINT32_C(2654435761)) & (nslots - 1));
}

/* The node with id, or NONE. */
static uint32_t
tree_find(const struct import_tree *t, uint32_t id)
{
	size_t	 h;

	if (t->nids == 0)
		return NONE;
	for (h = tree_hash_id(id, t->nids); t->ids[h] != 0;
	    h = (h + 1) & (t->nids - 1))
		if (t->nodes[t->ids[h] - 1].id == id)
			return t->ids[h] - 1;
	return NONE;
}

void
import_tree_keep_ids(struct import_tree *t)
{
	size_t	 h;

	if (t->only_ids)
		return;
	for (h = 0; h < t->nids; h++)
		if (t->ids[h] != 0)
			t->ids[h] = t->nodes[t->ids[h] - 1].id;
	t->only_ids = 1;
	free(t->nodes);
	t->nodes = NULL;
	t->n = t->cap = 0;
	strbuf_free(&t->slugs);
	free(t->paths);
	t->paths = NULL;
	t->npaths = t->apaths = 0;
	free(t->pslots);
	t->pslots = NULL;
	t->npslots = 0;
	free(t->walk);
	t->walk = NULL;
	t->awalk = 0;
	free(t->path);
	t->path = NULL;
	t->plen = t->pcap = 0;
}

int
import_tree_has(const struct import_tree *t, long long id)
{
	size_t	 h;

	if (id < 1 || id > INT32_MAX)
		return 0;
	if (!t->only_ids)
		return tree_find(t, (uint32_t)id) != NONE;
	if (t->nids == 0)
		return 0;
	/* The same slots as tree_find()'s, holding the ids. */
	for (h = tree_hash_id((uint32_t)id, t->nids); t->ids[h] != 0;
	    h = (h + 1) & (t->nids - 1))
		if (t->ids[h] == (uint32_t)id)
			return 1;
	return 0;
}

static void
tree_put_slot(uint32_t *slots, size_t nslots, uint32_t id, uint32_t i)
{
	size_t	 h;

	for (h = tree_hash_id(id, nslots); slots[h] != 0;
	    h = (h + 1) & (nslots - 1))
		;
	slots[h] = i + 1;
}

/* Enter node i by its id, the table at most half full. */
static void
tree_put(struct import_tree *t, uint32_t i)
{
	uint32_t	*old = t->ids;
	size_t		 k, nold = t->nids;

	if (2 * (t->n + 1) > t->nids) {
		t->nids = t->nids ? t->nids * 2 : 256;
		t->ids = xcalloc(t->nids, sizeof *t->ids);
		for (k = 0; k < nold; k++)
			if (old[k] != 0)
				tree_put_slot(t->ids, t->nids,
				    t->nodes[old[k] - 1].id, old[k] - 1);
		free(old);
	}
	tree_put_slot(t->ids, t->nids, t->nodes[i].id, i);
}

static const char *
tree_slug(const struct import_tree *t, const struct tree_node *n)
{
	return strbuf_str(&t->slugs) + n->slug;
}

static size_t
tree_hash_path(uint32_t parent, const char *s, size_t len, size_t nslots)
{
	uint32_t	 h = 2166136261u ^ parent;
	size_t		 i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return (size_t)(h & (nslots - 1));
}

/* Where the path (parent, slug of node) is or goes in pslots. */
static size_t
tree_path_slot(const struct import_tree *t, const uint32_t *slots,
    size_t nslots, uint32_t parent, const struct tree_node *n)
{
	const struct tree_path	*p;
	const struct tree_node	*m;
	size_t			 h;

	for (h = tree_hash_path(parent, tree_slug(t, n), n->slen, nslots);
	    slots[h] != 0; h = (h + 1) & (nslots - 1)) {
		p = &t->paths[slots[h] - 1];
		m = &t->nodes[p->node];
		if (p->parent == parent && m->slen == n->slen &&
		    memcmp(tree_slug(t, m), tree_slug(t, n), n->slen) == 0)
			break;
	}
	return h;
}

static void
tree_grow_paths(struct import_tree *t)
{
	uint32_t		*old = t->pslots;
	const struct tree_path	*p;
	size_t			 k, nold = t->npslots;

	t->npslots = t->npslots ? t->npslots * 2 : 256;
	t->pslots = xcalloc(t->npslots, sizeof *t->pslots);
	for (k = 0; k < nold; k++) {
		if (old[k] == 0)
			continue;
		p = &t->paths[old[k] - 1];
		t->pslots[tree_path_slot(t, t->pslots, t->npslots, p->parent,
		    &t->nodes[p->node])] = old[k];
	}
	free(old);
}

/* The number of node i's path, its parent's being parent. */
static uint32_t
tree_intern(struct import_tree *t, uint32_t parent, uint32_t i)
{
	struct tree_node	*n = &t->nodes[i];
	struct tree_path	*p;
	size_t			 h;

	if (2 * (t->npaths + 1) > t->npslots)
		tree_grow_paths(t);
	h = tree_path_slot(t, t->pslots, t->npslots, parent, n);
	if (t->pslots[h] == 0) {
		if (t->npaths == t->apaths) {
			t->apaths = t->apaths ? t->apaths * 2 : 256;
			t->paths = xreallocarray(t->paths, t->apaths,
			    sizeof *t->paths);
		}
		p = &t->paths[t->npaths];
		p->parent = parent;
		p->node = i;
		p->count = 0;
		p->last = 0;
		t->pslots[h] = (uint32_t)++t->npaths;
	}
	p = &t->paths[t->pslots[h] - 1];
	p->count++;
	if (n->line > p->last)
		p->last = n->line;
	return t->pslots[h] - 1;
}

/* Settle node i from its parent, which is settled (or none). */
static void
tree_reach(struct import_tree *t, uint32_t i)
{
	struct tree_node	*n = &t->nodes[i];
	const struct tree_node	*p;

	if (n->parent == 0) {
		n->state = TREE_REACHED;
		n->depth = 0;
		n->len = n->slen;
		n->pathid = tree_intern(t, NONE, i);
		return;
	}
	p = &t->nodes[n->up];
	assert(p->state != TREE_WAITING);
	if (p->state != TREE_REACHED || p->len > IMPORT_PATH_MAX ||
	    p->depth >= MODEL_DEPTH_MAX) {
		n->state = TREE_CUT;
		return;
	}
	n->state = TREE_REACHED;
	n->depth = (uint16_t)(p->depth + 1);
	n->len = p->len + 1 + n->slen;
	n->pathid = tree_intern(t, p->pathid, i);
}

/*
 * The path so far cut to at bytes, then '/' and the slug of n; top: the
 * slug alone.
 */
static void
tree_path_put(struct import_tree *t, size_t at, const struct tree_node *n,
    int top)
{
	size_t	 need;

	if (top)
		at = 0;
	need = at + 2 + n->slen;
	if (need > t->pcap) {
		t->pcap = need > 128 ? 2 * need : 256;
		t->path = xreallocarray(t->path, t->pcap, 1);
	}
	t->plen = at;
	if (!top)
		t->path[t->plen++] = '/';
	memcpy(t->path + t->plen, tree_slug(t, n), n->slen);
	t->plen += n->slen;
	t->path[t->plen] = '\0';
}

/*
 * Make the path of node i, reached, in t->path.  Most often the path
 * before was of its parent or of a node beside or under it (parents
 * first, in the order of the tree): then its parent's is a prefix of it.
 */
static void
tree_path(struct import_tree *t, uint32_t i)
{
	const struct tree_node	*n = &t->nodes[i];
	size_t			 k = 0, d = n->depth;
	uint32_t		 x;

	if (n->parent != 0 && d <= t->ncur && t->cur[d - 1] == n->up) {
		tree_path_put(t, t->curlen[d - 1], n, 0);
		t->cur[d] = i;
		t->curlen[d] = t->plen;
		t->ncur = d + 1;
		return;
	}
	for (x = i;; x = t->nodes[x].up) {
		assert(k <= MODEL_DEPTH_MAX);
		t->chain[k++] = x;
		if (t->nodes[x].parent == 0)
			break;
	}
	for (d = 0; k > 0; d++) {
		x = t->chain[--k];
		tree_path_put(t, t->plen, &t->nodes[x], d == 0);
		t->cur[d] = x;
		t->curlen[d] = t->plen;
	}
	t->ncur = d;
}

const char *
import_tree_add(struct import_tree *t, long long id, long long parent,
    long long link, const char *slug, size_t slen, unsigned long line,
    size_t *len)
{
	struct tree_node	*n;
	uint32_t		 i;

	assert(id > 0 && id <= INT32_MAX && parent >= 0 &&
	    parent <= INT32_MAX && link >= 0 && link <= INT32_MAX);
	/* A second row of an id: its insert fails, it does not count. */
	if (tree_find(t, (uint32_t)id) != NONE || t->n >= NONE - 1)
		return NULL;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->nodes = xreallocarray(t->nodes, t->cap, sizeof *t->nodes);
	}
	i = (uint32_t)t->n++;
	n = &t->nodes[i];
	memset(n, 0, sizeof *n);
	n->id = (uint32_t)id;
	n->parent = (uint32_t)parent;
	n->link = (uint32_t)link;
	n->line = line;
	n->slug = t->slugs.len;
	n->slen = (uint32_t)slen;
	strbuf_add(&t->slugs, slug, slen);
	n->up = parent != 0 ? tree_find(t, (uint32_t)parent) : NONE;
	tree_put(t, i);
	n->state = TREE_WAITING;
	if (parent == 0 || (n->up != NONE &&
	    t->nodes[n->up].state != TREE_WAITING))
		tree_reach(t, i);
	/* Past a limit the import fails: no need of the path. */
	if (n->state != TREE_REACHED || n->depth >= MODEL_DEPTH_MAX ||
	    n->len > IMPORT_PATH_MAX || t->paths[n->pathid].count > 1)
		return NULL;
	n->written = 1;
	tree_path(t, i);
	*len = t->plen;
	return t->path;
}

/* Settle waiting node i and the waiting nodes above it, walking up once. */
static void
tree_settle(struct import_tree *t, uint32_t i)
{
	size_t		 k = 0;
	uint32_t	 x;
	int		 cycle;

	t->stamp++;
	for (x = i; t->nodes[x].state == TREE_WAITING &&
	    t->nodes[x].stamp != t->stamp; x = t->nodes[x].up) {
		if (k == t->awalk) {
			t->awalk = t->awalk ? t->awalk * 2 : 256;
			t->walk = xreallocarray(t->walk, t->awalk,
			    sizeof *t->walk);
		}
		t->nodes[x].stamp = t->stamp;
		t->walk[k++] = x;
		assert(t->nodes[x].up != NONE);	/* parents checked first */
	}
	/* Back on this walk: a cycle, and nothing on it is reached. */
	cycle = t->nodes[x].state == TREE_WAITING;
	while (k > 0) {
		x = t->walk[--k];
		if (cycle)
			t->nodes[x].state = TREE_CUT;
		else
			tree_reach(t, x);
	}
}

/* Whether node i comes before best (NONE: none yet) in the file. */
static int
tree_first(const struct import_tree *t, uint32_t best, uint32_t i)
{
	return best == NONE || t->nodes[i].line < t->nodes[best].line;
}

/*
 * Link the nodes to their parents; the first whose parent ('p') or link
 * ('l') does not exist, or NONE.
 */
static uint32_t
tree_dangling(struct import_tree *t, int which)
{
	struct tree_node	*n;
	uint32_t		 i, best = NONE;

	for (i = 0; i < t->n; i++) {
		n = &t->nodes[i];
		if (which == 'p' && n->parent != 0 && n->up == NONE &&
		    (n->up = tree_find(t, n->parent)) == NONE &&
		    tree_first(t, best, i))
			best = i;
		if (which == 'l' && n->link != 0 &&
		    tree_find(t, n->link) == NONE && tree_first(t, best, i))
			best = i;
	}
	return best;
}

/* The first node reached past a limit, which: 'd' depth, 'l' length. */
static uint32_t
tree_past(const struct import_tree *t, int which)
{
	const struct tree_node	*n;
	uint32_t		 i, best = NONE;

	for (i = 0; i < t->n; i++) {
		n = &t->nodes[i];
		if (n->state == TREE_REACHED && (which == 'd' ?
		    n->depth >= MODEL_DEPTH_MAX : n->len > IMPORT_PATH_MAX) &&
		    tree_first(t, best, i))
			best = i;
	}
	return best;
}

/*
 * The first node not reached is on a cycle of parents or under one (the
 * limits are checked first): walk up from it until the walk comes back,
 * then name the node of the cycle listed first.  NONE if all are reached.
 */
static uint32_t
tree_cycle(struct import_tree *t)
{
	uint32_t	 i, x, best = NONE;

	for (i = 0; i < t->n; i++)
		if (t->nodes[i].state != TREE_REACHED && tree_first(t, best, i))
			best = i;
	if (best == NONE)
		return NONE;
	t->stamp++;
	for (x = best; t->nodes[x].stamp != t->stamp; x = t->nodes[x].up) {
		assert(t->nodes[x].up != NONE);
		t->nodes[x].stamp = t->stamp;
	}
	best = x;
	for (i = t->nodes[x].up; i != x; i = t->nodes[i].up)
		if (tree_first(t, best, i))
			best = i;
	return best;
}

/* The path given twice whose later node comes first, or NONE. */
static uint32_t
tree_twice(const struct import_tree *t)
{
	const struct tree_path	*p;
	uint32_t		 k, best = NONE;

	for (k = 0; k < t->npaths; k++) {
		p = &t->paths[k];
		if (p->count > 1 && (best == NONE || p->last <
		    t->paths[best].last))
			best = k;
	}
	return best;
}

static int
tree_fail(char **cause, const char *where, const struct tree_node *n,
    const char *what)
{
	*cause = xasprintf("%s:%lu: node %lu %s", where, n->line,
	    (unsigned long)n->id, what);
	return -1;
}

#define STR(x)		#x
#define XSTR(x)		STR(x)

int
import_tree_check(struct import_tree *t, const char *where, char **cause)
{
	uint32_t	 i;

	if (t->n == 0) {
		*cause = xasprintf("%s: no rows: a dataset needs at least one "
		    "node", where);
		return -1;
	}
	if ((i = tree_dangling(t, 'p')) != NONE) {
		*cause = xasprintf("%s:%lu: parent %lu does not exist", where,
		    t->nodes[i].line, (unsigned long)t->nodes[i].parent);
		return -1;
	}
	if ((i = tree_dangling(t, 'l')) != NONE) {
		*cause = xasprintf("%s:%lu: link %lu does not exist", where,
		    t->nodes[i].line, (unsigned long)t->nodes[i].link);
		return -1;
	}
	for (i = 0; i < t->n; i++)
		if (t->nodes[i].state == TREE_WAITING)
			tree_settle(t, i);
	if ((i = tree_past(t, 'd')) != NONE)
		return tree_fail(cause, where, &t->nodes[i], "is deeper than "
		    "the limit of " XSTR(MODEL_DEPTH_MAX) " levels");
	if ((i = tree_past(t, 'l')) != NONE) {
		*cause = xasprintf("%s:%lu: the path of node %lu is longer "
		    "than the limit of " XSTR(IMPORT_PATH_MAX) " bytes", where,
		    t->nodes[i].line, (unsigned long)t->nodes[i].id);
		return -1;
	}
	if ((i = tree_cycle(t)) != NONE)
		return tree_fail(cause, where, &t->nodes[i], "is its own "
		    "ancestor (a cycle of parents)");
	if ((i = tree_twice(t)) != NONE) {
		tree_path(t, t->paths[i].node);
		*cause = xasprintf("%s:%lu: path '%.60s' is not unique: two "
		    "nodes with the same parent have the same slug", where,
		    t->paths[i].last, t->path);
		return -1;
	}
	return 0;
}

int
import_tree_late(struct import_tree *t, size_t *cursor, long long *id,
    const char **path, size_t *len)
{
	uint32_t	 i;

	for (; *cursor < t->n; (*cursor)++) {
		i = (uint32_t)*cursor;
		if (t->nodes[i].written)
			continue;
		assert(t->nodes[i].state == TREE_REACHED);
		tree_path(t, i);
		*id = t->nodes[i].id;
		*path = t->path;
		*len = t->plen;
		(*cursor)++;
		return 1;
	}
	return 0;
}

int
import_tree_write(struct import_tree *t, struct db *db, char **cause)
{
	sqlite3_stmt	*st = NULL;
	const char	*path;
	long long	 id;
	size_t		 len, cursor = 0;
	int		 rc = 0;

	while (rc == 0 && import_tree_late(t, &cursor, &id, &path, &len)) {
		if (st == NULL && (rc = db_stmt(db, "UPDATE nodes SET path = "
		    "?2 WHERE id = ?1", &st, cause)) != 0)
			break;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, path, (int)len, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			*cause = db_cause(db, "cannot build the database");
			rc = -1;
		}
	}
	db_release(db, st);
	return rc;
}
