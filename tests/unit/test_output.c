/*
 * test_output.c: the file names offered for printouts (out_filename), and
 * places_with_unit(), which the figures tables and compare use.
 */
#include "config.h"

#include <stdlib.h>

#include "core/places.h"
#include "render/output.h"
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
	return tap_done();
}
