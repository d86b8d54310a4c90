/*
 * fmt_markdown.h: a document as Markdown.
 *
 * The report and its source named at the top, headings by depth, lists as
 * lists, a place's figures as a table.  Characters Markdown would read as
 * markup are escaped, so the text reads as published.
 */
#ifndef ICSB_FMT_MARKDOWN_H
#define ICSB_FMT_MARKDOWN_H

struct doc;
struct strbuf;

void	 fmt_markdown(const struct doc *, struct strbuf *out);

#endif
