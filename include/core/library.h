/*
 * library.h: the user's library of assessments.
 *
 * The library is a folder ($XDG_DATA_HOME/icsbrowse/library, by default
 * ~/.local/share/icsbrowse/library) of databases, one an assessment,
 * each named NAME.db where NAME is [a-z0-9] words joined by '-'
 * ("hertfordshire-2024").  The built-in Dorset assessment is a member
 * under a fixed name (LIBRARY_BUILTIN) whose file lives elsewhere, and
 * can be neither replaced nor removed.
 *
 * Changes are crash-safe: an add builds the new member in a hidden
 * temporary file in the folder (".add-PID-N.db") and renames it into
 * place, holding an flock on the folder's ".lock" from the check for a
 * duplicate to the rename, so that a kill at any point leaves the library
 * as it was (a stale temporary file at most, which is hidden and removed
 * by the next add) and two adds at once do not lose either.  Readers
 * take no lock: a rename is atomic.
 */
#ifndef ICSB_LIBRARY_H
#define ICSB_LIBRARY_H

#include <stddef.h>

struct db;

#define LIBRARY_BUILTIN		"dorset-2024"
#define LIBRARY_NAME_MAX	64

/* What list shows of a member, read from its meta table. */
struct library_entry {
	char	*name;
	char	*path;		/* its database file */
	char	*framework;	/* "ics" or "la" */
	char	*title;
	char	*published;
	char	*rating;	/* "" where there is none */
	char	*body;		/* the system or council assessed, or "" */
	char	*cause;		/* not NULL: the member is damaged, why */
};

/*
 * The library's folder, from XDG_DATA_HOME or HOME, as a new string;
 * NULL with *cause if neither is set.  Not created here.
 */
char	*library_dir(char **cause);

/* Whether name is a member's name: [a-z0-9] words joined by '-'. */
int	 library_name_valid(const char *name);

/*
 * The name made from the body assessed and the year of publication
 * ("Hertfordshire County Council", "18 October 2024":
 * "hertfordshire-2024"), as a new string; NULL if no name can be made.
 */
char	*library_name_make(const char *body, const char *published);

/*
 * The database file of member name, as a new string: the built-in one's
 * is builtin.  NULL with *cause if the library has no such member.
 */
char	*library_path(const char *dir, const char *builtin, const char *name,
	     char **cause);

/*
 * Read what list shows of the database db into e (name and path are
 * left alone).  Falls back where the meta table lacks a key: the
 * framework from the places (a council) and the scores, the body from
 * the title.  Returns 0, or -1 with *cause.
 */
int	 library_info(struct db *db, struct library_entry *e, char **cause);

/*
 * The members, the built-in one among them, in name order, read from
 * the library's catalogue (library_catalogue.h), which this brings up to
 * date, or each opened once where there is none.  A member that cannot
 * be read has its cause set, and the others are listed.  *out is the caller's to free with
 * library_entries_free().  Returns 0, or -1 with *cause if the folder
 * cannot be read (a missing folder is an empty library).
 */
int	 library_list(const char *dir, const char *builtin,
	     struct library_entry **out, size_t *n, char **cause);
void	 library_entries_free(struct library_entry *, size_t n);
/*
 * As library_list(), with only the names and paths: no member is opened
 * (for a caller that opens each itself).
 */
int	 library_members(const char *dir, const char *builtin,
	     struct library_entry **out, size_t *n, char **cause);
/* Free what e holds (not e itself) and zero it. */
void	 library_entry_clear(struct library_entry *e);

/*
 * Build the database file out from inputs: one built icsbrowse database
 * (copied, after it is checked whole), one folder of a dataset's CSV
 * files, or the pages of one report as published, each a PDF or text
 * (read by the report reader, report.h).  This is the one entry through
 * which add reads what it is given.  All or nothing: a failure leaves no
 * file at out.  Returns 0, or -1 with *cause.
 */
int	 library_import(char **inputs, int ninputs, const char *out,
	     char **cause);

/* What library_add() did. */
enum library_added {
	LIBRARY_NEW,		/* a new member */
	LIBRARY_REPLACED,	/* a member of that name replaced */
	LIBRARY_SAME		/* already there: nothing changed */
};

/*
 * Add inputs to the library in dir (made if missing) under name, or the
 * name made from the assessment if name is NULL.  The same assessment
 * already there (its content identical, under any name, the built-in one
 * too) changes nothing: LIBRARY_SAME and its name.  Another member of
 * that name is refused unless replace.  Sets *added to the member's
 * name (the caller frees it) and *how.  Returns 0, or -1 with *cause.
 */
int	 library_add(const char *dir, const char *builtin, char **inputs,
	     int ninputs, const char *name, int replace, char **added,
	     enum library_added *how, char **cause);

/* Remove member name; the built-in one cannot be.  0, or -1 with *cause. */
int	 library_remove(const char *dir, const char *name, char **cause);

/*
 * Remove from dir what adds and catalogue builds left whose process is
 * gone (their temporary files, named by pid).  Call it with the library's
 * lock held.
 */
void	 library_sweep(const char *dir);

/*
 * A fingerprint of the content of db (meta, nodes, blocks, figures): the
 * same for the same assessment however it was built.  0 or -1.
 */
int	 library_fingerprint(struct db *db, unsigned long long *fp,
	     char **cause);

#endif
