/*
 * fmt_pdf.c: a document as a PDF, A4, typeset with cairo and pango.
 *
 * The document is set twice: once to count the pages (on a PDF surface
 * that writes nowhere, so that the fonts measure exactly as they will
 * print), then for real, when "Page n of N" can be filled in.  Text is
 * laid out a line at a time so that paragraphs run on across pages.
 */
#include "config.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_pdf.h"

#define PAGE_W		595.276		/* A4, in points */
#define PAGE_H		841.890
#define MARGIN		56.7		/* 2 cm */
#define HEAD_H		24.0		/* the running head, above the text */
#define FOOT_H		24.0
#define TEXT_W		(PAGE_W - 2 * MARGIN)
#define TOP		(MARGIN + HEAD_H)
#define BOTTOM		(PAGE_H - MARGIN - FOOT_H)

#define FONT_BODY	"DejaVu Serif 10"
#define FONT_SMALL	"DejaVu Sans 7.5"
#define FONT_TABLE	"DejaVu Sans 8"
#define FONT_TABLE_B	"DejaVu Sans Bold 8"

struct pdf {
	cairo_t			*cr;
	PangoLayout		*lay;
	PangoLayout		*furniture;	/* page heads and feet */
	const struct doc	*doc;
	const char		*path;		/* the section in hand */
	double			 y;
	int			 page, pages, draw;
};

/*
 * cairo and pango are loaded when the first PDF is made, not when the
 * program starts: linked in, their start-up costs every run of icsbrowse
 * (the browser's first screen, each command) some 15 ms that only PDF
 * needs.  These are the functions used, called through lib.
 */
#define PDF_FUNCS(X) \
	X(cairo_create) X(cairo_destroy) X(cairo_move_to) \
	X(cairo_pdf_surface_create_for_stream) \
	X(cairo_pdf_surface_set_metadata) X(cairo_rectangle) \
	X(cairo_set_line_width) X(cairo_set_source_rgb) X(cairo_show_page) \
	X(cairo_status_to_string) X(cairo_stroke) X(cairo_surface_destroy) \
	X(cairo_surface_finish) X(cairo_surface_status) X(g_object_unref) \
	X(pango_cairo_create_layout) X(pango_cairo_show_layout) \
	X(pango_cairo_show_layout_line) X(pango_font_description_free) \
	X(pango_font_description_from_string) X(pango_layout_get_iter) \
	X(pango_layout_get_size) X(pango_layout_iter_free) \
	X(pango_layout_iter_get_baseline) \
	X(pango_layout_iter_get_line_extents) \
	X(pango_layout_iter_get_line_readonly) X(pango_layout_iter_next_line) \
	X(pango_layout_set_font_description) X(pango_layout_set_indent) \
	X(pango_layout_set_text) X(pango_layout_set_width) \
	X(pango_layout_set_wrap)

#define PDF_POINTER(f)	__typeof__(&f) f;
static struct {
	int	 loaded;
	PDF_FUNCS(PDF_POINTER)
} lib;

/* The library that brings cairo, pango and GLib with it. */
#define PDF_LIBRARY	"libpangocairo-1.0.so.0"

