/*
 * test_report_layout.c: unit tests for core/report_layout.h.
 *
 * Texts read by report_text_add() (made up, as in tests/reports/), laid
 * out: a paragraph a line (a web page's) with its bullets as items and
 * sub-items, furniture dropped and noted (a URL, page numbers, the
 * copyright line), dead link markup kept as its words; hard-wrapped text
 * (a PDF's) joined back into paragraphs where a line ends short, after a
 * blank line and at a bullet, a line-end hyphen kept, a running head
 * repeated page after page dropped; pdftotext's text, a form feed before
 * each page, its running heads and page numbers dropped with their line
 * numbers and a paragraph across a page break joined; no lines, no units.  And
 * report_heading_known() on the headings of both frameworks.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "core/report_layout.h"
#include "core/report_text.h"
#include "core/strbuf.h"
#include "../tap.h"

static const struct {
	const char	*name;
	const char	*text;
	const char	*units;		/* KIND NLINES [*linked] :text a line */
	const char	*dropped;	/* LINE what a line */
} cases[] = {
	{ "a web page's text: a paragraph a line",
	  "Working with people\n"
	  "MADE UP: no such council; £ 日本語\tand tabs.\n"
	  "- Carers’ needs were assessed\n"
	  "  - sub-item with [a dead link](#) \\(kept\\)\n"
	  "https://www.cqc.org.uk/made-up\n"
	  "Page 3 of 9\n"
	  "12\n"
	  "\xc2\xa9 Care Quality Commission\n"
	  "See [Read more](#) and [x](http://example.org).\n",
	  "P1:Working with people\n"
	  "P1:MADE UP: no such council; £ 日本語\tand tabs.\n"
	  "I1:Carers’ needs were assessed\n"
	  "S1*:sub-item with a dead link \\(kept\\)\n"
	  "P1*:See Read more and [x](http://example.org).\n",
	  "5 page furniture (a URL): https://www.cqc.org.uk/made-up\n"
	  "6 page furniture (a page number): Page 3 of 9\n"
	  "7 page furniture (a page number): 12\n"
	  "8 page furniture (the copyright line): \xc2\xa9 Care Quality "
	  "Commission\n" },
	{ "a PDF's text, hard-wrapped, with a running head",
	  "Made-up Council\n"
	  "People told us that they could get advice and support when they needed\n"
	  "it, and that staff at the council were kind and listened to what they\n"
	  "had to say about their care and support.\n"
	  "Carers said the £ cost of respite was hard to meet; 日本語 speakers\n"
	  "found interpreters when they asked for them, though not always quickly\n"
	  "enough for a first appointment with a social worker or an occupational\n"
	  "therapist.\n"
	  "\f\n"
	  "Made-up Council\n"
	  "Leaders knew the strengths of the council and where it needed to do\n"
	  "better, and they had plans in place that staff understood in day-to-\n"
	  "day work with people and their carers across the whole of the area.\n"
	  "\n"
	  "After a blank line a new paragraph begins, even when the line before\n"
	  "it was a full line of text that nearly reached the right margin of\n"
	  "- a bullet opens an item however wide the line before it was, too\n"
	  "Made-up Council\n",
	  "P3:People told us that they could get advice and support when they "
	  "needed it, and that staff at the council were kind and listened to "
	  "what they had to say about their care and support.\n"
	  "P4:Carers said the £ cost of respite was hard to meet; 日本語 "
	  "speakers found interpreters when they asked for them, though not "
	  "always quickly enough for a first appointment with a social worker "
	  "or an occupational therapist.\n"
	  "P3:Leaders knew the strengths of the council and where it needed to "
	  "do better, and they had plans in place that staff understood in "
	  "day-to-day work with people and their carers across the whole of "
	  "the area.\n"
	  "P2:After a blank line a new paragraph begins, even when the line "
	  "before it was a full line of text that nearly reached the right "
	  "margin of\n"
	  "I1:a bullet opens an item however wide the line before it was, too\n",
	  "1 page furniture (a running head): Made-up Council\n"
	  "10 page furniture (a running head): Made-up Council\n"
	  "18 page furniture (a running head): Made-up Council\n" },
	{ "pdftotext's text: a form feed opens each page",
	  "Made-up Council\n"
	  "People told us that they could get advice and support when they needed\n"
	  "it, and that staff at the council were kind and listened to what they\n"
	  "had to say about their care and support, and that the £ cost of respite\n"
	  "\n"
	  "Page 1\n"
	  "\n"
	  "\fMade-up Council\n"
	  "\n"
	  "was hard to meet; 日本語 speakers found interpreters when they asked for\n"
	  "them, though not always quickly enough for a first appointment with a\n"
	  "social worker.\n"
	  "Leaders knew the strengths of the council and where it needed to do\n"
	  "better, and they had plans in place that staff understood in day-to-\n"
	  "day work.\n"
	  "\n"
	  "Page 2\n"
	  "\fMade-up Council\n"
	  "The last page holds one line and its number at its foot, as a PDF's.\n"
	  "Page 3\n",
	  "P6:People told us that they could get advice and support when they "
	  "needed it, and that staff at the council were kind and listened to "
	  "what they had to say about their care and support, and that the £ "
	  "cost of respite was hard to meet; 日本語 speakers found interpreters "
	  "when they asked for them, though not always quickly enough for a "
	  "first appointment with a social worker.\n"
	  "P3:Leaders knew the strengths of the council and where it needed to "
	  "do better, and they had plans in place that staff understood in "
	  "day-to-day work.\n"
	  "P1:The last page holds one line and its number at its foot, as a "
	  "PDF's.\n",
	  "6 page furniture (a page number): Page 1\n"
	  "17 page furniture (a page number): Page 2\n"
	  "20 page furniture (a page number): Page 3\n"
	  "1 page furniture (a running head): Made-up Council\n"
	  "8 page furniture (a running head): Made-up Council\n"
	  "18 page furniture (a running head): Made-up Council\n" },
};

