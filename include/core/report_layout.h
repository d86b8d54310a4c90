/*
 * report_layout.h: from a report's lines to its paragraphs and list items.
 *
 * Internal to the report reader.  Page furniture (a line that is only a
 * URL or a page number, the copyright line, a running head repeated page
 * after page) is dropped and noted.  Text whose lines are hard-wrapped (a
 * PDF's) is joined back into paragraphs by its layout alone: a line ends
 * its paragraph when the next line's first word would have fitted on it,
 * when more space than usual follows it, or when the next line opens with
 * a bullet; text with a paragraph a line (a web page's) is taken a line
 * at a time.  Dead link markup "[words](#)" keeps its words.
 */
#ifndef ICSB_REPORT_LAYOUT_H
#define ICSB_REPORT_LAYOUT_H

#include <stddef.h>

struct report;
struct report_line;

enum report_unit_kind { UNIT_PARA, UNIT_ITEM, UNIT_SUBITEM };

struct report_unit {
	enum report_unit_kind	 kind;
	char			*text;
	const struct report_line *at;	/* its first line */
	int			 nlines;	/* lines joined into it */
	int			 linked;	/* it held link markup */
	int			 narrow;	/* wrapped to a narrower measure
						   than the text's: a box, an
						   indented list */
};

/* The units of r's lines, in order; *n is set.  The caller frees them. */
struct report_unit *report_layout(struct report *r, size_t *n);
void	 report_layout_free(struct report_unit *, size_t);

/* Whether s is a heading of either framework (report_parse.c). */
int	 report_heading_known(const char *s);

#endif
