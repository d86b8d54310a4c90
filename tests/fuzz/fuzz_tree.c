/*
 * fuzz_tree.c: whole databases of any shape, and every reader over them.
 *
 * The input is not CSV but a program that writes a dataset: each byte of
 * it, read in turn (zeros once it runs out), picks the next step.  Nodes
 * come in runs (a chain as deep as 600, a fan as wide as 1,000, a node
 * whose parent is any id, the node itself or one not yet made: cycles and
 * dangling parents), with links, sources, slugs that collide and texts in
 * several scripts, with tabs, controls, quotes and markup; then blocks,
 * places, figures whose place, node and comparator may be anything, and
 * mentions.  The tables are written as the CSV files of a dataset and
 * imported with csv_import_db() into a database in memory (the same one
 * every time, emptied).
 *
 * An import may fail; then it must say why.  If it succeeds, every reader
 * runs over the database, as the commands do: tree (model_walk), show of
 * every node (or, in a large tree, of a sample) and side by side, the
 * outline's reads, a node's ancestors, children, counterpart, blocks and
 * figures, search, places, compare of pairs of places, and print in each
 * format (the PDF for one small tree in 256, and always in the replay).
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

#define TREE_MAX_NODES	4000	/* nodes a dataset may have */
#define TREE_SHOW_ALL	120	/* up to this many, show every node */
#define TREE_SHOW_SOME	24	/* past it, show this many */
#define TREE_PDF_MAX	40	/* nodes of a tree that may go to PDF */

/* The input, read a byte at a time. */
struct gen {
	const uint8_t	*p;
	size_t		 n;
	int64_t		 nodes;		/* made so far (ids 1..nodes) */
	int		 places, figures;
	struct strbuf	 csv[7];	/* the files, in the order of tables[] */
};

enum { T_META, T_SOURCES, T_NODES, T_BLOCKS, T_PLACES, T_FIGURES,
    T_MENTIONS };

static const char *const tree_files[] = { "meta", "sources", "nodes",
    "blocks", "places", "figures", "mentions" };
static const char *const tree_heads[] = { "key,value",
    "code,title,publisher,date",
    "id,parent,kind,slug,title,heading,link,source", "node,kind,text",
    "code,kind,name,node",
    ("id,measure,label,place,value,text,unit,out_of,period,basis,"
    "comparator,direction,node"), "node,place" };

static const char *const tree_kinds[] = { "part", "section", "theme",
    "direction", "strengths", "development", "summary", "statement",
    "key-messages", "subsection", "priority-area", "cyp-section", "place",
    "background" };
static const char *const tree_slugs[] = { "a", "b", "learning-culture",
    "x-1", "Upper", "two words", "-dash", "" };
static const char *const tree_texts[] = {
	"Learning culture", "£909.1 million", "It’s “quoted”",
	"日本語のテキスト", "a\ttab", "two\nlines", "\x01\x1b[31mred",
	"<b>bold</b> & <script>", "\"quotes\", commas,", "80.5%", "822,000",
	"\xe2\x80\x8b zero width \xc2\xad", "#", "", " ", "Ｗｉｄｅ",
	"*emphasis* _under_ `code` [link](#)", "\xc3\x28 bad", "\xef\xbf\xbf",
	"\xf0\x9f\x98\x80 emoji", "--", "e\xcc\x81 combining",
};
static const char *const tree_place_kinds[] = { "ics", "place", "country",
    "ward", "pcn", "trust", "icb" };
static const char *const tree_units[] = { "%", "years", "people", "£m",
    "rank", "score", "" };
static const char *const tree_bases[] = { "value", "average", "target",
    "other" };
static const char *const tree_dirs[] = { "", "better", "worse", "same" };

#define PICK(g, a)	((a)[gen_byte(g) % (sizeof (a) / sizeof (a)[0])])

static unsigned
gen_byte(struct gen *g)
{
	if (g->n == 0)
		return 0;
	g->n--;
	return *g->p++;
}

static void
gen_field(struct gen *g, int t, const char *s, int last)
{
	struct strbuf	*sb = &g->csv[t];

	strbuf_addc(sb, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			strbuf_addc(sb, '"');
		strbuf_addc(sb, *s);
	}
	strbuf_adds(sb, last ? "\"\n" : "\",");
}

static void
gen_int(struct gen *g, int t, long long v, int last)
{
	char	 buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	gen_field(g, t, buf, last);
}

