/*
 * library_sections.c: the sections of an assessment that line up with
 * another's (see library_sections.h), read in one query over the tree.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/db.h"
#include "core/library_scores.h"
#include "core/library_sections.h"
#include "core/statements.h"
#include "core/xmalloc.h"

static const char *const summary_kinds[LIBRARY_NSUMMARY] = {
	"direction", "strengths", "development"
};

const char *
library_summary_kind(enum library_summary k)
{
	return summary_kinds[k];
}

/* The framework's themes, in the order of its statements. */
static void
library_sections_themes(struct library_sections *s, const char *framework)
{
	const struct library_statement	*st;
	size_t				 i, n, k;

	st = library_statements(framework, &n);
	s->theme = xcalloc(n + 1, sizeof *s->theme);
	for (i = 0; i < n; i++) {
		for (k = 0; k < s->ntheme; k++)
			if (strcmp(s->theme[k].name, st[i].theme) == 0)
				break;
		if (k == s->ntheme)
			s->theme[s->ntheme++].name = st[i].theme;
	}
	s->statement = xcalloc(n + 1, sizeof *s->statement);
	s->key = xcalloc(n + 1, sizeof *s->key);
	s->nstatement = n;
}

int
library_sections_theme(const struct library_sections *s, const char *name)
{
	size_t	 i;

	for (i = 0; i < s->ntheme; i++)
		if (statements_same(name, strlen(name), s->theme[i].name))
			return (int)i;
	return -1;
}

/* The index of the statement title names in framework's, or -1. */
static int
library_sections_statement(const char *framework, const char *title)
{
	const struct library_statement	*st;
	const struct statement		*found;
	size_t				 i, n;

	if ((found = statements_find(title, strlen(title))) == NULL)
		return -1;
	st = library_statements(framework, &n);
	for (i = 0; i < n; i++)
		if (strcmp(st[i].name, found->name) == 0)
			return (int)i;
	return -1;
}

/* A summary section under its theme's node, the first of its kind. */
static void
library_sections_summary(struct library_sections *s, int64_t id,
    const char *kind, int64_t parent)
{
	size_t	 t;
	int	 k;

	for (k = 0; k < LIBRARY_NSUMMARY; k++)
		if (strcmp(kind, summary_kinds[k]) == 0)
			break;
	for (t = 0; k < LIBRARY_NSUMMARY && t < s->ntheme; t++)
		if (s->theme[t].node == parent && parent != 0 &&
		    s->theme[t].summary[k] == 0)
			s->theme[t].summary[k] = id;
}

/* One node of the query: a theme, a statement or a section of one. */
static void
library_sections_row(struct library_sections *s, const char *framework,
    sqlite3_stmt *q)
{
	const char	*kind, *title;
	int64_t		 id, parent;
	size_t		 i;
	int		 k;

	id = sqlite3_column_int64(q, 0);
	kind = (const char *)sqlite3_column_text(q, 1);
	title = (const char *)sqlite3_column_text(q, 2);
	parent = sqlite3_column_int64(q, 3);
	if (strcmp(kind, "theme") == 0) {
		if ((k = library_sections_theme(s, title)) >= 0 &&
		    s->theme[k].node == 0)
			s->theme[k].node = id;
	} else if (strcmp(kind, "statement") == 0) {
		if ((k = library_sections_statement(framework, title)) >= 0 &&
		    s->statement[k] == 0)
			s->statement[k] = id;
	} else if (strcmp(kind, "key-messages") == 0 ||
	    strcmp(kind, "key-findings") == 0) {
		for (i = 0; i < s->nstatement; i++)
			if (s->statement[i] == parent && parent != 0 &&
			    s->key[i] == 0)
				s->key[i] = id;
	} else
		library_sections_summary(s, id, kind, parent);
}

int
library_sections_read(struct db *db, const char *framework,
    struct library_sections *s, char **cause)
{
	sqlite3_stmt	*q;
	int		 r;

	memset(s, 0, sizeof *s);
	library_sections_themes(s, framework);
	/* Themes and statements first, so that their sections find them. */
	if (db_prepare(db, "SELECT id, kind, title, parent FROM nodes WHERE "
	    "kind IN ('theme', 'statement', 'key-messages', 'key-findings', "
	    "'direction', 'strengths', 'development') ORDER BY kind NOT IN "
	    "('theme', 'statement'), id", &q, cause) != 0)
		return -1;
	while ((r = sqlite3_step(q)) == SQLITE_ROW)
		library_sections_row(s, framework, q);
	if (r != SQLITE_DONE)
		*cause = db_cause(db, "cannot read the sections");
	sqlite3_finalize(q);
	return r == SQLITE_DONE ? 0 : -1;
}

void
library_sections_free(struct library_sections *s)
{
	free(s->theme);
	free(s->statement);
	free(s->key);
	memset(s, 0, sizeof *s);
}
