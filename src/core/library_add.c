/*
 * library_add.c: adding to the library and removing from it (see
 * library.h), crash-safe: the new member is built in a hidden temporary
 * file ".add-PID-N.db" in the folder, then checked against the members
 * and renamed into place under an exclusive flock on the folder's
 * ".lock".  A kill before the rename leaves only the temporary file,
 * which the next add removes once its process is gone.
 */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/csv_import.h"
#include "core/db.h"
#include "core/library.h"
#include "core/library_catalogue.h"
#include "core/report.h"
#include "core/report_pdf.h"
#include "core/report_text.h"
#include "core/xmalloc.h"

#define LIBRARY_TMP	".add-"

/* Make dir and its parents, as mkdir -p does. */
static int
library_mkdir(const char *dir, char **cause)
{
	char	*p, *s;

	p = xstrdup(dir);
	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			*cause = xasprintf("%s: cannot make the folder: %s", p,
			    strerror(errno));
			free(p);
			return -1;
		}
		if (s[0] == '\0' && strlen(p) == strlen(dir))
			break;
		*s = '/';
	}
	free(p);
	return 0;
}

/* Copy the built database in to out, after checking it whole. */
static int
library_copy_db(const char *in, const char *out, char **cause)
{
	struct db	*db;
	sqlite3_stmt	*st = NULL;
	int		 rc = -1;

	if ((db = db_open(in, DB_READONLY, cause)) == NULL)
		return -1;
	if (db_prepare(db, "PRAGMA quick_check", &st, cause) != 0)
		goto out;
	if (sqlite3_step(st) != SQLITE_ROW || strcmp((const char *)
	    sqlite3_column_text(st, 0), "ok") != 0) {
		*cause = xasprintf("%s: the database is damaged (rebuild it "
		    "with 'icsbrowse import')", in);
		goto out;
	}
	sqlite3_finalize(st);
	if (db_prepare(db, "VACUUM INTO ?1", &st, cause) != 0)
		goto out;
	sqlite3_bind_text(st, 1, out, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		*cause = db_cause(db, "cannot copy the database");
		unlink(out);
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	db_close(db, NULL);
	return rc;
}

/* Whether path is an SQLite file, by its header. */
static int
library_is_sqlite(const char *path)
{
	char	 magic[16];
	int	 fd;
	ssize_t	 n;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1)
		return 0;
	n = read(fd, magic, sizeof magic);
	close(fd);
	return n == (ssize_t)sizeof magic &&
	    memcmp(magic, "SQLite format 3", sizeof magic) == 0;
}

/* Whether path is a PDF, by its header. */
static int
library_is_pdf(const char *path)
{
	char	 magic[5];
	int	 fd;
	ssize_t	 n;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1)
		return 0;
	n = read(fd, magic, sizeof magic);
	close(fd);
	return n == (ssize_t)sizeof magic && memcmp(magic, "%PDF-", 5) == 0;
}

/*
 * Inputs that are neither a dataset folder nor a database: the pages of
 * one report as published, each a PDF or text, read by the report reader
 * (report.h) into out.  Its warnings are import's to show (--explain).
 */
static int
library_import_report(char **inputs, int ninputs, const char *out,
    char **cause)
{
	struct report	*r = report_new();
	int		 i, rc = -1;

	for (i = 0; i < ninputs; i++)
		if ((library_is_pdf(inputs[i]) ?
		    report_pdf_load(r, inputs[i], cause) :
		    report_text_load(r, inputs[i], cause)) != 0)
			goto out;
	if (report_parse(r, cause) == 0 && report_import(r, out, cause) == 0)
		rc = 0;
out:
	report_free(r);
	return rc;
}

