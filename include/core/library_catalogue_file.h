/*
 * library_catalogue_file.h: the library catalogue's file, for
 * library_catalogue.c: its writers' lock, and the file made anew when it
 * is not sound.  Who writes the catalogue holds the library's lock (as
 * add does), so that one at a time writes it and none is writing when it
 * is made anew (a file renamed over one being written would meet the
 * other's journal).
 */
#ifndef ICSB_LIBRARY_CATALOGUE_FILE_H
#define ICSB_LIBRARY_CATALOGUE_FILE_H

struct db;

#define CATFILE_NAME	".catalogue.db"	/* in the library's folder */

/* A writer of the catalogue of the library in dir. */
struct catfile_writer {
	const char	*dir;
	int		 fd;	/* the lock's, or -1 while not held */
	int		 failed;	/* SQLite's code for the write that
					   failed and was rolled back, or 0 */
};

/* Take the library's lock, once; 0, or -1 with *cause. */
int	 catfile_lock(struct catfile_writer *, char **cause);
/* Let it go, if held. */
void	 catfile_unlock(struct catfile_writer *);

/*
 * Open the catalogue at path (w->dir's); one missing, cut short, of
 * another version or without its tables is made anew, under the lock
 * (held from then on), with what a killed making left and a killed
 * writer's journal removed first.  NULL with *cause if it cannot be.
 */
struct db *catfile_db(struct catfile_writer *w, const char *path,
	     char **cause);

/*
 * After a read of db (the catalogue of the library in dir) failed:
 * whether SQLite found it damaged; then it is removed, under the lock,
 * and returns 1.
 */
int	 catfile_failed(struct db *db, const char *dir);
/*
 * The same for a result code of SQLite's (the primary or an extended
 * one), the catalogue w's, under w's lock (taken if not held).
 */
int	 catfile_failed_code(struct catfile_writer *w, int code);

#endif
