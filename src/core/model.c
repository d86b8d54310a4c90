/*
 * model.c: the tree of the report, read from the database.
 *
 * The tree lives in the nodes table (parent links, report order by id)
 * with each node's full path stored by the importer, so that a path is
 * found with one indexed lookup and the tree is walked with a query every
 * two levels (model_walk_upto()).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"

/* A node's columns, of the table named a; then its count of children. */
#define NODE_FIELDS(a) \
	a ".id, ifnull(" a ".parent, 0), ifnull(" a ".link, 0), " a ".kind, " \
	a ".slug, " a ".title, " a ".heading, " a ".path, ifnull(" a \
	".source, '')"
#define NODE_COUNT(a) \
	"(SELECT count(*) FROM nodes k WHERE k.parent = " a ".id)"
#define NODE_NFIELDS	9
#define NODE_COLUMNS	NODE_FIELDS("n") ", " NODE_COUNT("n")

/* How many candidates an ambiguous path lists before "and N more". */
#define RESOLVE_SHOW	8

void
node_clear(struct node *n)
{
	free(n->kind);		/* and the other texts, in the same block */
	memset(n, 0, sizeof *n);
}

static char *
model_text(sqlite3_stmt *st, int col)
{
	const unsigned char	*s;

	s = sqlite3_column_text(st, col);
	return xstrdup(s != NULL ? (const char *)s : "");
}

/*
 * Fill n but its count of children from a row whose columns from at are
 * NODE_FIELDS.  The six texts are copied into one block: a walk reads a
 * row a node, and a copy a text was six allocations, and six frees, a
 * node.
 */
static void
model_row_at(sqlite3_stmt *st, int at, struct node *n)
{
	char			**to[6] = { &n->kind, &n->slug, &n->title,
				    &n->heading, &n->path, &n->source };
	const unsigned char	*s[6];
	size_t			 len[6], total = 0, i;
	char			*p;

	n->id = sqlite3_column_int64(st, at);
	n->parent = sqlite3_column_int64(st, at + 1);
	n->link = sqlite3_column_int64(st, at + 2);
	for (i = 0; i < 6; i++) {
		s[i] = sqlite3_column_text(st, at + 3 + (int)i);
		len[i] = s[i] != NULL ? strlen((const char *)s[i]) : 0;
		total += len[i] + 1;
	}
	p = xmalloc(total);
	for (i = 0; i < 6; i++) {
		*to[i] = p;
		if (len[i] > 0)
			memcpy(p, s[i], len[i]);
		p[len[i]] = '\0';
		p += len[i] + 1;
	}
}

/* Fill n from a row of NODE_COLUMNS. */
static void
model_row(sqlite3_stmt *st, struct node *n)
{
	model_row_at(st, 0, n);
	n->nchildren = sqlite3_column_int(st, NODE_NFIELDS);
}

int
model_get(struct db *db, int64_t id, struct node *n, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc = -1, r;

	memset(n, 0, sizeof *n);
	if (db_stmt(db, "SELECT " NODE_COLUMNS " FROM nodes n "
	    "WHERE n.id = ?1", &st, cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((r = sqlite3_step(st)) == SQLITE_ROW) {
		model_row(st, n);
		rc = 0;
	} else if (r == SQLITE_DONE)
		*cause = xasprintf("%s: no node %lld", db_path(db),
		    (long long)id);
	else
		*cause = db_cause(db, "cannot read a node");
	db_release(db, st);
	return rc;
}

/* Run st, a query of NODE_COLUMNS, calling cb for each row. */
static int
model_each(struct db *db, sqlite3_stmt *st, model_node_cb cb, void *arg,
    char **cause)
{
	struct node	 n;
	int		 r, stop;

	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		model_row(st, &n);
		n.depth = 0;
		stop = cb(&n, arg);
		node_clear(&n);
		if (stop != 0)
			return stop;
	}
	if (r != SQLITE_DONE) {
		*cause = db_cause(db, "cannot read the tree");
		return -1;
	}
	return 0;
}

int
model_children(struct db *db, int64_t parent, model_node_cb cb, void *arg,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_stmt(db, "SELECT " NODE_COLUMNS " FROM nodes n "
	    "WHERE n.parent IS ?1 ORDER BY n.id", &st, cause) != 0)
		return -1;
	if (parent != 0)
		sqlite3_bind_int64(st, 1, parent);
	rc = model_each(db, st, cb, arg, cause);
	db_release(db, st);
	return rc;
}

