/*
 * test_statements.c: unit tests for core/statements.h.
 *
 * The table's order and themes (ICS statements first, "Assessing needs"
 * last, nine of them with a local authority theme, as a report scores),
 * every statement found by its own name, names matched whatever their
 * case, apostrophes, spacing and final full stop, the published variants,
 * a length that cuts a longer string, and names that are no statement
 * (prefixes, bad bytes, other scripts).  statements_first() and
 * statements_may_be(): the first character as compared, and never "no"
 * where statements_same() says yes.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/scores.h"
#include "core/statements.h"
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

struct find_case {
	const char	*s;
	const char	*want;		/* the statement's name, or NULL */
};

static const struct find_case find_cases[] = {
	{ "Safeguarding", "Safeguarding" },
	{ "SAFEGUARDING.", "Safeguarding" },
	{ "  safeguarding  ", "Safeguarding" },
	{ "Learning   culture", "Learning culture" },
	{ "Learning\tculture", "Learning culture" },
	{ "Learning culture.", "Learning culture" },
	{ "Safe pathways, systems and transitions",
	  "Safe systems, pathways and transitions" },
	{ "safe PATHWAYS, systems and transitions.",
	  "Safe systems, pathways and transitions" },
	{ "Supporting people to lead healthier lives",
	  "Supporting people to live healthier lives" },
	{ "Capable and compassionate leaders",
	  "Capable, compassionate and inclusive leaders" },
	{ "Assessing needs", "Assessing needs" },
	{ "Learning", NULL },
	{ "Learning culture and more", NULL },
	{ "Safeguarding\xff", NULL },
	{ "\xe2\x80\x99Safeguarding", NULL },
	{ "日本語", NULL },
	{ "£", NULL },
	{ "", NULL },
	{ ".", NULL },
	{ "Leadership", NULL },		/* a theme, not a statement */
};

struct theme_case {
	const char	*s;
	const char	*want;
};

static const struct theme_case theme_cases[] = {
	{ "Working with people", "Working with people" },
	{ "working  WITH people.", "Working with people" },
	{ "Providing support", "Providing support" },
	{ "Leadership", "Leadership" },
	{ "How the local authority ensures safety within the system",
	  "How the local authority ensures safety within the system" },
	{ "Ensuring safety within the system",
	  "How the local authority ensures safety within the system" },
	{ "Ensuring safety in the system",
	  "How the local authority ensures safety within the system" },
	{ "Integration", NULL },	/* an ICS theme only */
	{ "Quality and safety", NULL },
	{ "Safeguarding", NULL },	/* a statement, not a theme */
	{ "Working with", NULL },
	{ "Working with people\xfe", NULL },
	{ "", NULL },
};

struct same_case {
	const char	*a;
	const char	*b;
	int		 want;
};

static const struct same_case same_cases[] = {
	{ "People’s needs", "People's needs", 1 },
	{ "People's needs", "People’s needs", 1 },
	{ "PEOPLE’S  NEEDS.", "people's needs", 1 },
	{ "People’s needs", "Peoples needs", 0 },
	{ "People`s needs", "People's needs", 0 },
	{ "a\t \tb", "a b", 1 },
	{ "ab", "a b", 0 },
	{ "日本語", "日本語", 1 },
	{ "日本語", "日本", 0 },
	{ "£5.", "£5", 1 },
	{ "x\xff", "x\xfe", 0 },
	{ "", "", 1 },
	{ "...", "", 1 },
	{ "a", "", 0 },
};

static const char *
name_of(const struct statement *st)
{
	return st != NULL ? st->name : NULL;
}

