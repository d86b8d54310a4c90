/*
 * cmd_assess_text.h: two assessments side by side as text, for
 * `compare --reports` where there are no scores to line up: two ICS
 * assessments (the pilots have none), or two of different frameworks.
 */
#ifndef ICSB_CMD_ASSESS_TEXT_H
#define ICSB_CMD_ASSESS_TEXT_H

#include "cli/format.h"

struct db;
struct library_scores;

/* One of the two assessments, opened by the caller and borrowed. */
struct assess_text_side {
	const char			*name;
	const char			*framework;	/* "ics" or "la" */
	struct db			*db;
	const struct library_scores	*sc;
};

/*
 * Write the two side by side in fmt: FORMAT_TEXT in two columns filling
 * width, FORMAT_TSV or FORMAT_JSON with the same content for scripts.
 *
 * Of one framework: theme by theme, the theme's direction of travel,
 * strengths and areas for development, then the key messages of each of
 * its statements, matched by framework identity.  Of two frameworks:
 * only the themes of the same name, each with its summary sections and
 * the list of its statements (and their scores), after a warning that
 * the statements cannot be lined up.  A section neither has is left out;
 * one only one has shows the other's column empty but for a note (text),
 * or has no rows of the other (TSV, JSON).
 *
 * Returns CLI_OK, or CLI_FAIL with *cause when there is nothing to set
 * side by side.
 */
int	 assess_text(const struct assess_text_side s[2], enum format fmt,
	     int width, char **cause);

/*
 * "A is an ICS assessment and B a local authority one: their quality
 * statements cannot be lined up one by one", as a new string.
 */
char	*assess_text_frameworks(const char *a, const char *afw,
	     const char *b, const char *bfw);

#endif
