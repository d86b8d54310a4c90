/*
 * report_pdf.c: a PDF's lines and their layout, from pdftotext
 * -bbox-layout (see report_pdf.h).
 *
 * Why a child process and not libpoppler-glib: the reader needs line and
 * word boxes, which -bbox-layout gives as well as the library does; a
 * hostile PDF that crashes or hangs poppler then costs a child, killed
 * after REPORT_PDF_SECONDS, not icsbrowse; and the build needs no more
 * than poppler-utils, which printing's tests already use.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "core/report_pdf.h"
#include "core/report_text.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"

/* A line of a page as pdftotext boxes it; words joined by spaces. */
struct pline {
	double		 x0, y0, x1, y1;
	double		 fx0, fx1;	/* the first word's box */
	double		 sx0, sx1;	/* the second word's */
	int		 nwords;
	struct strbuf	 text;
	int		 page;
};

struct plines {
	struct pline	*l;
	size_t		 n, cap;
};

/* The value of attribute name in the tag at p (up to '>'); 0 if none. */
static double
pdf_attr(const char *p, const char *end, const char *name)
{
	const char	*gt = memchr(p, '>', (size_t)(end - p));
	size_t		 n = strlen(name);

	double		 v;

	/* The first byte first: strncmp() at every byte of a tag is slow. */
	for (; gt != NULL && p < gt; p++)
		if (*p == *name && strncmp(p, name, n) == 0 && p[n] == '=' &&
		    p[n + 1] == '"') {
			v = strtod(p + n + 2, NULL);
			/* Beyond any page: a broken box, taken as 0. */
			return isfinite(v) && fabs(v) < 1e6 ? v : 0;
		}
	return 0;
}

/* Append the XML text s[0..len) unescaped, control characters dropped. */
static void
pdf_unescape(struct strbuf *sb, const char *s, size_t len)
{
	static const struct { const char *e; char c; } ents[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		{ "&quot;", '"' }, { "&apos;", '\'' },
	};
	size_t	 i, k;

	for (i = 0; i < len; i++) {
		/* Every entity opens with '&': no other byte is compared. */
		k = s[i] == '&' ? 0 : sizeof ents / sizeof ents[0];
		for (; k < sizeof ents / sizeof ents[0]; k++)
			if (strncmp(s + i, ents[k].e, strlen(ents[k].e)) == 0)
				break;
		if (k < sizeof ents / sizeof ents[0]) {
			strbuf_addc(sb, ents[k].c);
			i += strlen(ents[k].e) - 1;
		} else if ((unsigned char)s[i] >= 0x20 && s[i] != 0x7f)
			strbuf_addc(sb, s[i]);
	}
}

static struct pline *
pdf_new_line(struct plines *ls, const char *p, const char *end, int page)
{
	struct pline	*l;

	ls->l = xgrowarray(ls->l, &ls->cap, ls->n + 1, sizeof *ls->l);
	l = &ls->l[ls->n++];
	memset(l, 0, sizeof *l);
	l->x0 = pdf_attr(p, end, "xMin");
	l->y0 = pdf_attr(p, end, "yMin");
	l->x1 = pdf_attr(p, end, "xMax");
	l->y1 = pdf_attr(p, end, "yMax");
	l->page = page;
	return l;
}

static void
pdf_word(struct pline *l, const char *p, const char *end)
{
	const char	*t = memchr(p, '>', (size_t)(end - p)), *e;

	if (t == NULL || (e = strstr(t, "</word>")) == NULL || e > end)
		return;
	if (l->nwords == 0) {
		l->fx0 = pdf_attr(p, end, "xMin");
		l->fx1 = pdf_attr(p, end, "xMax");
	} else if (l->nwords == 1) {
		l->sx0 = pdf_attr(p, end, "xMin");
		l->sx1 = pdf_attr(p, end, "xMax");
	}
	if (l->nwords++ > 0)
		strbuf_addc(&l->text, ' ');
	pdf_unescape(&l->text, t + 1, (size_t)(e - t - 1));
}