static void
test_table(void)
{
	size_t	 i, la = 0, ics_after = 0, ics_end = nstatements;

	tap_ok(nstatements > 1, "there are statements (%zu)", nstatements);
	tap_is_str(statements[nstatements - 1].name, "Assessing needs",
	    "\"Assessing needs\" comes last");
	tap_ok(statements[nstatements - 1].ics_theme == NULL,
	    "... with no ICS theme");
	for (i = 0; i < nstatements; i++) {
		if (statements[i].ics_theme == NULL && ics_end == nstatements)
			ics_end = i;
		if (statements[i].ics_theme != NULL && i > ics_end)
			ics_after++;
		if (statements[i].la_theme != NULL)
			la++;
	}
	tap_is_int((long long)ics_after, 0, "ICS statements come first");
	tap_is_int((long long)la, SCORES_STATEMENTS,
	    "as many have a local authority theme as a report scores");
	for (i = 0; i < nstatements; i++) {
		const struct statement *st = statements_find(statements[i].name,
		    strlen(statements[i].name));

		tap_ok(st == &statements[i], "its own name finds %s",
		    statements[i].name);
		if (statements[i].la_theme != NULL)
			tap_is_str(statements_la_theme(statements[i].la_theme,
			    strlen(statements[i].la_theme)),
			    statements[i].la_theme, "... and its LA theme");
	}
}

static void
test_find(void)
{
	size_t	 i;
	char	 name[128];

	for (i = 0; i < NITEMS(find_cases); i++) {
		snprintf(name, sizeof name, "statements_find(\"%s\")",
		    find_cases[i].s);
		tap_is_str(name_of(statements_find(find_cases[i].s,
		    strlen(find_cases[i].s))), find_cases[i].want, name);
	}
	tap_is_str(name_of(statements_find("Safeguarding and more", 12)),
	    "Safeguarding", "only len bytes are read");
	tap_is_str(name_of(statements_find("Equity in access\tTABLE", 16)),
	    "Equity in access", "... up to a tab");
	tap_is_str(name_of(statements_find("Safeguarding", 11)), NULL,
	    "a len that cuts the name finds nothing");
}

static void
test_themes(void)
{
	size_t	 i;
	char	 name[128];

	for (i = 0; i < NITEMS(theme_cases); i++) {
		snprintf(name, sizeof name, "statements_la_theme(\"%s\")",
		    theme_cases[i].s);
		tap_is_str(statements_la_theme(theme_cases[i].s,
		    strlen(theme_cases[i].s)), theme_cases[i].want, name);
	}
}

static void
test_same(void)
{
	size_t	 i;

	for (i = 0; i < NITEMS(same_cases); i++)
		tap_is_int(statements_same(same_cases[i].a,
		    strlen(same_cases[i].a), same_cases[i].b),
		    same_cases[i].want, same_cases[i].a);
	tap_is_int(statements_same("Learning culture!", 16, "Learning culture"),
	    1, "statements_same reads alen bytes of a");
}

struct first_case {
	const char	*s;
	int		 want;
};

static const struct first_case first_cases[] = {
	{ "Safeguarding", 's' },
	{ "  \tLEARNING culture", 'l' },
	{ "’s", '\'' },
	{ "\xe2\x80", 0xe2 },		/* a ’ cut short: its first byte */
	{ "日本語", 0xe6 },
	{ "", -1 },
	{ " \t. ..", -1 },
};

static void
test_first(void)
{
	size_t	 i;

	for (i = 0; i < NITEMS(first_cases); i++)
		tap_is_int(statements_first(first_cases[i].s,
		    strlen(first_cases[i].s)), first_cases[i].want,
		    first_cases[i].s);
	tap_is_int(statements_first("  ’", 4), 0xe2,
	    "statements_first reads len bytes of s");
	/* Wherever statements_same() says yes, statements_may_be() does. */
	for (i = 0; i < NITEMS(find_cases); i++) {
		const char	*s = find_cases[i].s;
		size_t		 j;
		int		 ok = 1;

		for (j = 0; j < nstatements; j++)
			if (statements_same(s, strlen(s), statements[j].name) &&
			    !statements_may_be(statements_first(s, strlen(s)),
			    statements[j].name))
				ok = 0;
		tap_ok(ok, "statements_may_be agrees: '%s'", s);
	}
	tap_ok(statements_may_be('s', "Safeguarding") &&
	    !statements_may_be('l', "Safeguarding") &&
	    !statements_may_be(-1, "Safeguarding"), "statements_may_be");
}

int
main(void)
{
	test_table();
	test_find();
	test_themes();
	test_same();
	test_first();
	return tap_done();
}
