/*
 * lineedit.c: one line of text to type into, UTF-8 aware.
 *
 * The text is always valid UTF-8 of printable characters (le_set()
 * cleans what it is given), so stepping back over continuation bytes
 * finds the start of a character.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "ui/lineedit.h"

#define CTRL(c)		((c) & 0x1f)

void
le_init(struct lineedit *le)
{
	strbuf_init(&le->text);
	le->cur = 0;
	le->scroll = 0;
}

void
le_free(struct lineedit *le)
{
	strbuf_free(&le->text);
	le_init(le);
}

void
le_set(struct lineedit *le, const char *s)
{
	char	*clean = utf8_clean(s, strlen(s), 0);

	strbuf_reset(&le->text);
	strbuf_adds(&le->text, clean);
	free(clean);
	le->cur = le->text.len;
	le->scroll = 0;
}

const char *
le_text(const struct lineedit *le)
{
	return strbuf_str(&le->text);
}

size_t
le_len(const struct lineedit *le)
{
	return le->text.len;
}

static size_t
le_prev(const struct lineedit *le, size_t at)
{
	while (at > 0 && (le->text.buf[--at] & 0xc0) == 0x80)
		;
	return at;
}

static size_t
le_next(const struct lineedit *le, size_t at)
{
	if (at < le->text.len)
		at++;
	while (at < le->text.len && (le->text.buf[at] & 0xc0) == 0x80)
		at++;
	return at;
}

/* Cut bytes [from, to) out of the text; the cursor goes to from. */
static void
le_cut(struct lineedit *le, size_t from, size_t to)
{
	char	*b = le->text.buf;

	if (from >= to)
		return;
	memmove(b + from, b + to, le->text.len - to + 1);
	le->text.len -= to - from;
	le->cur = from;
}

static void
le_insert(struct lineedit *le, uint32_t cp)
{
	char	 enc[4];
	size_t	 n = utf8_encode(cp, enc), tail = le->text.len - le->cur;

	strbuf_add(&le->text, enc, n);	/* room, and the NUL */
	memmove(le->text.buf + le->cur + n, le->text.buf + le->cur, tail);
	memcpy(le->text.buf + le->cur, enc, n);
	le->cur += n;
}

/* The start of the word before the cursor (spaces before it skipped). */
static size_t
le_word_start(const struct lineedit *le)
{
	size_t	 at = le->cur;

	while (at > 0 && le->text.buf[at - 1] == ' ')
		at--;
	while (at > 0 && le->text.buf[at - 1] != ' ')
		at = le_prev(le, at);
	return at;
}

/* The keys that move the cursor; returns LE_MOVED, or 0 for another. */
static int
le_move(struct lineedit *le, int key, int is_char)
{
	if ((!is_char && key == KEY_LEFT) || (is_char && key == CTRL('b')))
		le->cur = le_prev(le, le->cur);
	else if ((!is_char && key == KEY_RIGHT) ||
	    (is_char && key == CTRL('f')))
		le->cur = le_next(le, le->cur);
	else if ((!is_char && key == KEY_HOME) || (is_char && key == CTRL('a')))
		le->cur = 0;
	else if ((!is_char && key == KEY_END) || (is_char && key == CTRL('e')))
		le->cur = le->text.len;
	else
		return 0;
	return LE_MOVED;
}

int
le_key(struct lineedit *le, int key, int is_char)
{
	size_t	 len = le->text.len;
	int	 r;

	if ((r = le_move(le, key, is_char)) != 0)
		return r;
	if ((is_char && (key == 127 || key == CTRL('h'))) ||
	    (!is_char && key == KEY_BACKSPACE))
		le_cut(le, le_prev(le, le->cur), le->cur);
	else if ((!is_char && key == KEY_DC) || (is_char && key == CTRL('d')))
		le_cut(le, le->cur, le_next(le, le->cur));
	else if (is_char && key == CTRL('u'))
		le_cut(le, 0, le->cur);
	else if (is_char && key == CTRL('k'))
		le_cut(le, le->cur, le->text.len);
	else if (is_char && key == CTRL('w'))
		le_cut(le, le_word_start(le), le->cur);
	else if (is_char && key >= 0x20 && key != 0x7f &&
	    (uint32_t)key <= 0x10ffff &&
	    utf8_classify((uint32_t)key) == UTF8_PRINT)
		le_insert(le, (uint32_t)key);
	else
		return 0;
	return (le->text.len != len ? LE_CHANGED : 0) | LE_MOVED;
}

/* The column (from the text's start) of byte at. */
static int
le_col(const struct lineedit *le, size_t at)
{
	uint32_t	 cp;
	size_t		 i, n;
	int		 col = 0;

	for (i = 0; i < at; i += n) {
		n = utf8_decode(le->text.buf + i, le->text.len - i, &cp);
		col += utf8_cpwidth(cp);
	}
	return col;
}

void
le_view(struct lineedit *le, int cols, size_t *from, size_t *to, int *curcol)
{
	uint32_t	 cp;
	size_t		 i, n;
	int		 col, cc, w;

	if (cols < 1)
		cols = 1;
	cc = le_col(le, le->cur);
	/* The cursor's cell must show: at the end, it is past the text. */
	if (cc < le->scroll)
		le->scroll = cc;
	if (cc >= le->scroll + cols)
		le->scroll = cc - cols + 1;
	*from = *to = le->text.len;
	for (i = 0, col = 0; i < le->text.len; i += n, col += w) {
		n = utf8_decode(le->text.buf + i, le->text.len - i, &cp);
		w = utf8_cpwidth(cp);
		if (col < le->scroll)
			continue;
		if (*from == le->text.len)
			*from = i;
		if (col + w > le->scroll + cols) {
			*to = i;
			break;
		}
	}
	if (*from > *to)
		*from = *to;
	*curcol = cc - le->scroll;
}

int
le_draw(struct lineedit *le, WINDOW *w, int y, int x, int cols)
{
	size_t	 from, to;
	int	 cc, i;

	if (cols < 1)
		return x;
	le_view(le, cols, &from, &to, &cc);
	wmove(w, y, x);
	for (i = 0; i < cols; i++)
		waddch(w, ' ');
	wmove(w, y, x);
	waddnstr(w, le->text.buf != NULL ? le->text.buf + from : "",
	    (int)(to - from));
	return x + cc;
}