/* A text: a sample, or (one in eight) some bytes of the input itself. */
static char *
gen_text(struct gen *g)
{
	unsigned	 b = gen_byte(g), len, i;
	char		*s;

	if (b % 8 != 7)
		return xstrdup(tree_texts[b % (sizeof tree_texts /
		    sizeof tree_texts[0])]);
	len = gen_byte(g) % 48;
	s = xmalloc(len + 1);
	for (i = 0; i < len; i++)
		s[i] = (char)(gen_byte(g) | 0x20);	/* no NUL, no newline */
	s[len] = '\0';
	return s;
}

static void
gen_text_field(struct gen *g, int t, int last)
{
	char	*s = gen_text(g);

	gen_field(g, t, s, last);
	free(s);
}

/* A reference to a node: mostly one that exists, else any id. */
static long long
gen_node_ref(struct gen *g)
{
	unsigned	 b = gen_byte(g);

	if (g->nodes == 0 || b >= 240)
		return (long long)(b - 240) * 7 - 3;
	return 1 + (long long)(b * 131u) % g->nodes;
}

static void
gen_node(struct gen *g, long long parent, unsigned flags)
{
	char		 slug[32];
	long long	 id = ++g->nodes;

	gen_int(g, T_NODES, id, 0);
	if (parent > 0)
		gen_int(g, T_NODES, parent, 0);
	else
		gen_field(g, T_NODES, "", 0);
	gen_field(g, T_NODES, PICK(g, tree_kinds), 0);
	snprintf(slug, sizeof slug, "n%lld", id);
	/* Short slugs make deep paths: "a/a/a/...". */
	gen_field(g, T_NODES, flags & 1 ? PICK(g, tree_slugs) : flags & 64 ?
	    "a" : slug, 0);
	gen_text_field(g, T_NODES, 0);
	if (flags & 2)
		gen_text_field(g, T_NODES, 0);
	else
		gen_field(g, T_NODES, "", 0);
	if (flags & 4)
		gen_int(g, T_NODES, gen_node_ref(g), 0);
	else
		gen_field(g, T_NODES, "", 0);
	gen_field(g, T_NODES, flags & 8 ? (flags & 16 ? "zz" : "cqc") : "", 1);
}

/* One run of nodes, as the next byte says. */
static void
gen_nodes_run(struct gen *g)
{
	unsigned	 op = gen_byte(g), k, i, flags = gen_byte(g);
	long long	 parent;

	switch (op % 6) {
	case 0:		/* a chain, each the child of the one before */
		k = 1 + gen_byte(g) * 600 / 256;
		parent = op & 0x80 ? gen_node_ref(g) : 0;
		for (i = 0; i < k && g->nodes < TREE_MAX_NODES; i++) {
			gen_node(g, parent, i == 0 ? flags : flags & ~1u);
			parent = g->nodes;
		}
		break;
	case 1:		/* a fan of siblings */
		k = 1 + gen_byte(g) * 4;
		parent = op & 0x80 ? gen_node_ref(g) : 0;
		for (i = 0; i < k && g->nodes < TREE_MAX_NODES; i++)
			gen_node(g, parent, flags & ~1u);
		break;
	case 2:		/* a parent anywhere: itself, later, missing */
		parent = g->nodes + (long long)(gen_byte(g) % 5) - 1;
		gen_node(g, parent, flags);
		break;
	default:	/* one node under one that exists, or at the top */
		gen_node(g, op & 0x80 ? gen_node_ref(g) : 0, flags);
		break;
	}
}

static void
gen_blocks(struct gen *g)
{
	static const char *const kinds[] = { "para", "item", "subitem",
	    "quote" };
	unsigned	 k = gen_byte(g), i;

	for (i = 0; i < k; i++) {
		gen_int(g, T_BLOCKS, gen_node_ref(g), 0);
		gen_field(g, T_BLOCKS, PICK(g, kinds), 0);
		gen_text_field(g, T_BLOCKS, 1);
	}
}

static void
gen_place_code(struct gen *g, int t, int last)
{
	unsigned	 b = gen_byte(g);

	if (g->places == 0 || b >= 250)
		gen_field(g, t, b % 2 ? "nowhere" : "", last);
	else
		gen_int(g, t, b % g->places, last);
}

static void
gen_places(struct gen *g)
{
	unsigned	 k = gen_byte(g) % 12, i;

	for (i = 0; i < k; i++) {
		gen_int(g, T_PLACES, g->places++, 0);	/* codes "0", "1", ... */
		gen_field(g, T_PLACES, PICK(g, tree_place_kinds), 0);
		gen_text_field(g, T_PLACES, 0);
		gen_int(g, T_PLACES, gen_node_ref(g), 1);
	}
}

