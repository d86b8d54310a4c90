/*
 * test_report.c: unit tests for core/report.h, the report as read.
 *
 * A new report is empty; files are copied and the copy returned; lines
 * take their text; nodes copy their strings, make a slug from the title
 * when given none, and number a sibling's repeated slug "-2", "-3"
 * (siblings only); blocks take their text; notes keep where they were
 * (or 0 for the whole report) with multilingual text; report_free()
 * takes NULL.  Run under ASan/valgrind, a leak or double free fails.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/report.h"
#include "core/xmalloc.h"
#include "../tap.h"

static void
test_files_lines(struct report *r)
{
	char		 name[] = "made-up £ 日本語.txt";
	const char	*f, *g;
	struct report_line *l, *l2;
	char		*text = xstrdup("Leadership\t’ \xff bad");

	f = report_add_file(r, name);
	tap_ok(f != name, "report_add_file returns a copy, not the name");
	name[0] = 'X';
	tap_is_str(f, "made-up £ 日本語.txt", "the copy outlives the caller's");
	g = report_add_file(r, "second.txt");
	tap_is_int((long long)r->nfiles, 2, "two files");
	tap_ok(r->files[0] == f && r->files[1] == g, "files[] hold the copies");
	l = report_add_line(r, f, 7, text, strlen(text));
	tap_ok(l->text == text, "report_add_line takes the text itself");
	tap_ok(l->file == f && l->no == 7 && l->len == strlen(text),
	    "the line keeps file, number and length");
	tap_ok(l->indent == 0 && l->gap == 0 && l->level == 0 && l->page == 0,
	    "the rest of a new line is zero");
	l2 = report_add_line(r, g, 1, xstrdup(""), 0);
	tap_is_int((long long)r->nlines, 2, "two lines");
	tap_ok(&r->lines[1] == l2 && r->lines[0].text == text,
	    "lines[] keeps the order they were added in");
}

static const struct {
	const char	*slug;		/* NULL: made from the title */
	const char	*title;
	size_t		 parent;
	const char	*want;		/* NULL: slug_make(title) */
} nodes[] = {
	{ "findings", "Findings", 0, "findings" },
	{ "findings", "Findings again", 0, "findings-2" },
	{ "findings", "Findings thrice", 0, "findings-3" },
	{ "findings", "Under the first", 1, "findings" },
	{ "", "Empty slug", 0, "section" },
	{ "", "Empty slug again", 0, "section-2" },
	{ NULL, "Working with people — £ 日本語", 0, NULL },
	{ NULL, "Working with people — £ 日本語", 0, "" },
};

static void
test_nodes(struct report *r)
{
	struct report_line	*at = &r->lines[0];
	char			*made, *want;
	size_t			 i, n;

	for (i = 0; i < sizeof nodes / sizeof *nodes; i++) {
		n = report_add_node(r, "theme", nodes[i].slug, nodes[i].title,
		    "", nodes[i].parent, i == 0 ? at : NULL);
		tap_is_int((long long)n, (long long)i + 1,
		    "report_add_node returns its index + 1");
		made = slug_make(nodes[i].title);
		if (nodes[i].want == NULL)
			want = xstrdup(made);
		else if (*nodes[i].want == '\0')
			want = xasprintf("%s-2", made);
		else
			want = xstrdup(nodes[i].want);
		tap_is_str(r->nodes[i].slug, want, nodes[i].title);
		free(want);
		free(made);
		tap_ok(r->nodes[i].title != nodes[i].title &&
		    strcmp(r->nodes[i].title, nodes[i].title) == 0 &&
		    r->nodes[i].parent == nodes[i].parent,
		    "node %zu: title copied, parent kept", i + 1);
	}
	tap_ok(r->nodes[0].file == at->file && r->nodes[0].line == 7,
	    "a node keeps the line it was at");
	tap_ok(r->nodes[1].file == NULL && r->nodes[1].line == 0,
	    "a node at no line has none");
	tap_is_str(r->nodes[0].heading, "", "the heading is copied");
	tap_is_int((long long)r->nodes[0].link, 0, "a new node links nowhere");
}

static void
test_blocks_notes(struct report *r)
{
	char	*text = xstrdup("Carers said “it’s £5” 日本語\tand \xc3(bad)");
	int	 i;

	report_add_block(r, 1, "para", text, &r->lines[0]);
	tap_ok(r->nblocks == 1 && r->blocks[0].text == text &&
	    strcmp(r->blocks[0].kind, "para") == 0 && r->blocks[0].node == 1,
	    "report_add_block takes the text and keeps node and kind");
	tap_ok(r->blocks[0].line == 7 && r->blocks[0].file == r->files[0],
	    "the block keeps its line");
	report_add_block(r, 2, "item", xstrdup("•"), NULL);
	tap_ok(r->blocks[1].line == 0 && r->blocks[1].file == NULL,
	    "a block at no line has none");
	report_drop(r, &r->lines[1], "page furniture: %s", "Page 3 of 9 £");
	report_warn(r, NULL, "missing theme %s (%d)", "‘Safe’ 日本語", 2);
	for (i = 0; i < 40; i++)
		report_warn(r, &r->lines[0], "w%d", i);
	tap_ok(r->ndropped == 1 && r->dropped[0].line == 1 &&
	    r->dropped[0].file == r->files[1], "report_drop keeps the line");
	tap_is_str(r->dropped[0].what, "page furniture: Page 3 of 9 £",
	    "report_drop formats its note");
	tap_is_str(r->warnings[0].what, "missing theme ‘Safe’ 日本語 (2)",
	    "report_warn formats its note");
	tap_ok(r->warnings[0].line == 0 && r->warnings[0].file == NULL,
	    "a note at NULL is about the whole report");
	tap_is_int((long long)r->nwarnings, 41, "warnings grow past powers of 2");
	tap_is_str(r->warnings[40].what, "w39", "the last warning kept");
	tap_is_int((long long)r->ndropped, 1, "warnings do not go to dropped");
}

int
main(void)
{
	struct report	*r;

	r = report_new();
	tap_ok(r != NULL && r->nfiles == 0 && r->nlines == 0 &&
	    r->nnodes == 0 && r->nwarnings == 0 && r->title == NULL &&
	    r->framework == REPORT_UNKNOWN, "report_new is empty");
	test_files_lines(r);
	test_nodes(r);
	test_blocks_notes(r);
	r->title = xstrdup("Made-up council £");
	report_free(r);
	report_free(NULL);
	tap_ok(1, "report_free frees a full report and takes NULL");
	return tap_done();
}
