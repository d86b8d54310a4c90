/*
 * fuzz_csv.c: the CSV reader and the importer, on hostile input.
 *
 * The first byte chooses the mode:
 *
 * - odd: the rest is one CSV file, read with csv_read_open() and
 *   csv_read_next() through fmemopen(); max_fields is 1 + (byte >> 1) % 16.
 *   Every record must keep the reader's promises (fields of valid UTF-8
 *   with no NUL, within the limits, lines that never go back).
 * - even: the rest is a whole dataset, its files (meta, sources, nodes,
 *   blocks, places, figures, mentions: the order of tables[]) separated by
 *   0xff bytes, which no CSV file may hold anyway.  A file the input does
 *   not reach is a header line alone, unless bit 1 of the first byte is
 *   set: then it is missing.  csv_import() must fail cleanly or build a
 *   database that opens and renders.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csv_import.h"
#include "core/csv_read.h"
#include "core/db.h"
#include "core/strbuf.h"
#include "core/tables.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_plain.h"
#include "fuzz.h"

#define FUZZ_CSV_SEP	0xff

/* What every record csv_read_next() hands out must be. */
static void
fuzz_csv_check(const struct csv_record *rec, size_t max_fields,
    unsigned long *line)
{
	size_t	 i, bad;

	if (rec->nfields == 0 || rec->nfields > max_fields)
		fuzz_fail("csv_read_next: a record with too many fields, or "
		    "none", NULL);
	if (rec->line < *line)
		fuzz_fail("csv_read_next: a record starts before the last",
		    NULL);
	*line = rec->line;
	for (i = 0; i < rec->nfields; i++) {
		if (rec->lens[i] > CSV_FIELD_MAX ||
		    strlen(rec->fields[i]) != rec->lens[i])
			fuzz_fail("csv_read_next: a field's length is wrong, "
			    "too long or it holds a NUL", rec->fields[i]);
		if (utf8_validate(rec->fields[i], rec->lens[i], &bad) != 0)
			fuzz_fail("csv_read_next: a field of invalid UTF-8",
			    rec->fields[i]);
	}
}

static void
fuzz_csv_read(const uint8_t *data, size_t size, size_t max_fields)
{
	struct csv_reader	*r;
	struct csv_record	*rec;
	unsigned long		 line = 0;
	char			*cause = NULL;
	FILE			*f;
	int			 n;

	/* fmemopen() may refuse a size of 0. */
	f = size > 0 ? fmemopen((void *)data, size, "r") :
	    fopen("/dev/null", "r");
	if (f == NULL)
		return;
	r = csv_read_open(f, "fuzz.csv", max_fields);
	while ((n = csv_read_next(r, &rec, &cause)) > 0)
		fuzz_csv_check(rec, max_fields, &line);
	if (n < 0 && cause == NULL)
		fuzz_fail("csv_read_next: -1 without a cause", NULL);
	free(cause);
	csv_read_free(r);
	fclose(f);
}

static void
fuzz_csv_write(const char *path, const void *buf, size_t len)
{
	FILE	*f;

	if ((f = fopen(path, "w")) == NULL)
		fuzz_fail("cannot write", path);
	if (fwrite(buf, 1, len, f) != len || fclose(f) != 0)
		fuzz_fail("cannot write", path);
}

/* A database that imported must open, walk and render. */
static void
fuzz_csv_render(const char *path)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct db	*db;
	struct doc	*doc;
	char		*cause = NULL;

	if ((db = db_open(path, DB_READONLY, &cause)) == NULL)
		fuzz_fail("an imported database does not open", cause);
	doc = doc_new(db);
	if (doc_add_node(doc, db, 0, &cause) != 0)
		fuzz_fail("an imported database does not walk", cause);
	fmt_plain_buf(doc, &sb, 40);
	strbuf_free(&sb);
	doc_free(doc);
	if (db_close(db, &cause) != 0)
		fuzz_fail("an imported database does not close", cause);
}

/* The header line of t's file, a new string. */
static char *
fuzz_csv_header(const struct table *t)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i;

	for (i = 0; i < t->ncolumns; i++)
		strbuf_addf(&sb, "%s%s", i ? "," : "", t->columns[i].name);
	strbuf_addc(&sb, '\n');
	return strbuf_detach(&sb);
}

/* Whether a temporary file of the import is left in dir. */
static int
fuzz_csv_litter(const char *dir)
{
	struct dirent	*de;
	DIR		*d;
	int		 found = 0;

	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, "out.db.tmp-", 11) == 0)
			found = 1;
	closedir(d);
	return found;
}

static void
fuzz_csv_import(const uint8_t *data, size_t size, int missing)
{
	const char	*dir = fuzz_tmpdir();
	const uint8_t	*p = data, *end = data + size, *sep;
	char		*path, *out, *cause = NULL, *head;
	size_t		 i;

	for (i = 0; i < ntables; i++) {
		path = xasprintf("%s/%s.csv", dir, tables[i].name);
		unlink(path);
		if (p != NULL) {
			sep = memchr(p, FUZZ_CSV_SEP, (size_t)(end - p));
			fuzz_csv_write(path, p, (size_t)((sep ? sep : end) - p));
			p = sep != NULL ? sep + 1 : NULL;
		} else if (!missing) {
			head = fuzz_csv_header(&tables[i]);
			fuzz_csv_write(path, head, strlen(head));
			free(head);
		}
		free(path);
	}
	out = xasprintf("%s/out.db", dir);
	if (csv_import(dir, out, &cause) == 0)
		fuzz_csv_render(out);
	else if (cause == NULL)
		fuzz_fail("csv_import: -1 without a cause", NULL);
	else if (access(out, F_OK) == 0)
		fuzz_fail("csv_import failed but left its output", cause);
	if (fuzz_csv_litter(dir))
		fuzz_fail("csv_import left a temporary file", cause);
	free(cause);
	unlink(out);
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > FUZZ_MAX_INPUT)
		return 0;
	fuzz_init();
	if (data[0] & 1)
		fuzz_csv_read(data + 1, size - 1, 1 + (data[0] >> 1) % 16);
	else
		fuzz_csv_import(data + 1, size - 1, data[0] & 2);
	return 0;
}
