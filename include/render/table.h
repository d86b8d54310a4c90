/*
 * table.h: the figures tables of a printout, the same in every format.
 *
 * A run of DOC_FIGURE elements prints as one table.  A column that is
 * empty in every row is left out; one that says the same in every row
 * (of two or more) is left out too and said once, above the table, in a
 * note.  The figure's label and value are always kept.  Cited sections
 * are named by their titles, never their slugs.
 */
#ifndef ICSB_TABLE_H
#define ICSB_TABLE_H

#include <stddef.h>

struct doc;
struct doc_el;

enum table_col {
	TCOL_FIGURE, TCOL_PLACE, TCOL_VALUE, TCOL_PERIOD, TCOL_COMPARED,
	TCOL_CITED, TCOL_COUNT
};

struct table_plan {
	size_t	 first, end;		/* the rows: els[first..end) */
	int	 keep[TCOL_COUNT];	/* columns printed */
	int	 nkeep;
	char	*note;			/* "" or what every row shares */
};

/* The heading of column c: "Figure", "Place", ... */
const char	*table_head(enum table_col c);
/* The text of el's cell in column c; borrowed from el. */
const char	*table_cell(const struct doc_el *el, enum table_col c);

/*
 * Plan the table whose first row is doc->els[first] (a DOC_FIGURE).
 * Free the note with table_plan_clear().
 */
void		 table_plan(const struct doc *, size_t first,
		     struct table_plan *);
void		 table_plan_clear(struct table_plan *);

#endif
