/*
 * report_check.c: what a report lacks or gets wrong, as warnings, and its
 * scores made whole.
 *
 * A report cut off part way still gives the dataset of what is there;
 * every theme and quality statement of its framework that was not found
 * is named.  Local authority scores are checked as the CQC computes them:
 * the overall score is round(100 * sum / 36) and the rating its band.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/report.h"
#include "core/report_parse.h"
#include "core/scores.h"
#include "core/statements.h"
#include "core/xmalloc.h"

static int
check_theme_found(const struct report *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->nnodes; i++)
		if (strcmp(r->nodes[i].kind, "theme") == 0 &&
		    strcmp(r->nodes[i].title, name) == 0)
			return 1;
	return 0;
}

/* Warn about each missing theme, or each missing statement of a theme. */
static void
check_missing(struct report *r, const struct report_found *f)
{
	const char	*theme;
	size_t		 i, j, n;

	for (i = 0; i < nstatements; i++) {
		theme = r->framework == REPORT_LA ? statements[i].la_theme :
		    statements[i].ics_theme;
		if (theme == NULL || f->stmt_node[i] != 0 ||
		    f->summary_score[i] != 0)
			continue;
		if (check_theme_found(r, theme)) {
			report_warn(r, f->end, "quality statement '%s' not "
			    "found", statements[i].name);
			continue;
		}
		/* Named once: the framework's table is not in theme order. */
		for (j = 0; j < i; j++)
			if ((r->framework == REPORT_LA ? statements[j].la_theme :
			    statements[j].ics_theme) == theme)
				break;
		if (j < i)
			continue;
		for (n = 0, j = 0; j < nstatements; j++)
			n += (r->framework == REPORT_LA ? statements[j].la_theme
			    : statements[j].ics_theme) == theme;
		report_warn(r, f->end, "theme '%s' not found (nor its %zu "
		    "quality statements)", theme, n);
	}
}

static const struct report_score *
check_overall(const struct report *r)
{
	size_t	 i;

	for (i = 0; i < r->nscores; i++)
		if (r->scores[i].out_of == 100)
			return &r->scores[i];
	return NULL;
}

/* Scores the summary gives and no page does; disagreements. */
static void
check_summary_scores(struct report *r, const struct report_found *f)
{
	struct report_score	*sc;
	char			*slug;
	size_t			 i, k;

	for (k = 0; k < f->nsummary; k++) {
		i = f->summary_order[k];
		if (f->stmt_node[i] == 0)
			report_warn(r, f->end, "quality statement '%s' not found "
			    "(the summary gives its score)", statements[i].name);
		if (f->page_score[i] != 0) {
			if (f->page_score[i] != f->summary_score[i])
				report_warn(r, NULL, "quality statement '%s': "
				    "the summary scores it %d, its page %d",
				    statements[i].name, f->summary_score[i],
				    f->page_score[i]);
			continue;
		}
		r->scores = xreallocarray(r->scores, r->nscores + 1,
		    sizeof *r->scores);
		sc = &r->scores[r->nscores++];
		memset(sc, 0, sizeof *sc);
		sc->node = f->summary_node[i];
		sc->label = xstrdup(statements[i].name);
		slug = slug_make(statements[i].name);
		sc->measure = xasprintf("score-%s", slug);
		free(slug);
		sc->value = f->summary_score[i];
		sc->out_of = SCORES_MAX;
		sc->text = xasprintf("Score: %d", sc->value);
	}
}

static void
check_sums(struct report *r)
{
	const struct report_score	*o = check_overall(r);
	const char			*band;
	size_t				 i;
	int				 sum = 0, n = 0, want;

	for (i = 0; i < r->nscores; i++)
		if (r->scores[i].out_of == SCORES_MAX) {
			sum += r->scores[i].value;
			n++;
		}
	if (o == NULL) {
		if (n > 0)
			report_warn(r, NULL, "no overall score found");
	} else if (n != SCORES_STATEMENTS)
		report_warn(r, NULL, "%d of the %d statement scores found: the "
		    "overall score %d cannot be checked", n, SCORES_STATEMENTS,
		    o->value);
	else if ((want = scores_percent(sum, n)) != o->value)
		report_warn(r, NULL, "the overall score %d is not round(100 x "
		    "%d / %d) = %d", o->value, sum, n * SCORES_MAX, want);
	if (o != NULL && r->rating == NULL)
		report_warn(r, NULL, "no rating found");
	if (o != NULL && r->rating != NULL && ((band = scores_band(o->value))
	    == NULL || strcmp(band, r->rating) != 0))
		report_warn(r, NULL, "the rating '%s' is not the band of the "
		    "overall score %d (%s)", r->rating, o->value,
		    band != NULL ? band : "below every band");
}

/* The body assessed, as a place the scores are figures of. */
static void
check_place(struct report *r)
{
	size_t		 part;
	const char	*name;

	if (r->nscores == 0)
		return;
	name = r->body != NULL && *r->body != '\0' ? r->body : r->title;
	part = report_add_node(r, "part", "places", "Places", "", 0, NULL);
	r->place = report_add_node(r, "place", NULL, name, "", part, NULL);
}

void
report_check(struct report *r, const struct report_found *f)
{
	if (r->title == NULL) {
		report_warn(r, NULL, "no title line found");
		r->title = xstrdup(r->files[0]);
	}
	if (r->published == NULL)
		report_warn(r, NULL, "no publication date found");
	check_missing(r, f);
	if (r->framework == REPORT_LA) {
		check_summary_scores(r, f);
		check_sums(r);
	}
	check_place(r);
}
