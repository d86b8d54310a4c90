/*
 * opts.c: the options of a subcommand, wherever they stand before "--".
 *
 * glibc's getopt can move options itself, but not an option's optional
 * value (print --printer NAME), and each subcommand would have to ask for
 * it; one pass here, before the subcommand's own getopt loop, does it the
 * same way for all of them.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"
#include "core/xmalloc.h"

enum opts_take { TAKE_NONE, TAKE_NEXT, TAKE_MAYBE };

/* What the long option arg ("--name" or "--name=value") takes after it. */
static enum opts_take
opts_long(const char *arg, const struct option *longopts)
{
	const struct option	*o, *prefix = NULL;
	size_t			 len;

	arg += 2;
	if (strchr(arg, '=') != NULL)
		return TAKE_NONE;
	len = strlen(arg);
	for (o = longopts; o->name != NULL; o++) {
		if (strcmp(o->name, arg) == 0)
			break;
		/* getopt takes an unambiguous abbreviation too. */
		if (prefix == NULL && strncmp(o->name, arg, len) == 0)
			prefix = o;
	}
	if (o->name == NULL)
		o = prefix;
	if (o == NULL)
		return TAKE_NONE;
	if (o->has_arg == required_argument)
		return TAKE_NEXT;
	return o->has_arg == optional_argument ? TAKE_MAYBE : TAKE_NONE;
}

/* What a group of short options ("-w" or "-ha" or "-w80") takes after it. */
static enum opts_take
opts_short(const char *arg, const char *shortopts)
{
	const char	*s;

	for (arg++; *arg != '\0'; arg++) {
		if (*arg == ':' || *arg == '+' ||
		    (s = strchr(shortopts, *arg)) == NULL || s[1] != ':')
			continue;
		/* The value is the rest of the word, or the next word. */
		return arg[1] == '\0' && s[2] != ':' ? TAKE_NEXT : TAKE_NONE;
	}
	return TAKE_NONE;
}

/* Move the options of argv[1..argc) in front of the operands. */
static void
opts_permute(int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	char		**ops;
	enum opts_take	  take;
	int		  i, k = 1, n = 0, dashes;

	ops = xcalloc((size_t)argc + 1, sizeof *ops);
	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (argv[i][0] != '-' || argv[i][1] == '\0') {
			ops[n++] = argv[i];
			continue;
		}
		take = argv[i][1] == '-' ? opts_long(argv[i], longopts) :
		    opts_short(argv[i], shortopts);
		argv[k++] = argv[i];
		if (i + 1 < argc && (take == TAKE_NEXT ||
		    (take == TAKE_MAYBE && argv[i + 1][0] != '-')))
			argv[k++] = argv[++i];
	}
	/* "--" stays in front of every operand, so getopt stops there. */
	dashes = i < argc;
	if (dashes)
		argv[k++] = argv[i++];
	/* What is after "--" is where it was: k + n == i. */
	memcpy(argv + k, ops, (size_t)n * sizeof *argv);
	free(ops);
}

int
opts_get(int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	if (optind == 0)
		opts_permute(argc, argv, shortopts, longopts);
	return getopt_long(argc, argv, shortopts, longopts, NULL);
}
