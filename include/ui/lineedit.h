/*
 * lineedit.h: one line of text to type into, UTF-8 aware.
 *
 * Every field the browser edits is one: the search's query, a picker's
 * filter, the print dialog's file and command, the `:` line.  The cursor
 * moves by character (Left, Right, Home or C-a, End or C-e); Backspace and
 * Delete take one character, C-w the word before the cursor, C-u all
 * before it, C-k all after it.  A field narrower than its text scrolls
 * with the cursor.  Only printable characters go in.
 */
#ifndef ICSB_LINEEDIT_H
#define ICSB_LINEEDIT_H

#include <stddef.h>

#include <curses.h>

#include "core/strbuf.h"

struct lineedit {
	struct strbuf	 text;
	size_t		 cur;		/* the cursor: a byte offset */
	int		 scroll;	/* the first column shown */
};

/* What le_key() did. */
#define LE_CHANGED	0x1	/* the text changed */
#define LE_MOVED	0x2	/* the cursor moved */

void		 le_init(struct lineedit *);
void		 le_free(struct lineedit *);
/* Replace the text (copied), the cursor at its end. */
void		 le_set(struct lineedit *, const char *);
/* The text: borrowed until the next change. */
const char	*le_text(const struct lineedit *);
size_t		 le_len(const struct lineedit *);

/* Take key (a curses key code, or a character); 0 if it is no edit. */
int		 le_key(struct lineedit *, int key, int is_char);

/*
 * For a field cols wide: scroll so that the cursor shows, and set the
 * bytes to draw [*from, *to) and the cursor's column in the field.
 */
void		 le_view(struct lineedit *, int cols, size_t *from, size_t *to,
		     int *curcol);
/* Draw the field at (y, x) of win, cols wide; returns the cursor's x. */
int		 le_draw(struct lineedit *, WINDOW *, int y, int x, int cols);

#endif
