/*
 * fuzz_tree.c: whole databases of any shape, and every reader over them.
 *
 * Byte 0 is the width of the output; the rest describes a dataset
 * (tree_gen.c), made as the CSV texts of a dataset and imported with
 * csv_import_mem() into a database in memory (the same one every time,
 * emptied; kept as it is when the input describes the same dataset as the
 * one before, outside the replay); on one input in FILE_EVERY, the texts
 * are written as files and imported from them with csv_import_db(), and
 * in the replay both ways, which must agree.
 *
 * An import may fail; then it must say why.  If it succeeds, the readers
 * run over the database, as the commands do: tree (model_walk) and the
 * outline's pages over all of it; a node's reads (model_get, its path,
 * children, outline children, blocks, ancestor, counterpart, figures of
 * it and of its subtree, unless that is inside the first node's) for the
 * first TREE_FIRST nodes in tree order,
 * TREE_SAMPLE more chosen by a hash of the input and the last (the
 * deepest of a chain), and show of the last and of the sampled ones whose
 * subtree has TREE_SHOW_MAX nodes or fewer (show of the first ones would
 * repeat print); search, TREE_QUERIES of nine queries, each with one of
 * three flags; every place listed, and the first TREE_PLACES places and
 * one more read and compared with the next; print of the whole tree (past
 * TREE_PRINT_ALL nodes, of its first node's subtree) in each format, and
 * side by side with the last node for one input in 4 (the PDF for one
 * tree of TREE_PDF_MAX nodes or fewer in 256; both always in the replay).
 *
 * The work per input is capped so that the fuzzer runs fast (and the
 * tree by the input's length: tree_gen.c); what is sampled is chosen by
 * the hash, so that the fuzzer cannot learn to avoid a part, and the
 * replay makes the same choices, so that a finding replays as found.
 * The browser's outline pane is not linked: it needs curses, and the
 * fuzzers link only the core and render libraries.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/compare.h"
#include "core/csv_import.h"
#include "core/db.h"
#include "core/find.h"
#include "core/model.h"
#include "core/places.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_html.h"
#include "render/fmt_markdown.h"
#include "render/fmt_pdf.h"
#include "render/fmt_plain.h"
#include "render/fmt_text.h"
#include "fuzz.h"

#define TREE_FIRST	4	/* nodes read first, in tree order */
#define TREE_SAMPLE	2	/* and this many more, chosen by the hash */
#define TREE_PLACES	3	/* places compared first, in code order */
#define TREE_QUERIES	3	/* searches, of the nine queries */
#define TREE_SHOW_MAX	32	/* show a sampled node of so many or fewer */
#define TREE_PDF_MAX	40	/* nodes of a tree that may go to PDF */
#define TREE_PRINT_ALL	100	/* up to this many, print the whole tree */
#define FILE_EVERY	16	/* import from the files one input in so many */

/* What the readers found: the nodes in tree order. */
struct tree {
	struct db	*db;
	int64_t		*ids;
	int		*depths;
	size_t		*sizes;		/* of each node's subtree, itself too */
	size_t		 n, cap;
	size_t		 at[MODEL_DEPTH_MAX];	/* 1 + the last at each depth */
	char		**codes;	/* the places */
	size_t		 ncodes;
	uint32_t	 hash;		/* of the input: what to sample */
	struct doc	*shown;		/* show's document of node shown_i */
	size_t		 shown_i;
};

/*
 * Every text of a document is clean: valid UTF-8, no control at all.
 * Most are printable ASCII, known at once eight bytes at a time (a test
 * of every byte here, and in utf8_validate(), each hooked in the fuzzer's
 * build, was a sixth of the readers' instructions).
 */
static void
tree_check_text(const char *s, const char *what)
{
	size_t	 bad, len;

	if (s == NULL)
		return;
	len = strlen(s);
	if (utf8_ascii_prefix(s, len) == len)
		return;
	if (utf8_validate(s, len, &bad) != 0)
		fuzz_fail(what, "a document text of invalid UTF-8");
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			fuzz_fail(what, "a control character in a document");
}

