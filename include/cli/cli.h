/*
 * cli.h: the command line: options, subcommands, errors and exit status.
 *
 * cli.c holds the table of subcommands and is the only place that prints
 * an error or picks the exit status.  A subcommand returns a CLI_* status
 * and, on failure, a cause (a one-line message, allocated).
 */
#ifndef ICSB_CLI_H
#define ICSB_CLI_H

#include <stddef.h>

/* Exit statuses, as the man page documents them. */
#define CLI_OK		0	/* success */
#define CLI_FAIL	1	/* nothing found, or a failure */
#define CLI_USAGE	2	/* wrong usage */

struct db;

/* What every subcommand gets: the options common to all of them. */
struct cli {
	const char	*db_path;	/* the database to read */
	int		 utf8;		/* the user's locale is UTF-8 */
	int		 tty;		/* standard output is a terminal */
	const char	*builtin_db;	/* the built-in assessment's file */
	const char	*lib_dir;	/* the library's folder, or NULL */
	const char	*lib_cause;	/* why there is none */
};

/* Run the program; returns the exit status. */
int	 cli_main(int argc, char **argv);

/* Open the database c->db_path to read; returns NULL with *cause set. */
struct db *cli_open_db(const struct cli *c, char **cause);

/*
 * The name of the i-th command of --help (those hidden from it skipped),
 * or NULL past the last: the shell's completion offers these.
 */
const char *cli_command_name(size_t i);

/*
 * Print a warning on standard error: "icsbrowse: warning: FILE:LINE: what"
 * (FILE:LINE left out when file is NULL, LINE when it is 0).  Warnings
 * are not errors: the command goes on and its status is its own.
 */
void	 cli_warn(const char *file, unsigned long line, const char *fmt, ...)
	     __attribute__((format(printf, 3, 4)));

/* Columns of the terminal on standard output, or 0 if not a terminal. */
int	 cli_columns(void);

#endif
