/*
 * cmd_assess.c: assessments of the library side by side: `scores NAME
 * NAME...`, `compare --reports NAME NAME [STATEMENT]` and `search --all`.
 * Each assessment is opened once, to read.  Statements are lined up by
 * the framework (library_scores.h), never by their published names.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "cli/cli.h"
#include "cli/cmd_assess_text.h"
#include "cli/commands.h"
#include "cli/format.h"
#include "cli/opts.h"
#include "core/bars.h"
#include "core/db.h"
#include "core/find.h"
#include "core/json_out.h"
#include "core/library.h"
#include "core/library_catalogue.h"
#include "core/library_scores.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_plain.h"

#define ASSESS_BAR_W	8

/* One assessment, opened. */
struct assess {
	struct library_entry	 e;
	struct db		*db;
	struct library_scores	 sc;
};

static void
assess_close(struct assess *a, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		library_scores_free(&a[i].sc);
		library_entry_clear(&a[i].e);
		db_close(a[i].db, NULL);
	}
	free(a);
}

/* Open the members names[0..n), with their info and scores. */
static struct assess *
assess_open(const struct cli *c, char **names, size_t n, char **cause)
{
	struct assess	*a;
	size_t		 i;
	char		*why = NULL;

	a = xcalloc(n, sizeof *a);
	for (i = 0; i < n && why == NULL; i++) {
		a[i].e.name = xstrdup(names[i]);
		if (c->lib_dir == NULL && strcmp(names[i], LIBRARY_BUILTIN))
			why = xstrdup(c->lib_cause);
		else if ((a[i].e.path = library_path(c->lib_dir,
		    c->builtin_db, names[i], &why)) == NULL)
			;
		else if ((a[i].db = db_open(a[i].e.path, DB_READONLY,
		    &why)) == NULL)
			;
		else if (library_info(a[i].db, &a[i].e, &why) == 0)
			library_scores_read(a[i].db, a[i].e.framework,
			    &a[i].sc, &why);
	}
	if (why == NULL)
		return a;
	/* The cause names the assessment, or its file. */
	*cause = why;
	assess_close(a, n);
	return NULL;
}

/* The one framework of a[0..n), or NULL with *cause. */
static const char *
assess_framework(const struct assess *a, size_t n, char **cause)
{
	size_t	 i;

	for (i = 1; i < n; i++)
		if (strcmp(a[i].e.framework, a[0].e.framework) != 0) {
			*cause = assess_text_frameworks(a[0].e.name,
			    a[0].e.framework, a[i].e.name, a[i].e.framework);
			return NULL;
		}
	return a[0].e.framework;
}

static void
assess_score(int v, int last)
{
	char	 num[16] = "";

	if (v > 0)
		snprintf(num, sizeof num, "%d", v);
	format_tsv_field(num, last);
}

/* The table of scores: a row per statement, then overall and rating. */
static void
assess_table(const struct assess *a, size_t n, const char *fw)
{
	const struct library_statement	*st;
	size_t				 i, k, ns;

	st = library_statements(fw, &ns);
	format_tsv_field("THEME", 0);
	format_tsv_field("STATEMENT", 0);
	for (k = 0; k < n; k++)
		format_tsv_field(a[k].e.name, k + 1 == n);
	for (i = 0; i < ns; i++) {
		format_tsv_field(st[i].theme, 0);
		format_tsv_field(st[i].name, 0);
		for (k = 0; k < n; k++)
			assess_score(a[k].sc.score[i], k + 1 == n);
	}
	format_tsv_field("", 0);
	format_tsv_field("Overall score (out of 100)", 0);
	for (k = 0; k < n; k++)
		assess_score(a[k].sc.overall, k + 1 == n);
	format_tsv_field("", 0);
	format_tsv_field("Rating", 0);
	for (k = 0; k < n; k++)
		format_tsv_field(a[k].e.rating, k + 1 == n);
}

