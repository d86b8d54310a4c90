/*
 * library_scores.c: the frameworks' statements and an assessment's
 * scores (see library_scores.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/db.h"
#include "core/library_scores.h"
#include "core/model.h"
#include "core/xmalloc.h"

#define LEAD	"Leadership"
#define INTEG	"Integration"
#define QS	"Quality and safety"
#define WWP	"Working with people"
#define PS	"Providing support"
#define SAFE	"How the local authority ensures safety within the system"

static const struct library_statement ics_statements[] = {
	{ LEAD, "Shared direction and culture" },
	{ LEAD, "Capable, compassionate and inclusive leaders" },
	{ LEAD, "Governance, management and sustainability" },
	{ LEAD, "Partnerships and communities" },
	{ LEAD, "Freedom to speak up" },
	{ LEAD, "Learning, improvement and innovation" },
	{ LEAD, "Environmental sustainability" },
	{ LEAD, "Workforce equality, diversity and inclusion" },
	{ INTEG, "Safe systems, pathways and transitions" },
	{ INTEG, "Care provision, integration and continuity" },
	{ INTEG, "How staff, teams and services work together" },
	{ QS, "Supporting people to live healthier lives" },
	{ QS, "Learning culture" },
	{ QS, "Safe and effective staffing" },
	{ QS, "Equity in access" },
	{ QS, "Equity in experience and outcomes" },
	{ QS, "Safeguarding" },
};

static const struct library_statement la_statements[] = {
	{ WWP, "Assessing needs" },
	{ WWP, "Supporting people to live healthier lives" },
	{ WWP, "Equity in experience and outcomes" },
	{ PS, "Care provision, integration and continuity" },
	{ PS, "Partnerships and communities" },
	{ SAFE, "Safe systems, pathways and transitions" },
	{ SAFE, "Safeguarding" },
	{ LEAD, "Governance, management and sustainability" },
	{ LEAD, "Learning, improvement and innovation" },
};

/* Published names of a statement beside the framework's, as slugs. */
static const struct {
	const char	*variant;
	const char	*name;
} variants[] = {
	{ "supporting-people-to-lead-healthier-lives",
	  "Supporting people to live healthier lives" },
	{ "safe-pathways-systems-and-transitions",
	  "Safe systems, pathways and transitions" },
	{ "capable-and-compassionate-leaders",
	  "Capable, compassionate and inclusive leaders" },
};

const struct library_statement *
library_statements(const char *framework, size_t *n)
{
	if (strcmp(framework, "ics") == 0) {
		*n = sizeof ics_statements / sizeof *ics_statements;
		return ics_statements;
	}
	if (strcmp(framework, "la") == 0) {
		*n = sizeof la_statements / sizeof *la_statements;
		return la_statements;
	}
	*n = 0;
	return NULL;
}

int
library_statement_find(const char *framework, const char *name)
{
	const struct library_statement	*st;
	const char			*canon = NULL;
	char				*slug, *s;
	size_t				 i, n;
	int				 found = -1;

	if ((st = library_statements(framework, &n)) == NULL)
		return -1;
	slug = slug_make(name);
	for (i = 0; i < sizeof variants / sizeof *variants; i++)
		if (strcmp(slug, variants[i].variant) == 0)
			canon = variants[i].name;
	for (i = 0; i < n && found < 0; i++) {
		if (canon != NULL) {
			if (strcmp(st[i].name, canon) == 0)
				found = (int)i;
			continue;
		}
		s = slug_make(st[i].name);
		if (strcmp(s, slug) == 0)
			found = (int)i;
		free(s);
	}
	free(slug);
	return found;
}

/* One score figure: the overall, or a statement's (the first one given). */
static void
library_scores_one(struct library_scores *s, const char *framework,
    const char *measure, const char *label, int value)
{
	int	 i;

	if (strcmp(measure, "overall-score") == 0) {
		if (s->overall < 0)
			s->overall = value;
		return;
	}
	if ((i = library_statement_find(framework, label)) < 0)
		i = library_statement_find(framework, measure + 6);
	if (i >= 0 && s->score[i] == 0)
		s->score[i] = value;
}

int
library_scores_read(struct db *db, const char *framework,
    struct library_scores *s, char **cause)
{
	sqlite3_stmt	*st;
	int		 r;

	library_statements(framework, &s->n);
	s->score = xcalloc(s->n + 1, sizeof *s->score);
	s->overall = -1;
	if (db_prepare(db, "SELECT measure, label, CAST(value AS INTEGER) "
	    "FROM figures WHERE unit = 'score' AND ((measure = "
	    "'overall-score' AND out_of = 100) OR (measure LIKE 'score-%' "
	    "AND out_of = 4)) ORDER BY id", &st, cause) != 0)
		return -1;
	while ((r = sqlite3_step(st)) == SQLITE_ROW)
		library_scores_one(s, framework,
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    sqlite3_column_int(st, 2));
	if (r != SQLITE_DONE)
		*cause = db_cause(db, "cannot read the scores");
	sqlite3_finalize(st);
	return r == SQLITE_DONE ? 0 : -1;
}

void
library_scores_free(struct library_scores *s)
{
	free(s->score);
	s->score = NULL;
	s->n = 0;
}