static void
tree_check_doc(const struct doc *doc)
{
	const struct doc_el	*el;
	size_t			 i;

	for (i = 0; i < doc->n; i++) {
		el = &doc->els[i];
		tree_check_text(el->text, "doc text");
		tree_check_text(el->path, "doc path");
		tree_check_text(el->value, "doc value");
		tree_check_text(el->place, "doc place");
		tree_check_text(el->comparator, "doc comparator");
		tree_check_text(el->period, "doc period");
		tree_check_text(el->crumb, "doc crumb");
	}
}

/*
 * The walk is in report order: a node is at most a level deeper than the
 * one before, under the last node a level up, and after its siblings of
 * lower id.
 */
static void
tree_walk_order(struct tree *t, const struct node *n)
{
	size_t	 d = (size_t)n->depth, up, sib;

	if (d >= MODEL_DEPTH_MAX || (t->n == 0 ? d != 0 :
	    n->depth > t->depths[t->n - 1] + 1))
		fuzz_fail("model_walk", "a node deeper than its parent's child");
	up = d > 0 ? t->at[d - 1] : 0;
	if (n->parent != (up > 0 ? t->ids[up - 1] : 0))
		fuzz_fail("model_walk", "a node not under the last a level up");
	sib = t->at[d];
	if (sib > up && t->ids[sib - 1] >= n->id)
		fuzz_fail("model_walk", "siblings not in the order of their ids");
	t->at[d] = t->n + 1;
}

static int
tree_walk_cb(const struct node *n, void *arg)
{
	struct tree	*t = arg;

	if (n->path == NULL || n->depth < 0)
		fuzz_fail("model_walk", "a node without a path or depth");
	tree_walk_order(t, n);
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->ids = xreallocarray(t->ids, t->cap, sizeof *t->ids);
		t->depths = xreallocarray(t->depths, t->cap,
		    sizeof *t->depths);
	}
	t->ids[t->n] = n->id;
	t->depths[t->n++] = n->depth;
	return 0;
}

static int
tree_place_cb(const struct place *p, void *arg)
{
	struct tree	*t = arg;

	t->codes = xreallocarray(t->codes, t->ncodes + 1, sizeof *t->codes);
	t->codes[t->ncodes++] = xstrdup(p->code);
	return 0;
}

static int
tree_node_cb(const struct node *n, void *arg)
{
	(void)n;
	(void)arg;
	return 0;
}

static int
tree_outline_cb(const struct outline_node *o, void *arg)
{
	int64_t	*last = arg;

	if (o->title == NULL || o->path == NULL)
		fuzz_fail("the outline", "a row without a title or path");
	*last = o->id;
	return 0;
}

static int
tree_block_cb(const struct block *b, void *arg)
{
	(void)arg;
	if (strlen(b->text) != b->len)
		fuzz_fail("model_blocks", "a block's length is wrong");
	return 0;
}

static int
tree_figure_cb(const struct figure *f, void *arg)
{
	(void)arg;
	if (f->place == NULL || f->node_path == NULL)
		fuzz_fail("figures", "a figure without a place or node");
	return 0;
}

static int
tree_section_cb(const struct place_section *s, void *arg)
{
	(void)s;
	(void)arg;
	return 0;
}

static int
tree_hit_cb(const struct find_hit *h, void *arg)
{
	(void)arg;
	if (h->path == NULL || h->snippet == NULL)
		fuzz_fail("find_search", "a hit without a path or snippet");
	return 0;
}

/* A reader failed where the database is sound: that is a finding. */
static void
tree_ok(int rc, const char *what, char *cause)
{
	if (rc < 0)
		fuzz_fail(what, cause != NULL ? cause : "-1 without a cause");
}

/*
 * One node as the outline and the panes read it, and (if show) as show
 * prints it; the figures of its subtree unless they are all in the first
 * node's, read already (the first nodes of a chain are its top, each
 * subtree nearly the whole tree).
 */
