/*
 * fmt_plain.c: a document as plain text, for `icsbrowse show`.
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

/* Underline characters for heading levels 1, 2 and deeper. */
static const char fmt_plain_rules[] = "=-~";

void
fmt_plain_wrap(struct strbuf *sb, const char *text, const char *first,
    int indent, int width)
{
	struct wrap_line	*lines;
	size_t			 i, n, len = strlen(text);
	int			 j;

	if (width <= 0) {
		strbuf_adds(sb, first);
		strbuf_add(sb, text, len);
		strbuf_addc(sb, '\n');
		return;
	}
	n = wrap_text(text, len, width - indent, &lines);
	for (i = 0; i < n; i++) {
		if (i == 0)
			strbuf_adds(sb, first);
		else
			for (j = 0; j < indent; j++)
				strbuf_addc(sb, ' ');
		strbuf_add(sb, text + lines[i].off, lines[i].len);
		strbuf_addc(sb, '\n');
	}
	if (n == 0) {
		strbuf_adds(sb, first);
		strbuf_addc(sb, '\n');
	}
	free(lines);
}

static void
fmt_plain_heading(struct strbuf *sb, const struct doc_el *el, int width)
{
	int	 w, i, level;
	char	 rule;

	fmt_plain_wrap(sb, el->text, "", 0, width);
	w = utf8_width(el->text, strlen(el->text));
	if (width > 0 && w > width)
		w = width;
	level = el->level < 1 ? 1 : el->level;
	rule = fmt_plain_rules[level > 3 ? 2 : level - 1];
	for (i = 0; i < w; i++)
		strbuf_addc(sb, rule);
	strbuf_addc(sb, '\n');
}

static void
fmt_plain_figure(struct strbuf *sb, const struct doc_el *el, int width)
{
	struct strbuf	 line = STRBUF_INIT;

	strbuf_addf(&line, "%s: %s", el->text, el->value);
	if (*el->period != '\0')
		strbuf_addf(&line, " (%s)", el->period);
	if (el->comparator != NULL)
		strbuf_addf(&line, "; compared with %s", el->comparator);
	/* By its titles: a slug would break mid-word at the margin. */
	strbuf_addf(&line, "; cited in %s", el->cited != NULL &&
	    *el->cited != '\0' ? el->cited : el->path);
	fmt_plain_wrap(sb, strbuf_str(&line), "* ", 2, width);
	strbuf_free(&line);
}

/* Cells side by side in columns of widths w, each wrapped within its own. */
static void
fmt_plain_cells(struct strbuf *sb, const char *const cells[3],
    const int w[3])
{
	struct wrap_line	*l[3];
	size_t			 n[3], i, rows = 0;
	int			 c, pad;

	for (c = 0; c < 3; c++) {
		n[c] = wrap_text(cells[c], strlen(cells[c]), w[c], &l[c]);
		if (n[c] > rows)
			rows = n[c];
	}
	for (i = 0; i < rows; i++) {
		for (c = 0, pad = 0; c < 3; c++) {
			if (i >= n[c]) {
				pad += w[c] + 2;
				continue;
			}
			for (; pad > 0; pad--)
				strbuf_addc(sb, ' ');
			strbuf_add(sb, cells[c] + l[c][i].off, l[c][i].len);
			pad = w[c] - l[c][i].width + 2;
		}
		strbuf_addc(sb, '\n');
	}
	for (c = 0; c < 3; c++)
		free(l[c]);
}

/*
 * A comparison's figure, set as a table so that the places line up: the
 * figure, the place and the value in columns (a header above the first
 * row), then its period, comparator and citing section, indented below.
 */
static void
fmt_plain_cmp(struct strbuf *sb, const struct doc_el *el,
    const struct doc_el *prev, int width)
{
	static const char *const head[3] = { "Figure", "Place", "Value" };
	const char	*cells[3];
	struct strbuf	 more = STRBUF_INIT;
	int		 w[3], i;

	if (width <= 0)
		width = 80;
	w[0] = width * 2 / 5;
	w[1] = width / 4;
	w[2] = width - w[0] - w[1] - 4;
	if (prev == el || prev->kind != DOC_FIGURE) {
		fmt_plain_cells(sb, head, w);
		for (i = 0; i < width; i++)
			strbuf_addc(sb, '-');
		strbuf_addc(sb, '\n');
	}
	cells[0] = el->text;
	cells[1] = el->place != NULL ? el->place : "";
	cells[2] = el->value != NULL ? el->value : "";
	fmt_plain_cells(sb, cells, w);
	if (el->period != NULL && *el->period != '\0')
		strbuf_adds(&more, el->period);
	if (el->comparator != NULL)
		strbuf_addf(&more, "%scompared with %s", more.len ? "; " : "",
		    el->comparator);
	if (el->cited != NULL && *el->cited != '\0')
		strbuf_addf(&more, "%scited in %s", more.len ? "; " : "",
		    el->cited);
	if (more.len > 0)
		fmt_plain_wrap(sb, strbuf_str(&more), "    ", 4, width);
	strbuf_free(&more);
}

