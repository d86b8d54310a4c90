/*
 * fmt_pdf.c: a document as a PDF, A4, typeset with cairo and pango.
 *
 * The document is set twice: once to count the pages (on a PDF surface
 * that writes nowhere, so that the fonts measure exactly as they will
 * print), then for real, when "Page n of N" can be filled in.  Text is
 * laid out a line at a time so that paragraphs run on across pages, never
 * leaving one line of a paragraph alone at a page's foot or head.  The
 * second pass also writes the PDF's outline (bookmarks) and tags its
 * structure (headings, paragraphs, lists, tables) for screen readers.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_pdf.h"
#include "render/pdf.h"
#include "render/pdf_catalog.h"
#include "render/table.h"

static const char *
pdf_heading_font(int level)
{
	switch (level) {
	case 1:		return "DejaVu Sans Bold 15";
	case 2:		return "DejaVu Sans Bold 12.5";
	case 3:		return "DejaVu Sans Bold 11";
	default:	return "DejaVu Sans Bold 10";
	}
}

/* A bookmark for the heading just begun at p->y, under its parent's. */
static void
pdf_bookmark(struct pdf *p, const struct doc_el *el)
{
	char	 dest[64];
	int	 level = el->level < 1 ? 1 : el->level;

	if (!p->draw || level > OUTLINE_MAX)
		return;
	snprintf(dest, sizeof dest, "page=%d pos=[%.1f %.1f]", p->page,
	    MARGIN, p->y);
	p->outline[level] = pdf_fn.cairo_pdf_surface_add_outline(p->surface,
	    p->outline[level - 1], el->text, dest, 0);
}

/* A heading, kept with the first lines of what follows it. */
static void
pdf_heading(struct pdf *p, const struct doc_el *el)
{
	const char	*font = pdf_heading_font(el->level);
	char		 tag[16];
	double		 h;

	if (el->level == 1)
		p->head = el->crumb != NULL ? el->crumb : el->text;
	h = pdf_measure(p, el->text, font, TEXT_W);
	p->y += el->level == 1 ? 14 : 9;
	if (p->y + h + 30 > BOTTOM)
		pdf_new_page(p);
	pdf_bookmark(p, el);
	/* The report's title is the H1, as in the HTML. */
	snprintf(tag, sizeof tag, "H%d", el->level < 5 ? el->level + 1 : 6);
	pdf_tag(p, tag, 1);
	pdf_text(p, el->text, font, 0, 0);
	pdf_tag(p, tag, 0);
	p->y += 3;
}

#define CELL_PAD	6.0	/* points: 3 each side of a cell's text */

/* The widest word of s in font, in points (a value keeps its words). */
static double
pdf_word_w(struct pdf *p, const char *s, const char *font)
{
	const char	*e;
	char		*word;
	double		 w, max = 0;

	for (; *s != '\0'; s = *e != '\0' ? e + 1 : e) {
		if ((e = strchr(s, ' ')) == NULL)
			e = s + strlen(s);
		word = xstrndup(s, (size_t)(e - s));
		if ((w = pdf_width(p, word, font)) > max)
			max = w;
		free(word);
	}
	return max;
}

/*
 * The columns' widths, from what they hold: each as wide as its text on
 * one line where all fit; else each its widest word (so that nothing
 * breaks inside a word; the values whole, where there is room) and the
 * rest of the line shared by what the columns still want; only where even
 * the words do not fit, less.
 */
