/*
 * report_text.c: a report's text as report lines (see report_text.h).
 *
 * Encoding problems are refused, not guessed at: a file that is not UTF-8
 * is named as such, with the line of its first bad byte.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/report.h"
#include "core/report_text.h"
#include "core/utf8.h"
#include "core/xmalloc.h"

/* Refuse what cannot be a report's text: NUL and control bytes, UTF-16. */
static int
text_check_bytes(const char *name, const char *buf, size_t len, char **cause)
{
	unsigned long	 line = 1;
	size_t		 i;

	if (len >= 2 && (((unsigned char)buf[0] == 0xff &&
	    (unsigned char)buf[1] == 0xfe) || ((unsigned char)buf[0] == 0xfe &&
	    (unsigned char)buf[1] == 0xff))) {
		*cause = xasprintf("%s: UTF-16 text: save the report as UTF-8 "
		    "and read it again", name);
		return -1;
	}
	for (i = 0; i < len; i++) {
		unsigned char	 c;

		/* Printable ASCII, most of it, eight bytes at a time. */
		if ((i += utf8_ascii_prefix(buf + i, len - i)) == len)
			break;
		c = (unsigned char)buf[i];
		if (c == '\n')
			line++;
		else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f') {
			*cause = xasprintf("%s:%lu: a binary file, not a "
			    "report's text (byte 0x%02x)", name, line, c);
			return -1;
		}
	}
	return 0;
}

static int
text_check_utf8(const char *name, const char *buf, size_t len, char **cause)
{
	unsigned long	 line = 1;
	size_t		 bad, i;

	if (utf8_validate(buf, len, &bad) == 0)
		return 0;
	for (i = 0; i < bad; i++)
		if (buf[i] == '\n')
			line++;
	*cause = xasprintf("%s:%lu: not UTF-8 (byte 0x%02x): the text is in "
	    "another encoding; convert it to UTF-8 first", name, line,
	    (unsigned char)buf[bad]);
	return -1;
}

/* Strip a leading bullet: "- ", "* ", "• ", "● ", "▪ ", "◦ ", "– ". */
static size_t
text_bullet(const char *s, size_t len)
{
	static const char *const bullets[] = { "- ", "* ", "\xe2\x80\xa2 ",
	    "\xe2\x97\x8f ", "\xe2\x96\xaa ", "\xe2\x97\xa6 ",
	    "\xe2\x80\x93 ", "\xef\x82\xb7 ", NULL };
	size_t	 i, n;

	/* The first byte first: most lines open with none of them. */
	for (i = 0; bullets[i] != NULL; i++) {
		n = strlen(bullets[i]);
		if (len >= n && s[0] == bullets[i][0] &&
		    memcmp(s, bullets[i], n) == 0) {
			while (n < len && (s[n] == ' ' || s[n] == '\t'))
				n++;
			return n;
		}
	}
	return 0;
}

/* Whether s[0..n) is only spaces, tabs and the like. */
static int
text_blank(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strchr(" \t\r\f", s[i]) == NULL)
			return 0;
	return 1;
}

/* One line: its layout taken off, its text kept; returns it. */
static struct report_line *
text_line(struct report *r, const char *file, unsigned long no,
    const char *s, size_t len, int gap)
{
	struct report_line	*l;
	size_t			 b;
	int			 indent = 0;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		indent += *s == '\t' ? 8 - indent % 8 : 1;
		s++;
		len--;
	}
	b = text_bullet(s, len);
	l = report_add_line(r, file, no, xstrndup(s + b, len - b), len - b);
	l->indent = indent;
	l->gap = gap;
	l->bullet = b > 0;
	l->level = b == 0 ? 0 : indent > 0 ? 2 : 1;
	l->width = utf8_width(l->text, l->len);
	return l;
}

int
report_text_add(struct report *r, const char *name, const char *buf,
    size_t len, char **cause)
{
	const char	*file, *p, *end, *nl;
	unsigned long	 no = 0;
	size_t		 n, skip;
	int		 gap = 0, any = 0, page = 1;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if (text_check_bytes(name, buf, len, cause) != 0 ||
	    text_check_utf8(name, buf, len, cause) != 0)
		return -1;
	file = report_add_file(r, name);
	for (p = buf, end = buf + len; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		no++;
		for (n = (size_t)(nl - p); n > 0 && strchr(" \t\r\f",
		    p[n - 1]) != NULL; n--)
			;
		/* A form feed starts a page (pdftotext puts it first). */
		if (memchr(p, '\f', (size_t)(nl - p)) != NULL)
			page++;
		if (text_blank(p, n)) {
			gap++;
			continue;
		}
		for (skip = 0; skip < n && p[skip] == '\f'; skip++)
			;
		text_line(r, file, no, p + skip, n - skip, gap)->page = page;
		gap = 0;
		any = 1;
	}
	if (!any) {
		*cause = xasprintf("%s: empty: no text in the file", name);
		return -1;
	}
	return 0;
}

int
report_text_slurp(const char *path, size_t max, char **buf, size_t *len,
    char **cause)
{
	struct stat	 sb;
	ssize_t		 n;
	int		 fd;

	*buf = NULL;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		*cause = xasprintf("%s: not a regular file", path);
		goto fail;
	}
	if ((unsigned long long)sb.st_size > max) {
		*cause = xasprintf("%s: larger than the limit of %zu MB for a "
		    "report", path, max / (1024 * 1024));
		goto fail;
	}
	*buf = xmalloc((size_t)sb.st_size + 1);
	*len = 0;
	while (*len < (size_t)sb.st_size &&
	    (n = read(fd, *buf + *len, (size_t)sb.st_size - *len)) > 0)
		*len += (size_t)n;
	if (*len < (size_t)sb.st_size) {
		*cause = xasprintf("%s: %s", path, n < 0 ? strerror(errno) :
		    "changed while being read");
		goto fail;
	}
	(*buf)[*len] = '\0';
	close(fd);
	return 0;
fail:
	free(*buf);
	*buf = NULL;
	close(fd);
	return -1;
}

int
report_text_load(struct report *r, const char *path, char **cause)
{
	char	*buf;
	size_t	 len;
	int	 rc;

	if (report_text_slurp(path, REPORT_MAX_BYTES, &buf, &len, cause) != 0)
		return -1;
	rc = report_text_add(r, path, buf, len, cause);
	free(buf);
	return rc;
}