void
fmt_plain_el(struct strbuf *sb, const struct doc_el *el,
    const struct doc_el *prev, int width)
{
	int	 list;

	list = el->kind == DOC_ITEM || el->kind == DOC_SUBITEM ||
	    el->kind == DOC_FIGURE;
	/* Items of one list sit together; everything else is spaced. */
	if (prev != NULL && !(list && (prev->kind == DOC_ITEM ||
	    prev->kind == DOC_SUBITEM || prev->kind == DOC_FIGURE)))
		strbuf_addc(sb, '\n');
	switch (el->kind) {
	case DOC_HEADING:
		fmt_plain_heading(sb, el, width);
		break;
	case DOC_SOURCE:
	case DOC_PARA:
		fmt_plain_wrap(sb, el->text, "", 0, width);
		break;
	case DOC_ITEM:
		fmt_plain_wrap(sb, el->text, "- ", 2, width);
		break;
	case DOC_SUBITEM:
		fmt_plain_wrap(sb, el->text, "  - ", 4, width);
		break;
	case DOC_FIGURE:
		if (strcmp(el->nodekind, "comparison") == 0)
			fmt_plain_cmp(sb, el, prev, width);
		else
			fmt_plain_figure(sb, el, width);
		break;
	}
}

void
fmt_plain_buf(const struct doc *doc, struct strbuf *sb, int width)
{
	size_t	 i;

	for (i = 0; i < doc->n; i++)
		fmt_plain_el(sb, &doc->els[i], i ? &doc->els[i - 1] : NULL,
		    width);
}

int
fmt_plain(const struct doc *doc, FILE *f, int width)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i;
	int		 rc = 0;

	for (i = 0; i < doc->n; i++) {
		fmt_plain_el(&sb, &doc->els[i], i ? &doc->els[i - 1] : NULL,
		    width);
		if (fwrite(sb.buf, 1, sb.len, f) != sb.len)
			rc = -1;
		strbuf_reset(&sb);
	}
	strbuf_free(&sb);
	return rc;
}

/* Split text into its lines (without the newlines), each a new string. */
static char **
fmt_plain_split(const char *text, size_t *n)
{
	const char	*p = text, *nl;
	char		**lines = NULL;
	size_t		 cap = 0;

	*n = 0;
	while (*p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		lines = xgrowarray(lines, &cap, *n + 1, sizeof *lines);
		lines[(*n)++] = xstrndup(p, (size_t)(nl - p));
		p = *nl == '\n' ? nl + 1 : nl;
	}
	return lines;
}

int
fmt_plain_side_by_side(const struct doc *a, const struct doc *b, FILE *f,
    int width)
{
	struct strbuf	 sa = STRBUF_INIT, sb = STRBUF_INIT, line = STRBUF_INIT;
	char		**la, **lb;
	size_t		 na, nb, i;
	int		 col, rc = 0;

	/* Two columns and a rule of three: " │ ". */
	col = (width - 3) / 2;
	if (col < 10)
		col = 10;
	fmt_plain_buf(a, &sa, col);
	fmt_plain_buf(b, &sb, col);
	la = fmt_plain_split(strbuf_str(&sa), &na);
	lb = fmt_plain_split(strbuf_str(&sb), &nb);
	for (i = 0; i < na || i < nb; i++) {
		strbuf_reset(&line);
		wrap_pad(&line, i < na ? la[i] : "", i < na ? strlen(la[i]) : 0,
		    col);
		strbuf_adds(&line, " │ ");
		if (i < nb)
			strbuf_adds(&line, lb[i]);
		while (line.len > 0 && line.buf[line.len - 1] == ' ')
			line.buf[--line.len] = '\0';
		strbuf_addc(&line, '\n');
		if (fwrite(line.buf, 1, line.len, f) != line.len)
			rc = -1;
	}
	for (i = 0; i < na; i++)
		free(la[i]);
	for (i = 0; i < nb; i++)
		free(lb[i]);
	free(la);
	free(lb);
	strbuf_free(&sa);
	strbuf_free(&sb);
	strbuf_free(&line);
	return rc;
}
