/*
 * picker.h: choose one thing from a list by typing part of its name.
 *
 * A stacked mode ("pick" in the registry) that any mode may open: to
 * choose the places to compare, the second section to read side by side.
 * Enter calls done with the item chosen; Esc calls nothing.  The picker
 * owns the items and arg (freed with arg_free, if given) once opened.
 */
#ifndef ICSB_PICKER_H
#define ICSB_PICKER_H

#include <stddef.h>
#include <stdint.h>

struct ui;

/* An item to pick: label shown (cleaned by the maker), key or id kept. */
struct pick_item {
	char	*label;
	char	*key;
	int64_t	 id;
};
typedef void (*pick_done)(struct ui *, void *arg, const struct pick_item *);

/* Items being gathered for picker_open(), which takes them. */
struct pick_list {
	struct pick_item	*items;
	size_t			 n;
};
/* Add "what (detail)" (cleaned) with its key (copied, may be NULL). */
void	 pick_list_add(struct pick_list *, const char *what,
	     const char *detail, const char *key, int64_t id);
/* Free the items of a list not given to a picker. */
void	 pick_list_free(struct pick_list *);

/* Open a picker titled title over the items; takes l's items and arg. */
void	 picker_open(struct ui *, const char *title, struct pick_list *l,
	     pick_done done, void *arg, void (*arg_free)(void *));

#endif
