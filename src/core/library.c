/*
 * library.c: the user's library of assessments (see library.h): names,
 * the folder, what each member is, and listing.  Adding and removing,
 * with their lock, are in library_add.c.
 */
#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/db.h"
#include "core/library.h"
#include "core/library_catalogue.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"

char *
library_dir(char **cause)
{
	const char	*d, *home;

	if ((d = getenv("XDG_DATA_HOME")) != NULL && *d == '/')
		return xasprintf("%s/icsbrowse/library", d);
	if ((home = getenv("HOME")) != NULL && *home != '\0')
		return xasprintf("%s/.local/share/icsbrowse/library", home);
	*cause = xstrdup("no HOME or XDG_DATA_HOME: the library has no "
	    "folder");
	return NULL;
}

int
library_name_valid(const char *name)
{
	return strlen(name) <= LIBRARY_NAME_MAX && slug_valid(name);
}

/* Words that say what kind of body it is, not which: dropped from names. */
static const char *const library_generic[] = {
	"metropolitan-borough-council", "royal-borough-council",
	"county-borough-council", "borough-council", "county-council",
	"city-council", "district-council", "council",
	"integrated-care-system", "ics",
};

/* Drop a generic ending ("-county-council") from slug s, in place. */
static void
library_trim_generic(char *s)
{
	size_t	 i, n, k;

	for (i = 0; i < sizeof library_generic / sizeof *library_generic;
	    i++) {
		n = strlen(s);
		k = strlen(library_generic[i]);
		if (n > k + 1 && s[n - k - 1] == '-' &&
		    strcmp(s + n - k, library_generic[i]) == 0) {
			s[n - k - 1] = '\0';
			return;
		}
	}
}

/* The first year (19xx or 20xx standing alone) in s, or NULL. */
static const char *
library_year(const char *s)
{
	const char	*p, *y = NULL;

	for (p = s; *p != '\0' && y == NULL; p++) {
		if ((p == s || !isdigit((unsigned char)p[-1])) &&
		    (strncmp(p, "19", 2) == 0 || strncmp(p, "20", 2) == 0) &&
		    isdigit((unsigned char)p[2]) &&
		    isdigit((unsigned char)p[3]) &&
		    !isdigit((unsigned char)p[4]))
			y = p;
	}
	return y;
}

char *
library_name_make(const char *body, const char *published)
{
	const char	*colon, *year;
	char		*head, *slug, *name = NULL;

	if (body == NULL || published == NULL ||
	    (year = library_year(published)) == NULL)
		return NULL;
	/* A title's "NAME: local authority assessment": its NAME. */
	colon = strchr(body, ':');
	head = colon != NULL ? xstrndup(body, (size_t)(colon - body)) :
	    xstrdup(body);
	slug = slug_make(head);
	library_trim_generic(slug);
	if (*slug != '\0' && strlen(slug) + 5 <= LIBRARY_NAME_MAX)
		name = xasprintf("%s-%.4s", slug, year);
	free(slug);
	free(head);
	return name;
}

char *
library_path(const char *dir, const char *builtin, const char *name,
    char **cause)
{
	struct stat	 sb;
	char		*p;

	if (strcmp(name, LIBRARY_BUILTIN) == 0)
		return xstrdup(builtin);
	if (!library_name_valid(name)) {
		*cause = xasprintf("'%s' is not the name of an assessment "
		    "(see 'icsbrowse list')", name);
		return NULL;
	}
	p = xasprintf("%s/%s.db", dir, name);
	if (stat(p, &sb) == 0 && S_ISREG(sb.st_mode))
		return p;
	free(p);
	*cause = xasprintf("%s: no such assessment in the library (see "
	    "'icsbrowse list')", name);
	return NULL;
}

/* Set *v to the meta value key, or "" (a new string); 0, or -1. */
static int
library_meta(struct db *db, const char *key, char **v, char **cause)
{
	if (model_meta(db, key, v, cause) != 0)
		return -1;
	if (*v == NULL)
		*v = xstrdup("");
	return 0;
}

/* "la" if db holds a council or a local authority score, else "ics". */
static int
library_framework(struct db *db, char **fw, char **cause)
{
	sqlite3_stmt	*st;
	int		 r;

	if (model_meta(db, "framework", fw, cause) != 0)
		return -1;
	if (*fw != NULL)
		return 0;
	if (db_prepare(db, "SELECT EXISTS (SELECT 1 FROM places WHERE "
	    "kind = 'council') OR EXISTS (SELECT 1 FROM figures WHERE "
	    "unit = 'score' AND measure = 'overall-score')", &st, cause) != 0)
		return -1;
	if ((r = sqlite3_step(st)) == SQLITE_ROW)
		*fw = xstrdup(sqlite3_column_int(st, 0) ? "la" : "ics");
	else
		*cause = db_cause(db, "cannot read the assessment");
	sqlite3_finalize(st);
	return r == SQLITE_ROW ? 0 : -1;
}

int
library_info(struct db *db, struct library_entry *e, char **cause)
{
	const char	*colon;

	if (library_framework(db, &e->framework, cause) != 0)
		return -1;
	if (library_meta(db, "title", &e->title, cause) != 0 ||
	    library_meta(db, "published", &e->published, cause) != 0 ||
	    library_meta(db, "rating", &e->rating, cause) != 0 ||
	    library_meta(db, "body", &e->body, cause) != 0)
		return -1;
	if (*e->body == '\0' && (colon = strchr(e->title, ':')) != NULL) {
		free(e->body);
		e->body = xstrndup(e->title, (size_t)(colon - e->title));
	}
	return 0;
}

