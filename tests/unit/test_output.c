/*
 * test_output.c: the file names offered for printouts (out_filename),
 * places_with_unit(), which the figures tables and compare use, and where
 * the PDF breaks a paragraph over pages (pdf_breaks: no widows, no
 * orphans).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "core/strbuf.h"

#include "core/places.h"
#include "render/output.h"
#include "render/pdf.h"
#include "../tap.h"

struct name_case {
	const char	*path;
	enum out_format	 format;
	const char	*want;
};

static const struct name_case name_cases[] = {
	{ "children-and-young-people/learning-culture", OUT_PDF,
	  "children-and-young-people-learning-culture.pdf" },
	{ "quality-and-safety/learning-culture", OUT_PDF,
	  "quality-and-safety-learning-culture.pdf" },
	{ "quality-and-safety/learning-culture/key-messages", OUT_HTML,
	  "learning-culture-key-messages.html" },
	{ "overview", OUT_TEXT, "overview.txt" },
	{ "learning-culture", OUT_MARKDOWN, "learning-culture.md" },
	{ "", OUT_TEXT, "icsbrowse.txt" },
	{ "a/../../b", OUT_TEXT, "b.txt" },
	{ "People’s £ ‘voice’", OUT_TEXT, "peoples-voice.txt" },
};

static const struct { const char *text, *unit, *want; } unit_cases[] = {
	{ "78.7", "years", "78.7 years" },
	{ "13%", "%", "13%" },
	{ "13", "%", "13%" },
	{ "80.5 years", "years", "80.5 years" },
	{ "£909.1 million", "£m", "£909.1 million" },
	{ "909.1", "£m", "909.1" },
	{ "7,700", "", "7,700" },
	{ "-3", "people", "-3 people" },
	{ "seventh", "rank", "seventh" },
	{ "", "years", "" },
};

/* Where paragraphs of n lines of 12 points break, started at y. */
struct break_case {
	const char	*name;
	double		 y;
	size_t		 n;
	const char	*want;	/* a '|' before each line that starts a page */
};

static const struct break_case break_cases[] = {
	{ "a paragraph that fits stays", TOP, 5, "....." },
	{ "room for 3 of 5 lines: 3, then 2", BOTTOM - 36.5, 5, "...|.." },
	{ "room for 4 of 5: 3 and 2, no widow", BOTTOM - 48.5, 5, "...|.." },
	{ "room for 1 of 5: all to the next page, no orphan", BOTTOM - 12.5,
	  5, "|....." },
	{ "room for 2 of 3: all to the next page", BOTTOM - 24.5, 3,
	  "|..." },
	{ "one line that does not fit goes over", BOTTOM - 6, 1, "|." },
	{ "room for 2 of 2: stays", BOTTOM - 24.5, 2, ".." },
};

static void
test_breaks(void)
{
	struct strbuf	 sb = STRBUF_INIT;
	double		 h[200];
	char		 brk[200];
	size_t		 i, k, n;

	for (k = 0; k < sizeof h / sizeof h[0]; k++)
		h[k] = 12;
	for (i = 0; i < sizeof break_cases / sizeof break_cases[0]; i++) {
		strbuf_reset(&sb);
		pdf_breaks(break_cases[i].y, h, break_cases[i].n, brk);
		for (k = 0; k < break_cases[i].n; k++)
			strbuf_adds(&sb, brk[k] ? "|." : ".");
		tap_is_str(strbuf_str(&sb), break_cases[i].want,
		    break_cases[i].name);
	}
	/* A paragraph longer than two pages: no page with one line alone. */
	n = 2 * (size_t)((BOTTOM - TOP) / 12) + 1;
	pdf_breaks(TOP, h, n, brk);
	for (k = 0, i = 0; k < n; k++)
		if (brk[k] && (k - i < 2 || n - k < 2))
			i = SIZE_MAX;
		else if (brk[k])
			i = k;
	tap_ok(i != SIZE_MAX && n - i >= 2, "over three pages: two lines or "
	    "more on each");
	strbuf_free(&sb);
}

int
main(void)
{
	size_t	 i;
	char	*s;

	for (i = 0; i < sizeof name_cases / sizeof name_cases[0]; i++) {
		s = out_filename(name_cases[i].path, name_cases[i].format);
		tap_is_str(s, name_cases[i].want, name_cases[i].path);
		free(s);
	}
	for (i = 0; i < sizeof unit_cases / sizeof unit_cases[0]; i++) {
		s = places_with_unit(unit_cases[i].text, unit_cases[i].unit);
		tap_is_str(s, unit_cases[i].want, unit_cases[i].want);
		free(s);
	}
	test_breaks();
	return tap_done();
}
