/*
 * test_library_sections.c: the sections of an assessment that line up
 * with another's (library_sections.c), on a tree made here (MADE UP: no
 * such system), given out of report order, with a published variant of
 * a statement's name, a statement twice and sections in the wrong place.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db.h"
#include "core/library_sections.h"
#include "core/xmalloc.h"
#include "../tap.h"

#define NODE(id, parent, kind, title) \
	"INSERT INTO nodes VALUES (" #id ", " #parent ", '" kind "', 's" \
	#id "', '" title "', '" title "', NULL, NULL, 'p" #id "');"

static const char rows[] =
	/* The statement's key messages come before its theme by id. */
	NODE(2, 20, "key-messages", "Key messages")
	NODE(20, 10, "statement", "Capable and compassionate leaders")
	NODE(10, NULL, "theme", "LEADERSHIP")
	NODE(11, 10, "direction", "Direction of travel")
	NODE(12, 10, "strengths", "Summary of strengths")
	NODE(13, 10, "strengths", "Summary of strengths, again")
	NODE(21, 20, "subsection", "Findings")
	NODE(30, 10, "statement", "Capable, compassionate and inclusive "
	    "leaders")
	NODE(31, 30, "key-messages", "Key messages of the second")
	NODE(40, NULL, "theme", "Quality and safety")
	NODE(41, 40, "development", "Areas for development")
	/* A summary under no theme, key messages under no statement. */
	NODE(50, NULL, "part", "Other")
	NODE(51, 50, "direction", "Direction of travel")
	NODE(52, 50, "key-messages", "Key messages")
	NODE(60, 40, "statement", "Safeguarding")
	NODE(61, 60, "key-findings", "Key findings")
	NODE(70, NULL, "statement", "Not a statement \xe6\x97\xa5\xe6\x9c\xac");

static void
test_kinds(void)
{
	tap_is_str(library_summary_kind(LIBRARY_DIRECTION), "direction",
	    "direction of travel's kind");
	tap_is_str(library_summary_kind(LIBRARY_STRENGTHS), "strengths",
	    "strengths' kind");
	tap_is_str(library_summary_kind(LIBRARY_DEVELOPMENT), "development",
	    "areas for development's kind");
}

static void
test_ics(struct db *db)
{
	struct library_sections	 s;
	char			*cause = NULL;

	tap_ok(library_sections_read(db, "ics", &s, &cause) == 0,
	    "read as ics");
	tap_is_int((long long)s.ntheme, 3, "ics: three themes");
	tap_is_int((long long)s.nstatement, 17, "ics: 17 statements");
	tap_is_str(s.theme[1].name, "Integration", "ics: its second theme");
	tap_is_int(s.theme[0].node, 10, "a theme by name, any case");
	tap_is_int(s.theme[0].summary[LIBRARY_DIRECTION], 11, "its direction");
	tap_is_int(s.theme[0].summary[LIBRARY_STRENGTHS], 12,
	    "the first of two strengths");
	tap_is_int(s.theme[0].summary[LIBRARY_DEVELOPMENT], 0,
	    "no development: 0");
	tap_is_int(s.theme[1].node, 0, "a theme the tree lacks: 0");
	tap_is_int(s.theme[2].summary[LIBRARY_DEVELOPMENT], 41,
	    "another theme's section");
	tap_is_int(s.statement[1], 20, "a published variant's name, first");
	tap_is_int(s.key[1], 2, "its key messages, though before it by id");
	tap_is_int(s.statement[16], 60, "Safeguarding");
	tap_is_int(s.key[16], 61, "its key findings count as key messages");
	tap_is_int(s.statement[0], 0, "a statement the tree lacks: 0");
	tap_is_int(library_sections_theme(&s, "quality and  safety"), 2,
	    "a theme's index by name");
	tap_is_int(library_sections_theme(&s, "Working with people"), -1,
	    "a theme of the other framework");
	library_sections_free(&s);
	tap_ok(s.theme == NULL && s.ntheme == 0, "freed and zeroed");
	free(cause);
}

static void
test_la(struct db *db)
{
	struct library_sections	 s;
	char			*cause = NULL;

	tap_ok(library_sections_read(db, "la", &s, &cause) == 0, "read as la");
	tap_is_int((long long)s.ntheme, 4, "la: four themes");
	tap_is_str(s.theme[3].name, "Leadership", "la: Leadership last");
	tap_is_int(s.theme[3].node, 10, "found by name");
	tap_is_int(s.statement[6], 60, "Safeguarding, an la statement too");
	tap_is_int(s.statement[1], 0, "an ics statement is none of la's");
	library_sections_free(&s);
	tap_ok(library_sections_read(db, "xx", &s, &cause) == 0 &&
	    s.ntheme == 0 && s.nstatement == 0, "another framework: nothing");
	library_sections_free(&s);
	free(cause);
}

int
main(void)
{
	struct library_sections	 s;
	struct db		*db;
	char			 path[] = "/tmp/test_library_sections.XXXXXX";
	char			*cause = NULL, *file;

	test_kinds();
	if (mkdtemp(path) == NULL)
		return tap_done();
	file = xasprintf("%s/s.db", path);
	db = db_open(file, DB_CREATE | DB_SCRATCH, &cause);
	tap_ok(db != NULL && db_exec(db, rows, &cause) == 0,
	    "a made-up tree");
	test_ics(db);
	test_la(db);
	db_exec(db, "DROP TABLE nodes", &cause);
	tap_ok(library_sections_read(db, "ics", &s, &cause) == -1 &&
	    cause != NULL, "no nodes table: -1 and why");
	library_sections_free(&s);
	db_close(db, NULL);
	unlink(file);
	rmdir(path);
	free(file);
	free(cause);
	return tap_done();
}
