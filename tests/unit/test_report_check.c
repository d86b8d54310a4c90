/*
 * test_report_check.c: unit tests for report_check() (core/report_parse.h).
 *
 * What a report lacks, as warnings: no title (the file's name stands in),
 * no date, each theme of its framework not found (once, with how many
 * statements it has), each statement of a theme that was found.  For a
 * local authority: scores the summary gives and no page does are added
 * ("score-SLUG", "Score: N"), a page that disagrees with the summary, an
 * overall score that is not round(100 * sum / 36), a rating that is not
 * its band, a missing overall score or rating; a report with scores gets
 * the "places" part and the body's place node.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "core/report_parse.h"
#include "core/statements.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "../tap.h"

/* The statements a local authority is scored on, in statements[]. */
static const size_t	 la[9] = { 2, 3, 5, 8, 9, 11, 15, 16, 17 };

static struct report *
make(enum report_framework fw, int meta)
{
	struct report	*r = report_new();
	const char	*f;

	r->framework = fw;
	f = report_add_file(r, "made-up-la-2025 £ 日本語.txt");
	report_add_line(r, f, 412, xstrdup("end\t’"), 5);
	if (meta) {
		r->title = xstrdup("Made-up Borough Council: local authority "
		    "assessment");
		r->body = xstrdup("Made-up Borough Council £");
		r->published = xstrdup("1 May 2025");
	}
	return r;
}

static void
add_overall(struct report *r, int value)
{
	struct report_score	*sc;

	r->scores = xreallocarray(r->scores, r->nscores + 1, sizeof *sc);
	sc = &r->scores[r->nscores++];
	memset(sc, 0, sizeof *sc);
	sc->label = xstrdup("Overall");
	sc->measure = xstrdup("score-overall");
	sc->value = value;
	sc->out_of = 100;
	sc->text = xasprintf("scored %d out of 100", value);
}

/* The warnings, "LINE what" a line. */
static char *
warnings(const struct report *r)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i;

	for (i = 0; i < r->nwarnings; i++)
		strbuf_addf(&sb, "%lu %s\n", r->warnings[i].line,
		    r->warnings[i].what);
	return strbuf_detach(&sb);
}

static void
expect_warnings(const struct report *r, const char *want, const char *name)
{
	char	*got = warnings(r);

	tap_is_str(got, want, name);
	free(got);
}

static void
test_missing(void)
{
	struct report		*r;
	struct report_found	 f;
	size_t			 i;

	memset(&f, 0, sizeof f);
	r = make(REPORT_ICS, 0);
	report_check(r, &f);
	expect_warnings(r, "0 no title line found\n"
	    "0 no publication date found\n"
	    "0 theme 'Leadership' not found (nor its 8 quality statements)\n"
	    "0 theme 'Integration' not found (nor its 3 quality statements)\n"
	    "0 theme 'Quality and safety' not found (nor its 6 quality "
	    "statements)\n", "an empty ICS report: every theme, once");
	tap_is_str(r->title, "made-up-la-2025 £ 日本語.txt",
	    "no title: the file's name stands in");
	tap_is_int((long long)r->nnodes, 0, "no scores: no place node");
	report_free(r);

	r = make(REPORT_ICS, 1);
	report_add_node(r, "theme", NULL, "Integration", "", 0, NULL);
	f.end = &r->lines[0];
	for (i = 0; i < nstatements; i++)
		if (statements[i].ics_theme != NULL &&
		    strcmp(statements[i].ics_theme, "Integration") != 0)
			f.stmt_node[i] = 1;
	f.stmt_node[9] = 1;
	report_check(r, &f);
	expect_warnings(r, "412 quality statement 'Safe systems, pathways and "
	    "transitions' not found\n412 quality statement 'How staff, teams "
	    "and services work together' not found\n",
	    "a theme found: its missing statements, at the last line");
	report_free(r);
}

