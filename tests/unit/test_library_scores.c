/*
 * test_library_scores.c: the frameworks' statements and an assessment's
 * scores (library_scores.c), on a database made here with made-up
 * scores (MADE UP: no such council).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db.h"
#include "core/library_scores.h"
#include "core/xmalloc.h"
#include "../tap.h"

static const struct {
	const char	*fw, *name;
	int		 want;
} finds[] = {
	{ "la", "Assessing needs", 0 },
	{ "la", "assessing-needs", 0 },
	{ "la", "ASSESSING   NEEDS", 0 },
	{ "la", "Supporting people to lead healthier lives", 1 },
	{ "la", "supporting-people-to-live-healthier-lives", 1 },
	{ "la", "Safe pathways, systems and transitions", 5 },
	{ "la", "Learning, improvement and innovation", 8 },
	{ "la", "Freedom to speak up", -1 },
	{ "ics", "Freedom to speak up", 4 },
	{ "ics", "Capable and compassionate leaders", 1 },
	{ "ics", "Safeguarding", 16 },
	{ "ics", "Assessing needs", -1 },
	{ "ics", "People\xe2\x80\x99s experience \xe6\x97\xa5\xe6\x9c\xac", -1 },
	{ "ics", "", -1 },
	{ "xx", "Safeguarding", -1 },
};

static void
test_frameworks(void)
{
	const struct library_statement	*st;
	size_t				 i, n;

	st = library_statements("ics", &n);
	tap_ok(st != NULL && n == 17, "ics: 17 statements");
	tap_is_str(st[0].theme, "Leadership", "ics: Leadership first");
	tap_is_str(st[16].name, "Safeguarding", "ics: Safeguarding last");
	st = library_statements("la", &n);
	tap_ok(st != NULL && n == 9, "la: 9 statements");
	tap_is_str(st[0].theme, "Working with people", "la: its first theme");
	tap_is_str(st[8].theme, "Leadership", "la: Leadership last");
	tap_ok(library_statements("other", &n) == NULL && n == 0,
	    "no other framework");
	for (i = 0; i < sizeof finds / sizeof *finds; i++)
		tap_is_int(library_statement_find(finds[i].fw, finds[i].name),
		    finds[i].want, finds[i].name);
}

static const char rows[] =
	"INSERT INTO nodes VALUES (1, NULL, 'part', 'x', 'X', '', NULL, "
	"NULL, 'x');"
	"INSERT INTO places VALUES ('made-up', 'council', 'Made-up', 1);"
	"INSERT INTO figures VALUES (1, 'overall-score', 'Overall', "
	"'made-up', 64, '64', 'score', 100, '', 'value', NULL, '', 1);"
	"INSERT INTO figures VALUES (2, 'score-assessing-needs', "
	"'Assessing needs', 'made-up', 2, 'Score: 2', 'score', 4, '', "
	"'value', NULL, '', 1);"
	"INSERT INTO figures VALUES (3, 'score-safe-pathways-systems-and-"
	"transitions', 'Safe pathways, systems and transitions', 'made-up', "
	"4, 'Score: 4', 'score', 4, '', 'value', NULL, '', 1);"
	/* A second score of a statement: the first one given counts. */
	"INSERT INTO figures VALUES (4, 'score-assessing-needs', "
	"'Assessing needs', 'made-up', 3, 'Score: 3', 'score', 4, '', "
	"'value', NULL, '', 1);"
	/* Points of something else: no score of the framework. */
	"INSERT INTO figures VALUES (5, 'health-index', 'Index', 'made-up', "
	"3, '3', 'score', 4, '', 'value', NULL, '', 1);"
	"INSERT INTO figures VALUES (6, 'score-freedom-to-speak-up', "
	"'Freedom to speak up', 'made-up', 1, 'Score: 1', 'score', 4, '', "
	"'value', NULL, '', 1);";

static void
test_read(void)
{
	struct library_scores	 s;
	struct db		*db;
	char			 path[] = "/tmp/test_library_scores.XXXXXX";
	char			*cause = NULL, *file;
	size_t			 i;
	int			 sum = 0;

	if (mkdtemp(path) == NULL)
		return;
	file = xasprintf("%s/s.db", path);
	db = db_open(file, DB_CREATE | DB_SCRATCH, &cause);
	tap_ok(db != NULL && db_exec(db, rows, &cause) == 0,
	    "a database of made-up scores");
	tap_ok(library_scores_read(db, "la", &s, &cause) == 0, "read them");
	tap_is_int(s.overall, 64, "the overall score");
	tap_is_int(s.score[0], 2, "a statement's: the first one given");
	tap_is_int(s.score[5], 4, "a published variant's name");
	for (i = 0; i < s.n; i++)
		sum += s.score[i];
	tap_is_int(sum, 6, "nothing else: other points, another framework's");
	library_scores_free(&s);
	tap_ok(library_scores_read(db, "ics", &s, &cause) == 0 &&
	    s.score[4] == 1 && s.n == 17, "read as ics: its statement");
	library_scores_free(&s);
	db_close(db, NULL);
	unlink(file);
	rmdir(path);
	free(file);
	free(cause);
}

int
main(void)
{
	test_frameworks();
	test_read();
	return tap_done();
}
