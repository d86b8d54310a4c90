/*
 * import_file.h: the temporary files of an import beside its output.
 *
 * An import writes OUT.tmp-XXXXXX files beside OUT and renames the
 * database over OUT only when it is complete (import_sink.c), so that a
 * failure or a kill leaves OUT as it was.  A killed import leaves its
 * files: the next import into the directory that finds no other at work
 * there removes them.
 */
#ifndef ICSB_IMPORT_FILE_H
#define ICSB_IMPORT_FILE_H

/*
 * Imports into one directory share a lock on it: each holds it shared
 * while it works, and one that can hold it alone knows that every
 * temporary file of out there is an orphan of a killed import, and
 * removes them.  Returns the locked directory's descriptor (to close when
 * done: that drops the lock), or -1 where the directory cannot be opened
 * (import_file_tmp() will then say why).
 */
int	 import_file_lock(const char *out);

/*
 * Make a new, empty temporary file beside out; its name in *tmp (the
 * caller frees it and removes the file).  Returns its descriptor, or -1
 * with *cause.
 */
int	 import_file_tmp(const char *out, char **tmp, char **cause);

/* A message *cause about the file tmp names out instead. */
void	 import_file_cause(char **cause, const char *tmp, const char *out);

/*
 * Start writing to disk what is written to fd so far, without waiting,
 * so that the flush of import_file_commit() has less left to wait for
 * (Linux's sync_file_range(); elsewhere it does nothing).  Best effort:
 * a failure to write is import_file_commit()'s to find.
 */
void	 import_file_start_writeback(int fd);

/*
 * Give tmp (open as fd) the mode of a new file, flush it to disk and
 * rename it over out.  Returns 0, or -1 with *cause.
 */
int	 import_file_commit(int fd, const char *tmp, const char *out,
	     char **cause);

#endif
