/*
 * tree_gen.c: the dataset that an input of fuzz_tree describes.
 *
 * The input is not CSV but a program that writes a dataset: each byte,
 * read in turn (zeros once it runs out), picks the next step.  Nodes come
 * in runs (a chain as deep as 300, past the limit of 256; a fan as wide
 * as 400, all a dataset may have; a node whose parent is any id, the node
 * itself or one not yet made: cycles and dangling parents), with links,
 * sources, slugs that collide and texts in several scripts, with tabs,
 * controls, quotes and markup; then blocks,
 * places, figures whose place, node and comparator may be anything, and
 * mentions.  Every field is quoted, so the CSV itself is sound: what is
 * fuzzed is the structure and the text, not the syntax (fuzz_csv does that).
 *
 * The runs of an input of n bytes stop at 16 + n / 4 nodes: a large tree
 * takes a long input (300 nodes, 1,136 bytes, which may be zeros), so
 * that the short inputs the fuzzer tries most are fast.  Importing 400
 * nodes costs some 5 ms, twenty times as much as one node.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv_import.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "fuzz.h"

#define TREE_MAX_NODES	400	/* nodes a dataset may have */
#define TREE_NODES_BASE	16	/* an input of n bytes: this many */
#define TREE_BYTES_NODE	4	/* ... and one more every so many bytes */

/* The input, read a byte at a time. */
struct gen {
	const uint8_t	*p;
	size_t		 n;
	int64_t		 nodes;		/* made so far (ids 1..nodes) */
	int64_t		 max;		/* runs stop at this many */
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
	const char	*q;

	/*
	 * A quote doubled: the text up to it and it, then it again.  A run
	 * at a time, not a byte (every comparison is hooked in the fuzzer).
	 */
	strbuf_addc(sb, '"');
	while ((q = strchr(s, '"')) != NULL) {
		strbuf_add(sb, s, (size_t)(q - s) + 1);
		strbuf_addc(sb, '"');
		s = q + 1;
	}
	strbuf_adds(sb, s);
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
		k = 1 + gen_byte(g) * 300 / 256;
		parent = op & 0x80 ? gen_node_ref(g) : 0;
		for (i = 0; i < k && g->nodes < g->max; i++) {
			gen_node(g, parent, i == 0 ? flags : flags & ~1u);
			parent = g->nodes;
		}
		break;
	case 1:		/* a fan of siblings */
		k = 1 + gen_byte(g) * 2;
		parent = op & 0x80 ? gen_node_ref(g) : 0;
		for (i = 0; i < k && g->nodes < g->max; i++)
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

/*
 * The files as the last call made them, so that an input that describes
 * the same dataset as the one before is known, and so that a file the
 * input leaves as it was is not written again (most inputs change a few
 * of the seven: the writes were a tenth of a small input's time): written
 * says which fuzz_tmpdir() holds as they are.
 */
static struct strbuf	 gen_last[7];
static int		 gen_written[7];
static int		 gen_made;

static void
gen_last_free(void)
{
	int	 i;

	for (i = 0; i < 7; i++)
		strbuf_free(&gen_last[i]);
}

int
tree_gen(const uint8_t *data, size_t size)
{
	struct gen	 g;
	int		 i, same = gen_made;

	memset(&g, 0, sizeof g);
	g.p = data;
	g.n = size;
	g.max = size / TREE_BYTES_NODE < TREE_MAX_NODES - TREE_NODES_BASE ?
	    TREE_NODES_BASE + (int64_t)(size / TREE_BYTES_NODE) :
	    TREE_MAX_NODES;
	gen_dataset(&g);
	if (!gen_made)
		atexit(gen_last_free);
	for (i = 0; i < 7; i++) {
		if (!gen_made || g.csv[i].len != gen_last[i].len ||
		    memcmp(g.csv[i].buf, gen_last[i].buf, g.csv[i].len) != 0) {
			same = 0;
			gen_written[i] = 0;
			strbuf_reset(&gen_last[i]);
			strbuf_add(&gen_last[i], g.csv[i].buf, g.csv[i].len);
		}
		strbuf_free(&g.csv[i]);
	}
	gen_made = 1;
	return same;
}

size_t
tree_gen_texts(struct csv_text *out)
{
	int	 i;

	for (i = 0; i < 7; i++) {
		out[i].name = tree_files[i];
		out[i].buf = gen_last[i].buf != NULL ? gen_last[i].buf : "";
		out[i].len = gen_last[i].len;
	}
	return 7;
}

void
tree_gen_write(void)
{
	char	*path;
	FILE	*f;
	int	 i;

	for (i = 0; i < 7; i++) {
		if (gen_written[i])
			continue;
		path = xasprintf("%s/%s.csv", fuzz_tmpdir(), tree_files[i]);
		if ((f = fopen(path, "w")) == NULL || fwrite(gen_last[i].buf,
		    1, gen_last[i].len, f) != gen_last[i].len || fclose(f) != 0)
			fuzz_fail("cannot write", path);
		free(path);
		gen_written[i] = 1;
	}
}
