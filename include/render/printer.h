/*
 * printer.h: sending a printout to a printer, or to any command.
 *
 * The command is started with posix_spawnp() and an argument vector,
 * never through a shell, so a printer name or a command's words are
 * passed as they are, whatever characters they hold.  The printout goes
 * to its standard input; its exit status and what it says (on standard
 * output or error, which never reach the terminal) come back as the
 * cause of a failure.
 */
#ifndef ICSB_PRINTER_H
#define ICSB_PRINTER_H

#include <stddef.h>

/*
 * Print buf[0..len) on the printer called name, or on the default printer
 * if name is NULL: with lp -d NAME, or lpr -P NAME where only lpr is on
 * PATH.  Returns 0, or -1 with *cause set.
 */
int	 printer_send(const char *name, const void *buf, size_t len,
	     char **cause);

/* Whether printer_send() has a command to run: lp or lpr on PATH. */
int	 printer_available(void);

/* Run argv[0] (looked up on PATH) with buf on its standard input. */
int	 printer_pipe(char *const argv[], const void *buf, size_t len,
	     char **cause);

/*
 * The printers CUPS knows (lpstat -a), and the default (lpstat -d), as
 * new strings.  Returns the number found (0 if lpstat is not there).
 */
size_t	 printer_list(char ***names, char **dflt);

#endif
