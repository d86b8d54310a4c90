/*
 * theme.c: the look of each part of the screen, by role.
 */
#include "config.h"

#include <stdlib.h>

#include <curses.h>

#include "ui/theme.h"

static int theme_attrs[THEME_COUNT];
static int theme_use_color;

struct theme_def {
	short	 fg, bg;
	int	 attr, mono;
};

#define THEME_DEF(role, fg, bg, attr, mono) { fg, bg, attr, mono },
static const struct theme_def theme_defs[THEME_COUNT] = {
	THEME_ROLES(THEME_DEF)
};
#undef THEME_DEF

void
theme_init(enum theme_color mode)
{
	const char	*nc;
	int		 i;

	nc = getenv("NO_COLOR");
	theme_use_color = mode == THEME_COLOR_ALWAYS ||
	    (mode == THEME_COLOR_AUTO && (nc == NULL || *nc == '\0'));
	if (theme_use_color && (!has_colors() || start_color() == ERR))
		theme_use_color = 0;
	if (theme_use_color)
		use_default_colors();
	for (i = 0; i < THEME_COUNT; i++) {
		if (!theme_use_color) {
			theme_attrs[i] = theme_defs[i].mono;
			continue;
		}
		init_pair((short)(i + 1), theme_defs[i].fg, theme_defs[i].bg);
		theme_attrs[i] = theme_defs[i].attr | COLOR_PAIR(i + 1);
	}
}

int
theme_attr(enum theme_role role)
{
	return theme_attrs[role];
}

int
theme_colored(void)
{
	return theme_use_color;
}
