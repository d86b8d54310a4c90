/*
 * report_parse.h: internal to the report reader: the headings of both
 * frameworks, as report_parse.c and report_tree.c share them.
 */
#ifndef ICSB_REPORT_PARSE_H
#define ICSB_REPORT_PARSE_H

#include <stddef.h>

#include "core/statements.h"

struct report;
struct report_unit;

enum heading {
	HD_NONE,
	HD_THEME,		/* Theme N: NAME */
	HD_THEME_PART,		/* Direction of travel, Summary of ... */
	HD_SUMMARY,		/* Summary findings for quality statements ... */
	HD_STATEMENT,		/* Quality statement: NAME */
	HD_KEY_MESSAGES,
	HD_PRIORITY,		/* ... priority area: NAME */
	HD_OVERVIEW,		/* Introduction and overview, Finance, ... */
	HD_LA_TITLE,		/* NAME: local authority assessment */
	HD_LA_SUMMARY,		/* Overall summary */
	HD_LA_RATING,		/* Local authority rating and score */
	HD_LA_SCORES,		/* Quality statement scores */
	HD_LA_PART		/* What people expect, ... Key findings ... */
};

/* A fixed heading: its node's kind, slug and title. */
struct heading_info {
	enum heading	 type;
	const char	*kind;
	const char	*slug;
	const char	*title;
	const char	*name;		/* THEME, STATEMENT, PRIORITY: NAME */
	size_t		 namelen;
};

/* What heading s is; info filled for all but HD_NONE. */
enum heading report_heading(const char *s, struct heading_info *info);

/*
 * Whether s is a fact of the title page, "Assessment start date: ..."
 * and the like (1, or 0); r's date is set from the first of each.
 */
int	 report_fact(struct report *r, const char *s);

/* Build r's tree from its units (report_tree.c); -1 if no report. */
int	 report_tree_build(struct report *r, struct report_unit *u, size_t n,
	     char **cause);

/* What the tree found of each statement, for report_check(). */
struct report_found {
	size_t		 stmt_node[32];		/* node + 1, by statements[] */
	int		 summary_score[32];	/* LA summary's, or 0 */
	int		 page_score[32];	/* its page's, or 0 */
	size_t		 summary_order[32];	/* statements[] in summary order */
	size_t		 nsummary;
	size_t		 summary_node[32];	/* the node that gives it + 1 */
	const struct report_line *end;		/* the last line read */
};

/* Warn about what is missing or inconsistent; finish the scores. */
void	 report_check(struct report *r, const struct report_found *f);

#endif
