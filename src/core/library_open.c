/*
 * library_open.c: the library's members opened to read, each once (see
 * library_open.h).
 */
#include "config.h"

#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/db.h"
#include "core/find.h"
#include "core/library.h"
#include "core/library_catalogue.h"
#include "core/library_open.h"
#include "core/library_scores.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"

struct library_member {
	struct library_entry	 e;
	struct db		*db;
	int			 owned;
};

struct library_open {
	char			*dir;		/* NULL: no library */
	char			*builtin;
	struct library_member	**m;	/* each its own: borrowed rows stay */
	size_t			 n;
	/*
	 * The library's catalogue, for library_open_search(): opened (and
	 * brought up to date) at the first search and again when the
	 * folder changes (an add, a replace or a remove renames or unlinks
	 * a file in it), so that a keystroke searches one index rather than
	 * every member; cat_e the members it was opened with.
	 */
	struct library_catalogue *cat;
	struct library_entry	*cat_e;
	size_t			 cat_n;
	struct timespec		 cat_mtime;
	int			 cat_none;	/* none to be had this time */
};

struct library_open *
library_open_new(const char *dir, const char *builtin)
{
	struct library_open	*lo = xcalloc(1, sizeof *lo);

	lo->dir = dir != NULL ? xstrdup(dir) : NULL;
	lo->builtin = xstrdup(builtin);
	return lo;
}

void
library_open_free(struct library_open *lo)
{
	size_t	 i;

	if (lo == NULL)
		return;
	library_catalogue_close(lo->cat);
	library_entries_free(lo->cat_e, lo->cat_n);
	for (i = 0; i < lo->n; i++) {
		if (lo->m[i]->owned)
			db_close(lo->m[i]->db, NULL);
		library_entry_clear(&lo->m[i]->e);
		free(lo->m[i]);
	}
	free(lo->m);
	free(lo->dir);
	free(lo->builtin);
	free(lo);
}

static struct library_member *
library_open_find(struct library_open *lo, const char *name)
{
	size_t	 i;

	for (i = 0; i < lo->n; i++)
		if (strcmp(lo->m[i]->e.name, name) == 0)
			return lo->m[i];
	return NULL;
}

/* Keep db as member name, with its row read; 0, or -1 with *cause. */
static int
library_open_keep(struct library_open *lo, const char *name, char *path,
    struct db *db, int owned, char **cause)
{
	struct library_member	*m;
	struct library_entry	 e;
	char			*why = NULL;

	memset(&e, 0, sizeof e);
	if (library_info(db, &e, &why) != 0) {
		*cause = xasprintf("%s: %s", name, why);
		free(why);
		library_entry_clear(&e);
		free(path);
		return -1;
	}
	e.name = xstrdup(name);
	e.path = path;
	lo->m = xreallocarray(lo->m, lo->n + 1, sizeof *lo->m);
	m = lo->m[lo->n++] = xcalloc(1, sizeof *m);
	m->e = e;
	m->db = db;
	m->owned = owned;
	return 0;
}

int
library_open_put(struct library_open *lo, const char *name, struct db *db,
    char **cause)
{
	char	*path, *why = NULL;

	if (library_open_find(lo, name) != NULL)
		return 0;
	if ((path = library_open_path(lo, name, &why)) == NULL)
		path = xstrdup("");
	free(why);
	return library_open_keep(lo, name, path, db, 0, cause);
}

char *
library_open_path(struct library_open *lo, const char *name, char **cause)
{
	char	*why = NULL, *path;

	if (lo->dir == NULL && strcmp(name, LIBRARY_BUILTIN) != 0) {
		*cause = xasprintf("%s: there is no library (neither "
		    "XDG_DATA_HOME nor HOME is set)", name);
		return NULL;
	}
	path = library_path(lo->dir != NULL ? lo->dir : "/nonexistent",
	    lo->builtin, name, &why);
	if (path == NULL) {
		*cause = why;
		return NULL;
	}
	return path;
}

struct db *
library_open_get(struct library_open *lo, const char *name,
    const struct library_entry **e, char **cause)
{
	struct library_member	*m;
	struct db		*db;
	char			*path, *why = NULL;

	if ((m = library_open_find(lo, name)) == NULL) {
		if ((path = library_open_path(lo, name, cause)) == NULL)
			return NULL;
		if ((db = db_open(path, DB_READONLY, &why)) == NULL) {
			*cause = xasprintf("%s: %s", name, why);
			free(why);
			free(path);
			return NULL;
		}
		if (library_open_keep(lo, name, path, db, 1, cause) != 0) {
			db_close(db, NULL);
			return NULL;
		}
		m = lo->m[lo->n - 1];
	}
	if (e != NULL)
		*e = &m->e;
	return m->db;
}

