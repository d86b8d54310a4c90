/*
 * fmt_text.c: a document as text for paper.
 *
 * The body is laid out once as lines (fmt_plain's rendering, which `show`
 * uses too), each line knowing the path of the section it is in and
 * whether a heading starts there; then cut into pages.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_plain.h"
#include "render/fmt_text.h"

/* Lines a heading needs below it on its page: its own, a gap, two more. */
#define KEEP_AFTER	3

struct tline {
	char		*s;
	const char	*path;		/* the title of the section it is in,
					   in words; borrowed */
	int		 head;		/* lines of a heading starting here */
};

struct tlines {
	struct tline	*l;
	size_t		 n;
};

static void
tl_push(struct tlines *t, const char *s, size_t len, const char *path,
    int head)
{
	t->l = xreallocarray(t->l, t->n + 1, sizeof *t->l);
	t->l[t->n].s = xstrndup(s, len);
	t->l[t->n].path = path;
	t->l[t->n].head = head;
	t->n++;
}

/* Add what sb holds, line by line; the first text line may start a head. */
static void
tl_add(struct tlines *t, struct strbuf *sb, const char *path, int head)
{
	const char	*p = strbuf_str(sb), *nl;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		tl_push(t, p, (size_t)(nl - p), path, nl > p ? head : 0);
		if (nl > p)
			head = 0;
		p = *nl != '\0' ? nl + 1 : nl;
	}
}

/* The opening of the first page: what the printout is and holds. */
static void
fmt_text_preamble(const struct doc *doc, int cols, const char *path,
    struct tlines *t)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*by, *secs, *line;

	by = doc_byline(doc);
	secs = doc_sections(doc);
	line = xasprintf("Sections: %s", secs);
	/* The title is the page's head: once is enough. */
	fmt_plain_wrap(&sb, by, "", 0, cols);
	fmt_plain_wrap(&sb, line, "", 0, cols);
	tl_add(t, &sb, path, 0);
	free(line);
	free(secs);
	free(by);
	strbuf_free(&sb);
}

/* A section's title for the running head: in words, never its slug. */
static const char *
fmt_text_title(const struct doc_el *el)
{
	return el->crumb != NULL && *el->crumb != '\0' ? el->crumb : el->text;
}

static void
fmt_text_body(const struct doc *doc, int cols, struct tlines *t)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*path = "";
	size_t		 i;
	int		 head;

	/* The first page's head names the first section. */
	for (i = 0; i < doc->n && *path == '\0'; i++)
		if (doc->els[i].kind == DOC_HEADING && doc->els[i].level == 1)
			path = fmt_text_title(&doc->els[i]);
	fmt_text_preamble(doc, cols, path, t);
	for (i = 0; i < doc->n; i++) {
		const struct doc_el *el = &doc->els[i];

		head = 0;
		if (el->kind == DOC_HEADING) {
			if (el->level == 1)
				path = fmt_text_title(el);
			/* The heading's lines and its underline. */
			head = 2;
		}
		strbuf_reset(&sb);
		/* The preamble is the element before the first. */
		fmt_plain_el(&sb, el, i > 0 ? &doc->els[i - 1] : el, cols);
		tl_add(t, &sb, path, head);
	}
	strbuf_free(&sb);
}

/*
 * s cut to cols at a word: the titles nearest the top go first ("… ›
 * Title"), then words from the end; a new string.
 */
static char *
fmt_text_fit_words(const char *s, int cols)
{
	struct wrap_line	*lines;
	const char		*p;
	char			*t, *fit;
	size_t			 n;

	while (utf8_width(s, strlen(s)) > cols && (p = strstr(s, " › ")) !=
	    NULL)
		s = p + strlen(" › ");
	if (utf8_width(s, strlen(s)) <= cols)
		return xstrdup(s);
	/* The words of the first line that leaves room for the "…". */
	n = wrap_text(s, strlen(s), cols - 2, &lines);
	if (n == 0) {
		free(lines);
		return xstrdup("");
	}
	t = xasprintf("%.*s …", (int)lines[0].len, s + lines[0].off);
	free(lines);
	fit = wrap_fit(t, strlen(t), cols, NULL);
	free(t);
	return fit;
}

