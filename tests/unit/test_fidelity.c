/*
 * test_fidelity.c: the dataset is the published report, word for word.
 *
 * Reads the report's web text from ../shared/source (or ICSB_SOURCE_DIR)
 * and the built database, and checks that
 *  - every paragraph, list item and heading of the report is in the
 *    database exactly once, verbatim (whitespace aside), in report order;
 *  - every text and heading in the database occurs in one of the sources;
 *  - every figure's text occurs in the text of the node that cites it, and
 *    its value is the number that text writes.
 * Skips, saying so, when the sources are not there.
 */
#include "config.h"

#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "../tap.h"

static const char *const sources[] = {
	"cqc-dorset-ics-assessment-2024.txt",
	"dorset-vcs-ics-explained.txt",
	"kings-fund-dorset-ics-case-study.txt",
};

/* A unit of text: 'T' title, 'P' paragraph or heading, 'I'/'S' items. */
struct unit {
	char	 kind;
	char	*text;
};

struct units {
	struct unit	*u;
	size_t		 n, cap;
};

static void
units_add(struct units *us, char kind, const char *text)
{
	if (us->n == us->cap) {
		us->cap = us->cap ? us->cap * 2 : 256;
		us->u = xreallocarray(us->u, us->cap, sizeof *us->u);
	}
	us->u[us->n].kind = kind;
	us->u[us->n].text = xstrdup(text);
	us->n++;
}

/* Collapse runs of white space to one space and trim the ends. */
static char *
squeeze(const char *s)
{
	struct strbuf	 sb = STRBUF_INIT;
	int		 space = 0;

	for (; *s != '\0'; s++) {
		if (isspace((unsigned char)*s)) {
			space = sb.len > 0;
			continue;
		}
		if (space)
			strbuf_addc(&sb, ' ');
		space = 0;
		strbuf_addc(&sb, *s);
	}
	return strbuf_detach(&sb);
}

/* The one change the dataset makes: "[words](#)" keeps its words. */
static char *
unlink_markup(const char *s)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*close;

	for (; *s != '\0'; s++) {
		if (*s == '[' && (close = strstr(s, "](#)")) != NULL) {
			for (s++; s < close; s++) {
				if (*s == '\\' && (s[1] == '(' || s[1] == ')'))
					s++;
				strbuf_addc(&sb, *s);
			}
			s += 3;
			continue;
		}
		strbuf_addc(&sb, *s);
	}
	return strbuf_detach(&sb);
}

/* The report's lines as units, blank lines dropped, markup removed. */
static void
report_units(char *text, struct units *us)
{
	char	*line, *save, *clean, *sq;

	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		clean = unlink_markup(line);
		sq = squeeze(clean);
		if (*sq != '\0') {
			if (strncmp(line, " - ", 3) == 0)
				units_add(us, 'S', sq + 2);
			else if (strncmp(line, "- ", 2) == 0)
				units_add(us, 'I', sq + 2);
			else
				units_add(us, us->n == 0 ? 'T' : 'P', sq);
		}
		free(sq);
		free(clean);
	}
}

struct walk {
	struct db	*db;
	struct units	*us;
	char		*cause;
};

static int
db_block(const struct block *b, void *arg)
{
	struct units	*us = arg;
	char		*sq;

	sq = squeeze(b->text);
	units_add(us, b->kind == BLOCK_ITEM ? 'I' : b->kind == BLOCK_SUBITEM ?
	    'S' : 'P', sq);
	free(sq);
	return 0;
}

static int
db_node(const struct node *n, void *arg)
{
	struct walk	*w = arg;
	char		*sq;

	if (strcmp(n->source, "cqc") != 0)
		return 0;
	if (*n->heading != '\0') {
		sq = squeeze(n->heading);
		units_add(w->us, 'P', sq);
		free(sq);
	}
	return model_blocks(w->db, n->id, db_block, w->us, &w->cause);
}

static void
check_report_order(struct db *db, char *report)
{
	struct units	 src = { 0 }, got = { 0 };
	struct walk	 w = { db, &got, NULL };
	char		*title, *sq;
	size_t		 i, n;

	report_units(report, &src);
	if (model_meta(db, "title", &title, &w.cause) != 0)
		tap_ok(0, "read the title: %s", w.cause);
	sq = squeeze(title != NULL ? title : "");
	units_add(&got, 'T', sq);
	free(sq);
	free(title);
	tap_ok(model_walk(db, 0, db_node, &w, &w.cause) == 0,
	    "walk the report's nodes");
	n = src.n < got.n ? src.n : got.n;
	for (i = 0; i < n; i++)
		if (src.u[i].kind != got.u[i].kind ||
		    strcmp(src.u[i].text, got.u[i].text) != 0)
			break;
	if (!tap_ok(i == n && src.n == got.n, "all %zu paragraphs, items and "
	    "headings of the report are in the database once, in order",
	    src.n) && i < n) {
		printf("# first difference at unit %zu:\n#   report %c: %.200s\n"
		    "#   dataset %c: %.200s\n", i + 1, src.u[i].kind,
		    src.u[i].text, got.u[i].kind, got.u[i].text);
	} else if (src.n != got.n)
		printf("# report has %zu units, the dataset %zu\n", src.n, got.n);
	for (i = 0; i < src.n; i++)
		free(src.u[i].text);
	for (i = 0; i < got.n; i++)
		free(got.u[i].text);
	free(src.u);
	free(got.u);
	free(w.cause);
}

