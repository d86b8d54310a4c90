/*
 * paths.c: PATH operands, qualified "NAME:PATH" or not (see paths.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/paths.h"
#include "core/db.h"
#include "core/library.h"
#include "core/model.h"
#include "core/xmalloc.h"

struct paths_member {
	char		*name;
	struct db	*db;
};

struct paths {
	const struct cli	*c;
	struct db		*db;
	struct paths_member	*m;
	size_t			 n;
};

struct paths *
paths_new(const struct cli *c, struct db *db)
{
	struct paths	*p;

	p = xcalloc(1, sizeof *p);
	p->c = c;
	p->db = db;
	return p;
}

void
paths_free(struct paths *p)
{
	size_t	 i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n; i++) {
		free(p->m[i].name);
		db_close(p->m[i].db, NULL);
	}
	free(p->m);
	free(p);
}

/* Member name's database, opened once; NULL with *cause. */
static struct db *
paths_member(struct paths *p, const char *name, char **cause)
{
	struct db	*db;
	char		*file;
	size_t		 i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->m[i].name, name) == 0)
			return p->m[i].db;
	if (p->c->lib_dir == NULL && strcmp(name, LIBRARY_BUILTIN) != 0) {
		*cause = xstrdup(p->c->lib_cause);
		return NULL;
	}
	file = library_path(p->c->lib_dir, p->c->builtin_db, name, cause);
	if (file == NULL)
		return NULL;
	db = db_open(file, DB_READONLY, cause);
	free(file);
	if (db == NULL)
		return NULL;
	p->m = xreallocarray(p->m, p->n + 1, sizeof *p->m);
	p->m[p->n].name = xstrdup(name);
	p->m[p->n++].db = db;
	return db;
}

int
paths_resolve(struct paths *p, const char *arg, struct db **db,
    int64_t *id, char **cause)
{
	const char	*colon;
	char		*name, *why;
	int		 rc;

	/* Slugs have no ':', so a PATH with one is qualified. */
	if ((colon = strchr(arg, ':')) == NULL) {
		*db = p->db;
		return model_resolve(p->db, arg, id, cause);
	}
	name = xstrndup(arg, (size_t)(colon - arg));
	if ((*db = paths_member(p, name, cause)) == NULL)
		rc = -1;
	else if ((rc = model_resolve(*db, colon + 1, id, cause)) != 0) {
		why = *cause;
		*cause = xasprintf("%s: %s", name, why);
		free(why);
	}
	free(name);
	return rc;
}

struct db *
paths_db(struct paths *p, const char *arg)
{
	const char	*colon;
	struct db	*db;
	char		*name, *cause = NULL;

	if ((colon = strchr(arg, ':')) == NULL)
		return p->db;
	name = xstrndup(arg, (size_t)(colon - arg));
	db = paths_member(p, name, &cause);
	free(name);
	free(cause);
	return db != NULL ? db : p->db;
}
