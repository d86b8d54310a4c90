/*
 * utf8.c: UTF-8 decoding, validation, cleaning and display width.
 *
 * Decoding is done here rather than with mbrtowc(), so that data is read
 * as UTF-8 whatever the user's locale, and so that the rules for bad input
 * (one replacement character per bad byte) are the same everywhere.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"

size_t
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 c, min;
	size_t			 n, i;

	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2; c &= 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3; c &= 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4; c &= 0x07; min = 0x10000;
	} else
		goto bad;
	if (len < n)
		goto bad;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = UTF8_REPLACEMENT;
	return 1;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char	*u = (unsigned char *)out;

	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xc0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xe0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	u[0] = (unsigned char)(0xf0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	u[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * How many bytes of s[0..len) lead in printable ASCII (0x20 to 0x7e),
 * nearly all of a report's text, whose width is 1 each and which need no
 * decoding: eight at a time.  In a word with no byte of 0x80 or more, a
 * byte less than 0x20 sets the high bit of its byte in (w - 0x20..) & ~w,
 * and a byte 0x7f in (v - 0x01..) & ~v, v = w ^ 0x7f..; a borrow reaches
 * only bytes above one that sets it, so each test is exact for the word.
 */
size_t
utf8_ascii_prefix(const char *s, size_t len)
{
	const uint64_t	 ones = 0x0101010101010101u, high = ones * 0x80;
	uint64_t	 w, v;
	size_t		 i;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		v = w ^ (ones * 0x7f);
		if (((w | ((w - ones * 0x20) & ~w) | ((v - ones) & ~v)) & high)
		    != 0)
			break;
	}
	while (i < len && (unsigned char)s[i] >= 0x20 &&
	    (unsigned char)s[i] < 0x7f)
		i++;
	return i;
}

int
utf8_validate(const char *s, size_t len, size_t *bad)
{
	uint32_t	 cp;
	size_t		 i, n;

	for (i = 0; i < len; i += n) {
		if ((n = utf8_ascii_prefix(s + i, len - i)) > 0)
			continue;
		if (s[i] == '\0') {
			*bad = i;
			return -1;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_REPLACEMENT && n == 1 &&
		    (unsigned char)s[i] >= 0x80) {
			*bad = i;
			return -1;
		}
	}
	return 0;
}

enum utf8_class
utf8_classify(uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return UTF8_CONTROL;
	/*
	 * Characters that draw nothing yet change how text around them is
	 * shown or read: the soft hyphen, zero-width characters, the bidi
	 * embeddings, overrides and isolates, word joiners and invisible
	 * operators, the byte-order mark, line and paragraph separators,
	 * interlinear annotation marks, and the tag characters.
	 */
	/* Noncharacters: never text (and cairo refuses them in a PDF). */
	if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe)
		return UTF8_FORMAT;
	if (cp == 0xad || cp == 0x61c || cp == 0x180e ||
	    (cp >= 0x200b && cp <= 0x200f) ||
	    (cp >= 0x2028 && cp <= 0x202e) ||
	    (cp >= 0x2060 && cp <= 0x206f) ||
	    cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb) ||
	    (cp >= 0xe0000 && cp <= 0xe007f))
		return UTF8_FORMAT;
	return UTF8_PRINT;
}

int
utf8_cpwidth(uint32_t cp)
{
	int	 w;

	if (cp >= 0x20 && cp < 0x7f)
		return 1;		/* printable ASCII: no table needed */
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;	/* unassigned, or a locale without the table */
	return w;
}

static void
utf8_clean_one(struct strbuf *sb, uint32_t cp, int flags)
{
	char	 enc[4];

	if ((cp == '\n' && (flags & UTF8_KEEP_NL)) ||
	    (cp == '\t' && (flags & UTF8_KEEP_TAB))) {
		strbuf_addc(sb, (char)cp);
		return;
	}
	switch (utf8_classify(cp)) {
	case UTF8_PRINT:
		strbuf_add(sb, enc, utf8_encode(cp, enc));
		break;
	case UTF8_CONTROL:
		if (cp < 0x20)
			strbuf_addf(sb, "^%c", (char)(cp + 0x40));
		else if (cp == 0x7f)
			strbuf_adds(sb, "^?");
		else
			strbuf_addf(sb, "<U+%04X>", (unsigned)cp);
		break;
	case UTF8_FORMAT:
		strbuf_addf(sb, "<U+%04X>", (unsigned)cp);
		break;
	}
}

char *
utf8_clean(const char *s, size_t len, int flags)
{
	struct strbuf	 sb = STRBUF_INIT;
	uint32_t	 cp;
	size_t		 i, n;

	/* All printable ASCII, as most are: one copy, its own size. */
	if (utf8_ascii_prefix(s, len) == len)
		return xstrndup(s, len);
	strbuf_add(&sb, "", 0);
	for (i = 0; i < len; i += n) {
		/* Printable ASCII, the most of any text, goes as a run. */
		if ((n = utf8_ascii_prefix(s + i, len - i)) > 0) {
			strbuf_add(&sb, s + i, n);
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		/* A good, printable sequence is copied as it is. */
		if (cp >= 0x80 && utf8_classify(cp) == UTF8_PRINT &&
		    (cp != UTF8_REPLACEMENT || n == 3))
			strbuf_add(&sb, s + i, n);
		else
			utf8_clean_one(&sb, cp, flags);
	}
	return strbuf_detach(&sb);
}

int
utf8_width(const char *s, size_t len)
{
	uint32_t	 cp;
	size_t		 i, n;
	int		 w = 0;

	for (i = 0; i < len; i += n) {
		if ((n = utf8_ascii_prefix(s + i, len - i)) > 0) {
			w += (int)n;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		w += utf8_cpwidth(cp);
	}
	return w;
}
