/*
 * test_wrap.c: unit tests for core/wrap.h.
 *
 * wrap_text() against a table of expected lines, then its promises over
 * many texts and every width from 1 to 40: no line wider than the width
 * (but a lone wide character), breaks at spaces when there are any,
 * nothing lost or reordered, '\n' always breaks.  wrap_fit() and
 * wrap_pad() cut and pad by display columns, CJK and accents included.
 * wrap_next(), a line at a time, against a reference wrap in one pass
 * (the way wrap_text() was written before it had wrap_next()), resumed
 * from wherever a line ended, at every width.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

struct wrap_case {
	const char	*in;
	int		 width;
	const char	*lines;		/* joined by '|' */
};

static const struct wrap_case wrap_cases[] = {
	{ "", 10, "" },
	{ "a", 1, "a" },
	{ "the quick brown fox", 19, "the quick brown fox" },
	{ "the quick brown fox", 10, "the quick|brown fox" },
	{ "the quick brown fox", 9, "the quick|brown fox" },
	{ "the quick brown fox", 8, "the|quick|brown|fox" },
	{ "abcdefghij", 4, "abcd|efgh|ij" },
	{ "ab cdefghij", 4, "ab|cdef|ghij" },
	{ "a  b", 1, "a|b" },
	{ "word    ", 4, "word" },
	{ "  indented text", 20, "  indented text" },
	{ "a\nb", 10, "a|b" },
	{ "a\n\nb", 10, "a||b" },
	{ "one two\nthree", 3, "one|two|thr|ee" },
	{ "日本語日本語", 4, "日本|語日|本語" },
	{ "日本語", 5, "日本|語" },
	{ "日本語", 6, "日本語" },
	{ "日本語", 1, "日|本|語" },
	{ "日本語", 2, "日|本|語" },
	{ "£100 – 日本語 text", 8, "£100 –|日本語|text" },
	{ "The King’s Fund", 6, "The|King’s|Fund" },
	{ "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2,
	    "e\xcc\x81" "e\xcc\x81|e\xcc\x81" },
	{ "caf\xc3\xa9 cafe\xcc\x81", 4, "caf\xc3\xa9|cafe\xcc\x81" },
};

/* s with each newline shown as "\\n", so a TAP line stays one line. */
static const char *
show(const char *s, char *buf, size_t size)
{
	size_t	 o = 0;

	for (; *s != '\0' && o + 3 < size; s++) {
		if (*s == '\n') {
			buf[o++] = '\\';
			buf[o++] = 'n';
		} else
			buf[o++] = *s;
	}
	buf[o] = '\0';
	return buf;
}

static char *
join_lines(const char *s, const struct wrap_line *l, size_t n)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_addc(&sb, '|');
		strbuf_add(&sb, s + l[i].off, l[i].len);
	}
	return strbuf_detach(&sb);
}

static void
test_wrap_table(void)
{
	const struct wrap_case	*c;
	struct wrap_line	*lines;
	char			*got, name[160], buf[128];
	size_t			 i, n;

	for (i = 0; i < NITEMS(wrap_cases); i++) {
		c = &wrap_cases[i];
		lines = NULL;
		n = wrap_text(c->in, strlen(c->in), c->width, &lines);
		got = join_lines(c->in, lines, n);
		snprintf(name, sizeof name, "wrap '%s' at %d",
		    show(c->in, buf, sizeof buf), c->width);
		tap_is_str(got, c->lines, name);
		free(got);
		free(lines);
	}
}

