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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/format.h"
#include "cli/opts.h"
#include "core/db.h"
#include "core/json_out.h"
#include "core/scores.h"
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

/* One score: its fields as the TSV and the JSON give them. */
struct scores_line {
	const char	*kind, *path, *title, *wording;
	int		 score, out_of;
};

static void
scores_read(sqlite3_stmt *st, struct scores_line *l)
{
	const char	*text = (const char *)sqlite3_column_text(st, 5);

	l->kind = (const char *)sqlite3_column_text(st, 0);
	l->path = (const char *)sqlite3_column_text(st, 1);
	l->title = (const char *)sqlite3_column_text(st, 2);
	l->score = sqlite3_column_int(st, 3);
	l->out_of = sqlite3_column_int(st, 4);
	l->wording = "";
	if (l->out_of == 100)
		l->wording = (const char *)sqlite3_column_text(st, 6);
	else if (text == NULL || scores_wording(text, &l->wording) == 0)
		l->wording = "";
	if (l->wording == NULL)
		l->wording = "";
}

static void
scores_tsv(const struct scores_line *l)
{
	char	 n[32];

	format_tsv_field(l->kind, 0);
	format_tsv_field(l->path, 0);
	format_tsv_field(l->title, 0);
	snprintf(n, sizeof n, "%d", l->score);
	format_tsv_field(n, 0);
	snprintf(n, sizeof n, "%d", l->out_of);
	format_tsv_field(n, 0);
	format_tsv_field(l->wording, 1);
}

static void
scores_json(struct json_out *j, const struct scores_line *l)
{
	json_out_object_begin(j);
	json_out_kstr(j, "kind", l->kind);
	json_out_kstr(j, "path", l->path);
	json_out_kstr(j, "title", l->title);
	json_out_kint(j, "score", l->score);
	json_out_kint(j, "out_of", l->out_of);
	json_out_kstr(j, "wording", l->wording);
	json_out_object_end(j);
}

static int
scores_list(struct db *db, enum format fmt, char **cause)
{
	struct scores_line	 l;
	struct json_out		*j = NULL;
	sqlite3_stmt		*st;
	int			 r, n = 0, rc = CLI_FAIL;

	if (fmt == FORMAT_JSON && (j = json_out_new(cause)) == NULL)
		return CLI_FAIL;
	if (db_prepare(db, SCORES_SQL, &st, cause) != 0) {
		json_out_free(j);
		return CLI_FAIL;
	}
	if (j != NULL)
		json_out_array_begin(j);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		scores_read(st, &l);
		if (j != NULL)
			scores_json(j, &l);
		else
			scores_tsv(&l);
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
	if (j != NULL) {
		json_out_array_end(j);
		if (rc == CLI_OK && json_out_flush(j, stdout, cause) != 0)
			rc = CLI_FAIL;
		json_out_free(j);
	}
	return rc;
}

int
cmd_scores(const struct cli *c, int argc, char **argv, char **cause)
{
	struct db	*db;
	enum format	 fmt = FORMAT_TSV;
	int		 rc;

	if ((rc = cmd_options(argc, argv, "[NAME...]", &fmt, cause)) != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	/* Assessments of the library, side by side (cmd_assess.c). */
	if (optind < argc) {
		if (fmt == FORMAT_JSON) {
			*cause = xstrdup("scores: --format json is for one "
			    "assessment; several are a table (TSV)");
			return CLI_USAGE;
		}
		return cmd_scores_side(c, argv + optind, argc - optind, cause);
	}
	if ((db = cli_open_db(c, cause)) == NULL)
		return CLI_FAIL;
	rc = scores_list(db, fmt, cause);
	db_close(db, NULL);
	return rc;
}
