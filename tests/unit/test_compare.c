/*
 * test_compare.c: unit tests for core/compare.h.
 *
 * A dataset made for the purpose, imported into memory: two places with
 * figures of shared measures, of their own, a target beside a value of
 * the same measure, a rank, and one
 * compared in the text with the other's and called better.  The rows must
 * come shared first in the first place's order, then the first's own,
 * then the second's; targets line up with targets only; only the text's
 * own word makes a side better; bars only where the units agree and it is
 * not a rank.  places_find() takes a code, a prefix of a name, case aside
 * and '-' like ' ', and refuses what is ambiguous or unknown by listing.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/compare.h"
#include "core/csv_import.h"
#include "core/db.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "../tap.h"

static const char *const files[][2] = {
	{ "meta", "key,value\ntitle,Two places\npublisher,Test\n"
	    "published,2024\n" },
	{ "sources", "code,title,publisher,date\n" },
	{ "nodes", "id,parent,kind,slug,title,heading,link,source\n"
	    "1,,part,places,Places,,,\n"
	    "2,1,place,east,East Side,,,\n"
	    "3,1,place,west,West – £ Town,,,\n"
	    "4,1,place,england,England,,,\n"
	    "5,,part,report,Report,,,\n" },
	{ "blocks", "node,kind,text\n"
	    "5,para,\"East has 400,000 people and West 380,000 people.\"\n"
	    "5,para,East spends £909.1 million; West has 120 beds.\n"
	    "5,para,\"12% of staff in East were harassed, better than 14% in "
	    "West.\"\n"
	    "5,para,East waits 18 weeks against a target of 16 weeks.\n"
	    "5,para,East ranks 14th of 42; West ranks 30th of 42.\n" },
	{ "places", "code,kind,name,node\neast,place,East Side,2\n"
	    "west,place,West – £ Town,3\nengland,country,England,4\n" },
	{ "figures", "id,measure,label,place,value,text,unit,out_of,period,"
	    "basis,comparator,direction,node\n"
	    "1,pop,Population,east,400000,\"400,000 people\",people,,,value,,,5\n"
	    "2,harassed,Staff harassed,east,12,12%,%,,,value,6,better,5\n"
	    "3,income,Income,east,909.1,£909.1 million,£m,,,value,,,5\n"
	    "4,wait,Weeks waited,east,18,18 weeks,weeks,,,value,,,5\n"
	    "5,wait,Weeks waited,east,16,16 weeks,weeks,,,target,,,5\n"
	    "6,harassed,Staff harassed,west,14,14%,%,,,value,,,5\n"
	    "7,pop,Population,west,380000,\"380,000 people\",people,,,value,,,5\n"
	    "8,beds,Beds,west,120,120 beds,beds,,,value,,,5\n"
	    "9,rank,Rank,east,14,14th of 42,rank,42,,value,,,5\n"
	    "10,rank,Rank,west,30,30th of 42,rank,42,,value,,,5\n" },
	{ "mentions", "node,place\n" },
};

static struct db *
make_db(const char *dir)
{
	struct db	*db;
	char		*path, *cause = NULL;
	FILE		*f;
	size_t		 i;

	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		path = xasprintf("%s/%s.csv", dir, files[i][0]);
		if ((f = fopen(path, "w")) != NULL) {
			fputs(files[i][1], f);
			fclose(f);
		}
		free(path);
	}
	db = db_open(":memory:", DB_CREATE, &cause);
	if (db == NULL || csv_import_db(db, dir, &cause) != 0) {
		printf("Bail out! %s\n", cause);
		exit(1);
	}
	return db;
}

static void
test_rows(struct db *db)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct cmp	*c = NULL;
	char		*cause = NULL;
	size_t		 i;

	tap_is_int(compare_places(db, "east", "west", &c, &cause), 0,
	    "compare east and west");
	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		strbuf_addf(&sb, "%s%s%s:%d%d:%d%d", i ? " " : "",
		    c->rows[i].measure, c->rows[i].target ? "(target)" : "",
		    c->rows[i].a.present, c->rows[i].b.present,
		    c->rows[i].a.better, c->rows[i].b.better);
	tap_is_str(strbuf_str(&sb), "pop:11:00 harassed:11:10 rank:11:00 "
	    "income:10:00 wait:10:00 wait(target):10:00 beds:01:00",
	    "shared rows first, then the first's, then the second's");
	tap_is_int((long long)c->shared, 3, "three shared measures");
	tap_is_str(c->a.name, "East Side", "place a's name");
	tap_is_str(c->b.name, "West – £ Town", "place b's name, £ and all");
	tap_is_str(c->rows[0].a.text, "400,000 people", "a side's text");
	tap_ok(c->rows[0].b.value == 380000, "b side's value");
	tap_ok(compare_barred(&c->rows[0]), "bars for the same unit");
	tap_ok(!compare_barred(&c->rows[2]), "no bars for ranks");
	tap_ok(!compare_barred(&c->rows[3]), "no bars for one side alone");
	compare_free(c);
	strbuf_free(&sb);
	compare_free(NULL);
}

struct find_case {
	const char	*what;
	const char	*code;	/* NULL: refused */
	const char	*cause;	/* in the refusal */
};

static const struct find_case find_cases[] = {
	{ "east", "east", NULL },
	{ "west", "west", NULL },
	{ "We", "west", NULL },
	{ "EAST SIDE", "east", NULL },
	{ "east-side", "east", NULL },
	{ "west – £", "west", NULL },
	{ "e", NULL, "more than one place, could be:" },
	{ "nowhere", NULL, "no such place; the places are:" },
	{ "日本", NULL, "no such place" },
	{ "", NULL, "an empty name names no place" },
};

static void
test_find(struct db *db)
{
	const struct find_case	*fc;
	struct place_rec	 r;
	char			*cause;
	size_t			 i;
	int			 rc;

	for (i = 0; i < sizeof find_cases / sizeof find_cases[0]; i++) {
		fc = &find_cases[i];
		cause = NULL;
		rc = places_find(db, fc->what, &r, &cause);
		if (fc->code != NULL)
			tap_ok(rc == 0 && strcmp(r.code, fc->code) == 0,
			    "places_find '%s' is %s%s%s", fc->what, fc->code,
			    cause ? ": " : "", cause ? cause : "");
		else
			tap_ok(rc == -1 && cause != NULL &&
			    strstr(cause, fc->cause) != NULL && r.code == NULL,
			    "places_find '%s' refused: %s", fc->what,
			    cause ? cause : "(found)");
		if (rc == 0)
			place_rec_clear(&r);
		free(cause);
	}
}

static void
test_unknown(struct db *db)
{
	struct cmp	*c = NULL;
	char		*cause = NULL;

	tap_is_int(compare_places(db, "east", "nowhere", &c, &cause), -1,
	    "compare with no such place fails");
	tap_ok(cause != NULL && strstr(cause, "nowhere") != NULL,
	    "... naming it: %s", cause ? cause : "");
	free(cause);
}

int
main(void)
{
	struct db	*db;
	const char	*t;
	char		*dir, *cmd;

	if ((t = getenv("TMPDIR")) == NULL || *t == '\0')
		t = "/tmp";
	dir = xasprintf("%s/icsb-test-compare.XXXXXX", t);
	if (mkdtemp(dir) == NULL)
		return 1;
	db = make_db(dir);
	test_rows(db);
	test_find(db);
	test_unknown(db);
	db_close(db, NULL);
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		tap_diag("cannot remove the scratch directory");
	free(cmd);
	free(dir);
	return tap_done();
}