static void
tree_node(struct tree *t, size_t i, int width, int show)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct node	 n;
	struct doc	*doc;
	int64_t		 id = t->ids[i], got, last;
	char		*cause = NULL;

	tree_ok(model_get(t->db, id, &n, &cause), "model_get", cause);
	tree_ok(model_resolve(t->db, n.path, &got, &cause),
	    "model_resolve of a node's own path", cause);
	if (got != id)
		fuzz_fail("model_resolve", "a path names another node");
	node_clear(&n);
	tree_ok(model_children(t->db, id, tree_node_cb, NULL, &cause),
	    "model_children", cause);
	tree_ok(model_outline_children(t->db, id, tree_outline_cb, &last,
	    &cause), "model_outline_children", cause);
	tree_ok(model_blocks(t->db, id, tree_block_cb, NULL, &cause),
	    "model_blocks", cause);
	tree_ok(model_ancestor(t->db, id, "theme", &got, &cause),
	    "model_ancestor", cause);
	tree_ok(model_child(t->db, id, "key-messages", &got, &cause),
	    "model_child", cause);
	tree_ok(model_counterpart(t->db, id, &got, &cause),
	    "model_counterpart", cause);
	tree_ok(figures_of_node(t->db, id, tree_figure_cb, NULL, &cause),
	    "figures_of_node", cause);
	if (i == 0 || i >= t->sizes[0])
		tree_ok(figures_of_subtree(t->db, id, tree_figure_cb, NULL,
		    &cause), "figures_of_subtree", cause);
	if (!show)
		return;
	doc = doc_new(t->db);
	tree_ok(doc_add_node(doc, t->db, id, &cause), "doc_add_node", cause);
	tree_check_doc(doc);
	fmt_plain_buf(doc, &sb, width);
	if (strchr(strbuf_str(&sb), 0x1b) != NULL)
		fuzz_fail("show", "an escape character in the output");
	strbuf_free(&sb);
	/* Kept for show --side-by-side (tree_print()). */
	doc_free(t->shown);
	t->shown = doc;
	t->shown_i = i;
}

/* The outline as the browser pages through it, a screen at a time. */
static void
tree_outline(struct tree *t)
{
	int64_t	 after = 0, last;
	char	*cause = NULL;
	int	 pages = 0;

	for (;;) {
		last = after;
		tree_ok(model_outline_roots(t->db, after, 7, tree_outline_cb,
		    &last, &cause), "model_outline_roots", cause);
		if (last == after)
			break;
		if (++pages > 10000)
			fuzz_fail("model_outline_roots", "pages without end");
		after = last;
	}
}

static void
tree_search(struct tree *t)
{
	static const char *const queries[] = { "learning", "£909.1",
	    "日本語", "a", "quoted", "\"", "NEAR(a b)", "*", "n1" };
	static const int flags[] = { 0, FIND_PREFIX,
	    FIND_PREFIX | FIND_BOUNDED };
	const size_t nq = sizeof queries / sizeof queries[0];
	char	*cause = NULL;
	size_t	 i, j, k;

	/*
	 * TREE_QUERIES of the queries, each with one of the flags, chosen by
	 * the hash: every pair, over inputs.  (A search costs some 20 us even
	 * in a database of one node.)
	 */
	for (k = 0; k < TREE_QUERIES; k++) {
		i = (t->hash + k * (nq / TREE_QUERIES)) % nq;
		j = (t->hash / nq + k) % (sizeof flags / sizeof flags[0]);
		tree_ok(find_search(t->db, queries[i], flags[j],
		    j == 2 && t->n > 0 ? t->ids[0] : 0, 20,
		    tree_hit_cb, NULL, &cause), "find_search", cause);
	}
}

/* One place's reads, and compare of it with the next (or itself). */
static void
tree_place(struct tree *t, size_t i)
{
	struct place_rec	 rec;
	struct cmp		*c;
	char			*cause = NULL;
	size_t			 r;

	tree_ok(figures_of_place(t->db, t->codes[i], tree_figure_cb,
	    NULL, &cause), "figures_of_place", cause);
	tree_ok(places_sections(t->db, t->codes[i], tree_section_cb,
	    NULL, &cause), "places_sections", cause);
	/* A code may also begin another's name: not always found. */
	if (places_find(t->db, t->codes[i], &rec, &cause) == 0)
		place_rec_clear(&rec);
	free(cause);
	cause = NULL;
	tree_ok(compare_places(t->db, t->codes[i],
	    t->codes[(i + 1) % t->ncodes], &c, &cause),
	    "compare_places", cause);
	for (r = 0; r < c->n; r++)
		compare_barred(&c->rows[r]);
	compare_free(c);
}

