/*
 * test_report_text.c: reading a report's text (report_text.c,
 * report_layout.c, report_tree.c, report_check.c, statements.c,
 * scores.c), and how faithfully it reads the Dorset report.
 *
 * The fidelity part reads ../shared/source (or ICSB_SOURCE_DIR) into a
 * database and compares it with the shipped dataset (assets/dorset.db):
 * nodes at the same path with the same kind, and blocks in the same node
 * in the same order (a longest common subsequence per node).  It prints
 * the figures as TAP comments and fails if they fall below what the
 * reader reached when the test was written.  It skips, saying so, when
 * the sources are not there.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/report.h"
#include "core/report_text.h"
#include "core/scores.h"
#include "core/statements.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "../tap.h"

static void
test_statements(void)
{
	static const struct { const char *s, *want; } t[] = {
		{ "Safe pathways, systems and transitions",
		  "Safe systems, pathways and transitions" },
		{ "Supporting people to lead healthier lives",
		  "Supporting people to live healthier lives" },
		{ "capable and compassionate leaders.",
		  "Capable, compassionate and inclusive leaders" },
		{ "  Assessing   needs ", "Assessing needs" },
		{ "Safeguarding", "Safeguarding" },
		{ "Safeguarding adults", NULL },
		{ "日本語", NULL },
	};
	const struct statement	*st;
	size_t			 i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		st = statements_find(t[i].s, strlen(t[i].s));
		tap_is_str(st != NULL ? st->name : NULL, t[i].want, t[i].s);
	}
	tap_is_str(statements_la_theme("Ensuring safety within the system", 33),
	    "How the local authority ensures safety within the system",
	    "a local authority theme by its variant");
	tap_ok(statements_same("People\xe2\x80\x99s voices", 17,
	    "People's voices"), "a curly apostrophe is a straight one");
}

static void
test_scores(void)
{
	const char	*w = NULL;

	tap_is_int(scores_line("Score: 3"), 3, "Score: 3");
	tap_is_int(scores_line("Score: 5"), 0, "Score: 5 is no score");
	tap_is_int(scores_line("Score: 3 of 4"), 0, "Score: 3 of 4 is not");
	tap_is_int(scores_wording("2 - Evidence shows some shortfalls", &w), 2,
	    "the pre-2025 wording");
	tap_is_str(w, "Evidence shows some shortfalls", "its words");
	tap_is_int(scores_wording("1 - Inadequate: Evidence shows significant "
	    "shortfalls", &w), 1, "the 2025 wording");
	tap_is_str(w, "Inadequate: Evidence shows significant shortfalls",
	    "its words");
	tap_is_int(scores_wording("3 - 4 people", &w), 0, "not a wording");
	tap_is_int(scores_overall("Blackpool Council scored 33 out of 100 "
	    "overall"), 33, "an overall score");
	tap_is_int(scores_percent(28, 9), 78, "28 of 36 is 78");
	tap_is_int(scores_percent(12, 9), 33, "12 of 36 is 33");
	tap_is_int(scores_percent(18, 9), 50, "18 of 36 is 50");
	tap_is_str(scores_band(78), "Good", "78 is Good");
	tap_is_str(scores_band(62), "Requires improvement", "62 is RI");
	tap_is_str(scores_band(88), "Outstanding", "88 is Outstanding");
	tap_is_str(scores_band(25), "Inadequate", "25 is Inadequate");
}

/* Read text; returns the cause of failure, or NULL (r kept in *out). */
static char *
read_text(const char *text, struct report **out)
{
	struct report	*r = report_new();
	char		*cause = NULL;

	if (report_text_add(r, "t.txt", text, strlen(text), &cause) != 0 ||
	    report_parse(r, &cause) != 0) {
		report_free(r);
		r = NULL;
	}
	if (out != NULL)
		*out = r;
	else
		report_free(r);
	return cause;
}

