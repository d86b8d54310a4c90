/*
 * fmt_pdf.h: a document as a PDF, A4, typeset with cairo and pango.
 *
 * For a board pack: a running head with the report's title and the
 * section's, in words, on one baseline over a rule; "Printed on DATE" on
 * the first page; headings kept with what they head; key messages set
 * apart by a rule; no paragraph leaving one line alone at a page's foot or
 * head; figures tables as table.h plans them, their header row on every
 * page; "Page n of N" at the foot.  The PDF has an outline of the sections
 * (bookmarks), its language (en-GB), title, author and subject, and tags
 * for its headings, paragraphs, lists and tables.
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
