/*
 * test_import_tree.c: unit tests for core/import_tree.h.
 *
 * Table-driven: nodes given in a file's order (line 2 onwards, as after
 * a header), the cause import_tree_check() must give (the messages
 * tests/malformed holds the CLI to), and the path of every node, given
 * at import_tree_add() or after the check by import_tree_late().  Then
 * the limits, with chains built both ways round.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/import_tree.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

struct tree_case {
	const char	*name;
	const char	*rows;	/* "id,parent,slug,link ...", 0 for none */
	const char	*want;	/* NULL: passes; else the cause */
	const char	*paths;	/* passes: "id=path ..." in the rows' order */
};

#define TWICE	"is not unique: two nodes with the same parent have the " \
	"same slug"
#define CYCLE	"is its own ancestor (a cycle of parents)"

static const struct tree_case cases[] = {
	{ "a tree", "1,0,a,0 2,1,b,1 3,2,c,0", NULL, "1=a 2=a/b 3=a/b/c" },
	{ "children first", "3,2,c,0 2,1,b,0 4,0,d,3 1,0,a,0", NULL,
	    "3=a/b/c 2=a/b 4=d 1=a" },
	{ "no nodes", "", "nodes.csv: no rows: a dataset needs at least one "
	    "node", NULL },
	{ "a dangling parent", "1,0,a,0 2,9,b,0",
	    "nodes.csv:3: parent 9 does not exist", NULL },
	{ "the first dangling parent", "1,0,a,0 2,8,b,7 3,9,c,0",
	    "nodes.csv:3: parent 8 does not exist", NULL },
	{ "a dangling link", "1,0,a,0 2,1,b,7",
	    "nodes.csv:3: link 7 does not exist", NULL },
	{ "a cycle", "1,0,a,0 2,3,b,0 3,2,c,0", "nodes.csv:3: node 2 " CYCLE,
	    NULL },
	{ "its own parent", "1,0,a,0 2,2,b,0", "nodes.csv:3: node 2 " CYCLE,
	    NULL },
	{ "under a cycle", "1,0,a,0 4,3,d,0 2,3,b,0 3,2,c,0",
	    "nodes.csv:4: node 2 " CYCLE, NULL },
	{ "a path twice", "1,0,a,0 2,1,b,0 3,1,b,0",
	    "nodes.csv:4: path 'a/b' " TWICE, NULL },
	{ "a top-level path twice", "1,0,a,0 2,0,a,0",
	    "nodes.csv:3: path 'a' " TWICE, NULL },
	{ "twice under twice, the later first",
	    "1,0,a,0 2,1,b,0 4,2,c,0 5,3,c,0 3,1,b,0",
	    "nodes.csv:5: path 'a/b/c' " TWICE, NULL },
	{ "a slug twice in two places", "1,0,a,0 2,1,b,0 3,0,c,0 4,3,b,0",
	    NULL, "1=a 2=a/b 3=c 4=c/b" },
	{ "an id twice", "1,0,a,0 1,0,b,0", NULL, "1=a" },
};

static int
tree_load(struct import_tree *t, const char *rows, struct strbuf *got)
{
	long long	 id, parent, link;
	unsigned long	 line = 2;
	const char	*p, *path;
	char		 slug[64];
	size_t		 len;
	int		 n;

	for (p = rows; sscanf(p, "%lld,%lld,%63[a-z],%lld%n", &id, &parent,
	    slug, &link, &n) == 4; p += n, line++) {
		path = import_tree_add(t, id, parent, link, slug, strlen(slug),
		    line, &len);
		if (path == NULL)
			continue;
		if (strlen(path) != len)
			return -1;
		strbuf_addf(got, "%s%lld=%s", got->len ? " " : "", id, path);
	}
	return 0;
}

/* The paths given at the add, then the late ones, in the rows' order. */
static char *
tree_paths(struct import_tree *t, const char *rows, struct strbuf *added)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*p, *path, *at;
	long long	 id, late;
	char		 want[32];
	size_t		 len, cursor = 0;
	int		 n;

	while (import_tree_late(t, &cursor, &late, &path, &len))
		strbuf_addf(added, " %lld=%s", late, path);
	/* Each id of rows, found in added, in the rows' order. */
	for (p = rows; sscanf(p, "%lld,%*d,%*[a-z],%*d%n", &id, &n) == 1;
	    p += n) {
		snprintf(want, sizeof want, "%lld=", id);
		for (at = strbuf_str(added); (at = strstr(at, want)) != NULL;
		    at++)
			if (at == strbuf_str(added) || at[-1] == ' ')
				break;
		if (at == NULL || strstr(strbuf_str(&sb), want) != NULL)
			continue;
		strbuf_addf(&sb, "%s%.*s", sb.len ? " " : "",
		    (int)strcspn(at, " "), at);
	}
	return strbuf_detach(&sb);
}