/* Texts for the properties: clean text, as utf8_clean() would leave it. */
static const char *const texts[] = {
	"",
	"a",
	"日",
	" ",
	"\n\n",
	"The quick brown fox jumps over the lazy dog",
	"£909.1 million – the ICS’s planned surplus was £0 million",
	"日本語のテキストは空白なしで書かれます",
	"mixed 日本語 and English words, with café and "
	    "cafe\xcc\x81 accents",
	"e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81"
	    " a\xcc\x88" "o\xcc\x88",
	"Supercalifragilisticexpialidocious antidisestablishmentarianism",
	"line one\nline two\n\nline four, after a blank one",
	"a  b   c    d     e      f",
	"  leading spaces",
	"trailing spaces   ",
	"x日y本z語w日v本u語",
	"shown as ^[[31m and <U+202E> and \xef\xbf\xbd\xef\xbf\xbd",
	"ＡＢＣ fullwidth ＤＥＦ letters",
	"word-with-hyphens-but-no-spaces-at-all-in-it",
	"Monitoring and learning from peoples' experiences of care",
	"日 本 語 日 本 語",
	"a 日本語日本語日本語 b",
	"\xcc\x81 X日 combining mark first",
	"x\n\xcc\x81 X日",
};

/* Is s[0..len) one character: a code point, then only zero-width ones? */
static int
one_char(const char *s, size_t len)
{
	uint32_t	 cp;
	size_t		 i, n;

	if (len == 0)
		return 0;
	for (i = utf8_decode(s, len, &cp); i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (utf8_cpwidth(cp) != 0)
			return 0;
	}
	return 1;
}

/* Is the text line (between newlines) around s[off] only spaces? */
static int
blank_line(const char *s, size_t off)
{
	size_t	 i;

	for (i = off; i > 0 && s[i - 1] != '\n'; i--)
		if (s[i - 1] != ' ')
			return 0;
	for (i = off; s[i] != '\0' && s[i] != '\n'; i++)
		if (s[i] != ' ')
			return 0;
	return 1;
}

/* Append the characters of s[0..len) but spaces and newlines. */
static void
add_ink(struct strbuf *sb, const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\n')
			strbuf_addc(sb, s[i]);
}

/* Width of the word of the text at s[off]: up to a space or newline. */
static int
word_width(const char *s, size_t off)
{
	size_t	 len = strcspn(s + off, " \n");

	return utf8_width(s + off, len);
}

/* Whether line k could have taken more of line k + 1. */
static int
wrap_underfull(const char *s, const struct wrap_line *l, size_t k,
    int width)
{
	size_t		 end = l[k].off + l[k].len, gap;
	uint32_t	 cp;

	if (memchr(s + end, '\n', l[k + 1].off - end) != NULL)
		return 0;	/* a forced break */
	gap = l[k + 1].off - end;
	if (gap > 0)
		return l[k].width + (int)gap +
		    word_width(s, l[k + 1].off) <= width;
	utf8_decode(s + l[k + 1].off, l[k + 1].len, &cp);
	return l[k].width + utf8_cpwidth(cp) <= width;
}

struct wrap_faults {
	int	 wide, badwidth, order, newline, underfull, edgespace;
	int	 empty, lost;
};

static void
check_lines(const char *s, const struct wrap_line *l, size_t n, int width,
    struct wrap_faults *f)
{
	char	 buf[128];
	size_t	 k;

	for (k = 0; k < n; k++) {
		if (l[k].width > width && !one_char(s + l[k].off, l[k].len) &&
		    f->wide++ == 0)
			printf("# too wide: line %zu of '%s' at %d\n", k,
			    show(s, buf, sizeof buf), width);
		if (l[k].width != utf8_width(s + l[k].off, l[k].len))
			f->badwidth++;
		if (memchr(s + l[k].off, '\n', l[k].len) != NULL)
			f->newline++;
		if (k > 0 && l[k].off < l[k - 1].off + l[k - 1].len)
			f->order++;
		if (k + 1 < n && l[k].len > 0 &&
		    s[l[k].off + l[k].len - 1] == ' ')
			f->edgespace++;
		if (k > 0 && l[k].len > 0 && s[l[k].off] == ' ' &&
		    s[l[k].off - 1] != '\n')
			f->edgespace++;
		if (l[k].len == 0 && !blank_line(s, l[k].off) &&
		    f->empty++ == 0)
			printf("# empty line %zu of '%s' at %d\n", k,
			    show(s, buf, sizeof buf), width);
		if (k + 1 < n && wrap_underfull(s, l, k, width) &&
		    f->underfull++ == 0)
			printf("# underfull: line %zu of '%s' at %d\n", k,
			    show(s, buf, sizeof buf), width);
	}
}

