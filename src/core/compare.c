/*
 * compare.c: two places side by side, figure by figure.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/compare.h"
#include "core/db.h"
#include "core/place_names.h"
#include "core/places.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"

/* Text for the rows, cleaned once here: no line break or escape survives. */
static char *
cclean(const char *s)
{
	return utf8_clean(s, strlen(s), 0);
}

void
place_rec_clear(struct place_rec *p)
{
	free(p->code);
	free(p->kind);
	free(p->name);
	memset(p, 0, sizeof *p);
}

struct find_place {
	const char		*what;
	struct place_rec	*out;
	int			 n;		/* matches */
	int			 exact;		/* a code matched */
	struct strbuf		 names;		/* of the matches */
	struct strbuf		 all;		/* of every place */
	struct db		*db;
	int			 aliases;	/* by other names (2nd pass) */
	char			*cause;
};

static void
find_keep(struct find_place *f, const struct place *p)
{
	place_rec_clear(f->out);
	f->out->code = xstrdup(p->code);
	f->out->kind = cclean(p->kind);
	f->out->name = cclean(p->name);
	f->out->node = p->node;
}

/* A character of a name as names are matched: '-', '_' and ' ' alike. */
static int
find_fold(int c)
{
	c = tolower((unsigned char)c);
	return c == '-' || c == '_' ? ' ' : c;
}

/* Is what a prefix of name, case aside and '-', '_', ' ' alike? */
static int
find_prefix(const char *name, const char *what)
{
	for (; *what != '\0'; name++, what++)
		if (find_fold(*name) != find_fold(*what))
			return 0;
	return 1;
}

/* Are they the same name, as find_prefix() sees names? */
static int
find_same(const char *name, const char *what)
{
	return strlen(name) == strlen(what) && find_prefix(name, what);
}

/* One more place that what could name. */
static void
find_add(struct find_place *f, const struct place *p)
{
	strbuf_addf(&f->names, "%s%s (%s)", f->names.len ? ", " : "", p->name,
	    p->code);
	if (f->n++ == 0)
		find_keep(f, p);
}

static int
find_place_cb(const struct place *p, void *arg)
{
	struct find_place	*f = arg;
	size_t			 len = strlen(f->what);
	int			 r;

	if (f->aliases) {
		if ((r = place_names_match(f->db, p->name, f->what,
		    &f->cause)) < 0)
			return -1;
		if (r > 0)
			find_add(f, p);
		return 0;
	}
	strbuf_addf(&f->all, "%s%s (%s)", f->all.len ? ", " : "", p->name,
	    p->code);
	if (f->exact)
		return 0;
	if (find_same(p->code, f->what) || find_same(p->name, f->what)) {
		find_keep(f, p);
		f->exact = 1;
		f->n = 1;
		return 0;
	}
	if (len == 0 || (!find_prefix(p->name, f->what) &&
	    !find_prefix(p->code, f->what)))
		return 0;
	find_add(f, p);
	return 0;
}

/* Spaces around a name pasted from elsewhere are no part of it. */
static char *
find_trim(const char *what)
{
	size_t	 len;

	while (*what == ' ' || *what == '\t')
		what++;
	len = strlen(what);
	while (len > 0 && (what[len - 1] == ' ' || what[len - 1] == '\t'))
		len--;
	return xstrndup(what, len);
}

/* Look by names; if none matches, by the other names the texts give. */
static int
find_walk(struct db *db, struct find_place *f, char **cause)
{
	if (places_list(db, find_place_cb, f, cause) != 0)
		return -1;
	if (f->n > 0)
		return 0;
	f->aliases = 1;
	if (places_list(db, find_place_cb, f, cause) == 0)
		return 0;
	/* The walk stops with the callback's cause. */
	if (f->cause != NULL) {
		*cause = f->cause;
		f->cause = NULL;
	}
	return -1;
}

