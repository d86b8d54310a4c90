/*
 * csv_import.c: the CSV folder as a source of the import sink.
 *
 * Each table of tables[] is read from DIR/TABLE.csv (or, for the
 * fuzzers, from a text in memory) with csv_read: the header must name the
 * table's columns in order, and every record goes to the sink
 * (import_sink.c), which checks it and writes it.  Only a complete,
 * checked database is renamed over the output.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csv_import.h"
#include "core/csv_read.h"
#include "core/import_sink.h"
#include "core/strbuf.h"
#include "core/tables.h"
#include "core/xmalloc.h"

struct import {
	const char		*dir;		/* of the files, or NULL: */
	const struct csv_text	*mem;		/* the texts in memory */
	size_t			 nmem;
	struct import_sink	*sink;
	char			*path;		/* the CSV file being read */
};

/* Open a CSV file, refusing what is not a regular file (a FIFO blocks). */
static FILE *
import_open(const char *path, char **cause)
{
	struct stat	 sb;
	FILE		*f;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		*cause = xasprintf("%s: %s", path, S_ISDIR(sb.st_mode) ?
		    "is a directory, not a CSV file" : "not a regular file");
		close(fd);
		return NULL;
	}
	if (fcntl(fd, F_SETFL, 0) == -1 || (f = fdopen(fd, "r")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	return f;
}

/* The text of table name in memory, opened as a file. */
static FILE *
import_open_mem(const struct import *im, const char *name, char **cause)
{
	FILE	*f;
	size_t	 i;

	for (i = 0; i < im->nmem; i++)
		if (strcmp(im->mem[i].name, name) == 0)
			break;
	if (i == im->nmem) {
		*cause = xasprintf("%s.csv: %s", name, strerror(ENOENT));
		return NULL;
	}
	f = fmemopen((void *)(uintptr_t)im->mem[i].buf, im->mem[i].len, "r");
	if (f == NULL)
		*cause = xasprintf("%s.csv: %s", name, strerror(errno));
	return f;
}

static char *
import_header_names(const struct table *t)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i;

	for (i = 0; i < t->ncolumns; i++) {
		if (i > 0)
			strbuf_addc(&sb, ',');
		strbuf_adds(&sb, t->columns[i].name);
	}
	return strbuf_detach(&sb);
}

static int
import_header(struct import *im, const struct table *t,
    struct csv_reader *r, char **cause)
{
	struct csv_record	*rec;
	char			*want;
	size_t			 i;
	int			 n, rc = -1;

	want = import_header_names(t);
	if ((n = csv_read_next(r, &rec, cause)) < 0)
		goto out;
	if (n == 0) {
		*cause = xasprintf("%s: empty file: expected the header line "
		    "%s", im->path, want);
		goto out;
	}
	for (i = 0; i < t->ncolumns; i++)
		if (i >= rec->nfields ||
		    strcmp(rec->fields[i], t->columns[i].name) != 0)
			break;
	if (i != t->ncolumns || rec->nfields != t->ncolumns) {
		*cause = xasprintf("%s:%lu: bad header: expected %s", im->path,
		    rec->line, want);
		goto out;
	}
	rc = 0;
out:
	free(want);
	return rc;
}

static int
import_table(struct import *im, const struct table *t, char **cause)
{
	struct csv_reader	*r = NULL;
	struct csv_record	*rec;
	FILE			*f;
	int			 n, rc = -1;

	if (im->dir != NULL) {
		im->path = xasprintf("%s/%s.csv", im->dir, t->name);
		f = import_open(im->path, cause);
	} else {
		im->path = xasprintf("%s.csv", t->name);
		f = import_open_mem(im, t->name, cause);
	}
	if (f == NULL)
		goto out;
	r = csv_read_open(f, im->path, t->ncolumns);
	if (import_header(im, t, r, cause) != 0 ||
	    import_sink_table(im->sink, t, im->path, cause) != 0)
		goto out;
	while ((n = csv_read_next(r, &rec, cause)) > 0)
		if (import_sink_row(im->sink, rec, cause) != 0)
			goto out;
	if (n < 0)
		goto out;
	rc = import_sink_end_table(im->sink, cause);
out:
	csv_read_free(r);
	if (f != NULL)
		fclose(f);
	free(im->path);
	im->path = NULL;
	return rc;
}

/*
 * The CSV source: every table, from the files of dir or (dir NULL) the n
 * texts of mem, into sink (NULL: it failed).
 */
static int
csv_import_into(const char *dir, const struct csv_text *mem, size_t n,
    struct import_sink *sink, char **cause)
{
	struct import	 im;
	size_t		 i;

	if (sink == NULL)
		return -1;
	memset(&im, 0, sizeof im);
	im.dir = dir;
	im.mem = mem;
	im.nmem = n;
	im.sink = sink;
	for (i = 0; i < ntables; i++)
		if (import_table(&im, &tables[i], cause) != 0) {
			import_sink_abort(im.sink);
			return -1;
		}
	return import_sink_commit(im.sink, cause);
}

/* The bytes of dir's nodes and blocks, or -1 if one is not a file. */
static long long
csv_import_text(const char *dir)
{
	static const char *const names[] = { "nodes", "blocks" };
	struct stat	 sb;
	long long	 n = 0;
	char		*path;
	size_t		 i;
	int		 r;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		path = xasprintf("%s/%s.csv", dir, names[i]);
		r = stat(path, &sb);
		free(path);
		if (r != 0 || !S_ISREG(sb.st_mode))
			return -1;
		n += (long long)sb.st_size;
	}
	return n;
}

int
csv_import(const char *dir, const char *out, char **cause)
{
	return csv_import_into(dir, NULL, 0, import_sink_begin_sized(out,
	    csv_import_text(dir), cause), cause);
}

int
csv_import_db(struct db *db, const char *dir, char **cause)
{
	return csv_import_into(dir, NULL, 0, import_sink_begin_db(db, cause),
	    cause);
}

int
csv_import_mem(struct db *db, const struct csv_text *files, size_t n,
    char **cause)
{
	return csv_import_into(NULL, files, n, import_sink_begin_db(db,
	    cause), cause);
}
