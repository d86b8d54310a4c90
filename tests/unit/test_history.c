/*
 * test_history.c: unit tests for core/history.h.
 *
 * Scripts of visits, replacing visits and steps back and forward, each
 * step with what it must return and where it must leave the current
 * entry: as a web browser's history, with at most max entries, the
 * oldest dropped first.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/history.h"
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

enum op { VISIT, REPLACE, BACK, FORWARD, END };

struct step {
	enum op	 op;
	int64_t	 id;		/* VISIT, REPLACE: the node */
	int	 rc;		/* BACK, FORWARD: 0 or -1 */
	int64_t	 cur;		/* history_current() after it */
};

struct script {
	const char	*name;
	size_t		 max;
	struct step	 steps[16];
};

static const struct script scripts[] = {
	{ "empty", 5, {
		{ BACK, 0, -1, 0 }, { FORWARD, 0, -1, 0 }, { END, 0, 0, 0 } } },
	{ "back and forward", 5, {
		{ VISIT, 1, 0, 1 }, { VISIT, 2, 0, 2 }, { VISIT, 3, 0, 3 },
		{ BACK, 0, 0, 2 }, { BACK, 0, 0, 1 }, { BACK, 0, -1, 1 },
		{ FORWARD, 0, 0, 2 }, { FORWARD, 0, 0, 3 },
		{ FORWARD, 0, -1, 3 }, { END, 0, 0, 0 } } },
	{ "a visit after back drops the forward entries", 5, {
		{ VISIT, 1, 0, 1 }, { VISIT, 2, 0, 2 }, { VISIT, 3, 0, 3 },
		{ BACK, 0, 0, 2 }, { VISIT, 9, 0, 9 }, { FORWARD, 0, -1, 9 },
		{ BACK, 0, 0, 2 }, { BACK, 0, 0, 1 }, { END, 0, 0, 0 } } },
	{ "replace overwrites the current entry", 5, {
		{ VISIT, 1, 0, 1 }, { REPLACE, 2, 0, 2 }, { REPLACE, 3, 0, 3 },
		{ BACK, 0, -1, 3 }, { VISIT, 4, 0, 4 }, { BACK, 0, 0, 3 },
		{ END, 0, 0, 0 } } },
	{ "replace on an empty history adds", 5, {
		{ REPLACE, 7, 0, 7 }, { BACK, 0, -1, 7 }, { END, 0, 0, 0 } } },
	{ "the same node twice is one entry", 5, {
		{ VISIT, 1, 0, 1 }, { VISIT, 1, 0, 1 }, { VISIT, 2, 0, 2 },
		{ VISIT, 2, 0, 2 }, { BACK, 0, 0, 1 }, { BACK, 0, -1, 1 },
		{ END, 0, 0, 0 } } },
	{ "at most max, the oldest go first", 3, {
		{ VISIT, 1, 0, 1 }, { VISIT, 2, 0, 2 }, { VISIT, 3, 0, 3 },
		{ VISIT, 4, 0, 4 }, { BACK, 0, 0, 3 }, { BACK, 0, 0, 2 },
		{ BACK, 0, -1, 2 }, { END, 0, 0, 0 } } },
	{ "max 0 keeps one entry", 0, {
		{ VISIT, 1, 0, 1 }, { VISIT, 2, 0, 2 }, { BACK, 0, -1, 2 },
		{ END, 0, 0, 0 } } },
};

static void
run_script(const struct script *s)
{
	const struct step	*st;
	struct history		*h;
	int64_t			 id;
	int			 rc, n, good = 1;

	h = history_new(s->max);
	for (n = 0, st = s->steps; st->op != END; st++, n++) {
		rc = 0;
		id = -1;
		if (st->op == VISIT || st->op == REPLACE)
			history_visit(h, st->id, st->op == REPLACE);
		else if (st->op == BACK)
			rc = history_back(h, &id);
		else
			rc = history_forward(h, &id);
		if (rc != st->rc || history_current(h) != st->cur ||
		    (rc == 0 && id != -1 && id != st->cur)) {
			printf("# step %d: rc %d, current %lld, id %lld\n", n,
			    rc, (long long)history_current(h), (long long)id);
			good = 0;
		}
	}
	tap_ok(good, "%s", s->name);
	history_free(h);
}

int
main(void)
{
	size_t	 i;

	for (i = 0; i < NITEMS(scripts); i++)
		run_script(&scripts[i]);
	history_free(NULL);
	tap_ok(1, "history_free(NULL) does nothing");
	return tap_done();
}