static void
check_text(const char *s, int width, struct wrap_faults *f)
{
	struct strbuf		 in = STRBUF_INIT, out = STRBUF_INIT;
	struct wrap_line	*l = NULL;
	char			 buf[128];
	size_t			 n, k;

	n = wrap_text(s, strlen(s), width, &l);
	check_lines(s, l, n, width, f);
	add_ink(&in, s, strlen(s));
	for (k = 0; k < n; k++)
		add_ink(&out, s + l[k].off, l[k].len);
	if (strcmp(strbuf_str(&in), strbuf_str(&out)) != 0) {
		if (f->lost++ == 0)
			printf("# lost text: '%s' at %d\n",
			    show(s, buf, sizeof buf), width);
	}
	strbuf_free(&in);
	strbuf_free(&out);
	free(l);
}

static void
test_wrap_properties(void)
{
	struct wrap_faults	 f;
	size_t			 i;
	int			 w;

	memset(&f, 0, sizeof f);
	for (i = 0; i < NITEMS(texts); i++)
		for (w = 1; w <= 40; w++)
			check_text(texts[i], w, &f);
	tap_is_int(f.wide, 0, "no line wider than the width");
	tap_is_int(f.badwidth, 0, "line widths are display columns");
	tap_is_int(f.lost, 0, "no text lost or reordered");
	tap_is_int(f.order, 0, "lines do not overlap");
	tap_is_int(f.newline, 0, "no line holds a newline");
	tap_is_int(f.edgespace, 0, "spaces at a break are dropped");
	tap_is_int(f.empty, 0, "no empty line but a blank line of the text");
	tap_is_int(f.underfull, 0, "a line takes all that fits");
}

static void
test_wrap_edges(void)
{
	struct wrap_line	*l = NULL;
	size_t			 n;

	n = wrap_text("", 0, 10, &l);
	tap_is_int((long long)n, 0, "empty text has no lines");
	free(l);
	l = NULL;
	n = wrap_text("日本語", strlen("日本語"), 1, &l);
	tap_is_int((long long)n, 3, "width 1, wide chars: a line each");
	if (n == 3)
		tap_is_int(l[2].width, 2, "a lone wide char keeps its width");
	free(l);
	l = NULL;
	n = wrap_text("abc", 3, 0, &l);
	tap_is_int((long long)n, 3, "width 0 is taken as 1");
	free(l);
	l = NULL;
	n = wrap_text("a\nb", 1, 10, &l);
	tap_is_int((long long)n, 1, "only len bytes are wrapped");
	free(l);
}

struct fit_case {
	const char	*in;
	int		 width;
	const char	*out;
	int		 cols;
};

static const struct fit_case fit_cases[] = {
	{ "hello", 10, "hello", 5 },
	{ "hello", 5, "hello", 5 },
	{ "hello", 4, "hel…", 4 },
	{ "hello", 2, "h…", 2 },
	{ "hello", 1, "…", 1 },
	{ "hello", 0, "", 0 },
	{ "", 0, "", 0 },
	{ "", 5, "", 0 },
	{ "日本語", 6, "日本語", 6 },
	{ "日本語", 5, "日本…", 5 },
	{ "日本語", 4, "日…", 3 },
	{ "日本語", 3, "日…", 3 },
	{ "日本語", 2, "…", 1 },
	{ "日本語", 1, "…", 1 },
	{ "£ ’ –", 5, "£ ’ –", 5 },
	{ "£909.1 million", 7, "£909.1…", 7 },
	{ "The King’s Fund", 11, "The King’s…", 11 },
	{ "cafe\xcc\x81", 4, "cafe\xcc\x81", 4 },
	{ "cafe\xcc\x81s", 4, "caf…", 4 },
	{ "ae\xcc\x81" "bc", 3, "ae\xcc\x81…", 3 },
	{ "…", 1, "…", 1 },
	{ "……", 1, "…", 1 },
};

