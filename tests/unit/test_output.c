/*
 * test_output.c: the file names offered for printouts (out_filename),
 * places_with_unit(), which the figures tables and compare use, and where
 * the PDF breaks a paragraph over pages (pdf_breaks: no widows, no
 * orphans).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

#include "core/places.h"
#include "render/output.h"
#include "render/pdf.h"
#include "render/pdf_catalog.h"
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

/* Whether the xref entry for object obj points at "obj 0 obj". */
static int
xref_points(const char *pdf, int obj)
{
	const char	*x = strstr(pdf, "\nxref\n");
	char		 want[32];
	long		 off;

	if (x == NULL)
		return 0;
	x = strchr(x + 6, '\n') + 1 + 20 * obj;
	off = strtol(x, NULL, 10);
	snprintf(want, sizeof want, "%d 0 obj", obj);
	return strncmp(pdf + off, want, strlen(want)) == 0;
}

/* A PDF in cairo's layout, with an object after the catalog. */
static void
test_catalog(void)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*cause = NULL, xref[256];
	size_t		 o1, o2, o3, ox;
	long		 sx;

	strbuf_adds(&sb, "%PDF-1.5\n");
	o1 = sb.len;
	strbuf_adds(&sb, "1 0 obj\n<< /Type /Pages >>\nendobj\n");
	o2 = sb.len;
	strbuf_adds(&sb, "2 0 obj\n<< /Type /Catalog\n   /StructTreeRoot 3 "
	    "0 R\n>>\nendobj\n");
	o3 = sb.len;
	strbuf_adds(&sb, "3 0 obj\n<< >>\nendobj\n");
	ox = sb.len;
	snprintf(xref, sizeof xref, "xref\n0 4\n0000000000 65535 f \n"
	    "%010zu 00000 n \n%010zu 00000 n \n%010zu 00000 n \ntrailer\n"
	    "<< /Size 4 /Root 2 0 R >>\nstartxref\n%zu\n%%%%EOF\n", o1, o2,
	    o3, ox);
	strbuf_adds(&sb, xref);
	tap_ok(pdf_catalog_set(&sb, 0, "en-GB", &cause) == 0, "catalog: set");
	tap_ok(strstr(strbuf_str(&sb), "/Lang (en-GB)") != NULL &&
	    strstr(strbuf_str(&sb), "/MarkInfo << /Marked true >>") != NULL,
	    "catalog: the language, and tagged since it has a structure");
	tap_ok(xref_points(strbuf_str(&sb), 1) && xref_points(strbuf_str(&sb),
	    2) && xref_points(strbuf_str(&sb), 3), "catalog: every xref "
	    "offset still points at its object");
	sx = strtol(strstr(strbuf_str(&sb), "startxref\n") + 10, NULL, 10);
	tap_ok(strncmp(strbuf_str(&sb) + sx, "xref\n", 5) == 0,
	    "catalog: startxref points at the table");
	tap_ok(pdf_catalog_set(&sb, 0, "en GB", &cause) == -1 && cause != NULL,
	    "catalog: a language tag with a space is refused");
	free(cause);
	strbuf_reset(&sb);
	strbuf_adds(&sb, "not a PDF at all");
	tap_ok(pdf_catalog_set(&sb, 0, "en-GB", &cause) == 0 &&
	    strcmp(strbuf_str(&sb), "not a PDF at all") == 0,
	    "catalog: what is not cairo's layout is left as it is");
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
	test_catalog();
	return tap_done();
}
