/*
 * cmd_json.h: what the listing subcommands write with --format json.
 *
 * Each writes one JSON document to standard output with the same fields
 * as the subcommand's TSV (the man page lists them), using json_out.h.
 * They return 0, or -1 with *cause set (the caller frees it).
 */
#ifndef ICSB_CMD_JSON_H
#define ICSB_CMD_JSON_H

struct cmp;
struct db;

/* tree: [{"path","kind","title"}...] in report order. */
int	 cmd_json_tree(struct db *, char **cause);
/* places: [{"code","kind","name"}...] in dataset order. */
int	 cmd_json_places(struct db *, char **cause);
/*
 * search: [{"path","title","snippet"}...] best first, the matches in
 * the snippet in [brackets]; *hits is set to how many.
 */
int	 cmd_json_search(struct db *, const char *query, int *hits,
	     char **cause);
/*
 * show: the nodes paths[0..n) name, each with its blocks, its place
 * (a place's node: its figures and the sections that speak of it; else
 * null) and, nested, its children: [{"path","kind","title","heading",
 * "source","blocks":[{"kind","text"}],"place":{...},"children":[...]}].
 */
int	 cmd_json_show(struct db *, char **paths, int n, char **cause);
/* compare: a row a measure, each place's side an object or null. */
int	 cmd_json_compare(const struct cmp *, char **cause);

#endif
