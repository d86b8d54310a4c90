/*
 * wrap.c: fitting text to columns of the screen or the page.
 *
 * Used by the reading pane, `icsbrowse show` and the printed formats, so
 * that text wraps the same way wherever it is read.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "core/xmalloc.h"

struct wrap_state {
	const char		*s;
	struct wrap_line	*lines;
	size_t			 n, cap;
};

/* Add line s[start..end) without its trailing spaces. */
static void
wrap_emit(struct wrap_state *ws, size_t start, size_t end)
{
	struct wrap_line	*l;

	while (end > start && ws->s[end - 1] == ' ')
		end--;
	if (ws->n == ws->cap) {
		ws->cap = ws->cap ? ws->cap * 2 : 8;
		ws->lines = xreallocarray(ws->lines, ws->cap, sizeof *l);
	}
	l = &ws->lines[ws->n++];
	l->off = start;
	l->len = end - start;
	l->width = utf8_width(ws->s + start, end - start);
}

static size_t
wrap_skip_spaces(const char *s, size_t i, size_t len)
{
	while (i < len && s[i] == ' ')
		i++;
	return i;
}

/*
 * The character at i does not fit on the line s[start..i): end the line
 * at its last space brk if it has one, else before i.  Returns where the
 * next line starts.
 */
static size_t
wrap_break(struct wrap_state *ws, size_t start, size_t brk, size_t i)
{
	if (brk == SIZE_MAX || brk <= start) {
		wrap_emit(ws, start, i);
		return i;
	}
	/* Leading spaces alone do not make a line. */
	if (wrap_skip_spaces(ws->s, start, brk) < brk)
		wrap_emit(ws, start, brk);
	return wrap_skip_spaces(ws->s, brk, i);
}

size_t
wrap_text(const char *s, size_t len, int width, struct wrap_line **lines)
{
	struct wrap_state	 ws = { s, NULL, 0, 0 };
	size_t			 i, n, start = 0, brk = SIZE_MAX;
	uint32_t		 cp;
	int			 col = 0, w;

	if (width < 1)
		width = 1;
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == '\n') {
			wrap_emit(&ws, start, i);
			start = i + 1;
			col = 0;
			brk = SIZE_MAX;
			continue;
		}
		w = utf8_cpwidth(cp);
		if (cp == ' ')
			brk = i;
		else if (col + w > width && col > 0) {
			start = wrap_break(&ws, start, brk, i);
			col = utf8_width(s + start, i - start);
			/* After a zero-width start, it may still not fit. */
			if (col + w > width && col > 0) {
				start = wrap_break(&ws, start, SIZE_MAX, i);
				col = 0;
			}
			brk = SIZE_MAX;
		}
		col += w;
	}
	if (start < len)
		wrap_emit(&ws, start, len);
	*lines = ws.lines;
	return ws.n;
}

char *
wrap_fit(const char *s, size_t len, int width, int *cols)
{
	struct strbuf	 sb = STRBUF_INIT;
	uint32_t	 cp;
	size_t		 i, n;
	int		 col = 0, w, total;

	total = utf8_width(s, len);
	if (total <= width) {
		if (cols != NULL)
			*cols = total;
		return xstrndup(s, len);
	}
	for (i = 0; i < len && width > 0; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		w = utf8_cpwidth(cp);
		if (col + w > width - 1)
			break;
		strbuf_add(&sb, s + i, n);
		col += w;
	}
	if (width > 0) {
		strbuf_adds(&sb, "…");
		col++;
	}
	if (cols != NULL)
		*cols = col;
	return strbuf_detach(&sb);
}

void
wrap_pad(struct strbuf *sb, const char *s, size_t len, int width)
{
	char	*fit;
	int	 cols;

	fit = wrap_fit(s, len, width, &cols);
	strbuf_adds(sb, fit);
	free(fit);
	for (; cols < width; cols++)
		strbuf_addc(sb, ' ');
}
