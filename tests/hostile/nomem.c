/*
 * nomem.c: the import when SQLite runs out of memory or its writes fail.
 *
 * SQLite's allocator is wrapped (SQLITE_CONFIG_MALLOC around the default
 * one from SQLITE_CONFIG_GETMALLOC) and so is its default VFS (a VFS that
 * forwards to "unix" but can fail a write).  A first import counts the
 * allocations and writes it makes; then csv_import(assets, out) runs with
 *  - the Nth allocation failing (once), the output absent before;
 *  - every allocation from the Nth on failing, a database there before;
 *  - the Nth write failing with SQLITE_IOERR_WRITE, and with SQLITE_FULL;
 * for N = 1, 2, ... 16 and then growing by a factor up to the count.
 * Each run is in a child process, so that a crash is a failed check.
 * It must return 0, or -1 with a one-line cause; leave no out.tmp-* file;
 * and leave out absent (or as it was) or a complete database: it opens,
 * passes quick_check and holds as many rows as the reference import's.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/csv_import.h"
#include "../tap.h"

/* --- the failing allocator ---------------------------------------------- */

static sqlite3_mem_methods	 real_mem;
static long			 mem_count;	/* allocations seen */
static long			 mem_fail_at;	/* 0: never */
static int			 mem_sticky;	/* fail from mem_fail_at on */

static int
mem_fails(void)
{
	mem_count++;
	return mem_fail_at > 0 && (mem_sticky ? mem_count >= mem_fail_at :
	    mem_count == mem_fail_at);
}

static void *
mem_malloc(int n)
{
	return mem_fails() ? NULL : real_mem.xMalloc(n);
}

static void *
mem_realloc(void *p, int n)
{
	return mem_fails() ? NULL : real_mem.xRealloc(p, n);
}

static void
mem_free(void *p)
{
	real_mem.xFree(p);
}

static int
mem_size(void *p)
{
	return real_mem.xSize(p);
}

static int
mem_roundup(int n)
{
	return real_mem.xRoundup(n);
}

static int
mem_init(void *arg)
{
	return real_mem.xInit(arg);
}

static void
mem_shutdown(void *arg)
{
	real_mem.xShutdown(arg);
}

/* --- the failing VFS ------------------------------------------------------ */

static sqlite3_vfs	*real_vfs;
static long		 wr_count;	/* writes seen */
static long		 wr_fail_at;	/* 0: never */
static int		 wr_fail_rc = SQLITE_IOERR_WRITE;

struct wfile {
	sqlite3_file	 base;
	sqlite3_file	*real;		/* follows this struct */
};

#define REAL(f)	(((struct wfile *)(f))->real)

static int
w_close(sqlite3_file *f)
{
	return REAL(f)->pMethods->xClose(REAL(f));
}

static int
w_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}

static int
w_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	if (++wr_count == wr_fail_at)
		return wr_fail_rc;
	return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
}

static int
w_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int
w_sync(sqlite3_file *f, int flags)
{
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int
w_filesize(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int
w_lock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xLock(REAL(f), l);
}

static int
w_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}

static int
w_reserved(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
w_fcntl(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int
w_sectorsize(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
w_devchar(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int
w_shmmap(sqlite3_file *f, int pg, int sz, int extend, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, extend, pp);
}

static int
w_shmlock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}

static void
w_shmbarrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int
w_shmunmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

static int
w_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
	return REAL(f)->pMethods->xFetch(REAL(f), off, n, pp);
}

static int
w_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	return REAL(f)->pMethods->xUnfetch(REAL(f), off, p);
}

static const sqlite3_io_methods w_methods1 = {
	1, w_close, w_read, w_write, w_truncate, w_sync, w_filesize, w_lock,
	w_unlock, w_reserved, w_fcntl, w_sectorsize, w_devchar,
	NULL, NULL, NULL, NULL, NULL, NULL
};
static const sqlite3_io_methods w_methods3 = {
	3, w_close, w_read, w_write, w_truncate, w_sync, w_filesize, w_lock,
	w_unlock, w_reserved, w_fcntl, w_sectorsize, w_devchar,
	w_shmmap, w_shmlock, w_shmbarrier, w_shmunmap, w_fetch, w_unfetch
};

static int
w_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags,
    int *oflags)
{
	struct wfile	*w = (struct wfile *)f;
	int		 rc;

	(void)vfs;
	w->real = (sqlite3_file *)(w + 1);
	rc = real_vfs->xOpen(real_vfs, name, w->real, flags, oflags);
	if (w->real->pMethods == NULL)
		w->base.pMethods = NULL;
	else
		w->base.pMethods = w->real->pMethods->iVersion >= 3 ?
		    &w_methods3 : &w_methods1;
	return rc;
}