/* Every text and heading of the database, from any source, is sourced. */
static void
check_all_sourced(struct db *db, const char *all)
{
	sqlite3_stmt	*st;
	char		*sq;
	int		 n = 0, bad = 0;

	sqlite3_prepare_v2(db_handle(db), "SELECT text FROM blocks UNION ALL "
	    "SELECT heading FROM nodes WHERE heading <> ''", -1, &st, NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		sq = squeeze((const char *)sqlite3_column_text(st, 0));
		n++;
		if (strstr(all, sq) == NULL) {
			if (bad++ < 5)
				printf("# not in any source: %.200s\n", sq);
		}
		free(sq);
	}
	sqlite3_finalize(st);
	tap_ok(n > 300 && bad == 0, "all %d texts and headings of the dataset "
	    "occur in a source (%d do not)", n, bad);
}

/* The number a figure's text writes, in digits or in words. */
static int
figure_number(const char *text, double *v)
{
	static const char *const words[] = { "zero", "one", "two", "three",
	    "four", "five", "six", "seven", "eight", "nine", "ten", NULL };
	static const char *const ordinals[] = { "zeroth", "first", "second",
	    "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
	    "tenth", NULL };
	struct strbuf	 sb = STRBUF_INIT;
	const char	*p;
	int		 i;

	for (p = text; *p != '\0' && !isdigit((unsigned char)*p); p++)
		;
	if (*p != '\0') {
		for (; isdigit((unsigned char)*p) || *p == ',' || (*p == '.' &&
		    isdigit((unsigned char)p[1])); p++)
			if (*p != ',')
				strbuf_addc(&sb, *p);
		*v = strtod(strbuf_str(&sb), NULL);
		strbuf_free(&sb);
		return 0;
	}
	for (i = 0; words[i] != NULL; i++)
		if (strstr(text, words[i]) == text || strstr(text,
		    ordinals[i]) == text) {
			*v = i;
			return 0;
		}
	return -1;
}

static void
check_figures(struct db *db)
{
	sqlite3_stmt	*st;
	const char	*text;
	double		 v;
	int		 n = 0, bad = 0, badval = 0;

	sqlite3_prepare_v2(db_handle(db), "SELECT f.id, f.text, f.value, "
	    "(SELECT group_concat(text, char(10)) FROM blocks b "
	    "WHERE b.node = f.node) FROM figures f", -1, &st, NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		text = (const char *)sqlite3_column_text(st, 1);
		n++;
		if (strstr((const char *)sqlite3_column_text(st, 3), text) ==
		    NULL && bad++ < 5)
			printf("# figure %d: '%s' not in its node\n",
			    sqlite3_column_int(st, 0), text);
		if ((figure_number(text, &v) != 0 ||
		    fabs(v - sqlite3_column_double(st, 2)) > 1e-9) &&
		    badval++ < 5)
			printf("# figure %d: value %g is not what '%s' says\n",
			    sqlite3_column_int(st, 0),
			    sqlite3_column_double(st, 2), text);
	}
	sqlite3_finalize(st);
	tap_ok(n > 40, "more than 40 figures (%d)", n);
	tap_ok(bad == 0, "every figure's text occurs in its citing node");
	tap_ok(badval == 0, "every figure's value is the number its text "
	    "writes");
}

int
main(void)
{
	struct strbuf	 all = STRBUF_INIT;
	struct db	*db;
	const char	*env;
	char		*dir, *path, *text, *report = NULL, *cause = NULL;
	char		*clean, *sq;
	size_t		 i;

	setlocale(LC_ALL, "C.UTF-8");
	if ((env = getenv("ICSB_SOURCE_DIR")) != NULL)
		dir = xstrdup(env);
	else
		dir = xasprintf("%s/../shared/source", getenv("top_srcdir") ?
		    getenv("top_srcdir") : ".");
	for (i = 0; i < sizeof sources / sizeof sources[0]; i++) {
		path = xasprintf("%s/%s", dir, sources[i]);
		text = tap_slurp(path);
		free(path);
		if (text == NULL) {
			printf("1..0 # SKIP the report's sources are not in "
			    "%s\n", dir);
			free(dir);
			return 0;
		}
		clean = unlink_markup(text);
		sq = squeeze(clean);
		strbuf_adds(&all, sq);
		strbuf_addc(&all, '\n');
		free(sq);
		free(clean);
		if (i == 0)
			report = text;
		else
			free(text);
	}
	path = xasprintf("%s/assets/dorset.db", getenv("top_builddir") ?
	    getenv("top_builddir") : ".");
	db = db_open(path, DB_READONLY, &cause);
	if (!tap_ok(db != NULL, "open %s", path))
		printf("# %s\n", cause);
	if (db != NULL) {
		check_report_order(db, report);
		check_all_sourced(db, strbuf_str(&all));
		check_figures(db);
		db_close(db, NULL);
	}
	free(path);
	free(report);
	free(dir);
	free(cause);
	strbuf_free(&all);
	return tap_done();
}
