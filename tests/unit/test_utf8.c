/*
 * test_utf8.c: unit tests for core/utf8.h.
 *
 * Decoding (one replacement per bad byte, for every bad form), encoding
 * round trips, strict validation, classification of controls and format
 * characters, display widths, and utf8_clean(), whose output must always
 * be valid UTF-8 with nothing left that a terminal would act on.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "../tap.h"

#define FFFD	"\xef\xbf\xbd"
#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

/* Test strings hold NUL bytes, so lengths are given; 0 means strlen. */
static size_t
len_of(const char *s, size_t len)
{
	return len != 0 ? len : strlen(s);
}

struct decode_case {
	const char	*name;
	const char	*in;
	size_t		 len;
	size_t		 used;
	uint32_t	 cp;
};

static const struct decode_case decode_cases[] = {
	{ "ASCII", "A", 0, 1, 0x41 },
	{ "NUL inside a length", "\0x", 2, 1, 0 },
	{ "pound sign", "£", 0, 2, 0xa3 },
	{ "right single quote", "’s", 0, 3, 0x2019 },
	{ "en dash", "–", 0, 3, 0x2013 },
	{ "CJK", "日本語", 0, 3, 0x65e5 },
	{ "emoji, 4 bytes", "\xf0\x9f\x98\x80", 0, 4, 0x1f600 },
	{ "last scalar U+10FFFF", "\xf4\x8f\xbf\xbf", 0, 4, 0x10ffff },
	{ "U+D7FF before surrogates", "\xed\x9f\xbf", 0, 3, 0xd7ff },
	{ "U+E000 after surrogates", "\xee\x80\x80", 0, 3, 0xe000 },
	{ "C1 NEL", "\xc2\x85", 0, 2, 0x85 },
	{ "BOM", "\xef\xbb\xbf", 0, 3, 0xfeff },
	{ "real U+FFFD", FFFD, 0, 3, 0xfffd },
	{ "e then combining acute", "e\xcc\x81", 0, 1, 'e' },
	{ "combining acute alone", "\xcc\x81", 0, 2, 0x301 },
	{ "0xff", "\xff", 0, 1, 0xfffd },
	{ "0xfe", "\xfe", 0, 1, 0xfffd },
	{ "lone continuation", "\x80", 0, 1, 0xfffd },
	{ "lead 0xf5", "\xf5\x80\x80\x80", 0, 1, 0xfffd },
	{ "overlong '/' c0 af", "\xc0\xaf", 0, 1, 0xfffd },
	{ "overlong c1 bf", "\xc1\xbf", 0, 1, 0xfffd },
	{ "overlong 3 bytes", "\xe0\x80\xaf", 0, 1, 0xfffd },
	{ "overlong 4 bytes", "\xf0\x80\x80\xaf", 0, 1, 0xfffd },
	{ "surrogate D800", "\xed\xa0\x80", 0, 1, 0xfffd },
	{ "surrogate DFFF", "\xed\xbf\xbf", 0, 1, 0xfffd },
	{ "above U+10FFFF", "\xf4\x90\x80\x80", 0, 1, 0xfffd },
	{ "truncated 2 of 3", "\xe6\x97", 0, 1, 0xfffd },
	{ "truncated 1 of 2", "\xc2", 0, 1, 0xfffd },
	{ "truncated by len", "£", 1, 1, 0xfffd },
	{ "4-byte truncated by len", "\xf0\x9f\x98\x80", 3, 1, 0xfffd },
	{ "bad continuation", "\xe6\x97" "A", 0, 1, 0xfffd },
	{ "continuation is a lead", "\xc3\xc3\xa9", 0, 1, 0xfffd },
};

static void
test_decode(void)
{
	const struct decode_case	*c;
	uint32_t			 cp;
	size_t				 i, used;

	for (i = 0; i < NITEMS(decode_cases); i++) {
		c = &decode_cases[i];
		cp = 0x12345678;
		used = utf8_decode(c->in, len_of(c->in, c->len), &cp);
		tap_is_int((long long)used, (long long)c->used, c->name);
		tap_is_int(cp, c->cp, c->name);
	}
}