int
library_import(char **inputs, int ninputs, const char *out, char **cause)
{
	struct stat	 sb;
	int		 i;

	for (i = 0; i < ninputs; i++)
		if (stat(inputs[i], &sb) != 0) {
			*cause = xasprintf("%s: %s", inputs[i],
			    strerror(errno));
			return -1;
		}
	stat(inputs[0], &sb);
	if (ninputs == 1 && S_ISDIR(sb.st_mode))
		return csv_import(inputs[0], out, cause);
	if (ninputs == 1 && library_is_sqlite(inputs[0]))
		return library_copy_db(inputs[0], out, cause);
	for (i = 0; i < ninputs; i++)
		if (stat(inputs[i], &sb) == 0 && (S_ISDIR(sb.st_mode) ||
		    library_is_sqlite(inputs[i]))) {
			*cause = xasprintf("%s: a %s is added alone", inputs[i],
			    S_ISDIR(sb.st_mode) ? "dataset folder" :
			    "database");
			return -1;
		}
	return library_import_report(inputs, ninputs, out, cause);
}

void
library_sweep(const char *dir)
{
	struct dirent	*de;
	DIR		*d;
	char		*p;
	long		 pid;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		/* An add's, or a catalogue's being made (library_catalogue.c). */
		if (strncmp(de->d_name, LIBRARY_TMP, strlen(LIBRARY_TMP)) == 0)
			pid = strtol(de->d_name + strlen(LIBRARY_TMP), NULL, 10);
		else if (strncmp(de->d_name, ".catalogue-", 11) == 0)
			pid = strtol(de->d_name + 11, NULL, 10);
		else
			continue;
		if (pid <= 0 || (kill((pid_t)pid, 0) == -1 && errno == ESRCH)) {
			p = xasprintf("%s/%s", dir, de->d_name);
			unlink(p);
			free(p);
		}
	}
	closedir(d);
}

/* Hold the library's lock alone; returns its descriptor, or -1. */
static int
library_lock(const char *dir, char **cause)
{
	char	*p;
	int	 fd;

	p = xasprintf("%s/.lock", dir);
	fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (fd == -1 || flock(fd, LOCK_EX) != 0) {
		*cause = xasprintf("%s: cannot lock the library: %s", p,
		    strerror(errno));
		if (fd != -1)
			close(fd);
		fd = -1;
	}
	free(p);
	return fd;
}

/* The fingerprint of the database at path; 0, or -1 if it is unreadable. */
static int
library_fp_file(const char *path, unsigned long long *fp)
{
	struct db	*db;
	char		*cause = NULL;
	int		 rc;

	if ((db = db_open(path, DB_READONLY, &cause)) == NULL) {
		free(cause);
		return -1;
	}
	rc = library_fingerprint(db, fp, &cause);
	free(cause);
	db_close(db, NULL);
	return rc;
}

/* The member holding the assessment fp, or NULL. */
static char *
library_find_same(const char *dir, const char *builtin,
    unsigned long long fp)
{
	struct library_entry	*e;
	unsigned long long	 f;
	char			*cause = NULL, *found = NULL;
	size_t			 i, n;

	if (library_members(dir, builtin, &e, &n, &cause) != 0) {
		free(cause);
		return NULL;
	}
	for (i = 0; i < n && found == NULL; i++)
		if (library_fp_file(e[i].path, &f) == 0 && f == fp)
			found = xstrdup(e[i].name);
	library_entries_free(e, n);
	return found;
}

/* The new member's info and fingerprint, and its name unless given. */
static int
library_examine(const char *tmp, const char *given, char **name,
    unsigned long long *fp, char **cause)
{
	struct library_entry	 e;
	struct db		*db;
	int			 rc = -1;

	memset(&e, 0, sizeof e);
	if ((db = db_open(tmp, DB_READONLY, cause)) == NULL)
		return -1;
	if (library_info(db, &e, cause) == 0 &&
	    library_fingerprint(db, fp, cause) == 0) {
		*name = given != NULL ? xstrdup(given) :
		    library_name_make(e.body, e.published);
		if (*name == NULL)
			*cause = xasprintf("no name can be made from '%s' and "
			    "'%s': give one with --name", e.body, e.published);
		else
			rc = 0;
	}
	library_entry_clear(&e);
	db_close(db, NULL);
	return rc;
}

/* Make sure what was renamed in or out of dir outlives a power cut. */
static void
library_sync(const char *path)
{
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return;
	fsync(fd);
	close(fd);
}

