/*
 * library_open.h: the library's members opened to read, each once, for
 * the browser: switching from one assessment to another, lining two up
 * statement by statement, and searching every one.
 *
 * A member is opened read-only the first time it is asked for and stays
 * open until library_open_free(); its row of the library (name, framework,
 * title, published, rating) is read then, so that a damaged member is
 * found when it is asked for, and named.
 */
#ifndef ICSB_LIBRARY_OPEN_H
#define ICSB_LIBRARY_OPEN_H

#include <stddef.h>
#include <stdint.h>

#include "core/find.h"

struct db;
struct library_entry;
struct library_open;

/*
 * The members of the library in dir (NULL: no library, the built-in one
 * only) whose built-in member's file is builtin.  The strings are copied.
 */
struct library_open	*library_open_new(const char *dir, const char *builtin);
/* Close every member it opened (not those given with _put()). */
void			 library_open_free(struct library_open *);

/*
 * Member name is db, opened by the caller, who closes it after
 * library_open_free().  Returns 0, or -1 with *cause if db cannot be read.
 */
int	 library_open_put(struct library_open *, const char *name,
	     struct db *db, char **cause);

/*
 * Member name's database, and its row in *e if e is not NULL (both
 * borrowed until library_open_free()).  NULL with *cause ("NAME: why")
 * if there is no such member or it cannot be read.
 */
struct db *library_open_get(struct library_open *, const char *name,
	     const struct library_entry **e, char **cause);

/* The database file of member name (caller frees), or NULL with *cause. */
char	*library_open_path(struct library_open *, const char *name,
	     char **cause);

/*
 * The node of statement i of framework's statements (library_scores.h)
 * in db, matched by framework identity, not by its published name; 0 if
 * the assessment has none.
 */
int64_t	 library_statement_node(struct db *, const char *framework, size_t i);
/* The theme node of db named theme (case and punctuation aside), or 0. */
int64_t	 library_theme_node(struct db *, const char *theme);

/* A hit of library_open_search(): member name's hit h, borrowed. */
typedef int (*library_hit_cb)(const char *name, const struct find_hit *h,
	     void *);

/*
 * Search every member of the library for text (find_search() flags),
 * calling cb with at most limit hits (0: no limit), best first, each
 * with the name of its member.  check, if not NULL, is set on each
 * member while it is searched (db_set_check()): when it stops one, the
 * search ends and returns -1 with *cause NULL.  Members that cannot be
 * read are left out and named in *bad ("NAME: why; ..."; caller frees),
 * else *bad is NULL.  Returns the number of hits given to cb, or -1 with
 * *cause set if the library's folder cannot be read.
 * Where the library's catalogue can be had (library_catalogue.h), it is
 * searched, one index for every member, ranked as `search --all` ranks;
 * it is opened at the first search and kept, opened again when the
 * library's folder changes (an add, a replace, a remove); damaged, it is
 * removed and the members are searched one by one, as without it.
 * With FIND_NO_SNIPPET, the catalogue's hits come without their snippet,
 * as find_search() gives them (library_open_snippet() makes one); the
 * hits of members searched one by one come with theirs.
 */
int	 library_open_search(struct library_open *, const char *text,
	     int flags, int limit, int (*check)(void *), library_hit_cb cb,
	     void *arg, char **bad, char **cause);
/*
 * Open the catalogue (and bring it up to date) now, as the next search
 * would, so that its first key does not wait for it: the browser does
 * when the scope "every assessment" is chosen.  Nothing if it is open
 * and the folder unchanged, or if there is none to be had (the search
 * reads the members then).
 */
void	 library_open_ready(struct library_open *);
/*
 * The snippet of a hit that the catalogue gave without one (its h->row),
 * as find_snippet_of() makes it, until the next search: a new string
 * (caller frees), or NULL with *cause if the catalogue is no longer open
 * or no longer has the row.
 */
char	*library_open_snippet(struct library_open *, int64_t row,
	     const char *text, int flags, char **cause);

#endif
