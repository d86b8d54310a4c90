/*
 * report_layout.c: a report's lines into paragraphs and list items (see
 * report_layout.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "core/report_layout.h"
#include "core/report_lists.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"

/* A line this wide or more (but for one in a hundred, two lines a PDF
   reader ran together) is a paragraph's own, not a wrapped one. */
#define WRAP_MAX	130
/* A running head repeats at least this many times. */
#define RUNNING_MIN	3

struct layout {
	struct report		*r;
	char			*drop;		/* per line: furniture */
	int			 wrapped;	/* lines are hard-wrapped */
	int			 full;		/* a full line's width */
	int			 gap;		/* the usual gap between lines */
	int			 paged;		/* text with form feeds */
	int			 widest;	/* text: the 99th percentile */
};

static int
layout_is_url(const char *s)
{
	if (strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0 &&
	    strncmp(s, "www.", 4) != 0)
		return 0;
	return strpbrk(s, " \t") == NULL;
}

static int
layout_is_page_number(const char *s)
{
	size_t	 n;

	if (strncmp(s, "Page ", 5) == 0)
		s += 5;
	else if (strncmp(s, "- ", 2) == 0)	/* troff's "- 12 -" */
		s += 2;
	n = strspn(s, "0123456789");
	if (n == 0 || n > 4)
		return 0;
	if (s[n] == '\0' || strcmp(s + n, " -") == 0)
		return 1;
	return strncmp(s + n, " of ", 4) == 0 && strspn(s + n + 4,
	    "0123456789") == strlen(s + n + 4) && s[n + 4] != '\0';
}

/* What furniture line l is, or NULL. */
static const char *
layout_furniture(const struct report_line *l)
{
	size_t	 n = strspn(l->text, "0123456789");

	/* troff's "- 12 -" lost its first dash to the bullet. */
	if (l->bullet)
		return n > 0 && n <= 4 && strcmp(l->text + n, " -") == 0 ?
		    "a page number" : NULL;
	if (layout_is_url(l->text))
		return "a URL";
	if (layout_is_page_number(l->text))
		return "a page number";
	if (strncmp(l->text, "\xc2\xa9", 2) == 0 ||
	    strncmp(l->text, "Copyright ", 10) == 0)
		return "the copyright line";
	return NULL;
}