static void
test_fit(void)
{
	const struct fit_case	*c;
	char			*got, name[96];
	size_t			 i;
	int			 cols;

	for (i = 0; i < NITEMS(fit_cases); i++) {
		c = &fit_cases[i];
		cols = -1;
		got = wrap_fit(c->in, strlen(c->in), c->width, &cols);
		snprintf(name, sizeof name, "fit '%s' to %d", c->in, c->width);
		tap_is_str(got, c->out, name);
		tap_is_int(cols, c->cols, name);
		free(got);
	}
	got = wrap_fit("hello", 5, 3, NULL);
	tap_is_str(got, "he…", "fit with cols NULL");
	free(got);
}

/* Any text, any width: within the width, a prefix, "…" when cut. */
static void
test_fit_properties(void)
{
	const char	*s;
	char		*got;
	size_t		 i, glen;
	int		 w, cols, bad = 0;

	for (i = 0; i < NITEMS(texts); i++) {
		s = texts[i];
		for (w = 0; w <= 40; w++) {
			got = wrap_fit(s, strlen(s), w, &cols);
			glen = strlen(got);
			if (cols != utf8_width(got, glen) || cols > w)
				bad++;
			else if (utf8_width(s, strlen(s)) <= w ?
			    strcmp(got, s) != 0 : w > 0 &&
			    (glen < 3 || strcmp(got + glen - 3, "…") != 0 ||
			    strncmp(got, s, glen - 3) != 0))
				bad++;
			free(got);
		}
	}
	tap_is_int(bad, 0, "fit: in width, a prefix, '…' when cut");
}

struct pad_case {
	const char	*in;
	int		 width;
	const char	*out;
};

static const struct pad_case pad_cases[] = {
	{ "abc", 3, "abc" },
	{ "abc", 5, "abc  " },
	{ "", 3, "   " },
	{ "x", 0, "" },
	{ "日本語", 8, "日本語  " },
	{ "日本語", 6, "日本語" },
	{ "日本語", 5, "日本…" },
	{ "日本語", 4, "日… " },
	{ "日本語", 2, "… " },
	{ "cafe\xcc\x81", 6, "cafe\xcc\x81  " },
	{ "£’–", 4, "£’– " },
};

static void
test_pad(void)
{
	const struct pad_case	*c;
	struct strbuf		 sb = STRBUF_INIT;
	char			 name[96];
	size_t			 i;

	for (i = 0; i < NITEMS(pad_cases); i++) {
		c = &pad_cases[i];
		strbuf_reset(&sb);
		wrap_pad(&sb, c->in, strlen(c->in), c->width);
		snprintf(name, sizeof name, "pad '%s' to %d", c->in, c->width);
		tap_is_str(strbuf_str(&sb), c->out, name);
		tap_is_int(utf8_width(sb.buf, sb.len), c->width, name);
	}
	strbuf_reset(&sb);
	strbuf_adds(&sb, "[");
	wrap_pad(&sb, "ab", 2, 4);
	strbuf_adds(&sb, "]");
	tap_is_str(strbuf_str(&sb), "[ab  ]", "pad appends to what is there");
	strbuf_free(&sb);
}

/*
 * The reference: the text wrapped in one pass, with the state carried
 * from line to line (what wrap_next() must give by rescanning).
 */
struct ref_lines {
	struct wrap_line	 v[512];
	size_t			 n;
};

static void
ref_emit(struct ref_lines *r, const char *s, size_t start, size_t end)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	if (r->n == NITEMS(r->v))
		return;
	r->v[r->n].off = start;
	r->v[r->n].len = end - start;
	r->v[r->n++].width = utf8_width(s + start, end - start);
}

static size_t
ref_skip(const char *s, size_t i, size_t len)
{
	while (i < len && s[i] == ' ')
		i++;
	return i;
}

