/*
 * xmalloc.h: allocation that never returns NULL.
 *
 * Each function aborts the program with a message on stderr when memory
 * runs out, so that no caller has to handle (or forget to handle) NULL.
 * The memory is the caller's, to free with free().
 */
#ifndef ICSB_XMALLOC_H
#define ICSB_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
/*
 * p, an array of *cap items of size bytes, made room for at least want:
 * grown geometrically, so that adding items one at a time costs linear
 * time in all (a realloc that cannot grow in place, as under a sanitizer,
 * copies the whole array each time).  Updates *cap.
 */
void	*xgrowarray(void *p, size_t *cap, size_t want, size_t size);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/*
 * Call fn before the program ends for want of memory: the browser uses it
 * to restore the terminal, so that the message can be read.
 */
void	 xmalloc_on_fail(void (*fn)(void));
/* Format into a new string, as asprintf. */
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

#endif