/* Every place listed; the first few, and one chosen by the hash, read. */
static void
tree_places(struct tree *t)
{
	char	*cause = NULL;
	size_t	 i;

	tree_ok(places_list(t->db, tree_place_cb, t, &cause), "places_list",
	    cause);
	for (i = 0; i < t->ncodes && i < TREE_PLACES; i++)
		tree_place(t, i);
	if (t->ncodes > TREE_PLACES)
		tree_place(t, TREE_PLACES + t->hash % (t->ncodes -
		    TREE_PLACES));
}

/*
 * The size of every node's subtree: in tree order, the nodes after it
 * deeper than it.  A node deeper than the one before it by more than a
 * level is a finding.
 */
static void
tree_sizes(struct tree *t)
{
	size_t	*stack, top = 0, i;

	t->sizes = xcalloc(t->n + 1, sizeof *t->sizes);
	stack = xcalloc(t->n + 1, sizeof *stack);
	for (i = 0; i < t->n; i++) {
		if (i > 0 && t->depths[i] > t->depths[i - 1] + 1)
			fuzz_fail("model_walk", "a node deeper than its parent's "
			    "child");
		while (top > 0 && t->depths[stack[top - 1]] >= t->depths[i]) {
			top--;
			t->sizes[stack[top]] = i - stack[top];
		}
		stack[top++] = i;
	}
	while (top > 0) {
		top--;
		t->sizes[stack[top]] = t->n - stack[top];
	}
	free(stack);
}

/* print of the whole tree, in every format; the PDF only when cheap. */
static void
tree_print(struct tree *t, const uint8_t *data, size_t size, int width)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct doc	*doc, *b;
	char		*cause = NULL;

	/* A large tree: its first part (a chain, say), not all of it. */
	doc = doc_new(t->db);
	tree_ok(doc_add_node(doc, t->db, t->n <= TREE_PRINT_ALL || t->n == 0 ?
	    0 : t->ids[0], &cause), "doc_add_node", cause);
	tree_check_doc(doc);
	free(doc_sections(doc));
	free(doc_byline(doc));
	if (fmt_text(doc, FMT_TEXT_MIN_COLS + width % 80, FMT_TEXT_MIN_LINES +
	    width % 57, &sb) < 1)
		fuzz_fail("fmt_text", "no pages");
	strbuf_reset(&sb);
	fmt_markdown(doc, &sb);
	strbuf_reset(&sb);
	fmt_html(doc, &sb);
	strbuf_reset(&sb);
	if (t->n <= TREE_PDF_MAX && fuzz_sample(data, size, 256)) {
		if (fmt_pdf(doc, &sb, &cause) < 1)
			fuzz_fail("fmt_pdf", cause);
		strbuf_reset(&sb);
	}
	/*
	 * show --side-by-side of the first node and the last: the last's
	 * document as show made it (tree_read()), if it did.
	 */
	if (fuzz_sample(data, size, 4)) {
		if (t->shown != NULL && t->shown_i == t->n - 1)
			b = t->shown;
		else {
			b = doc_new(t->db);
			if (t->n > 0)
				tree_ok(doc_add_node(b, t->db,
				    t->ids[t->n - 1], &cause), "doc_add_node",
				    cause);
		}
		fmt_plain_side_by_side(doc, b, fuzz_devnull(), width);
		if (b != t->shown)
			doc_free(b);
	}
	doc_free(doc);
	strbuf_free(&sb);
}

static void
tree_free(struct tree *t)
{
	size_t	 i;

	for (i = 0; i < t->ncodes; i++)
		free(t->codes[i]);
	free(t->ids);
	free(t->depths);
	free(t->sizes);
	free(t->codes);
	doc_free(t->shown);
}