static int
w_delete(sqlite3_vfs *v, const char *name, int sync)
{
	(void)v;
	return real_vfs->xDelete(real_vfs, name, sync);
}

static int
w_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
	(void)v;
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int
w_fullpath(sqlite3_vfs *v, const char *name, int n, char *out)
{
	(void)v;
	return real_vfs->xFullPathname(real_vfs, name, n, out);
}

static void *
w_dlopen(sqlite3_vfs *v, const char *name)
{
	(void)v;
	return real_vfs->xDlOpen(real_vfs, name);
}

static void
w_dlerror(sqlite3_vfs *v, int n, char *msg)
{
	(void)v;
	real_vfs->xDlError(real_vfs, n, msg);
}

static void
(*w_dlsym(sqlite3_vfs *v, void *h, const char *sym))(void)
{
	(void)v;
	return real_vfs->xDlSym(real_vfs, h, sym);
}

static void
w_dlclose(sqlite3_vfs *v, void *h)
{
	(void)v;
	real_vfs->xDlClose(real_vfs, h);
}

static int
w_random(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return real_vfs->xRandomness(real_vfs, n, out);
}

static int
w_sleep(sqlite3_vfs *v, int us)
{
	(void)v;
	return real_vfs->xSleep(real_vfs, us);
}

static int
w_time(sqlite3_vfs *v, double *t)
{
	(void)v;
	return real_vfs->xCurrentTime(real_vfs, t);
}

static int
w_lasterror(sqlite3_vfs *v, int n, char *msg)
{
	(void)v;
	return real_vfs->xGetLastError ?
	    real_vfs->xGetLastError(real_vfs, n, msg) : 0;
}

static int
w_time64(sqlite3_vfs *v, sqlite3_int64 *t)
{
	(void)v;
	return real_vfs->xCurrentTimeInt64(real_vfs, t);
}

static sqlite3_vfs w_vfs = {
	2, 0, 1024, NULL, "failwrite", NULL,
	w_open, w_delete, w_access, w_fullpath, w_dlopen, w_dlerror,
	w_dlsym, w_dlclose, w_random, w_sleep, w_time, w_lasterror,
	w_time64, NULL, NULL, NULL
};

/* --- running one import ---------------------------------------------------- */

static char	 assets[4096], dir[4000], out[4096];

struct result {
	int	 crashed;	/* killed by a signal */
	int	 rc;		/* csv_import's return */
	long	 mem, writes;	/* allocations and writes it made */
	char	 cause[2048];	/* "" for none (NULL) */
};

/* Run csv_import in a child; the settings are the globals above. */
static void
run_import(struct result *r)
{
	int	 fd[2], status;
	pid_t	 pid;
	ssize_t	 n;
	size_t	 got = 0;

	memset(r, 0, sizeof *r);
	if (pipe(fd) != 0) {
		perror("pipe");
		exit(99);
	}
	fflush(stdout);
	if ((pid = fork()) == -1) {
		perror("fork");
		exit(99);
	}
	if (pid == 0) {
		struct result	 c;
		char		*cause = NULL;

		close(fd[0]);
		memset(&c, 0, sizeof c);
		mem_count = 0;
		wr_count = 0;
		c.rc = csv_import(assets, out, &cause);
		c.mem = mem_count;
		c.writes = wr_count;
		if (cause != NULL)
			snprintf(c.cause, sizeof c.cause, "%s%s", cause,
			    cause[0] == '\0' ? "(empty)" : "");
		else if (c.rc != 0)
			snprintf(c.cause, sizeof c.cause, "%s", "");
		if (write(fd[1], &c, sizeof c) != (ssize_t)sizeof c)
			_exit(98);
		_exit(0);
	}
	close(fd[1]);
	while (got < sizeof *r && (n = read(fd[0], (char *)r + got,
	    sizeof *r - got)) > 0)
		got += (size_t)n;
	close(fd[0]);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (got != sizeof *r || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		memset(r, 0, sizeof *r);
		r->crashed = WIFSIGNALED(status) ? WTERMSIG(status) : -1;
	}
}

/* Names beside out that start "out.tmp-", or NULL (caller frees). */
static char *
leftovers(void)
{
	DIR		*d;
	struct dirent	*de;
	static char	 names[4096];
	size_t		 len = 0;

	names[0] = '\0';
	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, "out.db.tmp-", 11) == 0 &&
		    len + strlen(de->d_name) + 2 < sizeof names) {
			len += (size_t)snprintf(names + len, sizeof names -
			    len, "%s ", de->d_name);
		}
	closedir(d);
	return len > 0 ? names : NULL;
}

