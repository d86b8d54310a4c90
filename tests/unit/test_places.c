/*
 * test_places.c: unit tests for core/places.h.
 *
 * On the small dataset of tests/malformed/base, imported into memory: the
 * places in dataset order, the place of a node, the figures of a node, of
 * a subtree and of a place (with their comparator and the text's words
 * for them, £ and all), the sections that speak of a place (its own node
 * aside), a callback that stops a walk, and errors from a database that
 * lacks the tables.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv_import.h"
#include "core/db.h"
#include "core/places.h"
#include "core/strbuf.h"
#include "../tap.h"

/* What a walk saw, as one line of text: "a b c". */
static struct strbuf	 seen = STRBUF_INIT;
static int		 stop_after;

static int
see_place(const struct place *p, void *arg)
{
	(void)arg;
	strbuf_addf(&seen, "%s%s:%s:%s:%lld", seen.len ? " " : "", p->code,
	    p->kind, p->name, (long long)p->node);
	return --stop_after == 0 ? 7 : 0;
}

static int
see_figure(const struct figure *f, void *arg)
{
	int	 full = arg != NULL;

	strbuf_addf(&seen, "%s%lld", seen.len ? " " : "", (long long)f->id);
	if (full)
		strbuf_addf(&seen, "[%s|%s|%g|%s|%s|%s|%s|%lld:%s|%s]",
		    f->place, f->place_name, f->value, f->text, f->unit,
		    f->basis, f->direction, (long long)f->cmp_id,
		    f->cmp_text, f->node_path);
	return --stop_after == 0 ? 7 : 0;
}

static int
see_section(const struct place_section *s, void *arg)
{
	(void)arg;
	strbuf_addf(&seen, "%s%s", seen.len ? " " : "", s->path);
	return 0;
}

static void
expect(int rc, int want_rc, const char *want, const char *name)
{
	tap_ok(rc == want_rc && strcmp(strbuf_str(&seen), want) == 0,
	    "%s", name);
	if (rc != want_rc || strcmp(strbuf_str(&seen), want) != 0)
		printf("#      got: %d '%s'\n# expected: %d '%s'\n", rc,
		    strbuf_str(&seen), want_rc, want);
	strbuf_reset(&seen);
	stop_after = 0;
}

static void
test_places(struct db *db)
{
	char	*cause = NULL;

	expect(places_list(db, see_place, NULL, &cause), 0,
	    "bcp:place:BCP Council area:5 england:country:England:6",
	    "places_list, in dataset order");
	stop_after = 1;
	expect(places_list(db, see_place, NULL, &cause), 7,
	    "bcp:place:BCP Council area:5", "a callback's non-zero stops it");
	expect(places_of_node(db, 6, see_place, NULL, &cause), 1,
	    "england:country:England:6", "places_of_node: a place's node");
	expect(places_of_node(db, 2, see_place, NULL, &cause), 0, "",
	    "places_of_node: another node");
}

static void
test_figures(struct db *db)
{
	char	*cause = NULL;

	expect(figures_of_node(db, 2, see_figure, "", &cause), 0,
	    "1[bcp|BCP Council area|909.1|£909.1 million|£m|value||0:|"
	    "overview/finance]", "figures_of_node, £ and all");
	expect(figures_of_node(db, 3, see_figure, "", &cause), 0,
	    "5[bcp|BCP Council area|12|12%|%|value|better|6:14%|"
	    "overview/people] 6[bcp|BCP Council area|14|14%|%|value||0:|"
	    "overview/people]", "figures_of_node, with a comparator");
	expect(figures_of_node(db, 1, see_figure, NULL, &cause), 0, "",
	    "figures_of_node of a node that cites none");
	expect(figures_of_subtree(db, 1, see_figure, NULL, &cause), 0,
	    "1 5 6", "figures_of_subtree, in dataset order");
	expect(figures_of_subtree(db, 4, see_figure, NULL, &cause), 0,
	    "2 3 4", "figures_of_subtree of another part");
	expect(figures_of_place(db, "bcp", see_figure, NULL, &cause), 0,
	    "1 2 3 5 6", "figures_of_place");
	expect(figures_of_place(db, "england", see_figure, NULL, &cause), 0,
	    "4", "figures_of_place of another");
	expect(figures_of_place(db, "日本", see_figure, NULL, &cause), 0, "",
	    "figures_of_place of no place: none, no error");
	stop_after = 2;
	expect(figures_of_place(db, "bcp", see_figure, NULL, &cause), 7,
	    "1 2", "a figure callback's non-zero stops it");
}

