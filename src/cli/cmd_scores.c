/*
 * cmd_scores.c: `icsbrowse scores`: the local authority scores of the
 * assessment, as figures of the assessed body with the unit "score".
 *
 * One `overall` line (PATH empty, OUT_OF 100, the rating as WORDING), then
 * one `statement` line per scored statement in report order.  WORDING is
 * what the report writes after "N - " on the score's wording line, or
 * empty where it gives only "Score: N".  Other figures in points (a
 * health index, say) are no scores of the framework: the measure says
 * which are (overall-score, score-STATEMENT).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "core/db.h"
#include "core/scores.h"
#include "core/utf8.h"
#include "core/xmalloc.h"

#define SCORES_SQL \
	"SELECT CASE WHEN f.out_of = 100 THEN 'overall' ELSE 'statement' END, " \
	"CASE WHEN f.out_of = 100 THEN '' ELSE n.path END, " \
	"CASE WHEN f.out_of = 100 THEN p.name ELSE f.label END, " \
	"CAST(f.value AS INTEGER), f.out_of, f.text, " \
	"(SELECT value FROM meta WHERE key = 'rating') " \
	"FROM figures f JOIN nodes n ON n.id = f.node " \
	"JOIN places p ON p.code = f.place WHERE f.unit = 'score' AND " \
	"((f.out_of = 100 AND f.measure = 'overall-score') OR " \
	"(f.out_of = 4 AND f.measure LIKE 'score-%')) " \
	"ORDER BY f.out_of = 100 DESC, f.id"

static void
scores_field(const unsigned char *s, int last)
{
	const char	*t = s != NULL ? (const char *)s : "";
	char		*clean;

	clean = utf8_clean(t, strlen(t), 0);
	fputs(clean, stdout);
	putchar(last ? '\n' : '\t');
	free(clean);
}

static void
scores_row(sqlite3_stmt *st)
{
	const char	*text = (const char *)sqlite3_column_text(st, 5);
	const char	*wording = "";
	int		 overall = sqlite3_column_int(st, 4) == 100;

	if (overall)
		wording = (const char *)sqlite3_column_text(st, 6);
	else if (text == NULL || scores_wording(text, &wording) == 0)
		wording = "";
	scores_field(sqlite3_column_text(st, 0), 0);
	scores_field(sqlite3_column_text(st, 1), 0);
	scores_field(sqlite3_column_text(st, 2), 0);
	printf("%d\t%d\t", sqlite3_column_int(st, 3),
	    sqlite3_column_int(st, 4));
	scores_field((const unsigned char *)wording, 1);
}

static int
scores_list(struct db *db, char **cause)
{
	sqlite3_stmt	*st;
	int		 r, n = 0, rc = CLI_FAIL;

	if (db_prepare(db, SCORES_SQL, &st, cause) != 0)
		return CLI_FAIL;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		scores_row(st);
		n++;
	}
	if (r != SQLITE_DONE)
		*cause = db_cause(db, "cannot read the scores");
	else if (n == 0)
		*cause = xasprintf("%s: no scores: the assessment has no "
		    "'Score:' lines (an ICS report has none)", db_path(db));
	else
		rc = CLI_OK;
	sqlite3_finalize(st);
	return rc;
}

int
cmd_scores(const struct cli *c, int argc, char **argv, char **cause)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct db	*db;
	int		 ch, rc;

	while ((ch = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		if (ch == 'h') {
			printf("Usage: icsbrowse scores [NAME...]\n");
			return CLI_OK;
		}
		*cause = xasprintf("scores: unknown option '%s'",
		    argv[optind - 1]);
		return CLI_USAGE;
	}
	/* Assessments of the library, side by side (cmd_assess.c). */
	if (optind < argc)
		return cmd_scores_side(c, argv + optind, argc - optind, cause);
	if ((db = cli_open_db(c, cause)) == NULL)
		return CLI_FAIL;
	rc = scores_list(db, cause);
	db_close(db, NULL);
	return rc;
}