static void
pdf_col_widths(struct pdf *p, const struct table_plan *t)
{
	double	 nat[TCOL_COUNT] = { 0 }, word[TCOL_COUNT] = { 0 }, w;
	double	 snat = 0, sword = 0, want = 0;
	size_t	 k;
	int	 c;

	for (c = 0; c < TCOL_COUNT; c++) {
		if (!t->keep[c])
			continue;
		nat[c] = pdf_width(p, table_head(c), FONT_TABLE_B);
		word[c] = pdf_word_w(p, table_head(c), FONT_TABLE_B);
		for (k = t->first; k < t->end; k++) {
			if ((w = pdf_width(p, table_cell(&p->doc->els[k], c),
			    FONT_TABLE)) > nat[c])
				nat[c] = w;
			if ((w = pdf_word_w(p, table_cell(&p->doc->els[k], c),
			    FONT_TABLE)) > word[c])
				word[c] = w;
		}
		nat[c] += CELL_PAD;
		word[c] += CELL_PAD;
		snat += nat[c];
		sword += word[c];
		want += nat[c] - word[c];
	}
	/* Values come first: on one line, where the others' words leave room. */
	if (sword - word[TCOL_VALUE] + nat[TCOL_VALUE] <= TEXT_W) {
		sword += nat[TCOL_VALUE] - word[TCOL_VALUE];
		want -= nat[TCOL_VALUE] - word[TCOL_VALUE];
		word[TCOL_VALUE] = nat[TCOL_VALUE];
	}
	for (c = 0; c < TCOL_COUNT; c++)
		p->colw[c] = !t->keep[c] ? 0 : snat <= TEXT_W ? nat[c] *
		    TEXT_W / snat : sword >= TEXT_W ? word[c] * TEXT_W /
		    sword : word[c] + (TEXT_W - sword) * (want > 0 ?
		    (nat[c] - word[c]) / want : 0);
}

/* The width of kept column c of the table in hand. */
static double
pdf_col_w(const struct pdf *p, enum table_col c)
{
	return p->colw[c];
}

/* One row of the table in hand: its header (el NULL) or a figure's. */
static void
pdf_row(struct pdf *p, const struct doc_el *el, int tagged);

/* A page break inside a table repeats its header row (untagged). */
static void
pdf_row_room(struct pdf *p, double h, int head)
{
	if (p->y + h <= BOTTOM)
		return;
	pdf_new_page(p);
	if (!head)
		pdf_row(p, NULL, 0);
}

static void
pdf_row(struct pdf *p, const struct doc_el *el, int tagged)
{
	const char	*font = el == NULL ? FONT_TABLE_B : FONT_TABLE, *s;
	double		 h = 0, x = MARGIN, w, ch;
	int		 c;

	for (c = 0; c < TCOL_COUNT; c++)
		if (p->table->keep[c] && (ch = pdf_measure(p, el == NULL ?
		    table_head(c) : table_cell(el, c), font,
		    pdf_col_w(p, c) - CELL_PAD)) > h)
			h = ch;
	h += 4;
	pdf_row_room(p, h, el == NULL);
	if (tagged)
		pdf_tag(p, "TR", 1);
	for (c = 0; c < TCOL_COUNT && p->draw; c++) {
		if (!p->table->keep[c])
			continue;
		w = pdf_col_w(p, c);
		s = el == NULL ? table_head(c) : table_cell(el, c);
		if (tagged)
			pdf_tag(p, el == NULL ? "TH" : "TD", 1);
		pdf_measure(p, s, font, w - CELL_PAD);
		pdf_fn.cairo_move_to(p->cr, x + 3, p->y + 2);
		pdf_fn.pango_cairo_show_layout(p->cr, p->lay);
		if (tagged)
			pdf_tag(p, el == NULL ? "TH" : "TD", 0);
		pdf_fn.cairo_rectangle(p->cr, x, p->y, w, h);
		pdf_fn.cairo_set_line_width(p->cr, 0.4);
		pdf_fn.cairo_stroke(p->cr);
		x += w;
	}
	if (tagged)
		pdf_tag(p, "TR", 0);
	p->y += h;
}

/* The figures table from doc->els[i]; returns the element after it. */
static size_t
pdf_table(struct pdf *p, size_t i)
{
	struct table_plan	 t;
	size_t			 k;

	table_plan(p->doc, i, &t);
	p->table = &t;
	pdf_col_widths(p, &t);
	p->y += 6;
	if (*t.note != '\0') {
		pdf_tag(p, "P", 1);
		pdf_text(p, t.note, "DejaVu Sans Oblique 8.5", 0, 0);
		pdf_tag(p, "P", 0);
		p->y += 4;
	}
	/* The header and the first row stay together. */
	pdf_row_room(p, 40, 1);
	pdf_tag(p, "Table", 1);
	pdf_row(p, NULL, 1);
	for (k = t.first; k < t.end; k++)
		pdf_row(p, &p->doc->els[k], 1);
	pdf_tag(p, "Table", 0);
	p->table = NULL;
	k = t.end;
	table_plan_clear(&t);
	return k;
}

