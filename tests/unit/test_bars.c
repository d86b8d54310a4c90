/*
 * test_bars.c: bars scaled within a row (bars.c), and which rows of a
 * comparison get bars at all (compare_barred).
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/bars.h"
#include "core/compare.h"
#include "core/utf8.h"
#include "../tap.h"

struct eighths_case {
	const char	*name;
	double		 v, max;
	int		 width, want;
};

static const struct eighths_case eighths_cases[] = {
	{ "zero is no bar", 0, 10, 16, 0 },
	{ "a negative value is no bar", -3, 10, 16, 0 },
	{ "the largest fills the width", 10, 10, 16, 128 },
	{ "equal values are equal bars", 42, 42, 16, 128 },
	{ "half is half", 5, 10, 16, 64 },
	{ "a tiny value still shows", 1, 1e9, 16, 1 },
	{ "very different magnitudes", 822000, 56000000, 16, 2 },
	{ "no width, no bar", 5, 10, 0, 0 },
	{ "max zero: nothing to scale by", 0, 0, 16, 0 },
	{ "max negative: nothing to scale by", 1, -1, 16, 0 },
	{ "not a number is no bar", NAN, 10, 16, 0 },
	{ "infinity is no bar", INFINITY, INFINITY, 16, 0 },
	{ "over the max is clipped", 20, 10, 16, 128 },
	{ "rounds to the nearest eighth", 80.5, 84.8, 2, 15 },
};

static void
test_eighths(void)
{
	const struct eighths_case	*c;
	size_t				 i;

	for (i = 0; i < sizeof eighths_cases / sizeof eighths_cases[0]; i++) {
		c = &eighths_cases[i];
		tap_is_int(bar_eighths(c->v, c->max, c->width), c->want,
		    c->name);
	}
}

static void
test_make(void)
{
	char	*b;

	b = bar_make(10, 10, 4, 0);
	tap_is_str(b, "████", "a full bar is whole blocks");
	tap_is_int(utf8_width(b, strlen(b)), 4, "and is as wide as asked");
	free(b);
	b = bar_make(5, 8, 1, 0);
	tap_is_str(b, "▋", "five eighths of a column is U+258B ▋");
	free(b);
	b = bar_make(4, 8, 1, 0);
	tap_is_str(b, "▌", "half a column is U+258C ▌");
	free(b);
	b = bar_make(1, 8, 2, 0);
	tap_is_str(b, "▎", "one eighth of two columns is ▎");
	free(b);
	b = bar_make(0, 8, 4, 0);
	tap_is_str(b, "", "zero draws nothing");
	free(b);
	b = bar_make(10, 10, 4, 1);
	tap_is_str(b, "####", "ASCII: a full bar");
	free(b);
	b = bar_make(1, 1000, 4, 1);
	tap_is_str(b, "#", "ASCII: a tiny value still shows one #");
	free(b);
	b = bar_make(5, 10, 4, 1);
	tap_is_str(b, "##", "ASCII: half of four columns");
	free(b);
}

static struct cmp_row
row(const char *ua, int out_a, double va, const char *ub, int out_b,
    double vb, int b_present)
{
	struct cmp_row	 r;

	memset(&r, 0, sizeof r);
	r.a.present = 1;
	r.a.unit = (char *)ua;
	r.a.out_of = out_a;
	r.a.value = va;
	r.b.present = b_present;
	r.b.unit = (char *)ub;
	r.b.out_of = out_b;
	r.b.value = vb;
	return r;
}

static void
test_barred(void)
{
	struct cmp_row	 r;

	r = row("%", 0, 8, "%", 0, 12, 1);
	tap_ok(compare_barred(&r), "percentages against percentages: bars");
	r = row("%", 0, 8, "people", 0, 822000, 1);
	tap_ok(!compare_barred(&r), "percentages against counts: no bars "
	    "(never one scale across units)");
	r = row("rank", 42, 7, "rank", 42, 14, 1);
	tap_ok(!compare_barred(&r), "ranks (7th of 42) are ranks, not bars");
	r = row("rank", 0, 7, "", 0, 0, 0);
	tap_ok(!compare_barred(&r), "a rank without a field is still a rank");
	r = row("%", 0, 8, "", 0, 0, 0);
	tap_ok(!compare_barred(&r), "one side missing: no bar (one scaled to "
	    "itself says nothing)");
	r = row("£m", 0, -20, "£m", 0, 3, 1);
	tap_ok(!compare_barred(&r), "a negative value: no bars");
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_eighths();
	test_make();
	test_barred();
	return tap_done();
}