/* Every scalar value encodes to its canonical length and decodes back. */
static void
test_encode_all(void)
{
	uint32_t	 cp, back;
	size_t		 n, want, bad = 0;
	char		 buf[4];

	for (cp = 0; cp <= 0x10ffff; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		n = utf8_encode(cp, buf);
		if (n != want || utf8_decode(buf, n, &back) != n ||
		    back != cp) {
			if (bad++ == 0)
				printf("# first failure at U+%04X\n",
				    (unsigned)cp);
		}
	}
	tap_is_int((long long)bad, 0, "encode/decode round trip, all scalars");
}

struct encode_case {
	uint32_t	 cp;
	const char	*bytes;
};

static const struct encode_case encode_cases[] = {
	{ 0x24, "$" },
	{ 0xa3, "£" },
	{ 0x2019, "’" },
	{ 0x2013, "–" },
	{ 0x8a9e, "語" },
	{ 0x7ff, "\xdf\xbf" },
	{ 0x800, "\xe0\xa0\x80" },
	{ 0xffff, "\xef\xbf\xbf" },
	{ 0x10000, "\xf0\x90\x80\x80" },
	{ 0x10ffff, "\xf4\x8f\xbf\xbf" },
};

static void
test_encode(void)
{
	char	 buf[5], name[64];
	size_t	 i, n;

	for (i = 0; i < NITEMS(encode_cases); i++) {
		memset(buf, 0, sizeof buf);
		n = utf8_encode(encode_cases[i].cp, buf);
		snprintf(name, sizeof name, "encode U+%04X",
		    (unsigned)encode_cases[i].cp);
		tap_is_int((long long)n,
		    (long long)strlen(encode_cases[i].bytes), name);
		tap_is_str(buf, encode_cases[i].bytes, name);
	}
	test_encode_all();
}

struct validate_case {
	const char	*name;
	const char	*in;
	size_t		 len;
	int		 rc;
	size_t		 bad;
};

static const struct validate_case validate_cases[] = {
	{ "ASCII", "plain text", 0, 0, 0 },
	{ "multilingual", "£909.1 – the King’s Fund, 日本語", 0, 0, 0 },
	{ "combining accent", "cafe\xcc\x81", 0, 0, 0 },
	{ "controls are valid UTF-8", "\x1b[31m\t\r\n\x7f", 0, 0, 0 },
	{ "C1 and bidi are valid UTF-8", "\xc2\x85\xe2\x80\xae", 0, 0, 0 },
	{ "BOM and ZWSP", "\xef\xbb\xbf\xe2\x80\x8b", 0, 0, 0 },
	{ "real U+FFFD is valid", "a" FFFD "b", 0, 0, 0 },
	{ "empty", "", 0, 0, 0 },
	{ "0xff at 2", "ab\xff", 0, -1, 2 },
	{ "NUL at 2", "ab\0cd", 5, -1, 2 },
	{ "NUL first", "\0", 1, -1, 0 },
	{ "NUL after CJK", "日\0", 4, -1, 3 },
	{ "overlong c0 af", "\xc0\xaf", 0, -1, 0 },
	{ "surrogate at 1", "x\xed\xa0\x80", 0, -1, 1 },
	{ "above U+10FFFF", "\xf4\x90\x80\x80", 0, -1, 0 },
	{ "truncated at end", "日本\xe8\xaa", 0, -1, 6 },
	{ "truncated then ASCII", "£\xe8\xaa" "x", 0, -1, 2 },
	{ "lone continuation", "ok\x80", 0, -1, 2 },
	{ "first of two bad", "a\xff\xfe", 0, -1, 1 },
};

static void
test_validate(void)
{
	const struct validate_case	*c;
	size_t				 i, bad;
	int				 rc;

	for (i = 0; i < NITEMS(validate_cases); i++) {
		c = &validate_cases[i];
		bad = 9999;
		rc = utf8_validate(c->in, len_of(c->in, c->len), &bad);
		tap_is_int(rc, c->rc, c->name);
		if (c->rc != 0)
			tap_is_int((long long)bad, (long long)c->bad,
			    c->name);
	}
}