static void
tree_read(struct db *db, const uint8_t *data, size_t size)
{
	struct tree	 t;
	char		*cause = NULL;
	char		*title;
	size_t		 i, k, rest;
	int64_t		 roots;
	int		 width = data[0] % 120;

	memset(&t, 0, sizeof t);
	t.db = db;
	t.hash = fuzz_hash(data, size);
	tree_ok(model_walk(db, 0, tree_walk_cb, &t, &cause), "model_walk",
	    cause);
	tree_ok(model_meta(db, "title", &title, &cause), "model_meta", cause);
	free(title);
	tree_ok(model_count_roots(db, &roots, &cause), "model_count_roots",
	    cause);
	tree_sizes(&t);
	/*
	 * The first nodes, a sample of the rest by the hash, and the last;
	 * show of the first would repeat print (tree_print()), and the ones
	 * after it print most of it again.
	 */
	for (i = 0; i < t.n && i < TREE_FIRST; i++)
		tree_node(&t, i, width, 0);
	if (t.n > TREE_FIRST + 1) {
		rest = t.n - TREE_FIRST - 1;	/* between them and the last */
		for (k = 0; k < TREE_SAMPLE && k < rest; k++) {
			i = TREE_FIRST + (t.hash / (k * 977 + 1) + k) % rest;
			tree_node(&t, i, width, t.sizes[i] <= TREE_SHOW_MAX);
		}
	}
	if (t.n > 1)
		tree_node(&t, t.n - 1, width, 1); /* the deepest of a chain */
	tree_outline(&t);
	tree_search(&t);
	tree_places(&t);
	tree_print(&t, data, size, width);
	tree_free(&t);
}

#ifdef FUZZ_NAME
/* cause, with every "DIR/" of the files' folder taken out. */
static char *
tree_cause_unfiled(const char *cause)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*p, *q;
	size_t		 dlen;
	char		*dir;

	dir = xasprintf("%s/", fuzz_tmpdir());
	dlen = strlen(dir);
	for (p = cause; (q = strstr(p, dir)) != NULL; p = q + dlen)
		strbuf_add(&sb, p, (size_t)(q - p));
	strbuf_adds(&sb, p);
	free(dir);
	return strbuf_detach(&sb);
}
#endif

/*
 * Import the dataset tree_gen() made into the database in memory: from
 * its texts (csv_import_mem()), or from its files (csv_import_db(), on
 * one input in FILE_EVERY); in the replay, both, which must agree, the
 * files' messages naming their folder.  Returns 0, or -1 (it was refused,
 * and said why).
 */
static int
tree_import(struct db *db, const uint8_t *data, size_t size)
{
	struct csv_text	 texts[7];
	char		*cause = NULL;
	size_t		 n = tree_gen_texts(texts);
	int		 rc;
#ifdef FUZZ_NAME
	char		*fcause = NULL, *plain;
	int		 frc;

	tree_gen_write();
	frc = csv_import_db(db, fuzz_tmpdir(), &fcause);
	if (frc != 0)
		fuzz_memdb_check_empty();
	db = fuzz_memdb();
	rc = csv_import_mem(db, texts, n, &cause);
	if (rc != frc)
		fuzz_fail(rc == 0 ? "csv_import_mem took what csv_import_db "
		    "refused" : "csv_import_mem refused what csv_import_db "
		    "took", rc == 0 ? fcause : cause);
	if (rc != 0) {
		plain = tree_cause_unfiled(fcause);
		if (cause == NULL || strcmp(plain, cause) != 0)
			fuzz_fail("csv_import_mem and csv_import_db refused "
			    "it for different reasons", plain);
		free(plain);
	}
	free(fcause);
#else
	if (fuzz_sample(data, size, FILE_EVERY)) {
		tree_gen_write();
		rc = csv_import_db(db, fuzz_tmpdir(), &cause);
	} else
		rc = csv_import_mem(db, texts, n, &cause);
#endif
	(void)data;
	(void)size;
	if (rc != 0) {
		if (cause == NULL)
			fuzz_fail("csv_import: -1 without a cause", NULL);
		fuzz_memdb_check_empty();
		free(cause);
	}
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct db	*db;	/* the last import's, if it succeeded */
	int			 same;

	if (size < 1 || size > FUZZ_MAX_INPUT)
		return 0;
	fuzz_init();
	same = tree_gen(data + 1, size - 1);
#ifdef FUZZ_NAME
	same = 0;	/* the replay imports every input */
#endif
	/*
	 * A third of the fuzzer's inputs describe the dataset of the input
	 * before (a byte changed past what the generator reads, say): its
	 * import would do what it did then, and no reader writes, so the
	 * database is reused and only the readers run (or, if it failed,
	 * nothing).
	 */
	if (same) {
		if (db != NULL)
			tree_read(db, data, size);
		return 0;
	}
	db = fuzz_memdb();
	if (tree_import(db, data, size) != 0) {
		db = NULL;
		return 0;
	}
	tree_read(db, data, size);
	return 0;
}
