/*
 * config_file.h: key bindings and options from a file, read at start.
 *
 * $XDG_CONFIG_HOME/icsbrowse/config (~/.config/icsbrowse/config): one
 * command a line, bind KEY ACTION, unbind KEY or set OPTION VALUE; # to
 * the end of a line is a comment.  A bad line is an error of its own
 * ("config:LINE: what is wrong") and every other line still applies.
 */
#ifndef ICSB_CONFIG_FILE_H
#define ICSB_CONFIG_FILE_H

#include <stddef.h>

/* set OPTION VALUE, for the browser to apply: 0, or -1 with *cause. */
typedef int (*config_set_cb)(void *, const char *option, const char *value,
    char **cause);

struct config_errors {
	char	**v;		/* "config:LINE: what", each allocated */
	size_t	 n;
};

/*
 * Apply text, a config file's contents: bind and unbind to the bindings
 * in force (keymap.h), set through set (may be NULL: then checked only
 * for its words).  Each bad line adds one error to errs.
 */
void	 config_apply(const char *text, config_set_cb set, void *arg,
	     struct config_errors *errs);
void	 config_errors_free(struct config_errors *);

/* The config file's default path (caller frees), or NULL if no home. */
char	*config_default_path(void);
/*
 * Read path whole into *text (caller frees).  Returns 0; 1 if there is
 * no such file (*text NULL); -1 with *cause if it cannot be read.
 */
int	 config_read(const char *path, char **text, char **cause);

#endif
