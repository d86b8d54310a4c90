/*
 * fuzz_util.c: what the fuzz targets share: the locale, a scratch
 * directory, the real dataset's database, and failing loudly.
 *
 * Linked into every target, in its libFuzzer build and in its replay.
 */
#include "config.h"

#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csv_import.h"
#include "core/db.h"
#include "core/xmalloc.h"
#include "fuzz.h"

#ifndef ICSB_ASSETS
#define ICSB_ASSETS	"assets"
#endif

static char		*fuzz_dir;
static struct db	*fuzz_db;

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