static int
pdf_load(char **cause)
{
	void	*h;

	if (lib.loaded)
		return 0;
	if ((h = dlopen(PDF_LIBRARY, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		*cause = xasprintf("cannot make a PDF: %s (install the Debian "
		    "package libpangocairo-1.0-0)", dlerror());
		return -1;
	}
#define PDF_LOAD(f)							\
	if ((*(void **)&lib.f = dlsym(h, #f)) == NULL) {		\
		*cause = xasprintf("cannot make a PDF: %s lacks %s",	\
		    PDF_LIBRARY, #f);					\
		return -1;						\
	}
	PDF_FUNCS(PDF_LOAD)
#undef PDF_LOAD
	lib.loaded = 1;		/* the library stays: its state is global */
	return 0;
}

static void
pdf_font(struct pdf *p, const char *font)
{
	PangoFontDescription	*fd;

	fd = lib.pango_font_description_from_string(font);
	lib.pango_layout_set_font_description(p->lay, fd);
	lib.pango_font_description_free(fd);
}

/* Set one line of small text at (x, y), aligned left (or at its right). */
/*
 * Set one line of small text at (x, y), from x (or ending at x), with a
 * layout of its own: a page may begin in the middle of a paragraph.
 */
static void
pdf_small(struct pdf *p, double x, double y, const char *s, int right)
{
	PangoFontDescription	*fd;
	int			 w, h;

	fd = lib.pango_font_description_from_string(FONT_SMALL);
	lib.pango_layout_set_font_description(p->furniture, fd);
	lib.pango_font_description_free(fd);
	lib.pango_layout_set_width(p->furniture, -1);
	lib.pango_layout_set_text(p->furniture, s, -1);
	lib.pango_layout_get_size(p->furniture, &w, &h);
	lib.cairo_move_to(p->cr, right ? x - (double)w / PANGO_SCALE : x, y);
	lib.pango_cairo_show_layout(p->cr, p->furniture);
}

static void
pdf_new_page(struct pdf *p)
{
	char	 foot[64];

	if (p->page > 0 && p->draw)
		lib.cairo_show_page(p->cr);
	p->page++;
	p->y = TOP;
	if (!p->draw)
		return;
	lib.cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
	pdf_small(p, MARGIN, MARGIN, p->doc->title, 0);
	pdf_small(p, PAGE_W - MARGIN, MARGIN + 10, p->path, 1);
	snprintf(foot, sizeof foot, "Page %d of %d", p->page, p->pages);
	pdf_small(p, PAGE_W / 2 + 20, PAGE_H - MARGIN - 10, foot, 1);
	lib.cairo_set_source_rgb(p->cr, 0, 0, 0);
}

/*
 * Set text in font, indented, a line at a time, starting a page when one
 * is full; the first line hangs hang points to the left (for a bullet).
 */
static void
pdf_text(struct pdf *p, const char *text, const char *font, double indent,
    double hang)
{
	PangoLayoutIter	*it;
	PangoRectangle	 r;
	double		 base, x;

	pdf_font(p, font);
	lib.pango_layout_set_width(p->lay, (int)((TEXT_W - indent) * PANGO_SCALE));
	lib.pango_layout_set_wrap(p->lay, PANGO_WRAP_WORD_CHAR);
	lib.pango_layout_set_indent(p->lay, (int)(-hang * PANGO_SCALE));
	lib.pango_layout_set_text(p->lay, text, -1);
	it = lib.pango_layout_get_iter(p->lay);
	do {
		lib.pango_layout_iter_get_line_extents(it, NULL, &r);
		if (p->y + (double)r.height / PANGO_SCALE > BOTTOM)
			pdf_new_page(p);
		base = (double)(lib.pango_layout_iter_get_baseline(it) - r.y) /
		    PANGO_SCALE;
		x = MARGIN + indent + (double)r.x / PANGO_SCALE;
		if (p->draw) {
			lib.cairo_move_to(p->cr, x, p->y + base);
			lib.pango_cairo_show_layout_line(p->cr,
			    lib.pango_layout_iter_get_line_readonly(it));
		}
		p->y += (double)r.height / PANGO_SCALE;
	} while (lib.pango_layout_iter_next_line(it));
	lib.pango_layout_iter_free(it);
	lib.pango_layout_set_indent(p->lay, 0);
}

/* The height text takes in font at width w, in points. */
static double
pdf_measure(struct pdf *p, const char *text, const char *font, double w)
{
	int	 pw, ph;

	pdf_font(p, font);
	lib.pango_layout_set_width(p->lay, (int)(w * PANGO_SCALE));
	lib.pango_layout_set_wrap(p->lay, PANGO_WRAP_WORD_CHAR);
	lib.pango_layout_set_text(p->lay, text, -1);
	lib.pango_layout_get_size(p->lay, &pw, &ph);
	return (double)ph / PANGO_SCALE;
}

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

/* A heading, kept with the first lines of what follows it. */
static void
pdf_heading(struct pdf *p, const struct doc_el *el)
{
	const char	*font = pdf_heading_font(el->level);
	double		 h;

	if (el->level == 1)
		p->path = el->path != NULL ? el->path : "";
	h = pdf_measure(p, el->text, font, TEXT_W);
	p->y += el->level == 1 ? 14 : 9;
	if (p->y + h + 30 > BOTTOM)
		pdf_new_page(p);
	pdf_text(p, el->text, font, 0, 0);
	p->y += 3;
}

/* The columns of a figures table: widths as shares of the text width. */
static const double pdf_cols[] = { 0.30, 0.14, 0.14, 0.12, 0.16, 0.14 };
static const char *const pdf_heads[] = { "Figure", "Place", "Value",
    "Period", "Compared with", "Cited in" };

static void
pdf_row(struct pdf *p, const char *const cells[6], int head)
{
	double	 h = 0, x = MARGIN, w, ch;
	int	 i;

	for (i = 0; i < 6; i++) {
		ch = pdf_measure(p, cells[i], head ? FONT_TABLE_B : FONT_TABLE,
		    pdf_cols[i] * TEXT_W - 6);
		if (ch > h)
			h = ch;
	}
	h += 4;
	if (p->y + h > BOTTOM)
		pdf_new_page(p);
	for (i = 0; i < 6 && p->draw; i++) {
		w = pdf_cols[i] * TEXT_W;
		pdf_measure(p, cells[i], head ? FONT_TABLE_B : FONT_TABLE,
		    w - 6);
		lib.cairo_move_to(p->cr, x + 3, p->y + 2);
		lib.pango_cairo_show_layout(p->cr, p->lay);
		lib.cairo_rectangle(p->cr, x, p->y, w, h);
		lib.cairo_set_line_width(p->cr, 0.4);
		lib.cairo_stroke(p->cr);
		x += w;
	}
	p->y += h;
}

static void
pdf_figure(struct pdf *p, const struct doc_el *el, const struct doc_el *prev)
{
	const char	*cells[6];

	if (prev == NULL || prev->kind != DOC_FIGURE) {
		p->y += 6;
		pdf_row(p, pdf_heads, 1);
	}
	cells[0] = el->text;
	cells[1] = el->place;
	cells[2] = el->value;
	cells[3] = el->period;
	cells[4] = el->comparator != NULL ? el->comparator : "";
	cells[5] = el->path;
	pdf_row(p, cells, 0);
}

static void
pdf_el(struct pdf *p, const struct doc_el *el, const struct doc_el *prev)
{
	char	*s;
	int	 list = prev != NULL && (prev->kind == DOC_ITEM ||
		    prev->kind == DOC_SUBITEM);

	switch (el->kind) {
	case DOC_HEADING:
		pdf_heading(p, el);
		break;
	case DOC_SOURCE:
		p->y += 4;
		pdf_text(p, el->text, "DejaVu Serif Italic 9", 0, 0);
		break;
	case DOC_PARA:
		p->y += 6;
		pdf_text(p, el->text, strcmp(el->nodekind, "key-messages") ==
		    0 ? "DejaVu Serif Bold 10" : FONT_BODY, 0, 0);
		break;
	case DOC_ITEM:
	case DOC_SUBITEM:
		p->y += list ? 2 : 6;
		s = xasprintf("%s  %s", el->kind == DOC_ITEM ? "•" : "◦",
		    el->text);
		pdf_text(p, s, FONT_BODY, el->kind == DOC_ITEM ? 14 : 28, 11);
		free(s);
		break;
	case DOC_FIGURE:
		pdf_figure(p, el, prev);
		break;
	}
}

/* The opening: what the printout is and holds. */
static void
pdf_preamble(struct pdf *p)
{
	char	*by, *secs, *line;

	by = doc_byline(p->doc);
	secs = doc_sections(p->doc);
	line = xasprintf("Sections: %s", secs);
	pdf_text(p, p->doc->title, "DejaVu Sans Bold 17", 0, 0);
	p->y += 4;
	pdf_text(p, by, FONT_BODY, 0, 0);
	pdf_text(p, line, FONT_BODY, 0, 0);
	p->y += 8;
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

/* Set the whole document once; draw only when p->draw. */
static int
pdf_pass(struct pdf *p, struct strbuf *out, char **cause)
{
	cairo_surface_t	*s;
	cairo_status_t	 st;
	size_t		 i;

	s = lib.cairo_pdf_surface_create_for_stream(pdf_write, out, PAGE_W,
	    PAGE_H);
	lib.cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
	    p->doc->title);
	lib.cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR,
	    p->doc->publisher);
	lib.cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
	    "icsbrowse");
	p->cr = lib.cairo_create(s);
	p->lay = lib.pango_cairo_create_layout(p->cr);
	p->furniture = lib.pango_cairo_create_layout(p->cr);
	p->page = 0;
	p->path = "";
	pdf_new_page(p);
	pdf_preamble(p);
	for (i = 0; i < p->doc->n; i++)
		pdf_el(p, &p->doc->els[i], i > 0 ? &p->doc->els[i - 1] : NULL);
	lib.g_object_unref(p->lay);
	lib.g_object_unref(p->furniture);
	lib.cairo_destroy(p->cr);
	lib.cairo_surface_finish(s);
	st = lib.cairo_surface_status(s);
	lib.cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS) {
		*cause = xasprintf("cannot make the PDF: %s",
		    lib.cairo_status_to_string(st));
		return -1;
	}
	return 0;
}

int
fmt_pdf(const struct doc *doc, struct strbuf *out, char **cause)
{
	struct pdf	 p;

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
	return p.pages;
}
