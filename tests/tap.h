/*
 * tap.h: the Test Anything Protocol for the C tests, header only.
 *
 * Each check prints "ok N - name" or "not ok N - name" with what was got
 * and wanted; tap_done() prints the plan and returns the exit status.
 * Run under automake's tap-driver.sh, every check is one result.
 */
#ifndef ICSB_TAP_H
#define ICSB_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

static inline int __attribute__((format(printf, 2, 3)))
tap_ok(int cond, const char *fmt, ...)
{
	va_list	 ap;

	printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond)
		tap_failed++;
	fflush(stdout);
	return cond;
}

static inline int
tap_is_str(const char *got, const char *want, const char *name)
{
	int	 same;

	same = got != NULL && want != NULL ? strcmp(got, want) == 0 :
	    got == want;
	if (!tap_ok(same, "%s", name))
		printf("#      got: '%s'\n# expected: '%s'\n",
		    got ? got : "(null)", want ? want : "(null)");
	return same;
}

static inline int
tap_is_int(long long got, long long want, const char *name)
{
	if (!tap_ok(got == want, "%s", name)) {
		printf("#      got: %lld\n# expected: %lld\n", got, want);
		return 0;
	}
	return 1;
}

static inline void
tap_diag(const char *msg)
{
	printf("# %s\n", msg);
}

/* The whole of the file at path, NUL-ended, to free; NULL if unread. */
static inline char *
tap_slurp(const char *path)
{
	char	*buf = NULL, *grown;
	size_t	 len = 0, cap = 0, n;
	FILE	*f;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	do {
		if (cap - len < 4096) {
			cap = cap * 2 + 8192;
			if ((grown = realloc(buf, cap)) == NULL) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = grown;
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	buf[len] = '\0';
	if (ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static inline int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