static void
test_refused(void)
{
	static const struct { const char *text, *want; } t[] = {
		{ "", "t.txt: empty: no text in the file" },
		{ "\n \n\t\n", "t.txt: empty: no text in the file" },
		{ "a\nb\0c", "t.txt:2: a binary file, not a report's text "
		  "(byte 0x00)" },
		{ "\xff\xfeT\0", "t.txt: UTF-16 text: save the report as UTF-8 "
		  "and read it again" },
		{ "Caf\xe9\n", "t.txt:1: not UTF-8 (byte 0xe9): the text is in "
		  "another encoding; convert it to UTF-8 first" },
		{ "A shopping list\n\n- eggs\n", "t.txt: not a CQC assessment "
		  "report: no theme or quality statement headings found" },
	};
	char	*cause;
	size_t	 i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		/* The NUL case needs its length: report_text_add direct. */
		struct report	*r = report_new();
		size_t		 len = i == 2 ? 5 : i == 3 ? 4 : strlen(t[i].text);

		cause = NULL;
		if (report_text_add(r, "t.txt", t[i].text, len, &cause) == 0)
			report_parse(r, &cause);
		tap_is_str(cause, t[i].want, t[i].want);
		free(cause);
		report_free(r);
	}
}

/*
 * A first line that begins with ": " names no body: the body's place is
 * titled by the title line (or by what comes before " assessment"),
 * never "" (the fuzzer's report target found this: the import refused
 * the place as "t.txt:0: title '' is empty").
 */
static void
test_no_body(void)
{
	static const char *const t[] = {
		": 3\nPartnerships and communities\nScore: 3\n",
		": local authority assessment\nPartnerships and communities\n"
		    "Score: 2\n",
	};
	struct report	*r;
	char		*cause;
	size_t		 i, k, empty, places;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		if ((cause = read_text(t[i], &r)) != NULL) {
			tap_ok(0, "no body: read (%s)", cause);
			free(cause);
			continue;
		}
		for (empty = places = k = 0; k < r->nnodes; k++) {
			empty += r->nodes[k].title[0] == '\0';
			places += strcmp(r->nodes[k].kind, "place") == 0;
		}
		tap_ok(empty == 0 && places == 1 && r->place != 0, "no body "
		    "(%zu): every node titled, the body's place too", i);
		if (i == 0)
			tap_is_str(r->nodes[r->place - 1].title, r->title,
			    "... by the title line");
		report_free(r);
	}
}

/*
 * Bytes are checked eight at a time: a control byte at every offset of a
 * text of lines of every length from 1 to 11, and £ before it, is named
 * at its line; tabs, form feeds and carriage returns at every offset are
 * not refused.
 */
static void
test_refused_at(void)
{
	char		 buf[128], *cause, *want;
	size_t		 len, at, i;
	unsigned long	 line;
	int		 ok = 1;

	for (len = 1; len <= 11; len++)
		for (at = 0; at < 60; at++) {
			struct report	*r = report_new();

			for (i = 0; i < sizeof buf; i++)
				buf[i] = i % (len + 1) == len ? '\n' : 'a';
			memcpy(buf, "\xc2\xa3", 2);
			buf[at + 2] = at % 2 ? '\x1b' : '\0';
			for (line = 1, i = 0; i < at + 2; i++)
				line += buf[i] == '\n';
			want = xasprintf("t.txt:%lu: a binary file, not a "
			    "report's text (byte 0x%02x)", line, at % 2 ? 0x1b : 0);
			cause = NULL;
			if (report_text_add(r, "t.txt", buf, sizeof buf,
			    &cause) != -1 || cause == NULL ||
			    strcmp(cause, want) != 0)
				ok = 0;
			free(cause);
			free(want);
			report_free(r);
		}
	tap_ok(ok, "a control byte at every offset: refused at its line");
	ok = 1;
	for (at = 0; at < 24; at++) {
		struct report	*r = report_new();

		memset(buf, 'a', 32);
		buf[at] = "\t\f\r"[at % 3];
		cause = NULL;
		if (report_text_add(r, "t.txt", buf, 32, &cause) != 0)
			ok = 0;
		free(cause);
		report_free(r);
	}
	tap_ok(ok, "a tab, form feed or carriage return anywhere: taken");
}

/* A made-up fragment of an ICS report, hard-wrapped as a PDF's text. */
static const char wrapped[] =
    "Theme 3: Quality and safety\n"
    "Direction of travel\n"
    "There is a positive direction of travel for quality and safety with\n"
    "evidence of system-wide processes. However, a limited shared\n"
    "safety culture is a risk.\n"
    "Quality statement: Safeguarding\n"
    "Key messages\n"
    "Partners collaborate well in a multi-agency approach to discharge the\n"
    "safeguarding responsibilities of the system as a whole, and hard-to-\n"
    "reach groups are heard.\n"
    "Challenges included:\n"
    "isolated communities\n"
    "the cost of living\n"
    "https://www.cqc.org.uk/\n"
    "12\n"
    "- 13 -\n"
    "Findings of the boards\n"
    "Boards meet regularly to identify common issues and concerns across\n"
    "both places of the system and they share what they learn with all.\n";