/* Every line of every page, in the order pdftotext gives them. */
static void
pdf_scan(const char *s, size_t len, struct plines *ls)
{
	const char	*end = s + len, *p;
	struct pline	*cur = NULL;
	int		 page = 0;

	for (p = s; (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++) {
		if (strncmp(p, "<page ", 6) == 0)
			page++;
		else if (strncmp(p, "<line ", 6) == 0)
			cur = pdf_new_line(ls, p, end, page);
		else if (strncmp(p, "<word ", 6) == 0 && cur != NULL)
			pdf_word(cur, p, end);
		else if (strncmp(p, "</line>", 7) == 0)
			cur = NULL;
	}
}

static int
pdf_line_cmp(const void *va, const void *vb)
{
	const struct pline	*a = va, *b = vb;

	if (a->page != b->page)
		return a->page - b->page;
	if (fabs(a->y0 - b->y0) >= 0.4 * (a->y1 - a->y0))
		return a->y0 < b->y0 ? -1 : 1;
	return a->x0 < b->x0 ? -1 : a->x0 > b->x0;
}

/* Lines side by side (a bullet and its text) are one line. */
static void
pdf_merge(struct plines *ls)
{
	size_t	 i, o = 0;

	if (ls->n == 0)
		return;
	qsort(ls->l, ls->n, sizeof *ls->l, pdf_line_cmp);
	for (i = 1; i < ls->n; i++) {
		struct pline	*a = &ls->l[o], *b = &ls->l[i];

		if (a->page == b->page && fabs(a->y0 - b->y0) <
		    0.4 * (a->y1 - a->y0) && b->nwords > 0) {
			if (a->nwords == 1) {
				a->sx0 = b->fx0;
				a->sx1 = b->fx1;
			}
			strbuf_addc(&a->text, ' ');
			strbuf_add(&a->text, b->text.buf, b->text.len);
			a->nwords += b->nwords;
			a->x1 = b->x1 > a->x1 ? b->x1 : a->x1;
			strbuf_free(&b->text);
			continue;
		}
		ls->l[++o] = *b;
	}
	ls->n = o + 1;
}

static int
pdf_dcmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The median of the n values v (sorted in place); 0 if none. */
static double
pdf_median(double *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, pdf_dcmp);
	return v[n / 2];
}

struct pdf_geometry {
	double	 margin;	/* the body's left edge */
	double	 height;	/* the text's line height */
	double	 pitch;		/* baseline to baseline in a paragraph */
	double	 step;		/* a list's indent */
};

static void
pdf_measure(const struct plines *ls, struct pdf_geometry *g)
{
	double	*v = xcalloc(ls->n + 1, sizeof *v);
	size_t	 i, n = 0;

	g->margin = ls->n > 0 ? ls->l[0].x0 : 0;
	for (i = 0; i < ls->n; i++)
		if (ls->l[i].x0 < g->margin)
			g->margin = ls->l[i].x0;
	for (i = 1; i < ls->n; i++)
		if (ls->l[i].page == ls->l[i - 1].page)
			v[n++] = ls->l[i].y0 - ls->l[i - 1].y0;
	g->pitch = pdf_median(v, n);
	for (i = 0; i < ls->n; i++)
		v[i] = ls->l[i].y1 - ls->l[i].y0;
	g->height = pdf_median(v, ls->n);
	g->step = 0;
	for (i = 0; i < ls->n; i++) {
		double	 d = ls->l[i].x0 - g->margin;

		if (d > 3 && (g->step == 0 || d < g->step))
			g->step = d;
	}
	free(v);
}

/* A bullet glyph as a line's first word: keep it out of the text. */
static void
pdf_bullet(struct pline *l, int *bullet)
{
	static const char *const glyphs[] = { "\xe2\x80\xa2", "\xe2\x97\x8f",
	    "\xe2\x96\xaa", "\xe2\x97\xa6", "\xe2\x80\x93", "-", "*",
	    "\xef\x82\xb7", "\xc2\xb7", NULL };
	const char	*t = strbuf_str(&l->text);
	size_t		 i, n;

	*bullet = 0;
	if (l->nwords < 2)
		return;
	for (i = 0; glyphs[i] != NULL; i++) {
		n = strlen(glyphs[i]);
		if (strncmp(t, glyphs[i], n) == 0 && t[n] == ' ') {
			memmove(l->text.buf, t + n + 1, l->text.len - n);
			l->text.len -= n + 1;
			l->x0 = l->fx0 = l->sx0;
			l->fx1 = l->sx1;
			*bullet = 1;
			return;
		}
	}
}

static int
pdf_level(const struct pdf_geometry *g, double x0)
{
	double	 d = x0 - g->margin;

	if (d < 3 || g->step == 0)
		return 0;
	if (d < g->step * 1.5)
		return 1;
	/* Further in is a list in a list; further still, centred text. */
	return d < g->step * 2.5 ? 2 : 0;
}

