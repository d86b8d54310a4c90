/*
 * statements.h: the quality statements and themes of the CQC's single
 * assessment framework, and the names reports publish them under.
 *
 * The same statement is the same thing in every report: a report's
 * "Safe pathways, systems and transitions" is the framework's "Safe
 * systems, pathways and transitions".  Names are matched whatever their
 * case, apostrophes (’ or '), spacing or a final full stop.
 */
#ifndef ICSB_STATEMENTS_H
#define ICSB_STATEMENTS_H

#include <stddef.h>

struct statement {
	const char	*name;		/* as the framework's lists name it */
	const char	*ics_theme;	/* its ICS theme's name, or NULL */
	const char	*la_theme;	/* its local authority theme, or NULL */
};

/* The statements, ICS ones first in report order, then "Assessing needs". */
extern const struct statement statements[];
extern const size_t nstatements;

/* The statement that s (len bytes) names, or NULL. */
const struct statement *statements_find(const char *s, size_t len);

/* The local authority theme (canonical name) that s names, or NULL. */
const char *statements_la_theme(const char *s, size_t len);

/*
 * Whether a and b are the same name: case, apostrophes, runs of spaces
 * and a final full stop aside.
 */
int	 statements_same(const char *a, size_t alen, const char *b);

/*
 * For comparing s with many names: its first character as compared (lower
 * case, ’ as '), or -1 if it has none.  statements_may_be() says whether
 * a name b, which must open with a letter, can be the same as s: only if
 * its first letter, lower case, is first.  Cheaper than statements_same()
 * and never wrong when it says no.
 */
int	 statements_first(const char *s, size_t len);
int	 statements_may_be(int first, const char *b);

#endif
