/*
 * pdf_catalog.h: what cairo 1.16 cannot say in a PDF's catalog.
 *
 * Screen readers read a PDF in the voice of its /Lang, and trust its tags
 * only when /MarkInfo says it is tagged; cairo 1.16 writes the structure
 * tree but neither entry, so they are written into the document catalog
 * afterwards, and the cross-reference table's offsets moved to match.
 */
#ifndef ICSB_PDF_CATALOG_H
#define ICSB_PDF_CATALOG_H

#include <stddef.h>

struct strbuf;

/*
 * Give the PDF in out->buf[start..] the language lang ("en-GB": letters,
 * digits and '-' only) and, if it has a structure tree, the mark that it
 * is tagged.  A PDF that already has a language, or that is not laid
 * out as cairo writes PDFs (a catalog, then a classic "xref" table), is
 * left as it is.  Returns 0, or -1 with *cause for a bad lang.
 */
int	 pdf_catalog_set(struct strbuf *out, size_t start, const char *lang,
	     char **cause);

#endif
