/*
 * fmt_markdown.c: a document as Markdown.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_markdown.h"
#include "render/table.h"

/* Append s with Markdown's markup characters escaped. */
static void
md_text(struct strbuf *sb, const char *s, int cell)
{
	const char	*p;

	/* At the start of a line, "#", "+", "-" and "1." begin blocks. */
	if (*s == '#' || *s == '+' || *s == '-' || *s == '=')
		strbuf_addc(sb, '\\');
	for (p = s; *p >= '0' && *p <= '9'; p++)
		;
	if (p > s && (*p == '.' || *p == ')')) {
		strbuf_add(sb, s, (size_t)(p - s));
		strbuf_addc(sb, '\\');
		s = p;
	}
	for (p = s; *p != '\0'; p++) {
		if (strchr("\\`*_[]<>", *p) != NULL || (cell && *p == '|'))
			strbuf_addc(sb, '\\');
		strbuf_addc(sb, *p);
	}
}

/* A figures table: the note of what every row shares, then the rows. */
static void
md_table(struct strbuf *sb, const struct doc *doc, const struct table_plan *p)
{
	size_t	 i;
	int	 c;

	if (*p->note != '\0') {
		strbuf_addc(sb, '\n');
		md_text(sb, p->note, 0);
		strbuf_addc(sb, '\n');
	}
	strbuf_adds(sb, "\n|");
	for (c = 0; c < TCOL_COUNT; c++)
		if (p->keep[c])
			strbuf_addf(sb, " %s |", table_head(c));
	strbuf_adds(sb, "\n|");
	for (c = 0; c < p->nkeep; c++)
		strbuf_adds(sb, "---|");
	strbuf_addc(sb, '\n');
	for (i = p->first; i < p->end; i++) {
		strbuf_addc(sb, '|');
		for (c = 0; c < TCOL_COUNT; c++) {
			if (!p->keep[c])
				continue;
			strbuf_addc(sb, ' ');
			md_text(sb, table_cell(&doc->els[i], c), 1);
			strbuf_adds(sb, " |");
		}
		strbuf_addc(sb, '\n');
	}
}

static void
md_el(struct strbuf *sb, const struct doc_el *el, const struct doc_el *prev)
{
	int	 i, list, plist;

	list = el->kind == DOC_ITEM || el->kind == DOC_SUBITEM;
	plist = prev != NULL && (prev->kind == DOC_ITEM ||
	    prev->kind == DOC_SUBITEM);
	if (!(list && plist))
		strbuf_addc(sb, '\n');
	switch (el->kind) {
	case DOC_HEADING:
		/* The report's title is the only level 1 heading. */
		for (i = 0; i < el->level + 1 && i < 6; i++)
			strbuf_addc(sb, '#');
		strbuf_addc(sb, ' ');
		break;
	case DOC_SOURCE:
		strbuf_addc(sb, '*');
		md_text(sb, el->text, 0);
		strbuf_adds(sb, "*\n");
		return;
	case DOC_ITEM:
		strbuf_adds(sb, "- ");
		break;
	case DOC_SUBITEM:
		strbuf_adds(sb, "  - ");
		break;
	default:
		break;
	}
	md_text(sb, el->text, 0);
	strbuf_addc(sb, '\n');
}

void
fmt_markdown(const struct doc *doc, struct strbuf *out)
{
	struct table_plan	 plan;
	char			*by, *secs;
	size_t			 i;

	by = doc_byline(doc);
	secs = doc_sections(doc);
	strbuf_adds(out, "# ");
	md_text(out, doc->title, 0);
	strbuf_adds(out, "\n\nSource: *");
	md_text(out, doc->title, 0);
	strbuf_adds(out, "*, ");
	md_text(out, by, 0);
	strbuf_adds(out, ".\n\nSections: ");
	md_text(out, secs, 0);
	strbuf_addc(out, '\n');
	for (i = 0; i < doc->n; i++) {
		if (doc->els[i].kind == DOC_FIGURE) {
			table_plan(doc, i, &plan);
			md_table(out, doc, &plan);
			i = plan.end - 1;
			table_plan_clear(&plan);
			continue;
		}
		md_el(out, &doc->els[i], i > 0 ? &doc->els[i - 1] : NULL);
	}
	free(secs);
	free(by);
}
