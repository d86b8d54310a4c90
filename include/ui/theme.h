/*
 * theme.h: the look of each part of the screen, by role.
 *
 * Code draws with a role (THEME_HEADING, THEME_MATCH ...), never a colour.
 * Each role has a colour pair and attributes for colour terminals, and
 * attributes alone for monochrome ones, NO_COLOR and --color=never, so
 * that nothing is shown by colour alone.
 */
#ifndef ICSB_THEME_H
#define ICSB_THEME_H

/* X(role, foreground, background, colour attributes, mono attributes) */
#define THEME_ROLES(X) \
	X(NORMAL,	-1,		-1,		A_NORMAL, A_NORMAL) \
	X(BORDER,	COLOR_BLUE,	-1,		A_NORMAL, A_NORMAL) \
	X(TITLE,	COLOR_CYAN,	-1,		A_NORMAL, A_NORMAL) \
	X(TITLE_FOCUS,	COLOR_YELLOW,	-1,		A_BOLD,	  A_BOLD) \
	X(SELECTED,	COLOR_BLACK,	COLOR_CYAN,	A_NORMAL, A_REVERSE) \
	X(SELECTED_DIM,	-1,		-1,		A_UNDERLINE, A_UNDERLINE) \
	X(HEADING,	COLOR_YELLOW,	-1,		A_BOLD,	  A_BOLD) \
	X(SUBHEADING,	COLOR_CYAN,	-1,		A_BOLD,	  A_BOLD) \
	X(CRUMB,	COLOR_GREEN,	-1,		A_NORMAL, A_DIM) \
	X(KEYMSG,	COLOR_GREEN,	-1,		A_BOLD,	  A_BOLD) \
	X(FIGURE,	COLOR_MAGENTA,	-1,		A_BOLD,	  A_BOLD) \
	X(MATCH,	COLOR_BLACK,	COLOR_YELLOW,	A_NORMAL, A_REVERSE | A_UNDERLINE) \
	X(DIM,		-1,		-1,		A_DIM,	  A_DIM) \
	X(MARK,		COLOR_RED,	-1,		A_BOLD,	  A_BOLD) \
	X(STATUS,	COLOR_WHITE,	COLOR_BLUE,	A_NORMAL, A_REVERSE) \
	X(STATUS_KEY,	COLOR_YELLOW,	COLOR_BLUE,	A_BOLD,	  A_REVERSE | A_BOLD) \
	X(ERROR,	COLOR_WHITE,	COLOR_RED,	A_BOLD,	  A_REVERSE | A_BOLD) \
	X(DIALOG,	-1,		-1,		A_NORMAL, A_NORMAL)

#define THEME_ENUM(role, fg, bg, attr, mono) THEME_ ## role,
enum theme_role {
	THEME_ROLES(THEME_ENUM)
	THEME_COUNT
};
#undef THEME_ENUM

enum theme_color { THEME_COLOR_AUTO, THEME_COLOR_ALWAYS, THEME_COLOR_NEVER };

/*
 * Decide between colour and attributes, after initscr(): colour if asked
 * for always, or if auto, NO_COLOR is unset or empty, and the terminal
 * has colours.
 */
void	 theme_init(enum theme_color);
/* The curses attributes (colour pair included) for role. */
int	 theme_attr(enum theme_role);
/* Whether colours are in use. */
int	 theme_colored(void);

#endif