static int
layout_same(const struct report_line *a, const struct report_line *b)
{
	return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

/* Whether line i could be a running head: at a page's top or foot. */
static int
layout_edge(const struct layout *ly, size_t i)
{
	const struct report_line	*l = &ly->r->lines[i];

	/* Text with no form feeds: a line no sentence ends. */
	if (!l->measured && !ly->paged)
		return l->len > 0 && strchr(".:;!?,", l->text[l->len - 1]) ==
		    NULL;
	return i == 0 || i + 1 == ly->r->nlines ||
	    ly->r->lines[i - 1].page != l->page ||
	    ly->r->lines[i + 1].page != l->page;
}

/* Lines repeated page after page that are no heading: running heads. */
static void
layout_running(struct layout *ly)
{
	struct report	*r = ly->r;
	size_t		 i, j;
	int		 n;

	for (i = 0; i < r->nlines; i++) {
		if (ly->drop[i] || r->lines[i].bullet || !layout_edge(ly, i) ||
		    utf8_width(r->lines[i].text, r->lines[i].len) > 100 ||
		    report_heading_known(r->lines[i].text))
			continue;
		for (n = 1, j = i + 1; j < r->nlines; j++)
			n += layout_same(&r->lines[i], &r->lines[j]) &&
			    layout_edge(ly, j);
		if (n < RUNNING_MIN)
			continue;
		for (j = i; j < r->nlines; j++)
			if (layout_same(&r->lines[i], &r->lines[j]) &&
			    layout_edge(ly, j)) {
				ly->drop[j] = 1;
				report_drop(r, &r->lines[j], "page furniture "
				    "(a running head): %s", r->lines[j].text);
			}
	}
}

static void
layout_furnish(struct layout *ly)
{
	struct report	*r = ly->r;
	const char	*what;
	size_t		 i;

	ly->drop = xcalloc(r->nlines + 1, 1);
	for (i = 0; i < r->nlines; i++)
		if ((what = layout_furniture(&r->lines[i])) != NULL) {
			ly->drop[i] = 1;
			report_drop(r, &r->lines[i], "page furniture (%s): %s",
			    what, r->lines[i].text);
		}
}

static int
layout_cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static int
layout_cmpl(const void *a, const void *b)
{
	long	 x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/*
 * A PDF's lines are hard-wrapped, with their widths measured.  Text is
 * hard-wrapped if no line is wider than WRAP_MAX and many lines are close
 * to the widest: those are full.  The full width is taken low, from the
 * 95th percentile, as a PDF's proportional letters fit more or fewer on a
 * line.
 */
static void
layout_measure(struct layout *ly)
{
	struct report	*r = ly->r;
	int		*w, *g;
	size_t		 i, n = 0, near = 0;

	w = xcalloc(r->nlines + 1, sizeof *w);
	g = xcalloc(r->nlines + 1, sizeof *g);
	for (i = 0; i < r->nlines; i++)
		if (!ly->drop[i]) {
			g[n] = r->lines[i].gap;
			w[n++] = r->lines[i].width;
		}
	qsort(w, n, sizeof *w, layout_cmp);
	qsort(g, n, sizeof *g, layout_cmp);
	if (n > 0 && r->lines[0].measured) {
		/* A PDF's widths are measured: only rounding to allow for. */
		ly->wrapped = 1;
		ly->full = w[n * 95 / 100] * 98 / 100;
	} else if (n >= 10 && (ly->widest = w[n * 99 / 100]) <= WRAP_MAX) {
		ly->full = w[n * 95 / 100];
		for (i = 0; i < n; i++)
			near += w[i] * 10 >= ly->full * 8;
		ly->wrapped = near * 10 >= n * 3;
		ly->full = ly->full * 85 / 100;
	}
	ly->gap = n > 0 ? g[n / 2] : 0;
	free(g);
	free(w);
}

/*
 * Widths of the printable ASCII letters in Helvetica (and Arial, which
 * shares its widths), in thousandths of an em: the face the CQC's PDFs
 * are set in.  A text without positions (a PDF's text, copied) still
 * wraps where those widths filled the line, so they tell a line that
 * ended its paragraph from one that was full better than a count of
 * letters does.  Letters not here count as an "n".
 */
static const unsigned short layout_em_ascii[95] = {
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333,
	278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278,
	584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
	500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944,
	667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
	278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
	278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584
};

/* The printed width of s[0..n), in thousandths of an em. */
static long
layout_em(const char *s, size_t n)
{
	uint32_t	 cp;
	size_t		 i, k;
	long		 w = 0;

	for (i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0)
			k = 1;
		if (cp >= 0x20 && cp < 0x7f)
			w += layout_em_ascii[cp - 0x20];
		else if (cp == 0x2018 || cp == 0x2019)	/* curly ' */
			w += 222;
		else if (cp == 0x201c || cp == 0x201d)
			w += 333;
		else if (cp == 0x2014)
			w += 1000;
		else
			w += 556;
	}
	return w;
}

/*
 * In a text without positions, whether line a, the second or later of
 * its paragraph after line p, ended it: the next line's first word would
 * have fitted on a within the width p took, both in letters (a text
 * wrapped by a count of letters) and in Helvetica's widths less a
 * hundredth (a PDF's, wrapped by the printed width).
 */
static int
layout_short(const struct layout *ly, const struct report_line *p,
    const struct report_line *a, const struct report_line *b)
{
	size_t	 fw;

	/* Not after two lines run together, wider than any other. */
	if (p == NULL || a->measured || p->width > ly->widest)
		return 0;
	fw = strcspn(b->text, " \t");
	if (a->width + 1 + utf8_width(b->text, fw) > p->width)
		return 0;
	return layout_em(a->text, a->len) + 278 + layout_em(b->text, fw) <
	    layout_em(p->text, p->len) * 99 / 100;
}

/* The width of l's first word and a space before it. */
static int
layout_first_word(const struct report_line *l)
{
	if (l->measured)
		return l->space + l->firstw;
	return 1 + utf8_width(l->text, strcspn(l->text, " \t"));
}

static int
layout_ends_sentence(const struct report_line *l)
{
	return l->len > 0 && strchr(".!?:", l->text[l->len - 1]) != NULL;
}

/*
 * Whether line b stands alone between a and c: a ends a sentence, b ends
 * none and c's first word would have fitted on b, so b is a paragraph of
 * one line (a heading) even after a full line.
 */
static int
layout_alone(const struct layout *ly, const struct report_line *a,
    const struct report_line *b, const struct report_line *c)
{
	if (!layout_ends_sentence(a) || layout_ends_sentence(b) ||
	    b->bullet || !isupper((unsigned char)b->text[0]))
		return 0;
	return c == NULL || c->bullet || b->width + layout_first_word(c) <
	    ly->full;
}

/*
 * Whether line b starts a new unit after line a; c follows b, or NULL;
 * p is the line before a in its unit, or NULL.
 */
static int
layout_breaks(const struct layout *ly, const struct report_line *p,
    const struct report_line *a, const struct report_line *b,
    const struct report_line *c)
{
	/* A page's first line has no space above it to go by. */
	if (!ly->wrapped || b->bullet || (b->gap > ly->gap && (b->measured ||
	    a->page == b->page)) || a->big != b->big)
		return 1;
	if (a->width + layout_first_word(b) < ly->full ||
	    layout_short(ly, p, a, b))
		return 1;
	/* A list, or a list in a list, begins or ends. */
	if (b->level != a->level || layout_alone(ly, a, b, c))
		return 1;
	return report_heading_known(a->text) || report_heading_known(b->text);
}

/* The next line after i that is kept, or NULL. */
static const struct report_line *
layout_next(const struct layout *ly, size_t i)
{
	for (i++; i < ly->r->nlines; i++)
		if (!ly->drop[i])
			return &ly->r->lines[i];
	return NULL;
}

/* Append line l's text to sb, as a PDF joins wrapped lines. */
static void
layout_join(struct strbuf *sb, const struct report_line *l)
{
	if (sb->len > 0) {
		/* A line-end hyphen is a real one: no word is split. */
		if (!(sb->len >= 2 && sb->buf[sb->len - 1] == '-' &&
		    isalpha((unsigned char)sb->buf[sb->len - 2])))
			strbuf_addc(sb, ' ');
	}
	strbuf_add(sb, l->text, l->len);
}

/* "[words](#)" keeps its words, unescaped: "\(" is "(". */
static char *
layout_unlink(const char *s)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*p, *close;

	for (p = s; *p != '\0'; p++) {
		if (*p == '[' && (close = strstr(p, "](#)")) != NULL &&
		    memchr(p + 1, '[', (size_t)(close - p - 1)) == NULL) {
			for (p++; p < close; p++) {
				if (*p == '\\' && strchr("()[]", p[1]) != NULL)
					p++;
				strbuf_addc(&sb, *p);
			}
			p = close + 3;
			continue;
		}
		strbuf_addc(&sb, *p);
	}
	return strbuf_detach(&sb);
}

