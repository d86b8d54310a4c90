/*
 * test_keyname.c: key names as tmux writes them (keyname_parse), the
 * action names, and binding and unbinding keys (keymap.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ui/keymap.h"
#include "../tap.h"

struct name_case {
	const char	*name;
	int		 ok;
	int		 key;
};

static const struct name_case name_cases[] = {
	{ "x", 1, 'x' },
	{ "X", 1, 'X' },
	{ "?", 1, '?' },
	{ "-", 1, '-' },
	{ "C-x", 1, 0x18 },
	{ "C-a", 1, 0x01 },
	{ "C-[", 1, 0x1b },
	{ "C-Space", 1, 0 },
	{ "M-x", 1, 'x' | KEYMAP_META },
	{ "M-C-x", 1, 0x18 | KEYMAP_META },
	{ "F1", 1, 0 },			/* KEY_F(1): set below */
	{ "F12", 1, 0 },
	{ "F13", 0, 0 },
	{ "F0", 0, 0 },
	{ "F5x", 0, 0 },
	{ "Up", 1, KEY_UP },
	{ "down", 1, KEY_DOWN },
	{ "PageDown", 1, KEY_NPAGE },
	{ "NPage", 1, KEY_NPAGE },
	{ "PageUp", 1, KEY_PPAGE },
	{ "PPage", 1, KEY_PPAGE },
	{ "Home", 1, KEY_HOME },
	{ "End", 1, KEY_END },
	{ "Enter", 1, '\r' },
	{ "Tab", 1, '\t' },
	{ "BTab", 1, KEY_BTAB },
	{ "Escape", 1, 27 },
	{ "Space", 1, ' ' },
	{ "BSpace", 1, 127 },
	{ "DC", 1, KEY_DC },
	{ "IC", 1, KEY_IC },
	{ "", 0, 0 },
	{ "xy", 0, 0 },
	{ "C-", 0, 0 },
	{ "C-1", 0, 0 },
	{ "M-Up", 0, 0 },
	{ "M-Escape", 0, 0 },
	{ "£", 0, 0 },
	{ "日", 0, 0 },
	{ "Nonsense", 0, 0 },
};

static void
test_names(void)
{
	const struct name_case	*c;
	size_t			 i;
	int			 key, want, rc;

	for (i = 0; i < sizeof name_cases / sizeof name_cases[0]; i++) {
		c = &name_cases[i];
		want = c->key;
		if (strcmp(c->name, "F1") == 0)
			want = KEY_F(1);
		if (strcmp(c->name, "F12") == 0)
			want = KEY_F(12);
		key = -1;
		rc = keyname_parse(c->name, &key);
		if (!c->ok) {
			tap_is_int(rc, -1, c->name[0] != '\0' ? c->name :
			    "(empty)");
			continue;
		}
		tap_ok(rc == 0 && key == want, "%s is key %d", c->name, want);
	}
}

static void
test_actions(void)
{
	int	 a;
	size_t	 i;

	for (a = ACT_NONE + 1; a < ACT_COUNT; a++)
		if ((int)action_find(action_name(a)) != a ||
		    *action_describe(a) == '\0')
			break;
	tap_is_int(a, ACT_COUNT, "every action has a name and a line, "
	    "and its name finds it");
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++)
		for (i = 0; action_name(a)[i] != '\0'; i++)
			if (!strchr("abcdefghijklmnopqrstuvwxyz0123456789-",
			    action_name(a)[i]))
				tap_ok(0, "%s: a name of lower case words",
				    action_name(a));
	tap_is_int(action_find("next-match"), ACT_NEXT_MATCH, "next-match");
	tap_is_int(action_find("compare-places"), ACT_COMPARE,
	    "compare-places");
	tap_is_int(action_find("nosuch"), ACT_NONE, "no such action");
	tap_is_int(action_find(""), ACT_NONE, "the empty name is none");
}

static void
test_bind(void)
{
	char	*cause = NULL;

	keymap_init();
	tap_is_int(keymap_lookup('q', CTX_OUTLINE), ACT_QUIT, "q quits");
	tap_is_int(keymap_lookup(' ', CTX_OUTLINE), ACT_MARK,
	    "Space marks in the outline");
	tap_is_int(keymap_lookup(' ', CTX_READER), ACT_PAGE_DOWN,
	    "and pages in the reader");
	tap_is_int(keymap_lookup('s', CTX_READER), ACT_NONE,
	    "s is the compare view's only");
	tap_is_int(keymap_lookup('s', CTX_COMPARE), ACT_SWAP, "s swaps there");
	tap_is_int(keymap_lookup('q', CTX_TEXT), ACT_NONE,
	    "a text field has no bindings");
	tap_ok(!keymap_has_meta(), "no default binding wants Meta");
	tap_is_int(keymap_bind("x", "quit", &cause), 0, "bind x quit");
	tap_is_int(keymap_lookup('x', CTX_READER), ACT_QUIT,
	    "x quits in the reader");
	tap_is_int(keymap_lookup('x', CTX_MARKS), ACT_QUIT,
	    "and in the marks, over the default x there");
	tap_is_int(keymap_bind("M-n", "next-match", &cause), 0, "bind M-n");
	tap_ok(keymap_has_meta(), "now a binding wants Meta");
	tap_is_int(keymap_bind("F5", "nosuch", &cause), -1,
	    "bind to no action fails");
	tap_is_str(cause, "no such action: nosuch", "  and says why");
	free(cause);
	cause = NULL;
	tap_is_int(keymap_bind("Nope", "quit", &cause), -1,
	    "bind of no key fails");
	tap_is_str(cause, "no such key: Nope", "  and says why");
	free(cause);
	cause = NULL;
	tap_is_int(keymap_unbind("q", &cause), 0, "unbind q");
	tap_is_int(keymap_lookup('q', CTX_OUTLINE), ACT_NONE, "q does nothing");
	tap_is_int(keymap_unbind("q", &cause), -1, "unbind q again fails");
	tap_is_str(cause, "q is not bound", "  and says why");
	free(cause);
	keymap_init();
	tap_is_int(keymap_lookup('q', CTX_OUTLINE), ACT_QUIT,
	    "keymap_init() brings the defaults back");
	keymap_free();
	tap_is_int((long long)keymap_count(), 0, "keymap_free() drops them");
}

int
main(void)
{
	test_names();
	test_actions();
	test_bind();
	return tap_done();
}
