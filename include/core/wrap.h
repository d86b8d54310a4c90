/*
 * wrap.h: fitting text to columns of the screen or the page.
 *
 * All widths are display columns (a CJK character takes 2, a combining
 * accent 0), never bytes.  The text must be clean (see utf8_clean()): no
 * control characters but '\n', which forces a line break.
 */
#ifndef ICSB_WRAP_H
#define ICSB_WRAP_H

#include <stddef.h>

struct strbuf;

/* One line of wrapped text: bytes s[off..off+len), width columns. */
struct wrap_line {
	size_t	 off;
	size_t	 len;
	int	 width;
};

/*
 * Break s[0..len) into lines of at most width columns (at least 1),
 * breaking at spaces, or inside a word longer than a line.  Spaces at a
 * break are dropped.  Sets *lines to an array, the caller's to free, and
 * returns how many lines it holds (0 for empty text).  A character wider
 * than width gets a line of its own.
 */
size_t	 wrap_text(const char *s, size_t len, int width,
	     struct wrap_line **lines);

/*
 * The same lines one at a time, to wrap no more of a text than is shown:
 * the line that starts at *pos (0 for the first, else where the last call
 * left it), into *line; *pos moves to where the next starts.  Returns 1,
 * or 0 past the last line.  wrap_text() is wrap_next() from 0 to the end.
 */
int	 wrap_next(const char *s, size_t len, int width, size_t *pos,
	     struct wrap_line *line);

/*
 * Return s[0..len) cut to at most width columns, as a new string the
 * caller frees; a cut is shown by a final "…".  Sets *cols, if not NULL,
 * to the width of the result.
 */
char	*wrap_fit(const char *s, size_t len, int width, int *cols);

/* Append s[0..len) to sb, cut (as wrap_fit) or padded to width columns. */
void	 wrap_pad(struct strbuf *sb, const char *s, size_t len, int width);

#endif
