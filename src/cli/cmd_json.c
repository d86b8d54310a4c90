/*
 * cmd_json.c: --format json for tree, places, search, show and compare.
 *
 * The same rows as the TSV, as JSON documents made by json_out.c: one
 * array whose elements are objects, one to a line.  A script reads them
 * with jq: icsbrowse search DiiS --format json | jq -r '.[].path'.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_json.h"
#include "cli/format.h"
#include "core/compare.h"
#include "core/db.h"
#include "core/find.h"
#include "core/json_out.h"
#include "core/model.h"
#include "core/places.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"

/* Close the outer array and write the document. */
static int
cmd_json_end(struct json_out *jo, int rc, char **cause)
{
	json_out_array_end(jo);
	if (rc == 0)
		rc = json_out_flush(jo, stdout, cause);
	json_out_free(jo);
	return rc;
}

static int
cmd_json_tree_node(const struct node *n, void *arg)
{
	struct json_out	*jo = arg;

	json_out_object_begin(jo);
	json_out_kstr(jo, "path", n->path);
	json_out_kstr(jo, "kind", n->kind);
	json_out_kstr(jo, "title", n->title);
	json_out_object_end(jo);
	return 0;
}

int
cmd_json_tree(struct db *db, char **cause)
{
	struct json_out	*jo;
	int		 rc;

	if ((jo = json_out_new(cause)) == NULL)
		return -1;
	json_out_array_begin(jo);
	rc = model_walk(db, 0, cmd_json_tree_node, jo, cause);
	return cmd_json_end(jo, rc, cause);
}

static int
cmd_json_place(const struct place *p, void *arg)
{
	struct json_out	*jo = arg;

	json_out_object_begin(jo);
	json_out_kstr(jo, "code", p->code);
	json_out_kstr(jo, "kind", p->kind);
	json_out_kstr(jo, "name", p->name);
	json_out_object_end(jo);
	return 0;
}

int
cmd_json_places(struct db *db, char **cause)
{
	struct json_out	*jo;
	int		 rc;

	if ((jo = json_out_new(cause)) == NULL)
		return -1;
	json_out_array_begin(jo);
	rc = places_list(db, cmd_json_place, jo, cause);
	return cmd_json_end(jo, rc, cause);
}

struct cmd_json_hits {
	struct json_out	*jo;
	char		*why;		/* a failed write, for the caller */
};

static int
cmd_json_hit(const struct find_hit *h, void *arg)
{
	struct cmd_json_hits	*hs = arg;
	struct json_out		*jo = hs->jo;
	char			*snippet;

	snippet = format_snippet(h->snippet);
	json_out_object_begin(jo);
	json_out_kstr(jo, "path", h->path);
	json_out_kstr(jo, "title", h->title);
	json_out_kstr(jo, "snippet", snippet);
	json_out_object_end(jo);
	free(snippet);
	/* A long result list streams rather than gathering. */
	return json_out_flush(jo, stdout, &hs->why) == 0 ? 0 : -1;
}

int
cmd_json_search(struct db *db, const char *query, int *hits, char **cause)
{
	struct cmd_json_hits	 hs = { NULL, NULL };
	int			 n;

	if ((hs.jo = json_out_new(cause)) == NULL)
		return -1;
	json_out_array_begin(hs.jo);
	n = find_search(db, query, 0, 0, 0, cmd_json_hit, &hs, cause);
	*hits = n > 0 ? n : 0;
	if (n < 0 && hs.why != NULL) {
		free(*cause);
		*cause = hs.why;
	} else
		free(hs.why);
	return cmd_json_end(hs.jo, n < 0 ? -1 : 0, cause);
}

static int
cmd_json_block(const struct block *b, void *arg)
{
	static const char *const kinds[] = { "para", "item", "subitem" };
	struct json_out	*jo = arg;

	json_out_object_begin(jo);
	json_out_kstr(jo, "kind", kinds[b->kind]);
	json_out_key(jo, "text");
	json_out_strn(jo, b->text, b->len);
	json_out_object_end(jo);
	return 0;
}

/* A figure: the fields of the figures table, its comparator nested. */
static int
cmd_json_figure(const struct figure *f, void *arg)
{
	struct json_out	*jo = arg;

	json_out_object_begin(jo);
	json_out_kstr(jo, "measure", f->measure);
	json_out_kstr(jo, "label", f->label);
	json_out_kstr(jo, "place", f->place);
	json_out_kreal(jo, "value", f->value);
	json_out_kstr(jo, "text", f->text);
	json_out_kstr(jo, "unit", f->unit);
	json_out_key(jo, "out_of");
	if (f->out_of > 0)
		json_out_int(jo, f->out_of);
	else
		json_out_null(jo);
	json_out_kstr(jo, "period", f->period);
	json_out_kstr(jo, "basis", f->basis);
	json_out_kstr(jo, "direction", f->direction);
	json_out_kstr(jo, "path", f->node_path);
	json_out_key(jo, "comparator");
	if (f->cmp_id == 0)
		json_out_null(jo);
	else {
		json_out_object_begin(jo);
		json_out_kstr(jo, "place", f->cmp_place);
		json_out_kstr(jo, "text", f->cmp_text);
		json_out_kreal(jo, "value", f->cmp_value);
		json_out_kstr(jo, "basis", f->cmp_basis);
		json_out_object_end(jo);
	}
	json_out_object_end(jo);
	return 0;
}

static int
cmd_json_section(const struct place_section *ps, void *arg)
{
	struct json_out	*jo = arg;

	json_out_object_begin(jo);
	json_out_kstr(jo, "path", ps->path);
	json_out_kstr(jo, "title", ps->title);
	json_out_object_end(jo);
	return 0;
}

