/*
 * fuzz_render.c: every output format, on a document built from the input.
 *
 * The input is byte 0, which chooses the widths and page sizes, then
 * records separated by 0xff bytes: the report's title, its publisher and
 * its date, then one element a record.  An element's first byte is its
 * kind (% 6, as enum doc_kind), its heading level (1 + (byte >> 3) % 8)
 * and, with bit 7, a key message; the rest is its fields separated by
 * '\t': text, path, value, place, comparator, period (a crumb for a
 * heading's third).  Every text is cleaned as doc.c cleans it.
 *
 * Checked: plain text and pages keep to their width, pages have their
 * length; HTML holds no tag but the renderer's own, no '&' but its
 * entities, and every text escaped, in order.  Pango is slow: PDF only for
 * inputs under 4 KiB, and of those, when fuzzing, one in 256 (side by
 * side, one in 4); the replay runs everything.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_html.h"
#include "render/table.h"
#include "render/fmt_markdown.h"
#include "render/fmt_pdf.h"
#include "render/fmt_plain.h"
#include "render/fmt_text.h"
#include "fuzz.h"

#define FUZZ_RENDER_MAX		(16 * 1024)
#define FUZZ_RENDER_PDF_MAX	(4 * 1024)
#define FUZZ_RENDER_ELS		256
#define FUZZ_RENDER_FIELDS	6

/* Each name is followed by '>' or ' ' where the renderer writes it. */
static const char *const fuzz_render_tags[] = {
	"!DOCTYPE", "html", "head", "meta", "title", "style", "body",
	"header", "p", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul",
	"li", "a", "main", "table", "thead", "tbody", "tr", "th", "td", "em",
	NULL
};
static const char *const fuzz_render_entities[] = {
	"&amp;", "&lt;", "&gt;", "&quot;", "&#39;", NULL
};

static char *
fuzz_render_clean(const char *s)
{
	return utf8_clean(s, strlen(s), 0);
}

/* Split s at '\t' into at most FUZZ_RENDER_FIELDS fields (s is changed). */
static int
fuzz_render_fields(char *s, char *f[FUZZ_RENDER_FIELDS])
{
	int	 n = 0;
	char	*tab;

	memset(f, 0, FUZZ_RENDER_FIELDS * sizeof *f);
	while (n < FUZZ_RENDER_FIELDS) {
		f[n++] = s;
		if ((tab = strchr(s, '\t')) == NULL)
			break;
		*tab = '\0';
		s = tab + 1;
	}
	return n;
}

static void
fuzz_render_el(struct doc *doc, unsigned char b, char *rec)
{
	struct doc_el	*el;
	char		*f[FUZZ_RENDER_FIELDS];

	fuzz_render_fields(rec, f);
	el = &doc->els[doc->n];
	memset(el, 0, sizeof *el);
	el->kind = (enum doc_kind)(b % 6);
	el->text = fuzz_render_clean(f[0]);
	el->nodekind = xstrdup(b & 0x80 ? "key-messages" : "section");
	el->node = (int64_t)doc->n + 1;
	switch (el->kind) {
	case DOC_HEADING:
		el->level = 1 + (b >> 3) % 8;
		el->path = fuzz_render_clean(f[1] != NULL ? f[1] : "");
		if (f[2] != NULL)
			el->crumb = fuzz_render_clean(f[2]);
		break;
	case DOC_FIGURE:
		el->path = fuzz_render_clean(f[1] != NULL ? f[1] : "");
		el->value = fuzz_render_clean(f[2] != NULL ? f[2] : "");
		el->fvalue = strtod(el->value, NULL);
		el->place = fuzz_render_clean(f[3] != NULL ? f[3] : "");
		if (f[4] != NULL)
			el->comparator = fuzz_render_clean(f[4]);
		el->period = fuzz_render_clean(f[5] != NULL ? f[5] : "");
		break;
	case DOC_ITEM:
		if (f[1] != NULL)
			el->path = fuzz_render_clean(f[1]);
		break;
	default:
		break;
	}
	doc->n++;
}

