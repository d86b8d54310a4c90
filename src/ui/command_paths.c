/*
 * command_paths.c: the `:` line's completion of a section's path, read a
 * screenful at a time.
 *
 * A candidate is a path that starts with the word, cut after the next
 * slash; a section with parts under it is its folder ("x/") alone.  They
 * are read from the index of paths in order, one cut at a time: after
 * "x/", the next read starts past everything under x, so that what is
 * read grows with the cuts, not with the paths.  Only the first
 * COMMAND_PATHS_SHOWN are read at first (the top level alone is 7,000 at
 * 1,000 reports); the rest as Tab cycles past them.  What they all share
 * is what the first and the last (one read from the end) share.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/db.h"
#include "core/xmalloc.h"
#include "ui/command.h"
#include "ui/ui.h"

/* More than a line of the `:` line's candidates shows. */
#define COMMAND_PATHS_SHOWN	32

/* Whether a path starts with folder "s/". */
static int
paths_has_folder(struct db *db, sqlite3_stmt *st, const char *s)
{
	char	*lo = xasprintf("%s/", s), *hi = xasprintf("%s/\xff", s);
	int	 r;

	(void)db;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	r = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	free(lo);
	free(hi);
	return r == SQLITE_ROW;
}

static void
paths_add(struct command_cands *c, const char *s, size_t len)
{
	c->v = xreallocarray(c->v, c->n + 1, sizeof *c->v);
	c->v[c->n++] = xstrndup(s, len);
}

/* Up to want more candidates from c->from; c->from NULL once all are in. */
static void
paths_read(struct ui *ui, struct command_cands *c, size_t want)
{
	struct db	*db = ui_db(ui);
	sqlite3_stmt	*st, *folder;
	const char	*p, *slash;
	char		*cause = NULL;
	size_t		 n, added = 0;
	int		 leaf;

	if (c->from == NULL)
		return;
	if (db_stmt(db, "SELECT path FROM nodes WHERE path >= ?1 AND "
	    "path < ?2 ORDER BY path LIMIT 1", &st, &cause) != 0) {
		ui_error(ui, &cause);
		return;
	}
	if (db_stmt(db, "SELECT 1 FROM nodes WHERE path >= ?1 AND "
	    "path < ?2 LIMIT 1", &folder, &cause) != 0) {
		db_release(db, st);
		ui_error(ui, &cause);
		return;
	}
	sqlite3_bind_text(st, 2, c->upto, -1, SQLITE_STATIC);
	while (added < want) {
		sqlite3_bind_text(st, 1, c->from, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_ROW) {
			free(c->from);
			c->from = NULL;
			break;
		}
		p = (const char *)sqlite3_column_text(st, 0);
		slash = strchr(p + c->wlen, '/');
		n = slash != NULL ? (size_t)(slash - p + 1) : strlen(p);
		/* A section with parts under it: its folder stands for it. */
		leaf = slash == NULL && !paths_has_folder(db, folder, p);
		if (slash != NULL || leaf) {
			paths_add(c, p, n);
			added++;
		}
		free(c->from);
		/* Past x/ and all under it; or just past the path x. */
		c->from = xasprintf("%.*s%s", (int)n, p, slash != NULL ?
		    "\xff" : "\x01");
		sqlite3_reset(st);
	}
	db_release(db, folder);
	db_release(db, st);
}

/* What the first candidate shares with the last path's cut. */
static void
paths_common(struct ui *ui, struct command_cands *c)
{
	struct db	*db = ui_db(ui);
	sqlite3_stmt	*st;
	const char	*p, *slash;
	char		*cause = NULL;
	size_t		 n, i;

	c->common = strlen(c->v[0]);
	if (db_stmt(db, "SELECT path FROM nodes WHERE path >= ?1 AND "
	    "path < ?2 ORDER BY path DESC LIMIT 1", &st, &cause) != 0) {
		ui_error(ui, &cause);
		c->common = 0;
		return;
	}
	sqlite3_bind_text(st, 1, c->word, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->upto, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		p = (const char *)sqlite3_column_text(st, 0);
		slash = strchr(p + c->wlen, '/');
		n = slash != NULL ? (size_t)(slash - p + 1) : strlen(p);
		for (i = 0; i < n && i < c->common && p[i] == c->v[0][i]; i++)
			;
		c->common = i;
	}
	db_release(db, st);
}

void
command_paths(struct ui *ui, const char *word, struct command_cands *c)
{
	c->wlen = strlen(word);
	c->word = xstrdup(word);
	/* No byte of UTF-8 is 0xff: all that starts with word is below. */
	c->upto = xasprintf("%s\xff", word);
	c->from = xstrdup(word);
	paths_read(ui, c, COMMAND_PATHS_SHOWN);
	if (c->from != NULL && c->n > 0)
		paths_common(ui, c);
}

void
command_cands_more(struct ui *ui, struct command_cands *c)
{
	paths_read(ui, c, COMMAND_PATHS_SHOWN);
}
