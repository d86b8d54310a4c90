/*
 * doc.c: one document model for everything icsbrowse prints or shows.
 *
 * Built by walking the tree (model_walk) and reading each node's blocks;
 * the text is cleaned once here so that the formats need not think about
 * hostile data.
 */
#include "config.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/compare.h"
#include "core/db.h"
#include "core/model.h"
#include "core/places.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "render/doc.h"

struct doc_walk {
	struct doc	*doc;
	struct db	*db;
	int		 level;		/* of the node being added */
	char		*cause;
	/*
	 * The source of the node last seen at each depth, as deep as the walk
	 * has gone (the walk bounds depth at MODEL_DEPTH_MAX; this grows).
	 */
	char		**sources;
	size_t		 nsources;
	/* doc_add_part(): the nodes passed over, and where to stop. */
	size_t		 seen, skip, upto, walked;
	int		 stopped;
	/*
	 * The crumbs made so far, by node id (open addressing, a power of two
	 * slots, at most half full): a place's figures cite the same few
	 * sections over and over.
	 */
	int64_t		*crumb_ids;
	char		**crumbs;	/* NULL: the slot is free */
	size_t		 ncrumbs, crumb_slots;
};

static char *
doc_clean(const char *s)
{
	return utf8_clean(s, strlen(s), 0);
}

static struct doc_el *
doc_push(struct doc *doc, enum doc_kind kind, const char *text)
{
	struct doc_el	*el;

	if (doc->n == doc->cap) {
		doc->cap = doc->cap ? doc->cap * 2 : 32;
		doc->els = xreallocarray(doc->els, doc->cap, sizeof *el);
	}
	el = &doc->els[doc->n++];
	memset(el, 0, sizeof *el);
	el->kind = kind;
	el->text = doc_clean(text);
	el->nodekind = xstrdup(doc->cur_kind != NULL ? doc->cur_kind : "");
	el->node = doc->cur_node;
	return el;
}

struct doc *
doc_new(struct db *db)
{
	static const char *const keys[] = { "title", "publisher",
	    "published" };
	struct doc	*doc;
	char		*s, **to[3];
	int		 i;

	doc = xcalloc(1, sizeof *doc);
	to[0] = &doc->title;
	to[1] = &doc->publisher;
	to[2] = &doc->published;
	/* The first error waits for doc_add_node() to report it. */
	for (i = 0; i < 3; i++) {
		s = NULL;
		if (doc->cause == NULL)
			model_meta(db, keys[i], &s, &doc->cause);
		*to[i] = doc_clean(s != NULL ? s : "");
		free(s);
	}
	return doc;
}

void
doc_free(struct doc *doc)
{
	size_t	 i;

	if (doc == NULL)
		return;
	for (i = 0; i < doc->n; i++) {
		free(doc->els[i].text);
		free(doc->els[i].path);
		free(doc->els[i].value);
		free(doc->els[i].place);
		free(doc->els[i].comparator);
		free(doc->els[i].period);
		free(doc->els[i].nodekind);
		free(doc->els[i].crumb);
		free(doc->els[i].cited);
	}
	free(doc->cur_kind);
	free(doc->els);
	free(doc->title);
	free(doc->publisher);
	free(doc->published);
	free(doc->cause);
	free(doc);
}

static int
doc_block(const struct block *b, void *arg)
{
	struct doc	*doc = arg;
	char		*text;

	text = xstrndup(b->text, b->len);
	doc_push(doc, b->kind == BLOCK_ITEM ? DOC_ITEM :
	    b->kind == BLOCK_SUBITEM ? DOC_SUBITEM : DOC_PARA, text);
	free(text);
	return 0;
}

static char	*doc_crumb(struct db *, const struct node *);

/* The titles down to the node id, cleaned; "" if it cannot be read. */
static char *
doc_crumb_of(struct db *db, int64_t id)
{
	struct node	 n;
	char		*cause = NULL, *s;

	if (model_get(db, id, &n, &cause) != 0) {
		free(cause);
		return xstrdup("");
	}
	s = doc_crumb(db, &n);
	node_clear(&n);
	return s;
}

/* The slot of id among slots (a power of two): its own, or the free one. */
static size_t
doc_crumb_slot(const int64_t *ids, char **crumbs, size_t slots, int64_t id)
{
	size_t	 i;

	i = (size_t)((uint64_t)id * UINT64_C(0x9e3779b97f4a7c15) >> 32) &
	    (slots - 1);
	while (crumbs[i] != NULL && ids[i] != id)
		i = (i + 1) & (slots - 1);
	return i;
}

