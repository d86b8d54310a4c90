/*
 * pdf_catalog.c: what cairo 1.16 cannot say in a PDF's catalog.
 *
 * cairo writes the catalog as "<< /Type /Catalog" and ends the file with
 * a classic cross-reference table: "xref", "0 N", N entries of exactly 20
 * bytes ("OOOOOOOOOO GGGGG n \n"), a trailer, "startxref", the table's
 * offset.  Inserting the /Lang and /MarkInfo entries moves every byte after it, so each
 * offset past it is rewritten, in place, the same width.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "render/pdf_catalog.h"

#define CATALOG		"<< /Type /Catalog"
#define XREF_ENTRY	20

/* The last occurrence of s in buf[from..len), or NULL. */
static char *
pdf_catalog_last(char *buf, size_t from, size_t len, const char *s)
{
	size_t	 n = strlen(s), i;

	for (i = len; i >= from + n; i--)
		if (memcmp(buf + i - n, s, n) == 0)
			return buf + i - n;
	return NULL;
}

/*
 * Check the xref table at x and, if apply, move its offsets past pos by
 * delta.  Returns 0, or -1 if it is not a table cairo writes.
 */
static int
pdf_catalog_xref(char *x, char *end, size_t pos, size_t delta, int apply)
{
	unsigned long long	 off;
	char			*e, num[16];
	long			 first, count, i;

	x += strlen("xref\n");
	first = strtol(x, &e, 10);
	if (e == x || *e != ' ' || first != 0)
		return -1;
	count = strtol(e + 1, &e, 10);
	if (*e != '\n' || count < 1 || (end - (e + 1)) / XREF_ENTRY < count)
		return -1;
	x = e + 1;
	for (i = 0; i < count; i++, x += XREF_ENTRY) {
		if (x[XREF_ENTRY - 1] != '\n' || x[10] != ' ')
			return -1;
		off = strtoull(x, NULL, 10);
		if (x[17] != 'n' || off <= pos)
			continue;
		snprintf(num, sizeof num, "%010llu", off + delta);
		if (strlen(num) != 10)
			return -1;
		if (apply)
			memcpy(x, num, 10);
	}
	return 0;
}

/* Rewrite the number after "startxref\n" (the file's last) plus delta. */
static void
pdf_catalog_startxref(struct strbuf *out, char *s, size_t delta)
{
	unsigned long long	 off;
	char			*tail;
	size_t			 at;

	s += strlen("startxref\n");
	off = strtoull(s, &tail, 10);
	at = (size_t)(s - out->buf);
	tail = xstrndup(tail, out->len - (size_t)(tail - out->buf));
	out->len = at;
	strbuf_addf(out, "%llu%s", off + delta, tail);
	free(tail);
}

/* Whether s is in [from, to). */
static int
pdf_catalog_has(const char *from, const char *to, const char *s)
{
	size_t	 n = strlen(s);

	for (; from + n <= to; from++)
		if (memcmp(from, s, n) == 0)
			return 1;
	return 0;
}

int
pdf_catalog_set(struct strbuf *out, size_t start, const char *lang,
    char **cause)
{
	struct strbuf	 nb = STRBUF_INIT;
	char		*cat, *x, *sx, *ins;
	size_t		 pos, n;

	if (strspn(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789-") != strlen(lang) || *lang == '\0') {
		*cause = xasprintf("'%s' is not a language tag", lang);
		return -1;
	}
	if (out->buf == NULL ||
	    (cat = pdf_catalog_last(out->buf, start, out->len, CATALOG)) == NULL ||
	    (x = pdf_catalog_last(out->buf, start, out->len, "\nxref\n")) ==
	    NULL || x < cat ||
	    (sx = pdf_catalog_last(out->buf, start, out->len, "startxref\n")) ==
	    NULL || sx < x || pdf_catalog_has(cat, x, "/Lang"))
		return 0;
	pos = (size_t)(cat - out->buf) + strlen(CATALOG);
	/* The catalog is the last object: its dictionary ends before x. */
	ins = xasprintf("\n   /Lang (%s)%s", lang, pdf_catalog_has(cat, x,
	    "/StructTreeRoot") && !pdf_catalog_has(cat, x, "/MarkInfo") ?
	    "\n   /MarkInfo << /Marked true >>" : "");
	n = strlen(ins);
	if (pdf_catalog_xref(x + 1, sx, pos - start, n, 0) != 0) {
		/* Not cairo's layout after all: the PDF stays as it is. */
		free(ins);
		return 0;
	}
	pdf_catalog_xref(x + 1, sx, pos - start, n, 1);
	strbuf_add(&nb, out->buf, pos);
	strbuf_add(&nb, ins, n);
	strbuf_add(&nb, out->buf + pos, out->len - pos);
	free(ins);
	sx = nb.buf + (sx - out->buf) + n;
	pdf_catalog_startxref(&nb, sx, n);
	strbuf_free(out);
	*out = nb;
	return 0;
}
