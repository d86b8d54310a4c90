/*
 * search.h: the search the browser shows, and walking its matches.
 *
 * The search dialog sets it; the reading pane highlights its words and
 * says how many matches the node shown has; n and N walk them, node after
 * node.  Changes reach the panes as notifications (NOTE_SEARCH: a new
 * query or none; NOTE_MATCH: another match to show).
 */
#ifndef ICSB_SEARCH_H
#define ICSB_SEARCH_H

#include <stdint.h>

struct ui;
struct search;

struct search	*search_new(void);
void		 search_free(struct search *);

/*
 * Show query (copied) with its results ids (n, copied), result chosen of
 * them first.  Nothing is notified: the caller selects that result next
 * (ui_select()), and the views read the node with the query's words
 * highlighted once, not twice.
 */
void		 search_set(struct ui *, const char *query, const int64_t *ids,
		     int n, int chosen);
/* No search any more; notifies NOTE_SEARCH. */
void		 search_clear(struct ui *);
/* The query, or NULL: borrowed until the next search_set(). */
const char	*search_query(const struct search *);
int		 search_nresults(const struct search *);
/* The result shown (from 0), or -1; the match within it (from 0). */
int		 search_result(const struct search *);
/* The node of the result shown (0: none). */
int64_t		 search_result_node(const struct search *);
int		 search_match(const struct search *);
/* The view of the selected node says how many matches it has. */
void		 search_set_nmatches(struct search *, int n);
int		 search_nmatches(const struct search *);
/* Match k (from 0) of the node shown is the one to show. */
void		 search_set_match(struct search *, int k);
/* A new node is selected: its first match is the one to show. */
void		 search_reset_match(struct search *);

/* Walk to the next match (dir 1) or the previous one (-1). */
void		 search_step(struct ui *, int dir);

#endif
