/*
 * test_csv_read.c: unit tests for core/csv_read.h.
 *
 * Reads CSV from memory (fmemopen) and checks each record's fields and
 * the line it starts on: quoting, CRLF, a BOM, blank lines, spaces kept,
 * multilingual text.  Then the errors, with their exact messages and line
 * numbers as csv_read.h defines them ("NAME:LINE: what"), including
 * fields over CSV_FIELD_MAX on one line, across lines and with no newline
 * at all.  Expected failures are marked TODO, with the reason.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv_read.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])
/* A string literal and its length, NUL bytes included. */
#define S(x)	x, sizeof (x) - 1

/* What reading gives: records as "LINE:f1|f2;", and the error if any. */
struct result {
	char	*records;
	char	*cause;
	int	 badlens;	/* lens[i] != strlen(fields[i]) */
	size_t	 maxlen;	/* longest field */
};

static void
add_record(struct result *res, struct strbuf *sb,
    const struct csv_record *rec)
{
	size_t	 i;

	strbuf_addf(sb, "%lu:", rec->line);
	for (i = 0; i < rec->nfields; i++) {
		if (i > 0)
			strbuf_addc(sb, '|');
		strbuf_add(sb, rec->fields[i], rec->lens[i]);
		if (rec->lens[i] != strlen(rec->fields[i]))
			res->badlens++;
		if (rec->lens[i] > res->maxlen)
			res->maxlen = rec->lens[i];
	}
	strbuf_addc(sb, ';');
}

static void
read_all(const char *buf, size_t len, size_t max_fields, struct result *res)
{
	struct strbuf		 sb = STRBUF_INIT;
	struct csv_reader	*r;
	struct csv_record	*rec;
	FILE			*f;
	int			 rv;

	memset(res, 0, sizeof *res);
	/* fmemopen() may refuse a size of 0. */
	f = len > 0 ? fmemopen((void *)buf, len, "r") : tmpfile();
	if (f == NULL) {
		res->records = xstrdup("");
		res->cause = xstrdup("cannot open the buffer");
		return;
	}
	r = csv_read_open(f, "t.csv", max_fields);
	while ((rv = csv_read_next(r, &rec, &res->cause)) == 1)
		add_record(res, &sb, rec);
	if (rv == 0)
		res->cause = NULL;
	csv_read_free(r);
	fclose(f);
	res->records = strbuf_detach(&sb);
}

static void
result_free(struct result *res)
{
	free(res->records);
	free(res->cause);
}

struct read_case {
	const char	*name;
	const char	*in;
	size_t		 len;
	size_t		 max_fields;
	const char	*records;
	const char	*cause;		/* NULL: no error */
	const char	*todo;		/* a known bug: why */
};

