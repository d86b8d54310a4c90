/*
 * keymap.c: every key of the browser, in one table.
 */
#include "config.h"

#include <curses.h>

#include "ui/keymap.h"
#include "ui/ui.h"

#define CTRL(c)		((c) & 0x1f)
#define OUTLINE_ONLY	(1u << PANE_OUTLINE)
#define NOT_OUTLINE	(KEY_ALL & ~OUTLINE_ONLY)
#define PANES		0x1f
#define COMPARE_ONLY	(1u << KEY_VIEW_COMPARE)
#define SECTIONS_ONLY	(1u << KEY_VIEW_SECTIONS)
#define MARKS_ONLY	(1u << KEY_VIEW_MARKS)

const struct key_binding keymap[] = {
	{ KEY_UP,	ACT_UP,		KEY_ALL,	"Up" },
	{ 'k',		ACT_UP,		KEY_ALL,	"k" },
	{ KEY_DOWN,	ACT_DOWN,	KEY_ALL,	"Down" },
	{ 'j',		ACT_DOWN,	KEY_ALL,	"j" },
	{ KEY_PPAGE,	ACT_PAGE_UP,	KEY_ALL,	"PgUp" },
	{ 'b',		ACT_PAGE_UP,	KEY_ALL,	"b" },
	{ KEY_NPAGE,	ACT_PAGE_DOWN,	KEY_ALL,	"PgDn" },
	{ ' ',		ACT_PAGE_DOWN,	NOT_OUTLINE,	"Space" },
	{ KEY_HOME,	ACT_HOME,	KEY_ALL,	"Home" },
	{ 'g',		ACT_HOME,	KEY_ALL,	"g" },
	{ KEY_END,	ACT_END,	KEY_ALL,	"End" },
	{ 'G',		ACT_END,	KEY_ALL,	"G" },
	{ '\n',		ACT_OPEN,	KEY_ALL,	"Enter" },
	{ '\r',		ACT_OPEN,	KEY_ALL,	"Enter" },
	{ KEY_ENTER,	ACT_OPEN,	KEY_ALL,	"Enter" },
	{ 'l',		ACT_OPEN,	KEY_ALL,	"l" },
	{ KEY_RIGHT,	ACT_OPEN,	KEY_ALL,	"Right" },
	{ 'h',		ACT_CLOSE,	KEY_ALL,	"h" },
	{ KEY_LEFT,	ACT_CLOSE,	KEY_ALL,	"Left" },
	{ '\t',		ACT_NEXT_PANE,	KEY_ALL,	"Tab" },
	{ KEY_BTAB,	ACT_PREV_PANE,	KEY_ALL,	"Shift-Tab" },
	{ '1',		ACT_PANE_1,	KEY_ALL,	"1" },
	{ '2',		ACT_PANE_2,	KEY_ALL,	"2" },
	{ '3',		ACT_PANE_3,	KEY_ALL,	"3" },
	{ '4',		ACT_PANE_4,	KEY_ALL,	"4" },
	{ '5',		ACT_PANE_5,	KEY_ALL,	"5" },
	{ KEY_BACKSPACE, ACT_BACK,	KEY_ALL,	"Backspace" },
	{ 127,		ACT_BACK,	KEY_ALL,	"Backspace" },
	{ CTRL('h'),	ACT_BACK,	KEY_ALL,	"Backspace" },
	{ '[',		ACT_BACK,	KEY_ALL,	"[" },
	{ ']',		ACT_FORWARD,	KEY_ALL,	"]" },
	{ '/',		ACT_SEARCH,	KEY_ALL,	"/" },
	{ 'n',		ACT_NEXT_MATCH,	KEY_ALL,	"n" },
	{ 'N',		ACT_PREV_MATCH,	KEY_ALL,	"N" },
	{ 'm',		ACT_MARK,	KEY_ALL,	"m" },
	{ ' ',		ACT_MARK,	OUTLINE_ONLY,	"Space" },
	{ 'c',		ACT_COMPARE,	KEY_ALL,	"c" },
	{ 'C',		ACT_SIDE_BY_SIDE, PANES,	"C" },
	{ 's',		ACT_SWAP,	COMPARE_ONLY,	"s" },
	{ 't',		ACT_TOGETHER,	SECTIONS_ONLY,	"t" },
	{ 'p',		ACT_PRINT,	PANES | MARKS_ONLY, "p" },
	{ 'M',		ACT_MARKS,	PANES,		"M" },
	{ 'K',		ACT_MOVE_UP,	MARKS_ONLY,	"K" },
	{ 'J',		ACT_MOVE_DOWN,	MARKS_ONLY,	"J" },
	{ 'x',		ACT_CLEAR,	MARKS_ONLY,	"x" },
	{ 'z',		ACT_ZOOM,	KEY_ALL,	"z" },
	{ '+',		ACT_TALLER,	KEY_ALL,	"+" },
	{ '-',		ACT_SHORTER,	KEY_ALL,	"-" },
	{ '>',		ACT_WIDER,	KEY_ALL,	">" },
	{ '<',		ACT_NARROWER,	KEY_ALL,	"<" },
	{ '?',		ACT_HELP,	KEY_ALL,	"?" },
	{ KEY_F(1),	ACT_HELP,	KEY_ALL,	"F1" },
	{ CTRL('l'),	ACT_REDRAW,	KEY_ALL,	"Ctrl-L" },
	{ 27,		ACT_ESCAPE,	KEY_ALL,	"Esc" },
	{ 'q',		ACT_QUIT,	KEY_ALL,	"q" },
	{ CTRL('c'),	ACT_QUIT,	KEY_ALL,	"Ctrl-C" },
};
const size_t nkeymap = sizeof keymap / sizeof keymap[0];

