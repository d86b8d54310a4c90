/*
 * statusbar.h: the status line, from what the loop gives it.
 *
 * Left: a message, or the path of the selected node and, from the
 * outline, its full title (the title first where both do not fit).
 * Right: the search's place, where the focused pane is, then the keys
 * worth a reminder; what does not fit goes, hints first, and a message
 * may take the whole line.
 */
#ifndef ICSB_STATUSBAR_H
#define ICSB_STATUSBAR_H

#include <curses.h>

struct status_in {
	const char	*left;		/* cleaned: a message or the path */
	int		 message;	/* left is a message, not the path */
	int		 error;		/* the message is an error */
	const char	*search;	/* "match 1 of 2, result ..." or NULL */
	const char	*where;		/* the pane's place, or "" */
	const char	*hints;		/* or NULL */
	const char	*title;		/* cleaned: the selected row's full
					   title, or NULL */
};

void	 statusbar_draw(WINDOW *, const struct status_in *);

#endif