struct class_case {
	uint32_t	 cp;
	enum utf8_class	 cls;
};

static const struct class_case class_cases[] = {
	{ 'a', UTF8_PRINT }, { ' ', UTF8_PRINT }, { '~', UTF8_PRINT },
	{ 0xa0, UTF8_PRINT }, { 0xa3, UTF8_PRINT }, { 0x2019, UTF8_PRINT },
	{ 0x2013, UTF8_PRINT }, { 0x65e5, UTF8_PRINT }, { 0x301, UTF8_PRINT },
	{ 0xfffd, UTF8_PRINT }, { 0x1f600, UTF8_PRINT },
	{ 0x00, UTF8_CONTROL }, { '\t', UTF8_CONTROL }, { '\n', UTF8_CONTROL },
	{ '\r', UTF8_CONTROL }, { 0x1b, UTF8_CONTROL }, { 0x1f, UTF8_CONTROL },
	{ 0x7f, UTF8_CONTROL }, { 0x80, UTF8_CONTROL }, { 0x85, UTF8_CONTROL },
	{ 0x9b, UTF8_CONTROL }, { 0x9f, UTF8_CONTROL },
	{ 0x200b, UTF8_FORMAT }, { 0x200c, UTF8_FORMAT },
	{ 0x200d, UTF8_FORMAT }, { 0x200e, UTF8_FORMAT },
	{ 0x200f, UTF8_FORMAT }, { 0x202a, UTF8_FORMAT },
	{ 0x202b, UTF8_FORMAT }, { 0x202c, UTF8_FORMAT },
	{ 0x202d, UTF8_FORMAT }, { 0x202e, UTF8_FORMAT },
	{ 0x2066, UTF8_FORMAT }, { 0x2067, UTF8_FORMAT },
	{ 0x2068, UTF8_FORMAT }, { 0x2069, UTF8_FORMAT },
	{ 0x061c, UTF8_FORMAT }, { 0x2060, UTF8_FORMAT },
	{ 0xfeff, UTF8_FORMAT },
};

static void
test_classify(void)
{
	char	 name[64];
	size_t	 i;

	for (i = 0; i < NITEMS(class_cases); i++) {
		snprintf(name, sizeof name, "classify U+%04X",
		    (unsigned)class_cases[i].cp);
		tap_is_int(utf8_classify(class_cases[i].cp),
		    class_cases[i].cls, name);
	}
}

struct width_case {
	uint32_t	 cp;
	int		 width;
};

static const struct width_case cpwidth_cases[] = {
	{ 'a', 1 }, { ' ', 1 }, { 0xa3, 1 }, { 0x2019, 1 }, { 0x2013, 1 },
	{ 0xe9, 1 }, { 0xfffd, 1 }, { 0x65e5, 2 }, { 0x672c, 2 },
	{ 0x8a9e, 2 }, { 0x3042, 2 }, { 0xac00, 2 }, { 0xff21, 2 },
	{ 0x3000, 2 }, { 0x301, 0 }, { 0x308, 0 },
};

static void
test_cpwidth(void)
{
	char	 name[64];
	size_t	 i;

	for (i = 0; i < NITEMS(cpwidth_cases); i++) {
		snprintf(name, sizeof name, "cpwidth U+%04X",
		    (unsigned)cpwidth_cases[i].cp);
		tap_is_int(utf8_cpwidth(cpwidth_cases[i].cp),
		    cpwidth_cases[i].width, name);
	}
}

struct clean_case {
	const char	*name;
	const char	*in;
	size_t		 len;
	int		 flags;
	const char	*out;
};