static const char *
node_of(const struct report *r, const struct report_block *b)
{
	return r->nodes[b->node - 1].slug;
}

static void
test_wrapped(void)
{
	struct report	*r;
	char		*cause;

	cause = read_text(wrapped, &r);
	tap_ok(cause == NULL, "a wrapped fragment reads");
	free(cause);
	if (r == NULL)
		return;
	tap_is_int((long long)r->nnodes, 6, "six nodes");
	tap_is_int((long long)r->nblocks, 6, "six blocks");
	if (r->nblocks == 6) {
		tap_is_str(r->blocks[0].text, "There is a positive direction of "
		    "travel for quality and safety with evidence of system-wide "
		    "processes. However, a limited shared safety culture is a "
		    "risk.", "wrapped lines make one paragraph");
		tap_ok(strstr(r->blocks[1].text, "hard-to-reach") != NULL,
		    "a line-end hyphen is kept, with no space");
		tap_is_str(r->blocks[3].kind, "item", "lost bullets: an item");
		tap_is_str(r->blocks[4].text, "the cost of living", "its text");
		tap_is_str(node_of(r, &r->blocks[5]), "findings-of-the-boards",
		    "a heading after the list");
	}
	tap_is_int((long long)r->ndropped, 3, "URL and page numbers dropped");
	/* Every statement missing is named. */
	tap_ok(r->nwarnings >= 5 && strstr(r->warnings[r->nwarnings - 1].what,
	    "'Equity in experience and outcomes' not found") != NULL,
	    "a truncated report names what is missing");
	report_free(r);
}

/* White space collapsed, curly quotes straight: as the PDF and web differ. */
static char *
normal(const char *s)
{
	struct strbuf	 sb = STRBUF_INIT;
	int		 space = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n') {
			space = sb.len > 0;
			continue;
		}
		if (space)
			strbuf_addc(&sb, ' ');
		space = 0;
		if (strncmp(s, "\xe2\x80\x98", 3) == 0 ||
		    strncmp(s, "\xe2\x80\x99", 3) == 0) {
			strbuf_addc(&sb, '\'');
			s += 2;
		} else if (strncmp(s, "\xe2\x80\x9c", 3) == 0 ||
		    strncmp(s, "\xe2\x80\x9d", 3) == 0) {
			strbuf_addc(&sb, '"');
			s += 2;
		} else
			strbuf_addc(&sb, *s);
	}
	return strbuf_detach(&sb);
}

struct texts {
	char	**s;
	size_t	 n;
};

static void
texts_load(sqlite3 *db, const char *schema, const char *path,
    struct texts *t)
{
	sqlite3_stmt	*st;
	char		*sql;

	sql = xasprintf("SELECT b.text FROM %s.blocks b JOIN %s.nodes n ON "
	    "n.id = b.node WHERE n.path = ?1 ORDER BY b.rowid", schema, schema);
	t->n = 0;
	t->s = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			t->s = xreallocarray(t->s, t->n + 1, sizeof *t->s);
			t->s[t->n++] = normal((const char *)
			    sqlite3_column_text(st, 0));
		}
	}
	sqlite3_finalize(st);
	free(sql);
}

static size_t
texts_lcs(const struct texts *a, const struct texts *b)
{
	size_t	*d, i, j, w = b->n + 1, r;

	d = xcalloc((a->n + 1) * w, sizeof *d);
	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++)
			d[(i + 1) * w + j + 1] = strcmp(a->s[i], b->s[j]) == 0 ?
			    d[i * w + j] + 1 : d[i * w + j + 1] > d[(i + 1) * w
			    + j] ? d[i * w + j + 1] : d[(i + 1) * w + j];
	r = d[a->n * w + b->n];
	free(d);
	return r;
}

static void
texts_free(struct texts *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		free(t->s[i]);
	free(t->s);
}

/*
 * Compare the nodes of the report under prefix: *nodes of *allnodes at
 * the same path with the same kind, *blocks of *allblocks in place.
 */
