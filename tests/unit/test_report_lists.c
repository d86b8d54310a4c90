/*
 * test_report_lists.c: unit tests for core/report_lists.h.
 *
 * Units as report_layout() makes them (MADE UP text, no such council):
 * sentences that introduce lists printed one after another with their
 * lists after them all go back in order, with a note for each item
 * moved (the last list is where it was); one sentence whose list turns up after a paragraph; and shapes
 * left as they are: a list in place, a count of lists that does not
 * match, a heading between, a list with no full stop to end it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "core/report_layout.h"
#include "core/report_lists.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "../tap.h"

static const struct {
	const char	*name;
	const char	*in;		/* a unit a line, "|" between */
	const char	*out;		/* KIND:text, "|" between */
	int		 moved;		/* notes for --explain */
} cases[] = {
	{ "two sentences, then their two lists",
	  "Carers told us of delays. These include:|Others said:|"
	  "waits for £ assessments|interpreters of 日本語.|respite|"
	  "transport.|Made-up heading",
	  "P:Carers told us of delays. These include:|I:waits for £ "
	  "assessments|I:interpreters of 日本語.|P:Others said:|I:respite|"
	  "I:transport.|P:Made-up heading", 2 },
	{ "one sentence, its list after a paragraph",
	  "The plan is focused on:|The council added sessions.|"
	  "home care|day centres.",
	  "P:The plan is focused on:|I:home care|I:day centres.|"
	  "P:The council added sessions.", 2 },
	{ "a list in place is left as it is",
	  "These include:|home care|day centres.|Other text.",
	  "P:These include:|P:home care|P:day centres.|P:Other text.", 0 },
	{ "two sentences, one list: left as it is",
	  "These include:|Others said:|home care|day centres.",
	  "P:These include:|P:Others said:|P:home care|P:day centres.", 0 },
	{ "a heading between: left as it is",
	  "The plan is focused on:|A made-up heading|home care|day centres.",
	  "P:The plan is focused on:|P:A made-up heading|P:home care|"
	  "P:day centres.", 0 },
	{ "a list with no full stop: left as it is",
	  "The plan is focused on:|The council added sessions.|home care",
	  "P:The plan is focused on:|P:The council added sessions.|"
	  "P:home care", 0 },
};

static struct report_unit *
units(struct report *r, const char *in, size_t *n)
{
	struct report_unit	*u = NULL;
	struct report_line	*l;
	const char		*p, *bar;
	size_t			 len;

	*n = 0;
	for (p = in; *p != '\0'; p = *bar == '|' ? bar + 1 : bar) {
		bar = p + strcspn(p, "|");
		len = (size_t)(bar - p);
		l = report_add_line(r, "made-up.txt", *n + 1, xstrndup(p, len),
		    len);
		(void)l;
		u = xreallocarray(u, *n + 1, sizeof *u);
		memset(&u[*n], 0, sizeof *u);
		u[*n].kind = UNIT_PARA;
		u[*n].text = xstrndup(p, len);
		u[*n].nlines = 1;
		(*n)++;
	}
	/* The lines array is final now: point the units at their lines. */
	for (len = 0; len < *n; len++)
		u[len].at = &r->lines[len];
	return u;
}

int
main(void)
{
	struct report		*r;
	struct report_unit	*u;
	struct strbuf		 sb = STRBUF_INIT;
	size_t			 c, i, n;

	for (c = 0; c < sizeof cases / sizeof *cases; c++) {
		r = report_new();
		u = units(r, cases[c].in, &n);
		report_lists(r, u, n);
		strbuf_reset(&sb);
		for (i = 0; i < n; i++)
			strbuf_addf(&sb, "%s%c:%s", i > 0 ? "|" : "",
			    "PIS"[u[i].kind], u[i].text);
		tap_is_str(strbuf_str(&sb), cases[c].out, cases[c].name);
		tap_ok(r->ndropped == (size_t)cases[c].moved, "%s: each item "
		    "moved is noted (%zu)", cases[c].name, r->ndropped);
		report_layout_free(u, n);
		report_free(r);
	}
	strbuf_free(&sb);
	return tap_done();
}