static void
gen_figure(struct gen *g)
{
	static const char *const values[] = { "0", "80.5", "-3.25", "822000",
	    "1e308", "0.1", "14", "1e-300" };
	unsigned	 b;

	gen_int(g, T_FIGURES, ++g->figures, 0);
	gen_field(g, T_FIGURES, gen_byte(g) % 2 ? "m1" : "m2", 0);
	gen_text_field(g, T_FIGURES, 0);
	gen_place_code(g, T_FIGURES, 0);
	gen_field(g, T_FIGURES, PICK(g, values), 0);
	/* The text must occur in its node's blocks: a sample often does. */
	gen_field(g, T_FIGURES, PICK(g, tree_texts), 0);
	gen_field(g, T_FIGURES, PICK(g, tree_units), 0);
	b = gen_byte(g);
	if (b % 3 == 0)
		gen_int(g, T_FIGURES, b / 3, 0);
	else
		gen_field(g, T_FIGURES, "", 0);
	gen_text_field(g, T_FIGURES, 0);
	gen_field(g, T_FIGURES, PICK(g, tree_bases), 0);
	b = gen_byte(g);
	if (b % 2 == 0)
		gen_int(g, T_FIGURES, (long long)(b / 2) % (g->figures + 3), 0);
	else
		gen_field(g, T_FIGURES, "", 0);
	gen_field(g, T_FIGURES, PICK(g, tree_dirs), 0);
	gen_int(g, T_FIGURES, gen_node_ref(g), 1);
}

static void
gen_dataset(struct gen *g)
{
	unsigned	 runs, i, k, meta = gen_byte(g);

	for (i = 0; i < 7; i++) {
		strbuf_adds(&g->csv[i], tree_heads[i]);
		strbuf_addc(&g->csv[i], '\n');
	}
	strbuf_adds(&g->csv[T_META], "title,Fuzz\n");
	if (!(meta & 1))
		strbuf_adds(&g->csv[T_META], "publisher,Fuzz\n");
	strbuf_adds(&g->csv[T_META], "published,2026\n");
	strbuf_adds(&g->csv[T_SOURCES], "cqc,CQC,CQC,2024\n");
	runs = 1 + gen_byte(g) % 16;
	for (i = 0; i < runs; i++)
		gen_nodes_run(g);
	gen_blocks(g);
	gen_places(g);
	for (k = gen_byte(g) % 16, i = 0; i < k; i++)
		gen_figure(g);
	for (k = gen_byte(g) % 8, i = 0; i < k; i++) {
		gen_int(g, T_MENTIONS, gen_node_ref(g), 0);
		gen_place_code(g, T_MENTIONS, 1);
	}
}

static void
gen_write(struct gen *g)
{
	char	*path;
	FILE	*f;
	int	 i;

	for (i = 0; i < 7; i++) {
		path = xasprintf("%s/%s.csv", fuzz_tmpdir(), tree_files[i]);
		if ((f = fopen(path, "w")) == NULL ||
		    fwrite(g->csv[i].buf, 1, g->csv[i].len, f) != g->csv[i].len
		    || fclose(f) != 0)
			fuzz_fail("cannot write", path);
		free(path);
		strbuf_free(&g->csv[i]);
	}
}

/* What the readers found: the nodes in tree order. */
struct tree {
	struct db	*db;
	int64_t		*ids;
	char		**paths;
	size_t		 n, cap;
	char		**codes;	/* the places */
	size_t		 ncodes;
};