/* The first node of kind whose title is one framework's name, or 0. */
static int64_t
library_node_of(struct db *db, const char *kind, const char *framework,
    const char *want)
{
	const struct library_statement	*st;
	sqlite3_stmt			*q;
	const char			*title;
	char				*cause = NULL, *a, *b;
	size_t				 ns;
	int64_t				 id = 0;
	int				 i;

	st = library_statements(framework != NULL ? framework : "", &ns);
	if (db_prepare(db, "SELECT id, title FROM nodes WHERE kind = ?1 "
	    "ORDER BY id", &q, &cause) != 0) {
		free(cause);
		return 0;
	}
	sqlite3_bind_text(q, 1, kind, -1, SQLITE_STATIC);
	b = slug_make(want);
	while (id == 0 && sqlite3_step(q) == SQLITE_ROW) {
		title = (const char *)sqlite3_column_text(q, 1);
		if (title == NULL)
			continue;
		if (framework != NULL) {
			i = library_statement_find(framework, title);
			if (i >= 0 && strcmp(st[i].name, want) == 0)
				id = sqlite3_column_int64(q, 0);
			continue;
		}
		a = slug_make(title);
		if (strcmp(a, b) == 0)
			id = sqlite3_column_int64(q, 0);
		free(a);
	}
	free(b);
	sqlite3_finalize(q);
	return id;
}

int64_t
library_statement_node(struct db *db, const char *framework, size_t i)
{
	const struct library_statement	*st;
	size_t				 ns;

	if ((st = library_statements(framework, &ns)) == NULL || i >= ns)
		return 0;
	return library_node_of(db, "statement", framework, st[i].name);
}

int64_t
library_theme_node(struct db *db, const char *theme)
{
	return library_node_of(db, "theme", NULL, theme);
}

/* A hit copied out of its member, to be ranked with the others'. */
struct library_found {
	const char	*name;		/* the member's, borrowed */
	struct find_hit	 h;		/* its strings owned */
	size_t		 order;
};

struct library_founds {
	const char		*name;
	struct library_found	*v;
	size_t			 n;
};

static int
library_found_add(const struct find_hit *h, void *arg)
{
	struct library_founds	*fs = arg;
	struct library_found	*f;

	fs->v = xreallocarray(fs->v, fs->n + 1, sizeof *fs->v);
	f = &fs->v[fs->n];
	f->name = fs->name;
	f->h = *h;
	f->h.path = xstrdup(h->path);
	f->h.title = xstrdup(h->title);
	f->h.snippet = xstrdup(h->snippet);
	f->order = fs->n++;
	return 0;
}