static const struct read_case read_cases[] = {
	{ "simple rows", S("a,b,c\n1,2,3\n"), 8, "1:a|b|c;2:1|2|3;", NULL,
	    NULL },
	{ "quoted commas", S("\"a,b\",c\n"), 8, "1:a,b|c;", NULL, NULL },
	{ "doubled quotes", S("\"say \"\"hi\"\"\",x\n"), 8,
	    "1:say \"hi\"|x;", NULL, NULL },
	{ "only a quote", S("\"\"\"\"\n"), 8, "1:\";", NULL, NULL },
	{ "LF inside quotes", S("\"line1\nline2\",x\nnext,y\n"), 8,
	    "1:line1\nline2|x;3:next|y;", NULL, NULL },
	{ "CRLF inside quotes", S("\"a\r\nb\",c\r\nd,e\r\n"), 8,
	    "1:a\r\nb|c;3:d|e;", NULL, NULL },
	{ "CRLF ends", S("a,b\r\nc,d\r\n"), 8, "1:a|b;2:c|d;", NULL, NULL },
	{ "no final newline", S("a,b\nc,d"), 8, "1:a|b;2:c|d;", NULL, NULL },
	{ "no final newline, quoted", S("a\n\"b\nc\""), 8, "1:a;2:b\nc;",
	    NULL, NULL },
	{ "BOM skipped", S("\xef\xbb\xbfid,name\n1,£\n"), 8,
	    "1:id|name;2:1|£;", NULL, NULL },
	{ "BOM later is data", S("a\n\xef\xbb\xbf" "b\n"), 8,
	    "1:a;2:\xef\xbb\xbf" "b;", NULL, NULL },
	{ "blank lines skipped", S("a\n\n\nb\n"), 8, "1:a;4:b;", NULL, NULL },
	{ "blank CRLF lines skipped", S("a\r\n\r\nb\r\n"), 8, "1:a;3:b;",
	    NULL, NULL },
	{ "leading blank lines", S("\n\na\n"), 8, "3:a;", NULL, NULL },
	{ "trailing blank lines", S("a\n\n\n"), 8, "1:a;", NULL, NULL },
	{ "blank line inside quotes", S("\"a\n\nb\",c\nd\n"), 8,
	    "1:a\n\nb|c;4:d;", NULL, NULL },
	{ "spaces kept", S(" a , b \n"), 8, "1: a | b ;", NULL, NULL },
	{ "a line of spaces is a field", S("a\n  \nb\n"), 8,
	    "1:a;2:  ;3:b;", NULL, NULL },
	{ "tab kept", S("a\tb,c\n"), 8, "1:a\tb|c;", NULL, NULL },
	{ "empty fields", S(",,\na,,c\n\"\",x\n"), 8, "1:||;2:a||c;3:|x;",
	    NULL, NULL },
	{ "record after a 3-line field", S("h1,h2\n\"x\ny\nz\",w\nnext,row\n"),
	    8, "1:h1|h2;2:x\ny\nz|w;5:next|row;", NULL, NULL },
	{ "multilingual",
	    S("日本語,\"The King’s Fund\",e\xcc\x81,– £\n"), 8,
	    "1:日本語|The King’s Fund|e\xcc\x81|– £;", NULL, NULL },
	{ "control characters are data", S("\x1b[31m,\xc2\x85\n"), 8,
	    "1:\x1b[31m|\xc2\x85;", NULL, NULL },
	{ "empty input", S(""), 8, "", NULL, NULL },
	{ "only a BOM", S("\xef\xbb\xbf"), 8, "", NULL, NULL },
	{ "exactly max fields", S("a,b,c\n"), 3, "1:a|b|c;", NULL, NULL },

	{ "unterminated quote", S("a,b\n\"open,field\nmore\n"), 8, "1:a|b;",
	    "t.csv:2: unterminated quoted field", NULL },
	{ "unterminated quote, no newline", S("\"x"), 8, "",
	    "t.csv:1: unterminated quoted field", NULL },
	{ "quote in unquoted field", S("a,b\nc,d\"e\n"), 8, "1:a|b;",
	    "t.csv:2: malformed CSV: a quote inside an unquoted field, or "
	    "text after a closing quote", NULL },
	{ "text after closing quote", S("\"a\"b,c\n"), 8, "",
	    "t.csv:1: malformed CSV: a quote inside an unquoted field, or "
	    "text after a closing quote", NULL },
	{ "broken quote on a record's 2nd line", S("ok\n\"x\ny\"z\n"), 8,
	    "1:ok;", "t.csv:3: malformed CSV: a quote inside an unquoted "
	    "field, or text after a closing quote (in the record that starts "
	    "on line 2)", NULL },
	{ "CR inside quotes is data", S("\"a\rb\",c\n"), 8, "1:a\rb|c;",
	    NULL, NULL },
	{ "lone CR ends nothing", S("a\rb\nc\n"), 8, "",
	    "t.csv:1: a carriage return without a line feed: lines must end "
	    "with LF or CRLF", NULL },
	{ "lone CR after a good line", S("a\r\nb\rc\n"), 8, "1:a;",
	    "t.csv:2: a carriage return without a line feed: lines must end "
	    "with LF or CRLF", NULL },
	{ "lone CR at the very end", S("a\nb\r"), 8, "1:a;",
	    "t.csv:2: a carriage return without a line feed: lines must end "
	    "with LF or CRLF", NULL },
	{ "too many fields", S("a,b,c\n1,2,3,4\n"), 3, "1:a|b|c;",
	    "t.csv:2: more than 3 fields", NULL },
	{ "too many, record over lines", S("h\n\"x\ny\",b,c,d\n"), 3, "1:h;",
	    "t.csv:2: more than 3 fields", NULL },
	{ "invalid UTF-8", S("a,b\nx,y\xff" "z\n"), 8, "1:a|b;",
	    "t.csv:2: field 2: invalid UTF-8 at byte 2", NULL },
	{ "overlong", S("\xc0\xaf,x\n"), 8, "",
	    "t.csv:1: field 1: invalid UTF-8 at byte 1", NULL },
	{ "surrogate, quoted", S("ok,\"\xed\xa0\x80\"\n"), 8, "",
	    "t.csv:1: field 2: invalid UTF-8 at byte 1", NULL },
	{ "truncated at field end", S("日\xe6\x97,x\n"), 8, "",
	    "t.csv:1: field 1: invalid UTF-8 at byte 4", NULL },
	{ "above U+10FFFF", S("abc\xf4\x90\x80\x80\n"), 8, "",
	    "t.csv:1: field 1: invalid UTF-8 at byte 4", NULL },
	{ "NUL byte", S("a,b\0c\n"), 8, "",
	    "t.csv:1: field 2: NUL byte at byte 2", NULL },
	{ "NUL in a 2-line field", S("h\n\"x\ny\0\"\n"), 8, "1:h;",
	    "t.csv:2: field 1: NUL byte at byte 4", NULL },
};

