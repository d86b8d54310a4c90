/*
 * import_file.c: the temporary files of an import beside its output (see
 * import_file.h): the directory's lock, the sweep of a killed import's
 * files, making one, and the rename that ends an import.
 */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/import_file.h"
#include "core/xmalloc.h"

#define TMP_INFIX	".tmp-"

/* Remove what killed imports left beside out: no import is running. */
static void
import_sweep(const char *out, int dirfd)
{
	char		*copy, *prefix;
	DIR		*d;
	struct dirent	*de;
	int		 fd;

	copy = xstrdup(out);
	prefix = xasprintf("%s" TMP_INFIX, basename(copy));
	if ((fd = dup(dirfd)) != -1 && (d = fdopendir(fd)) != NULL) {
		while ((de = readdir(d)) != NULL)
			if (strncmp(de->d_name, prefix, strlen(prefix)) == 0)
				unlinkat(dirfd, de->d_name, 0);
		closedir(d);
	} else if (fd != -1)
		close(fd);
	free(prefix);
	free(copy);
}

int
import_file_lock(const char *out)
{
	char	*copy;
	int	 fd;

	copy = xstrdup(out);
	fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(copy);
	if (fd == -1)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
		import_sweep(out, fd);
		/* Shared now: others may work beside us, none may sweep. */
		flock(fd, LOCK_SH);
	} else
		flock(fd, LOCK_SH);
	return fd;
}

void
import_file_cause(char **cause, const char *tmp, const char *out)
{
	char	*s;
	size_t	 n = strlen(tmp);

	if (*cause == NULL || strncmp(*cause, tmp, n) != 0)
		return;
	s = xasprintf("%s%s", out, *cause + n);
	free(*cause);
	*cause = s;
}

int
import_file_tmp(const char *out, char **tmp, char **cause)
{
	int	 fd;

	*tmp = xasprintf("%s" TMP_INFIX "XXXXXX", out);
	if ((fd = mkstemp(*tmp)) == -1) {
		*cause = xasprintf("%s: cannot create a temporary file beside "
		    "it: %s", out, strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	return fd;
}

static mode_t
import_umask(void)
{
	mode_t	 m;

	m = umask(0);
	umask(m);
	return m;
}

void
import_file_start_writeback(int fd)
{
#ifdef HAVE_SYNC_FILE_RANGE
	(void)sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
	(void)fd;
#endif
}

int
import_file_commit(int fd, const char *tmp, const char *out, char **cause)
{
	struct stat	 sb;

	if (stat(out, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		*cause = xasprintf("%s: is a directory", out);
		return -1;
	}
	if (fchmod(fd, 0644 & ~import_umask()) != 0 || fsync(fd) != 0 ||
	    rename(tmp, out) != 0) {
		*cause = xasprintf("%s: cannot write: %s", out,
		    strerror(errno));
		return -1;
	}
	return 0;
}
