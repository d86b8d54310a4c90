/*
 * utf8.h: UTF-8 decoding, validation, cleaning and display width.
 *
 * Text from a dataset is untrusted: it may hold invalid bytes, control
 * characters or invisible format characters that would garble or mislead
 * a terminal.  utf8_clean() turns any byte string into text that is safe
 * to draw: every code point it leaves is printable, and everything else is
 * shown visibly (^[ for ESC, <U+202E> for a bidi override, U+FFFD for a
 * bad byte).
 *
 * Widths come from wcwidth(), so LC_CTYPE must be a UTF-8 locale; the
 * program sets one at start (see cli.c).
 */
#ifndef ICSB_UTF8_H
#define ICSB_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/*
 * Decode one code point from s (len > 0 bytes).  Returns the number of
 * bytes used, at least 1.  An invalid, overlong, surrogate or truncated
 * sequence gives *cp = UTF8_REPLACEMENT and uses 1 byte.
 */
size_t	 utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp (a valid scalar value) into out[4]; returns the byte count. */
size_t	 utf8_encode(uint32_t cp, char *out);

/*
 * Check that s[0..len) is strict UTF-8 with no NUL.  Returns 0, or -1 and
 * sets *bad to the offset of the first offending byte.
 */
int	 utf8_validate(const char *s, size_t len, size_t *bad);

enum utf8_class {
	UTF8_PRINT,	/* printable: draw as is */
	UTF8_CONTROL,	/* C0, DEL or C1 control */
	UTF8_FORMAT	/* invisible: bidi controls, zero-width, BOM ...,
			   and noncharacters (U+FFFF ...) */
};
enum utf8_class utf8_classify(uint32_t cp);

/* Columns that printable cp takes: 0 (combining), 1 or 2. */
int	 utf8_cpwidth(uint32_t cp);

/* Flags for utf8_clean(). */
#define UTF8_KEEP_NL	0x1	/* keep '\n' as a line break */
#define UTF8_KEEP_TAB	0x2	/* keep '\t' (for the caller to expand) */

/*
 * Return a new string, the caller's to free, holding s[0..len) made safe
 * to show: controls become caret notation (^[, ^?) or <U+0085>, format
 * characters <U+202E>, and bad bytes U+FFFD.
 */
char	*utf8_clean(const char *s, size_t len, int flags);

/* Display width in columns of a string that utf8_clean() produced. */
int	 utf8_width(const char *s, size_t len);

/*
 * How many bytes of s[0..len) lead in printable ASCII (0x20 to 0x7e):
 * text that is clean as it is, a column a byte.  Eight at a time.
 */
size_t	 utf8_ascii_prefix(const char *s, size_t len);

#endif
