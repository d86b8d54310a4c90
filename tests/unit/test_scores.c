/*
 * test_scores.c: unit tests for core/scores.h.
 *
 * "Score: N" lines exactly as printed, wording lines of both years with
 * a hyphen or an en dash, overall scores in running text, rating words,
 * the bands at each edge, and the percentage against a computation in
 * floating point for every sum of nine statements.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/scores.h"
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

struct int_case {
	const char	*s;
	int		 want;
};

static const struct int_case line_cases[] = {
	{ "Score: 1", 1 }, { "Score: 3", 3 }, { "Score: 4", 4 },
	{ "Score: 0", 0 }, { "Score: 5", 0 }, { "Score: 34", 0 },
	{ "Score: 3 ", 0 }, { "Score: 3.", 0 }, { "score: 3", 0 },
	{ "Score:3", 0 }, { " Score: 3", 0 }, { "Score: ", 0 },
	{ "Score: \xff", 0 }, { "Score: ３", 0 }, { "", 0 },
	{ "Score: 3\t", 0 },
};

struct wording_case {
	const char	*s;
	int		 want;
	const char	*wording;
};

static const struct wording_case wording_cases[] = {
	{ "3 - Evidence shows a good standard", 3,
	  "Evidence shows a good standard" },
	{ "3 - Good: Evidence shows a good standard", 3,
	  "Good: Evidence shows a good standard" },
	{ "2 – Evidence shows some shortfalls", 2,
	  "Evidence shows some shortfalls" },
	{ "1 – Inadequate: Evidence shows significant shortfalls", 1,
	  "Inadequate: Evidence shows significant shortfalls" },
	{ "4 - Evidence shows an exceptional standard", 4,
	  "Evidence shows an exceptional standard" },
	{ "5 - Evidence shows a good standard", 0, NULL },
	{ "0 - Evidence shows a good standard", 0, NULL },
	{ "13 - Evidence shows a good standard", 0, NULL },
	{ "3 Evidence shows a good standard", 0, NULL },
	{ "3 - The council’s £ spending", 0, NULL },
	{ "3 - Good", 0, NULL },
	{ "3 - 日本語", 0, NULL },
	{ "Score: 3", 0, NULL },
	{ "", 0, NULL },
};

static const struct int_case overall_cases[] = {
	{ "Dorset scored 78 out of 100 overall.", 78 },
	{ "It scored 0 out of 100", 0 },
	{ "It scored 100 out of 100", 100 },
	{ "It scored 101 out of 100", -1 },
	{ "It scored 78 out of 90", -1 },
	{ "It scored seventy out of 100", -1 },
	{ "It scored 78", -1 },
	{ "£78 out of 100, the council’s 日本語", -1 },
	{ "", -1 },
};

struct str_case {
	const char	*s;
	const char	*want;
};

static const struct str_case rating_cases[] = {
	{ "Outstanding", "Outstanding" },
	{ "Good", "Good" },
	{ "Requires improvement", "Requires improvement" },
	{ "Inadequate", "Inadequate" },
	{ "Good ", NULL },
	{ "Good.", NULL },
	{ "Overall: Good", NULL },
	{ "Good\xff", NULL },
	{ "", NULL },
};

struct band_case {
	int		 overall;
	const char	*want;
};

static const struct band_case band_cases[] = {
	{ 0, NULL }, { 24, NULL }, { 25, "Inadequate" }, { 38, "Inadequate" },
	{ 39, "Requires improvement" }, { 62, "Requires improvement" },
	{ 63, "Good" }, { 87, "Good" }, { 88, "Outstanding" },
	{ 100, "Outstanding" },
};

static void
test_lines(void)
{
	static const char	 line[] = "3 - Evidence shows";
	size_t			 i;
	const char		*w;

	for (i = 0; i < NITEMS(line_cases); i++)
		tap_is_int(scores_line(line_cases[i].s), line_cases[i].want,
		    line_cases[i].s);
	for (i = 0; i < NITEMS(wording_cases); i++) {
		w = NULL;
		tap_is_int(scores_wording(wording_cases[i].s, &w),
		    wording_cases[i].want, wording_cases[i].s);
		if (wording_cases[i].want != 0)
			tap_is_str(w, wording_cases[i].wording,
			    "... its wording");
	}
	w = NULL;
	scores_wording(line, &w);
	tap_ok(w == line + 4, "the wording points into the line");
}

static void
test_overall(void)
{
	size_t	 i;

	for (i = 0; i < NITEMS(overall_cases); i++)
		tap_is_int(scores_overall(overall_cases[i].s),
		    overall_cases[i].want, overall_cases[i].s);
	for (i = 0; i < NITEMS(rating_cases); i++)
		tap_is_str(scores_rating(rating_cases[i].s),
		    rating_cases[i].want, rating_cases[i].s);
	tap_ok(scores_rating("Good") != scores_rating("Outstanding"),
	    "different words, different ratings");
}

static void
test_bands(void)
{
	size_t	 i;
	char	 name[64];
	int	 sum, want, bad = 0;

	for (i = 0; i < NITEMS(band_cases); i++) {
		snprintf(name, sizeof name, "scores_band(%d)",
		    band_cases[i].overall);
		tap_is_str(scores_band(band_cases[i].overall),
		    band_cases[i].want, name);
	}
	tap_is_int(scores_percent(28, SCORES_STATEMENTS), 78, "28/36 is 78");
	tap_is_int(scores_percent(27, SCORES_STATEMENTS), 75, "27/36 is 75");
	tap_is_int(scores_percent(1, 2), 13, "1/8 rounds half up to 13");
	tap_is_int(scores_percent(3, 1), 75, "3/4 is 75");
	for (sum = SCORES_STATEMENTS; sum <= SCORES_STATEMENTS * SCORES_MAX;
	    sum++) {
		want = (int)(100.0 * sum /
		    (SCORES_STATEMENTS * SCORES_MAX) + 0.5);
		if (scores_percent(sum, SCORES_STATEMENTS) != want) {
			printf("# sum %d: got %d, want %d\n", sum,
			    scores_percent(sum, SCORES_STATEMENTS), want);
			bad++;
		}
	}
	tap_is_int(bad, 0, "every sum of nine scores, as in floating point");
	tap_is_str(scores_band(scores_percent(SCORES_STATEMENTS,
	    SCORES_STATEMENTS)), "Inadequate", "all 1s is the lowest band");
	tap_is_str(scores_band(scores_percent(SCORES_STATEMENTS * SCORES_MAX,
	    SCORES_STATEMENTS)), "Outstanding", "all 4s is the highest");
}

/* The score a wording's words give, in both published forms. */
static void
test_words(void)
{
	static const struct {
		const char	*s;
		int		 want;
	} t[] = {
		{ "Evidence shows significant shortfalls", 1 },
		{ "Inadequate: Evidence shows significant shortfalls", 1 },
		{ "Evidence shows some shortfalls", 2 },
		{ "Requires improvement: Evidence shows some shortfalls", 2 },
		{ "Evidence shows a good standard", 3 },
		{ "Good: Evidence shows a good standard", 3 },
		{ "Evidence shows an exceptional standard", 4 },
		{ "Outstanding: Evidence shows an exceptional standard", 4 },
		{ "Evidence shows a good standard £ 日本語", 0 },
		{ "", 0 },
	};
	size_t	 i;

	for (i = 0; i < sizeof t / sizeof *t; i++)
		tap_is_int(scores_words(t[i].s), t[i].want, t[i].s);
}

int
main(void)
{
	test_lines();
	test_words();
	test_overall();
	test_bands();
	return tap_done();
}
