/*
 * library_sections.h: the sections of an assessment that line up with
 * another assessment's, for setting two of them side by side as text
 * (the ICS assessments have no scores to line up).
 *
 * For each theme of the framework (library_scores.h's order): its node
 * and its summary sections, found by their kinds in the tree ("direction"
 * for the direction of travel, "strengths", "development"); for each
 * quality statement: its node and its key messages ("key-messages" in an
 * ICS report, "key-findings" in a local authority's).  Themes are found
 * by name and statements by framework identity (statements.h): a report's
 * "Capable and compassionate leaders" is the framework's statement.
 */
#ifndef ICSB_LIBRARY_SECTIONS_H
#define ICSB_LIBRARY_SECTIONS_H

#include <stddef.h>
#include <stdint.h>

struct db;

/* A theme's summary sections, in report order. */
enum library_summary {
	LIBRARY_DIRECTION,
	LIBRARY_STRENGTHS,
	LIBRARY_DEVELOPMENT,
	LIBRARY_NSUMMARY
};

/* The node kind of each summary section ("direction", ...): static. */
const char	*library_summary_kind(enum library_summary);

struct library_theme {
	const char	*name;		/* the framework's: static */
	int64_t		 node;		/* 0: the assessment has none */
	int64_t		 summary[LIBRARY_NSUMMARY];	/* 0 where none */
};

struct library_sections {
	struct library_theme	*theme;		/* the framework's themes */
	size_t			 ntheme;
	int64_t			*statement;	/* per statement, or 0 */
	int64_t			*key;		/* its key messages, or 0 */
	size_t			 nstatement;
};

/*
 * Read db's sections against framework's themes and statements into s
 * (free with library_sections_free()); where a report has a section
 * twice, the first counts.  Returns 0, or -1 with *cause.
 */
int	 library_sections_read(struct db *db, const char *framework,
	     struct library_sections *s, char **cause);
void	 library_sections_free(struct library_sections *s);

/* The index of the theme named name (any case) in s, or -1. */
int	 library_sections_theme(const struct library_sections *s,
	     const char *name);

#endif
