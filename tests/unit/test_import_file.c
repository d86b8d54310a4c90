/*
 * test_import_file.c: the temporary files beside an import's output
 * (import_file.c).
 *
 * A temporary file is made beside the output under its name; the lock of
 * an import alone in the directory sweeps away the strays of killed ones
 * (files only, of that output only), and one that finds another at work
 * sweeps nothing; a message about the temporary file names the output;
 * the commit renames it over the output with the mode of a new file, and
 * refuses a directory.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/import_file.h"
#include "core/xmalloc.h"
#include "../tap.h"

static char	 dir[] = "/tmp/test_import_file.XXXXXX";

static void
touch(const char *name)
{
	char	*path = xasprintf("%s/%s", dir, name);
	FILE	*f = fopen(path, "w");

	if (f != NULL) {
		fputs("x", f);
		fclose(f);
	}
	free(path);
}

static int
exists(const char *name)
{
	char	*path = xasprintf("%s/%s", dir, name);
	int	 r = access(path, F_OK) == 0;

	free(path);
	return r;
}

static void
test_tmp_and_sweep(const char *out)
{
	char	*tmp = NULL, *cause = NULL, *other;
	int	 fd, lock, busy;

	/* Another import at work: nothing is swept. */
	busy = import_file_lock(out);
	fd = import_file_tmp(out, &tmp, &cause);
	tap_ok(fd != -1 && strncmp(tmp, out, strlen(out)) == 0 &&
	    strncmp(tmp + strlen(out), ".tmp-", 5) == 0, "a temporary file "
	    "beside the output, named after it: %s", tmp ? tmp : cause);
	close(fd);
	touch("out.db.tmp-AAAAAA");
	touch("other.db.tmp-BBBBBB");
	other = xasprintf("%s/out.db.tmp-DIR", dir);
	mkdir(other, 0700);
	lock = import_file_lock(out);
	tap_ok(busy != -1 && lock != -1, "two imports lock the directory");
	tap_ok(exists("out.db.tmp-AAAAAA"), "one beside another sweeps "
	    "nothing");
	close(lock);
	close(busy);

	lock = import_file_lock(out);
	tap_ok(!exists("out.db.tmp-AAAAAA") && access(tmp, F_OK) != 0,
	    "one alone sweeps the output's temporary files");
	tap_ok(exists("other.db.tmp-BBBBBB") && exists("out.db.tmp-DIR"),
	    "but not another output's, nor a directory");
	close(lock);
	rmdir(other);
	free(other);
	other = xasprintf("%s/other.db.tmp-BBBBBB", dir);
	unlink(other);
	free(other);
	free(tmp);
	free(cause);
}

static void
test_cause(void)
{
	char	*cause = xstrdup("/d/out.db.tmp-XYZ: cannot write: disk full");

	import_file_cause(&cause, "/d/out.db.tmp-XYZ", "/d/out.db");
	tap_is_str(cause, "/d/out.db: cannot write: disk full", "a message "
	    "about the temporary file names the output");
	import_file_cause(&cause, "/d/out.db.tmp-XYZ", "/d/out.db");
	tap_is_str(cause, "/d/out.db: cannot write: disk full", "another is "
	    "left as it is");
	free(cause);
}

static void
test_commit(const char *out)
{
	struct stat	 sb;
	char		*tmp = NULL, *cause = NULL, *sub, *other;
	int		 fd;

	umask(027);
	fd = import_file_tmp(out, &tmp, &cause);
	tap_is_int(import_file_commit(fd, tmp, out, &cause), 0, "the commit "
	    "renames it over the output");
	tap_ok(stat(out, &sb) == 0 && (sb.st_mode & 0777) == 0640 &&
	    access(tmp, F_OK) != 0, "with the mode of a new file (0644 less "
	    "the umask), not mkstemp()'s 0600");
	close(fd);
	free(tmp);

	sub = xasprintf("%s/sub.db", dir);
	mkdir(sub, 0700);
	fd = import_file_tmp(sub, &tmp, &cause);
	tap_is_int(import_file_commit(fd, tmp, sub, &cause), -1, "a directory "
	    "is not written over");
	other = xasprintf("%s: is a directory", sub);
	tap_is_str(cause, other, "and says so");
	free(other);
	close(fd);
	unlink(tmp);
	rmdir(sub);
	free(sub);
	free(tmp);
	free(cause);
}

int
main(void)
{
	char	*out;

	if (mkdtemp(dir) == NULL)
		return 1;
	out = xasprintf("%s/out.db", dir);
	test_tmp_and_sweep(out);
	test_cause();
	test_commit(out);
	unlink(out);
	rmdir(dir);
	free(out);
	return tap_done();
}