/* The document the input describes (see the top of the file). */
static struct doc *
fuzz_render_doc(const uint8_t *data, size_t size)
{
	struct doc	*doc;
	char		*buf, *p, *end, *sep, **meta;
	int		 i = 0;

	doc = xcalloc(1, sizeof *doc);
	doc->cap = FUZZ_RENDER_ELS;
	doc->els = xcalloc(doc->cap, sizeof *doc->els);
	buf = xmalloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	end = buf + size;
	for (p = buf; p != NULL && doc->n < doc->cap; i++) {
		if ((sep = memchr(p, 0xff, (size_t)(end - p))) != NULL)
			*sep = '\0';
		meta = i == 0 ? &doc->title : i == 1 ? &doc->publisher :
		    i == 2 ? &doc->published : NULL;
		if (meta != NULL)
			*meta = fuzz_render_clean(p);
		else if (*p != '\0')
			fuzz_render_el(doc, (unsigned char)*p, p + 1);
		p = sep != NULL ? sep + 1 : NULL;
	}
	if (doc->title == NULL)
		doc->title = xstrdup("");
	if (doc->publisher == NULL)
		doc->publisher = xstrdup("");
	if (doc->published == NULL)
		doc->published = xstrdup("");
	free(buf);
	return doc;
}

/* Every line of s[0..len) is at most cols wide; returns how many. */
static size_t
fuzz_render_lines(const char *s, size_t len, int cols, const char *what)
{
	const char	*p = s, *end = s + len, *nl;
	size_t		 n = 0;

	while (p < end) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (cols > 0 && utf8_width(p, (size_t)(nl - p)) > cols)
			fuzz_fail(what, "a line wider than the width");
		n++;
		p = nl + 1;
	}
	return n;
}

static void
fuzz_render_text(const struct doc *doc, int cols, int lines)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*p, *end, *ff;
	int		 pages, n = 0;

	pages = fmt_text(doc, cols, lines, &sb);
	if (pages < 1)
		fuzz_fail("fmt_text", "no pages");
	/* Pages are separated by form feeds and have lines lines each. */
	p = strbuf_str(&sb);
	end = p + sb.len;
	for (; p < end; n++) {
		if ((ff = memchr(p, '\f', (size_t)(end - p))) == NULL)
			ff = end;
		if (fuzz_render_lines(p, (size_t)(ff - p), cols, "fmt_text") !=
		    (size_t)lines)
			fuzz_fail("fmt_text", "a page of the wrong length");
		p = ff < end ? ff + 1 : end;
	}
	if (n != pages)
		fuzz_fail("fmt_text", "not the number of pages it returned");
	strbuf_free(&sb);
}

/* Whether every '<' opens a tag of ours and every '&' an entity. */
static void
fuzz_render_html_markup(const char *s)
{
	const char	*p;
	size_t		 i, n;

	for (p = s; (p = strpbrk(p, "<&")) != NULL; p++) {
		if (*p == '&') {
			for (i = 0; fuzz_render_entities[i] != NULL; i++)
				if (strncmp(p, fuzz_render_entities[i],
				    strlen(fuzz_render_entities[i])) == 0)
					break;
			if (fuzz_render_entities[i] == NULL)
				fuzz_fail("fmt_html: a bare '&'", p);
			continue;
		}
		if (p[1] == '/')
			p++;
		for (i = 0; fuzz_render_tags[i] != NULL; i++) {
			n = strlen(fuzz_render_tags[i]);
			if (strncmp(p + 1, fuzz_render_tags[i], n) == 0 &&
			    (p[1 + n] == '>' || p[1 + n] == ' '))
				break;
		}
		if (fuzz_render_tags[i] == NULL)
			fuzz_fail("fmt_html: a tag it does not write", p);
	}
}