/*
 * What the database at path holds: its rows per table and quick_check,
 * as a string; "absent" if there is no file; "unreadable: ..." if it does
 * not open.
 */
static void
summary(const char *path, char *buf, size_t size)
{
	static const char *const tables[] = { "meta", "sources", "nodes",
	    "blocks", "places", "figures", "mentions", "search" };
	sqlite3		*h;
	sqlite3_stmt	*st;
	char		 sql[128];
	size_t		 i, len = 0;

	if (access(path, F_OK) != 0) {
		snprintf(buf, size, "absent");
		return;
	}
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		snprintf(buf, size, "unreadable: %s", sqlite3_errmsg(h));
		sqlite3_close(h);
		return;
	}
	buf[0] = '\0';
	for (i = 0; i <= sizeof tables / sizeof tables[0]; i++) {
		if (i < sizeof tables / sizeof tables[0])
			snprintf(sql, sizeof sql, "SELECT count(*) FROM %s",
			    tables[i]);
		else
			snprintf(sql, sizeof sql, "PRAGMA quick_check");
		if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK ||
		    sqlite3_step(st) != SQLITE_ROW) {
			len += (size_t)snprintf(buf + len, size - len,
			    "%s: %s; ", sql, sqlite3_errmsg(h));
		} else
			len += (size_t)snprintf(buf + len, size - len,
			    "%s=%s ", i < sizeof tables / sizeof tables[0] ?
			    tables[i] : "quick_check",
			    (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		if (len >= size)
			break;
	}
	sqlite3_close(h);
}

static int
copy_file(const char *from, const char *to)
{
	FILE	*a, *b;
	char	 buf[65536];
	size_t	 n;
	int	 rc = 0;

	if ((a = fopen(from, "rb")) == NULL)
		return -1;
	if ((b = fopen(to, "wb")) == NULL) {
		fclose(a);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof buf, a)) > 0)
		if (fwrite(buf, 1, n, b) != n)
			rc = -1;
	if (fclose(b) != 0)
		rc = -1;
	fclose(a);
	return rc;
}

static int
same_file(const char *x, const char *y)
{
	FILE	*a, *b;
	int	 ca, cb, same = 0;

	if ((a = fopen(x, "rb")) == NULL)
		return 0;
	if ((b = fopen(y, "rb")) != NULL) {
		do {
			ca = getc(a);
			cb = getc(b);
		} while (ca == cb && ca != EOF);
		same = ca == cb;
		fclose(b);
	}
	fclose(a);
	return same;
}

static char	 reference[2048], before[4096];
static char	 oldpath[4096];

/*
 * One case: run the import as set up, then check it.  With an old file
 * (before[0] != '\0'), out held a copy of it and must be unchanged on a
 * failure.
 */
static void
check_case(const char *what, long n)
{
	struct result	 r;
	char		 got[2048], name[256];
	char		*left;

	run_import(&r);
	if (!tap_ok(r.crashed == 0, "%s %ld: no crash", what, n)) {
		printf("# killed by signal %d\n", r.crashed);
		return;
	}
	if (!tap_ok(r.rc == 0 || (r.rc == -1 && r.cause[0] != '\0' &&
	    strchr(r.cause, '\n') == NULL && strstr(r.cause, "(empty)") ==
	    NULL), "%s %ld: returns 0, or -1 with a one-line cause", what,
	    n))
		printf("# rc %d, cause '%s'\n", r.rc, r.cause);
	else if (r.rc != 0)
		printf("# %s\n", r.cause);
	left = leftovers();
	if (!tap_ok(left == NULL, "%s %ld: no temporary file left", what, n))
		printf("# left: %s\n", left);
	summary(out, got, sizeof got);
	snprintf(name, sizeof name, "%s %ld: %s", what, n, r.rc == 0 ?
	    "it succeeded: the database is complete" : before[0] != '\0' ?
	    "it failed: the old database is unchanged" :
	    "it failed: there is no database");
	if (r.rc == 0)
		tap_is_str(got, reference, name);
	else if (before[0] != '\0')
		tap_ok(same_file(out, before), "%s", name);
	else
		tap_is_str(got, "absent", name);
	/* Clear the leftovers, so that one case does not spill over. */
	if (left != NULL) {
		char	*f, *save = NULL, path[8192];

		for (f = strtok_r(left, " ", &save); f != NULL;
		    f = strtok_r(NULL, " ", &save)) {
			snprintf(path, sizeof path, "%s/%s", dir, f);
			unlink(path);
		}
	}
}

