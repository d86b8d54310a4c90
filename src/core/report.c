/*
 * report.c: a report as read, before it becomes rows (see report.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/report.h"
#include "core/xmalloc.h"

/* Grow *array of *n items of size sz by one; returns the new item, zeroed. */
static void *
report_grow(void *array, size_t *n, size_t sz)
{
	void	**a = array;
	char	 *item;

	if ((*n & (*n - 1)) == 0)
		*a = xreallocarray(*a, *n == 0 ? 1 : *n * 2, sz);
	item = (char *)*a + *n * sz;
	memset(item, 0, sz);
	(*n)++;
	return item;
}

struct report *
report_new(void)
{
	return xcalloc(1, sizeof (struct report));
}

static void
report_free_notes(struct report_note *n, size_t count)
{
	size_t	 i;

	for (i = 0; i < count; i++)
		free(n[i].what);
	free(n);
}

static void
report_free_tree(struct report *r)
{
	size_t	 i;

	for (i = 0; i < r->nnodes; i++) {
		free(r->nodes[i].kind);
		free(r->nodes[i].slug);
		free(r->nodes[i].title);
		free(r->nodes[i].heading);
	}
	free(r->nodes);
	for (i = 0; i < r->nblocks; i++)
		free(r->blocks[i].text);
	free(r->blocks);
	for (i = 0; i < r->nscores; i++) {
		free(r->scores[i].label);
		free(r->scores[i].measure);
		free(r->scores[i].text);
	}
	free(r->scores);
}

void
report_free(struct report *r)
{
	size_t	 i;

	if (r == NULL)
		return;
	report_free_tree(r);
	for (i = 0; i < r->nlines; i++)
		free(r->lines[i].text);
	free(r->lines);
	for (i = 0; i < r->nfiles; i++)
		free(r->files[i]);
	free(r->files);
	report_free_notes(r->dropped, r->ndropped);
	report_free_notes(r->warnings, r->nwarnings);
	free(r->title);
	free(r->body);
	free(r->published);
	free(r->started);
	free(r->rating);
	free(r);
}

const char *
report_add_file(struct report *r, const char *name)
{
	char	**f;

	f = report_grow(&r->files, &r->nfiles, sizeof *r->files);
	*f = xstrdup(name);
	return *f;
}

struct report_line *
report_add_line(struct report *r, const char *file, unsigned long no,
    char *text, size_t len)
{
	struct report_line	*l;

	l = report_grow(&r->lines, &r->nlines, sizeof *r->lines);
	l->file = file;
	l->no = no;
	l->text = text;
	l->len = len;
	return l;
}

/* A slug no sibling has yet: "findings", then "findings-2", ... */
static char *
report_unique_slug(const struct report *r, const char *slug, size_t parent)
{
	char	*s = xstrdup(*slug != '\0' ? slug : "section");
	size_t	 i;
	int	 n = 1;

	for (i = 0; i < r->nnodes; i++) {
		if (r->nodes[i].parent != parent ||
		    strcmp(r->nodes[i].slug, s) != 0)
			continue;
		free(s);
		s = xasprintf("%s-%d", *slug != '\0' ? slug : "section", ++n);
		i = (size_t)-1;
	}
	return s;
}

size_t
report_add_node(struct report *r, const char *kind, const char *slug,
    const char *title, const char *heading, size_t parent,
    const struct report_line *at)
{
	struct report_node	*n;
	char			*made = NULL, *s;

	if (slug == NULL)
		slug = made = slug_make(title);
	s = report_unique_slug(r, slug, parent);
	free(made);
	n = report_grow(&r->nodes, &r->nnodes, sizeof *r->nodes);
	n->kind = xstrdup(kind);
	n->slug = s;
	n->title = xstrdup(title);
	n->heading = xstrdup(heading);
	n->parent = parent;
	n->file = at != NULL ? at->file : NULL;
	n->line = at != NULL ? at->no : 0;
	return r->nnodes;
}

void
report_add_block(struct report *r, size_t node, const char *kind, char *text,
    const struct report_line *at)
{
	struct report_block	*b;

	b = report_grow(&r->blocks, &r->nblocks, sizeof *r->blocks);
	b->node = node;
	b->kind = kind;
	b->text = text;
	b->file = at != NULL ? at->file : NULL;
	b->line = at != NULL ? at->no : 0;
}

static void	report_note(struct report_note **, size_t *,
		    const struct report_line *, const char *, va_list)
		    __attribute__((format(printf, 4, 0)));

static void
report_note(struct report_note **notes, size_t *n,
    const struct report_line *at, const char *fmt, va_list ap)
{
	struct report_note	*note;

	note = report_grow(notes, n, sizeof **notes);
	note->file = at != NULL ? at->file : NULL;
	note->line = at != NULL ? at->no : 0;
	note->what = xvasprintf(fmt, ap);
}

void
report_drop(struct report *r, const struct report_line *at, const char *fmt,
    ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	report_note(&r->dropped, &r->ndropped, at, fmt, ap);
	va_end(ap);
}

void
report_warn(struct report *r, const struct report_line *at, const char *fmt,
    ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	report_note(&r->warnings, &r->nwarnings, at, fmt, ap);
	va_end(ap);
}