/* Fill e (its name and path set) from its database, opened once. */
static void
library_entry_read(struct library_entry *e)
{
	struct db	*db;
	char		*cause = NULL;

	if ((db = db_open(e->path, DB_READONLY, &cause)) == NULL ||
	    library_info(db, e, &cause) != 0)
		e->cause = cause != NULL ? cause : xstrdup("cannot be read");
	db_close(db, NULL);
}

static int
library_entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct library_entry *)a)->name,
	    ((const struct library_entry *)b)->name);
}

/* The names NAME of the files NAME.db in dir; a missing dir has none. */
static int
library_names(const char *dir, char ***names, size_t *n, char **cause)
{
	struct dirent	*de;
	DIR		*d;
	char		*name;
	size_t		 len;

	*names = NULL;
	*n = 0;
	if ((d = opendir(dir)) == NULL) {
		if (errno == ENOENT)
			return 0;
		*cause = xasprintf("%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 4 || strcmp(de->d_name + len - 3, ".db") != 0)
			continue;
		name = xstrndup(de->d_name, len - 3);
		if (!library_name_valid(name) ||
		    strcmp(name, LIBRARY_BUILTIN) == 0) {
			free(name);
			continue;
		}
		*names = xreallocarray(*names, *n + 1, sizeof **names);
		(*names)[(*n)++] = name;
	}
	closedir(d);
	return 0;
}

int
library_members(const char *dir, const char *builtin,
    struct library_entry **out, size_t *n, char **cause)
{
	char	**names;
	size_t	  i, k;

	if (library_names(dir, &names, &k, cause) != 0)
		return -1;
	*out = xcalloc(k + 1, sizeof **out);
	(*out)[0].name = xstrdup(LIBRARY_BUILTIN);
	(*out)[0].path = xstrdup(builtin);
	for (i = 0; i < k; i++) {
		(*out)[i + 1].name = names[i];
		(*out)[i + 1].path = xasprintf("%s/%s.db", dir, names[i]);
	}
	free(names);
	*n = k + 1;
	qsort(*out, *n, sizeof **out, library_entry_cmp);
	return 0;
}

int
library_list(const char *dir, const char *builtin,
    struct library_entry **out, size_t *n, char **cause)
{
	struct library_catalogue	*cat;
	char				*why = NULL;
	size_t				 i;

	if (library_members(dir, builtin, out, n, cause) != 0)
		return -1;
	/* One file to read rather than every member, where it can be had. */
	cat = library_catalogue_open(dir, *out, *n, &why);
	free(why);
	/* One read transaction, not one a member (SQLite's lock each). */
	if (cat != NULL)
		db_read_begin(library_catalogue_db(cat));
	for (i = 0; i < *n; i++)
		if ((*out)[i].cause == NULL && (cat == NULL ||
		    library_catalogue_info(cat, &(*out)[i]) != 0)) {
			/* Damaged: the rest from the members too. */
			if (cat != NULL && library_catalogue_failed(cat)) {
				library_catalogue_close(cat);
				cat = NULL;
			}
			library_entry_read(&(*out)[i]);
		}
	if (cat != NULL)
		db_read_end(library_catalogue_db(cat));
	library_catalogue_close(cat);
	return 0;
}

void
library_entry_clear(struct library_entry *e)
{
	free(e->name);
	free(e->path);
	free(e->framework);
	free(e->title);
	free(e->published);
	free(e->rating);
	free(e->body);
	free(e->cause);
	memset(e, 0, sizeof *e);
}

void
library_entries_free(struct library_entry *e, size_t n)
{
	size_t	 i;

	if (e == NULL)
		return;
	for (i = 0; i < n; i++)
		library_entry_clear(&e[i]);
	free(e);
}

/* FNV-1a over the bytes of s (and its end, so fields do not run on). */
static void
library_hash(unsigned long long *h, const unsigned char *s, int len)
{
	int	 i;

	for (i = 0; i < len; i++)
		*h = (*h ^ s[i]) * 1099511628211ULL;
	*h = (*h ^ 0xff) * 1099511628211ULL;
}

int
library_fingerprint(struct db *db, unsigned long long *fp, char **cause)
{
	static const char *const sql[] = {
		"SELECT key, value FROM meta ORDER BY key",
		"SELECT path, kind, title, heading FROM nodes ORDER BY id",
		"SELECT node, kind, text FROM blocks ORDER BY rowid",
		("SELECT measure, place, value, text, unit FROM figures "
		    "ORDER BY id"),
	};
	sqlite3_stmt	*st;
	size_t		 i;
	int		 r, k;

	*fp = 14695981039346656037ULL;
	for (i = 0; i < sizeof sql / sizeof *sql; i++) {
		if (db_prepare(db, sql[i], &st, cause) != 0)
			return -1;
		while ((r = sqlite3_step(st)) == SQLITE_ROW)
			for (k = 0; k < sqlite3_column_count(st); k++)
				library_hash(fp, sqlite3_column_text(st, k),
				    sqlite3_column_bytes(st, k));
		if (r != SQLITE_DONE)
			*cause = db_cause(db, "cannot read the assessment");
		sqlite3_finalize(st);
		if (r != SQLITE_DONE)
			return -1;
	}
	return 0;
}