static int
cmd_json_place_of(const struct place *p, void *arg)
{
	char	**code = arg;

	*code = xstrdup(p->code);
	return 0;
}

/*
 * The place whose profile node id is, as show prints it: its figures and
 * the sections that speak of it; null for a node that is not a place.
 */
static int
cmd_json_node_place(struct json_out *jo, struct db *db, int64_t id,
    char **cause)
{
	char	*code = NULL;
	int	 rc = -1;

	json_out_key(jo, "place");
	if (places_of_node(db, id, cmd_json_place_of, &code, cause) < 0)
		return -1;
	if (code == NULL) {
		json_out_null(jo);
		return 0;
	}
	json_out_object_begin(jo);
	json_out_kstr(jo, "code", code);
	json_out_key(jo, "figures");
	json_out_array_begin(jo);
	if (figures_of_place(db, code, cmd_json_figure, jo, cause) != 0)
		goto out;
	json_out_array_end(jo);
	json_out_key(jo, "sections");
	json_out_array_begin(jo);
	if (places_sections(db, code, cmd_json_section, jo, cause) != 0)
		goto out;
	json_out_array_end(jo);
	json_out_object_end(jo);
	rc = 0;
out:
	free(code);
	return rc;
}

struct cmd_json_ids {
	int64_t	*v;
	size_t	 n, cap;
};

static int
cmd_json_child(const struct node *n, void *arg)
{
	struct cmd_json_ids	*ids = arg;

	ids->v = xgrowarray(ids->v, &ids->cap, ids->n + 1, sizeof *ids->v);
	ids->v[ids->n++] = n->id;
	return 0;
}

/* Node id, its blocks and, nested, everything under it. */
static int
cmd_json_node(struct json_out *jo, struct db *db, int64_t id, char **cause)
{
	struct cmd_json_ids	 ids = { NULL, 0, 0 };
	struct node		 n;
	size_t			 i;
	int			 rc = -1;

	memset(&n, 0, sizeof n);
	if (model_get(db, id, &n, cause) != 0)
		return -1;
	json_out_object_begin(jo);
	json_out_kstr(jo, "path", n.path);
	json_out_kstr(jo, "kind", n.kind);
	json_out_kstr(jo, "title", n.title);
	json_out_kstr(jo, "heading", n.heading);
	json_out_kstr(jo, "source", n.source);
	json_out_key(jo, "blocks");
	json_out_array_begin(jo);
	if (model_blocks(db, id, cmd_json_block, jo, cause) != 0)
		goto out;
	json_out_array_end(jo);
	if (cmd_json_node_place(jo, db, id, cause) != 0)
		goto out;
	json_out_key(jo, "children");
	json_out_array_begin(jo);
	/* Read the children first: no query runs inside another's loop. */
	if (model_children(db, id, cmd_json_child, &ids, cause) != 0)
		goto out;
	for (i = 0; i < ids.n; i++)
		if (cmd_json_node(jo, db, ids.v[i], cause) != 0)
			goto out;
	json_out_array_end(jo);
	json_out_object_end(jo);
	rc = 0;
out:
	free(ids.v);
	node_clear(&n);
	return rc;
}

int
cmd_json_show(struct db *db, char **paths, int n, char **cause)
{
	struct json_out	*jo;
	int64_t		 id;
	int		 i;

	if ((jo = json_out_new(cause)) == NULL)
		return -1;
	/* Every path first: a bad one writes nothing. */
	for (i = 0; i < n; i++)
		if (model_resolve(db, paths[i], &id, cause) != 0) {
			json_out_free(jo);
			return -1;
		}
	json_out_array_begin(jo);
	for (i = 0; i < n; i++) {
		if (model_resolve(db, paths[i], &id, cause) != 0 ||
		    cmd_json_node(jo, db, id, cause) != 0) {
			json_out_free(jo);
			return -1;
		}
	}
	return cmd_json_end(jo, 0, cause);
}

/* One place's side of a row: its figure, or null where it has none. */
static void
cmd_json_side(struct json_out *jo, const char *key, const char *code,
    const struct cmp_side *s)
{
	json_out_key(jo, key);
	if (!s->present) {
		json_out_null(jo);
		return;
	}
	json_out_object_begin(jo);
	json_out_kstr(jo, "place", code);
	json_out_kstr(jo, "text", s->text);
	json_out_kreal(jo, "value", s->value);
	json_out_kstr(jo, "unit", s->unit);
	json_out_key(jo, "out_of");
	if (s->out_of > 0)
		json_out_int(jo, s->out_of);
	else
		json_out_null(jo);
	json_out_kstr(jo, "period", s->period);
	json_out_kstr(jo, "comparator", s->comparator);
	json_out_kbool(jo, "better", s->better);
	json_out_kstr(jo, "path", s->path);
	json_out_object_end(jo);
}

int
cmd_json_compare(const struct cmp *c, char **cause)
{
	const struct cmp_row	*r;
	struct json_out		*jo;
	size_t			 i;

	if ((jo = json_out_new(cause)) == NULL)
		return -1;
	json_out_array_begin(jo);
	for (i = 0; i < c->n; i++) {
		r = &c->rows[i];
		json_out_object_begin(jo);
		json_out_kstr(jo, "measure", r->measure);
		json_out_kbool(jo, "target", r->target);
		json_out_kstr(jo, "label", r->label);
		json_out_kstr(jo, "unit", r->a.present ? r->a.unit :
		    r->b.unit);
		cmd_json_side(jo, "a", c->a.code, &r->a);
		cmd_json_side(jo, "b", c->b.code, &r->b);
		json_out_object_end(jo);
	}
	return cmd_json_end(jo, 0, cause);
}
