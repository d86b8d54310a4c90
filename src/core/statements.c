/*
 * statements.c: the framework's quality statements and their published
 * names (see statements.h).
 */
#include "config.h"

#include <assert.h>
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "core/statements.h"

#define LEAD	"Leadership"
#define INTEG	"Integration"
#define QS	"Quality and safety"
#define WWP	"Working with people"
#define PS	"Providing support"
#define SAFE	"How the local authority ensures safety within the system"

const struct statement statements[] = {
	{ "Shared direction and culture", LEAD, NULL },
	{ "Capable, compassionate and inclusive leaders", LEAD, NULL },
	{ "Governance, management and sustainability", LEAD, LEAD },
	{ "Partnerships and communities", LEAD, PS },
	{ "Freedom to speak up", LEAD, NULL },
	{ "Learning, improvement and innovation", LEAD, LEAD },
	{ "Environmental sustainability", LEAD, NULL },
	{ "Workforce equality, diversity and inclusion", LEAD, NULL },
	{ "Safe systems, pathways and transitions", INTEG, SAFE },
	{ "Care provision, integration and continuity", INTEG, PS },
	{ "How staff, teams and services work together", INTEG, NULL },
	{ "Supporting people to live healthier lives", QS, WWP },
	{ "Learning culture", QS, NULL },
	{ "Safe and effective staffing", QS, NULL },
	{ "Equity in access", QS, NULL },
	{ "Equity in experience and outcomes", QS, WWP },
	{ "Safeguarding", QS, SAFE },
	{ "Assessing needs", NULL, WWP },
};
const size_t nstatements = sizeof statements / sizeof statements[0];

/* Names published for a statement or theme, beside the framework's own. */
static const struct {
	const char	*variant;
	const char	*name;
} variants[] = {
	{ "Supporting people to lead healthier lives",
	  "Supporting people to live healthier lives" },
	{ "Safe pathways, systems and transitions",
	  "Safe systems, pathways and transitions" },
	{ "Capable and compassionate leaders",
	  "Capable, compassionate and inclusive leaders" },
	{ "Ensuring safety within the system", SAFE },
	{ "Ensuring safety in the system", SAFE },
};

static const char *const la_themes[] = { WWP, PS, SAFE, LEAD };

/*
 * Whether s[i..] opens with ’ (E2 80 99).  Byte by byte, not memcmp():
 * a name is compared with some fifty of ours at every line of a report,
 * and nearly every byte is not E2, which the first test settles.
 */
#define RSQUO_AT(s, i) ((unsigned char)(s)[i] == 0xe2 && \
	(unsigned char)(s)[(i) + 1] == 0x80 && (unsigned char)(s)[(i) + 2] == 0x99)

/* Next byte of a name as compared: lower case, ’ as ', spaces as one. */
static size_t
statements_next(const char *s, size_t i, size_t len, int *c)
{
	if (i + 3 <= len && RSQUO_AT(s, i)) {
		*c = '\'';
		return i + 3;
	}
	if (isspace((unsigned char)s[i])) {
		while (i < len && isspace((unsigned char)s[i]))
			i++;
		*c = ' ';
		return i;
	}
	*c = tolower((unsigned char)s[i]);
	return i + 1;
}

static size_t
statements_trim(const char *s, size_t len)
{
	while (len > 0 && (isspace((unsigned char)s[len - 1]) ||
	    s[len - 1] == '.'))
		len--;
	return len;
}

int
statements_same(const char *a, size_t alen, const char *b)
{
	size_t	 i = 0, j = 0;
	int	 ca, cb;

	/* b is walked to its NUL, not measured first: most differ at once. */
	alen = statements_trim(a, alen);
	while (i < alen && isspace((unsigned char)a[i]))
		i++;
	while (i < alen && b[j] != '\0') {
		i = statements_next(a, i, alen, &ca);
		/* Ours end at their NUL, which ends a ’ or a run of spaces. */
		j = statements_next(b, j, SIZE_MAX, &cb);
		if (ca != cb)
			return 0;
	}
	return i == alen && b[j] == '\0';
}

int
statements_first(const char *s, size_t len)
{
	size_t	 i = 0;
	int	 c;

	len = statements_trim(s, len);
	while (i < len && isspace((unsigned char)s[i]))
		i++;
	if (i == len)
		return -1;
	statements_next(s, i, len, &c);
	return c;
}

int
statements_may_be(int first, const char *b)
{
	/* Ours open with a letter: no space or ’ to fold first. */
	assert(isalpha((unsigned char)b[0]));
	return tolower((unsigned char)b[0]) == first;
}

/* The canonical name s stands for: itself, or through a variant. */
static const char *
statements_canonical(const char *s, size_t len, int first)
{
	size_t	 i;

	for (i = 0; i < sizeof variants / sizeof variants[0]; i++)
		if (statements_may_be(first, variants[i].variant) &&
		    statements_same(s, len, variants[i].variant))
			return variants[i].name;
	return NULL;
}

const struct statement *
statements_find(const char *s, size_t len)
{
	int		 first = statements_first(s, len);
	const char	*canon = statements_canonical(s, len, first);
	size_t		 i;

	for (i = 0; i < nstatements; i++)
		if (canon != NULL ? strcmp(canon, statements[i].name) == 0 :
		    statements_may_be(first, statements[i].name) &&
		    statements_same(s, len, statements[i].name))
			return &statements[i];
	return NULL;
}

const char *
statements_la_theme(const char *s, size_t len)
{
	int		 first = statements_first(s, len);
	const char	*canon = statements_canonical(s, len, first);
	size_t		 i;

	for (i = 0; i < sizeof la_themes / sizeof la_themes[0]; i++)
		if (canon != NULL ? strcmp(canon, la_themes[i]) == 0 :
		    statements_may_be(first, la_themes[i]) &&
		    statements_same(s, len, la_themes[i]))
			return la_themes[i];
	return NULL;
}
