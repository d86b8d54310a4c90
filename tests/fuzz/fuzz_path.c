/*
 * fuzz_path.c: naming a section by its path, and making slugs.
 *
 * The input is a path as typed on the command line or in the browser's
 * "go to" prompt.  model_resolve() on the real dataset must find one node
 * or fail with a cause; slug_make() must make a valid slug (or nothing)
 * of any title, and the same slug again of its own output.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/model.h"
#include "core/xmalloc.h"
#include "fuzz.h"

#define FUZZ_PATH_MAX	4096

static void
fuzz_path_resolve(struct db *db, const char *path)
{
	struct node	 n;
	int64_t		 id = 0;
	char		*cause = NULL;

	if (model_resolve(db, path, &id, &cause) == 0) {
		if (cause != NULL)
			fuzz_fail("model_resolve: 0 with a cause", cause);
		if (model_get(db, id, &n, &cause) != 0)
			fuzz_fail("model_resolve: a node that is not there",
			    cause);
		node_clear(&n);
	} else if (cause == NULL)
		fuzz_fail("model_resolve: -1 without a cause", path);
	free(cause);
}

static void
fuzz_path_slug(const char *s)
{
	char	*slug, *again;

	slug = slug_make(s);
	if (*slug != '\0' && !slug_valid(slug))
		fuzz_fail("slug_make: not a valid slug", slug);
	again = slug_make(slug);
	if (strcmp(again, slug) != 0)
		fuzz_fail("slug_make: not the same slug of a slug", slug);
	if (slug_valid(s) && strcmp(slug, s) != 0)
		fuzz_fail("slug_make: a valid slug changed", s);
	free(again);
	free(slug);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct db	*db;
	char		*path, *slug;

	if (size > FUZZ_PATH_MAX)
		return 0;
	db = fuzz_dataset_db();
	path = xstrndup((const char *)data, size);
	fuzz_path_resolve(db, path);
	fuzz_path_slug(path);
	/* A title's slug, as a path: the common way to reach a section. */
	slug = slug_make(path);
	fuzz_path_resolve(db, slug);
	free(slug);
	free(path);
	return 0;
}