static void
pdf_emit(struct report *r, const char *file, const struct plines *ls,
    const int *bullets, const struct pdf_geometry *g)
{
	struct report_line	*rl;
	const struct pline	*l;
	size_t			 i;

	for (i = 0; i < ls->n; i++) {
		l = &ls->l[i];
		if (l->text.len == 0)
			continue;
		rl = report_add_line(r, file, (unsigned long)i + 1,
		    xstrndup(l->text.buf, l->text.len), l->text.len);
		rl->measured = 1;
		rl->bullet = bullets[i];
		rl->level = pdf_level(g, l->x0);
		if (rl->bullet && rl->level == 0)
			rl->level = 1;
		rl->width = (int)lround((l->x1 - g->margin) * 10);
		rl->firstw = (int)lround((l->fx1 - l->fx0) * 10);
		rl->space = (int)lround((l->y1 - l->y0) * 2.5);
		/* Headings are set larger than the text. */
		if ((rl->big = l->y1 - l->y0 > g->height * 1.1))
			r->styled = 1;
		/* The space above is measured once furniture is gone. */
		rl->page = l->page;
		rl->y = (int)lround(l->y0 * 10);
	}
}

int
report_pdf_add(struct report *r, const char *name, const char *xhtml,
    size_t len, char **cause)
{
	struct plines		 ls = { NULL, 0, 0 };
	struct pdf_geometry	 g;
	const char		*file;
	int			*bullets;
	size_t			 i, bad;
	char			*copy;

	/*
	 * pdftotext is asked for UTF-8 (-enc UTF-8); what is not is not its
	 * text, and no byte of it is guessed at.
	 */
	if ((copy = memchr(xhtml, '\0', len)) != NULL)
		len = (size_t)(copy - xhtml);	/* as the scan reads it */
	if (utf8_validate(xhtml, len, &bad) != 0) {
		*cause = xasprintf("%s: pdftotext gave text that is not UTF-8 "
		    "(byte 0x%02x at offset %zu)", name,
		    (unsigned char)xhtml[bad], bad);
		return -1;
	}
	/* Scanned as a C string: the tags' search stops at its end. */
	copy = xmalloc(len + 1);
	memcpy(copy, xhtml, len);
	copy[len] = '\0';
	pdf_scan(copy, strlen(copy), &ls);
	free(copy);
	pdf_merge(&ls);
	bullets = xcalloc(ls.n + 1, sizeof *bullets);
	for (i = 0; i < ls.n; i++)
		pdf_bullet(&ls.l[i], &bullets[i]);
	pdf_measure(&ls, &g);
	for (i = 0; i < ls.n && ls.l[i].text.len == 0; i++)
		;
	if (i == ls.n) {
		*cause = xasprintf("%s: no text layer: the PDF holds no text to "
		    "read (a scanned report?); run it through OCR first", name);
		free(bullets);
		for (i = 0; i < ls.n; i++)
			strbuf_free(&ls.l[i].text);
		free(ls.l);
		return -1;
	}
	file = report_add_file(r, name);
	pdf_emit(r, file, &ls, bullets, &g);
	for (i = 0; i < ls.n; i++)
		strbuf_free(&ls.l[i].text);
	free(ls.l);
	free(bullets);
	return 0;
}

/* Refuse what pdftotext should not be given; note a cut-off file. */
static int
pdf_check(struct report *r, const char *path, const char *buf, size_t len,
    int *cut, char **cause)
{
	size_t	 tail = len > 1024 ? len - 1024 : 0;

	if (len < 5 || memcmp(buf, "%PDF-", 5) != 0) {
		*cause = xasprintf("%s: not a PDF (no %%PDF- header)", path);
		return -1;
	}
	if (memmem(buf, len, "/Encrypt", 8) != NULL) {
		*cause = xasprintf("%s: an encrypted PDF: icsbrowse reads only "
		    "unencrypted ones (qpdf --decrypt makes one)", path);
		return -1;
	}
	if ((*cut = memmem(buf + tail, len - tail, "%%EOF", 5) == NULL))
		report_warn(r, NULL, "%s: the PDF is cut off (no %%%%EOF at its "
		    "end): read as far as it goes", path);
	return 0;
}

int
report_pdf_load(struct report *r, const char *path, char **cause)
{
	char	*pdf = NULL, *xhtml = NULL;
	size_t	 len, xlen;
	int	 cut, rc = -1;

	if (report_text_slurp(path, REPORT_PDF_MAX_BYTES, &pdf, &len,
	    cause) != 0 || pdf_check(r, path, pdf, len, &cut, cause) != 0)
		goto out;
	if (report_pdf_run(path, &xhtml, &xlen, cause) != 0) {
		if (cut) {
			free(*cause);
			*cause = xasprintf("%s: a truncated PDF: it stops before "
			    "its end (no %%%%EOF) and pdftotext cannot read it",
			    path);
		}
		goto out;
	}
	rc = report_pdf_add(r, path, xhtml, xlen, cause);
out:
	free(xhtml);
	free(pdf);
	return rc;
}