/* Every text of a document is clean: valid UTF-8, no control at all. */
static void
tree_check_text(const char *s, const char *what)
{
	size_t	 bad;

	if (s == NULL)
		return;
	if (utf8_validate(s, strlen(s), &bad) != 0)
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

static int
tree_walk_cb(const struct node *n, void *arg)
{
	struct tree	*t = arg;

	if (n->path == NULL || n->depth < 0)
		fuzz_fail("model_walk", "a node without a path or depth");
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->ids = xreallocarray(t->ids, t->cap, sizeof *t->ids);
		t->paths = xreallocarray(t->paths, t->cap, sizeof *t->paths);
	}
	t->ids[t->n] = n->id;
	t->paths[t->n++] = xstrdup(n->path);
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

/* One node as show, the outline and the panes read it. */
static void
tree_node(struct tree *t, size_t i, int width)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct node	 n;
	struct doc	*doc;
	int64_t		 id = t->ids[i], got, last;
	char		*cause = NULL;

	tree_ok(model_get(t->db, id, &n, &cause), "model_get", cause);
	node_clear(&n);
	tree_ok(model_resolve(t->db, t->paths[i], &got, &cause),
	    "model_resolve of a node's own path", cause);
	if (got != id)
		fuzz_fail("model_resolve", "a path names another node");
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
	tree_ok(figures_of_subtree(t->db, id, tree_figure_cb, NULL, &cause),
	    "figures_of_subtree", cause);
	doc = doc_new(t->db);
	tree_ok(doc_add_node(doc, t->db, id, &cause), "doc_add_node", cause);
	tree_check_doc(doc);
	fmt_plain_buf(doc, &sb, width);
	if (strchr(strbuf_str(&sb), 0x1b) != NULL)
		fuzz_fail("show", "an escape character in the output");
	strbuf_free(&sb);
	doc_free(doc);
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
		if (++pages > TREE_MAX_NODES)
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
	char	*cause = NULL;
	size_t	 i, j;

	for (i = 0; i < sizeof queries / sizeof queries[0]; i++)
		for (j = 0; j < sizeof flags / sizeof flags[0]; j++)
			tree_ok(find_search(t->db, queries[i], flags[j],
			    j == 2 && t->n > 0 ? t->ids[0] : 0, 20,
			    tree_hit_cb, NULL, &cause), "find_search", cause);
}

/* Every place, and compare of each with the next and with itself. */
static void
tree_places(struct tree *t)
{
	struct place_rec	 rec;
	struct cmp		*c;
	char			*cause = NULL;
	size_t			 i, r;

	tree_ok(places_list(t->db, tree_place_cb, t, &cause), "places_list",
	    cause);
	for (i = 0; i < t->ncodes; i++) {
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
}

/* print of the whole tree, in every format; the PDF only when cheap. */
static void
tree_print(struct tree *t, const uint8_t *data, size_t size, int width)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct doc	*doc, *b;
	char		*cause = NULL;

	doc = doc_new(t->db);
	tree_ok(doc_add_node(doc, t->db, 0, &cause), "doc_add_node", cause);
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
	/* show --side-by-side of the first node and the last. */
	b = doc_new(t->db);
	if (t->n > 0)
		tree_ok(doc_add_node(b, t->db, t->ids[t->n - 1], &cause),
		    "doc_add_node", cause);
	if (fuzz_sample(data, size, 4))
		fmt_plain_side_by_side(doc, b, fuzz_devnull(), width);
	doc_free(b);
	doc_free(doc);
	strbuf_free(&sb);
}

static void
tree_free(struct tree *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		free(t->paths[i]);
	for (i = 0; i < t->ncodes; i++)
		free(t->codes[i]);
	free(t->ids);
	free(t->paths);
	free(t->codes);
}

static void
tree_read(struct db *db, const uint8_t *data, size_t size)
{
	struct tree	 t;
	char		*cause = NULL;
	size_t		 i, step;
	int		 width = data[0] % 120;

	memset(&t, 0, sizeof t);
	t.db = db;
	tree_ok(model_walk(db, 0, tree_walk_cb, &t, &cause), "model_walk",
	    cause);
	free(model_meta(db, "title"));
	model_count_roots(db);
	step = t.n <= TREE_SHOW_ALL ? 1 : t.n / TREE_SHOW_SOME;
	for (i = 0; i < t.n; i += step)
		tree_node(&t, i, width);
	if (t.n > 0 && step > 1)
		tree_node(&t, t.n - 1, width);	/* the deepest of a chain */
	tree_outline(&t);
	tree_search(&t);
	tree_places(&t);
	tree_print(&t, data, size, width);
	tree_free(&t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gen	 g;
	struct db	*db;
	char		*cause = NULL;

	if (size < 1 || size > FUZZ_MAX_INPUT)
		return 0;
	fuzz_init();
	memset(&g, 0, sizeof g);
	g.p = data + 1;
	g.n = size - 1;
	gen_dataset(&g);
	gen_write(&g);
	db = fuzz_memdb();
	if (csv_import_db(db, fuzz_tmpdir(), &cause) != 0) {
		if (cause == NULL)
			fuzz_fail("csv_import_db: -1 without a cause", NULL);
		free(cause);
		return 0;
	}
	tree_read(db, data, size);
	return 0;
}
