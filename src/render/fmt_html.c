/*
 * fmt_html.c: a document as one self-contained HTML file.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_html.h"

static const char html_style[] =
	"body{font-family:Georgia,'DejaVu Serif',serif;max-width:46em;"
	"margin:2em auto;padding:0 1em;line-height:1.45;color:#111}"
	"header{border-bottom:2px solid #333;margin-bottom:1em}"
	".report{font-size:1.4em;font-weight:bold;margin:0}"
	".byline,.source{color:#444}"
	"h1,h2,h3,h4,h5,h6{font-family:'DejaVu Sans',Arial,sans-serif;"
	"line-height:1.2}"
	".key-message{border-left:4px solid #2a7;padding-left:.6em}"
	"table{border-collapse:collapse;margin:1em 0;font-size:.9em}"
	"th,td{border:1px solid #999;padding:.2em .5em;text-align:left;"
	"vertical-align:top}"
	"nav ol{padding-left:1.4em}"
	"@media print{body{max-width:none;margin:0;font-size:11pt}"
	"nav{page-break-after:always}"
	"h1,h2,h3,h4,h5,h6{page-break-after:avoid}"
	"table,li,p{page-break-inside:avoid}a{color:inherit;"
	"text-decoration:none}}";

void
fmt_html_escape(struct strbuf *sb, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':	strbuf_adds(sb, "&amp;");	break;
		case '<':	strbuf_adds(sb, "&lt;");	break;
		case '>':	strbuf_adds(sb, "&gt;");	break;
		case '"':	strbuf_adds(sb, "&quot;");	break;
		case '\'':	strbuf_adds(sb, "&#39;");	break;
		default:	strbuf_addc(sb, *s);		break;
		}
	}
}

/* Lists open at this point of the output. */
struct html_state {
	int	 ul, li, sub, table;
};

static void
html_close(struct strbuf *sb, struct html_state *st, int keep_list)
{
	if (st->sub) {
		strbuf_adds(sb, "</ul>");
		st->sub = 0;
	}
	if (st->li) {
		strbuf_adds(sb, "</li>\n");
		st->li = 0;
	}
	if (st->ul && !keep_list) {
		strbuf_adds(sb, "</ul>\n");
		st->ul = 0;
	}
	if (st->table) {
		strbuf_adds(sb, "</table>\n");
		st->table = 0;
	}
}

static void
html_figure(struct strbuf *sb, struct html_state *st, const struct doc_el *el)
{
	const char	*cells[6];
	int		 i;

	if (!st->table) {
		html_close(sb, st, 0);
		strbuf_adds(sb, "<table><tr><th>Figure</th><th>Place</th>"
		    "<th>Value</th><th>Period</th><th>Compared with</th>"
		    "<th>Cited in</th></tr>\n");
		st->table = 1;
	}
	cells[0] = el->text;
	cells[1] = el->place;
	cells[2] = el->value;
	cells[3] = el->period;
	cells[4] = el->comparator != NULL ? el->comparator : "";
	cells[5] = el->path;
	strbuf_adds(sb, "<tr>");
	for (i = 0; i < 6; i++) {
		strbuf_adds(sb, "<td>");
		fmt_html_escape(sb, cells[i]);
		strbuf_adds(sb, "</td>");
	}
	strbuf_adds(sb, "</tr>\n");
}

static void
html_item(struct strbuf *sb, struct html_state *st, const struct doc_el *el)
{
	if (el->kind == DOC_ITEM) {
		html_close(sb, st, 1);
		if (!st->ul) {
			strbuf_adds(sb, "<ul>\n");
			st->ul = 1;
		}
		strbuf_adds(sb, "<li>");
		st->li = 1;
	} else {
		if (!st->ul) {
			strbuf_adds(sb, "<ul>\n<li>");
			st->ul = st->li = 1;
		}
		if (!st->sub) {
			strbuf_adds(sb, "<ul>");
			st->sub = 1;
		}
		strbuf_adds(sb, "<li>");
	}
	fmt_html_escape(sb, el->text);
	if (el->kind == DOC_SUBITEM)
		strbuf_adds(sb, "</li>");
}

static void
html_el(struct strbuf *sb, struct html_state *st, const struct doc_el *el,
    size_t i)
{
	int	 h;

	if (el->kind == DOC_FIGURE) {
		html_figure(sb, st, el);
		return;
	}
	if (el->kind == DOC_ITEM || el->kind == DOC_SUBITEM) {
		html_item(sb, st, el);
		return;
	}
	html_close(sb, st, 0);
	switch (el->kind) {
	case DOC_HEADING:
		h = el->level < 6 ? el->level : 6;
		strbuf_addf(sb, "<h%d id=\"s%zu\">", h, i);
		fmt_html_escape(sb, el->text);
		strbuf_addf(sb, "</h%d>\n", h);
		break;
	case DOC_SOURCE:
		strbuf_adds(sb, "<p class=\"source\"><em>");
		fmt_html_escape(sb, el->text);
		strbuf_adds(sb, "</em></p>\n");
		break;
	default:
		strbuf_adds(sb, strcmp(el->nodekind, "key-messages") == 0 ?
		    "<p class=\"key-message\">" : "<p>");
		fmt_html_escape(sb, el->text);
		strbuf_adds(sb, "</p>\n");
		break;
	}
}

/* The table of contents: the headings, nested by level. */
static void
html_toc(struct strbuf *sb, const struct doc *doc)
{
	size_t	 i;
	int	 depth = 0, level;

	strbuf_adds(sb, "<nav><h2>Contents</h2>\n");
	for (i = 0; i < doc->n; i++) {
		if (doc->els[i].kind != DOC_HEADING)
			continue;
		level = doc->els[i].level;
		for (; depth < level; depth++)
			strbuf_adds(sb, "<ol>\n");
		for (; depth > level; depth--)
			strbuf_adds(sb, "</ol>\n");
		strbuf_addf(sb, "<li><a href=\"#s%zu\">", i);
		fmt_html_escape(sb, doc->els[i].text);
		strbuf_adds(sb, "</a></li>\n");
	}
	for (; depth > 0; depth--)
		strbuf_adds(sb, "</ol>\n");
	strbuf_adds(sb, "</nav>\n");
}

void
fmt_html(const struct doc *doc, struct strbuf *out)
{
	struct html_state	 st = { 0, 0, 0, 0 };
	char			*by, *secs;
	size_t			 i;

	by = doc_byline(doc);
	secs = doc_sections(doc);
	strbuf_adds(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>");
	fmt_html_escape(out, secs);
	strbuf_adds(out, " — ");
	fmt_html_escape(out, doc->title);
	strbuf_addf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n"
	    "<header>\n<p class=\"report\">", html_style);
	fmt_html_escape(out, doc->title);
	strbuf_adds(out, "</p>\n<p class=\"byline\">");
	fmt_html_escape(out, by);
	strbuf_adds(out, "</p>\n<p>Sections: ");
	fmt_html_escape(out, secs);
	strbuf_adds(out, "</p>\n</header>\n");
	html_toc(out, doc);
	strbuf_adds(out, "<main>\n");
	for (i = 0; i < doc->n; i++)
		html_el(out, &st, &doc->els[i], i);
	html_close(out, &st, 0);
	strbuf_adds(out, "</main>\n</body>\n</html>\n");
	free(secs);
	free(by);
}
