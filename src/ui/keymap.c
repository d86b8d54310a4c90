/*
 * keymap.c: the browser's actions, by name, and the keys bound to them.
 *
 * Two tables: the actions (name and a line each) and the default keys.
 * The bindings in force are a copy of the defaults that `bind` and
 * `unbind` change; a user's binding goes first, so it wins.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curses.h>

#include "core/xmalloc.h"
#include "ui/keymap.h"

#define CTRL(c)		((c) & 0x1f)
#define OUTLINE_ONLY	CTX_MASK(CTX_OUTLINE)
#define NOT_OUTLINE	(CTX_ALL & ~OUTLINE_ONLY)
#define COMPARE_ONLY	CTX_MASK(CTX_COMPARE)
#define SECTIONS_ONLY	CTX_MASK(CTX_SECTIONS)
#define MARKS_ONLY	CTX_MASK(CTX_MARKS)

struct action_def {
	const char	*name;
	const char	*desc;
};

static const struct action_def actions[ACT_COUNT] = {
	[ACT_NONE] = { "", "" },
	[ACT_UP] = { "up", "move up a line" },
	[ACT_DOWN] = { "down", "move down a line" },
	[ACT_PAGE_UP] = { "page-up", "move up a page" },
	[ACT_PAGE_DOWN] = { "page-down", "move down a page" },
	[ACT_HOME] = { "top", "go to the top" },
	[ACT_END] = { "bottom", "go to the bottom" },
	[ACT_OPEN] = { "open", "open: unfold, go into, or read the section" },
	[ACT_CLOSE] = { "close", "close: fold, or go to the parent" },
	[ACT_NEXT_PANE] = { "next-pane", "focus the next pane" },
	[ACT_PREV_PANE] = { "previous-pane", "focus the previous pane" },
	[ACT_PANE_1] = { "pane-1", "focus the outline" },
	[ACT_PANE_2] = { "pane-2", "focus the reading pane" },
	[ACT_PANE_3] = { "pane-3", "focus the key messages" },
	[ACT_PANE_4] = { "pane-4",
	    "focus the strengths and areas for development" },
	[ACT_PANE_5] = { "pane-5", "focus the figures" },
	[ACT_BACK] = { "back", "go back to the section read before" },
	[ACT_FORWARD] = { "forward", "go forward again" },
	[ACT_SEARCH] = { "search", "search" },
	[ACT_NEXT_MATCH] = { "next-match", "next match of the search" },
	[ACT_PREV_MATCH] = { "previous-match",
	    "previous match of the search" },
	[ACT_SEARCH_WORD] = { "search-word", "search the first word of the "
	    "top line, and go to its next match" },
	[ACT_MARK] = { "mark", "mark or unmark the section, for printing" },
	[ACT_COMPARE] = { "compare-places", "compare two places (on a "
	    "figure: its place and what it is compared with)" },
	[ACT_SIDE_BY_SIDE] = { "side-by-side", "two sections side by side: "
	    "a statement and its children and young people part, or any two" },
	[ACT_SWAP] = { "swap", "swap the two places" },
	[ACT_TOGETHER] = { "together",
	    "scroll the two sections together, or apart" },
	[ACT_PRINT] = { "print", "print this section, the marked ones, or "
	    "what is shown" },
	[ACT_MARKS] = { "marks", "list the marks: reorder, unmark, print" },
	[ACT_ASSESSMENTS] = { "assessments", "the library's assessments: "
	    "read another, or compare two (m marks one, c compares)" },
	[ACT_MOVE_UP] = { "move-up", "move the mark up the list" },
	[ACT_MOVE_DOWN] = { "move-down", "move the mark down the list" },
	[ACT_CLEAR] = { "clear-marks", "clear all the marks" },
	[ACT_ZOOM] = { "zoom", "zoom the pane to the whole screen, and back" },
	[ACT_TALLER] = { "taller", "make the reading pane taller" },
	[ACT_SHORTER] = { "shorter", "make the reading pane shorter" },
	[ACT_WIDER] = { "wider", "make the outline wider" },
	[ACT_NARROWER] = { "narrower", "make the outline narrower" },
	[ACT_HELP] = { "help", "show this help" },
	[ACT_COMMAND] = { "command", "type a command (: line)" },
	[ACT_REDRAW] = { "redraw", "redraw the screen" },
	[ACT_ESCAPE] = { "escape", "close what is open: help, search, zoom" },
	[ACT_QUIT] = { "quit", "quit" },
	[ACT_SUSPEND] = { "suspend", "suspend to the shell (fg comes back)" },
};

static const struct key_binding default_keymap[] = {
	{ KEY_UP,	ACT_UP,		CTX_ALL,	"Up" },
	{ 'k',		ACT_UP,		CTX_ALL,	"k" },
	{ KEY_DOWN,	ACT_DOWN,	CTX_ALL,	"Down" },
	{ 'j',		ACT_DOWN,	CTX_ALL,	"j" },
	{ KEY_PPAGE,	ACT_PAGE_UP,	CTX_ALL,	"PgUp" },
	{ 'b',		ACT_PAGE_UP,	CTX_ALL,	"b" },
	{ KEY_NPAGE,	ACT_PAGE_DOWN,	CTX_ALL,	"PgDn" },
	{ ' ',		ACT_PAGE_DOWN,	NOT_OUTLINE,	"Space" },
	{ KEY_HOME,	ACT_HOME,	CTX_ALL,	"Home" },
	{ 'g',		ACT_HOME,	CTX_ALL,	"g" },
	{ KEY_END,	ACT_END,	CTX_ALL,	"End" },
	{ 'G',		ACT_END,	CTX_ALL,	"G" },
	{ '\n',		ACT_OPEN,	CTX_ALL,	"Enter" },
	{ '\r',		ACT_OPEN,	CTX_ALL,	"Enter" },
	{ KEY_ENTER,	ACT_OPEN,	CTX_ALL,	"Enter" },
	{ 'l',		ACT_OPEN,	CTX_ALL,	"l" },
	{ KEY_RIGHT,	ACT_OPEN,	CTX_ALL,	"Right" },
	{ 'h',		ACT_CLOSE,	CTX_ALL,	"h" },
	{ KEY_LEFT,	ACT_CLOSE,	CTX_ALL,	"Left" },
	{ '\t',		ACT_NEXT_PANE,	CTX_ALL,	"Tab" },
	{ KEY_BTAB,	ACT_PREV_PANE,	CTX_ALL,	"Shift-Tab" },
	{ '1',		ACT_PANE_1,	CTX_ALL,	"1" },
	{ '2',		ACT_PANE_2,	CTX_ALL,	"2" },
	{ '3',		ACT_PANE_3,	CTX_ALL,	"3" },
	{ '4',		ACT_PANE_4,	CTX_ALL,	"4" },
	{ '5',		ACT_PANE_5,	CTX_ALL,	"5" },
	{ KEY_BACKSPACE, ACT_BACK,	CTX_ALL,	"Backspace" },
	{ 127,		ACT_BACK,	CTX_ALL,	"Backspace" },
	{ CTRL('h'),	ACT_BACK,	CTX_ALL,	"Backspace" },
	{ '[',		ACT_BACK,	CTX_ALL,	"[" },
	{ ']',		ACT_FORWARD,	CTX_ALL,	"]" },
	{ '/',		ACT_SEARCH,	CTX_ALL,	"/" },
	{ 'n',		ACT_NEXT_MATCH,	CTX_ALL,	"n" },
	{ 'N',		ACT_PREV_MATCH,	CTX_ALL,	"N" },
	{ '*',		ACT_SEARCH_WORD, CTX_MASK(CTX_READER), "*" },
	{ 'm',		ACT_MARK,	CTX_ALL,	"m" },
	{ ' ',		ACT_MARK,	OUTLINE_ONLY,	"Space" },
	{ 'c',		ACT_COMPARE,	CTX_ALL,	"c" },
	{ 'C',		ACT_SIDE_BY_SIDE, CTX_MAIN,	"C" },
	{ 's',		ACT_SWAP,	COMPARE_ONLY,	"s" },
	{ 't',		ACT_TOGETHER,	SECTIONS_ONLY,	"t" },
	{ 'p',		ACT_PRINT,	CTX_MAIN | MARKS_ONLY | SECTIONS_ONLY |
	    COMPARE_ONLY,	"p" },
	{ 'M',		ACT_MARKS,	CTX_MAIN,	"M" },
	{ 'A',		ACT_ASSESSMENTS, CTX_MAIN,	"A" },
	{ 'K',		ACT_MOVE_UP,	MARKS_ONLY,	"K" },
	{ 'J',		ACT_MOVE_DOWN,	MARKS_ONLY,	"J" },
	{ 'x',		ACT_CLEAR,	MARKS_ONLY,	"x" },
	{ 'z',		ACT_ZOOM,	CTX_ALL,	"z" },
	{ '+',		ACT_TALLER,	CTX_ALL,	"+" },
	{ '-',		ACT_SHORTER,	CTX_ALL,	"-" },
	{ '>',		ACT_WIDER,	CTX_ALL,	">" },
	{ '<',		ACT_NARROWER,	CTX_ALL,	"<" },
	{ '?',		ACT_HELP,	CTX_ALL,	"?" },
	{ KEY_F(1),	ACT_HELP,	CTX_ALL,	"F1" },
	{ ':',		ACT_COMMAND,	CTX_MAIN,	":" },
	{ CTRL('l'),	ACT_REDRAW,	CTX_ALL,	"Ctrl-L" },
	{ 27,		ACT_ESCAPE,	CTX_ALL,	"Esc" },
	{ 'q',		ACT_QUIT,	CTX_ALL,	"q" },
	{ CTRL('c'),	ACT_QUIT,	CTX_ALL,	"Ctrl-C" },
	{ CTRL('z'),	ACT_SUSPEND,	CTX_ALL,	"Ctrl-Z" },
};

/* The bindings in force, each name its own copy. */
static struct key_binding	*keys;
static size_t			 nkeys;