static const struct clean_case clean_cases[] = {
	{ "empty", "", 0, 0, "" },
	{ "ASCII", "plain", 0, 0, "plain" },
	{ "multilingual kept", "£ ’ – 日本語", 0, 0,
	    "£ ’ – 日本語" },
	{ "combining kept", "cafe\xcc\x81", 0, 0, "cafe\xcc\x81" },
	{ "NBSP kept", "a\xc2\xa0" "b", 0, 0, "a\xc2\xa0" "b" },
	{ "ESC sequence", "\x1b[31mred\x1b[0m", 0, 0, "^[[31mred^[[0m" },
	{ "DEL", "a\x7f", 0, 0, "a^?" },
	{ "NUL inside a length", "a\0b", 3, 0, "a^@b" },
	{ "SOH and US", "\x01\x1f", 0, 0, "^A^_" },
	{ "BEL and BS", "\a\b", 0, 0, "^G^H" },
	{ "C1 U+0080", "\xc2\x80", 0, 0, "<U+0080>" },
	{ "C1 NEL", "\xc2\x85", 0, 0, "<U+0085>" },
	{ "C1 CSI", "\xc2\x9b" "31m", 0, 0, "<U+009B>31m" },
	{ "bidi override", "abc\xe2\x80\xae" "def", 0, 0, "abc<U+202E>def" },
	{ "isolate", "\xe2\x81\xa6", 0, 0, "<U+2066>" },
	{ "zero width space", "a\xe2\x80\x8b" "b", 0, 0, "a<U+200B>b" },
	{ "BOM", "\xef\xbb\xbfid", 0, 0, "<U+FEFF>id" },
	{ "0xff", "\xff", 0, 0, FFFD },
	{ "bad byte among CJK", "日\xff本", 0, 0, "日" FFFD "本" },
	{ "overlong: one per byte", "\xc0\xaf", 0, 0, FFFD FFFD },
	{ "surrogate: one per byte", "\xed\xa0\x80", 0, 0, FFFD FFFD FFFD },
	{ "above U+10FFFF", "\xf4\x90\x80\x80", 0, 0, FFFD FFFD FFFD FFFD },
	{ "truncated at end", "日本\xe8\xaa", 0, 0, "日本" FFFD FFFD },
	{ "tab shown", "a\tb", 0, 0, "a^Ib" },
	{ "tab kept", "a\tb", 0, UTF8_KEEP_TAB, "a\tb" },
	{ "tab shown when only NL kept", "a\tb", 0, UTF8_KEEP_NL, "a^Ib" },
	{ "newline shown", "a\nb", 0, 0, "a^Jb" },
	{ "newline kept", "a\nb", 0, UTF8_KEEP_NL, "a\nb" },
	{ "newline shown when only tab kept", "a\nb", 0, UTF8_KEEP_TAB,
	    "a^Jb" },
	{ "CR never kept", "a\r\nb", 0, UTF8_KEEP_NL | UTF8_KEEP_TAB,
	    "a^M\nb" },
	{ "both kept", "\t\n", 0, UTF8_KEEP_NL | UTF8_KEEP_TAB, "\t\n" },
	{ "NUL after kept newline", "\n\0", 2, UTF8_KEEP_NL, "\n^@" },
};

/* What utf8_clean() promises: valid UTF-8, every code point printable. */
static int
clean_is_safe(const char *s, int flags)
{
	uint32_t	 cp;
	size_t		 i, n, len = strlen(s), bad;

	if (utf8_validate(s, len, &bad) != 0)
		return 0;
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if ((cp == '\n' && (flags & UTF8_KEEP_NL)) ||
		    (cp == '\t' && (flags & UTF8_KEEP_TAB)))
			continue;
		if (utf8_classify(cp) != UTF8_PRINT)
			return 0;
	}
	return 1;
}

static void
test_clean(void)
{
	const struct clean_case	*c;
	char			*out, name[96];
	size_t			 i;

	for (i = 0; i < NITEMS(clean_cases); i++) {
		c = &clean_cases[i];
		out = utf8_clean(c->in, len_of(c->in, c->len), c->flags);
		tap_is_str(out, c->out, c->name);
		snprintf(name, sizeof name, "%s: result is safe", c->name);
		tap_ok(clean_is_safe(out, c->flags), "%s", name);
		free(out);
	}
}

/* Every byte value, alone and as a lead byte, cleans to safe text. */
static void
test_clean_all_bytes(void)
{
	char	 in[3], *out;
	int	 b, unsafe = 0;

	for (b = 0; b < 256; b++) {
		in[0] = (char)b;
		in[1] = (char)0x80;
		in[2] = 'x';
		out = utf8_clean(in, sizeof in, 0);
		if (!clean_is_safe(out, 0))
			unsafe++;
		free(out);
	}
	tap_is_int(unsafe, 0, "every byte value cleans to safe text");
}