static void
test_cases(void)
{
	const struct tree_case	*tc;
	struct import_tree	*t;
	struct strbuf		 added = STRBUF_INIT;
	char			*cause, *paths;
	size_t			 i;
	int			 rc;

	for (i = 0; i < NITEMS(cases); i++) {
		tc = &cases[i];
		cause = NULL;
		t = import_tree_new();
		strbuf_reset(&added);
		if (tree_load(t, tc->rows, &added) != 0)
			tap_ok(0, "%s: a path's length", tc->name);
		rc = import_tree_check(t, "nodes.csv", &cause);
		if (tc->want != NULL)
			tap_ok(rc == -1 && cause != NULL &&
			    strcmp(cause, tc->want) == 0, "%s: %s", tc->name,
			    cause ? cause : "(passes)");
		else {
			tap_ok(rc == 0, "%s passes%s%s", tc->name,
			    cause ? ": " : "", cause ? cause : "");
			paths = tree_paths(t, tc->rows, &added);
			tap_is_str(paths, tc->paths, tc->name);
			free(paths);
		}
		free(cause);
		import_tree_free(t);
	}
	strbuf_free(&added);
}

/*
 * A chain of n nodes, each (but the first) the child of the one before,
 * given top first or bottom first, every slug slen bytes; the cause.
 */
static char *
tree_chain(long long n, size_t slen, int bottom_first)
{
	struct import_tree	*t = import_tree_new();
	char			 slug[128], *cause = NULL;
	long long		 k, id;
	size_t			 len;

	memset(slug, 'a', sizeof slug);
	for (k = 0; k < n; k++) {
		id = bottom_first ? n - k : k + 1;
		import_tree_add(t, id, id - 1, 0, slug, slen,
		    (unsigned long)k + 2, &len);
	}
	if (import_tree_check(t, "nodes.csv", &cause) == 0)
		cause = NULL;
	import_tree_free(t);
	return cause;
}

static void
test_limits(void)
{
	char	*c;
	int	 way;

	for (way = 0; way < 2; way++) {
		c = tree_chain(MODEL_DEPTH_MAX, 1, way);
		tap_ok(c == NULL, "%s: %d levels pass", way ? "bottom first" :
		    "top first", MODEL_DEPTH_MAX);
		free(c);
		c = tree_chain(MODEL_DEPTH_MAX + 3, 1, way);
		/* Node 257 is at depth 256: line 258, or 4 of 259 rows. */
		tap_is_str(c, way ? "nodes.csv:4: node 257 is deeper than the "
		    "limit of 256 levels" : "nodes.csv:258: node 257 is deeper "
		    "than the limit of 256 levels", "one level too deep");
		free(c);
		/* 100 + 9 * 101 = 1009 bytes; the tenth level 1110. */
		c = tree_chain(10, 100, way);
		tap_ok(c == NULL, "a path of 1009 bytes passes");
		free(c);
		c = tree_chain(12, 100, way);
		tap_is_str(c, way ? "nodes.csv:3: the path of node 11 is longer "
		    "than the limit of 1024 bytes" : "nodes.csv:12: the path "
		    "of node 11 is longer than the limit of 1024 bytes",
		    "a path too long");
		free(c);
	}
}

/*
 * The ids the tables after ask about: every node's, before and after
 * the tree keeps only them, and no other (0, past INT32_MAX, between
 * the ids, after the last).
 */
static void
test_has(void)
{
	struct import_tree	*t = import_tree_new();
	char			*cause = NULL, slug[16];
	long long		 k, id, bad[] = { 0, -1, 2, 2000,
				     (long long)INT32_MAX + 1 };
	size_t			 len, i;
	int			 pass, found, wrong;

	/* Ids 1, 3, 5, ... 1999: a fan of 1,000 under node 1. */
	for (k = 0; k < 1000; k++) {
		id = 2 * k + 1;
		snprintf(slug, sizeof slug, "n%lld", id);
		import_tree_add(t, id, k == 0 ? 0 : 1, 0, slug, strlen(slug),
		    (unsigned long)k + 2, &len);
	}
	tap_ok(import_tree_check(t, "nodes.csv", &cause) == 0, "a fan of "
	    "1,000 checks");
	free(cause);
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1)
			import_tree_keep_ids(t);
		for (found = 0, k = 0; k < 1000; k++)
			found += import_tree_has(t, 2 * k + 1);
		for (wrong = 0, i = 0; i < sizeof bad / sizeof bad[0]; i++)
			wrong += import_tree_has(t, bad[i]);
		tap_ok(found == 1000 && wrong == 0, "%s: every node's id, and "
		    "no other", pass ? "its ids alone" : "the whole tree");
	}
	import_tree_free(t);
}

int
main(void)
{
	test_cases();
	test_limits();
	test_has();
	return tap_done();
}
