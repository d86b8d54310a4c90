/*
 * table.c: the figures tables of a printout, the same in every format.
 *
 * Planned once here so that text, Markdown, HTML and PDF drop the same
 * columns and say the same note: a board paper printed in two formats
 * should not read differently.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/table.h"

static const char *const table_heads[TCOL_COUNT] = {
	"Figure", "Place", "Value", "Period", "Compared with", "Cited in"
};

const char *
table_head(enum table_col c)
{
	return table_heads[c];
}

const char *
table_cell(const struct doc_el *el, enum table_col c)
{
	const char	*s = NULL;

	switch (c) {
	case TCOL_FIGURE:	s = el->text;		break;
	case TCOL_PLACE:	s = el->place;		break;
	case TCOL_VALUE:	s = el->value;		break;
	case TCOL_PERIOD:	s = el->period;		break;
	case TCOL_COMPARED:	s = el->comparator;	break;
	case TCOL_CITED:
		s = el->cited != NULL && *el->cited != '\0' ? el->cited :
		    el->path;
		break;
	default:
		break;
	}
	return s != NULL ? s : "";
}

/* Whether column c of the rows says nothing, or one thing in every row. */
static int
table_same(const struct doc *doc, const struct table_plan *p,
    enum table_col c, int *empty)
{
	const char	*first = table_cell(&doc->els[p->first], c);
	size_t		 i;

	*empty = 1;
	for (i = p->first; i < p->end; i++) {
		if (*table_cell(&doc->els[i], c) != '\0')
			*empty = 0;
		if (strcmp(table_cell(&doc->els[i], c), first) != 0)
			return 0;
	}
	return 1;
}

void
table_plan(const struct doc *doc, size_t first, struct table_plan *p)
{
	struct strbuf	 note = STRBUF_INIT;
	enum table_col	 c;
	int		 empty, same;

	memset(p, 0, sizeof *p);
	p->first = first;
	for (p->end = first; p->end < doc->n &&
	    doc->els[p->end].kind == DOC_FIGURE; p->end++)
		;
	for (c = 0; c < TCOL_COUNT; c++) {
		same = table_same(doc, p, c, &empty);
		p->keep[c] = c == TCOL_FIGURE || c == TCOL_VALUE ||
		    !(empty || (same && p->end - p->first > 1));
		if (!p->keep[c] && !empty)
			strbuf_addf(&note, "%s%s in every row: %s",
			    note.len > 0 ? ". " : "", table_heads[c],
			    table_cell(&doc->els[first], c));
		p->nkeep += p->keep[c];
	}
	if (note.len > 0)
		strbuf_addc(&note, '.');
	p->note = xstrdup(strbuf_str(&note));
	strbuf_free(&note);
}

void
table_plan_clear(struct table_plan *p)
{
	free(p->note);
	p->note = NULL;
}
