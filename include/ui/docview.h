/*
 * docview.h: a node and everything under it as a text view, to read.
 *
 * Built from the document model (render/doc.c), as printed output is:
 * headings set apart, key messages emphasised, lists as lists, and
 * highlighted: the figures the text cites, and the words of the search.
 * The reading pane shows one; the sections side by side view, two.
 */
#ifndef ICSB_DOCVIEW_H
#define ICSB_DOCVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "ui/textview.h"

struct db;
struct doc;
struct ui;

struct dv_match {
	size_t	 item, off;
};

struct docview {
	struct textview	 tv;
	char		**figs;		/* texts of the figures cited */
	size_t		 nfigs;
	struct dv_match	*matches;	/* of the search, in order */
	size_t		 nmatches;
	/* Read as it is shown (no search): the document so far. */
	struct doc	*doc;
	struct ui	*ui;
	struct db	*db;		/* the node's: the assessment shown, or another */
	int64_t		 id;
	size_t		 done;		/* elements made items */
	size_t		 next;		/* the node to go on from, or 0 */
};

void	 docview_init(struct docview *);
void	 docview_free(struct docview *);

/*
 * Fill the view with node id (the title line excluded: the caller draws
 * it).  Returns 0, or -1 with *cause set; the view then holds what was
 * read.  With no search, what fills the view's rows lines is read (every
 * element takes a line or more; two screens where rows is 0), and the
 * rest when the view wraps past it; with one, all of it, to count the
 * matches.
 */
int	 docview_load(struct docview *, struct ui *, int64_t id, int rows,
	     char **cause);
/* The same, of node id of db: another assessment's. */
int	 docview_load_db(struct docview *, struct ui *, struct db *, int64_t id,
	     int rows, char **cause);

/* Scroll to match k, for a view rows high and cols wide. */
void	 docview_show_match(struct docview *, int k, int rows, int cols);

#endif
