/*
 * compare.h: two places side by side, figure by figure.
 *
 * Figures line up by their measure key (figures.measure), never by their
 * wording; a target lines up with targets only.  Rows come in the order
 * of the first place's figures: first the measures both places have (each
 * row followed by its "also" rows: the place's further figures of that
 * measure, cited elsewhere), then those only the first has, then those
 * only the second has; a measure is never in both groups.  A side is
 * marked better only where the text says so: where one side's figure is
 * compared in the text with the other side's, and called better or worse.
 */
#ifndef ICSB_COMPARE_H
#define ICSB_COMPARE_H

#include <stddef.h>
#include <stdint.h>

struct db;

/* A place, its strings owned (place_rec_clear() frees them). */
struct place_rec {
	char	*code;
	char	*kind;
	char	*name;
	int64_t	 node;
};

struct cmp_side {
	int	 present;
	int64_t	 id;		/* the figure */
	double	 value;
	char	*text;		/* as the citing node writes it */
	char	*unit;
	int	 out_of;	/* a rank's field, or 0 */
	char	*period;
	char	*comparator;	/* "England: 78.7", or "" */
	char	*path;		/* the citing node */
	int64_t	 node;
	int	 better;	/* the text calls this side the better */
};

struct cmp_row {
	char		*measure;
	char		*label;
	int		 target;	/* a row of targets */
	int		 also;		/* one side only: another figure of
					   the measure of the row above */
	struct cmp_side	 a, b;
};

struct cmp {
	struct place_rec	 a, b;
	struct cmp_row		*rows;
	size_t			 n;
	size_t			 shared;	/* rows of measures both have */
};

void	 place_rec_clear(struct place_rec *);

/*
 * Find a place by its code or name, or by a prefix of its name or code
 * that names no other place: case aside, '-', '_' and ' ' alike, spaces
 * around it ignored.  Returns 0, or -1 with *cause naming the candidates
 * (all places when none matches).
 */
int	 places_find(struct db *, const char *what, struct place_rec *,
	     char **cause);

/* Compare places a and b (codes).  Returns 0 and *out, or -1 with *cause. */
int	 compare_places(struct db *, const char *a, const char *b,
	     struct cmp **out, char **cause);
void	 compare_free(struct cmp *);

/* Whether a row can have bars: both sides, same unit, not ranks. */
int	 compare_barred(const struct cmp_row *);

#endif