int
places_find(struct db *db, const char *what, struct place_rec *out,
    char **cause)
{
	struct find_place	 f;
	char			*trimmed;
	int			 rc = -1;

	memset(&f, 0, sizeof f);
	memset(out, 0, sizeof *out);
	what = trimmed = find_trim(what);
	if (*what == '\0') {
		*cause = xstrdup("an empty name names no place (see 'icsbrowse "
		    "places')");
		free(trimmed);
		return -1;
	}
	f.what = what;
	f.out = out;
	f.db = db;
	if (find_walk(db, &f, cause) != 0)
		goto out;
	if (f.n == 1)
		rc = 0;
	else if (f.n > 1)
		*cause = xasprintf("%s: more than one place, could be: %s",
		    what, strbuf_str(&f.names));
	else
		*cause = xasprintf("%s: no such place; the places are: %s",
		    what, strbuf_str(&f.all));
out:
	if (rc != 0)
		place_rec_clear(out);
	strbuf_free(&f.names);
	strbuf_free(&f.all);
	free(f.cause);
	free(trimmed);
	return rc;
}

/* The figures of one place, as they are read. */
struct figlist {
	struct cmp_side	*f;
	char		**measure, **label;
	int		*target, *used;
	int64_t		*cmp;		/* comparator figure id */
	char		**dir;
	size_t		 n;
};

static char *
compare_comparator(const struct figure *f)
{
	char	*s, *c;

	if (f->cmp_id == 0)
		return xstrdup("");
	c = places_with_unit(f->cmp_text, f->cmp_unit);
	s = xasprintf("%s%s: %s", f->cmp_place_name,
	    strcmp(f->cmp_basis, "target") == 0 ? " target" :
	    strcmp(f->cmp_basis, "average") == 0 ? " average" : "", c);
	free(c);
	c = cclean(s);
	free(s);
	return c;
}

static int
compare_collect(const struct figure *f, void *arg)
{
	struct figlist	*l = arg;
	struct cmp_side	*s;
	size_t		 i = l->n++;

	l->f = xreallocarray(l->f, l->n, sizeof *l->f);
	l->measure = xreallocarray(l->measure, l->n, sizeof *l->measure);
	l->label = xreallocarray(l->label, l->n, sizeof *l->label);
	l->target = xreallocarray(l->target, l->n, sizeof *l->target);
	l->used = xreallocarray(l->used, l->n, sizeof *l->used);
	l->cmp = xreallocarray(l->cmp, l->n, sizeof *l->cmp);
	l->dir = xreallocarray(l->dir, l->n, sizeof *l->dir);
	s = &l->f[i];
	memset(s, 0, sizeof *s);
	s->present = 1;
	s->id = f->id;
	s->value = f->value;
	s->text = cclean(f->text);
	s->unit = cclean(f->unit);
	s->out_of = f->out_of;
	s->period = cclean(f->period);
	s->comparator = compare_comparator(f);
	s->path = cclean(f->node_path);
	s->node = f->node;
	l->measure[i] = xstrdup(f->measure);
	l->label[i] = cclean(f->label);
	l->target[i] = strcmp(f->basis, "target") == 0;
	l->used[i] = 0;
	l->cmp[i] = f->cmp_id;
	l->dir[i] = xstrdup(f->direction);
	return 0;
}

static void
side_clear(struct cmp_side *s)
{
	free(s->text);
	free(s->unit);
	free(s->period);
	free(s->comparator);
	free(s->path);
	memset(s, 0, sizeof *s);
}

/* Free the list; its sides too unless they were handed to rows. */
static void
figlist_free(struct figlist *l, int sides)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		if (sides)
			side_clear(&l->f[i]);
		free(l->measure[i]);
		free(l->label[i]);
		free(l->dir[i]);
	}
	free(l->f);
	free(l->measure);
	free(l->label);
	free(l->target);
	free(l->used);
	free(l->cmp);
	free(l->dir);
}

static struct cmp_row *
compare_row(struct cmp *c, struct figlist *from, size_t i)
{
	struct cmp_row	*r;

	c->rows = xreallocarray(c->rows, c->n + 1, sizeof *c->rows);
	r = &c->rows[c->n++];
	memset(r, 0, sizeof *r);
	r->measure = xstrdup(from->measure[i]);
	r->label = xstrdup(from->label[i]);
	r->target = from->target[i];
	return r;
}

/* Which side the text calls better, when one is compared with the other. */
static void
compare_better(struct cmp_row *r, struct figlist *la, size_t i,
    struct figlist *lb, size_t j)
{
	if (la->cmp[i] == lb->f[j].id) {
		r->a.better = strcmp(la->dir[i], "better") == 0;
		r->b.better = strcmp(la->dir[i], "worse") == 0;
	} else if (lb->cmp[j] == la->f[i].id) {
		r->b.better = strcmp(lb->dir[j], "better") == 0;
		r->a.better = strcmp(lb->dir[j], "worse") == 0;
	}
}

