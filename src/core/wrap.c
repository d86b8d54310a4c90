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

/* Line s[start..end) without its trailing spaces. */
static void
wrap_line_of(const char *s, size_t start, size_t end, struct wrap_line *l)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	l->off = start;
	l->len = end - start;
	l->width = utf8_width(s + start, end - start);
}

static size_t
wrap_skip_spaces(const char *s, size_t i, size_t len)
{
	while (i < len && s[i] == ' ')
		i++;
	return i;
}

/*
 * One line from *pos: a line ends at '\n', or where the character at i
 * does not fit, at the last space brk before it if the line has one, else
 * before i.  Spaces alone before brk make no line: the line starts at the
 * word after them.  Rescanning from where the last line ended gives what
 * one pass over the text would: no space lies between the next start and
 * the character that did not fit, and the columns up to it fit.
 */
int
wrap_next(const char *s, size_t len, int width, size_t *pos,
    struct wrap_line *line)
{
	size_t		 i, n, start = *pos, brk = SIZE_MAX;
	uint32_t	 cp;
	int		 col = 0, w;

	if (width < 1)
		width = 1;
	for (i = start; i < len; i += n) {
		/* Printable ASCII, most of any text: a byte, a column. */
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			cp = (unsigned char)s[i];
			n = 1;
			w = 1;
		} else {
			n = utf8_decode(s + i, len - i, &cp);
			w = utf8_cpwidth(cp);
		}
		if (cp == '\n') {
			wrap_line_of(s, start, i, line);
			*pos = i + 1;
			return 1;
		}
		if (cp == ' ')
			brk = i;
		else if (col + w > width && col > 0) {
			if (brk == SIZE_MAX || brk <= start) {
				wrap_line_of(s, start, i, line);
				*pos = i;
				return 1;
			}
			if (wrap_skip_spaces(s, start, brk) < brk) {
				wrap_line_of(s, start, brk, line);
				*pos = wrap_skip_spaces(s, brk, i);
				return 1;
			}
			start = wrap_skip_spaces(s, brk, i);
			col = utf8_width(s + start, i - start);
			/* After a zero-width start, it may still not fit. */
			if (col + w > width && col > 0) {
				wrap_line_of(s, start, i, line);
				*pos = i;
				return 1;
			}
			brk = SIZE_MAX;
		}
		col += w;
	}
	*pos = len;
	if (start >= len)
		return 0;
	wrap_line_of(s, start, len, line);
	return 1;
}

size_t
wrap_text(const char *s, size_t len, int width, struct wrap_line **lines)
{
	struct wrap_line	*v = NULL, l;
	size_t			 n = 0, cap = 0, pos = 0;

	while (wrap_next(s, len, width, &pos, &l)) {
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n++] = l;
	}
	*lines = v;
	return n;
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