static void
compare(sqlite3 *db, const char *prefix, int *nodes, int *allnodes,
    int *blocks, int *allblocks)
{
	sqlite3_stmt	*st;
	struct texts	 a, b;

	*nodes = *allnodes = *blocks = *allblocks = 0;
	if (sqlite3_prepare_v2(db, "SELECT r.path, EXISTS (SELECT 1 FROM "
	    "main.nodes m WHERE m.path = r.path AND m.kind = r.kind) FROM "
	    "ref.nodes r WHERE r.source = 'cqc' AND (r.path = ?1 OR r.path "
	    "LIKE ?1 || '/%' OR ?1 = '') ORDER BY r.id", -1, &st, NULL) !=
	    SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char	*path = (const char *)sqlite3_column_text(st, 0);

		(*allnodes)++;
		*nodes += sqlite3_column_int(st, 1);
		texts_load(db, "ref", path, &a);
		texts_load(db, "main", path, &b);
		*allblocks += (int)a.n;
		*blocks += (int)texts_lcs(&a, &b);
		texts_free(&a);
		texts_free(&b);
	}
	sqlite3_finalize(st);
}

/* Read the source file name into a database; its path, or NULL. */
static char *
read_source(const char *dir, const char *name)
{
	struct report	*r = report_new();
	char		*path, *out, *cause = NULL;
	int		 fd;

	path = xasprintf("%s/%s", dir, name);
	out = xstrdup("/tmp/test_report_text.XXXXXX");
	if ((fd = mkstemp(out)) != -1)
		close(fd);
	if (fd == -1 || report_text_load(r, path, &cause) != 0 ||
	    report_parse(r, &cause) != 0 ||
	    report_import(r, out, &cause) != 0) {
		printf("# %s: %s\n", name, cause != NULL ? cause : "mkstemp");
		unlink(out);
		free(out);
		out = NULL;
	}
	free(cause);
	free(path);
	report_free(r);
	return out;
}

static void
fidelity(const char *dir, const char *name, const char *prefix,
    int min_nodes, int min_blocks)
{
	sqlite3	*db = NULL;
	char	*out, *ref, *sql;
	int	 n, an, b, ab;

	if ((out = read_source(dir, name)) == NULL) {
		tap_ok(0, "%s reads", name);
		return;
	}
	ref = xasprintf("%s/assets/dorset.db", getenv("top_builddir") ?
	    getenv("top_builddir") : ".");
	sql = sqlite3_mprintf("ATTACH %Q AS ref", ref);
	if (sqlite3_open_v2(out, &db, SQLITE_OPEN_READONLY, NULL) ==
	    SQLITE_OK && sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK) {
		compare(db, prefix, &n, &an, &b, &ab);
		printf("# %s: nodes %d of %d, blocks %d of %d\n", name, n, an, b,
		    ab);
		tap_ok(n >= min_nodes && an > 0, "%s: at least %d nodes in "
		    "place", name, min_nodes);
		tap_ok(b >= min_blocks, "%s: at least %d blocks in place", name,
		    min_blocks);
	} else
		tap_ok(0, "open %s and %s", out, ref);
	sqlite3_close(db);
	sqlite3_free(sql);
	unlink(out);
	free(out);
	free(ref);
}

int
main(void)
{
	const char	*env;
	char		*dir, *probe;

	setlocale(LC_ALL, "C.UTF-8");
	test_statements();
	test_scores();
	test_refused();
	test_refused_at();
	test_wrapped();
	test_no_body();
	if ((env = getenv("ICSB_SOURCE_DIR")) != NULL)
		dir = xstrdup(env);
	else
		dir = xasprintf("%s/../shared/source", getenv("top_srcdir") ?
		    getenv("top_srcdir") : ".");
	probe = xasprintf("%s/cqc-dorset-ics-assessment-2024.txt", dir);
	if (access(probe, R_OK) != 0)
		tap_diag("SKIP fidelity: the report's sources are not there");
	else {
		fidelity(dir, "cqc-dorset-ics-assessment-2024.txt", "", 92, 243);
		fidelity(dir, "cqc-dorset-ics-quality-and-safety-pdf-extract.txt",
		    "quality-and-safety", 23, 72);
	}
	free(probe);
	free(dir);
	return tap_done();
}