static enum report_unit_kind
layout_kind(const struct report_line *l)
{
	return l->level == 0 ? UNIT_PARA : l->level == 1 ? UNIT_ITEM :
	    UNIT_SUBITEM;
}

static struct report_unit *
layout_units(struct layout *ly, size_t *n)
{
	struct report		*r = ly->r;
	struct report_unit	*u = NULL;
	struct strbuf		 sb = STRBUF_INIT;
	size_t			 i, prev = (size_t)-1, before = (size_t)-1;
	size_t			 cap = 0;
	int			 open = 0;

	*n = 0;
	for (i = 0; i <= r->nlines; i++) {
		if (i < r->nlines && ly->drop[i])
			continue;
		if (prev != (size_t)-1 && (i == r->nlines || layout_breaks(ly,
		    before != (size_t)-1 ? &r->lines[before] : NULL,
		    &r->lines[prev], &r->lines[i], layout_next(ly, i)))) {
			u[*n - 1].text = layout_unlink(strbuf_str(&sb));
			u[*n - 1].linked = strcmp(u[*n - 1].text,
			    strbuf_str(&sb)) != 0;
			strbuf_reset(&sb);
			open = 0;
			prev = (size_t)-1;
		}
		if (i == r->nlines)
			break;
		if (!open) {
			open = 1;
			if (*n == cap)
				u = xreallocarray(u, cap = cap * 2 + 16,
				    sizeof *u);
			u[*n].kind = layout_kind(&r->lines[i]);
			u[*n].at = &r->lines[i];
			u[*n].nlines = 0;
			u[*n].linked = u[*n].narrow = 0;
			u[(*n)++].text = NULL;
		}
		layout_join(&sb, &r->lines[i]);
		u[*n - 1].nlines++;
		before = prev;
		prev = i;
	}
	strbuf_free(&sb);
	return u;
}

/*
 * A PDF's text loses the bullets of a list but keeps the list's lines
 * apart: after a paragraph that ends with a colon, the one-line units
 * that follow are its items, up to the first longer one or heading.
 */
