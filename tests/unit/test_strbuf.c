/*
 * test_strbuf.c: unit tests for core/strbuf.h.
 *
 * A strbuf is always NUL-terminated, holds NUL bytes when told to, counts
 * bytes, reads as "" before anything is added, and hands its memory over
 * with strbuf_detach() (never NULL) or gives it back with strbuf_free().
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

static const char *const pieces[] = {
	"", "£909.1 million", "It’s", "日本語", "a\tb", "\n", "bad \xff bytes",
	"<&>", "",
};

static void
test_empty(void)
{
	struct strbuf	 sb = STRBUF_INIT, sb2;
	char		*p;

	tap_is_str(strbuf_str(&sb), "", "an empty strbuf reads as \"\"");
	tap_ok(sb.buf == NULL && sb.len == 0, "... and has no memory yet");
	strbuf_reset(&sb);
	tap_ok(sb.buf == NULL, "reset of an empty one allocates nothing");
	p = strbuf_detach(&sb);
	tap_is_str(p, "", "detach of an empty one gives \"\", not NULL");
	free(p);
	strbuf_init(&sb2);
	tap_ok(sb2.buf == NULL && sb2.len == 0 && sb2.cap == 0,
	    "strbuf_init is STRBUF_INIT");
	strbuf_free(&sb2);
	strbuf_free(&sb2);
	tap_ok(sb2.buf == NULL, "strbuf_free twice is harmless");
}

static void
test_add(void)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		 want[256] = "";
	size_t		 i;

	for (i = 0; i < NITEMS(pieces); i++) {
		strbuf_adds(&sb, pieces[i]);
		strcat(want, pieces[i]);
	}
	tap_is_str(strbuf_str(&sb), want, "adds appends each piece");
	tap_is_int((long long)sb.len, (long long)strlen(want),
	    "len counts bytes");
	strbuf_addc(&sb, 'x');
	strbuf_add(&sb, "yz!", 2);
	tap_ok(sb.len == strlen(want) + 3 &&
	    strcmp(sb.buf + sb.len - 3, "xyz") == 0, "addc and add of n bytes");
	strbuf_add(&sb, "", 0);
	tap_ok(sb.buf[sb.len] == '\0', "always NUL-terminated");
	strbuf_reset(&sb);
	tap_ok(sb.len == 0 && strcmp(strbuf_str(&sb), "") == 0,
	    "reset empties it");
	strbuf_free(&sb);
}

static void
test_nul_and_growth(void)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i, same = 1;
	char		*p;

	strbuf_add(&sb, "a\0b", 3);
	tap_ok(sb.len == 3 && memcmp(sb.buf, "a\0b", 4) == 0,
	    "holds a NUL byte, len says so");
	strbuf_reset(&sb);
	for (i = 0; i < 100000; i++)
		strbuf_addc(&sb, (char)('a' + i % 26));
	for (i = 0; i < 100000; i++)
		same = same && sb.buf[i] == (char)('a' + i % 26);
	tap_ok(sb.len == 100000 && same && sb.cap > sb.len,
	    "grows past 100,000 bytes intact");
	p = strbuf_detach(&sb);
	tap_ok(sb.buf == NULL && sb.len == 0, "detach leaves it empty");
	tap_is_int((long long)strlen(p), 100000, "... and hands the bytes over");
	free(p);
}

static void
test_addf(void)
{
	struct strbuf	 sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s", "");
	tap_is_str(strbuf_str(&sb), "", "addf of \"\"");
	strbuf_addf(&sb, "[%s]", "£");
	tap_is_str(strbuf_str(&sb), "[£]", "addf of £");
	strbuf_addf(&sb, "%s:%s", "日本語", "’");
	tap_is_str(strbuf_str(&sb), "[£]日本語:’", "addf appends");
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%.2s\t%d-%zu", "abc", -3, (size_t)7);
	tap_is_str(strbuf_str(&sb), "ab\t-3-7", "addf formats as printf");
	strbuf_free(&sb);
}

int
main(void)
{
	test_empty();
	test_add();
	test_nul_and_growth();
	test_addf();
	return tap_done();
}
