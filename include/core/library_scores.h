/*
 * library_scores.h: the quality statements of the two frameworks, in
 * framework order grouped by theme, and the scores of an assessment as
 * its database holds them, for setting assessments side by side.
 *
 * Scores are figures of the body assessed with unit "score": measure
 * "overall-score" out of 100, and "score-SLUG" out of 4 for a statement,
 * labelled with the statement's name as published.  A statement is the
 * same whichever of its published names a report uses ("Supporting
 * people to lead healthier lives" is "... to live healthier lives").
 */
#ifndef ICSB_LIBRARY_SCORES_H
#define ICSB_LIBRARY_SCORES_H

#include <stddef.h>

struct db;

struct library_statement {
	const char	*theme;
	const char	*name;		/* as the framework names it */
};

/*
 * The statements of framework ("ics" or "la"), in order, *n of them;
 * NULL for another framework.  Static: not to be freed.
 */
const struct library_statement *library_statements(const char *framework,
		     size_t *n);

/*
 * The index in framework's statements of the statement that name (a
 * published name, or its slug) names, or -1.
 */
int	 library_statement_find(const char *framework, const char *name);

/* An assessment's scores: 0 where a statement has none. */
struct library_scores {
	int	*score;		/* one per statement of the framework */
	size_t	 n;
	int	 overall;	/* out of 100, or -1 */
};

/*
 * Read db's scores against framework's statements into s (free with
 * library_scores_free()).  Scores of no statement of the framework are
 * left out.  Returns 0, or -1 with *cause.
 */
int	 library_scores_read(struct db *db, const char *framework,
	     struct library_scores *s, char **cause);
void	 library_scores_free(struct library_scores *s);

#endif
