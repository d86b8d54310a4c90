/*
 * fuzz_util.c: what the fuzz targets share: the locale, a scratch
 * directory, the real dataset's database, and failing loudly.
 *
 * Linked into every target, in its libFuzzer build and in its replay.
 */
#include "config.h"

#include <dirent.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csv_import.h"
#include "core/db.h"
#include "core/strbuf.h"
#include "core/tables.h"
#include "core/xmalloc.h"
#include "fuzz.h"

#ifndef ICSB_ASSETS
#define ICSB_ASSETS	"assets"
#endif

static char		*fuzz_dir;
static struct db	*fuzz_db;
static struct db	*fuzz_mem;

const char	*__lsan_default_suppressions(void);

/*
 * LeakSanitizer's hook for built-in suppressions.  Fontconfig, under
 * pango, keeps its font sets for the life of the process in a form that
 * LeakSanitizer cannot follow; none of it is ours.
 */
const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

void
fuzz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz: %s%s%s\n", what, detail != NULL ? ": " : "",
	    detail != NULL ? detail : "");
	abort();
}

void
fuzz_init(void)
{
	static int	 done;

	if (done)
		return;
	done = 1;
	/*
	 * One thread, and no count of memory kept: SQLite's mutexes and its
	 * bookkeeping of every allocation cost a tenth of a fuzzer's time.
	 * (Before SQLite is first used; ignored if it has been.)
	 */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	/*
	 * Every sort, IN list and recursive query opens a table of its own,
	 * whose page cache SQLite would allocate in bulk (some 80 KiB), and
	 * glibc give back to the system at its close: a fifth of the time of
	 * a small input.  Pages one at a time, and memory kept.
	 */
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)NULL, 0, 0);
#ifdef M_TRIM_THRESHOLD
	mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
	mallopt(M_TOP_PAD, 16 * 1024 * 1024);
#endif
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
	    setlocale(LC_CTYPE, "en_US.UTF-8") == NULL)
		fuzz_fail("no UTF-8 locale (C.UTF-8 or en_US.UTF-8)", NULL);
}