static const struct {
	const char	*name;
	int		 summary[9];
	int		 page[9];	/* 0: none */
	int		 found;		/* 0: the 9th statement not found */
	int		 overall;	/* -1: none */
	const char	*rating;
	size_t		 nscores;
	const char	*want;
} cases[] = {
	{ "all 3s, 75, Good", { 3, 3, 3, 3, 3, 3, 3, 3, 3 }, { 0 }, 1, 75,
	  "Good", 10, "" },
	{ "sum 23 is 64, Good", { 1, 2, 3, 4, 4, 3, 2, 1, 3 }, { 0 }, 1, 64,
	  "Good", 10, "" },
	{ "63 is not round(100 x 23 / 36)", { 1, 2, 3, 4, 4, 3, 2, 1, 3 },
	  { 0 }, 1, 63, "Good", 10,
	  "0 the overall score 63 is not round(100 x 23 / 36) = 64\n" },
	{ "a rating not the band", { 3, 3, 3, 3, 3, 3, 3, 3, 3 }, { 0 }, 1, 75,
	  "Outstanding", 10, "0 the rating 'Outstanding' is not the band of "
	  "the overall score 75 (Good)\n" },
	{ "25 is Inadequate", { 1, 1, 1, 1, 1, 1, 1, 1, 1 }, { 0 }, 1, 25,
	  "Inadequate", 10, "" },
	{ "below every band", { 1, 1, 1, 1, 1, 1, 1, 1, 1 }, { 0 }, 1, 24,
	  "Inadequate", 10, "0 the overall score 24 is not round(100 x 9 / 36)"
	  " = 25\n0 the rating 'Inadequate' is not the band of the overall "
	  "score 24 (below every band)\n" },
	{ "no rating", { 3, 3, 3, 3, 3, 3, 3, 3, 3 }, { 0 }, 1, 75, NULL, 10,
	  "0 no rating found\n" },
	{ "no overall score", { 3, 3, 3, 3, 3, 3, 3, 3, 3 }, { 0 }, 1, -1,
	  "Good", 9, "0 no overall score found\n" },
	{ "a page disagrees", { 3, 3, 3, 3, 3, 3, 3, 3, 3 },
	  { 0, 0, 2, 0, 0, 0, 0, 0, 0 }, 1, 75, "Good", 9,
	  "0 quality statement 'Learning, improvement and innovation': the "
	  "summary scores it 3, its page 2\n0 8 of the 9 statement scores "
	  "found: the overall score 75 cannot be checked\n" },
	{ "a statement the summary scores, not found",
	  { 3, 3, 3, 3, 3, 3, 3, 3, 3 }, { 0 }, 0, 75, "Good", 10,
	  "412 quality statement 'Assessing needs' not found (the summary "
	  "gives its score)\n" },
};

static void
check_added(const struct report *r, size_t k, int value)
{
	const struct report_score	*sc = NULL;
	char				*want;
	size_t				 i;

	for (i = 0; i < r->nscores; i++)
		if (strcmp(r->scores[i].label, statements[la[k]].name) == 0)
			sc = &r->scores[i];
	if (!tap_ok(sc != NULL, "the summary's score of '%s' added",
	    statements[la[k]].name))
		return;
	want = xasprintf("Score: %d", value);
	tap_ok(sc->value == value && sc->out_of == 4 &&
	    strcmp(sc->text, want) == 0 && sc->node == 100 + k,
	    "its value, out of 4, text and the summary's node");
	free(want);
	tap_ok(strncmp(sc->measure, "score-", 6) == 0 && sc->measure[6] != '\0',
	    "its measure is score-SLUG: %s", sc->measure);
}

static void
run_case(size_t c)
{
	struct report		*r = make(REPORT_LA, 1);
	struct report_found	 f;
	size_t			 k;

	memset(&f, 0, sizeof f);
	f.end = &r->lines[0];
	for (k = 0; k < 9; k++) {
		f.stmt_node[la[k]] = k < 8 || cases[c].found ? 1 : 0;
		f.summary_score[la[k]] = cases[c].summary[k];
		f.page_score[la[k]] = cases[c].page[k];
		f.summary_order[f.nsummary++] = la[k];
		f.summary_node[la[k]] = 100 + k;
	}
	if (cases[c].overall >= 0)
		add_overall(r, cases[c].overall);
	if (cases[c].rating != NULL)
		r->rating = xstrdup(cases[c].rating);
	report_check(r, &f);
	expect_warnings(r, cases[c].want, cases[c].name);
	tap_is_int((long long)r->nscores, (long long)cases[c].nscores,
	    "the scores, with the summary's");
	if (c == 1)
		for (k = 0; k < 9; k++)
			check_added(r, k, cases[c].summary[k]);
	tap_ok(r->nnodes == 2 && strcmp(r->nodes[0].slug, "places") == 0 &&
	    strcmp(r->nodes[1].kind, "place") == 0 && r->nodes[1].parent == 1 &&
	    strcmp(r->nodes[1].title, "Made-up Borough Council £") == 0 &&
	    r->place == 2, "scores: the places part and the body's place");
	report_free(r);
}

int
main(void)
{
	size_t	 c;

	test_missing();
	for (c = 0; c < sizeof cases / sizeof *cases; c++)
		run_case(c);
	return tap_done();
}