/* Best first (bm25: lower is better); the library's order otherwise. */
static int
library_found_cmp(const void *x, const void *y)
{
	const struct library_found	*a = x, *b = y;

	if (a->h.rank != b->h.rank)
		return a->h.rank < b->h.rank ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

static void
library_founds_free(struct library_founds *fs)
{
	size_t	 i;

	for (i = 0; i < fs->n; i++) {
		free((char *)fs->v[i].h.path);
		free((char *)fs->v[i].h.title);
		free((char *)fs->v[i].h.snippet);
	}
	free(fs->v);
}

/* Search one member into fs; 1 if check stopped it. */
static int
library_search_one(struct library_open *lo, const char *name,
    const char *text, int flags, int limit, int (*check)(void *),
    struct library_founds *fs, struct strbuf *bad)
{
	struct library_member	*m;
	struct db		*db;
	char			*why = NULL;
	int			 stopped = 0;

	if ((db = library_open_get(lo, name, NULL, &why)) == NULL) {
		strbuf_addf(bad, "%s%s", bad->len > 0 ? "; " : "", why);
		free(why);
		return 0;
	}
	if ((m = library_open_find(lo, name)) == NULL)
		return 0;	/* not so: it was got */
	fs->name = m->e.name;
	if (check != NULL)
		db_set_check(db, check, NULL);
	/* The snippets made here: a hit's row is of its member's index. */
	if (find_search(db, text, flags & ~FIND_NO_SNIPPET, 0, limit,
	    library_found_add, fs, &why) < 0) {
		if (db_interrupted(db))
			stopped = 1;
		else
			strbuf_addf(bad, "%s%s: %s", bad->len > 0 ? "; " : "",
			    name, why);
	}
	free(why);
	if (check != NULL)
		db_set_check(db, NULL, NULL);
	return stopped;
}

static void
library_open_uncat(struct library_open *lo)
{
	library_catalogue_close(lo->cat);
	library_entries_free(lo->cat_e, lo->cat_n);
	lo->cat = NULL;
	lo->cat_e = NULL;
	lo->cat_n = 0;
}

/* The catalogue, up to date with the folder; NULL if there is none. */
static struct library_catalogue *
library_open_cat(struct library_open *lo)
{
	struct stat	 sb;
	char		*why = NULL;

	if (lo->dir == NULL || stat(lo->dir, &sb) != 0) {
		library_open_uncat(lo);
		return NULL;
	}
	if ((lo->cat != NULL || lo->cat_none) &&
	    sb.st_mtim.tv_sec == lo->cat_mtime.tv_sec &&
	    sb.st_mtim.tv_nsec == lo->cat_mtime.tv_nsec)
		return lo->cat;
	library_open_uncat(lo);
	lo->cat_mtime = sb.st_mtim;
	lo->cat_none = 1;
	if (library_members(lo->dir, lo->builtin, &lo->cat_e, &lo->cat_n,
	    &why) != 0) {
		free(why);
		return NULL;
	}
	/* Its own lock file and journal change the folder: look again. */
	if ((lo->cat = library_catalogue_open(lo->dir, lo->cat_e, lo->cat_n,
	    &why)) != NULL && stat(lo->dir, &sb) == 0)
		lo->cat_mtime = sb.st_mtim;
	free(why);
	lo->cat_none = lo->cat == NULL;
	if (lo->cat == NULL)
		library_open_uncat(lo);
	return lo->cat;
}

void
library_open_ready(struct library_open *lo)
{
	(void)library_open_cat(lo);
}

char *
library_open_snippet(struct library_open *lo, int64_t row, const char *text,
    int flags, char **cause)
{
	if (lo->cat == NULL) {
		*cause = xasprintf("%s:%d: the library's catalogue is no longer "
		    "open", __FILE__, __LINE__);
		return NULL;
	}
	return find_snippet_of(library_catalogue_db(lo->cat), row, text, flags,
	    cause);
}

/* A hit of the catalogue: "NAME:PATH", its id the member's << 32 | id. */
struct library_cat_hits {
	library_hit_cb	 cb;
	void		*arg;
	int		 given, stop;
};

static int
library_cat_hit(const struct find_hit *h, void *arg)
{
	struct library_cat_hits	*ch = arg;
	struct find_hit		 x = *h;
	const char		*colon = strchr(h->path, ':');
	char			*name;
	int			 rc;

	if (colon == NULL)
		return 0;	/* not so: every path is qualified */
	name = xstrndup(h->path, (size_t)(colon - h->path));
	x.path = colon + 1;
	x.id = h->id & (((int64_t)1 << 32) - 1);
	ch->given++;
	rc = ch->cb(name, &x, ch->arg);
	free(name);
	if (rc != 0)
		ch->stop = 1;
	return rc;
}

/*
 * The search of every member in the catalogue: 0 done (*given hits),
 * 1 stopped by check, -1 not to be had (search the members).
 */
static int
library_open_search_cat(struct library_open *lo, const char *text,
    int flags, int limit, int (*check)(void *), library_hit_cb cb, void *arg,
    int *given, char **bad)
{
	struct library_catalogue	*cat;
	struct library_cat_hits		 ch = { cb, arg, 0, 0 };
	struct strbuf			 sb = STRBUF_INIT;
	struct db			*db;
	char				*why = NULL;
	size_t				 i;
	int				 n;

	if ((cat = library_open_cat(lo)) == NULL)
		return -1;
	db = library_catalogue_db(cat);
	if (check != NULL)
		db_set_check(db, check, NULL);
	n = find_search(db, text, flags, 0, limit, library_cat_hit, &ch, &why);
	if (check != NULL)
		db_set_check(db, NULL, NULL);
	free(why);
	if (n < 0 && !ch.stop) {
		if (db_interrupted(db))
			return 1;
		/* Damaged (then removed) or unreadable: the members. */
		library_catalogue_failed(cat);
		library_open_uncat(lo);
		lo->cat_none = 0;
		return ch.given > 0 ? 1 : -1;
	}
	for (i = 0; i < lo->cat_n; i++)
		if (lo->cat_e[i].cause != NULL)
			strbuf_addf(&sb, "%s%s: %s", sb.len > 0 ? "; " : "",
			    lo->cat_e[i].name, lo->cat_e[i].cause);
	if (sb.len > 0)
		*bad = strbuf_detach(&sb);
	else
		strbuf_free(&sb);
	*given = ch.given;
	return 0;
}

int
library_open_search(struct library_open *lo, const char *text, int flags,
    int limit, int (*check)(void *), library_hit_cb cb, void *arg,
    char **bad, char **cause)
{
	struct library_entry	*e;
	struct library_founds	 fs;
	struct strbuf		 sb = STRBUF_INIT;
	size_t			 i, n;
	int			 given = 0, stopped = 0;

	*bad = NULL;
	switch (library_open_search_cat(lo, text, flags, limit, check, cb,
	    arg, &given, bad)) {
	case 0:
		return given;
	case 1:
		return -1;
	default:
		break;
	}
	if (library_members(lo->dir != NULL ? lo->dir : "/nonexistent",
	    lo->builtin, &e, &n, cause) != 0)
		return -1;
	memset(&fs, 0, sizeof fs);
	for (i = 0; i < n && !stopped; i++)
		stopped = library_search_one(lo, e[i].name, text, flags, limit,
		    check, &fs, &sb);
	library_entries_free(e, n);
	if (!stopped) {
		qsort(fs.v, fs.n, sizeof *fs.v, library_found_cmp);
		for (i = 0; i < fs.n && (limit == 0 || given < limit); i++) {
			given++;
			if (cb(fs.v[i].name, &fs.v[i].h, arg) != 0)
				break;
		}
	}
	library_founds_free(&fs);
	if (sb.len > 0)
		*bad = strbuf_detach(&sb);
	else
		strbuf_free(&sb);
	return stopped ? -1 : given;
}
