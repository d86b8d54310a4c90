/*
 * test_report_tree.c: a report's units into its tree (report_tree.c,
 * report_tree_build() in include/core/report_parse.h).
 *
 * Units are made by hand, each with its own line, so that the tree is
 * tested apart from the layout: which framework, which nodes under
 * which, which blocks in which node, and the refusal of text that is no
 * report.  Then the made-up LA fixture, through the layout, for scores.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "core/report_layout.h"
#include "core/report_parse.h"
#include "core/report_text.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "../tap.h"

#define MAXU	16

struct ucase {
	const char	*name;
	const char	*units[MAXU];	/* "P:text" para, "I:text" item */
	int		 rc;
	int		 framework;
	const char	*nodes;		/* kind:title<parent's index + 1 ... */
	const char	*blocks;	/* node index + 1/kind:text | ... */
};

static const struct ucase cases[] = {
	{ "an ICS theme, statement and its parts", {
	    "P:Theme 1: Leadership",
	    "P:Quality statement: Capable, compassionate and inclusive leaders",
	    "P:Key messages",
	    "P:Leaders in the made-up system are visible \xe2\x80\x98" "and kind\xe2\x80\x99.",
	    "I:£5 a head\tfor 日本語 leaflets",
	    NULL },
	  0, REPORT_ICS,
	  "theme:Leadership<0 statement:Capable, compassionate and inclusive "
	  "leaders<1 key-messages:Key messages<2",
	  "3/para:Leaders in the made-up system are visible \xe2\x80\x98"
	  "and kind\xe2\x80\x99. | 3/item:£5 a head\tfor 日本語 leaflets" },
	{ "a statement with no theme gets its framework's theme", {
	    "P:Quality statement: Safeguarding",
	    "P:Partners work well together.",
	    NULL },
	  0, REPORT_ICS,
	  "theme:Quality and safety<0 statement:Safeguarding<1",
	  "2/para:Partners work well together." },
	{ "no heading of either framework", {
	    "P:A shopping list",
	    "I:eggs",
	    "I:Caf\xe9 \xff",
	    NULL },
	  -1, REPORT_UNKNOWN, "", "" },
	{ "no units at all", { NULL }, -1, REPORT_UNKNOWN, "", "" },
	{ "an LA title makes it an LA report", {
	    "P:Made-up Borough Council: local authority assessment",
	    "P:Overall summary",
	    "P:Made-up text about the council.",
	    NULL },
	  0, REPORT_LA, NULL, NULL },
};

static char *
dump_nodes(const struct report *r)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i;

	strbuf_add(&sb, "", 0);
	for (i = 0; i < r->nnodes; i++) {
		if (i > 0)
			strbuf_addc(&sb, ' ');
		strbuf_addf(&sb, "%s:%s<%zu", r->nodes[i].kind,
		    r->nodes[i].title, r->nodes[i].parent);
	}
	return strbuf_detach(&sb);
}

static char *
dump_blocks(const struct report *r)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i;

	strbuf_add(&sb, "", 0);
	for (i = 0; i < r->nblocks; i++) {
		if (i > 0)
			strbuf_add(&sb, " | ", 3);
		strbuf_addf(&sb, "%zu/%s:%s", r->blocks[i].node,
		    r->blocks[i].kind, r->blocks[i].text);
	}
	return strbuf_detach(&sb);
}

static void
run_case(const struct ucase *c)
{
	struct report		*r = report_new();
	struct report_unit	 u[MAXU];
	const char		*file = report_add_file(r, "u.txt");
	char			*cause = NULL, *d;
	size_t			 n, i;
	int			 rc;

	for (n = 0; c->units[n] != NULL; n++) {
		const char	*s = c->units[n] + 2;

		report_add_line(r, file, n + 1, xstrdup(s), strlen(s));
	}
	/* Lines may move as they grow: point at them once all are in. */
	for (i = 0; i < n; i++) {
		memset(&u[i], 0, sizeof u[i]);
		u[i].kind = c->units[i][0] == 'I' ? UNIT_ITEM : UNIT_PARA;
		u[i].text = xstrdup(c->units[i] + 2);
		u[i].at = &r->lines[i];
		u[i].nlines = 1;
	}
	rc = report_tree_build(r, u, n, &cause);
	tap_is_int(rc, c->rc, c->name);
	tap_is_int(r->framework, c->framework, "  its framework");
	if (c->rc != 0)
		tap_is_str(cause, "u.txt: not a CQC assessment report: no "
		    "theme or quality statement headings found",
		    "  the cause names the file");
	else
		tap_is_str(cause, NULL, "  no cause");
	if (c->nodes != NULL) {
		d = dump_nodes(r);
		tap_is_str(d, c->nodes, "  its nodes");
		free(d);
	}
	if (c->blocks != NULL) {
		d = dump_blocks(r);
		tap_is_str(d, c->blocks, "  its blocks");
		free(d);
	}
	for (i = 0; i < r->nblocks; i++)
		if (r->blocks[i].node == 0 || r->blocks[i].node > r->nnodes)
			break;
	tap_ok(i == r->nblocks, "  every block in a node");
	free(cause);
	for (i = 0; i < n; i++)
		free(u[i].text);
	report_free(r);
}

static const struct report_score *
score_of(const struct report *r, const char *label)
{
	size_t	 i;

	for (i = 0; i < r->nscores; i++)
		if (strcmp(r->scores[i].label, label) == 0)
			return &r->scores[i];
	return NULL;
}

static void
test_fixture(void)
{
	struct report			*r = report_new();
	struct report_unit		*u;
	const struct report_score	*sc;
	char				*path, *cause = NULL;
	size_t				 n;

	path = xasprintf("%s/tests/reports/made-up-la-2024.txt",
	    getenv("top_srcdir") != NULL ? getenv("top_srcdir") : ".");
	if (report_text_load(r, path, &cause) != 0) {
		tap_ok(0, "load %s: %s", path, cause);
		free(cause);
		free(path);
		report_free(r);
		return;
	}
	u = report_layout(r, &n);
	tap_is_int(report_tree_build(r, u, n, &cause), 0,
	    "the made-up LA report builds");
	report_layout_free(u, n);
	tap_is_int(r->framework, REPORT_LA, "  an LA report");
	tap_is_str(r->rating, "Good", "  its rating");
	sc = score_of(r, "Overall");
	tap_ok(sc != NULL && sc->value == 78 && sc->out_of == 100,
	    "  scored 78 out of 100");
	sc = score_of(r, "Assessing needs");
	tap_ok(sc != NULL && sc->out_of == 4 && sc->value >= 1 &&
	    sc->value <= 4 && r->nodes[sc->node - 1].title != NULL &&
	    strcmp(r->nodes[sc->node - 1].kind, "statement") == 0,
	    "  a statement's score, cited by its statement node");
	free(cause);
	free(path);
	report_free(r);
}

int
main(void)
{
	size_t	 i;

	setlocale(LC_ALL, "C.UTF-8");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		run_case(&cases[i]);
	test_fixture();
	return tap_done();
}
