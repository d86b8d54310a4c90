/*
 * bars.h: horizontal bars that show a value against the others of a row.
 *
 * A bar is drawn in eighths of a column with the Unicode block elements
 * (▏▎▍▌▋▊▉█), or in whole columns of '#' where the terminal cannot show
 * them.  Each row is scaled on its own: its largest value fills the
 * width, so figures of different units never share a scale.
 */
#ifndef ICSB_BARS_H
#define ICSB_BARS_H

/*
 * Length, in eighths of a column, of the bar for v when max fills width
 * columns: 0 for 0 (or less, or when max is not positive), at least 1 for
 * any v above 0, width * 8 for max.
 */
int	 bar_eighths(double v, double max, int width);

/*
 * The bar for v as a new string the caller frees: eighth blocks, or with
 * ascii set, '#' for each column to the nearest (at least one above 0).
 */
char	*bar_make(double v, double max, int width, int ascii);

#endif
