/*
 * pdf.c: typesetting for fmt_pdf.c, on cairo and pango loaded at run time.
 *
 * Text is laid out by pango as a whole paragraph, then set a line at a
 * time, so that a paragraph runs on over pages; where it breaks is chosen
 * first (pdf_breaks()), so that no page holds one line of it alone.
 */
#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/pdf.h"

struct pdf_lib pdf_fn;

#define PDF_LIBRARY	"libpangocairo-1.0.so.0"

int
pdf_load(char **cause)
{
	void	*h;

	if (pdf_fn.loaded)
		return 0;
	if ((h = dlopen(PDF_LIBRARY, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		*cause = xasprintf("cannot make a PDF: %s (install the Debian "
		    "package libpangocairo-1.0-0)", dlerror());
		return -1;
	}
#define PDF_LOAD(f)							\
	if ((*(void **)&pdf_fn.f = dlsym(h, #f)) == NULL) {		\
		*cause = xasprintf("cannot make a PDF: %s lacks %s (cairo "\
		    "1.16 or later is needed)", PDF_LIBRARY, #f);	\
		return -1;						\
	}
	PDF_FUNCS(PDF_LOAD)
#undef PDF_LOAD
	pdf_fn.loaded = 1;		/* the library stays: its state is global */
	return 0;
}

/*
 * Structure tags, for screen readers: written on the second pass only,
 * and kept on a stack so that a page's head and foot can be set outside
 * them (pdf_tags_pause()).  The root, Document, is not on the stack.
 */
void
pdf_tag(struct pdf *p, const char *tag, int begin)
{
	if (!p->draw)
		return;
	if (begin) {
		pdf_fn.cairo_tag_begin(p->cr, tag, NULL);
		if (p->ntags < TAGS_MAX)
			snprintf(p->tags[p->ntags++], sizeof p->tags[0], "%s",
			    tag);
	} else {
		pdf_fn.cairo_tag_end(p->cr, tag);
		if (p->ntags > 0)
			p->ntags--;
	}
}

/* The root of the structure, around everything else. */
void
pdf_tag_root(struct pdf *p, int begin)
{
	if (!p->draw)
		return;
	if (begin)
		pdf_fn.cairo_tag_begin(p->cr, "Document", NULL);
	else
		pdf_fn.cairo_tag_end(p->cr, "Document");
}

/* End the open tags (pause 1), or open them again as they were (0). */
static void
pdf_tags_pause(struct pdf *p, int pause)
{
	int	 i;

	if (pause)
		for (i = p->ntags - 1; i >= 0; i--)
			pdf_fn.cairo_tag_end(p->cr, p->tags[i]);
	else
		for (i = 0; i < p->ntags; i++)
			pdf_fn.cairo_tag_begin(p->cr, p->tags[i], NULL);
}

void
pdf_font(struct pdf *p, const char *font)
{
	PangoFontDescription	*fd;

	fd = pdf_fn.pango_font_description_from_string(font);
	pdf_fn.pango_layout_set_font_description(p->lay, fd);
	pdf_fn.pango_font_description_free(fd);
}

/*
 * Set one line of small text at (x, y), from x (or ending at x: right 1),
 * at most w points wide (cut with "…"; -1: any), with a layout of its
 * own: a page may begin in the middle of a paragraph.  Returns its width;
 * right -1 only measures.
 */
double
pdf_small(struct pdf *p, double x, double y, const char *s, int right,
    double w)
{
	PangoFontDescription	*fd;
	int			 pw, ph;

	fd = pdf_fn.pango_font_description_from_string(FONT_SMALL);
	pdf_fn.pango_layout_set_font_description(p->furniture, fd);
	pdf_fn.pango_font_description_free(fd);
	pdf_fn.pango_layout_set_width(p->furniture, w < 0 ? -1 :
	    (int)(w * PANGO_SCALE));
	pdf_fn.pango_layout_set_ellipsize(p->furniture, PANGO_ELLIPSIZE_END);
	pdf_fn.pango_layout_set_text(p->furniture, s, -1);
	pdf_fn.pango_layout_get_size(p->furniture, &pw, &ph);
	if (p->draw && right >= 0) {
		pdf_fn.cairo_move_to(p->cr, right ? x - (double)pw / PANGO_SCALE :
		    x, y);
		pdf_fn.pango_cairo_show_layout(p->cr, p->furniture);
	}
	return (double)pw / PANGO_SCALE;
}

/*
 * The head: the report's title and the section's on one baseline, and a
 * rule.  Where both do not fit, each keeps half, or what the other leaves.
 */
static void
pdf_page_head(struct pdf *p)
{
	double	 wt, wh;

	wt = pdf_small(p, 0, 0, p->doc->title, -1, -1);
	wh = pdf_small(p, 0, 0, p->head, -1, -1);
	if (wt + wh + 18 > TEXT_W)
		wt = wh > TEXT_W / 2 - 9 ? (wt < TEXT_W / 2 - 9 ? wt :
		    TEXT_W / 2 - 9) : TEXT_W - wh - 18;
	wt = pdf_small(p, MARGIN, MARGIN, p->doc->title, 0, wt);
	if (*p->head != '\0')
		pdf_small(p, PAGE_W - MARGIN, MARGIN, p->head, 1,
		    TEXT_W - wt - 18);
	pdf_fn.cairo_set_line_width(p->cr, 0.5);
	pdf_fn.cairo_move_to(p->cr, MARGIN, MARGIN + 13);
	pdf_fn.cairo_line_to(p->cr, PAGE_W - MARGIN, MARGIN + 13);
	pdf_fn.cairo_stroke(p->cr);
}

void
pdf_new_page(struct pdf *p)
{
	char	 foot[64];

	p->page++;
	p->y = TOP;
	if (!p->draw)
		return;
	/* The head and foot are no part of the paragraph they break. */
	pdf_tags_pause(p, 1);
	if (p->page > 1)
		pdf_fn.cairo_show_page(p->cr);
	pdf_fn.cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
	pdf_page_head(p);
	snprintf(foot, sizeof foot, "Page %d of %d", p->page, p->pages);
	pdf_small(p, PAGE_W / 2 + 20, PAGE_H - MARGIN - 10, foot, 1, TEXT_W);
	pdf_fn.cairo_set_source_rgb(p->cr, 0, 0, 0);
	pdf_tags_pause(p, 0);
}

/*
 * Where the n lines of heights h, set from y down, go over a page: brk[i]
 * is set where a page starts before line i.  Each page holds two lines of
 * the paragraph or more (no orphan at the foot, no widow at the head),
 * unless the page cannot.
 */
void
pdf_breaks(double y, const double *h, size_t n, char *brk)
{
	double	 yy;
	size_t	 i = 0, fit, take;

	memset(brk, 0, n);
	while (i < n) {
		for (fit = 0, yy = y; i + fit < n && yy + h[i + fit] <= BOTTOM;
		    fit++)
			yy += h[i + fit];
		if (i + fit >= n)
			return;
		take = fit;
		if (n - i - take < 2)
			take = n - i >= 2 ? n - i - 2 : 0;
		if (take < 2)
			take = 0;
		if (take == 0 && y <= TOP)
			take = fit > 0 ? fit : 1;	/* the page cannot */
		brk[i + take] = 1;
		i += take;
		y = TOP;
	}
}

/* The heights of the lines of p->lay, in points; *n of them. */
static double *
pdf_line_heights(struct pdf *p, size_t *n)
{
	PangoLayoutIter	*it;
	PangoRectangle	 r;
	double		*h = NULL;
	size_t		 cap = 0;

	*n = 0;
	it = pdf_fn.pango_layout_get_iter(p->lay);
	do {
		pdf_fn.pango_layout_iter_get_line_extents(it, NULL, &r);
		h = xgrowarray(h, &cap, *n + 1, sizeof *h);
		h[(*n)++] = (double)r.height / PANGO_SCALE;
	} while (pdf_fn.pango_layout_iter_next_line(it));
	pdf_fn.pango_layout_iter_free(it);
	return h;
}

/* Draw one line of the layout at p->y, beside the key rule if asked. */
static void
pdf_line(struct pdf *p, PangoLayoutIter *it, double indent, double h)
{
	PangoRectangle	 r;
	double		 base;

	if (!p->draw)
		return;
	pdf_fn.pango_layout_iter_get_line_extents(it, NULL, &r);
	base = (double)(pdf_fn.pango_layout_iter_get_baseline(it) - r.y) /
	    PANGO_SCALE;
	if (p->keyrule) {
		pdf_fn.cairo_set_source_rgb(p->cr, 0.16, 0.6, 0.45);
		pdf_fn.cairo_rectangle(p->cr, MARGIN, p->y, 3, h);
		pdf_fn.cairo_fill(p->cr);
		pdf_fn.cairo_set_source_rgb(p->cr, 0, 0, 0);
	}
	pdf_fn.cairo_move_to(p->cr, MARGIN + indent + (double)r.x / PANGO_SCALE,
	    p->y + base);
	pdf_fn.pango_cairo_show_layout_line(p->cr,
	    pdf_fn.pango_layout_iter_get_line_readonly(it));
}

/*
 * Set text in font, indented, a line at a time, starting a page where
 * pdf_breaks() says; the first line hangs hang points to the left (for a
 * bullet).
 */
void
pdf_text(struct pdf *p, const char *text, const char *font, double indent,
    double hang)
{
	PangoLayoutIter	*it;
	double		*h;
	char		*brk;
	size_t		 n, i = 0;

	if (p->keyrule)
		indent += KEY_INDENT;
	pdf_font(p, font);
	pdf_fn.pango_layout_set_width(p->lay, (int)((TEXT_W - indent) *
	    PANGO_SCALE));
	pdf_fn.pango_layout_set_wrap(p->lay, PANGO_WRAP_WORD_CHAR);
	pdf_fn.pango_layout_set_indent(p->lay, (int)(-hang * PANGO_SCALE));
	pdf_fn.pango_layout_set_text(p->lay, text, -1);
	h = pdf_line_heights(p, &n);
	brk = xmalloc(n);
	pdf_breaks(p->y, h, n, brk);
	it = pdf_fn.pango_layout_get_iter(p->lay);
	do {
		if (brk[i])
			pdf_new_page(p);
		pdf_line(p, it, indent, h[i]);
		p->y += h[i++];
	} while (pdf_fn.pango_layout_iter_next_line(it) && i < n);
	pdf_fn.pango_layout_iter_free(it);
	pdf_fn.pango_layout_set_indent(p->lay, 0);
	free(brk);
	free(h);
}

double
pdf_width(struct pdf *p, const char *text, const char *font)
{
	int	 pw, ph;

	pdf_font(p, font);
	pdf_fn.pango_layout_set_width(p->lay, -1);
	pdf_fn.pango_layout_set_text(p->lay, text, -1);
	pdf_fn.pango_layout_get_size(p->lay, &pw, &ph);
	return (double)pw / PANGO_SCALE;
}

/* The height text takes in font at width w, in points. */
double
pdf_measure(struct pdf *p, const char *text, const char *font, double w)
{
	int	 pw, ph;

	pdf_font(p, font);
	pdf_fn.pango_layout_set_width(p->lay, (int)(w * PANGO_SCALE));
	/* A word wider than a cell breaks rather than spill over it. */
	pdf_fn.pango_layout_set_wrap(p->lay, PANGO_WRAP_WORD_CHAR);
	pdf_fn.pango_layout_set_text(p->lay, text, -1);
	pdf_fn.pango_layout_get_size(p->lay, &pw, &ph);
	return (double)ph / PANGO_SCALE;
}
