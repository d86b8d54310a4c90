/*
 * command.h: the commands of the `:` line and the config file.
 *
 * A line is a command and its words: every action by its name, and
 * open, search, mark, unmark, print, compare, side-by-side, report,
 * compare-reports, set, bind, unbind, help, quit.  Completion offers what
 * a word could be: commands and actions first, then section paths, place
 * codes, assessments' names or action names as the command takes them.  Words are split by words.c.
 */
#ifndef ICSB_COMMAND_H
#define ICSB_COMMAND_H

#include <stddef.h>

struct ui;

/* Candidates for completing a word, each a copy (owned by the list). */
struct command_cands {
	char	**v;
	size_t	 n;
	size_t	 common;	/* the length all of them share */
	/* Paths (command_paths.c): where the next are read; NULL: all in. */
	char	*from, *upto, *word;
	size_t	 wlen;
};

/*
 * What the word that starts at byte at of line (the last, as typed so
 * far) could be: into c, sorted, each once.
 */
void	 command_complete(struct ui *, const char *line, size_t at,
	     struct command_cands *c);
void	 command_cands_free(struct command_cands *);
/* Paths that start with word, the first of them; the next ones. */
void	 command_paths(struct ui *, const char *word,
	     struct command_cands *);
void	 command_cands_more(struct ui *, struct command_cands *);

/* set OPTION VALUE: 0, or -1 with *cause ("set: what"). */
int	 command_set(struct ui *, const char *option, const char *value,
	     char **cause);

#endif
