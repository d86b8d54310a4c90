/*
 * test_config.c: the config file (config_file.c) and the words its lines
 * are split into (words.c): what each line does,
 * every kind of bad line reported as config:LINE: and the others applied.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <curses.h>

#include "ui/config_file.h"
#include "ui/keymap.h"
#include "ui/words.h"
#include "../tap.h"

struct sets {
	char	 got[256];
};

static int
set_cb(void *arg, const char *o, const char *v, char **cause)
{
	struct sets	*s = arg;

	if (strcmp(o, "mouse") != 0) {
		*cause = strdup("set: no such option");
		return -1;
	}
	snprintf(s->got + strlen(s->got), sizeof s->got - strlen(s->got),
	    "%s=%s;", o, v);
	return 0;
}

struct error_case {
	const char	*line;
	const char	*want;
};

static const struct error_case error_cases[] = {
	{ "bind", "config:1: bind wants a key and an action: bind KEY ACTION" },
	{ "bind x", "config:1: bind wants a key and an action: bind KEY ACTION" },
	{ "bind x quit now", "config:1: bind wants a key and an action: "
	    "bind KEY ACTION" },
	{ "bind Nope quit", "config:1: no such key: Nope" },
	{ "bind x nosuch", "config:1: no such action: nosuch" },
	{ "unbind", "config:1: unbind wants a key: unbind KEY" },
	{ "unbind Nope", "config:1: no such key: Nope" },
	{ "unbind F9", "config:1: F9 is not bound" },
	{ "set mouse", "config:1: set wants an option and a value: set OPTION "
	    "VALUE" },
	{ "set colour never", "config:1: set: no such option" },
	{ "open leadership", "config:1: open: not a config command (bind, "
	    "unbind, set)" },
	{ "bind \"x quit", "config:1: a quote is not closed" },
};

static void
test_errors(void)
{
	struct config_errors	 e = { NULL, 0 };
	struct sets		 s = { "" };
	size_t			 i;

	for (i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
		keymap_init();
		config_apply(error_cases[i].line, set_cb, &s, &e);
		tap_is_int((long long)e.n, 1, error_cases[i].line);
		tap_is_str(e.n > 0 ? e.v[0] : NULL, error_cases[i].want,
		    "  the error");
		config_errors_free(&e);
	}
}

static const char good[] =
    "# keys of my own\n"
    "bind x quit\n"
    "\n"
    "   # an indented comment\n"
    "bind F5 help   # a comment after\n"
    "bind C-n nosuch\n"
    "unbind q\r\n"
    "frobnicate\n"
    "set mouse off\n"
    "bind \"#\" mark\n"
    "set mouse";

static void
test_file(void)
{
	struct config_errors	 e = { NULL, 0 };
	struct sets		 s = { "" };

	keymap_init();
	config_apply(good, set_cb, &s, &e);
	tap_is_int((long long)e.n, 3, "three bad lines, three errors");
	tap_is_str(e.n > 0 ? e.v[0] : NULL,
	    "config:6: no such action: nosuch", "the first: line 6");
	tap_is_str(e.n > 1 ? e.v[1] : NULL, "config:8: frobnicate: not a "
	    "config command (bind, unbind, set)", "the second: line 8");
	tap_is_str(e.n > 2 ? e.v[2] : NULL, "config:11: set wants an option "
	    "and a value: set OPTION VALUE", "the last line, with no newline");
	tap_is_int(keymap_lookup('x', CTX_READER), ACT_QUIT,
	    "the good lines apply: x quits");
	tap_is_int(keymap_lookup(KEY_F(5), CTX_OUTLINE), ACT_HELP,
	    "F5 helps, the comment after it cut off");
	tap_is_int(keymap_lookup('q', CTX_OUTLINE), ACT_NONE,
	    "q unbound (a CRLF line)");
	tap_is_int(keymap_lookup('#', CTX_OUTLINE), ACT_MARK,
	    "a # in quotes is a key, not a comment");
	tap_is_str(s.got, "mouse=off;", "set went to the browser");
	config_errors_free(&e);
	keymap_free();
}

static void
test_read(void)
{
	char	 path[] = "/tmp/icsb-config-XXXXXX", *text = NULL;
	char	*cause = NULL;
	int	 fd;

	tap_is_int(config_read("/nonexistent/icsbrowse/config", &text,
	    &cause), 1, "no file: 1, nothing to read");
	tap_ok(text == NULL && cause == NULL, "  and no text, no error");
	tap_is_int(config_read("/", &text, &cause), -1,
	    "a directory cannot be read");
	tap_ok(cause != NULL && strncmp(cause, "/: ", 3) == 0,
	    "  and the error names it: %s", cause ? cause : "(none)");
	free(cause);
	cause = NULL;
	fd = mkstemp(path);
	tap_ok(fd >= 0 && write(fd, "bind x quit\n", 12) == 12,
	    "a config file written");
	close(fd);
	tap_is_int(config_read(path, &text, &cause), 0, "is read");
	tap_is_str(text, "bind x quit\n", "  whole");
	free(text);
	fd = open(path, O_WRONLY);
	tap_ok(fd >= 0 && write(fd, "a\0b", 3) == 3, "a NUL put in it");
	close(fd);
	tap_is_int(config_read(path, &text, &cause), -1, "is refused");
	free(cause);
	unlink(path);
	setenv("XDG_CONFIG_HOME", "/x/y", 1);
	text = config_default_path();
	tap_is_str(text, "/x/y/icsbrowse/config", "XDG_CONFIG_HOME");
	free(text);
	setenv("XDG_CONFIG_HOME", "relative", 1);
	setenv("HOME", "/home/u", 1);
	text = config_default_path();
	tap_is_str(text, "/home/u/.config/icsbrowse/config",
	    "a relative XDG_CONFIG_HOME is ignored: HOME's");
	free(text);
}

/* The words of line joined by '|', or "ERROR". */
static const char *
split(const char *line)
{
	static char	 buf[256];
	char		**argv;
	int		 argc, i;

	if ((argc = words_split(line, &argv)) < 0)
		return "ERROR";
	buf[0] = '\0';
	for (i = 0; i < argc; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s",
		    i > 0 ? "|" : "", argv[i]);
	words_free(argv, argc);
	return buf;
}

static void
test_words(void)
{
	tap_is_str(split(""), "", "no words");
	tap_is_str(split("   \t "), "", "spaces and tabs only: no words");
	tap_is_str(split("bind x quit"), "bind|x|quit", "three words");
	tap_is_str(split("  set\tmouse   off  "), "set|mouse|off",
	    "runs of spaces and tabs split once");
	tap_is_str(split("search \"care homes\" £5"), "search|care homes|£5",
	    "quotes keep a space in a word, UTF-8 as it is");
	tap_is_str(split("a\"b c\"d"), "ab cd", "quotes inside a word");
	tap_is_str(split("x \"\""), "x|", "an empty quoted word");
	tap_is_str(split("bind \"x"), "ERROR", "an unclosed quote");
}

int
main(void)
{
	test_words();
	test_errors();
	test_file();
	test_read();
	return tap_done();
}
