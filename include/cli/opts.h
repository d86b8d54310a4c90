/*
 * opts.h: the options of a subcommand, wherever they stand before "--".
 *
 * Every subcommand reads its options with opts_get() in place of
 * getopt_long(), so that "print overview/finance --format html" and
 * "print --format html overview/finance" mean the same: on the first call
 * (optind 0, as cli.c leaves it) the options are moved in front of the
 * operands, each with its value, keeping both in their order; then getopt
 * reads them in its "+" mode, and what follows them is operands only.
 */
#ifndef ICSB_OPTS_H
#define ICSB_OPTS_H

#include <getopt.h>

/*
 * getopt_long() over argv with the options first.  shortopts as for
 * getopt_long() (begin it with "+").  A long option with an optional
 * value keeps the word after it beside it, unless that word is an option:
 * the subcommand decides whether it is the value (print --printer NAME).
 * Everything after "--" stays an operand.
 */
int	 opts_get(int argc, char **argv, const char *shortopts,
	     const struct option *longopts);

#endif