/* doc_crumb_of(), made once a node in a walk; the caller's to free. */
static char *
doc_walk_crumb(struct doc_walk *w, int64_t id)
{
	int64_t	*ids;
	char	**crumbs;
	size_t	 i, j, slots;

	if (w->ncrumbs * 2 >= w->crumb_slots) {
		slots = w->crumb_slots > 0 ? w->crumb_slots * 2 : 64;
		ids = xcalloc(slots, sizeof *ids);
		crumbs = xcalloc(slots, sizeof *crumbs);
		for (i = 0; i < w->crumb_slots; i++) {
			if (w->crumbs[i] == NULL)
				continue;
			j = doc_crumb_slot(ids, crumbs, slots,
			    w->crumb_ids[i]);
			ids[j] = w->crumb_ids[i];
			crumbs[j] = w->crumbs[i];
		}
		free(w->crumb_ids);
		free(w->crumbs);
		w->crumb_ids = ids;
		w->crumbs = crumbs;
		w->crumb_slots = slots;
	}
	i = doc_crumb_slot(w->crumb_ids, w->crumbs, w->crumb_slots, id);
	if (w->crumbs[i] == NULL) {
		w->crumbs[i] = doc_crumb_of(w->db, id);
		w->crumb_ids[i] = id;
		w->ncrumbs++;
	}
	return xstrdup(w->crumbs[i]);
}

static void
doc_walk_free(struct doc_walk *w)
{
	size_t	 i;

	for (i = 0; i < w->nsources; i++)
		free(w->sources[i]);
	free(w->sources);
	for (i = 0; i < w->crumb_slots; i++)
		free(w->crumbs[i]);
	free(w->crumbs);
	free(w->crumb_ids);
}

static int
doc_figure(const struct figure *f, void *arg)
{
	struct doc_walk	*w = arg;
	struct doc	*doc = w->doc;
	struct doc_el	*el;
	char		*s;

	el = doc_push(doc, DOC_FIGURE, f->label);
	el->cited = doc_walk_crumb(w, f->node);
	el->value = doc_clean(f->text);
	el->place = doc_clean(f->place_name);
	el->path = doc_clean(f->node_path);
	el->period = doc_clean(f->period);
	if (f->cmp_id != 0) {
		el->comparator = places_with_unit(f->cmp_text, f->cmp_unit);
		s = xasprintf("%s: %s", f->cmp_place_name, el->comparator);
		free(el->comparator);
		el->comparator = doc_clean(s);
		free(s);
	}
	el->fvalue = f->value;
	el->fcmp = f->cmp_id != 0 ? f->cmp_value : 0;
	/* A bar against the comparator: same unit, no ranks, nothing below 0. */
	el->fbarred = f->out_of == 0 && strcmp(f->unit, "rank") != 0 &&
	    f->value >= 0 && (f->cmp_id == 0 || (strcmp(f->unit,
	    f->cmp_unit) == 0 && f->cmp_value >= 0));
	return 0;
}

/* A section that speaks of a place: by its titles, never its slugs. */
static int
doc_section(const struct place_section *ps, void *arg)
{
	struct doc_walk	*w = arg;
	char		*s;

	s = doc_walk_crumb(w, ps->id);
	doc_push(w->doc, DOC_ITEM, *s != '\0' ? s : ps->title)->path =
	    doc_clean(ps->path);
	free(s);
	return 0;
}

static int
doc_place(const struct place *p, void *arg)
{
	struct doc_walk	*w = arg;
	struct doc_el	*el;
	size_t		 mark = w->doc->n;

	if (figures_of_place(w->db, p->code, doc_figure, w, &w->cause) < 0)
		return -1;
	el = doc_push(w->doc, DOC_HEADING, "Sections that speak of this place");
	el->level = w->level + 1;
	mark = w->doc->n;
	if (places_sections(w->db, p->code, doc_section, w, &w->cause) < 0)
		return -1;
	if (w->doc->n == mark) {
		/* None: the heading goes too. */
		free(el->text);
		free(el->nodekind);
		w->doc->n--;
	}
	return 0;
}

/* The ancestors' titles, nearest first, as doc_crumb() gathers them. */
struct crumb_up {
	char	**up;
	size_t	 n, cap;
};

static int
doc_crumb_up(const struct up_node *u, void *arg)
{
	struct crumb_up	*c = arg;

	if (c->n == c->cap) {
		c->cap = c->cap > 0 ? c->cap * 2 : 8;
		c->up = xreallocarray(c->up, c->cap, sizeof *c->up);
	}
	c->up[c->n++] = xstrdup(u->title);
	return c->n == MODEL_DEPTH_MAX - 1;
}

/*
 * The titles from the top of the tree down to n, cleaned.  The ancestors
 * are read a level a row (model_up()), and their titles joined once: a
 * node 256 levels down would otherwise read each ancestor whole (its path
 * is as long as the chain) and copy the crumb once a level, quadratic in
 * the depth.  A parent that is not there ends the crumb, as does a read
 * that fails (the crumb is shorter).
 */
