/*
 * paths.h: the PATH operands of a command, each perhaps qualified by the
 * assessment it is in: "NAME:PATH" names PATH in the library's member
 * NAME (see library.h); a plain PATH is in the command's own database.
 * Every command that takes a PATH resolves it here.
 *
 * A paths set owns the members it opens, each once, until paths_free();
 * the command's own database stays the command's.
 */
#ifndef ICSB_PATHS_H
#define ICSB_PATHS_H

#include <stdint.h>

struct cli;
struct db;
struct paths;

/* A set for the command's database db (borrowed; may be NULL). */
struct paths	*paths_new(const struct cli *, struct db *db);
void		 paths_free(struct paths *);

/*
 * The node arg names: its database in *db (borrowed from the set, or
 * the command's) and its id in *id.  Returns 0, or -1 with *cause.
 */
int		 paths_resolve(struct paths *, const char *arg, struct db **db,
		     int64_t *id, char **cause);

/*
 * The database arg is in: a member's for "NAME:PATH", else (or if NAME
 * is none) the command's.  Borrowed.  A document of the sections takes
 * its title from the first one's.
 */
struct db	*paths_db(struct paths *, const char *arg);

#endif
