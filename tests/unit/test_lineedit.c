/*
 * test_lineedit.c: the line editor (lineedit.c): typing, moving by
 * character over multi-byte and wide text, the kill keys, and the view
 * that scrolls with the cursor.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/utf8.h"
#include "ui/lineedit.h"
#include "../tap.h"

#define CTRL(c)	((c) & 0x1f)
#define K(k)	{ (k), 0 }	/* a curses key */
#define C(c)	{ (c), 1 }	/* a character */
#define END	{ 0, -1 }

struct key {
	int	 key, is_char;
};

struct edit_case {
	const char	*name;
	const char	*start;		/* le_set() first, or NULL */
	struct key	 keys[12];
	const char	*want;
	size_t		 cur;		/* the cursor wanted, in bytes */
};

static const struct edit_case edit_cases[] = {
	{ "typing goes in at the cursor", NULL,
	    { C('a'), C('b'), K(KEY_LEFT), C('X'), END }, "aXb", 2 },
	{ "a pound sign is two bytes, one character", NULL,
	    { C(0xa3), C('5'), K(KEY_LEFT), K(KEY_LEFT), C('<'), END },
	    "<£5", 1 },
	{ "Backspace takes a whole character", "caf\xc3\xa9",
	    { C(127), END }, "caf", 3 },
	{ "Backspace (KEY_BACKSPACE) before a wide character", "日本語",
	    { K(KEY_LEFT), K(KEY_BACKSPACE), END }, "日語", 3 },
	{ "C-h is Backspace too", "ab", { C(CTRL('h')), END }, "a", 1 },
	{ "Delete takes the character under the cursor", "日本語",
	    { K(KEY_HOME), K(KEY_DC), END }, "本語", 0 },
	{ "C-a and C-e go to the ends", "’x’",
	    { C(CTRL('a')), C('['), C(CTRL('e')), C(']'), END },
	    "[’x’]", 9 },
	{ "Home and End go to the ends", "mid",
	    { K(KEY_HOME), C('<'), K(KEY_END), C('>'), END }, "<mid>", 5 },
	{ "C-u kills to the start", "one two",
	    { K(KEY_LEFT), K(KEY_LEFT), C(CTRL('u')), END }, "wo", 0 },
	{ "C-k kills to the end", "one two",
	    { K(KEY_HOME), K(KEY_RIGHT), C(CTRL('k')), END }, "o", 1 },
	{ "C-w kills the word before, and the spaces after it", "one two  ",
	    { C(CTRL('w')), END }, "one ", 4 },
	{ "C-w twice kills two words", "one two three",
	    { C(CTRL('w')), C(CTRL('w')), END }, "one ", 4 },
	{ "Left at the start stays", "a",
	    { K(KEY_HOME), K(KEY_LEFT), K(KEY_LEFT), END }, "a", 0 },
	{ "Right at the end stays", "a",
	    { K(KEY_RIGHT), K(KEY_RIGHT), END }, "a", 1 },
	{ "Backspace at the start does nothing", "a",
	    { K(KEY_HOME), C(127), END }, "a", 0 },
	{ "a control character does not go in", "a",
	    { C(0x1b), C(0x1c), C(0x9b), END },
	    "a", 1 },
	{ "a tab does not go in", "a", { C('\t'), END }, "a", 1 },
	{ "a zero-width joiner does not go in", "a",
	    { C(0x200d), C(0x202e), END }, "a", 1 },
	{ "le_set cleans what it is given", "a\x1b[31mb\xff",
	    { END }, "a^[[31mb\xef\xbf\xbd", 11 },
};

static void
test_edits(void)
{
	const struct edit_case	*c;
	struct lineedit		 le;
	size_t			 i, k;

	for (i = 0; i < sizeof edit_cases / sizeof edit_cases[0]; i++) {
		c = &edit_cases[i];
		le_init(&le);
		if (c->start != NULL)
			le_set(&le, c->start);
		for (k = 0; c->keys[k].is_char != -1; k++)
			le_key(&le, c->keys[k].key, c->keys[k].is_char);
		tap_is_str(le_text(&le), c->want, c->name);
		tap_is_int((long long)le.cur, (long long)c->cur,
		    "  and the cursor is where it should be");
		le_free(&le);
	}
}

static void
test_results(void)
{
	struct lineedit	 le;

	le_init(&le);
	tap_is_int(le_key(&le, 'x', 1), LE_CHANGED | LE_MOVED,
	    "typing says the text changed");
	tap_is_int(le_key(&le, KEY_LEFT, 0), LE_MOVED,
	    "Left says the cursor moved");
	tap_is_int(le_key(&le, KEY_F(5), 0), 0, "F5 is no edit");
	tap_is_int(le_key(&le, '\r', 1), 0, "Enter is no edit: the dialog's");
	tap_is_int(le_key(&le, 27, 1), 0, "Esc is no edit");
	le_free(&le);
}

/* The view of a field cols wide: what shows, and where the cursor is. */
static void
view_is(struct lineedit *le, int cols, const char *want, int curcol,
    const char *name)
{
	size_t	 from, to;
	int	 cc;
	char	*got;

	le_view(le, cols, &from, &to, &cc);
	got = strndup(le_text(le) + from, to - from);
	tap_is_str(got, want, name);
	tap_is_int(cc, curcol, "  the cursor's column");
	tap_ok(utf8_width(got, strlen(got)) <= cols, "  fits in %d", cols);
	free(got);
}

static void
test_view(void)
{
	struct lineedit	 le;
	int		 i;

	le_init(&le);
	view_is(&le, 5, "", 0, "empty: nothing, the cursor at 0");
	le_set(&le, "abcdefgh");
	view_is(&le, 5, "efgh", 4, "the cursor at the end: the text "
	    "scrolls to show it");
	for (i = 0; i < 8; i++)
		le_key(&le, KEY_LEFT, 0);
	view_is(&le, 5, "abcde", 0, "back at the start: the view follows");
	le_key(&le, KEY_END, 0);
	view_is(&le, 5, "efgh", 4, "End: scrolled again");
	le_set(&le, "日本語テキスト");
	view_is(&le, 6, "スト", 5, "wide characters: whole ones, by "
	    "columns");
	le_key(&le, KEY_HOME, 0);
	view_is(&le, 5, "日本", 0, "a wide character that would not fit "
	    "is left out");
	le_free(&le);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_edits();
	test_results();
	test_view();
	return tap_done();
}
