/*
 * strbuf.h: a growable byte string, always NUL-terminated.
 *
 * Initialise with STRBUF_INIT or strbuf_init(); the buffer owns its memory
 * until strbuf_detach() hands it to the caller or strbuf_free() releases
 * it.  A strbuf may hold NUL bytes; len says how many bytes it holds.
 */
#ifndef ICSB_STRBUF_H
#define ICSB_STRBUF_H

#include <stddef.h>

struct strbuf {
	char	*buf;	/* NULL until something is added */
	size_t	 len;
	size_t	 cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void	 strbuf_init(struct strbuf *);
void	 strbuf_free(struct strbuf *);
void	 strbuf_reset(struct strbuf *);
void	 strbuf_add(struct strbuf *, const void *, size_t);
void	 strbuf_adds(struct strbuf *, const char *);
void	 strbuf_addc(struct strbuf *, char);
void	 strbuf_addf(struct strbuf *, const char *, ...)
	     __attribute__((format(printf, 2, 3)));
/* The contents as a C string: "" when empty, valid until the next change. */
const char *strbuf_str(const struct strbuf *);
/* Hand the contents (never NULL) to the caller, who frees them. */
char	*strbuf_detach(struct strbuf *);

#endif