const char *
action_name(enum action a)
{
	return a >= ACT_NONE && a < ACT_COUNT ? actions[a].name : "";
}

const char *
action_describe(enum action a)
{
	return a >= ACT_NONE && a < ACT_COUNT ? actions[a].desc : "";
}

enum action
action_find(const char *name)
{
	int	 a;

	for (a = ACT_NONE + 1; a < ACT_COUNT; a++)
		if (strcmp(actions[a].name, name) == 0)
			return (enum action)a;
	return ACT_NONE;
}

void
keymap_free(void)
{
	size_t	 i;

	for (i = 0; i < nkeys; i++)
		free((char *)keys[i].name);
	free(keys);
	keys = NULL;
	nkeys = 0;
}

void
keymap_init(void)
{
	size_t	 i, n = sizeof default_keymap / sizeof default_keymap[0];

	keymap_free();
	keys = xreallocarray(NULL, n, sizeof *keys);
	for (i = 0; i < n; i++) {
		keys[i] = default_keymap[i];
		keys[i].name = xstrdup(default_keymap[i].name);
	}
	nkeys = n;
}

size_t
keymap_count(void)
{
	return nkeys;
}

const struct key_binding *
keymap_get(size_t i)
{
	return i < nkeys ? &keys[i] : NULL;
}

