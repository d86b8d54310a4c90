/*
 * report_text.h: a report's text (copied from the web pages, or a PDF's
 * text) as the lines of a report.
 *
 * The text must be UTF-8 (a byte-order mark is skipped), hold no NUL or
 * other control character but tab, carriage return and form feed (a page
 * break), and be at most REPORT_MAX_BYTES.  Each line keeps its text; its
 * indentation, the blank lines before it and a leading bullet ("- ", "•")
 * are taken off and kept as layout for report_parse().
 */
#ifndef ICSB_REPORT_TEXT_H
#define ICSB_REPORT_TEXT_H

#include <stddef.h>

struct report;

/*
 * Add the text buf[0..len), named name in messages, as the next page of
 * report r.  Returns 0, or -1 with *cause ("NAME:LINE: what").
 */
int	 report_text_add(struct report *r, const char *name, const char *buf,
	     size_t len, char **cause);

/* Read the file path and add it as above. */
int	 report_text_load(struct report *r, const char *path, char **cause);

/*
 * Read a whole regular file of at most max bytes into *buf (NUL-ended)
 * and *len.  Returns 0, or -1 with *cause.  Shared with report_pdf.c.
 */
int	 report_text_slurp(const char *path, size_t max, char **buf,
	     size_t *len, char **cause);

#endif