static char *
show_units(const struct report_unit *u, size_t n)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i;

	for (i = 0; i < n; i++)
		strbuf_addf(&sb, "%c%d%s:%s\n", "PIS"[u[i].kind], u[i].nlines,
		    u[i].linked ? "*" : "", u[i].text);
	return strbuf_detach(&sb);
}

static char *
show_dropped(const struct report *r)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i;

	for (i = 0; i < r->ndropped; i++)
		strbuf_addf(&sb, "%lu %s\n", r->dropped[i].line,
		    r->dropped[i].what);
	return strbuf_detach(&sb);
}

static void
run_case(size_t c)
{
	struct report		*r = report_new();
	struct report_unit	*u;
	char			*cause = NULL, *got;
	size_t			 n = 99;

	if (!tap_ok(report_text_add(r, "made-up.txt", cases[c].text,
	    strlen(cases[c].text), &cause) == 0, "%s: read", cases[c].name)) {
		printf("# %s\n", cause);
		free(cause);
		report_free(r);
		return;
	}
	u = report_layout(r, &n);
	got = show_units(u, n);
	tap_is_str(got, cases[c].units, cases[c].name);
	free(got);
	got = show_dropped(r);
	tap_is_str(got, cases[c].dropped, "its furniture, dropped and noted");
	free(got);
	tap_ok(n == 0 || (u[0].at->file != NULL &&
	    strcmp(u[0].at->file, "made-up.txt") == 0),
	    "a unit points at its first line");
	report_layout_free(u, n);
	report_free(r);
}

static const struct {
	const char	*s;
	int		 known;
} headings[] = {
	{ "Overall summary", 1 },
	{ "Key messages", 1 },
	{ "Theme 1: Leadership", 1 },
	{ "Theme 1: ", 0 },
	{ "Theme one: Leadership", 0 },
	{ "Quality statement: Safeguarding", 1 },
	{ "Made-up Borough Council: local authority assessment", 1 },
	{ "Made-up Borough Council £ 日本語", 0 },
	{ "overall summary", 1 },	/* matched as the names are */
	{ "", 0 },
	{ "\xff\xfe", 0 },
};

int
main(void)
{
	struct report		*r;
	struct report_unit	*u;
	size_t			 c, n = 99;

	for (c = 0; c < sizeof cases / sizeof *cases; c++)
		run_case(c);
	r = report_new();
	u = report_layout(r, &n);
	tap_is_int((long long)n, 0, "a report of no lines: no units");
	tap_is_int((long long)r->ndropped, 0, "and nothing dropped");
	report_layout_free(u, n);
	report_free(r);
	for (c = 0; c < sizeof headings / sizeof *headings; c++)
		tap_is_int(report_heading_known(headings[c].s),
		    headings[c].known, headings[c].s);
	return tap_done();
}