/* The library's catalogue, brought up to date, or NULL if there is none. */
static struct library_catalogue *
assess_catalogue(const struct cli *c)
{
	struct library_catalogue	*cat = NULL;
	struct library_entry		*e;
	char				*why = NULL;
	size_t				 n;

	if (c->lib_dir == NULL ||
	    library_members(c->lib_dir, c->builtin_db, &e, &n, &why) != 0) {
		free(why);
		return NULL;
	}
	cat = library_catalogue_open(c->lib_dir, e, n, &why);
	free(why);
	library_entries_free(e, n);
	return cat;
}

/*
 * The members names[0..n) with their info and scores, from the
 * catalogue where they are in it (no database open), else opened.
 */
static struct assess *
assess_scores(const struct cli *c, char **names, size_t n, char **cause)
{
	struct library_catalogue	*cat;
	struct library_entry		*e;
	struct library_scores		*sc;
	struct assess			*a;
	char				*why = NULL;
	size_t				 i;
	int				 rc;

	if ((cat = assess_catalogue(c)) == NULL)
		return assess_open(c, names, n, cause);
	e = xcalloc(n, sizeof *e);
	sc = xcalloc(n, sizeof *sc);
	for (i = 0; i < n; i++)
		e[i].name = xstrdup(names[i]);
	if ((rc = library_catalogue_read(cat, e, sc, n, &why)) != 0)
		library_catalogue_failed(cat);
	free(why);
	library_catalogue_close(cat);
	a = xcalloc(n, sizeof *a);
	for (i = 0; i < n; i++) {
		a[i].e = e[i];
		a[i].sc = sc[i];
	}
	free(e);
	free(sc);
	if (rc == 0)
		return a;
	/* One is not in it (damaged, or no such name): say why as before. */
	assess_close(a, n);
	return assess_open(c, names, n, cause);
}

int
cmd_scores_side(const struct cli *c, char **names, int n, char **cause)
{
	struct assess	*a;
	const char	*fw;

	if ((a = assess_scores(c, names, (size_t)n, cause)) == NULL)
		return CLI_FAIL;
	if ((fw = assess_framework(a, (size_t)n, cause)) != NULL)
		assess_table(a, (size_t)n, fw);
	else {
		char	*why = *cause;

		*cause = xasprintf("%s (compare --reports compares their "
		    "themes by name)", why);
		free(why);
	}
	assess_close(a, (size_t)n);
	return fw != NULL ? CLI_OK : CLI_FAIL;
}

/* A score and its bar out of max, padded to one width; "-" if none. */
static void
assess_bar(int v, int max, int ascii, struct strbuf *sb)
{
	char	*bar;
	int	 cells;

	if (v <= 0) {
		strbuf_addf(sb, "%5s %*s", "-", ASSESS_BAR_W, "");
		return;
	}
	bar = bar_make(v, max, ASSESS_BAR_W, ascii);
	cells = ascii ? (int)strlen(bar) :
	    (bar_eighths(v, max, ASSESS_BAR_W) + 7) / 8;
	strbuf_addf(sb, "%5d %s%*s", v, bar, ASSESS_BAR_W - cells, "");
	free(bar);
}

/* One row of the text comparison: the label, the two scores, B - A. */
static void
assess_row(const char *label, int va, int vb, int max, int ascii)
{
	struct strbuf	 sb = STRBUF_INIT;

	fputs("  ", stdout);
	format_tsv_field(label, 1);
	strbuf_adds(&sb, "    ");
	assess_bar(va, max, ascii, &sb);
	strbuf_adds(&sb, "   ");
	assess_bar(vb, max, ascii, &sb);
	if (va >= 0 && vb >= 0 && (max == 100 || (va > 0 && vb > 0)))
		strbuf_addf(&sb, "   %+d", vb - va);
	while (sb.len > 0 && sb.buf[sb.len - 1] == ' ')
		sb.buf[--sb.len] = '\0';
	fputs(strbuf_str(&sb), stdout);
	putchar('\n');
	strbuf_free(&sb);
}

