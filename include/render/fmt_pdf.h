/*
 * fmt_pdf.h: a document as a PDF, A4, typeset with cairo and pango.
 *
 * Headings, wrapped paragraphs, lists, a place's figures as a table, a
 * header with the report's title and the section in hand, and "Page n of
 * N" at the foot.  A heading is kept with the start of what it heads.
 */
#ifndef ICSB_FMT_PDF_H
#define ICSB_FMT_PDF_H

struct doc;
struct strbuf;

/*
 * Append the PDF to out.  Returns the number of pages, or -1 with *cause
 * set (the caller frees it) if cairo fails.
 */
int	 fmt_pdf(const struct doc *, struct strbuf *out, char **cause);

#endif