static size_t
ref_break(struct ref_lines *r, const char *s, size_t start, size_t brk,
    size_t i)
{
	if (brk == SIZE_MAX || brk <= start) {
		ref_emit(r, s, start, i);
		return i;
	}
	if (ref_skip(s, start, brk) < brk)
		ref_emit(r, s, start, brk);
	return ref_skip(s, brk, i);
}

static void
ref_wrap(const char *s, size_t len, int width, struct ref_lines *r)
{
	size_t		 i, n, start = 0, brk = SIZE_MAX;
	uint32_t	 cp;
	int		 col = 0, w;

	r->n = 0;
	if (width < 1)
		width = 1;
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == '\n') {
			ref_emit(r, s, start, i);
			start = i + 1;
			col = 0;
			brk = SIZE_MAX;
			continue;
		}
		w = utf8_cpwidth(cp);
		if (cp == ' ')
			brk = i;
		else if (col + w > width && col > 0) {
			start = ref_break(r, s, start, brk, i);
			col = utf8_width(s + start, i - start);
			if (col + w > width && col > 0) {
				start = ref_break(r, s, start, SIZE_MAX, i);
				col = 0;
			}
			brk = SIZE_MAX;
		}
		col += w;
	}
	if (start < len)
		ref_emit(r, s, start, len);
}

/* wrap_next() a line at a time, as the one-pass reference. */
static void
test_wrap_next(void)
{
	struct ref_lines	 ref;
	struct wrap_line	 l;
	size_t			 t, k, pos, bad = 0, badpos = 0, badend = 0;
	size_t			 len;
	int			 width;

	for (t = 0; t < NITEMS(texts); t++) {
		len = strlen(texts[t]);
		for (width = 0; width <= 40; width++) {
			ref_wrap(texts[t], len, width, &ref);
			pos = 0;
			for (k = 0; k < ref.n; k++) {
				if (!wrap_next(texts[t], len, width, &pos,
				    &l) || l.off != ref.v[k].off ||
				    l.len != ref.v[k].len ||
				    l.width != ref.v[k].width)
					bad++;
				/* The next line starts at or after this one. */
				if (pos < l.off + l.len || pos > len)
					badpos++;
			}
			if (wrap_next(texts[t], len, width, &pos, &l) != 0 ||
			    pos != len || wrap_next(texts[t], len, width,
			    &pos, &l) != 0)
				badend++;
		}
	}
	tap_ok(bad == 0, "wrap_next: the lines of one pass, in turn");
	tap_ok(badpos == 0, "wrap_next: the next line starts after this one");
	tap_ok(badend == 0, "wrap_next: 0 past the last line, and again");

	/* From where a line ended, the same lines as from the start. */
	pos = 0;
	k = 0;
	while (wrap_next("alpha beta gamma delta", 22, 11, &pos, &l))
		k++;
	tap_is_int((int)k, 2, "wrap_next: 'alpha beta gamma delta' at 11");
	pos = 11;
	tap_ok(wrap_next("alpha beta gamma delta", 22, 11, &pos, &l) &&
	    l.off == 11 && l.len == 11 && pos == 22,
	    "wrap_next: resumed at the second line");
	pos = 0;
	tap_ok(wrap_next("", 0, 10, &pos, &l) == 0 && pos == 0,
	    "wrap_next: empty text has no line");
	pos = 0;
	tap_ok(wrap_next("\n", 1, 10, &pos, &l) == 1 && l.len == 0 &&
	    pos == 1 && wrap_next("\n", 1, 10, &pos, &l) == 0,
	    "wrap_next: a lone newline is one empty line");
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		tap_diag("no C.UTF-8 locale: widths will be wrong");
	alarm(60);	/* a wrap that never ends fails, not hangs */
	test_wrap_table();
	test_wrap_properties();
	test_wrap_edges();
	test_wrap_next();
	test_fit();
	test_fit_properties();
	test_pad();
	return tap_done();
}
