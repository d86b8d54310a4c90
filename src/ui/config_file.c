/*
 * config_file.c: key bindings and options from a file, read at start.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "ui/config_file.h"
#include "ui/keymap.h"
#include "ui/words.h"

/* The config file is text a person writes: far more is a mistake. */
#define CONFIG_MAX	(1 << 20)

static void
config_error(struct config_errors *e, int line, const char *what)
{
	e->v = xreallocarray(e->v, e->n + 1, sizeof *e->v);
	e->v[e->n++] = xasprintf("config:%d: %s", line, what);
}

/* One line's command, of argc words; 0, or -1 with *cause. */
static int
config_line(int argc, char **argv, config_set_cb set, void *arg,
    char **cause)
{
	const char	*cmd = argv[0];

	if (strcmp(cmd, "bind") == 0 && argc == 3)
		return keymap_bind(argv[1], argv[2], cause);
	if (strcmp(cmd, "unbind") == 0 && argc == 2)
		return keymap_unbind(argv[1], cause);
	if (strcmp(cmd, "set") == 0 && argc == 3)
		return set != NULL ? set(arg, argv[1], argv[2], cause) : 0;
	if (strcmp(cmd, "bind") == 0)
		*cause = xstrdup("bind wants a key and an action: bind KEY "
		    "ACTION");
	else if (strcmp(cmd, "unbind") == 0)
		*cause = xstrdup("unbind wants a key: unbind KEY");
	else if (strcmp(cmd, "set") == 0)
		*cause = xstrdup("set wants an option and a value: set OPTION "
		    "VALUE");
	else
		*cause = xasprintf("%s: not a config command (bind, unbind, "
		    "set)", cmd);
	return -1;
}

/* Cut a comment off: # outside double quotes to the end. */
static void
config_uncomment(char *s)
{
	int	 quoted = 0;

	for (; *s != '\0'; s++) {
		if (*s == '"')
			quoted = !quoted;
		else if (*s == '#' && !quoted) {
			*s = '\0';
			return;
		}
	}
}

void
config_apply(const char *text, config_set_cb set, void *arg,
    struct config_errors *errs)
{
	const char	*p = text, *nl;
	char		*line, **argv, *cause;
	int		 lineno = 0, argc;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		line = xstrndup(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		p = nl != NULL ? nl + 1 : p + strlen(p);
		lineno++;
		if (strlen(line) > 0 && line[strlen(line) - 1] == '\r')
			line[strlen(line) - 1] = '\0';
		config_uncomment(line);
		cause = NULL;
		if ((argc = words_split(line, &argv)) < 0)
			config_error(errs, lineno, "a quote is not closed");
		else if (argc > 0 && config_line(argc, argv, set, arg,
		    &cause) != 0)
			config_error(errs, lineno, cause != NULL ? cause :
			    "bad line");
		free(cause);
		words_free(argv, argc);
		free(line);
	}
}

void
config_errors_free(struct config_errors *e)
{
	size_t	 i;

	for (i = 0; i < e->n; i++)
		free(e->v[i]);
	free(e->v);
	e->v = NULL;
	e->n = 0;
}

char *
config_default_path(void)
{
	const char	*x = getenv("XDG_CONFIG_HOME"), *home;

	if (x != NULL && *x == '/')
		return xasprintf("%s/icsbrowse/config", x);
	if ((home = getenv("HOME")) == NULL || *home == '\0')
		return NULL;
	return xasprintf("%s/.config/icsbrowse/config", home);
}

int
config_read(const char *path, char **text, char **cause)
{
	struct strbuf	 sb = STRBUF_INIT;
	FILE		*f;
	char		 buf[4096];
	size_t		 n;
	int		 rc = -1;

	*text = NULL;
	if ((f = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return 1;
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		strbuf_add(&sb, buf, n);
		if (sb.len > CONFIG_MAX) {
			*cause = xasprintf("%s: longer than %d bytes", path,
			    CONFIG_MAX);
			goto out;
		}
	}
	if (ferror(f)) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		goto out;
	}
	if (sb.len > 0 && memchr(sb.buf, '\0', sb.len) != NULL) {
		*cause = xasprintf("%s: not a text file", path);
		goto out;
	}
	*text = sb.len > 0 ? strbuf_detach(&sb) : xstrdup("");
	rc = 0;
out:
	fclose(f);
	strbuf_free(&sb);
	return rc;
}
