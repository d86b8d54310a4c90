/*
 * library_catalogue.h: one file that holds what `list`, `scores` and
 * `search --all` need of every member of the library, so that they read
 * one database rather than opening each member (a library of 200 took
 * 70 to 240 ms to open one by one; see README, "Performance").
 *
 * The catalogue is the library folder's ".catalogue.db", an icsbrowse
 * database whose nodes and search index hold every member's, each node's
 * path qualified by its member ("NAME:PATH") and its id made unique
 * (member's number << 32 | node id), beside two tables of its own: the
 * members as list shows them, with the inode, size and time of change
 * of each file when it was read, and their scores.
 *
 * It is a cache, never the truth: opening it compares each member's file
 * with what it read, and reads again a member whose file changed (an add
 * or a replace renames a new file in), drops one that is gone, and makes
 * the catalogue anew if it is missing, damaged or of another version.  The
 * members that changed are read in one transaction, so that a kill leaves
 * the catalogue as it was;
 * who writes it holds the library's lock (as add does), so that two
 * processes at once take turns, and none is writing one that another
 * makes anew.  A catalogue damaged where its opening does not look
 * (library_catalogue_failed()) is removed, and the members read.  When it
 * cannot be opened or written (no folder, a read-only one), callers read
 * the members themselves, as before.
 */
#ifndef ICSB_LIBRARY_CATALOGUE_H
#define ICSB_LIBRARY_CATALOGUE_H

#include <stddef.h>

struct db;
struct library_entry;
struct library_scores;

struct library_catalogue;

/*
 * Open the catalogue of the library in dir, brought up to date with the
 * members e[0..n) (from library_members(): in order of name).  A member
 * that cannot be read has e[i].cause set and is not in the catalogue.
 * One that SQLite finds damaged as it is brought up to date is made
 * anew, once.  Returns the catalogue, or NULL with *cause if there is
 * none to be had (no folder, or it cannot be written).
 */
struct library_catalogue *library_catalogue_open(const char *dir,
		     struct library_entry *e, size_t n, char **cause);
/*
 * Bring the catalogue of the library in dir up to date if it can be, and
 * close it: add and remove do, so that the next reader finds it so.
 */
void	 library_catalogue_update(const char *dir, const char *builtin);
/* Close; NULL does nothing. */
void	 library_catalogue_close(struct library_catalogue *);
/*
 * After a read of the catalogue failed, whether it is damaged: then it
 * is removed (to be made anew by the next open), and returns 1; the
 * caller reads the members themselves.
 */
int	 library_catalogue_failed(struct library_catalogue *);

/*
 * Fill what list shows of member e->name (framework, title, published,
 * rating, body) from the catalogue.  Returns 0, or -1 if it is not there.
 */
int	 library_catalogue_info(struct library_catalogue *,
	     struct library_entry *e);

/*
 * Member name's scores, against its own framework, into s (free with
 * library_scores_free()).  Returns 0, or -1 with *cause if it is not
 * there.
 */
int	 library_catalogue_scores(struct library_catalogue *, const char *name,
	     struct library_scores *s, char **cause);

/*
 * What library_catalogue_info() and library_catalogue_scores() give, for
 * the n members e[i].name at once, in one pass over the catalogue (for a
 * table of many).  sc[i] are to be freed with library_scores_free().
 * Returns 0, or -1 with *cause naming one that is not there.
 */
int	 library_catalogue_read(struct library_catalogue *,
	     struct library_entry *e, struct library_scores *sc, size_t n,
	     char **cause);

/*
 * The catalogue's database, borrowed: find_search() on it searches every
 * member at once, its hits' paths qualified by their member.
 */
struct db *library_catalogue_db(struct library_catalogue *);

#endif