/* A TODO check: "not ok N - name # TODO why" does not fail the suite. */
static void
check_todo(int ok, const char *name, const char *why)
{
	if (ok) {
		tap_ok(1, "%s # TODO %s", name, why);
		return;
	}
	printf("not ok %d - %s # TODO %s\n", ++tap_n, name, why);
}

static void
check_str(const char *got, const char *want, const char *name,
    const char *todo)
{
	int	 same;

	if (todo == NULL) {
		tap_is_str(got, want, name);
		return;
	}
	same = got != NULL && want != NULL ? strcmp(got, want) == 0 :
	    got == want;
	check_todo(same, name, todo);
	if (!same)
		printf("#      got: '%s'\n# expected: '%s'\n",
		    got ? got : "(null)", want ? want : "(null)");
}

static void
test_table(void)
{
	const struct read_case	*c;
	struct result		 res;
	char			 name[128];
	size_t			 i;

	for (i = 0; i < NITEMS(read_cases); i++) {
		c = &read_cases[i];
		read_all(c->in, c->len, c->max_fields, &res);
		snprintf(name, sizeof name, "%s: records", c->name);
		check_str(res.records, c->records, name, c->todo);
		snprintf(name, sizeof name, "%s: error", c->name);
		check_str(res.cause, c->cause, name, c->todo);
		tap_is_int(res.badlens, 0, "lens match the fields");
		result_free(&res);
	}
}

/* n bytes of pattern, repeated and cut, between head and tail. */
static char *
make_input(const char *head, const char *pattern, size_t n,
    const char *tail, size_t *len)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 plen = strlen(pattern), k;

	strbuf_adds(&sb, head);
	for (k = 0; k + plen <= n; k += plen)
		strbuf_adds(&sb, pattern);
	strbuf_add(&sb, pattern, n - k);
	strbuf_adds(&sb, tail);
	*len = sb.len;
	return strbuf_detach(&sb);
}

/* Does cause start with prefix and hold what? */
static int
cause_is(const char *cause, const char *prefix, const char *what)
{
	if (cause == NULL) {
		printf("# no error\n");
		return 0;
	}
	printf("# %s\n", cause);
	return strncmp(cause, prefix, strlen(prefix)) == 0 &&
	    strstr(cause, what) != NULL;
}

