/*
 * words.h: a command line split into words.
 *
 * Words are split at spaces and tabs; "double quotes" keep spaces in one
 * word (the quotes go).  Pure: the `:` line and the config file share it.
 */
#ifndef ICSB_WORDS_H
#define ICSB_WORDS_H

/*
 * Split line into words (caller frees them with words_free()); returns
 * how many, or -1 (and no words) if a quote is not closed.
 */
int	 words_split(const char *line, char ***argv);
/* Free argc words and the array; words_free(NULL, 0) does nothing. */
void	 words_free(char **argv, int argc);

#endif
