/*
 * fuzz_csv.c: the CSV reader and the importer, on hostile input.
 *
 * The first byte chooses the mode:
 *
 * - odd: the rest is one CSV file, read with csv_read_open() and
 *   csv_read_next() through fmemopen(); max_fields is 1 + (byte >> 1) % 16.
 *   Every record must keep the reader's promises (fields of valid UTF-8
 *   with no NUL, within the limits, lines that never go back).
 * - even: the rest is a whole dataset, as fuzz_write_dataset() writes
 *   it (bit 1 of the first byte set: files it does not reach are
 *   missing).  csv_import_db() must fail cleanly or build a database in
 *   memory that walks and renders.  The replay also imports it into a
 *   file with csv_import(), which must agree, and fail leaving nothing.
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
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_plain.h"
#include "fuzz.h"

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

/* A database that imported must walk and render. */
static void
fuzz_csv_render(struct db *db)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct doc	*doc;
	char		*cause = NULL;

	doc = doc_new(db);
	if (doc_add_node(doc, db, 0, &cause) != 0)
		fuzz_fail("an imported database does not walk", cause);
	fmt_plain_buf(doc, &sb, 40);
	strbuf_free(&sb);
	doc_free(doc);
}

#ifdef FUZZ_NAME
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

/*
 * The import into a file, all or nothing: only the replay (make check)
 * takes this path, which fsyncs and renames; the fuzzer builds in memory.
 */
static void
fuzz_csv_import_file(int ok)
{
	const char	*dir = fuzz_tmpdir();
	struct db	*db;
	char		*out, *cause = NULL;

	out = xasprintf("%s/out.db", dir);
	if (csv_import(dir, out, &cause) == 0) {
		if (!ok)
			fuzz_fail("csv_import took what it refused in memory",
			    NULL);
		if ((db = db_open(out, DB_READONLY, &cause)) == NULL)
			fuzz_fail("an imported database does not open", cause);
		fuzz_csv_render(db);
		if (db_close(db, &cause) != 0)
			fuzz_fail("an imported database does not close",
			    cause);
	} else if (cause == NULL)
		fuzz_fail("csv_import: -1 without a cause", NULL);
	else if (ok)
		fuzz_fail("csv_import refused what it took in memory", cause);
	else if (access(out, F_OK) == 0)
		fuzz_fail("csv_import failed but left its output", cause);
	if (fuzz_csv_litter(dir))
		fuzz_fail("csv_import left a temporary file", cause);
	free(cause);
	unlink(out);
	free(out);
}
#endif

static void
fuzz_csv_import(const uint8_t *data, size_t size, int missing)
{
	struct db	*db;
	char		*cause = NULL;
	int		 ok;

	fuzz_write_dataset(data, size, missing);
	db = fuzz_memdb();
	ok = csv_import_db(db, fuzz_tmpdir(), &cause) == 0;
	if (ok)
		fuzz_csv_render(db);
	else if (cause == NULL)
		fuzz_fail("csv_import_db: -1 without a cause", NULL);
	else
		fuzz_memdb_check_empty();
	free(cause);
#ifdef FUZZ_NAME
	fuzz_csv_import_file(ok);
#endif
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
