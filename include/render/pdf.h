/*
 * pdf.h: typesetting for fmt_pdf.c, on cairo and pango loaded at run time.
 *
 * Internal to the PDF printout: the page geometry, the state of a pass
 * (struct pdf), the cairo and pango functions (pdf_fn, filled by pdf_load()),
 * and the primitives: pages with their head and foot, text set a line at
 * a time without widows or orphans, measuring, structure tags.
 */
#ifndef ICSB_PDF_H
#define ICSB_PDF_H

#include <stddef.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "render/table.h"

struct doc;
struct table_plan;

#define PAGE_W		595.276		/* A4, in points */
#define PAGE_H		841.890
#define MARGIN		56.7		/* 2 cm */
#define HEAD_H		24.0		/* the running head, above the text */
#define FOOT_H		24.0
#define TEXT_W		(PAGE_W - 2 * MARGIN)
#define TOP		(MARGIN + HEAD_H)
#define BOTTOM		(PAGE_H - MARGIN - FOOT_H)
#define KEY_INDENT	12.0		/* key messages: beside their rule */
#define OUTLINE_MAX	8		/* bookmark levels kept apart */
#define TAGS_MAX	8		/* structure tags open at once */

#define FONT_BODY	"DejaVu Serif 10"
#define FONT_SMALL	"DejaVu Sans 7.5"
#define FONT_TABLE	"DejaVu Sans 8"
#define FONT_TABLE_B	"DejaVu Sans Bold 8"

struct pdf {
	cairo_t			*cr;
	cairo_surface_t		*surface;
	PangoLayout		*lay;
	PangoLayout		*furniture;	/* page heads and feet */
	const struct doc	*doc;
	const char		*head;		/* the section in hand, in words */
	double			 y;
	int			 page, pages, draw;
	int			 keyrule;	/* text beside the key rule */
	int			 in_list;	/* an "L" tag is open */
	int			 outline[OUTLINE_MAX + 1];
	const struct table_plan	*table;		/* the table in hand */
	double			 colw[TCOL_COUNT];	/* its columns' widths */
	char			 tags[TAGS_MAX][16];	/* open, outermost first */
	int			 ntags;
};

/*
 * cairo and pango are loaded when the first PDF is made, not when the
 * program starts: linked in, their start-up costs every run of icsbrowse
 * (the browser's first screen, each command) some 15 ms that only PDF
 * needs.  These are the functions used, called through pdf_fn.
 */
#define PDF_FUNCS(X) \
	X(cairo_create) X(cairo_destroy) X(cairo_fill) X(cairo_line_to) \
	X(cairo_move_to) X(cairo_pdf_surface_add_outline) \
	X(cairo_pdf_surface_create_for_stream) \
	X(cairo_pdf_surface_set_metadata) X(cairo_rectangle) \
	X(cairo_set_line_width) X(cairo_set_source_rgb) X(cairo_show_page) \
	X(cairo_status_to_string) X(cairo_stroke) X(cairo_surface_destroy) \
	X(cairo_surface_finish) X(cairo_surface_status) X(cairo_tag_begin) \
	X(cairo_tag_end) X(g_object_unref) \
	X(pango_cairo_create_layout) X(pango_cairo_show_layout) \
	X(pango_cairo_show_layout_line) X(pango_font_description_free) \
	X(pango_font_description_from_string) X(pango_layout_get_iter) \
	X(pango_layout_get_size) X(pango_layout_iter_free) \
	X(pango_layout_iter_get_baseline) \
	X(pango_layout_iter_get_line_extents) \
	X(pango_layout_iter_get_line_readonly) X(pango_layout_iter_next_line) \
	X(pango_layout_set_ellipsize) \
	X(pango_layout_set_font_description) X(pango_layout_set_indent) \
	X(pango_layout_set_text) X(pango_layout_set_width) \
	X(pango_layout_set_wrap)

#define PDF_POINTER(f)	__typeof__(&f) f;
struct pdf_lib {
	int	 loaded;
	PDF_FUNCS(PDF_POINTER)
};
#undef PDF_POINTER
extern struct pdf_lib pdf_fn;

/* The library that brings cairo, pango and GLib with it. */

/* Load cairo and pango (once); 0, or -1 with *cause. */
int	 pdf_load(char **cause);
/* Begin or end a structure tag; the root is pdf_tag_root()'s. */
void	 pdf_tag(struct pdf *, const char *tag, int begin);
void	 pdf_tag_root(struct pdf *, int begin);
void	 pdf_font(struct pdf *, const char *font);
double	 pdf_small(struct pdf *, double x, double y, const char *s,
	     int right, double w);
/* Start a page: the last one shown, the new one's head and foot drawn. */
void	 pdf_new_page(struct pdf *);
/* Set text from p->y, running on over pages, two lines at least on each. */
void	 pdf_text(struct pdf *, const char *text, const char *font,
	     double indent, double hang);
/*
 * Where n lines of heights h, set from y down, start pages: brk[i] is set
 * where a page starts before line i.  A page holds two lines of the
 * paragraph or none (no orphan, no widow), unless it cannot.
 */
void	 pdf_breaks(double y, const double *h, size_t n, char *brk);
/* The height of text in font at width w; leaves it in p->lay. */
/* The width of text in font on one line, in points. */
double	 pdf_width(struct pdf *, const char *text, const char *font);
double	 pdf_measure(struct pdf *, const char *text, const char *font,
	     double w);

#endif