/* The points to fail at: 1 .. 16, then growing by a factor up to max. */
static long
next_point(long n)
{
	if (n < 16)
		return n + 1;
	return n + n / 2;
}

int
main(void)
{
	struct result	 r;
	const char	*top, *tmp;
	long		 n, allocs, writes;

	top = getenv("top_srcdir");
	snprintf(assets, sizeof assets, "%s/assets", top != NULL ? top : ".");
	tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir - 16, "%s/icsb-nomem.XXXXXX", tmp != NULL &&
	    *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		return 99;
	}
	snprintf(out, sizeof out, "%s/out.db", dir);
	snprintf(oldpath, sizeof oldpath, "%s/old.db", dir);

	/* Before any other use of SQLite. */
	if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &real_mem) != SQLITE_OK) {
		printf("1..0 # SKIP cannot get SQLite's allocator\n");
		return 0;
	}
	{
		static sqlite3_mem_methods m;

		m = real_mem;
		m.xMalloc = mem_malloc;
		m.xRealloc = mem_realloc;
		m.xFree = mem_free;
		m.xSize = mem_size;
		m.xRoundup = mem_roundup;
		m.xInit = mem_init;
		m.xShutdown = mem_shutdown;
		if (sqlite3_config(SQLITE_CONFIG_MALLOC, &m) != SQLITE_OK) {
			printf("1..0 # SKIP cannot set SQLite's allocator\n");
			return 0;
		}
	}
	if (sqlite3_initialize() != SQLITE_OK) {
		printf("1..0 # SKIP sqlite3_initialize failed\n");
		return 0;
	}
	if ((real_vfs = sqlite3_vfs_find(NULL)) == NULL) {
		printf("1..0 # SKIP no default VFS\n");
		return 0;
	}
	w_vfs.szOsFile = (int)sizeof(struct wfile) + real_vfs->szOsFile;
	w_vfs.mxPathname = real_vfs->mxPathname;
	if (sqlite3_vfs_register(&w_vfs, 1) != SQLITE_OK) {
		printf("1..0 # SKIP cannot register a VFS\n");
		return 0;
	}

	/* The reference: an import with nothing failing. */
	before[0] = '\0';
	run_import(&r);
	if (!tap_ok(r.crashed == 0 && r.rc == 0, "the import works with "
	    "nothing failing")) {
		printf("# crashed %d, rc %d, cause '%s'\n", r.crashed, r.rc,
		    r.cause);
		return tap_done();
	}
	allocs = r.mem;
	writes = r.writes;
	printf("# the import makes %ld SQLite allocations and %ld writes\n",
	    allocs, writes);
	summary(out, reference, sizeof reference);
	tap_ok(strstr(reference, "quick_check=ok") != NULL &&
	    strstr(reference, "nodes=0 ") == NULL, "the reference database "
	    "is complete: %s", reference);
	if (rename(out, oldpath) != 0) {
		perror(oldpath);
		return 99;
	}

	/* The Nth allocation fails, once; no database before. */
	for (n = 1; n <= allocs; n = next_point(n)) {
		mem_fail_at = n;
		mem_sticky = 0;
		unlink(out);
		check_case("allocation", n);
	}
	/* Every allocation from the Nth fails; a database there before. */
	snprintf(before, sizeof before, "%s", oldpath);
	for (n = 1; n <= allocs; n = next_point(n) + next_point(n) / 2) {
		mem_fail_at = n;
		mem_sticky = 1;
		unlink(out);
		copy_file(oldpath, out);
		check_case("allocations from", n);
	}
	mem_fail_at = 0;
	/* The Nth write fails: an I/O error, then a full disk. */
	for (n = 1; n <= writes; n = next_point(n)) {
		wr_fail_at = n;
		wr_fail_rc = SQLITE_IOERR_WRITE;
		unlink(out);
		copy_file(oldpath, out);
		check_case("write I/O error", n);
	}
	for (n = 1; n <= writes; n = next_point(n) * 2) {
		wr_fail_at = n;
		wr_fail_rc = SQLITE_FULL;
		unlink(out);
		before[0] = '\0';
		check_case("write disk full", n);
	}
	wr_fail_at = 0;

	unlink(out);
	unlink(oldpath);
	if (rmdir(dir) != 0)
		printf("# %s: not removed: %s\n", dir, strerror(errno));
	return tap_done();
}