/* Remove the scratch directory and the files in it (it has no others). */
static void
fuzz_tmpdir_remove(void)
{
	struct dirent	*de;
	DIR		*d;
	char		*p;

	if (fuzz_dir == NULL)
		return;
	if ((d = opendir(fuzz_dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			p = xasprintf("%s/%s", fuzz_dir, de->d_name);
			unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(fuzz_dir);
	free(fuzz_dir);
	fuzz_dir = NULL;
}

const char *
fuzz_tmpdir(void)
{
	const char	*base;

	if (fuzz_dir != NULL)
		return fuzz_dir;
	/* The import fsyncs its output: memory is much faster than disk. */
	if ((base = getenv("TMPDIR")) == NULL || *base == '\0')
		base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	fuzz_dir = xasprintf("%s/icsb-fuzz.XXXXXX", base);
	if (mkdtemp(fuzz_dir) == NULL)
		fuzz_fail("cannot make a scratch directory", fuzz_dir);
	atexit(fuzz_tmpdir_remove);
	return fuzz_dir;
}

static void
fuzz_dataset_close(void)
{
	db_close(fuzz_db, NULL);
	fuzz_db = NULL;
}

struct db *
fuzz_dataset_db(void)
{
	const char	*dir;
	char		*path, *cause = NULL;

	if (fuzz_db != NULL)
		return fuzz_db;
	fuzz_init();
	if ((dir = getenv("ICSB_DATASET")) == NULL || *dir == '\0')
		dir = ICSB_ASSETS;
	path = xasprintf("%s/dataset.db", fuzz_tmpdir());
	if (csv_import(dir, path, &cause) != 0 ||
	    (fuzz_db = db_open(path, DB_READONLY, &cause)) == NULL)
		fuzz_fail("cannot build the dataset's database (set "
		    "ICSB_DATASET to a dataset directory)", cause);
	free(path);
	atexit(fuzz_dataset_close);
	return fuzz_db;
}

static void
fuzz_memdb_close(void)
{
	db_close(fuzz_mem, NULL);
	fuzz_mem = NULL;
}

#ifdef FUZZ_NAME
/* Abort unless the search index is sound and holds no word at all. */
static void
fuzz_memdb_check_index(void)
{
	sqlite3_stmt	*st;
	char		*cause = NULL;

	if (db_exec(fuzz_mem, "INSERT INTO search(search, rank) VALUES "
	    "('integrity-check', 1)", &cause) != 0)
		fuzz_fail("the emptied search index is not sound", cause);
	if (db_stmt(fuzz_mem, "SELECT (SELECT count(*) FROM search_idx) + "
	    "(SELECT count(*) FROM search_data WHERE id > 10)", &st,
	    &cause) != 0)
		fuzz_fail("cannot count the search index's entries", cause);
	if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int64(st, 0) != 0)
		fuzz_fail("the emptied search index still holds words", NULL);
	db_release(fuzz_mem, st);
}
#endif

struct db *
fuzz_memdb(void)
{
	/*
	 * Once, after the first import, which made what stays (the
	 * temporary table of lines, the index's settings): referring tables
	 * first, then the search index.  DELETE FROM search would delete its
	 * rows one at a time, reading and tokenising each again to unmake its
	 * entries: instead its stored text is emptied (the tables FTS5 keeps
	 * it in) and the index rebuilt from that, which empties it.  Then
	 * every import is inside a transaction begun on the empty database
	 * (the import makes a savepoint of it), and emptying is rolling it
	 * back: a fifth of the cost of deleting.
	 */
	static const char *const empty[] = { "BEGIN", "DELETE FROM mentions",
	    "DELETE FROM figures", "DELETE FROM places", "DELETE FROM blocks",
	    "DELETE FROM nodes", "DELETE FROM sources", "DELETE FROM meta",
	    "DELETE FROM search_content", "DELETE FROM search_docsize",
	    "INSERT INTO search(search) VALUES ('rebuild')", "COMMIT" };
	static const char *const undo[] = { "ROLLBACK" };
	const char *const *sql;
	sqlite3_stmt	*st;
	char		*cause = NULL;
	size_t		 i, n;
	int		 r;

	if (fuzz_mem == NULL) {
		fuzz_mem = db_open(":memory:", DB_CREATE, &cause);
		if (fuzz_mem == NULL)
			fuzz_fail("cannot make a database in memory", cause);
		atexit(fuzz_memdb_close);
		return fuzz_mem;
	}
	if (sqlite3_get_autocommit(db_handle(fuzz_mem))) {
		sql = empty;
		n = sizeof empty / sizeof empty[0];
	} else {
		sql = undo;
		n = 1;
	}
	/* Kept prepared (db_stmt()): parsing them cost more than running. */
	for (i = 0; i <= n; i++) {
		if (db_stmt(fuzz_mem, i < n ? sql[i] : "BEGIN", &st,
		    &cause) != 0)
			fuzz_fail("cannot empty the database in memory",
			    cause);
		r = sqlite3_step(st);
		db_release(fuzz_mem, st);
		if (r != SQLITE_DONE)
			fuzz_fail("cannot empty the database in memory",
			    i < n ? sql[i] : "BEGIN");
	}
#ifdef FUZZ_NAME
	/* In the replay, that the emptying emptied it: rows and index. */
	fuzz_memdb_check_empty();
	fuzz_memdb_check_index();
#endif
	return fuzz_mem;
}

void
fuzz_memdb_check_empty(void)
{
	sqlite3_stmt	*st;
	char		*cause = NULL;

	if (db_stmt(fuzz_mem, "SELECT (SELECT count(*) FROM meta) + (SELECT "
	    "count(*) FROM sources) + (SELECT count(*) FROM nodes) + (SELECT "
	    "count(*) FROM blocks) + (SELECT count(*) FROM places) + (SELECT "
	    "count(*) FROM figures) + (SELECT count(*) FROM mentions) + "
	    "(SELECT count(*) FROM search)", &st, &cause) != 0)
		fuzz_fail("cannot count the rows in memory", cause);
	if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int64(st, 0) != 0)
		fuzz_fail("csv_import_db failed but left rows behind", NULL);
	db_release(fuzz_mem, st);
}

static void
fuzz_write(const char *path, const void *buf, size_t len)
{
	FILE	*f;

	if ((f = fopen(path, "w")) == NULL)
		fuzz_fail("cannot write", path);
	if (fwrite(buf, 1, len, f) != len || fclose(f) != 0)
		fuzz_fail("cannot write", path);
}

/* The header line of t's file, a new string. */
static char *
fuzz_header(const struct table *t)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i;

	for (i = 0; i < t->ncolumns; i++)
		strbuf_addf(&sb, "%s%s", i ? "," : "", t->columns[i].name);
	strbuf_addc(&sb, '\n');
	return strbuf_detach(&sb);
}

void
fuzz_write_dataset(const uint8_t *data, size_t size, int missing)
{
	const char	*dir = fuzz_tmpdir();
	const uint8_t	*p = data, *end = data + size, *sep;
	char		*path, *head;
	size_t		 i;

	for (i = 0; i < ntables; i++) {
		path = xasprintf("%s/%s.csv", dir, tables[i].name);
		unlink(path);
		if (p != NULL) {
			sep = memchr(p, 0xff, (size_t)(end - p));
			fuzz_write(path, p, (size_t)((sep ? sep : end) - p));
			p = sep != NULL ? sep + 1 : NULL;
		} else if (!missing) {
			head = fuzz_header(&tables[i]);
			fuzz_write(path, head, strlen(head));
			free(head);
		}
		free(path);
	}
}

uint32_t
fuzz_hash(const uint8_t *data, size_t size)
{
	uint32_t	 h = 2166136261u;	/* FNV-1a */
	size_t		 i;

	for (i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return h;
}

int
fuzz_sample(const uint8_t *data, size_t size, unsigned every)
{
#ifdef FUZZ_NAME
	(void)data;
	(void)size;
	(void)every;
	return 1;
#else
	return every <= 1 || fuzz_hash(data, size) % every == 0;
#endif
}

FILE *
fuzz_devnull(void)
{
	static FILE	*null;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		fuzz_fail("cannot open /dev/null", NULL);
	return null;
}
