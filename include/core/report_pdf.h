/*
 * report_pdf.h: a report's PDF as the lines of a report, with their
 * layout, through poppler's pdftotext.
 *
 * pdftotext -bbox-layout runs as a child process, without a shell, and
 * gives every line and word of every page with its box.  From the boxes
 * come what a PDF's text alone loses: where a line ends against the
 * margin (so the paragraph goes on) or short of it, the space before a
 * line (a new paragraph or heading), the indent of a list and its bullet
 * (a glyph, or drawn as a graphic and so only an indent).
 *
 * Refused with one line: a file that is not a PDF, one larger than
 * REPORT_PDF_MAX_BYTES, an encrypted one, one pdftotext cannot read
 * (damaged), one with no text layer (scanned).  A PDF cut off before its
 * end is read as far as poppler recovers it, with a warning.
 */
#ifndef ICSB_REPORT_PDF_H
#define ICSB_REPORT_PDF_H

#include <stddef.h>

#define REPORT_PDF_MAX_BYTES	(64 * 1024 * 1024)
#define REPORT_PDF_SECONDS	60	/* pdftotext may take this long */

struct report;

/* Read the PDF at path as the next page(s) of r.  0, or -1 with *cause. */
int	 report_pdf_load(struct report *r, const char *path, char **cause);

/*
 * Add pdftotext -bbox-layout output xhtml[0..len) from the PDF name.
 * Returns 0, or -1 with *cause (no text in it).
 */
int	 report_pdf_add(struct report *r, const char *name, const char *xhtml,
	     size_t len, char **cause);

/*
 * Run pdftotext -bbox-layout on path, without a shell, with at most
 * REPORT_PDF_SECONDS to finish; its output in *out (NUL-ended, the
 * caller frees it) and *len.  On more than one CPU a PDF of enough pages
 * is read by several pdftotext at once, on ranges of its pages: *out is
 * then their outputs in page order, each with its own head, the same
 * pages as one run's.  Returns 0, or -1 with *cause.
 */
int	 report_pdf_run(const char *path, char **out, size_t *len,
	     char **cause);

#endif
