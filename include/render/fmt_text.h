/*
 * fmt_text.h: a document as text for paper.
 *
 * Pages of cols x lines (80 x 66 by default): a header with the report's
 * title and the path of the section in hand, the text wrapped by display
 * width, "Page n of N" at the foot, and a form feed between pages.  A
 * heading never sits alone at the foot of a page: it goes over with the
 * start of what it heads.  The first page opens with the report's title,
 * its publisher and date, and the sections the printout holds.
 */
#ifndef ICSB_FMT_TEXT_H
#define ICSB_FMT_TEXT_H

struct doc;
struct strbuf;

#define FMT_TEXT_COLS	80
#define FMT_TEXT_LINES	66
#define FMT_TEXT_MIN_COLS	20
#define FMT_TEXT_MIN_LINES	10

/* Append the pages of doc to out; returns the number of pages. */
int	 fmt_text(const struct doc *, int cols, int lines, struct strbuf *out);

#endif
