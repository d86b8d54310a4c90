/*
 * words.c: a command line split into words.
 */
#include "config.h"

#include <stdlib.h>

#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "ui/words.h"

int
words_split(const char *line, char ***argv)
{
	struct strbuf	 w = STRBUF_INIT;
	const char	*p = line;
	int		 argc = 0, quoted;

	*argv = NULL;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		strbuf_reset(&w);
		quoted = 0;
		for (; *p != '\0' && (quoted || (*p != ' ' && *p != '\t')); p++)
			if (*p == '"')
				quoted = !quoted;
			else
				strbuf_addc(&w, *p);
		if (quoted) {
			strbuf_free(&w);
			words_free(*argv, argc);
			*argv = NULL;
			return -1;
		}
		*argv = xreallocarray(*argv, (size_t)argc + 1, sizeof **argv);
		(*argv)[argc++] = xstrdup(strbuf_str(&w));
	}
	strbuf_free(&w);
	return argc;
}

void
words_free(char **argv, int argc)
{
	int	 i;

	for (i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
}
