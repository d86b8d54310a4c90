/*
 * fmt_html.h: a document as one self-contained HTML file.
 *
 * Inline CSS with print styles, a table of contents with anchors, the
 * report and its publisher named at the top.  Every text from the data is
 * escaped.
 */
#ifndef ICSB_FMT_HTML_H
#define ICSB_FMT_HTML_H

struct doc;
struct strbuf;

void	 fmt_html(const struct doc *, struct strbuf *out);

/* Append s escaped for HTML text and attribute values. */
void	 fmt_html_escape(struct strbuf *, const char *s);

#endif
