/*
 * fuzz_utf8.c: decoding, cleaning, measuring and wrapping any bytes.
 *
 * The first byte chooses a width of 1 to 100 columns; the rest is text
 * from a dataset.  What utf8.h and wrap.h promise is checked on it:
 * decoding reads every byte; cleaned text is valid UTF-8 that holds no
 * control or invisible character (but the '\n' and '\t' the flags keep)
 * and cleans to itself; a wrapped line is never wider than the width
 * unless it is one wide character, and no text but spaces is lost; fit
 * and pad give exactly what they say.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "core/xmalloc.h"
#include "fuzz.h"

static void
fuzz_utf8_decode(const char *s, size_t len)
{
	uint32_t	 cp;
	size_t		 i, n, bad;
	char		 enc[4];
	int		 ok = 1;

	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n < 1 || n > 4 || n > len - i || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			fuzz_fail("utf8_decode: a bad length or code point",
			    NULL);
		if (utf8_encode(cp, enc) != n && !(cp == UTF8_REPLACEMENT &&
		    n == 1))
			fuzz_fail("utf8_decode: not what utf8_encode makes",
			    NULL);
		if (n > 1 && memcmp(enc, s + i, n) != 0)
			fuzz_fail("utf8_decode: bytes decode to another "
			    "code point", NULL);
		if (s[i] == '\0' || (n == 1 && (unsigned char)s[i] >= 0x80))
			ok = 0;
	}
	if ((utf8_validate(s, len, &bad) == 0) != ok)
		fuzz_fail("utf8_validate: disagrees with utf8_decode", NULL);
}

/* Cleaned text: what utf8_clean() promises a screen or a page. */
static void
fuzz_utf8_check_clean(const char *c, int flags)
{
	size_t		 i, n, len = strlen(c), bad;
	uint32_t	 cp;
	char		*again;

	if (utf8_validate(c, len, &bad) != 0)
		fuzz_fail("utf8_clean: invalid UTF-8 out", c);
	for (i = 0; i < len; i += n) {
		n = utf8_decode(c + i, len - i, &cp);
		if ((cp == '\n' && (flags & UTF8_KEEP_NL)) ||
		    (cp == '\t' && (flags & UTF8_KEEP_TAB)))
			continue;
		if (utf8_classify(cp) != UTF8_PRINT)
			fuzz_fail("utf8_clean: a control or invisible "
			    "character out", c);
	}
	again = utf8_clean(c, len, flags);
	if (strcmp(again, c) != 0)
		fuzz_fail("utf8_clean: clean text changes when cleaned", c);
	free(again);
	if (utf8_width(c, len) < 0)
		fuzz_fail("utf8_width: negative", c);
}

/* Columns of s[0..len) other than zero-width characters, counted. */
static int
fuzz_utf8_visible(const char *s, size_t len)
{
	uint32_t	 cp;
	size_t		 i, n;
	int		 k = 0;

	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (utf8_cpwidth(cp) > 0)
			k++;
	}
	return k;
}

static void
fuzz_utf8_wrap(const char *s, int width)
{
	struct wrap_line	*l;
	size_t			 i, j, n, len = strlen(s), end = 0;

	n = wrap_text(s, len, width, &l);
	for (i = 0; i < n; i++) {
		if (l[i].off < end || l[i].off + l[i].len > len)
			fuzz_fail("wrap_text: lines overlap or leave the text",
			    s);
		if (memchr(s + l[i].off, '\n', l[i].len) != NULL)
			fuzz_fail("wrap_text: a line holds a line break", s);
		if (l[i].width != utf8_width(s + l[i].off, l[i].len))
			fuzz_fail("wrap_text: a line's width is wrong", s);
		if (l[i].width > width &&
		    fuzz_utf8_visible(s + l[i].off, l[i].len) > 1)
			fuzz_fail("wrap_text: a line wider than the width", s);
		/* Between lines, only spaces and line breaks are dropped. */
		for (j = end; j < l[i].off; j++)
			if (s[j] != ' ' && s[j] != '\n')
				fuzz_fail("wrap_text: text lost", s);
		end = l[i].off + l[i].len;
	}
	for (j = end; j < len; j++)
		if (s[j] != ' ' && s[j] != '\n')
			fuzz_fail("wrap_text: text lost at the end", s);
	free(l);
}

static void
fuzz_utf8_fit(const char *s, int width)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 len = strlen(s);
	char		*fit;
	int		 cols;

	fit = wrap_fit(s, len, width, &cols);
	if (cols > width || cols != utf8_width(fit, strlen(fit)))
		fuzz_fail("wrap_fit: wider than the width, or not as said", s);
	if (utf8_width(s, len) <= width && strcmp(fit, s) != 0)
		fuzz_fail("wrap_fit: text that fits was changed", s);
	free(fit);
	wrap_pad(&sb, s, len, width);
	if (utf8_width(sb.buf, sb.len) != width)
		fuzz_fail("wrap_pad: not exactly the width", s);
	strbuf_free(&sb);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data + 1;
	size_t		 len;
	char		*c;
	int		 width, flags;

	if (size < 1 || size > FUZZ_MAX_INPUT)
		return 0;
	fuzz_init();
	width = 1 + data[0] % 100;
	len = size - 1;
	fuzz_utf8_decode(s, len);
	for (flags = 0; flags <= (UTF8_KEEP_NL | UTF8_KEEP_TAB); flags++) {
		c = utf8_clean(s, len, flags);
		fuzz_utf8_check_clean(c, flags);
		free(c);
	}
	/* Text for wrapping: clean, with its line breaks. */
	c = utf8_clean(s, len, UTF8_KEEP_NL);
	fuzz_utf8_wrap(c, width);
	free(c);
	c = utf8_clean(s, len, 0);
	fuzz_utf8_fit(c, width);
	free(c);
	return 0;
}
