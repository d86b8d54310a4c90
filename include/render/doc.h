/*
 * doc.h: one document model for everything icsbrowse prints or shows.
 *
 * A document is a flat list of elements (headings, paragraphs, list items,
 * figures, source notes) built from nodes of the tree.  Every text in it
 * has been through utf8_clean(): no control or invisible character from
 * the data survives into a document, so no output format can pass one on.
 * Formats escape only what their own syntax needs (HTML's <, & ...).
 */
#ifndef ICSB_DOC_H
#define ICSB_DOC_H

#include <stddef.h>
#include <stdint.h>

struct db;

enum doc_kind {
	DOC_HEADING,	/* text: the heading; level 1 for the top */
	DOC_SOURCE,	/* text: where a part's text comes from */
	DOC_PARA,
	DOC_ITEM,
	DOC_SUBITEM,
	DOC_FIGURE	/* text: label; value, place, comparator, path */
};

struct doc_el {
	enum doc_kind	 kind;
	int		 level;		/* headings: 1, 2, ...; else 0 */
	char		*text;
	char		*path;		/* headings and figures: node path */
	char		*value;		/* figures: as the text writes it */
	char		*place;		/* figures: the place's name */
	char		*comparator;	/* figures: "England: 78.7", or NULL */
	char		*period;	/* figures: "" if none */
	double		 fvalue;	/* figures: the number */
	double		 fcmp;		/* figures: the comparator's, or 0 */
	int		 fbarred;	/* figures: a bar makes sense */
	char		*nodekind;	/* the kind of node it belongs to */
	char		*crumb;		/* level 1 headings: "Theme › Title" */
	char		*cited;		/* figures: the titles down to the
					   citing section, "Theme › Title" */
	int64_t		 node;		/* the node it belongs to */
};

struct doc {
	struct doc_el	*els;
	size_t		 n, cap;
	char		*title;		/* the report's title */
	char		*publisher;
	char		*published;
	char		*cur_kind;	/* while building: the node's kind */
	int64_t		 cur_node;
	char		*cause;		/* doc_new()'s error, until reported */
};

/*
 * A new, empty document about db's report.  Free with doc_free().  If the
 * report's title and dates cannot be read, the next doc_add_node() fails
 * and says why.
 */
struct doc	*doc_new(struct db *);
void		 doc_free(struct doc *);

/*
 * Add node id and everything under it, headings numbered from level 1.
 * A place's node also gets the place's figures and a list of the
 * sections that speak of it (items titled as crumbs, their paths in
 * path).  Returns 0, or -1 with
 * *cause set (the caller frees it).
 */
int		 doc_add_node(struct doc *, struct db *, int64_t id,
		     char **cause);

/*
 * Add the comparison of places a and b (codes or names, as
 * compare_places() takes them) as a table: a level 1 heading naming the
 * two, how many measures they share, then a figure per place and
 * measure (its label on the first of the two; a dash where a place has
 * none; the period, the comparator and the citing section), the measures
 * only one place has after a heading of their own, as `compare` prints
 * them.  Returns 0, or -1 with *cause set (the caller frees it).
 */
int		 doc_add_compare(struct doc *, struct db *, const char *a,
		     const char *b, char **cause);

/*
 * The sections the document holds (its level 1 headings, each with the
 * titles above it: "Quality and safety › Learning culture"), joined by
 * "; ", as a new string the caller frees.
 */
char		*doc_sections(const struct doc *);
/* "PUBLISHER, published DATE" for the report, new string. */
char		*doc_byline(const struct doc *);

#endif
