/*
 * tables.c: the tables of a dataset, as the CSV files see them.
 */
#include "config.h"

#include "core/tables.h"

static const char *const block_kinds[] = { "para", "item", "subitem", NULL };
static const char *const bases[] = { "value", "average", "target", NULL };
static const char *const directions[] = { "", "better", "worse", "same",
    NULL };

static const struct column meta_columns[] = {
	{ .name = "key", .type = COL_KEY },
	{ .name = "value", .type = COL_NAME },
};

static const struct column sources_columns[] = {
	{ .name = "code", .type = COL_KEY },
	{ .name = "title", .type = COL_NAME },
	{ .name = "publisher", .type = COL_NAME },
	{ .name = "date", .type = COL_TEXT },
};

static const struct column nodes_columns[] = {
	{ .name = "id", .type = COL_ID },
	{ .name = "parent", .type = COL_REF, .ref = "nodes" },
	{ .name = "kind", .type = COL_KEY },
	{ .name = "slug", .type = COL_KEY },
	{ .name = "title", .type = COL_NAME },
	{ .name = "heading", .type = COL_TEXT },
	{ .name = "link", .type = COL_REF, .ref = "nodes" },
	{ .name = "source", .type = COL_CODE, .ref = "sources" },
};

static const struct column blocks_columns[] = {
	{ .name = "node", .type = COL_ID, .ref = "nodes" },
	{ .name = "kind", .type = COL_KEY, .allowed = block_kinds },
	{ .name = "text", .type = COL_NAME },
};

static const struct column places_columns[] = {
	{ .name = "code", .type = COL_KEY },
	{ .name = "kind", .type = COL_KEY },
	{ .name = "name", .type = COL_NAME },
	{ .name = "node", .type = COL_ID, .ref = "nodes" },
};

static const struct column figures_columns[] = {
	{ .name = "id", .type = COL_ID },
	{ .name = "measure", .type = COL_KEY },
	{ .name = "label", .type = COL_NAME },
	{ .name = "place", .type = COL_KEY, .ref = "places" },
	{ .name = "value", .type = COL_NUMBER },
	{ .name = "text", .type = COL_NAME },
	{ .name = "unit", .type = COL_TEXT },
	{ .name = "out_of", .type = COL_COUNT },
	{ .name = "period", .type = COL_TEXT },
	{ .name = "basis", .type = COL_KEY, .allowed = bases },
	{ .name = "comparator", .type = COL_REF, .ref = "figures" },
	{ .name = "direction", .type = COL_TEXT, .allowed = directions },
	{ .name = "node", .type = COL_ID, .ref = "nodes" },
};

static const struct column mentions_columns[] = {
	{ .name = "node", .type = COL_ID, .ref = "nodes" },
	{ .name = "place", .type = COL_KEY, .ref = "places" },
};

#define TABLE(n, order, key) \
	{ #n, n ## _columns, sizeof n ## _columns / sizeof n ## _columns[0], \
	  order, key }

const struct table tables[] = {
	TABLE(meta, "rowid", "key"),
	TABLE(sources, "rowid", "code"),
	TABLE(nodes, "id", "id"),
	TABLE(blocks, "rowid", NULL),
	TABLE(places, "rowid", "code"),
	TABLE(figures, "id", "id"),
	TABLE(mentions, "rowid", NULL),
};
const size_t ntables = sizeof tables / sizeof tables[0];