/* Run st (NODE_OUTLINE rows), calling cb for each; 0, or -1 with *cause. */
static int
model_outline_each(struct db *db, sqlite3_stmt *st, model_outline_cb cb,
    void *arg, char **cause)
{
	struct outline_node	 o;
	int			 r, rc = 0;

	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		o.id = sqlite3_column_int64(st, 0);
		o.title = (const char *)sqlite3_column_text(st, 1);
		o.path = (const char *)sqlite3_column_text(st, 2);
		o.has_children = sqlite3_column_int(st, 3);
		if ((rc = cb(&o, arg)) != 0)
			break;
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE) {
		*cause = db_cause(db, "cannot read the tree");
		rc = -1;
	}
	db_release(db, st);
	return rc;
}

#define NODE_OUTLINE \
	"SELECT n.id, n.title, n.path, EXISTS (SELECT 1 FROM nodes c " \
	"WHERE c.parent = n.id) FROM nodes n "

int
model_outline_children(struct db *db, int64_t parent, model_outline_cb cb,
    void *arg, char **cause)
{
	sqlite3_stmt	*st;

	if (db_stmt(db, NODE_OUTLINE "WHERE n.parent IS ?1 ORDER BY n.id",
	    &st, cause) != 0)
		return -1;
	if (parent != 0)
		sqlite3_bind_int64(st, 1, parent);
	return model_outline_each(db, st, cb, arg, cause);
}

