/*
 * csv_export.c: writing a database back as a dataset's CSV files.
 *
 * The writer quotes a field only when it holds a comma, a quote or a line
 * break (the quoting of libcsv's csv_fwrite()), so the files stay easy to
 * read and diff, and the ones in assets/ are exactly what export writes.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>

#include "core/csv_export.h"
#include "core/db.h"
#include "core/strbuf.h"
#include "core/tables.h"
#include "core/xmalloc.h"

void
csv_export_number(double v, char out[32])
{
	int	 prec;

	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(out, 32, "%.0f", v);
		return;
	}
	for (prec = 1; prec < 17; prec++) {
		snprintf(out, 32, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			return;
	}
	snprintf(out, 32, "%.17g", v);
}

static int
export_field(FILE *f, sqlite3_stmt *st, int col)
{
	const char	*s;
	char		 num[32];
	size_t		 len;

	switch (sqlite3_column_type(st, col)) {
	case SQLITE_NULL:
		return 0;
	case SQLITE_FLOAT:
		csv_export_number(sqlite3_column_double(st, col), num);
		return fputs(num, f) == EOF ? -1 : 0;
	}
	s = (const char *)sqlite3_column_text(st, col);
	len = (size_t)sqlite3_column_bytes(st, col);
	if (s == NULL)
		return 0;
	if (strpbrk(s, ",\"\r\n") != NULL || memchr(s, '\0', len) != NULL)
		return csv_fwrite(f, s, len) == 0 ? 0 : -1;
	return fwrite(s, 1, len, f) == len ? 0 : -1;
}

static char *
export_select(const struct table *t)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i;

	strbuf_adds(&sb, "SELECT ");
	for (i = 0; i < t->ncolumns; i++)
		strbuf_addf(&sb, "%s%s", i ? "," : "", t->columns[i].name);
	strbuf_addf(&sb, " FROM %s ORDER BY %s", t->name, t->order);
	return strbuf_detach(&sb);
}

static int
export_rows(struct db *db, const struct table *t, FILE *f, char **cause)
{
	sqlite3_stmt	*st;
	char		*sql;
	size_t		 i;
	int		 r, rc = -1;

	sql = export_select(t);
	r = db_prepare(db, sql, &st, cause);
	free(sql);
	if (r != 0)
		return -1;
	for (i = 0; i < t->ncolumns; i++)
		fprintf(f, "%s%s", i ? "," : "", t->columns[i].name);
	fputc('\n', f);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < t->ncolumns; i++) {
			if (i > 0)
				fputc(',', f);
			export_field(f, st, (int)i);
		}
		fputc('\n', f);
	}
	if (r != SQLITE_DONE)
		*cause = db_cause(db, "cannot read the database");
	else
		rc = 0;
	sqlite3_finalize(st);
	return rc;
}

static int
export_table(struct db *db, const struct table *t, const char *dir,
    char **cause)
{
	char	*path, *tmp;
	FILE	*f = NULL;
	int	 fd, rc = -1;

	path = xasprintf("%s/%s.csv", dir, t->name);
	tmp = xasprintf("%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		*cause = xasprintf("%s: cannot write: %s", path,
		    strerror(errno));
		if (fd != -1) {
			close(fd);
			unlink(tmp);
		}
		goto out;
	}
	if (export_rows(db, t, f, cause) != 0) {
		fclose(f);
		unlink(tmp);
		goto out;
	}
	if (fflush(f) != 0 || ferror(f) || fsync(fd) != 0 ||
	    fchmod(fd, 0644) != 0) {
		*cause = xasprintf("%s: cannot write: %s", path,
		    strerror(errno));
		fclose(f);
		unlink(tmp);
		goto out;
	}
	if (fclose(f) != 0 || rename(tmp, path) != 0) {
		*cause = xasprintf("%s: cannot write: %s", path,
		    strerror(errno));
		unlink(tmp);
		goto out;
	}
	rc = 0;
out:
	free(tmp);
	free(path);
	return rc;
}

int
csv_export(struct db *db, const char *dir, char **cause)
{
	struct stat	 sb;
	size_t		 i;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		*cause = xasprintf("%s: cannot create the directory: %s", dir,
		    strerror(errno));
		return -1;
	}
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		*cause = xasprintf("%s: not a directory", dir);
		return -1;
	}
	for (i = 0; i < ntables; i++)
		if (export_table(db, &tables[i], dir, cause) != 0)
			return -1;
	return 0;
}
