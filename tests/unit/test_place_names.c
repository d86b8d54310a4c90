/*
 * test_place_names.c: abbreviations spelt out as the texts spell them
 * (place_names_expand), the other names of places.
 */
#include "config.h"

#include <stdlib.h>

#include "core/place_names.h"
#include "../tap.h"

static const struct { const char *text, *abbr, *want; } cases[] = {
	{ "the area covered by Bournemouth, Christchurch and Poole (BCP) "
	  "Council, and", "BCP", "Bournemouth, Christchurch and Poole" },
	{ "setting up the integrated care board (ICB) and", "ICB",
	  "integrated care board" },
	{ "Freedom to Speak Up (FTSU) Guardians", "FTSU",
	  "Freedom to Speak Up" },
	{ "the Department of Health and Social Care (DHSC) said", "DHSC",
	  "Department of Health and Social Care" },
	{ "primary care networks (PCNs)", "PCN", NULL },
	{ "a board (BCP) of sorts", "BCP", NULL },
	{ "(BCP) at the start", "BCP", NULL },
	{ "Poole (BCP)", "BCP", NULL },
	{ "no abbreviation at all", "BCP", NULL },
	{ "Bournemouth, Christchurch and Poole (BCP) and Bournemouth, "
	  "Christchurch and Poole (BCP)", "BCP",
	  "Bournemouth, Christchurch and Poole" },
	{ "£ ’ 日本語 Ünited Kingdom (UK)", "UK", NULL },
};

int
main(void)
{
	size_t	 i;
	char	*s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = place_names_expand(cases[i].text, cases[i].abbr);
		tap_is_str(s, cases[i].want, cases[i].text);
		free(s);
	}
	return tap_done();
}
