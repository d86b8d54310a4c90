/*
 * search.c: the search the browser shows, and walking its matches.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/xmalloc.h"
#include "ui/mode.h"
#include "ui/search.h"
#include "ui/ui.h"

struct search {
	char		*query;		/* NULL: no search */
	int64_t		*results;	/* node ids, best first */
	int		 nresults;
	int		 result;	/* the one shown, or -1 */
	int		 match;		/* the match within it, from 0 */
	int		 nmatches;	/* matches in the node shown */
};

struct search *
search_new(void)
{
	struct search	*s = xcalloc(1, sizeof *s);

	s->result = -1;
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	free(s->query);
	free(s->results);
	free(s);
}

void
search_set(struct ui *ui, const char *query, const int64_t *ids, int n,
    int chosen)
{
	struct search	*s = ui_search(ui);

	free(s->query);
	free(s->results);
	s->query = query != NULL ? xstrdup(query) : NULL;
	s->results = NULL;
	s->nresults = 0;
	if (n > 0) {
		s->results = xreallocarray(NULL, (size_t)n, sizeof *ids);
		memcpy(s->results, ids, (size_t)n * sizeof *ids);
		s->nresults = n;
	}
	s->result = chosen;
	s->match = 0;
	s->nmatches = 0;
}

void
search_clear(struct ui *ui)
{
	search_set(ui, NULL, NULL, 0, -1);
	ui_notify(ui, NOTE_SEARCH);
}

const char *
search_query(const struct search *s)
{
	return s->query;
}

int
search_nresults(const struct search *s)
{
	return s->nresults;
}

int
search_result(const struct search *s)
{
	return s->result;
}

int64_t
search_result_node(const struct search *s)
{
	if (s->query == NULL || s->result < 0 || s->result >= s->nresults)
		return 0;
	return s->results[s->result];
}

int
search_match(const struct search *s)
{
	return s->match;
}

void
search_set_nmatches(struct search *s, int n)
{
	s->nmatches = n;
}

int
search_nmatches(const struct search *s)
{
	return s->nmatches;
}

void
search_set_match(struct search *s, int k)
{
	s->match = k;
}

void
search_reset_match(struct search *s)
{
	s->match = 0;
}

/* Go to result r of the search; last: its last match, else its first. */
static void
search_goto(struct ui *ui, struct search *s, int r, int last)
{
	s->result = r;
	ui_select(ui, s->results[r], UI_JUMP);
	s->result = r;
	s->match = last && s->nmatches > 0 ? s->nmatches - 1 : 0;
}

void
search_step(struct ui *ui, int dir)
{
	struct search	*s = ui_search(ui);
	int		 r;

	if (s->query == NULL || s->nresults == 0) {
		ui_message(ui, 0, "No search yet: / searches");
		return;
	}
	if (s->result < 0 || s->results[s->result] != ui_node(ui)->id) {
		/* Elsewhere now: start again from the first result. */
		search_goto(ui, s, dir > 0 ? 0 : s->nresults - 1, dir < 0);
	} else if (s->match + dir >= 0 && s->match + dir < s->nmatches) {
		s->match += dir;
	} else {
		r = s->result + dir;
		if (r >= s->nresults || r < 0) {
			r = r < 0 ? s->nresults - 1 : 0;
			ui_message(ui, 0, "Search wrapped to the %s result",
			    r == 0 ? "first" : "last");
		}
		search_goto(ui, s, r, dir < 0);
	}
	ui_notify(ui, NOTE_MATCH);
}