/*
 * Find t escaped from *from on, and move *from past it.  (Looking for t
 * itself would prove nothing: "<p>" is in every page.)
 */
static void
fuzz_render_html_find(const char **from, const char *t)
{
	struct strbuf	 esc = STRBUF_INIT;
	const char	*at;

	fmt_html_escape(&esc, t);
	if ((at = strstr(*from, strbuf_str(&esc))) == NULL)
		fuzz_fail("fmt_html: a text missing, or out of order", t);
	*from = at + esc.len;
	strbuf_free(&esc);
}

/*
 * A figures table from els[i]: its note, then every kept cell, in order
 * (table.h: what every row shares is said once, above).  Returns the
 * element after the table.
 */
static size_t
fuzz_render_html_table(const struct doc *doc, size_t i, const char **from)
{
	struct table_plan	 t;
	size_t			 k;
	int			 c;

	table_plan(doc, i, &t);
	fuzz_render_html_find(from, t.note);
	for (k = t.first; k < t.end; k++)
		for (c = 0; c < TCOL_COUNT; c++)
			if (t.keep[c])
				fuzz_render_html_find(from,
				    table_cell(&doc->els[k], c));
	k = t.end;
	table_plan_clear(&t);
	return k;
}

static void
fuzz_render_html(const struct doc *doc)
{
	struct strbuf		 sb = STRBUF_INIT;
	const struct doc_el	*el;
	const char		*s, *from;
	size_t			 i;

	fmt_html(doc, &sb);
	s = strbuf_str(&sb);
	fuzz_render_html_markup(s);
	from = s;
	fuzz_render_html_find(&from, doc->title);
	if ((from = strstr(s, "<main>")) == NULL)
		fuzz_fail("fmt_html", "no <main>");
	for (i = 0; i < doc->n; i++) {
		el = &doc->els[i];
		if (el->kind == DOC_FIGURE) {
			i = fuzz_render_html_table(doc, i, &from) - 1;
			continue;
		}
		fuzz_render_html_find(&from, el->text);
	}
	strbuf_free(&sb);
}

static void
fuzz_render_pdf(const struct doc *doc)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*cause = NULL;

	if (fmt_pdf(doc, &sb, &cause) < 1)
		fuzz_fail("fmt_pdf", cause);
	if (sb.len < 5 || memcmp(sb.buf, "%PDF-", 5) != 0)
		fuzz_fail("fmt_pdf", "not a PDF");
	strbuf_free(&sb);
}

static void
fuzz_render_all(const struct doc *doc, const uint8_t *data, size_t size)
{
	static FILE	*null;
	struct strbuf	 sb = STRBUF_INIT;
	unsigned char	 b = data[0];
	int		 width = b % 101;

	fmt_plain_buf(doc, &sb, width);
	/* Narrower, the indent of a list item alone may not fit. */
	fuzz_render_lines(strbuf_str(&sb), sb.len, width >= FMT_TEXT_MIN_COLS ?
	    width : 0, "fmt_plain_buf");
	strbuf_reset(&sb);
	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		fuzz_fail("cannot open /dev/null", NULL);
	if (fuzz_sample(data, size, 4))
		fmt_plain_side_by_side(doc, doc, null, width);
	fuzz_render_text(doc, FMT_TEXT_MIN_COLS + b % 100,
	    FMT_TEXT_MIN_LINES + (b >> 2) % 60);
	fmt_markdown(doc, &sb);
	strbuf_free(&sb);
	fuzz_render_html(doc);
	if (size < FUZZ_RENDER_PDF_MAX && fuzz_sample(data, size, 256))
		fuzz_render_pdf(doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc	*doc;

	if (size < 1 || size > FUZZ_RENDER_MAX)
		return 0;
	fuzz_init();
	doc = fuzz_render_doc(data + 1, size - 1);
	fuzz_render_all(doc, data, size);
	doc_free(doc);
	return 0;
}
