/*
 * test_json_out.c: JSON documents made by json_out.c: strings escaped by
 * SQLite and cleaned as the terminal needs, numbers, nesting, and the
 * layout of the outermost array (one element a line).
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json_out.h"
#include "../tap.h"

/* Flush jo into a new string; NULL if the flush failed. */
static char *
doc(struct json_out *jo)
{
	char	*buf = NULL, *cause = NULL;
	size_t	 len = 0;
	FILE	*fp;
	int	 rc;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		return NULL;
	rc = json_out_flush(jo, fp, &cause);
	fclose(fp);
	free(cause);
	if (rc != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* A new writer; the test cannot go on without one. */
static struct json_out *
jo_new(void)
{
	struct json_out	*jo;
	char		*cause = NULL;

	if ((jo = json_out_new(&cause)) == NULL) {
		printf("Bail out! json_out_new: %s\n", cause);
		exit(1);
	}
	return jo;
}

struct str_case {
	const char	*name;
	const char	*in;
	size_t		 len;		/* 0: strlen(in) */
	const char	*want;
};

static const struct str_case str_cases[] = {
	{ "plain ASCII", "Learning culture", 0, "\"Learning culture\"\n" },
	{ "quotes and backslashes escaped", "a \"b\" \\c", 0,
	  "\"a \\\"b\\\" \\\\c\"\n" },
	{ "UTF-8 kept as it is", "£909 – King’s 日本語", 0,
	  "\"£909 – King’s 日本語\"\n" },
	{ "a tab and a line break kept, escaped", "a\tb\nc", 0,
	  "\"a\\tb\\nc\"\n" },
	{ "ESC shown as the terminal is shown it", "x\033[31my", 0,
	  "\"x^[[31my\"\n" },
	{ "a C1 control shown, not passed on", "x\302\233y", 0,
	  "\"x<U+009B>y\"\n" },
	{ "a bidi override shown", "x\342\200\256y", 0,
	  "\"x<U+202E>y\"\n" },
	{ "a bad byte becomes U+FFFD", "x\377y", 0, "\"x\357\277\275y\"\n" },
	{ "a NUL inside the length", "a\0b", 3, "\"a^@b\"\n" },
	{ "empty", "", 0, "\"\"\n" },
};

static void
test_strings(void)
{
	struct json_out	*jo;
	char		*got;
	size_t		 i;

	for (i = 0; i < sizeof str_cases / sizeof str_cases[0]; i++) {
		jo = jo_new();
		json_out_strn(jo, str_cases[i].in, str_cases[i].len > 0 ?
		    str_cases[i].len : strlen(str_cases[i].in));
		got = doc(jo);
		tap_is_str(got, str_cases[i].want, str_cases[i].name);
		free(got);
		json_out_free(jo);
	}
}

static void
test_numbers(void)
{
	struct json_out	*jo = jo_new();
	char		*got;

	json_out_array_begin(jo);
	json_out_int(jo, 42);
	json_out_int(jo, -9007199254740993LL);
	json_out_real(jo, 78.7);
	json_out_real(jo, 0.1);
	json_out_real(jo, NAN);
	json_out_real(jo, INFINITY);
	json_out_bool(jo, 1);
	json_out_bool(jo, 0);
	json_out_null(jo);
	json_out_str(jo, NULL);
	json_out_array_end(jo);
	got = doc(jo);
	tap_is_str(got, "[\n42,\n-9007199254740993,\n78.7,\n0.1,\nnull,\n"
	    "null,\ntrue,\nfalse,\nnull,\nnull\n]\n",
	    "numbers as JSON writes them; NaN, infinity and NULL are null");
	free(got);
	json_out_free(jo);
}

static void
test_nesting(void)
{
	struct json_out	*jo = jo_new();
	char		*got;

	json_out_array_begin(jo);
	json_out_object_begin(jo);
	json_out_kstr(jo, "path", "overview");
	json_out_key(jo, "children");
	json_out_array_begin(jo);
	json_out_object_begin(jo);
	json_out_kint(jo, "n", 1);
	json_out_object_end(jo);
	json_out_array_end(jo);
	json_out_key(jo, "blocks");
	json_out_array_begin(jo);
	json_out_array_end(jo);
	json_out_object_end(jo);
	json_out_object_begin(jo);
	json_out_kbool(jo, "a\"key", 0);
	json_out_kreal(jo, "v", 1.5);
	json_out_object_end(jo);
	json_out_array_end(jo);
	got = doc(jo);
	tap_is_str(got, "[\n{\"path\":\"overview\",\"children\":[{\"n\":1}],"
	    "\"blocks\":[]},\n{\"a\\\"key\":false,\"v\":1.5}\n]\n",
	    "objects in arrays in objects; the outer elements one a line");
	free(got);
	json_out_free(jo);
}

static void
test_layout(void)
{
	struct json_out	*jo = jo_new();
	char		*a, *b;

	json_out_array_begin(jo);
	json_out_array_end(jo);
	a = doc(jo);
	tap_is_str(a, "[]\n", "an empty array is [] and a newline");
	free(a);
	json_out_free(jo);

	/* Flushed element by element or at once: the same document. */
	jo = jo_new();
	json_out_array_begin(jo);
	json_out_str(jo, "x");
	a = doc(jo);
	json_out_str(jo, "y");
	json_out_array_end(jo);
	b = doc(jo);
	tap_is_str(a, "[\n\"x\"", "a flush writes what has gathered");
	tap_is_str(b, ",\n\"y\"\n]\n", "and the rest follows on");
	free(a);
	free(b);
	b = doc(jo);
	tap_is_str(b, "", "a flush after the end writes nothing more");
	free(b);
	json_out_free(jo);
	json_out_free(NULL);
	tap_ok(1, "json_out_free(NULL) does nothing");
}

/* Nesting as deep as the data: a chain of sections, children in each. */
static void
test_deep(void)
{
	struct json_out	*jo = jo_new();
	const char	*start = "{\"level\":0,\"children\":[{\"level\":1,";
	char		*got;
	size_t		 i, n = 1000, opens = 0, closes = 0;
	int		 right = 1;

	for (i = 0; i < n; i++) {
		json_out_object_begin(jo);
		json_out_kint(jo, "level", (int64_t)i);
		json_out_key(jo, "children");
		json_out_array_begin(jo);
	}
	for (i = 0; i < n; i++) {
		json_out_array_end(jo);
		json_out_object_end(jo);
	}
	got = doc(jo);
	tap_ok(got != NULL, "%zu levels of objects in arrays are written", n);
	for (i = 0; got != NULL && got[i] != '\0'; i++) {
		opens += got[i] == '{';
		closes += got[i] == '}';
		/* Inside: {"level":K,"children":[{...}]} */
		if (got[i] == '[' && got[i + 1] != '{' && got[i + 1] != ']')
			right = 0;
	}
	tap_ok(opens == n && closes == n, "... each opened and closed once "
	    "(%zu and %zu)", opens, closes);
	tap_ok(right && got != NULL && strncmp(got, start,
	    strlen(start)) == 0, "... in order");
	free(got);
	json_out_free(jo);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_strings();
	test_numbers();
	test_nesting();
	test_layout();
	test_deep();
	return tap_done();
}
