/*
 * scores.h: the local authority framework's scores, as reports print them.
 *
 * Each quality statement is scored 1 to 4; the overall score is the share
 * of the maximum as a percentage, round(100 * sum / 36) over the nine
 * statements, and the rating follows from it: 25-38 Inadequate, 39-62
 * Requires improvement, 63-87 Good, 88 and over Outstanding.
 */
#ifndef ICSB_SCORES_H
#define ICSB_SCORES_H

#include <stddef.h>

#define SCORES_STATEMENTS	9	/* statements scored in a report */
#define SCORES_MAX		4	/* a statement's highest score */

/* "Score: 3" (the whole line): the score 1-4, or 0 if not such a line. */
int	 scores_line(const char *s);

/*
 * A wording line, "3 - Evidence shows a good standard" or (from 2025)
 * "3 - Good: Evidence shows a good standard": the score, with *wording
 * pointing at the words after the dash; 0 if not such a line.
 */
int	 scores_wording(const char *s, const char **wording);

/*
 * The score a wording's words give, whichever form: "significant
 * shortfalls" 1, "some shortfalls" 2, "a good standard" 3, "an
 * exceptional standard" 4; 0 for words of neither form.
 */
int	 scores_words(const char *wording);

/* "... scored 78 out of 100 ...": the score 0-100, or -1 if none. */
int	 scores_overall(const char *s);

/* The rating word that a whole line is, as written, or NULL. */
const char *scores_rating(const char *s);

/* The rating an overall score falls in; NULL below 25. */
const char *scores_band(int overall);

/* round(100 * sum / (n * 4)) as the CQC computes it, for n > 0. */
int	 scores_percent(int sum, int n);

#endif