int
model_outline_roots(struct db *db, int64_t after, int limit,
    model_outline_cb cb, void *arg, char **cause)
{
	sqlite3_stmt	*st;

	if (db_stmt(db, NODE_OUTLINE "WHERE n.parent IS NULL AND n.id > ?1 "
	    "ORDER BY n.id LIMIT ?2", &st, cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, limit);
	return model_outline_each(db, st, cb, arg, cause);
}

/*
 * A walk in C over the index of (parent, id): a stack of the nodes to be
 * given, the next on top.  A node's children are read with their own
 * children, two levels a query, so that a chain costs a query every
 * other level (a query run is most of what a node costs when it has one
 * child): each child goes on the stack with its children under it, in
 * report order, and is marked as having them there.  Nothing is sorted:
 * linear in the nodes, whatever the depth (a recursive query sorted by
 * the chain of ids from the root was quadratic in it).  No statement is
 * stepped while the callback runs, so that it may read the tree too.
 */
struct walk_node {
	struct node	 n;
	int		 below;		/* its children are under it */
};

struct model_walk {
	struct db		*db;
	sqlite3_stmt		*kids;	/* the children of ?1 and theirs */
	struct walk_node	*v;	/* the stack, of n (cap) nodes */
	size_t			 n, cap, left;	/* left: still to give; 0: all */
};

/*
 * The children of ?1, each with its children (NULL columns for one that
 * has none), in report order; at most ?2 rows.  A child's count of
 * children is the number of its rows, not a column.
 */
#define WALK_KIDS \
	"SELECT " NODE_FIELDS("p") ", " NODE_FIELDS("n") ", " \
	NODE_COUNT("n") " FROM nodes p LEFT JOIN nodes n ON n.parent = p.id " \
	"WHERE p.parent = ?1 ORDER BY p.id, n.id LIMIT ?2"
#define WALK_KID	NODE_NFIELDS	/* where the grandchild's begin */
/*
 * Where a walk begins: its root, or the top-level nodes, one level only
 * (those of a large report are many, and their children many more).
 */
#define WALK_ROOT	"SELECT " NODE_COLUMNS " FROM nodes n WHERE n.id = ?1"
#define WALK_TOP	"SELECT " NODE_COLUMNS " FROM nodes n WHERE " \
	"n.parent IS NULL ORDER BY n.id LIMIT ?1"

static struct walk_node *
model_walk_add(struct model_walk *w, int depth, int below)
{
	struct walk_node	*e;

	if (w->n == w->cap) {
		w->cap = w->cap > 0 ? w->cap * 2 : 64;
		w->v = xreallocarray(w->v, w->cap, sizeof *w->v);
	}
	e = &w->v[w->n++];
	e->n.depth = depth;
	e->below = below;
	return e;
}

/* A limit of rows for SQLite: -1 for none. */
static sqlite3_int64
model_walk_limit(size_t limit)
{
	return limit > 0 && limit <= INT64_MAX ? (sqlite3_int64)limit : -1;
}

/* Turn the stack over from first up, so that the first pushed is on top. */
static void
model_walk_turn(struct model_walk *w, size_t first)
{
	struct walk_node	 t;
	size_t			 i, j;

	for (i = first, j = w->n; i + 1 < j; i++, j--) {
		t = w->v[i];
		w->v[i] = w->v[j - 1];
		w->v[j - 1] = t;
	}
}

/* The number of children of id, for a child whose rows were cut short. */
static int
model_walk_count(struct model_walk *w, struct node *n, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc = 0;

	if (db_stmt(w->db, "SELECT " NODE_COUNT("n") " FROM nodes n WHERE "
	    "n.id = ?1", &st, cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, n->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n->nchildren = sqlite3_column_int(st, 0);
	else {
		*cause = db_cause(w->db, "cannot read the tree");
		rc = -1;
	}
	db_release(w->db, st);
	return rc;
}

/*
 * Push the children of id at depth, each with its children under it:
 * read in report order, then turned over, the first on top.  When the
 * limit cut the rows short, the last child's children are not all there;
 * none past them is reached (each row is a node given before them), but
 * its count is read whole.
 */
static int
model_walk_children(struct model_walk *w, int64_t id, int depth,
    char **cause)
{
	struct walk_node	*e;
	size_t			 first = w->n, up = 0, rows = 0;
	int			 r;

	sqlite3_bind_int64(w->kids, 1, id);
	sqlite3_bind_int64(w->kids, 2, model_walk_limit(w->left));
	while ((r = sqlite3_step(w->kids)) == SQLITE_ROW) {
		rows++;
		if (w->n == first ||
		    sqlite3_column_int64(w->kids, 0) != w->v[up].n.id) {
			up = w->n;
			e = model_walk_add(w, depth, 1);
			model_row_at(w->kids, 0, &e->n);
			e->n.nchildren = 0;	/* its rows count them */
		}
		if (sqlite3_column_type(w->kids, WALK_KID) == SQLITE_NULL)
			continue;
		w->v[up].n.nchildren++;
		e = model_walk_add(w, depth + 1, 0);
		model_row_at(w->kids, WALK_KID, &e->n);
		e->n.nchildren = sqlite3_column_int(w->kids, WALK_KID +
		    NODE_NFIELDS);
	}
	sqlite3_reset(w->kids);
	if (r != SQLITE_DONE) {
		*cause = db_cause(w->db, "cannot read the tree");
		return -1;
	}
	if (w->left > 0 && rows == w->left &&
	    model_walk_count(w, &w->v[up].n, cause) != 0)
		return -1;
	model_walk_turn(w, first);
	return 0;
}

/* Give cb the stack's nodes and subtrees; one level past the limit. */
static int
model_walk_run(struct model_walk *w, model_node_cb cb, void *arg,
    char **cause)
{
	struct walk_node	 e;
	int			 rc = 0, last = 0;

	while (rc == 0 && !last && w->n > 0) {
		e = w->v[--w->n];
		if (e.n.depth >= MODEL_DEPTH_MAX) {
			*cause = xasprintf("%s: node %lld is deeper than %d "
			    "levels: the database is damaged (a cycle of "
			    "parents?)", db_path(w->db), (long long)e.n.id,
			    MODEL_DEPTH_MAX);
			rc = -1;
		} else if ((rc = cb(&e.n, arg)) == 0) {
			last = w->left > 0 && --w->left == 0;
			if (!last && !e.below && e.n.nchildren > 0)
				rc = model_walk_children(w, e.n.id,
				    e.n.depth + 1, cause);
		}
		node_clear(&e.n);
	}
	return rc;
}

int
model_walk(struct db *db, int64_t root, model_node_cb cb, void *arg,
    char **cause)
{
	return model_walk_upto(db, root, 0, cb, arg, cause);
}

int
model_walk_upto(struct db *db, int64_t root, size_t limit, model_node_cb cb,
    void *arg, char **cause)
{
	struct model_walk	 w;
	sqlite3_stmt		*st;
	int			 rc, own, r;

	memset(&w, 0, sizeof w);
	w.db = db;
	w.left = limit;
	if (db_stmt(db, WALK_KIDS, &w.kids, cause) != 0)
		return -1;
	/* One read transaction, unless one is open: one view, one lock. */
	if ((own = sqlite3_get_autocommit(sqlite3_db_handle(w.kids))))
		db_read_begin(db);
	if ((rc = db_stmt(db, root != 0 ? WALK_ROOT : WALK_TOP, &st,
	    cause)) == 0) {
		sqlite3_bind_int64(st, 1, root != 0 ? root :
		    model_walk_limit(limit));
		while ((r = sqlite3_step(st)) == SQLITE_ROW)
			model_row(st, &model_walk_add(&w, 0, 0)->n);
		if (r != SQLITE_DONE) {
			*cause = db_cause(db, "cannot read the tree");
			rc = -1;
		}
		db_release(db, st);
		model_walk_turn(&w, 0);
	}
	if (rc == 0)
		rc = model_walk_run(&w, cb, arg, cause);
	db_release(db, w.kids);
	if (own)
		db_read_end(db);
	while (w.n > 0)
		node_clear(&w.v[--w.n].n);
	free(w.v);
	return rc;
}

int
model_blocks(struct db *db, int64_t node, model_block_cb cb, void *arg,
    char **cause)
{
	sqlite3_stmt	*st;
	struct block	 b;
	const char	*kind;
	int		 r, rc = -1;

	if (db_stmt(db, "SELECT kind, text FROM blocks WHERE node = ?1 "
	    "ORDER BY rowid", &st, cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, node);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		kind = (const char *)sqlite3_column_text(st, 0);
		b.kind = strcmp(kind, "item") == 0 ? BLOCK_ITEM :
		    strcmp(kind, "subitem") == 0 ? BLOCK_SUBITEM : BLOCK_PARA;
		b.text = (const char *)sqlite3_column_text(st, 1);
		b.len = (size_t)sqlite3_column_bytes(st, 1);
		if (b.text == NULL)
			b.text = "";
		if ((rc = cb(&b, arg)) != 0)
			goto out;
	}
	if (r != SQLITE_DONE) {
		*cause = db_cause(db, "cannot read the text");
		rc = -1;
		goto out;
	}
	rc = 0;
out:
	db_release(db, st);
	return rc;
}

/* Run st (bound) and set *out to its first row's first column, or 0. */
static int
model_one_id(struct db *db, sqlite3_stmt *st, int64_t *out, char **cause)
{
	int	 r;

	*out = 0;
	if ((r = sqlite3_step(st)) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (r != SQLITE_DONE) {
		*cause = db_cause(db, "cannot read the tree");
		db_release(db, st);
		return -1;
	}
	db_release(db, st);
	return 0;
}

int
model_up(struct db *db, int64_t id, model_up_cb cb, void *arg, char **cause)
{
	struct up_node	 u;
	sqlite3_stmt	*st;
	int		 depth, r = SQLITE_DONE;

	/* A recursive query cost more to start than a tree has levels. */
	if (db_stmt(db, "SELECT ifnull(parent, 0), kind, title FROM nodes "
	    "WHERE id = ?1", &st, cause) != 0)
		return -1;
	for (depth = 0; id != 0 && depth <= MODEL_DEPTH_MAX; depth++) {
		sqlite3_bind_int64(st, 1, id);
		if ((r = sqlite3_step(st)) != SQLITE_ROW)
			break;
		u.id = id;
		u.kind = (const char *)sqlite3_column_text(st, 1);
		u.title = (const char *)sqlite3_column_text(st, 2);
		if (u.kind == NULL)
			u.kind = "";
		if (u.title == NULL)
			u.title = "";
		id = sqlite3_column_int64(st, 0);
		if (cb(&u, arg) != 0)
			break;
		sqlite3_reset(st);
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE) {
		*cause = db_cause(db, "cannot read the tree");
		db_release(db, st);
		return -1;
	}
	db_release(db, st);
	return 0;
}

struct ancestor {
	const char	*kind;
	int64_t		 found;
};

static int
model_ancestor_cb(const struct up_node *u, void *arg)
{
	struct ancestor	*a = arg;

	if (strcmp(u->kind, a->kind) != 0)
		return 0;
	a->found = u->id;
	return 1;
}

int
model_ancestor(struct db *db, int64_t id, const char *kind, int64_t *out,
    char **cause)
{
	struct ancestor	 a;

	a.kind = kind;
	a.found = 0;
	*out = 0;
	if (kind == NULL)
		return 0;
	if (model_up(db, id, model_ancestor_cb, &a, cause) != 0)
		return -1;
	*out = a.found;
	return 0;
}

int
model_child(struct db *db, int64_t id, const char *kind, int64_t *out,
    char **cause)
{
	sqlite3_stmt	*st;

	if (db_stmt(db, "SELECT id FROM nodes WHERE parent = ?1 AND "
	    "kind = ?2 ORDER BY id LIMIT 1", &st, cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	return model_one_id(db, st, out, cause);
}

int
model_counterpart(struct db *db, int64_t id, int64_t *out, char **cause)
{
	sqlite3_stmt	*st;

	if (db_stmt(db, "SELECT link FROM nodes WHERE id = ?1 AND link IS "
	    "NOT NULL UNION ALL SELECT id FROM (SELECT id FROM nodes WHERE "
	    "link = ?1 ORDER BY id LIMIT 1)", &st, cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return model_one_id(db, st, out, cause);
}

int
model_count_roots(struct db *db, int64_t *n, char **cause)
{
	return model_count_roots_upto(db, -1, n, cause);
}

int
model_count_roots_upto(struct db *db, int64_t upto, int64_t *n,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc = -1;

	*n = 0;
	/* The index's range stops at the limit: not every root counted. */
	if (db_stmt(db, "SELECT count(*) FROM (SELECT 1 FROM nodes "
	    "WHERE parent IS NULL LIMIT ?1)", &st, cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, upto < 0 ? -1 : upto);
	if (sqlite3_step(st) != SQLITE_ROW) {
		*cause = db_cause(db, "cannot read the tree");
		goto out;
	}
	*n = sqlite3_column_int64(st, 0);
	rc = 0;
out:
	db_release(db, st);
	return rc;
}

int
model_meta(struct db *db, const char *key, char **value, char **cause)
{
	sqlite3_stmt	*st;
	int		 r, rc = -1;

	*value = NULL;
	if (db_stmt(db, "SELECT value FROM meta WHERE key = ?1", &st,
	    cause) != 0)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(st)) == SQLITE_ROW)
		*value = model_text(st, 0);
	else if (r != SQLITE_DONE) {
		*cause = db_cause(db, "cannot read the dataset's facts");
		goto out;
	}
	rc = 0;
out:
	db_release(db, st);
	return rc;
}

/*
 * Normalise what the user typed into a path: lower case, no '/' at either
 * end.  Returns NULL if it cannot be a path, so no query is needed.
 */
static char *
model_normalise(const char *in)
{
	char	*p, *s;
	size_t	 len;

	while (*in == '/')
		in++;
	s = xstrdup(in);
	len = strlen(s);
	while (len > 0 && s[len - 1] == '/')
		s[--len] = '\0';
	for (p = s; *p != '\0'; p++) {
		*p = (char)tolower((unsigned char)*p);
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p)
		    && *p != '-' && *p != '/') {
			free(s);
			return NULL;
		}
	}
	if (len == 0 || strstr(s, "//") != NULL) {
		free(s);
		return NULL;
	}
	return s;
}

static int
model_candidates(struct db *db, sqlite3_stmt *st, const char *what,
    int64_t *id, char **cause)
{
	struct strbuf	 sb = STRBUF_INIT;
	int		 n = 0, r;

	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == 0)
			*id = sqlite3_column_int64(st, 0);
		if (n > 0 && n < RESOLVE_SHOW)
			strbuf_adds(&sb, ", ");
		if (n < RESOLVE_SHOW)
			strbuf_adds(&sb, (const char *)
			    sqlite3_column_text(st, 1));
		n++;
	}
	if (r != SQLITE_DONE) {
		*cause = db_cause(db, "cannot look up a path");
		n = -1;
	} else if (n > 1) {
		if (n > RESOLVE_SHOW)
			strbuf_addf(&sb, " and %d more", n - RESOLVE_SHOW);
		*cause = xasprintf("%s: ambiguous path, could be: %s", what,
		    strbuf_str(&sb));
	}
	strbuf_free(&sb);
	return n;
}

int
model_resolve(struct db *db, const char *path, int64_t *id, char **cause)
{
	sqlite3_stmt	*st;
	char		*want;
	int		 n = 0;

	if ((want = model_normalise(path)) == NULL)
		goto none;
	if (db_stmt(db, "SELECT id, path FROM nodes WHERE path = ?1",
	    &st, cause) != 0)
		goto fail;
	sqlite3_bind_text(st, 1, want, -1, SQLITE_STATIC);
	n = model_candidates(db, st, path, id, cause);
	db_release(db, st);
	if (n != 0)
		goto done;
	/* want holds only [a-z0-9/-], so it has no LIKE wildcards. */
	if (db_stmt(db, "SELECT id, path FROM nodes "
	    "WHERE path LIKE '%/' || ?1 ORDER BY id", &st, cause) != 0)
		goto fail;
	sqlite3_bind_text(st, 1, want, -1, SQLITE_STATIC);
	n = model_candidates(db, st, path, id, cause);
	db_release(db, st);
done:
	free(want);
	want = NULL;
	if (n == 1)
		return 0;
	if (n != 0)
		return -1;
none:
	free(want);
	*cause = *path == '\0' ? xstrdup("an empty path names no section") :
	    xasprintf("%s: no such section (see 'icsbrowse tree')", path);
	return -1;
fail:
	free(want);
	return -1;
}

int
slug_valid(const char *s)
{
	const char	*p;

	if (*s == '\0' || *s == '-')
		return 0;
	for (p = s; *p != '\0'; p++) {
		if (*p == '-') {
			if (p[1] == '-' || p[1] == '\0')
				return 0;
		} else if (!(*p >= 'a' && *p <= 'z') &&
		    !(*p >= '0' && *p <= '9'))
			return 0;
	}
	return 1;
}

char *
slug_make(const char *title)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*p;
	int		 gap = 0;

	for (p = title; *p != '\0'; p++) {
		/* Apostrophes join: "people's" is one word, "peoples". */
		if (*p == '\'') 
			continue;
		if (strncmp(p, "\xe2\x80\x99", 3) == 0) {
			p += 2;
			continue;
		}
		if (isalnum((unsigned char)*p) && (unsigned char)*p < 0x80) {
			if (gap && sb.len > 0)
				strbuf_addc(&sb, '-');
			strbuf_addc(&sb, (char)tolower((unsigned char)*p));
			gap = 0;
		} else
			gap = 1;
	}
	return strbuf_detach(&sb);
}