struct strwidth_case {
	const char	*name;
	const char	*in;
	size_t		 len;
	int		 width;
};

static const struct strwidth_case strwidth_cases[] = {
	{ "empty", "", 0, 0 },
	{ "ASCII", "abc", 0, 3 },
	{ "pound, quote, dash", "£’–", 0, 3 },
	{ "CJK", "日本語", 0, 6 },
	{ "CJK, part of the length", "日本語", 3, 2 },
	{ "mixed", "£ ’ – 日本語", 0, 12 },
	{ "combining accent takes none", "cafe\xcc\x81", 0, 4 },
	{ "two accents on one base", "e\xcc\x81\xcc\x88", 0, 1 },
	{ "caret notation", "^[[0m", 0, 5 },
	{ "visible format char", "<U+202E>", 0, 8 },
	{ "replacement char", FFFD, 0, 1 },
	{ "fullwidth Latin", "ＡＢ", 0, 4 },
};

static void
test_width(void)
{
	const struct strwidth_case	*c;
	char				*clean;
	size_t				 i;

	for (i = 0; i < NITEMS(strwidth_cases); i++) {
		c = &strwidth_cases[i];
		tap_is_int(utf8_width(c->in, len_of(c->in, c->len)), c->width,
		    c->name);
	}
	clean = utf8_clean("\x1b" "日\xff", 5, 0);
	tap_is_int(utf8_width(clean, strlen(clean)), 2 + 2 + 1,
	    "width of cleaned ESC, CJK, bad byte");
	free(clean);
}

/* utf8_validate() and utf8_width() one character at a time, to compare. */
static int
slow_validate(const char *s, size_t len, size_t *bad)
{
	uint32_t	 cp;
	size_t		 i, n;

	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (s[i] == '\0' || (cp == UTF8_REPLACEMENT && n == 1 &&
		    (unsigned char)s[i] >= 0x80)) {
			*bad = i;
			return -1;
		}
	}
	return 0;
}

static int
slow_width(const char *s, size_t len)
{
	uint32_t	 cp;
	size_t		 i, n;
	int		 w = 0;

	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		w += utf8_cpwidth(cp);
	}
	return w;
}

/*
 * Printable ASCII is taken eight bytes at a time: every other byte (the
 * edges of the range, controls, DEL, bad bytes, £ and 日) at every offset
 * of a line of 19 and of 24 bytes must give what one at a time gives.
 */
static void
test_ascii_runs(void)
{
	static const char *const odd[] = { "\x00", "\x01", "\x1f", "\t",
	    "\n", " ", "~", "\x7f", "\x80", "\xff", "£", "日", "\xe6\x97" };
	char	 buf[64];
	size_t	 i, at, len, n, bad1, bad2;
	int	 same = 1, rc1, rc2;

	for (len = 19; len <= 24; len += 5)
		for (i = 0; i < NITEMS(odd); i++)
			for (at = 0; at < len; at++) {
				n = strlen(odd[i]) + (odd[i][0] == '\0');
				memset(buf, 'a', sizeof buf);
				memcpy(buf + at, odd[i], n);
				bad1 = bad2 = 0;
				rc1 = utf8_validate(buf, len + n, &bad1);
				rc2 = slow_validate(buf, len + n, &bad2);
				if (rc1 != rc2 || bad1 != bad2 ||
				    utf8_width(buf, len + n) !=
				    slow_width(buf, len + n))
					same = 0;
			}
	tap_ok(same, "validate and width of ASCII runs as one at a time");
	tap_is_int(utf8_width("abcdefgh\tijklmnop", 17), 16 + 1,
	    "a tab in a run of 16: width 1 (as utf8_cpwidth)");
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		tap_diag("no C.UTF-8 locale: widths will be wrong");
	test_decode();
	test_encode();
	test_validate();
	test_classify();
	test_cpwidth();
	test_clean();
	test_clean_all_bytes();
	test_width();
	test_ascii_runs();
	return tap_done();
}