static void
layout_lists(const struct layout *ly, struct report_unit *u, size_t n)
{
	size_t	 i, len;
	int	 in = 0, lower = 0;

	if (!ly->wrapped)
		return;
	for (i = 0; i < n; i++) {
		len = strlen(u[i].text);
		/* Items share the case they open with: a change ends them. */
		if (in == 2 && islower((unsigned char)u[i].text[0]) != lower)
			in = 0;
		if (in && u[i].kind == UNIT_PARA && u[i].nlines == 1 &&
		    !u[i].at->bullet && !report_heading_known(u[i].text)) {
			u[i].kind = UNIT_ITEM;
			if (in == 1)
				lower = islower((unsigned char)u[i].text[0]);
			in = 2;
		} else
			in = 0;
		if (u[i].kind == UNIT_PARA && len > 0 && u[i].text[len - 1] ==
		    ':')
			in = 1;
	}
}

/*
 * In hard-wrapped text without positions, a unit of two lines or more
 * whose lines (but its last) all stop well short of the text's measure,
 * by Helvetica's widths, was set in a narrower one: a box beside the
 * text, or an indented list.  The measure is the 95th percentile of the
 * lines' widths, as in layout_measure().
 */
static void
layout_narrow(const struct layout *ly, struct report_unit *u, size_t n)
{
	const struct report	*r = ly->r;
	const struct report_line *l;
	long			*w, measure, widest;
	size_t			 i, k, m = 0;
	int			 j;

	if (!ly->wrapped || r->nlines == 0 || r->lines[0].measured)
		return;
	w = xcalloc(r->nlines + 1, sizeof *w);
	for (i = 0; i < r->nlines; i++)
		if (!ly->drop[i])
			w[m++] = layout_em(r->lines[i].text, r->lines[i].len);
	qsort(w, m, sizeof *w, layout_cmpl);
	measure = m > 0 ? w[m * 95 / 100] : 0;
	free(w);
	for (i = 0; i < n; i++) {
		if (u[i].nlines < 2)
			continue;
		widest = 0;
		l = u[i].at;
		for (j = 0, k = (size_t)(l - r->lines); j + 1 < u[i].nlines &&
		    k < r->nlines; k++)
			if (!ly->drop[k]) {
				l = &r->lines[k];
				if (layout_em(l->text, l->len) > widest)
					widest = layout_em(l->text, l->len);
				j++;
			}
		u[i].narrow = widest * 100 < measure * 93;
	}
}

/*
 * A PDF's space above a line, once furniture is gone: more than the
 * usual pitch from the line above on its page opens a paragraph.
 */
static void
layout_gaps(struct layout *ly)
{
	struct report		*r = ly->r;
	struct report_line	*prev = NULL;
	int			*d, pitch;
	size_t			 i, n = 0;

	d = xcalloc(r->nlines + 1, sizeof *d);
	for (i = 0; i < r->nlines; i++) {
		if (ly->drop[i])
			continue;
		if (prev != NULL && prev->page == r->lines[i].page)
			d[n++] = r->lines[i].y - prev->y;
		prev = &r->lines[i];
	}
	qsort(d, n, sizeof *d, layout_cmp);
	pitch = n > 0 ? d[n / 2] : 0;
	for (prev = NULL, i = 0; i < r->nlines; i++) {
		if (ly->drop[i])
			continue;
		r->lines[i].gap = prev != NULL && prev->page ==
		    r->lines[i].page && (r->lines[i].y - prev->y) * 10 >
		    pitch * 12;
		prev = &r->lines[i];
	}
	ly->gap = 0;
	free(d);
}

struct report_unit *
report_layout(struct report *r, size_t *n)
{
	struct layout		 ly;
	struct report_unit	*u;

	memset(&ly, 0, sizeof ly);
	ly.r = r;
	ly.paged = r->nlines > 0 && r->lines[r->nlines - 1].page > 1;
	layout_furnish(&ly);
	layout_measure(&ly);
	/* Only a paged text has running heads. */
	if (ly.wrapped)
		layout_running(&ly);
	if (r->nlines > 0 && r->lines[0].measured)
		layout_gaps(&ly);
	u = layout_units(&ly, n);
	layout_narrow(&ly, u, *n);
	if (ly.wrapped)
		report_lists(r, u, *n);
	layout_lists(&ly, u, *n);
	free(ly.drop);
	return u;
}

void
report_layout_free(struct report_unit *u, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(u[i].text);
	free(u);
}
