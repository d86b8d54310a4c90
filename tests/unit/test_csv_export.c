/*
 * test_csv_export.c: unit tests for core/csv_export.h: csv_export_number(),
 * then csv_export() itself.
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
#include "core/csv_import.h"
#include "core/db.h"
#include "core/strbuf.h"
#include "core/tables.h"
#include "core/xmalloc.h"
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

/* Every file of the export is the file of the dataset it came from. */
static void
test_export_same(struct db *db, const char *base, const char *out)
{
	char	*path, *a, *b, *cause = NULL;
	size_t	 i;
	int	 same = 1;

	tap_is_int(csv_export(db, out, &cause), 0, "export makes its directory");
	free(cause);
	for (i = 0; i < ntables; i++) {
		path = xasprintf("%s/%s.csv", base, tables[i].name);
		a = tap_slurp(path);
		free(path);
		path = xasprintf("%s/%s.csv", out, tables[i].name);
		b = tap_slurp(path);
		free(path);
		if (a == NULL || b == NULL || strcmp(a, b) != 0) {
			printf("# %s.csv differs\n", tables[i].name);
			same = 0;
		}
		free(a);
		free(b);
	}
	tap_ok(same, "every file comes back as it was (£, quotes and all)");
}

static void
test_export_quotes(struct db *db, const char *out)
{
	char	*path, *a, *cause = NULL;

	db_exec(db, "UPDATE meta SET value = 'A \"quoted\", title ’日本語’' "
	    "WHERE key = 'title'", &cause);
	tap_is_int(csv_export(db, out, &cause), 0, "export over it again");
	path = xasprintf("%s/meta.csv", out);
	a = tap_slurp(path);
	tap_ok(a != NULL && strstr(a, "title,\"A \"\"quoted\"\", title ’日本語’\"\n"
	    "publisher,Care Quality Commission\n") != NULL,
	    "a field is quoted when it must be, and only then");
	free(a);
	free(path);
	free(cause);
}

static void
test_export_errors(struct db *db, const char *dir)
{
	char	*path, *cause = NULL;
	FILE	*f;

	path = xasprintf("%s/out/deeper", dir);
	tap_is_int(csv_export(db, path, &cause), -1,
	    "export into a directory whose parent is missing fails");
	tap_ok(cause != NULL && strstr(cause, path) != NULL,
	    "... naming it: %s", cause ? cause : "");
	free(cause);
	cause = NULL;
	free(path);
	path = xasprintf("%s/file", dir);
	if ((f = fopen(path, "w")) != NULL)
		fclose(f);
	tap_is_int(csv_export(db, path, &cause), -1, "export into a file fails");
	tap_ok(cause != NULL && strstr(cause, "not a directory") != NULL,
	    "... saying so: %s", cause ? cause : "");
	free(cause);
	free(path);
}

/*
 * csv_export() of the small dataset of tests/malformed/base, imported
 * into memory: the files come back as they were, into a directory it
 * makes; with a title that needs quotes, fields are quoted only when they
 * must be; a missing parent or a file in the way is an error that says so.
 */
static void
test_export(void)
{
	struct db	*db;
	const char	*top, *t;
	char		*base, *dir, *out, *cmd, *cause = NULL;

	if ((top = getenv("top_srcdir")) == NULL || *top == '\0')
		top = ".";
	if ((t = getenv("TMPDIR")) == NULL || *t == '\0')
		t = "/tmp";
	base = xasprintf("%s/tests/malformed/base", top);
	dir = xasprintf("%s/icsb-test-export.XXXXXX", t);
	if (mkdtemp(dir) == NULL)
		return;
	db = db_open(":memory:", DB_CREATE, &cause);
	tap_ok(db != NULL && csv_import_db(db, base, &cause) == 0,
	    "import the base dataset");
	test_export_errors(db, dir);
	out = xasprintf("%s/out", dir);
	test_export_same(db, base, out);
	test_export_quotes(db, out);
	db_close(db, NULL);
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		tap_diag("cannot remove the scratch directory");
	free(cmd);
	free(out);
	free(dir);
	free(base);
}

int
main(void)
{
	/* The decimal point must be '.' whatever the locale. */
	setlocale(LC_ALL, "C.UTF-8");
	test_table();
	test_readback();
	test_many();
	test_export();
	return tap_done();
}