enum action
keymap_lookup(int key, enum key_ctx ctx)
{
	size_t	 i;

	for (i = 0; i < nkeys; i++)
		if (keys[i].key == key && (keys[i].ctx & CTX_MASK(ctx)))
			return keys[i].action;
	return ACT_NONE;
}

int
keymap_has_meta(void)
{
	size_t	 i;

	for (i = 0; i < nkeys; i++)
		if (keys[i].key & KEYMAP_META)
			return 1;
	return 0;
}

/* Drop every binding of key; returns how many there were. */
static size_t
keymap_drop(int key)
{
	size_t	 i, j, n = 0;

	for (i = j = 0; i < nkeys; i++) {
		if (keys[i].key == key) {
			free((char *)keys[i].name);
			n++;
		} else
			keys[j++] = keys[i];
	}
	nkeys = j;
	return n;
}

int
keymap_bind(const char *keyname, const char *action, char **cause)
{
	enum action	 a;
	int		 key;

	if (keyname_parse(keyname, &key) != 0) {
		*cause = xasprintf("no such key: %s", keyname);
		return -1;
	}
	if ((a = action_find(action)) == ACT_NONE) {
		*cause = xasprintf("no such action: %s", action);
		return -1;
	}
	keymap_drop(key);
	keys = xreallocarray(keys, nkeys + 1, sizeof *keys);
	memmove(keys + 1, keys, nkeys * sizeof *keys);
	keys[0].key = key;
	keys[0].action = a;
	keys[0].ctx = CTX_ALL;
	keys[0].name = xstrdup(keyname);
	nkeys++;
	return 0;
}

