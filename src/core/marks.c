/*
 * marks.c: the marked sections, in the order they will print.
 *
 * A plain array: people mark tens of sections, not thousands, and the
 * order is the user's, so a search is a walk.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/marks.h"
#include "core/xmalloc.h"

struct marks {
	char	**paths;
	size_t	 n;
};

struct marks *
marks_new(void)
{
	return xcalloc(1, sizeof(struct marks));
}

void
marks_free(struct marks *m)
{
	if (m == NULL)
		return;
	marks_clear(m);
	free(m->paths);
	free(m);
}

size_t
marks_count(const struct marks *m)
{
	return m->n;
}

const char *
marks_get(const struct marks *m, size_t i)
{
	return i < m->n ? m->paths[i] : NULL;
}

const char *const *
marks_paths(const struct marks *m)
{
	return (const char *const *)m->paths;
}

static size_t
marks_find(const struct marks *m, const char *path)
{
	size_t	 i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->paths[i], path) == 0)
			return i;
	return m->n;
}

int
marks_has(const struct marks *m, const char *path)
{
	return marks_find(m, path) < m->n;
}

int
marks_add(struct marks *m, const char *path)
{
	if (marks_has(m, path))
		return 0;
	m->paths = xreallocarray(m->paths, m->n + 1, sizeof *m->paths);
	m->paths[m->n++] = xstrdup(path);
	return 1;
}

int
marks_remove(struct marks *m, const char *path)
{
	size_t	 i = marks_find(m, path);

	if (i == m->n)
		return 0;
	free(m->paths[i]);
	memmove(m->paths + i, m->paths + i + 1, (m->n - i - 1) *
	    sizeof *m->paths);
	m->n--;
	return 1;
}

int
marks_toggle(struct marks *m, const char *path)
{
	if (marks_remove(m, path))
		return 0;
	return marks_add(m, path);
}

size_t
marks_move(struct marks *m, size_t i, int dir)
{
	size_t	 to;
	char	*t;

	if (i >= m->n || (dir < 0 && i == 0) || (dir > 0 && i + 1 >= m->n))
		return i;
	to = dir < 0 ? i - 1 : i + 1;
	t = m->paths[i];
	m->paths[i] = m->paths[to];
	m->paths[to] = t;
	return to;
}

void
marks_clear(struct marks *m)
{
	size_t	 i;

	for (i = 0; i < m->n; i++)
		free(m->paths[i]);
	m->n = 0;
}
