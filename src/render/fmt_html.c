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
#include "render/table.h"

static const char html_style[] =
	"body{font-family:Georgia,'DejaVu Serif',serif;max-width:46em;"
	"margin:2em auto;padding:0 1em;line-height:1.45;color:#111}"
	"header{border-bottom:2px solid #333;margin-bottom:1em}"
	".report{font-size:1.4em;font-weight:bold;margin:0}"
	".byline,.source,.note{color:#444}"
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
	int	 ul, li, sub;
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
}

/* A figures table: the note of what every row shares, then the rows. */
static void
html_table(struct strbuf *sb, const struct doc *doc, const struct table_plan *p)
{
	size_t	 i;
	int	 c;

	if (*p->note != '\0') {
		strbuf_adds(sb, "<p class=\"note\">");
		fmt_html_escape(sb, p->note);
		strbuf_adds(sb, "</p>\n");
	}
	strbuf_adds(sb, "<table>\n<thead><tr>");
	for (c = 0; c < TCOL_COUNT; c++)
		if (p->keep[c])
			strbuf_addf(sb, "<th scope=\"col\">%s</th>",
			    table_head(c));
	strbuf_adds(sb, "</tr></thead>\n<tbody>\n");
	for (i = p->first; i < p->end; i++) {
		strbuf_adds(sb, "<tr>");
		for (c = 0; c < TCOL_COUNT; c++) {
			if (!p->keep[c])
				continue;
			strbuf_adds(sb, "<td>");
			fmt_html_escape(sb, table_cell(&doc->els[i], c));
			strbuf_adds(sb, "</td>");
		}
		strbuf_adds(sb, "</tr>\n");
	}
	strbuf_adds(sb, "</tbody>\n</table>\n");
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

	if (el->kind == DOC_ITEM || el->kind == DOC_SUBITEM) {
		html_item(sb, st, el);
		return;
	}
	html_close(sb, st, 0);
	switch (el->kind) {
	case DOC_HEADING:
		/* The report's title is the only h1. */
		h = el->level < 5 ? el->level + 1 : 6;
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

#define TOC_DEPTH	16

/*
 * The table of contents: the headings, nested by level.  A list is only
 * ever inside an item of another: a level skipped gets an item of its own.
 */
static void
html_toc(struct strbuf *sb, const struct doc *doc)
{
	int	 open[TOC_DEPTH + 2] = { 0 };	/* an item open at depth */
	int	 depth = 0, level;
	size_t	 i;

	strbuf_adds(sb, "<nav aria-label=\"Contents\"><h2>Contents</h2>\n");
	for (i = 0; i < doc->n; i++) {
		if (doc->els[i].kind != DOC_HEADING)
			continue;
		level = doc->els[i].level < 1 ? 1 : doc->els[i].level;
		if (level > TOC_DEPTH)
			level = TOC_DEPTH;
		for (; depth < level; depth++) {
			if (depth > 0 && !open[depth])
				strbuf_adds(sb, "<li>");
			open[depth] = depth > 0;
			strbuf_adds(sb, "<ol>\n");
			open[depth + 1] = 0;
		}
		for (; depth > level; depth--)
			strbuf_adds(sb, open[depth] ? "</li>\n</ol>\n" :
			    "</ol>\n");
		if (open[depth])
			strbuf_adds(sb, "</li>\n");
		strbuf_addf(sb, "<li><a href=\"#s%zu\">", i);
		fmt_html_escape(sb, doc->els[i].text);
		strbuf_adds(sb, "</a>");
		open[depth] = 1;
	}
	for (; depth > 0; depth--)
		strbuf_adds(sb, open[depth] ? "</li>\n</ol>\n" : "</ol>\n");
	strbuf_adds(sb, "</nav>\n");
}

void
fmt_html(const struct doc *doc, struct strbuf *out)
{
	struct html_state	 st = { 0, 0, 0 };
	struct table_plan	 plan;
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
	    "<header>\n<h1 class=\"report\">", html_style);
	fmt_html_escape(out, doc->title);
	strbuf_adds(out, "</h1>\n<p class=\"byline\">");
	fmt_html_escape(out, by);
	strbuf_adds(out, "</p>\n<p>Sections: ");
	fmt_html_escape(out, secs);
	strbuf_adds(out, "</p>\n</header>\n");
	html_toc(out, doc);
	strbuf_adds(out, "<main>\n");
	for (i = 0; i < doc->n; i++) {
		if (doc->els[i].kind == DOC_FIGURE) {
			html_close(out, &st, 0);
			table_plan(doc, i, &plan);
			html_table(out, doc, &plan);
			i = plan.end - 1;
			table_plan_clear(&plan);
			continue;
		}
		html_el(out, &st, &doc->els[i], i);
	}
	html_close(out, &st, 0);
	strbuf_adds(out, "</main>\n</body>\n</html>\n");
	free(secs);
	free(by);
}