int
keymap_unbind(const char *keyname, char **cause)
{
	int	 key;

	if (keyname_parse(keyname, &key) != 0) {
		*cause = xasprintf("no such key: %s", keyname);
		return -1;
	}
	if (keymap_drop(key) == 0) {
		*cause = xasprintf("%s is not bound", keyname);
		return -1;
	}
	return 0;
}

static const struct {
	const char	*name;
	int		 key;
} keynames[] = {
	{ "Up", KEY_UP }, { "Down", KEY_DOWN }, { "Left", KEY_LEFT },
	{ "Right", KEY_RIGHT }, { "Home", KEY_HOME }, { "End", KEY_END },
	{ "PageUp", KEY_PPAGE }, { "PPage", KEY_PPAGE }, { "PgUp", KEY_PPAGE },
	{ "PageDown", KEY_NPAGE }, { "NPage", KEY_NPAGE },
	{ "PgDn", KEY_NPAGE }, { "Enter", '\r' }, { "Tab", '\t' },
	{ "BTab", KEY_BTAB }, { "Escape", 27 }, { "Space", ' ' },
	{ "BSpace", 127 }, { "DC", KEY_DC }, { "IC", KEY_IC },
};

/* One key without modifiers: a name, F1-F12, or one character. */
static int
keyname_base(const char *s, int *key)
{
	uint32_t	 cp;
	size_t		 i, len = strlen(s);
	char		*end;
	long		 f;

	for (i = 0; i < sizeof keynames / sizeof keynames[0]; i++)
		if (strcasecmp(s, keynames[i].name) == 0) {
			*key = keynames[i].key;
			return 0;
		}
	if ((s[0] == 'F' || s[0] == 'f') && s[1] >= '1' && s[1] <= '9') {
		f = strtol(s + 1, &end, 10);
		if (*end != '\0' || f < 1 || f > 12)
			return -1;
		*key = KEY_F((int)f);
		return 0;
	}
	/* Characters past ASCII share their numbers with curses's keys. */
	if (len != 1 || s[0] < 0x21 || s[0] > 0x7e)
		return -1;
	cp = (unsigned char)s[0];
	*key = (int)cp;
	return 0;
}

int
keyname_parse(const char *s, int *key)
{
	int	 meta = 0, ctrl = 0, k;

	for (;;) {
		if ((s[0] == 'M' || s[0] == 'm') && s[1] == '-' && s[2] != '\0')
			meta = 1;
		else if ((s[0] == 'C' || s[0] == 'c') && s[1] == '-' &&
		    s[2] != '\0')
			ctrl = 1;
		else
			break;
		s += 2;
	}
	if (keyname_base(s, &k) != 0)
		return -1;
	if (ctrl) {
		if (k >= 'a' && k <= 'z')
			k = CTRL(k);
		else if (k >= '@' && k <= '_')
			k = CTRL(k);
		else if (k == ' ')
			k = 0;
		else
			return -1;
	}
	/* Meta is Esc then the key: only keys curses reads as characters. */
	if (meta && (k >= KEY_MIN || k == 27))
		return -1;
	*key = meta ? (k | KEYMAP_META) : k;
	return 0;
}
