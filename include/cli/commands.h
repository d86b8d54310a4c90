/*
 * commands.h: the subcommands of the command line.
 *
 * Each takes its arguments as getopt sees them (argv[0] is the name of the
 * subcommand), writes its output to standard output, and returns a CLI_*
 * status; on failure it sets *cause to a one-line message for cli.c to
 * print.  None of them prints an error itself.
 */
#ifndef ICSB_COMMANDS_H
#define ICSB_COMMANDS_H

#include "cli/format.h"

struct cli;

int	 cmd_tree(const struct cli *, int, char **, char **cause);
int	 cmd_show(const struct cli *, int, char **, char **cause);
int	 cmd_search(const struct cli *, int, char **, char **cause);
int	 cmd_places(const struct cli *, int, char **, char **cause);
int	 cmd_compare(const struct cli *, int, char **, char **cause);
int	 cmd_print(const struct cli *, int, char **, char **cause);
int	 cmd_import(const struct cli *, int, char **, char **cause);
int	 cmd_scores(const struct cli *, int, char **, char **cause);
int	 cmd_export(const struct cli *, int, char **, char **cause);
int	 cmd_query(const struct cli *, int, char **, char **cause);
/*
 * Parse the options every subcommand has: --help (the usage printed, -1
 * returned), and --format tsv|json into *fmt where fmt is not NULL.
 * CLI_OK, or CLI_USAGE with *cause.
 */
int	 cmd_options(int argc, char **argv, const char *usage,
	     enum format *fmt, char **cause);
/* Refuse operands (after the options): CLI_OK, or CLI_USAGE with *cause. */
int	 cmd_no_args(int argc, char **argv, char **cause);

/*
 * An existing file at path is written over only with force (the rule of
 * print, import and export): CLI_OK, or CLI_FAIL with *cause.  A folder
 * is the writer's to refuse, with its own message.
 */
int	 cmd_overwrite(const char *path, int force, char **cause);

/* The shell's completion: complete.c; not in --help. */
int	 cmd_complete(const struct cli *, int, char **, char **cause);

/* The library of assessments (cmd_library.c). */
int	 cmd_add(const struct cli *, int, char **, char **cause);
int	 cmd_list(const struct cli *, int, char **, char **cause);
int	 cmd_remove(const struct cli *, int, char **, char **cause);
/* scores NAME...: the n assessments names[] side by side. */
int	 cmd_scores_side(const struct cli *, char **names, int n,
	     char **cause);
/* search --all: the words of the query, joined. */
int	 cmd_search_all(const struct cli *, const char *query, char **cause);
/* compare --reports NAME NAME [STATEMENT]: argv holds the operands. */
int	 cmd_compare_reports(const struct cli *, int argc, char **argv,
	     enum format fmt, int ascii, char **cause);

#endif
