/*
 * test_csv_export.c: unit tests for csv_export_number() in core/csv_export.h.
 *
 * A number is written as the shortest decimal that reads back as the same
 * double, without an exponent for whole numbers below 1e15, so that
 * export, import and export again gives the same bytes.  The report's own
 * figures (£909.1 million, 822,000 people, 80.5%) must come out as
 * written; awkward doubles must at least read back exactly.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv_export.h"
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

struct number_case {
	double		 v;
	const char	*out;
};

static const struct number_case number_cases[] = {
	{ 0, "0" },
	{ 822000, "822000" },
	{ -822000, "-822000" },
	{ 909.1, "909.1" },
	{ 80.5, "80.5" },
	{ 0.1, "0.1" },
	{ 0.5, "0.5" },
	{ 3.2, "3.2" },
	{ 20, "20" },
	{ -3.25, "-3.25" },
	{ 1234.5678, "1234.5678" },
	{ 123456.789, "123456.789" },
	{ 0.1 + 0.2, "0.30000000000000004" },
	{ 999999999999999.0, "999999999999999" },
	{ 4503599627370496.0 / 8, "562949953421312" },
};

/* Significant digits written: those before any exponent, less leading 0s. */
static int
sig_digits(const char *s)
{
	int	 n = 0, lead = 1;

	for (; *s != '\0' && *s != 'e' && *s != 'E'; s++) {
		if (*s < '0' || *s > '9')
			continue;
		if (lead && *s == '0')
			continue;
		lead = 0;
		n++;
	}
	return n;
}

static void
test_table(void)
{
	char	 out[32], name[64];
	size_t	 i;

	for (i = 0; i < NITEMS(number_cases); i++) {
		memset(out, 'X', sizeof out);
		csv_export_number(number_cases[i].v, out);
		snprintf(name, sizeof name, "number %s", number_cases[i].out);
		tap_is_str(out, number_cases[i].out, name);
	}
}

struct readback_case {
	const char	*name;
	double		 v;
	int		 maxsig;	/* the shortest form's digits */
};

static const struct readback_case readback_cases[] = {
	{ "1e20", 1e20, 1 },
	{ "1e15", 1e15, 1 },
	{ "-1e300", -1e300, 1 },
	{ "1e-7", 1e-7, 1 },
	{ "2.5e-5", 2.5e-5, 2 },
	{ "1.0/3", 1.0 / 3, 16 },
	{ "2.0/3", 2.0 / 3, 16 },
	{ "1e23", 1e23, 1 },
	{ "5e-324 (least subnormal)", 5e-324, 1 },
	{ "1.7976931348623157e308 (largest)", 1.7976931348623157e308, 17 },
};

static void
test_readback(void)
{
	const struct readback_case	*c;
	char				 out[32];
	size_t				 i;

	for (i = 0; i < NITEMS(readback_cases); i++) {
		c = &readback_cases[i];
		csv_export_number(c->v, out);
		printf("# %s -> %s\n", c->name, out);
		tap_ok(strtod(out, NULL) == c->v, "%s reads back equal",
		    c->name);
		tap_ok(sig_digits(out) <= c->maxsig, "%s: at most %d digits",
		    c->name, c->maxsig);
	}
}

/* Whole numbers below 1e15 have no exponent; all read back. */
static void
test_many(void)
{
	char		 out[32];
	uint64_t	 x = 88172645463325252u, bits;
	double		 v;
	int		 i, bad = 0, exp = 0, whole = 0;

	for (i = 0; i < 20000; i++) {
		/* xorshift64: a fixed, repeatable run of bit patterns. */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		bits = x;
		memcpy(&v, &bits, sizeof v);
		if (v != v || v - v != 0)
			continue;	/* NaN or infinite */
		if (i % 2)
			v = (double)(int64_t)(x % 1000000000000000u) *
			    (i % 4 == 1 ? 1 : -1);
		csv_export_number(v, out);
		if (strtod(out, NULL) != v || sig_digits(out) > 17)
			bad++;
		if (i % 2) {
			whole++;
			exp += strchr(out, 'e') != NULL ||
			    strchr(out, '.') != NULL;
		}
	}
	tap_is_int(bad, 0, "20,000 doubles read back equal");
	tap_ok(whole > 0, "whole numbers were tried");
	tap_is_int(exp, 0, "whole numbers below 1e15: plain digits");
}

int
main(void)
{
	/* The decimal point must be '.' whatever the locale. */
	setlocale(LC_ALL, "C.UTF-8");
	test_table();
	test_readback();
	test_many();
	return tap_done();
}
