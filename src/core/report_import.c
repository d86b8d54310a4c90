/*
 * report_import.c: a report, read, as the rows of a dataset, through the
 * import sink: the same checks and the same all-or-nothing write as a CSV
 * folder gets.
 *
 * The report is the one source (code "cqc"); its metadata are the meta
 * rows; local authority scores are figures of the council, unit "score",
 * out of 4 (a statement) or 100 (the overall score).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv_read.h"
#include "core/import_sink.h"
#include "core/report.h"
#include "core/tables.h"
#include "core/xmalloc.h"

#define ROW_MAX	16

struct row {
	struct csv_record	 rec;
	char			*fields[ROW_MAX];
	size_t			 lens[ROW_MAX];
};

/* Make a row of n fields: strings, NULL for empty.  Copies them. */
static void
row_set(struct row *w, unsigned long line, size_t n, const char *const *f)
{
	size_t	 i;

	w->rec.line = line;
	w->rec.nfields = n;
	w->rec.fields = w->fields;
	w->rec.lens = w->lens;
	for (i = 0; i < n; i++) {
		w->fields[i] = xstrdup(f[i] != NULL ? f[i] : "");
		w->lens[i] = strlen(w->fields[i]);
	}
}

static void
row_clear(struct row *w)
{
	size_t	 i;

	for (i = 0; i < w->rec.nfields; i++)
		free(w->fields[i]);
	w->rec.nfields = 0;
}

static int
row_put(struct import_sink *s, unsigned long line, size_t n,
    const char *const *f, char **cause)
{
	struct row	 w;
	int		 rc;

	row_set(&w, line, n, f);
	rc = import_sink_row(s, &w.rec, cause);
	row_clear(&w);
	return rc;
}

static int
rows_meta(struct import_sink *s, const struct report *r, char **cause)
{
	const char	*keys[] = { "title", "publisher", "published", "started",
	    "body", "rating" };
	const char	*vals[] = { r->title, "Care Quality Commission",
	    r->published != NULL ? r->published : "not stated in the report",
	    r->started, r->body, r->rating };
	size_t		 i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const char	*f[2] = { keys[i], vals[i] };

		if (vals[i] != NULL && *vals[i] != '\0' &&
		    row_put(s, 0, 2, f, cause) != 0)
			return -1;
	}
	return 0;
}

static int
rows_sources(struct import_sink *s, const struct report *r, char **cause)
{
	const char	*f[4] = { "cqc", r->title, "Care Quality Commission",
	    r->published };

	return row_put(s, 0, 4, f, cause);
}

static int
rows_nodes(struct import_sink *s, const struct report *r, char **cause)
{
	const struct report_node	*n;
	char				 id[32], parent[32], link[32];
	size_t				 i;

	for (i = 0; i < r->nnodes; i++) {
		const char	*f[8];

		n = &r->nodes[i];
		snprintf(id, sizeof id, "%zu", i + 1);
		snprintf(parent, sizeof parent, "%zu", n->parent);
		snprintf(link, sizeof link, "%zu", n->link);
		f[0] = id;
		f[1] = n->parent ? parent : NULL;
		f[2] = n->kind;
		f[3] = n->slug;
		f[4] = n->title;
		f[5] = n->heading;
		f[6] = n->link ? link : NULL;
		f[7] = "cqc";
		if (row_put(s, n->line, 8, f, cause) != 0)
			return -1;
	}
	return 0;
}

static int
rows_blocks(struct import_sink *s, const struct report *r, char **cause)
{
	char	 node[32];
	size_t	 i;

	for (i = 0; i < r->nblocks; i++) {
		const char	*f[3] = { node, r->blocks[i].kind,
		    r->blocks[i].text };

		snprintf(node, sizeof node, "%zu", r->blocks[i].node);
		if (row_put(s, r->blocks[i].line, 3, f, cause) != 0)
			return -1;
	}
	return 0;
}

static int
rows_places(struct import_sink *s, const struct report *r, char **cause)
{
	const struct report_node	*n;
	char				 node[32];
	const char			*f[4];

	if (r->place == 0)
		return 0;
	n = &r->nodes[r->place - 1];
	snprintf(node, sizeof node, "%zu", r->place);
	f[0] = n->slug;
	f[1] = r->framework == REPORT_LA ? "council" : "ics";
	f[2] = n->title;
	f[3] = node;
	return row_put(s, 0, 4, f, cause);
}

static int
rows_figures(struct import_sink *s, const struct report *r, char **cause)
{
	const struct report_score	*sc;
	char				 id[32], value[32], out_of[32], node[32];
	size_t				 i;

	for (i = 0; i < r->nscores; i++) {
		const char	*f[13] = { id, NULL, NULL, NULL, value, NULL,
		    "score", out_of, "", "value", NULL, "", node };

		sc = &r->scores[i];
		snprintf(id, sizeof id, "%zu", i + 1);
		snprintf(value, sizeof value, "%d", sc->value);
		snprintf(out_of, sizeof out_of, "%d", sc->out_of);
		snprintf(node, sizeof node, "%zu", sc->node);
		f[1] = sc->measure;
		f[2] = sc->label;
		f[3] = r->nodes[r->place - 1].slug;
		f[5] = sc->text;
		if (row_put(s, 0, 13, f, cause) != 0)
			return -1;
	}
	return 0;
}

static int (*const writers[])(struct import_sink *, const struct report *,
    char **) = { rows_meta, rows_sources, rows_nodes, rows_blocks,
    rows_places, rows_figures, NULL };

/* Feed r into s, table by table, and commit; frees s.  0 or -1. */
static int
report_import_into(const struct report *r, struct import_sink *s,
    char **cause)
{
	size_t	 i;

	if (s == NULL)
		return -1;
	for (i = 0; i < ntables; i++) {
		if (import_sink_table(s, &tables[i], r->files[0], cause) != 0 ||
		    (writers[i] != NULL && writers[i](s, r, cause) != 0) ||
		    import_sink_end_table(s, cause) != 0) {
			import_sink_abort(s);
			return -1;
		}
	}
	return import_sink_commit(s, cause);
}

/* The bytes of r's nodes' and blocks' text: the sink's measure of size. */
static long long
report_text_bytes(const struct report *r)
{
	long long	 n = 0;
	size_t		 i;

	for (i = 0; i < r->nnodes; i++)
		n += (long long)(strlen(r->nodes[i].title) +
		    strlen(r->nodes[i].heading));
	for (i = 0; i < r->nblocks; i++)
		n += (long long)strlen(r->blocks[i].text);
	return n;
}

int
report_import(const struct report *r, const char *out, char **cause)
{
	return report_import_into(r, import_sink_begin_sized(out,
	    report_text_bytes(r), cause), cause);
}

int
report_import_db(const struct report *r, struct db *db, char **cause)
{
	return report_import_into(r, import_sink_begin_db(db, cause), cause);
}
