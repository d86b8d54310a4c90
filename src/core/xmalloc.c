/*
 * xmalloc.c: allocation that never returns NULL.
 *
 * Out of memory is not something icsbrowse can recover from in a useful
 * way, so every allocation goes through here and failure ends the program
 * with a message, before a NULL can be dereferenced.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xmalloc.h"

static void (*xmalloc_hook)(void);

void
xmalloc_on_fail(void (*fn)(void))
{
	xmalloc_hook = fn;
}

static void __attribute__((noreturn))
xmalloc_fail(size_t n)
{
	if (xmalloc_hook != NULL)
		xmalloc_hook();
	fprintf(stderr, "icsbrowse: out of memory (allocating %zu bytes)\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void	*p;

	if (n == 0)
		n = 1;
	if ((p = malloc(n)) == NULL)
		xmalloc_fail(n);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void	*p;

	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	if ((p = calloc(nmemb, size)) == NULL)
		xmalloc_fail(nmemb * size);
	return p;
}

void *
xgrowarray(void *p, size_t *cap, size_t want, size_t size)
{
	size_t	 n;

	if (want <= *cap)
		return p;
	n = *cap < 8 ? 8 : *cap;
	while (n < want)
		n = n > SIZE_MAX / 2 ? want : n * 2;
	p = xreallocarray(p, n, size);
	*cap = n;
	return p;
}

void *
xreallocarray(void *old, size_t nmemb, size_t size)
{
	void	*p;

	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	if (size != 0 && nmemb > SIZE_MAX / size)
		xmalloc_fail(SIZE_MAX);
	if ((p = realloc(old, nmemb * size)) == NULL)
		xmalloc_fail(nmemb * size);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;
	size_t	 len;

	len = strnlen(s, n);
	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list	 aq;
	char	*p;
	int	 n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0) {
		fprintf(stderr, "icsbrowse: bad format: %s\n", strerror(errno));
		abort();
	}
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}