/*
 * A subtree is read by its paths: parts whose paths start as the node's
 * does, without a '/' after it ("overview-more", "overview0"), are not in
 * it, and a node deeper down is.
 */
static void
test_subtree_paths(struct db *db)
{
	char	*cause = NULL;
	int	 rc;

	rc = sqlite3_exec(db_handle(db),
	    "INSERT INTO nodes (id, parent, kind, slug, title, heading, path) "
	    "VALUES (90, NULL, 'part', 'overview-more', 'More', '', "
	    "'overview-more'), (91, NULL, 'part', 'overview0', 'Zero', '', "
	    "'overview0'), (92, 2, 'section', 'deeper', 'Deeper', '', "
	    "'overview/finance/deeper');"
	    "INSERT INTO figures (id, measure, label, place, value, text, "
	    "unit, period, basis, direction, node) VALUES "
	    "(90, 'm', 'M', 'bcp', 1, '1', 'n', '', 'value', '', 90), "
	    "(91, 'm', 'M', 'bcp', 1, '1', 'n', '', 'value', '', 91), "
	    "(92, 'm', 'M', 'bcp', 1, '1', 'n', '', 'value', '', 92)",
	    NULL, NULL, NULL);
	tap_ok(rc == SQLITE_OK, "a part named as overview's path and more, and a "
	    "node deeper under overview, with a figure each");
	expect(figures_of_subtree(db, 1, see_figure, NULL, &cause), 0,
	    "1 5 6 92", "figures_of_subtree: the deeper node's too, not "
	    "those of overview-more or overview0");
	expect(figures_of_subtree(db, 90, see_figure, NULL, &cause), 0,
	    "90", "figures_of_subtree of overview-more: its own");
	expect(figures_of_subtree(db, 92, see_figure, NULL, &cause), 0,
	    "92", "figures_of_subtree of a leaf");
	expect(figures_of_subtree(db, 999, see_figure, NULL, &cause), 0,
	    "", "figures_of_subtree of no node: none, no error");
}

static void
test_sections(struct db *db)
{
	char	*cause = NULL;

	expect(places_sections(db, "bcp", see_section, NULL, &cause), 0,
	    "overview overview/finance overview/people",
	    "places_sections: mentions and citing sections, not its own");
	expect(places_sections(db, "england", see_section, NULL, &cause), 0,
	    "overview/people", "places_sections of another place");
	expect(places_sections(db, "nowhere", see_section, NULL, &cause), 0,
	    "", "places_sections of no place");
}

static void
test_errors(void)
{
	struct db	*db;
	char		*cause = NULL;
	int		 rc;

	db = db_open(":memory:", DB_CREATE, &cause);
	db_exec(db, "DROP TABLE figures; DROP TABLE mentions; DROP TABLE "
	    "places", &cause);
	rc = places_list(db, see_place, NULL, &cause);
	tap_ok(rc == -1 && cause != NULL && strstr(cause, "places") != NULL,
	    "places_list without the table fails: %s", cause ? cause : "");
	free(cause);
	cause = NULL;
	rc = figures_of_node(db, 1, see_figure, NULL, &cause);
	tap_ok(rc == -1 && cause != NULL, "figures_of_node fails too");
	free(cause);
	cause = NULL;
	rc = places_sections(db, "bcp", see_section, NULL, &cause);
	tap_ok(rc == -1 && cause != NULL, "places_sections fails too");
	free(cause);
	db_close(db, NULL);
	strbuf_reset(&seen);
}

int
main(void)
{
	struct db	*db;
	const char	*top;
	char		*dir, *cause = NULL;

	if ((top = getenv("top_srcdir")) == NULL || *top == '\0')
		top = ".";
	if (asprintf(&dir, "%s/tests/malformed/base", top) < 0)
		return 1;
	db = db_open(":memory:", DB_CREATE, &cause);
	if (db == NULL || csv_import_db(db, dir, &cause) != 0) {
		printf("Bail out! %s\n", cause);
		return 1;
	}
	free(dir);
	test_places(db);
	test_figures(db);
	test_sections(db);
	test_subtree_paths(db);
	test_errors();
	db_close(db, NULL);
	strbuf_free(&seen);
	return tap_done();
}