/* Two assessments' scores for scripts: a line per statement, then overall. */
static void
assess_pair_tsv(const struct assess *a, const char *fw)
{
	const struct library_statement	*st;
	size_t				 i, ns;
	int				 x, y;

	st = library_statements(fw, &ns);
	printf("THEME\tSTATEMENT\t");
	format_tsv_field(a[0].e.name, 0);
	format_tsv_field(a[1].e.name, 0);
	printf("DIFFERENCE\n");
	for (i = 0; i <= ns; i++) {
		x = i < ns ? a[0].sc.score[i] : a[0].sc.overall;
		y = i < ns ? a[1].sc.score[i] : a[1].sc.overall;
		format_tsv_field(i < ns ? st[i].theme : "", 0);
		format_tsv_field(i < ns ? st[i].name : "Overall score (out of 100)",
		    0);
		assess_score(x, 0);
		assess_score(y, 0);
		if (x > 0 && y > 0)
			printf("%+d", y - x);
		putchar('\n');
	}
}

/* A score for JSON: null where there is none. */
static void
assess_json_score(struct json_out *j, const char *key, int v)
{
	json_out_key(j, key);
	if (v > 0)
		json_out_int(j, v);
	else
		json_out_null(j);
}

/*
 * The same as JSON: an object per line of the TSV, the first NAME's score
 * as "a", the second's as "b".
 */
static int
assess_pair_json(const struct assess *a, const char *fw, char **cause)
{
	const struct library_statement	*st;
	struct json_out			*j;
	size_t				 i, ns;
	int				 x, y, rc;

	if ((j = json_out_new(cause)) == NULL)
		return -1;
	st = library_statements(fw, &ns);
	json_out_array_begin(j);
	for (i = 0; i <= ns; i++) {
		x = i < ns ? a[0].sc.score[i] : a[0].sc.overall;
		y = i < ns ? a[1].sc.score[i] : a[1].sc.overall;
		json_out_object_begin(j);
		json_out_kstr(j, "theme", i < ns ? st[i].theme : NULL);
		json_out_kstr(j, "statement", i < ns ? st[i].name :
		    "Overall score (out of 100)");
		assess_json_score(j, "a", x);
		assess_json_score(j, "b", y);
		json_out_key(j, "difference");
		if (x > 0 && y > 0)
			json_out_int(j, y - x);
		else
			json_out_null(j);
		json_out_object_end(j);
	}
	json_out_array_end(j);
	rc = json_out_flush(j, stdout, cause);
	json_out_free(j);
	return rc;
}

/* Two assessments' scores: the overall on top, then theme by theme. */
static int
assess_pair(const struct assess *a, const char *fw, enum format fmt,
    int ascii, char **cause)
{
	const struct library_statement	*st;
	size_t				 i, ns;
	const char			*theme = "";

	if (fmt == FORMAT_TSV) {
		assess_pair_tsv(a, fw);
		return 0;
	}
	if (fmt == FORMAT_JSON)
		return assess_pair_json(a, fw, cause);
	st = library_statements(fw, &ns);
	printf("Scores of %s and %s, and the difference\n\n", a[0].e.name,
	    a[1].e.name);
	assess_row("Overall (out of 100)", a[0].sc.overall, a[1].sc.overall,
	    100, ascii);
	for (i = 0; i < ns; i++) {
		if (strcmp(theme, st[i].theme) != 0)
			printf("\n%s\n", theme = st[i].theme);
		assess_row(st[i].name, a[0].sc.score[i], a[1].sc.score[i], 4,
		    ascii);
	}
	return 0;
}

/* The node of statement canon (a framework name) in a's tree, or 0. */
static int64_t
assess_statement(const struct assess *a, const char *canon)
{
	const struct library_statement	*st;
	sqlite3_stmt			*q;
	char				*cause = NULL;
	size_t				 ns;
	int64_t				 id = 0;
	int				 i;

	st = library_statements(a->e.framework, &ns);
	if (db_prepare(a->db, "SELECT id, title FROM nodes WHERE kind = "
	    "'statement' ORDER BY id", &q, &cause) != 0) {
		free(cause);
		return 0;
	}
	while (id == 0 && sqlite3_step(q) == SQLITE_ROW) {
		i = library_statement_find(a->e.framework,
		    (const char *)sqlite3_column_text(q, 1));
		if (i >= 0 && strcmp(st[i].name, canon) == 0)
			id = sqlite3_column_int64(q, 0);
	}
	sqlite3_finalize(q);
	return id;
}

