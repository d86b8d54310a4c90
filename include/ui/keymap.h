/*
 * keymap.h: the browser's actions, by name, and the keys bound to them.
 *
 * Every key runs an action; an action has a name and a line that says
 * what it does (the help screen, the `:` line and the config file all use
 * them).  A binding holds in some key contexts: each mode of the registry
 * (registry.c) names its context, so a new pane needs no new bits here.
 * The bindings in force start as the defaults and change with `bind` and
 * `unbind`; lookups read them.
 */
#ifndef ICSB_KEYMAP_H
#define ICSB_KEYMAP_H

#include <stddef.h>

/* Where a key is read; a binding holds in a mask of these (1 << ctx). */
enum key_ctx {
	CTX_OUTLINE,	/* the outline pane */
	CTX_READER,	/* the reading pane */
	CTX_LIST,	/* the side panes: key messages, themes, figures */
	CTX_COMPARE,	/* two places side by side */
	CTX_SECTIONS,	/* two sections side by side */
	CTX_MARKS,	/* the list of marks */
	CTX_HELP,	/* the help screen */
	CTX_LIBRARY,	/* the list of the library's assessments */
	CTX_REPORTS,	/* two assessments' scores side by side */
	CTX_TEXT,	/* a dialog that takes text: no bindings */
	CTX_COUNT
};
#define CTX_MASK(c)	(1u << (c))
/* Every context a key can be bound in: all but CTX_TEXT, the last. */
#define CTX_ALL		(CTX_MASK(CTX_TEXT) - 1)
#define CTX_MAIN	(CTX_MASK(CTX_OUTLINE) | CTX_MASK(CTX_READER) | \
			    CTX_MASK(CTX_LIST))

enum action {
	ACT_NONE,
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END,
	ACT_OPEN, ACT_CLOSE,
	ACT_NEXT_PANE, ACT_PREV_PANE,
	ACT_PANE_1, ACT_PANE_2, ACT_PANE_3, ACT_PANE_4, ACT_PANE_5,
	ACT_BACK, ACT_FORWARD,
	ACT_SEARCH, ACT_NEXT_MATCH, ACT_PREV_MATCH,
	ACT_SEARCH_WORD,
	ACT_MARK,
	ACT_COMPARE, ACT_SIDE_BY_SIDE, ACT_SWAP, ACT_TOGETHER,
	ACT_PRINT, ACT_MARKS, ACT_ASSESSMENTS, ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_CLEAR,
	ACT_ZOOM, ACT_TALLER, ACT_SHORTER, ACT_WIDER, ACT_NARROWER,
	ACT_HELP, ACT_COMMAND, ACT_REDRAW, ACT_ESCAPE, ACT_QUIT,
	ACT_SUSPEND,
	ACT_COUNT
};

/* A key as the loop reads it: a curses key code, or a character. */
#define KEYMAP_META	0x40000000	/* Esc then the key: M-x */

struct key_binding {
	int		 key;
	enum action	 action;
	unsigned	 ctx;	/* mask of CTX_MASK() */
	const char	*name;	/* how the help screen writes the key */
};

/* The action's name ("next-match"), or "" for ACT_NONE. */
const char	*action_name(enum action);
/* What it does, in a line, for the help screen. */
const char	*action_describe(enum action);
/* The action named name, or ACT_NONE. */
enum action	 action_find(const char *name);

/* Start with the default bindings (again); keymap_free() drops them. */
void		 keymap_init(void);
void		 keymap_free(void);
/* The bindings in force, i < keymap_count(); borrowed until a change. */
size_t		 keymap_count(void);
const struct key_binding *keymap_get(size_t i);
/* The action for key in context ctx, or ACT_NONE. */
enum action	 keymap_lookup(int key, enum key_ctx);
/* Whether any binding is of a key with KEYMAP_META. */
int		 keymap_has_meta(void);
/*
 * Bind the key named keyname (tmux's names: keyname_parse()) to action in
 * every context, before the bindings it had; unbind drops them all.
 * Return 0, or -1 with *cause set.
 */
int		 keymap_bind(const char *keyname, const char *action,
		     char **cause);
int		 keymap_unbind(const char *keyname, char **cause);

/*
 * Read a key's name as tmux writes it: a character ("x", "£"), C-x, M-x,
 * F1 to F12, Up, Down, Left, Right, Home, End, PageUp (PPage), PageDown
 * (NPage), Enter, Tab, BTab, Escape, Space, BSpace, DC, IC.  Returns 0
 * and sets *key, or -1 if it names no key.
 */
int		 keyname_parse(const char *, int *key);

#endif
