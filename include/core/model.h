/*
 * model.h: the tree of the report, read from the database.
 *
 * Nodes are read when they are needed, never the whole tree at once, so
 * that the cost of a query grows with what is shown, not with the dataset.
 * A node names itself by a path of slugs ("leadership/learning-culture");
 * model_resolve() also accepts any unique suffix of a path.
 *
 * Functions that take a callback stop early, returning the callback's
 * value, when it returns non-zero.  They return 0 when done and -1 with
 * *cause set (the caller frees it) on error.
 */
#ifndef ICSB_MODEL_H
#define ICSB_MODEL_H

#include <stdint.h>

struct db;

/*
 * The deepest a tree may be: a node's depth (0 at the top) is below this.
 * The importer refuses a deeper node, and every walk of the tree stops
 * here, so that a damaged database with a cycle of parents cannot make a
 * walk endless; none of them recurses on the C stack.
 */
#define MODEL_DEPTH_MAX	256

/*
 * A node; its strings are owned by it, in one allocation that begins at
 * kind (node_clear() frees it): none of them is to be freed or taken on
 * its own.
 */
struct node {
	int64_t	 id;
	int64_t	 parent;	/* 0 for a top-level part */
	int64_t	 link;		/* counterpart node, or 0 */
	int	 depth;		/* 0 at the top; set by model_walk() only */
	int	 nchildren;
	char	*kind;
	char	*slug;
	char	*title;
	char	*heading;	/* as published; "" if the source has none */
	char	*path;
	char	*source;	/* sources.code, "" if none */
};

enum block_kind { BLOCK_PARA, BLOCK_ITEM, BLOCK_SUBITEM };

/* A paragraph or list item; borrowed for the length of the callback. */
struct block {
	enum block_kind	 kind;
	const char	*text;
	size_t		 len;
};

typedef int (*model_node_cb)(const struct node *, void *);
typedef int (*model_block_cb)(const struct block *, void *);

void	 node_clear(struct node *);

/* Read node id into *n; not found is an error. */
int	 model_get(struct db *, int64_t id, struct node *n, char **cause);

/*
 * Find the node that path names, whole or by a unique suffix of whole
 * slugs.  Returns 0 and sets *id; -1 with *cause when no node matches or
 * several do (the cause lists them).
 */
int	 model_resolve(struct db *, const char *path, int64_t *id,
	     char **cause);

/* The children of parent (0: the top-level parts), in report order. */
int	 model_children(struct db *, int64_t parent, model_node_cb, void *,
	     char **cause);

/* A row of the outline: what it shows of a node; borrowed in callbacks. */
struct outline_node {
	int64_t		 id;
	const char	*title;
	const char	*path;
	int		 has_children;
};
typedef int (*model_outline_cb)(const struct outline_node *, void *);

/*
 * The children of parent (0: the top-level parts) as the outline shows
 * them: less read than model_children(), for a long list.
 */
int	 model_outline_children(struct db *, int64_t parent, model_outline_cb,
	     void *, char **cause);
/*
 * The top-level nodes after node after (0: from the first), at most
 * limit of them: a long outline is read a screen or so at a time.
 */
int	 model_outline_roots(struct db *, int64_t after, int limit,
	     model_outline_cb, void *, char **cause);

/*
 * Node root and everything under it in report order (pre-order), with
 * depth relative to root; root 0 walks the whole tree.  A node
 * MODEL_DEPTH_MAX levels below root (only a damaged database has one) is
 * an error.
 */
int	 model_walk(struct db *, int64_t root, model_node_cb, void *,
	     char **cause);
/* The same, the first limit nodes of it only (0: all). */
int	 model_walk_upto(struct db *, int64_t root, size_t limit,
	     model_node_cb, void *, char **cause);

/* The paragraphs and list items of a node, in order. */
int	 model_blocks(struct db *, int64_t node, model_block_cb, void *,
	     char **cause);

/* A node model_up() gives; borrowed for the length of the callback. */
struct up_node {
	int64_t		 id;
	const char	*kind;
	const char	*title;
};

typedef int (*model_up_cb)(const struct up_node *, void *);

/*
 * id, then its ancestors, nearest first, a row a level by the primary key:
 * at most MODEL_DEPTH_MAX + 1 (a damaged database may have a cycle of
 * parents), and a parent that is not there ends them.  cb returns nonzero
 * to stop.  Returns 0, or -1 with *cause.
 */
int	 model_up(struct db *, int64_t id, model_up_cb, void *, char **cause);

/*
 * The nearest node of this kind among id and its ancestors (*out = 0 if
 * none); or the first child of id of this kind.  Return 0, or -1 with
 * *cause.
 */
int	 model_ancestor(struct db *, int64_t id, const char *kind,
	     int64_t *out, char **cause);
int	 model_child(struct db *, int64_t id, const char *kind, int64_t *out,
	     char **cause);

/*
 * The counterpart of id: the node it links to (a children and young
 * people part's statement), or the first that links to it.  *out = 0 if
 * none.  Returns 0, or -1 with *cause.
 */
int	 model_counterpart(struct db *, int64_t id, int64_t *out,
	     char **cause);

/* How many top-level nodes there are, in *n: 0, or -1 with *cause. */
int	 model_count_roots(struct db *, int64_t *n, char **cause);
/* The same, counted up to upto at most (all, where it is negative). */
int	 model_count_roots_upto(struct db *, int64_t upto, int64_t *n,
	     char **cause);

/*
 * A dataset fact from the meta table: *value is a new string the caller
 * frees, or NULL if the dataset has no such fact (not an error).  Returns
 * 0, or -1 with *cause (and *value NULL).
 */
int	 model_meta(struct db *, const char *key, char **value,
	     char **cause);

/* Whether s is a valid slug: [a-z0-9] runs joined by single '-'. */
int	 slug_valid(const char *s);
/* A slug made from a title ("Learning culture" -> "learning-culture"). */
char	*slug_make(const char *title);

#endif