static char *
doc_crumb(struct db *db, const struct node *n)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct crumb_up	 c = { NULL, 0, 0 };
	char		*cause = NULL, *clean;
	size_t		 i;

	if (n->parent != 0 && model_up(db, n->parent, doc_crumb_up, &c,
	    &cause) != 0)
		free(cause);
	for (i = c.n; i > 0; i--) {
		strbuf_adds(&sb, c.up[i - 1]);
		strbuf_adds(&sb, " › ");
		free(c.up[i - 1]);
	}
	free(c.up);
	strbuf_adds(&sb, n->title);
	clean = doc_clean(strbuf_str(&sb));
	strbuf_free(&sb);
	return clean;
}

/* Say where a part's text comes from when it is not where its parent's is. */
static int
doc_source(struct doc_walk *w, const struct node *n)
{
	sqlite3_stmt	*st;
	char		*s;
	int		 changed;

	/* Pre-order: the parent was the last node seen one level up. */
	assert(n->depth == 0 || (size_t)n->depth <= w->nsources);
	changed = n->depth == 0 ? strcmp(n->source, "cqc") != 0 :
	    strcmp(n->source, w->sources[n->depth - 1]) != 0;
	if (!changed || *n->source == '\0')
		return 0;
	if (db_stmt(w->db, "SELECT title, publisher, date FROM sources "
	    "WHERE code = ?1", &st, &w->cause) != 0)
		return -1;
	sqlite3_bind_text(st, 1, n->source, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		s = xasprintf("Source: %s, %s%s%s", sqlite3_column_text(st, 0),
		    sqlite3_column_text(st, 1),
		    *sqlite3_column_text(st, 2) != '\0' ? ", " : "",
		    sqlite3_column_text(st, 2));
		doc_push(w->doc, DOC_SOURCE, s);
		free(s);
	}
	db_release(w->db, st);
	return 0;
}

/* Note source as that of the node last seen at depth. */
static void
doc_remember(struct doc_walk *w, size_t depth, const char *source)
{
	if (depth >= w->nsources) {
		w->sources = xreallocarray(w->sources, depth + 1,
		    sizeof *w->sources);
		for (; w->nsources <= depth; w->nsources++)
			w->sources[w->nsources] = NULL;
	}
	free(w->sources[depth]);
	w->sources[depth] = xstrdup(source);
}

/*
 * A node's heading.  A children and young people part is titled as its
 * statement is: its heading names the part it belongs to, "Children and
 * young people: Learning culture", so that no printout can mistake it.
 */
static char *
doc_heading(struct db *db, const struct node *n)
{
	struct node	 up;
	char		*cause = NULL, *s;
	const char	*h = *n->heading != '\0' ? n->heading : n->title;

	if (strcmp(n->kind, "cyp-section") != 0 || n->parent == 0 ||
	    model_get(db, n->parent, &up, &cause) != 0) {
		free(cause);
		return xstrdup(h);
	}
	s = xasprintf("%s: %s", up.title, h);
	node_clear(&up);
	return s;
}

static int
doc_node(const struct node *n, void *arg)
{
	struct doc_walk	*w = arg;
	struct doc_el	*el;
	char		*h;

	w->walked++;
	/* Added before: only its source is to be known, for its children. */
	if (w->seen < w->skip) {
		w->seen++;
		doc_remember(w, (size_t)n->depth, n->source);
		return 0;
	}
	if (w->upto > 0 && w->doc->n >= w->upto && w->seen > w->skip) {
		w->stopped = 1;
		return 1;
	}
	w->seen++;
	free(w->doc->cur_kind);
	w->doc->cur_kind = xstrdup(n->kind);
	w->doc->cur_node = n->id;
	h = doc_heading(w->db, n);
	el = doc_push(w->doc, DOC_HEADING, h);
	free(h);
	el->level = n->depth + 1;
	el->path = doc_clean(n->path);
	if (n->depth == 0)
		el->crumb = doc_crumb(w->db, n);
	if (doc_source(w, n) != 0)
		return -1;
	doc_remember(w, (size_t)n->depth, n->source);
	if (model_blocks(w->db, n->id, doc_block, w->doc, &w->cause) != 0)
		return -1;
	w->level = n->depth + 1;
	if (places_of_node(w->db, n->id, doc_place, w, &w->cause) < 0)
		return -1;
	return 0;
}

int
doc_add_node(struct doc *doc, struct db *db, int64_t id, char **cause)
{
	size_t	 next;

	return doc_add_part(doc, db, id, 0, 0, &next, cause);
}