/* Rows for l's figures of a measure already in a row: they follow it. */
static void
compare_also(struct cmp *c, struct figlist *l, size_t i, int side_b)
{
	struct cmp_row	*r;
	size_t		 k;

	for (k = 0; k < l->n; k++) {
		if (l->used[k] || l->target[k] != l->target[i] ||
		    strcmp(l->measure[k], l->measure[i]) != 0)
			continue;
		l->used[k] = 1;
		r = compare_row(c, l, k);
		r->also = 1;
		if (side_b)
			r->b = l->f[k];
		else
			r->a = l->f[k];
	}
}

/* The first of lb's figures unused that can pair with la's figure i. */
static size_t
compare_match(struct figlist *la, size_t i, struct figlist *lb)
{
	size_t	 j;

	for (j = 0; j < lb->n; j++)
		if (!lb->used[j] && lb->target[j] == la->target[i] &&
		    strcmp(lb->measure[j], la->measure[i]) == 0)
			break;
	return j;
}

static void
compare_pair(struct cmp *c, struct figlist *la, struct figlist *lb)
{
	struct cmp_row	*r;
	size_t		*pair, i, j;

	/* Pair first: a figure's partner may come after another of it. */
	pair = xcalloc(la->n + 1, sizeof *pair);
	for (i = 0; i < la->n; i++) {
		pair[i] = j = compare_match(la, i, lb);
		if (j < lb->n)
			la->used[i] = lb->used[j] = 1;
	}
	for (i = 0; i < la->n; i++) {
		if ((j = pair[i]) == lb->n)
			continue;
		r = compare_row(c, la, i);
		r->a = la->f[i];
		r->b = lb->f[j];
		compare_better(r, la, i, lb, j);
		compare_also(c, la, i, 0);
		compare_also(c, lb, j, 1);
	}
	free(pair);
	c->shared = c->n;
	for (i = 0; i < la->n; i++)
		if (!la->used[i])
			compare_row(c, la, i)->a = la->f[i];
	for (j = 0; j < lb->n; j++)
		if (!lb->used[j])
			compare_row(c, lb, j)->b = lb->f[j];
}

int
compare_places(struct db *db, const char *a, const char *b, struct cmp **out,
    char **cause)
{
	struct figlist	 la, lb;
	struct cmp	*c;
	int		 rc = -1;

	memset(&la, 0, sizeof la);
	memset(&lb, 0, sizeof lb);
	c = xcalloc(1, sizeof *c);
	if (places_find(db, a, &c->a, cause) != 0 ||
	    places_find(db, b, &c->b, cause) != 0 ||
	    figures_of_place(db, c->a.code, compare_collect, &la, cause) != 0 ||
	    figures_of_place(db, c->b.code, compare_collect, &lb, cause) != 0)
		goto out;
	compare_pair(c, &la, &lb);
	rc = 0;
out:
	figlist_free(&la, rc != 0);
	figlist_free(&lb, rc != 0);
	if (rc != 0) {
		compare_free(c);
		c = NULL;
	}
	*out = c;
	return rc;
}

void
compare_free(struct cmp *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->rows[i].measure);
		free(c->rows[i].label);
		side_clear(&c->rows[i].a);
		side_clear(&c->rows[i].b);
	}
	free(c->rows);
	place_rec_clear(&c->a);
	place_rec_clear(&c->b);
	free(c);
}

int
compare_barred(const struct cmp_row *r)
{
	const struct cmp_side	*a = &r->a, *b = &r->b;

	/* A bar scaled to the one value there is says nothing. */
	if (!a->present || !b->present)
		return 0;
	if ((a->present && (a->out_of > 0 || strcmp(a->unit, "rank") == 0)) ||
	    (b->present && (b->out_of > 0 || strcmp(b->unit, "rank") == 0)))
		return 0;
	if (a->present && b->present && strcmp(a->unit, b->unit) != 0)
		return 0;
	return (!a->present || a->value >= 0) && (!b->present ||
	    b->value >= 0);
}