static void
fmt_text_page_head(struct strbuf *out, const struct doc *doc,
    const char *path, int cols)
{
	char	*fit;

	fit = fmt_text_fit_words(doc->title, cols);
	strbuf_adds(out, fit);
	free(fit);
	strbuf_addc(out, '\n');
	fit = fmt_text_fit_words(path, cols);
	strbuf_adds(out, fit);
	free(fit);
	strbuf_adds(out, "\n\n");
}

static void
fmt_text_page_foot(struct strbuf *out, int page, int pages, int cols)
{
	char	*s;
	int	 w, pad;

	s = xasprintf("Page %d of %d", page, pages);
	w = (int)strlen(s);
	strbuf_addc(out, '\n');
	for (pad = (cols - w) / 2; pad > 0; pad--)
		strbuf_addc(out, ' ');
	strbuf_adds(out, s);
	strbuf_addc(out, '\n');
	free(s);
}

/*
 * Where the page starting at line first ends (exclusive), for a body of
 * rows lines: early, before a heading that would have too little under it.
 */
static size_t
fmt_text_page_end(const struct tlines *t, size_t first, int rows)
{
	size_t	 i, end = first + (size_t)rows;

	if (end >= t->n)
		return t->n;
	for (i = first + 1; i < end; i++)
		if (t->l[i].head > 0 && i + t->l[i].head + KEEP_AFTER > end)
			return i;
	return end;
}

/* Blank lines at the top of a page are dropped. */
static size_t
fmt_text_skip_blank(const struct tlines *t, size_t i)
{
	while (i < t->n && t->l[i].s[0] == '\0')
		i++;
	return i;
}

/* Cut the lines into pages: page p holds lines [pg[2p], pg[2p + 1]). */
static size_t *
fmt_text_paginate(const struct tlines *t, int rows, int *pages)
{
	size_t	*pg = NULL, i = 0, end;
	int	 n = 0;

	do {
		if (n > 0)
			i = fmt_text_skip_blank(t, i);
		if (n > 0 && i >= t->n)
			break;
		end = fmt_text_page_end(t, i, rows);
		pg = xreallocarray(pg, 2 * ((size_t)n + 1), sizeof *pg);
		pg[2 * n] = i;
		pg[2 * n + 1] = end;
		n++;
		i = end;
	} while (i < t->n);
	*pages = n;
	return pg;
}

int
fmt_text(const struct doc *doc, int cols, int lines, struct strbuf *out)
{
	struct tlines	 t = { NULL, 0 };
	size_t		*pg, i;
	int		 rows, pages, p, k;

	if (cols < FMT_TEXT_MIN_COLS)
		cols = FMT_TEXT_MIN_COLS;
	if (lines < FMT_TEXT_MIN_LINES)
		lines = FMT_TEXT_MIN_LINES;
	rows = lines - 5;	/* two lines of head, a gap; a gap, the foot */
	fmt_text_body(doc, cols, &t);
	pg = fmt_text_paginate(&t, rows, &pages);
	for (p = 0; p < pages; p++) {
		if (p > 0)
			strbuf_addc(out, '\f');
		fmt_text_page_head(out, doc, pg[2 * p] < t.n ?
		    t.l[pg[2 * p]].path : "", cols);
		for (i = pg[2 * p], k = 0; i < pg[2 * p + 1]; i++, k++) {
			strbuf_adds(out, t.l[i].s);
			strbuf_addc(out, '\n');
		}
		for (; k < rows; k++)
			strbuf_addc(out, '\n');
		fmt_text_page_foot(out, p + 1, pages, cols);
	}
	for (i = 0; i < t.n; i++)
		free(t.l[i].s);
	free(t.l);
	free(pg);
	return pages;
}
