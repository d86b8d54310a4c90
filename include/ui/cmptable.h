/*
 * cmptable.h: the compare view's table of figures (cmptable.c).
 */
#ifndef ICSB_CMPTABLE_H
#define ICSB_CMPTABLE_H

#include <curses.h>

struct cmp;
struct ui;

struct cmptable {
	struct cmp	*cmp;
	int		 valw;		/* the widest value, in columns */
	int		 barvalw;	/* the widest with a bar */
	int		 marks;		/* columns for "◀ better", if any */
	int		 sel, top;	/* the chosen figure row */
	int		 cur;		/* the line it was drawn on */
};

/* The widest value of c (barred: of the rows with bars), in columns. */
int	 cmptable_value_width(const struct cmp *c, int barred);
/* Draw the table in rows lines from y, cols wide; sets t->cur. */
void	 cmptable_draw(struct cmptable *t, struct ui *, WINDOW *, int y,
	     int rows, int cols);

#endif
