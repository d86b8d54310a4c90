/*
 * place_names.h: the other names the texts give a place.
 *
 * A place's name may hold an abbreviation ("BCP Council area"); where the
 * texts spell it out ("Bournemouth, Christchurch and Poole (BCP)"), the
 * name with the abbreviation spelt out is another name of the place, and
 * each word of the spelling names it too ("Poole").  Nothing is made up:
 * a spelling is taken only from the dataset's own text.
 */
#ifndef ICSB_PLACE_NAMES_H
#define ICSB_PLACE_NAMES_H

#include <stddef.h>

struct db;

/*
 * The words before "(abbr)" in text whose initials spell abbr (small
 * words such as "and" aside): "Bournemouth, Christchurch and Poole" for
 * BCP.  A new string, or NULL where text spells nothing out.
 */
char	*place_names_expand(const char *text, const char *abbr);

/*
 * Whether what names the place called name by another name: what is, as
 * places_find() compares names, the start of the name with an
 * abbreviation in it spelt out, or the start of a word of a spelling.
 * Returns 1 or 0, or -1 with *cause.
 */
int	 place_names_match(struct db *, const char *name, const char *what,
	     char **cause);

#endif