#define TOO_LONG	"longer than the limit of 65536 bytes"

static void
test_long_one_line(void)
{
	struct result	 res;
	char		*in;
	size_t		 len;

	in = make_input("", "x", CSV_FIELD_MAX, "\nnext\n", &len);
	read_all(in, len, 8, &res);
	tap_ok(res.cause == NULL, "a field of exactly CSV_FIELD_MAX bytes");
	tap_is_int((long long)res.maxlen, CSV_FIELD_MAX, "... is read whole");
	tap_ok(strlen(res.records) > 6 && strcmp(res.records +
	    strlen(res.records) - 7, "2:next;") == 0,
	    "... and the next line is line 2");
	result_free(&res);
	free(in);

	in = make_input("h\n", "x", CSV_FIELD_MAX + 1, "\nnext\n", &len);
	read_all(in, len, 8, &res);
	tap_is_str(res.records, "1:h;", "one byte over: records before");
	tap_ok(cause_is(res.cause, "t.csv:2: ", TOO_LONG),
	    "one byte over, on one line: an error at line 2");
	tap_is_str(res.cause, "t.csv:2: field 1 is " TOO_LONG,
	    "... saying which field");
	result_free(&res);
	free(in);

	in = make_input("", "ab,", 200 * 1024, "", &len);
	read_all(in, len, 100, &res);
	tap_is_str(res.cause, "t.csv:1: more than 100 fields",
	    "200 KB of short fields, no newline: too many fields");
	result_free(&res);
	free(in);
}

static void
test_long_lines(void)
{
	struct result	 res;
	char		*in;
	size_t		 len;

	in = make_input("h\n\"", "abcdefghi\n", 70000, "\",x\nnext\n", &len);
	read_all(in, len, 8, &res);
	tap_is_str(res.records, "1:h;", "over the limit in quotes: before");
	tap_ok(cause_is(res.cause, "t.csv:2: ", TOO_LONG),
	    "over the limit across 7,000 lines: error at its start");
	result_free(&res);
	free(in);

	in = make_input("", "x", 200 * 1024, "", &len);
	read_all(in, len, 8, &res);
	tap_ok(cause_is(res.cause, "t.csv:1: ", TOO_LONG),
	    "a 200 KB line with no newline at all");
	result_free(&res);
	free(in);

	in = make_input("h\n\"", "abcdefghi\n", 60000, "\",x\nnext\n", &len);
	read_all(in, len, 8, &res);
	tap_ok(res.cause == NULL, "60,000 bytes over 6,000 lines in quotes");
	tap_is_int((long long)res.maxlen, 60000, "... read whole");
	tap_ok(strlen(res.records) > 10 && strcmp(res.records +
	    strlen(res.records) - 10, "6003:next;") == 0,
	    "... and the record after it starts on line 6003");
	result_free(&res);
	free(in);
}

/* Records longer than the read buffer, made of fields within the limit. */
static void
test_long_records(void)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct result	 res;
	char		*field;
	size_t		 len;
	int		 i;

	/* 3,500 times 14 bytes: whole characters, 49,000 bytes. */
	field = make_input("", "日本語–£", 3500 * 14, "", &len);
	for (i = 0; i < 4; i++) {
		strbuf_adds(&sb, i ? "," : "");
		strbuf_add(&sb, field, len);
	}
	strbuf_adds(&sb, "\nnext\n");
	read_all(sb.buf, sb.len, 8, &res);
	tap_ok(res.cause == NULL, "a 200 KB record of 4 fields");
	if (res.cause != NULL)
		printf("# %s\n", res.cause);
	tap_ok(strlen(res.records) > 7 && strcmp(res.records +
	    strlen(res.records) - 7, "2:next;") == 0,
	    "... then the next record is on line 2");
	result_free(&res);
	strbuf_free(&sb);
	free(field);
}

int
main(void)
{
	test_table();
	test_long_one_line();
	test_long_lines();
	test_long_records();
	return tap_done();
}
