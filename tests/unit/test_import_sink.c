/*
 * test_import_sink.c: the import sink, fed rows directly (import_sink.c).
 *
 * A sink given every table in order commits a database that opens; a
 * row it refuses names its origin and line; an abort, before or after
 * rows, leaves the output as it was and no temporary file beside it.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csv_read.h"
#include "core/db.h"
#include "core/import_sink.h"
#include "core/tables.h"
#include "core/xmalloc.h"
#include "../tap.h"

static char	 dir[] = "/tmp/test_import_sink.XXXXXX";

/* Give the sink one row of n fields from line. */
static int
put(struct import_sink *s, unsigned long line, size_t n, const char **f,
    char **cause)
{
	struct csv_record	 rec;
	size_t			 lens[16], i;

	for (i = 0; i < n; i++)
		lens[i] = strlen(f[i]);
	rec.line = line;
	rec.nfields = n;
	rec.fields = (char **)f;
	rec.lens = lens;
	return import_sink_row(s, &rec, cause);
}

/* Feed a minimal dataset; bad makes the block's node one that is not. */
static int
feed(struct import_sink *s, int bad, char **cause)
{
	const char	*meta[3][2] = { { "title", "T" }, { "publisher", "P" },
	    { "published", "2026" } };
	const char	*node[8] = { "1", "", "part", "overview", "Overview", "",
	    "", "" };
	const char	*block[3] = { bad ? "9" : "1", "para", "日本語 £ ’" };
	size_t		 i, k;

	for (i = 0; i < ntables; i++) {
		if (import_sink_table(s, &tables[i], "made-up", cause) != 0)
			return -1;
		if (strcmp(tables[i].name, "meta") == 0)
			for (k = 0; k < 3; k++)
				if (put(s, k + 2, 2, meta[k], cause) != 0)
					return -1;
		if (strcmp(tables[i].name, "nodes") == 0 &&
		    put(s, 7, 8, node, cause) != 0)
			return -1;
		if (strcmp(tables[i].name, "blocks") == 0 &&
		    put(s, 12, 3, block, cause) != 0)
			return -1;
		if (import_sink_end_table(s, cause) != 0)
			return -1;
	}
	return 0;
}

/* Files in dir other than out: temporary files left behind. */
static int
leftovers(const char *out)
{
	DIR		*d = opendir(dir);
	struct dirent	*de;
	int		 n = 0;

	while (d != NULL && (de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' && strcmp(de->d_name, out) != 0)
			n++;
	if (d != NULL)
		closedir(d);
	return n;
}

int
main(void)
{
	struct import_sink	*s;
	struct db		*db;
	char			*out, *cause = NULL;
	FILE			*f;

	if (mkdtemp(dir) == NULL)
		return 1;
	out = xasprintf("%s/out.db", dir);
	s = import_sink_begin(out, &cause);
	tap_ok(s != NULL && feed(s, 0, &cause) == 0, "rows of every table go in");
	tap_ok(s != NULL && import_sink_commit(s, &cause) == 0, "and commit");
	db = db_open(out, DB_READONLY, &cause);
	tap_ok(db != NULL, "into a database that opens");
	db_close(db, NULL);
	tap_is_int(leftovers("out.db"), 0, "no temporary file is left");

	f = fopen(out, "w");
	fputs("keep", f);
	fclose(f);
	free(cause);
	cause = NULL;
	s = import_sink_begin(out, &cause);
	tap_ok(s != NULL && feed(s, 1, &cause) != 0, "a bad row is refused");
	tap_is_str(cause, "made-up:12: node '9' does not exist in nodes.csv",
	    "it names where it came from");
	import_sink_abort(s);
	tap_is_int(leftovers("out.db"), 0, "abort leaves no temporary file");
	f = fopen(out, "r");
	tap_ok(f != NULL && fgetc(f) == 'k', "nor touches the output");
	if (f != NULL)
		fclose(f);
	import_sink_abort(import_sink_begin(out, &cause));
	tap_is_int(leftovers("out.db"), 0, "an abort before any row likewise");
	import_sink_abort(NULL);
	unlink(out);
	rmdir(dir);
	free(out);
	free(cause);
	return tap_done();
}
