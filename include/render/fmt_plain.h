/*
 * fmt_plain.h: a document as plain text, for `icsbrowse show`.
 *
 * Headings underlined by level, paragraphs separated by blank lines, list
 * items with "- " and a hanging indent.  Wrapped to width columns by
 * display width, or not wrapped at all when width is 0.
 */
#ifndef ICSB_FMT_PLAIN_H
#define ICSB_FMT_PLAIN_H

#include <stdio.h>

struct doc;
struct strbuf;

/* Write doc to f.  Returns 0, or -1 if writing failed (see errno). */
int	 fmt_plain(const struct doc *, FILE *f, int width);
struct doc_el;
/*
 * Append one element as fmt_plain() writes it: a blank line before it
 * unless it follows prev in the same list.
 */
void	 fmt_plain_el(struct strbuf *sb, const struct doc_el *el,
	     const struct doc_el *prev, int width);
/* Append doc to sb, as fmt_plain() writes it. */
void	 fmt_plain_buf(const struct doc *, struct strbuf *sb, int width);
/*
 * Write two documents side by side in two columns that fill width (at
 * least 10 columns each), with a rule between them.
 */
int	 fmt_plain_side_by_side(const struct doc *a, const struct doc *b,
	     FILE *f, int width);

/*
 * Append text to sb wrapped to width columns (no wrapping if width is 0):
 * the first line starts with first, the others with indent spaces.
 */
void	 fmt_plain_wrap(struct strbuf *sb, const char *text,
	     const char *first, int indent, int width);

#endif