int
doc_add_part(struct doc *doc, struct db *db, int64_t id, size_t skip,
    size_t upto, size_t *next, char **cause)
{
	struct doc_walk	 w;
	size_t		 limit;
	int		 rc;

	*next = 0;
	if (doc->cause != NULL) {
		*cause = doc->cause;
		doc->cause = NULL;
		return -1;
	}
	memset(&w, 0, sizeof w);
	w.doc = doc;
	w.db = db;
	w.skip = skip;
	w.upto = upto;
	/*
	 * Every node adds its heading: a part of upto elements ends by the
	 * (upto + 1)th node after those skipped, and the walk stops there.
	 */
	limit = upto > 0 ? skip + upto + 1 : 0;
	rc = model_walk_upto(db, id, limit, doc_node, &w, cause);
	doc_walk_free(&w);
	if ((w.stopped && rc == 1) || (rc == 0 && limit > 0 &&
	    w.walked == limit))
		*next = w.seen;
	else if (rc != 0 && w.cause != NULL) {
		*cause = w.cause;
		return -1;
	}
	return rc == 0 || (w.stopped && rc == 1) ? 0 : -1;
}

/* One place's row of a comparison: its value, or a dash where it has none. */
static void
doc_cmp_side(struct doc *doc, struct db *db, const char *label,
    const char *place, const struct cmp_side *s)
{
	struct doc_el	*el;
	char		*t;

	el = doc_push(doc, DOC_FIGURE, label);
	el->place = doc_clean(place);
	if (!s->present) {
		el->value = xstrdup("—");
		el->period = xstrdup("");
		return;
	}
	t = xasprintf("%s%s", s->text, s->better ? " (better)" : "");
	el->value = doc_clean(t);
	free(t);
	el->period = doc_clean(s->period);
	if (*s->comparator != '\0')
		el->comparator = doc_clean(s->comparator);
	el->path = doc_clean(s->path);
	el->cited = doc_crumb_of(db, s->node);
	el->fvalue = s->value;
}

/* A measure's rows: its label on the first, both places (an also row: one). */
static void
doc_cmp_row(struct doc *doc, struct db *db, const struct cmp *c,
    const struct cmp_row *r)
{
	const struct cmp_side	*s = r->a.present ? &r->a : &r->b;
	char			*label;

	if (r->also) {
		doc_cmp_side(doc, db, "also, another figure", r->a.present ?
		    c->a.name : c->b.name, s);
		return;
	}
	label = s->out_of > 0 ? xasprintf("%s%s, out of %d", r->label,
	    r->target ? " (target)" : "", s->out_of) : xasprintf("%s%s",
	    r->label, r->target ? " (target)" : "");
	doc_cmp_side(doc, db, label, c->a.name, &r->a);
	doc_cmp_side(doc, db, "", c->b.name, &r->b);
	free(label);
}

int
doc_add_compare(struct doc *doc, struct db *db, const char *a,
    const char *b, char **cause)
{
	struct doc_el	*el;
	struct cmp	*c;
	char		*s;
	size_t		 i, also = 0;

	if (doc->cause != NULL) {
		*cause = doc->cause;
		doc->cause = NULL;
		return -1;
	}
	if (compare_places(db, a, b, &c, cause) != 0)
		return -1;
	free(doc->cur_kind);
	doc->cur_kind = xstrdup("comparison");
	doc->cur_node = 0;
	for (i = 0; i < c->n; i++)
		also += c->rows[i].also;
	s = xasprintf("%s (%s) and %s (%s)", c->a.name, c->a.code, c->b.name,
	    c->b.code);
	el = doc_push(doc, DOC_HEADING, s);
	el->level = 1;
	el->crumb = xasprintf("Comparison of %s", el->text);
	free(s);
	s = xasprintf("%zu measure%s, %zu of them shared.", c->n - also,
	    c->n - also == 1 ? "" : "s", c->shared - also);
	doc_push(doc, DOC_PARA, s);
	free(s);
	for (i = 0; i < c->n; i++) {
		if (i == c->shared && i > 0)
			doc_push(doc, DOC_HEADING, "Only one of the two places "
			    "has these")->level = 2;
		doc_cmp_row(doc, db, c, &c->rows[i]);
	}
	compare_free(c);
	return 0;
}

char *
doc_sections(const struct doc *doc)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i;

	for (i = 0; i < doc->n; i++) {
		if (doc->els[i].kind != DOC_HEADING || doc->els[i].level != 1)
			continue;
		if (sb.len > 0)
			strbuf_adds(&sb, "; ");
		strbuf_adds(&sb, doc->els[i].crumb != NULL ?
		    doc->els[i].crumb : doc->els[i].text);
	}
	return strbuf_detach(&sb);
}

char *
doc_byline(const struct doc *doc)
{
	return xasprintf("%s, published %s", doc->publisher, doc->published);
}