static const char *const keymap_words[ACT_COUNT] = {
	[ACT_UP] = "move up a line",
	[ACT_DOWN] = "move down a line",
	[ACT_PAGE_UP] = "move up a page",
	[ACT_PAGE_DOWN] = "move down a page",
	[ACT_HOME] = "go to the top",
	[ACT_END] = "go to the bottom",
	[ACT_OPEN] = "open: unfold, go into, or read the section",
	[ACT_CLOSE] = "close: fold, or go to the parent",
	[ACT_NEXT_PANE] = "focus the next pane",
	[ACT_PREV_PANE] = "focus the previous pane",
	[ACT_PANE_1] = "focus the outline",
	[ACT_PANE_2] = "focus the reading pane",
	[ACT_PANE_3] = "focus the key messages",
	[ACT_PANE_4] = "focus the strengths and areas for development",
	[ACT_PANE_5] = "focus the figures",
	[ACT_BACK] = "go back to the section read before",
	[ACT_FORWARD] = "go forward again",
	[ACT_SEARCH] = "search",
	[ACT_NEXT_MATCH] = "next match of the search",
	[ACT_PREV_MATCH] = "previous match of the search",
	[ACT_MARK] = "mark or unmark the section, for printing",
	[ACT_COMPARE] = "compare two places (on a figure: its place and "
	    "what it is compared with)",
	[ACT_SIDE_BY_SIDE] = "two sections side by side: a statement and "
	    "its children and young people part, or any two",
	[ACT_SWAP] = "swap the two places",
	[ACT_TOGETHER] = "scroll the two sections together, or apart",
	[ACT_PRINT] = "print the marked sections, or this one",
	[ACT_MARKS] = "list the marks: reorder, unmark, print",
	[ACT_MOVE_UP] = "move the mark up the list",
	[ACT_MOVE_DOWN] = "move the mark down the list",
	[ACT_CLEAR] = "clear all the marks",
	[ACT_ZOOM] = "zoom the pane to the whole screen, and back",
	[ACT_TALLER] = "make the reading pane taller",
	[ACT_SHORTER] = "make the reading pane shorter",
	[ACT_WIDER] = "make the outline wider",
	[ACT_NARROWER] = "make the outline narrower",
	[ACT_HELP] = "show this help",
	[ACT_REDRAW] = "redraw the screen",
	[ACT_ESCAPE] = "close what is open: help, search, zoom",
	[ACT_QUIT] = "quit",
};

const char *
keymap_describe(enum action a)
{
	return a > ACT_NONE && a < ACT_COUNT ? keymap_words[a] : "";
}

enum action
keymap_lookup(int key, int pane)
{
	size_t	 i;

	for (i = 0; i < nkeymap; i++)
		if (keymap[i].key == key && (keymap[i].panes & (1u << pane)))
			return keymap[i].action;
	return ACT_NONE;
}