/* A list item: "L" is opened at the first, closed by pdf_el() after. */
static void
pdf_item(struct pdf *p, const struct doc_el *el)
{
	char	*s;

	p->y += p->in_list ? 2 : 6;
	if (!p->in_list)
		pdf_tag(p, "L", 1);
	p->in_list = 1;
	pdf_tag(p, "LI", 1);
	pdf_tag(p, "LBody", 1);
	s = xasprintf("%s  %s", el->kind == DOC_ITEM ? "•" : "◦", el->text);
	pdf_text(p, s, FONT_BODY, el->kind == DOC_ITEM ? 14 : 28, 11);
	free(s);
	pdf_tag(p, "LBody", 0);
	pdf_tag(p, "LI", 0);
}

static void
pdf_el(struct pdf *p, const struct doc_el *el)
{
	if (p->in_list && el->kind != DOC_ITEM && el->kind != DOC_SUBITEM) {
		pdf_tag(p, "L", 0);
		p->in_list = 0;
	}
	switch (el->kind) {
	case DOC_HEADING:
		pdf_heading(p, el);
		break;
	case DOC_SOURCE:
		p->y += 4;
		pdf_tag(p, "P", 1);
		pdf_text(p, el->text, "DejaVu Serif Italic 9", 0, 0);
		pdf_tag(p, "P", 0);
		break;
	case DOC_PARA:
		p->y += 6;
		/* Key messages: set apart by a rule, in the body's weight. */
		p->keyrule = strcmp(el->nodekind, "key-messages") == 0;
		pdf_tag(p, "P", 1);
		pdf_text(p, el->text, FONT_BODY, 0, 0);
		pdf_tag(p, "P", 0);
		p->keyrule = 0;
		break;
	case DOC_ITEM:
	case DOC_SUBITEM:
		pdf_item(p, el);
		break;
	case DOC_FIGURE:	/* pdf_table() sets them */
		break;
	}
}

/* "1 December 2026": today, or SOURCE_DATE_EPOCH's day when it is set. */
static void
pdf_today(char *buf, size_t len)
{
	const char	*e = getenv("SOURCE_DATE_EPOCH");
	struct tm	 tm;
	time_t		 t = e != NULL && *e != '\0' ? (time_t)strtoll(e, NULL,
			    10) : time(NULL);

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(buf, len, "%d %B %Y", &tm) == 0)
		snprintf(buf, len, "an unknown date");
	else if (buf[0] == '0')
		memmove(buf, buf + 1, strlen(buf));
}

/* The opening: what the printout is and holds, and when it was printed. */
static void
pdf_preamble(struct pdf *p)
{
	char	*by, *secs, *line, day[64], *printed;

	by = doc_byline(p->doc);
	secs = doc_sections(p->doc);
	line = xasprintf("Sections: %s", secs);
	pdf_today(day, sizeof day);
	printed = xasprintf("Printed on %s", day);
	pdf_tag(p, "H1", 1);
	pdf_text(p, p->doc->title, "DejaVu Sans Bold 17", 0, 0);
	pdf_tag(p, "H1", 0);
	p->y += 4;
	pdf_tag(p, "P", 1);
	pdf_text(p, by, FONT_BODY, 0, 0);
	pdf_tag(p, "P", 0);
	pdf_tag(p, "P", 1);
	pdf_text(p, line, FONT_BODY, 0, 0);
	pdf_tag(p, "P", 0);
	pdf_tag(p, "P", 1);
	pdf_text(p, printed, "DejaVu Serif Italic 9", 0, 0);
	pdf_tag(p, "P", 0);
	p->y += 8;
	free(printed);
	free(line);
	free(secs);
	free(by);
}

