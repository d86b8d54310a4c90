/*
 * test_report_parse.c: the headings of both frameworks (report_parse.c,
 * include/core/report_parse.h): report_heading() by its published
 * wording, report_heading_known(), and report_parse() as a whole: a
 * refusal with its cause, and dropped lines noted in input order.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "core/report_layout.h"
#include "core/report_parse.h"
#include "core/report_text.h"
#include "core/xmalloc.h"
#include "../tap.h"

static void
test_heading(void)
{
	static const struct {
		const char	*s;
		enum heading	 type;
		const char	*kind, *slug, *name;
	} t[] = {
		{ "Direction of travel", HD_THEME_PART, "direction",
		  "direction-of-travel", NULL },
		{ "Areas for development and next steps", HD_THEME_PART,
		  "development", "areas-for-development", NULL },
		{ "Key messages", HD_KEY_MESSAGES, "key-messages",
		  "key-messages", NULL },
		{ "Theme 2: Leadership", HD_THEME, "theme", NULL, "Leadership" },
		{ "Theme 12: 日本語 £", HD_THEME, "theme", NULL, "日本語 £" },
		{ "Theme : Leadership", HD_NONE, NULL, NULL, NULL },
		{ "Theme 2:", HD_NONE, NULL, NULL, NULL },
		{ "Theme 2: ", HD_NONE, NULL, NULL, NULL },
		{ "Quality statement: Safeguarding", HD_STATEMENT, "statement",
		  NULL, "Safeguarding" },
		{ "Quality statement: ", HD_NONE, NULL, NULL, NULL },
		{ "Summary findings for quality statements", HD_SUMMARY,
		  "summary", "summary-findings", NULL },
		{ "Dorset priority area: People\xe2\x80\x99s health",
		  HD_PRIORITY, "priority-area", NULL,
		  "People\xe2\x80\x99s health" },
		{ "Madeup Council: local authority assessment", HD_LA_TITLE,
		  NULL, NULL, "Madeup Council" },
		{ ": local authority assessment", HD_NONE, NULL, NULL, NULL },
		{ "Overall summary", HD_LA_SUMMARY, "part", "overall-summary",
		  NULL },
		{ "Key findings for this quality statement", HD_LA_PART,
		  "key-findings", "key-findings", NULL },
		{ "Finance", HD_OVERVIEW, "section", "finance", NULL },
		{ "Finance\tand more", HD_NONE, NULL, NULL, NULL },
		{ "Caf\xe9 \xff", HD_NONE, NULL, NULL, NULL },
		{ "", HD_NONE, NULL, NULL, NULL },
	};
	struct heading_info	 info;
	enum heading		 got;
	size_t			 i;
	char			*name;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		memset(&info, 0x5a, sizeof info);
		got = report_heading(t[i].s, &info);
		tap_is_int(got, t[i].type, t[i].s);
		if (got == HD_NONE) {
			tap_ok(info.kind == NULL && info.name == NULL &&
			    info.type == HD_NONE, "'%s': info cleared", t[i].s);
			continue;
		}
		tap_is_int(info.type, t[i].type, "  info.type");
		tap_is_str(info.kind, t[i].kind, "  its kind");
		tap_is_str(info.slug, t[i].slug, "  its slug");
		name = info.name != NULL ? xstrndup(info.name, info.namelen) :
		    NULL;
		tap_is_str(name, t[i].name, "  its name, by pointer and length");
		free(name);
	}
	report_heading("Areas for development and next steps", &info);
	tap_is_str(info.title, "Areas for development", "a variant's title");
}

static void
test_known(void)
{
	static const struct { const char *s; int want; } t[] = {
		{ "Key messages", 1 },
		{ "Score: 3", 1 },
		{ "Score: 9", 0 },
		{ "Safeguarding", 1 },
		{ "Safeguarding adults", 0 },
		{ "Partners collaborate well.", 0 },
		{ "日本語", 0 },
	};
	size_t	 i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		tap_is_int(report_heading_known(t[i].s) != 0, t[i].want,
		    t[i].s);
}

/* A made-up fragment, in two files: notes come back by file, then line. */
static const char part1[] =
    "Theme 3: Quality and safety\n"
    "Quality statement: Safeguarding\n"
    "Partners in the made-up system work together \xe2\x80\x99well\xe2\x80\x99.\n"
    "https://www.cqc.org.uk/\n";
static const char part2[] =
    "12\n"
    "Findings cost \xc2\xa3" "5 per 日本語 leaflet.\n"
    "- 13 -\n";

static void
test_parse(void)
{
	struct report	*r = report_new();
	char		*cause = NULL;
	size_t		 i;
	int		 inorder = 1;

	report_text_add(r, "b.txt", part1, strlen(part1), &cause);
	report_text_add(r, "a.txt", part2, strlen(part2), &cause);
	tap_ok(cause == NULL, "two parts added");
	tap_is_int(report_parse(r, &cause), 0, "report_parse: 0");
	tap_is_str(cause, NULL, "no cause");
	tap_is_int(r->framework, REPORT_ICS, "an ICS report");
	tap_is_int((long long)r->ndropped, 3, "three lines dropped");
	for (i = 1; i < r->ndropped; i++)
		if (strcmp(r->dropped[i - 1].file, r->dropped[i].file) == 0 ?
		    r->dropped[i - 1].line > r->dropped[i].line :
		    strcmp(r->dropped[i - 1].file, "a.txt") == 0)
			inorder = 0;
	tap_ok(inorder && r->ndropped == 3 &&
	    strcmp(r->dropped[0].file, "b.txt") == 0 &&
	    r->dropped[1].line == 1 && r->dropped[2].line == 3,
	    "dropped lines in input order: the first file given first");
	tap_ok(r->nblocks >= 1 && strstr(r->blocks[r->nblocks - 1].text,
	    "\xc2\xa3" "5 per 日本語") != NULL, "the last block keeps £ and 日本語");
	report_free(r);

	r = report_new();
	cause = NULL;
	report_text_add(r, "l.txt", "Eggs\tand milk\nbread\n", 20, &cause);
	tap_is_int(report_parse(r, &cause), -1, "a shopping list: -1");
	tap_is_str(cause, "l.txt: not a CQC assessment report: no theme or "
	    "quality statement headings found", "its cause names the file");
	free(cause);
	report_free(r);
}

/* Title page facts: the first of each is kept; they are never headings. */
static void
test_facts(void)
{
	struct report	*r = report_new();

	tap_ok(report_fact(r, "Assessment start date: 6 March 2023"),
	    "a start date is a fact");
	tap_ok(report_fact(r, "Date of assessment: 1 May 2024"),
	    "so is the later form");
	tap_is_str(r->started, "6 March 2023", "the first one is kept");
	tap_ok(report_fact(r, "Date of publication: 3 March 2025 £ 日本語"),
	    "a publication date");
	tap_is_str(r->published, "3 March 2025 £ 日本語", "read as printed");
	tap_ok(!report_fact(r, "Assessment start date: "), "no date: no fact");
	tap_ok(!report_fact(r, "Assessment start"), "nor a part of one");
	report_free(r);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_facts();
	test_heading();
	test_known();
	test_parse();
	return tap_done();
}
