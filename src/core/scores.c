/*
 * scores.c: reading and checking local authority scores (see scores.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/scores.h"

static const char *const ratings[] = { "Outstanding", "Good",
    "Requires improvement", "Inadequate", NULL };

/* A single digit 1-4 at s, followed by end or a non-digit; else 0. */
static int
scores_digit(const char *s)
{
	if (*s < '1' || *s > '4' || isdigit((unsigned char)s[1]))
		return 0;
	return *s - '0';
}

int
scores_line(const char *s)
{
	int	 v;

	/* Exactly as printed: a score's figure quotes this line. */
	if (strncmp(s, "Score: ", 7) != 0 || (v = scores_digit(s + 7)) == 0)
		return 0;
	return s[8] == '\0' ? v : 0;
}

int
scores_wording(const char *s, const char **wording)
{
	int	 v;

	if ((v = scores_digit(s)) == 0)
		return 0;
	s++;
	while (*s == ' ')
		s++;
	if (strncmp(s, "-", 1) == 0)
		s++;
	else if (strncmp(s, "\xe2\x80\x93", 3) == 0)	/* an en dash */
		s += 3;
	else
		return 0;
	while (*s == ' ')
		s++;
	if (strncmp(s, "Evidence shows", 14) != 0) {
		const char	*colon = strchr(s, ':');

		if (colon == NULL || strstr(colon, "Evidence shows") == NULL)
			return 0;
	}
	*wording = s;
	return v;
}

int
scores_words(const char *wording)
{
	/* Both forms end with these words, by score (REPORTS.md). */
	static const char *const words[] = { "significant shortfalls",
	    "some shortfalls", "a good standard", "an exceptional standard" };
	size_t	 i, n = strlen(wording), k;

	for (i = 0; i < sizeof words / sizeof *words; i++) {
		k = strlen(words[i]);
		if (n >= k && strncmp(wording + n - k, words[i], k) == 0)
			return (int)i + 1;
	}
	return 0;
}

int
scores_overall(const char *s)
{
	const char	*p;
	long		 v;
	char		*end;

	if ((p = strstr(s, "scored ")) == NULL)
		return -1;
	p += 7;
	if (!isdigit((unsigned char)*p))
		return -1;
	v = strtol(p, &end, 10);
	if (strncmp(end, " out of 100", 11) != 0 || v > 100)
		return -1;
	return (int)v;
}

const char *
scores_rating(const char *s)
{
	size_t	 i;

	for (i = 0; ratings[i] != NULL; i++)
		if (strcmp(s, ratings[i]) == 0)
			return ratings[i];
	return NULL;
}

const char *
scores_band(int overall)
{
	if (overall >= 88)
		return "Outstanding";
	if (overall >= 63)
		return "Good";
	if (overall >= 39)
		return "Requires improvement";
	if (overall >= 25)
		return "Inadequate";
	return NULL;
}

int
scores_percent(int sum, int n)
{
	int	 max = n * SCORES_MAX;

	/* Round half up, in integers: 100 * sum / max + 1/2. */
	return (200 * sum + max) / (2 * max);
}