static cairo_status_t
pdf_write(void *closure, const unsigned char *data, unsigned int len)
{
	if (closure != NULL)
		strbuf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* The document's own data: what it is, who made it, what it holds. */
static void
pdf_metadata(struct pdf *p)
{
	char	*secs = doc_sections(p->doc);

	pdf_fn.cairo_pdf_surface_set_metadata(p->surface,
	    CAIRO_PDF_METADATA_TITLE, p->doc->title);
	pdf_fn.cairo_pdf_surface_set_metadata(p->surface,
	    CAIRO_PDF_METADATA_AUTHOR, p->doc->publisher);
	pdf_fn.cairo_pdf_surface_set_metadata(p->surface,
	    CAIRO_PDF_METADATA_SUBJECT, secs);
	pdf_fn.cairo_pdf_surface_set_metadata(p->surface,
	    CAIRO_PDF_METADATA_CREATOR, "icsbrowse");
	free(secs);
}

/* The preamble and every element, inside the structure's root. */
static void
pdf_body(struct pdf *p)
{
	size_t	 i;

	/* One root for the structure: readers expect a Document. */
	pdf_tag_root(p, 1);
	pdf_preamble(p);
	for (i = 0; i < p->doc->n; ) {
		if (p->doc->els[i].kind == DOC_FIGURE) {
			pdf_el(p, &p->doc->els[i]);	/* ends a list */
			i = pdf_table(p, i);
			continue;
		}
		pdf_el(p, &p->doc->els[i++]);
	}
	if (p->in_list)
		pdf_tag(p, "L", 0);
	pdf_tag_root(p, 0);
}

/* Set the whole document once; draw only when p->draw. */
static int
pdf_pass(struct pdf *p, struct strbuf *out, char **cause)
{
	cairo_status_t	 st;
	size_t		 i;

	p->surface = pdf_fn.cairo_pdf_surface_create_for_stream(pdf_write, out,
	    PAGE_W, PAGE_H);
	pdf_metadata(p);
	p->cr = pdf_fn.cairo_create(p->surface);
	p->lay = pdf_fn.pango_cairo_create_layout(p->cr);
	p->furniture = pdf_fn.pango_cairo_create_layout(p->cr);
	p->page = 0;
	p->head = "";
	p->in_list = 0;
	p->ntags = 0;
	memset(p->outline, 0, sizeof p->outline);	/* 0: the root */
	for (i = 0; i < p->doc->n && *p->head == '\0'; i++)
		if (p->doc->els[i].kind == DOC_HEADING)
			p->head = p->doc->els[i].crumb != NULL ?
			    p->doc->els[i].crumb : p->doc->els[i].text;
	pdf_new_page(p);
	pdf_body(p);
	pdf_fn.g_object_unref(p->lay);
	pdf_fn.g_object_unref(p->furniture);
	pdf_fn.cairo_destroy(p->cr);
	pdf_fn.cairo_surface_finish(p->surface);
	st = pdf_fn.cairo_surface_status(p->surface);
	pdf_fn.cairo_surface_destroy(p->surface);
	if (st != CAIRO_STATUS_SUCCESS) {
		*cause = xasprintf("cannot make the PDF: %s",
		    pdf_fn.cairo_status_to_string(st));
		return -1;
	}
	return 0;
}

int
fmt_pdf(const struct doc *doc, struct strbuf *out, char **cause)
{
	struct pdf	 p;
	size_t		 start = out->len;

	if (pdf_load(cause) != 0)
		return -1;
	memset(&p, 0, sizeof p);
	p.doc = doc;
	p.draw = 0;
	if (pdf_pass(&p, NULL, cause) != 0)
		return -1;
	p.pages = p.page;
	p.draw = 1;
	if (pdf_pass(&p, out, cause) != 0)
		return -1;
	/* cairo 1.16 cannot say the document's language: add it. */
	if (pdf_catalog_set(out, start, "en-GB", cause) != 0)
		return -1;
	return p.pages;
}
