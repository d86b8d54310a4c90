/*
 * places.h: the places of the dataset and the figures given for them.
 *
 * A figure is a number the text gives as a fact about a place; it may
 * name a comparator (another figure: an England average, a national
 * target, another place) and say which way it compares.
 *
 * Callbacks get borrowed rows, valid until they return; a non-zero return
 * stops the walk and is returned.  Functions return 0 when done or -1 with
 * *cause set (the caller frees it).
 */
#ifndef ICSB_PLACES_H
#define ICSB_PLACES_H

#include <stdint.h>

struct db;

struct place {
	const char	*code;
	const char	*kind;
	const char	*name;
	int64_t		 node;
};

struct figure {
	int64_t		 id;
	const char	*measure;
	const char	*label;
	const char	*place;		/* code */
	const char	*place_name;
	double		 value;
	const char	*text;		/* as the citing node writes it */
	const char	*unit;
	int		 out_of;	/* a rank's field; 0 if not a rank */
	const char	*period;
	const char	*basis;		/* value, average or target */
	const char	*direction;	/* better, worse, same or "" */
	int64_t		 node;		/* the citing node */
	const char	*node_path;
	/* The comparator, if any (cmp_id 0 if none). */
	int64_t		 cmp_id;
	const char	*cmp_place;	/* code */
	const char	*cmp_place_name;
	const char	*cmp_text;
	const char	*cmp_basis;
	double		 cmp_value;
	const char	*cmp_unit;
};

/* A section of the report that speaks of a place; borrowed. */
struct place_section {
	int64_t		 id;
	const char	*path;
	const char	*title;
};
typedef int (*place_section_cb)(const struct place_section *, void *);

typedef int (*place_cb)(const struct place *, void *);
typedef int (*figure_cb)(const struct figure *, void *);

/* Every place, in dataset order. */
int	 places_list(struct db *, place_cb, void *, char **cause);

/* The place whose node is node; returns 1 and calls cb, or 0 if none. */
int	 places_of_node(struct db *, int64_t node, place_cb, void *,
	     char **cause);

/* The figures that node's text cites, in dataset order. */
int	 figures_of_node(struct db *, int64_t node, figure_cb, void *,
	     char **cause);

/* The figures cited by node and every node under it, in dataset order. */
int	 figures_of_subtree(struct db *, int64_t node, figure_cb, void *,
	     char **cause);

/* The figures given for the place with this code, in dataset order. */
int	 figures_of_place(struct db *, const char *code, figure_cb, void *,
	     char **cause);

/*
 * The sections that speak of the place with this code: those the dataset
 * says mention it, and those that cite its figures; the place's own node
 * aside.  In report order.
 */
int	 places_sections(struct db *, const char *code, place_section_cb,
	     void *, char **cause);

/*
 * A figure's text with its unit, when the text is a bare number that
 * does not say it ("78.7", years: "78.7 years"); else a copy of the text.
 */
char	*places_with_unit(const char *text, const char *unit);

#endif