/* The framework's name of the statement s names, in either framework. */
static const char *
assess_canon(const struct assess *a, const char *s)
{
	const struct library_statement	*st;
	size_t				 k, ns;
	int				 i;

	for (k = 0; k < 2; k++) {
		st = library_statements(a[k].e.framework, &ns);
		if ((i = library_statement_find(a[k].e.framework, s)) >= 0)
			return st[i].name;
	}
	return NULL;
}

/* One statement's sections in the two assessments, side by side. */
static int
assess_sections(const struct assess *a, const char *s, char **cause)
{
	struct doc	*d[2];
	const char	*canon;
	int64_t		 id[2];
	int		 k, width = cli_columns(), rc = CLI_FAIL;

	if ((canon = assess_canon(a, s)) == NULL) {
		*cause = xasprintf("compare: '%s' is no quality statement of "
		    "the assessments' frameworks", s);
		return CLI_USAGE;
	}
	for (k = 0; k < 2; k++)
		if ((id[k] = assess_statement(&a[k], canon)) == 0) {
			*cause = xasprintf("%s: no section for the statement "
			    "'%s'", a[k].e.name, canon);
			return CLI_FAIL;
		}
	d[0] = doc_new(a[0].db);
	d[1] = doc_new(a[1].db);
	if (doc_add_node(d[0], a[0].db, id[0], cause) == 0 &&
	    doc_add_node(d[1], a[1].db, id[1], cause) == 0 &&
	    fmt_plain_side_by_side(d[0], d[1], stdout,
	    width > 0 ? width : 80) == 0)
		rc = CLI_OK;
	doc_free(d[0]);
	doc_free(d[1]);
	return rc;
}

/* Whether a has a score, overall or of a statement. */
static int
assess_scored(const struct assess *a)
{
	size_t	 i;

	for (i = 0; i < a->sc.n; i++)
		if (a->sc.score[i] > 0)
			return 1;
	return a->sc.overall >= 0;
}

/*
 * Two assessments with no statement: their scores if they have any and
 * share a framework; else their texts (the ICS pilots have no scores).
 */
static int
assess_two(const struct assess *a, enum format fmt, int ascii,
    char **cause)
{
	struct assess_text_side	 s[2];
	int			 k, width = cli_columns();

	if (strcmp(a[0].e.framework, a[1].e.framework) == 0 &&
	    (assess_scored(&a[0]) || assess_scored(&a[1])))
		return assess_pair(a, a[0].e.framework, fmt, ascii, cause) ==
		    0 ? CLI_OK : CLI_FAIL;
	for (k = 0; k < 2; k++) {
		s[k].name = a[k].e.name;
		s[k].framework = a[k].e.framework;
		s[k].db = a[k].db;
		s[k].sc = &a[k].sc;
	}
	return assess_text(s, fmt, width > 0 ? width : 80, cause);
}

int
cmd_compare_reports(const struct cli *c, int argc, char **argv,
    enum format fmt, int ascii, char **cause)
{
	struct assess	*a;
	int		 rc;

	if (argc != 2 && argc != 3) {
		*cause = xstrdup("compare --reports: give two NAMEs and "
		    "perhaps a STATEMENT (see 'icsbrowse list')");
		return CLI_USAGE;
	}
	if (argc == 3 && fmt != FORMAT_TEXT) {
		*cause = xstrdup("compare --reports: a STATEMENT's sections "
		    "are text: no --format with a STATEMENT");
		return CLI_USAGE;
	}
	if ((a = assess_open(c, argv, 2, cause)) == NULL)
		return CLI_FAIL;
	if (argc == 3)
		rc = assess_sections(a, argv[2], cause);
	else
		rc = assess_two(a, fmt, ascii, cause);
	assess_close(a, 2);
	return rc;
}