/* Under the lock: the same assessment, or rename tmp in as name. */
static int
library_commit(const char *dir, const char *builtin, const char *tmp,
    char *name, unsigned long long fp, int replace, char **added,
    enum library_added *how, char **cause)
{
	struct stat	 sb;
	char		*same, *dest;
	int		 exists, rc = -1;

	/* The same content, under its name or another: nothing to do. */
	if ((same = library_find_same(dir, builtin, fp)) != NULL) {
		*added = same;
		*how = LIBRARY_SAME;
		return 0;
	}
	if (strcmp(name, LIBRARY_BUILTIN) == 0) {
		*cause = replace ? xasprintf("%s: the built-in assessment "
		    "cannot be replaced: give this one another name with "
		    "--name", name) : xasprintf("%s is the built-in "
		    "assessment's name: give this one another with --name",
		    name);
		return -1;
	}
	dest = xasprintf("%s/%s.db", dir, name);
	exists = stat(dest, &sb) == 0;
	/* Its content on disk before its name is. */
	if (!exists || replace)
		library_sync(tmp);
	if (exists && !replace)
		*cause = xasprintf("%s: the library has another assessment of "
		    "that name (--replace replaces it, --name gives this one "
		    "another)", name);
	else if (rename(tmp, dest) != 0)
		*cause = xasprintf("%s: cannot add to the library: %s", dest,
		    strerror(errno));
	else {
		library_sync(dir);
		*added = xstrdup(name);
		*how = exists ? LIBRARY_REPLACED : LIBRARY_NEW;
		rc = 0;
	}
	free(dest);
	return rc;
}

/* Check a name the user gave. */
static int
library_name_check(const char *name, char **cause)
{
	if (!library_name_valid(name)) {
		*cause = xasprintf("--name '%s': a name is letters a-z and "
		    "digits, in words joined by '-'", name);
		return -1;
	}
	if (strcmp(name, LIBRARY_BUILTIN) == 0) {
		*cause = xasprintf("--name %s: that is the built-in "
		    "assessment's name", name);
		return -1;
	}
	return 0;
}

int
library_add(const char *dir, const char *builtin, char **inputs,
    int ninputs, const char *name, int replace, char **added,
    enum library_added *how, char **cause)
{
	static unsigned		 counter;
	unsigned long long	 fp;
	char			*tmp, *made = NULL;
	int			 fd, rc = -1;

	if ((name != NULL && library_name_check(name, cause) != 0) ||
	    library_mkdir(dir, cause) != 0)
		return -1;
	tmp = xasprintf("%s/" LIBRARY_TMP "%ld-%u.db", dir, (long)getpid(),
	    counter++);
	if (library_import(inputs, ninputs, tmp, cause) != 0) {
		free(tmp);
		return -1;
	}
	if (library_examine(tmp, name, &made, &fp, cause) == 0 &&
	    (fd = library_lock(dir, cause)) != -1) {
		library_sweep(dir);
		rc = library_commit(dir, builtin, tmp, made, fp, replace,
		    added, how, cause);
		close(fd);
	}
	unlink(tmp);
	free(made);
	free(tmp);
	if (rc == 0 && *how != LIBRARY_SAME)
		library_catalogue_update(dir, builtin);
	return rc;
}

int
library_remove(const char *dir, const char *name, char **cause)
{
	char	*path;
	int	 fd, rc = -1;

	if (strcmp(name, LIBRARY_BUILTIN) == 0) {
		*cause = xasprintf("%s: the built-in assessment cannot be "
		    "removed", name);
		return -1;
	}
	if ((path = library_path(dir, "", name, cause)) == NULL)
		return -1;
	if ((fd = library_lock(dir, cause)) != -1) {
		if (unlink(path) != 0)
			*cause = xasprintf("%s: cannot remove it: %s", path,
			    strerror(errno));
		else {
			library_sync(dir);
			rc = 0;
		}
		close(fd);
	}
	free(path);
	/* Its entry in the catalogue goes with it (the built-in's path
	 * is not needed to drop one). */
	if (rc == 0)
		library_catalogue_update(dir, "");
	return rc;
}
