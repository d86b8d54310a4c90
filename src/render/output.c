/*
 * output.c: printouts: the formats, and writing a file safely.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/model.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_html.h"
#include "render/fmt_markdown.h"
#include "render/fmt_pdf.h"
#include "render/fmt_text.h"
#include "render/output.h"

static const char *const out_names[OUT_COUNT] = {
	"text", "markdown", "html", "pdf"
};
static const char *const out_exts[OUT_COUNT] = { "txt", "md", "html", "pdf" };

int
out_format_parse(const char *name, enum out_format *f)
{
	int	 i;

	for (i = 0; i < OUT_COUNT; i++)
		if (strcmp(name, out_names[i]) == 0) {
			*f = (enum out_format)i;
			return 0;
		}
	return -1;
}

const char *
out_format_name(enum out_format f)
{
	return out_names[f];
}

const char *
out_format_ext(enum out_format f)
{
	return out_exts[f];
}

int
out_render(enum out_format f, const struct doc *doc,
    const struct out_opts *o, struct strbuf *out, char **cause)
{
	switch (f) {
	case OUT_TEXT:
		fmt_text(doc, o->cols, o->lines, out);
		return 0;
	case OUT_MARKDOWN:
		fmt_markdown(doc, out);
		return 0;
	case OUT_HTML:
		fmt_html(doc, out);
		return 0;
	case OUT_PDF:
		return fmt_pdf(doc, out, cause) < 0 ? -1 : 0;
	default:
		*cause = xstrdup("unknown format");
		return -1;
	}
}

char *
out_filename(const char *path, enum out_format f)
{
	const char	*p = path + strlen(path);
	char		*s, *name;
	int		 slashes = 0;

	/* The last two slugs: learning-culture is in two parts. */
	while (p > path && (p[-1] != '/' || ++slashes < 2))
		p--;
	s = slug_make(p);

	name = xasprintf("%s.%s", *s != '\0' ? s : "icsbrowse", out_exts[f]);
	free(s);
	return name;
}

static int
out_fail(const char *path, const char *what, char **cause)
{
	*cause = xasprintf("%s: %s: %s", path, what, strerror(errno));
	return -1;
}

/* Write all of buf to fd, as write(2) may stop short. */
static int
out_write_all(int fd, const char *buf, size_t len)
{
	ssize_t	 n;

	while (len > 0) {
		if ((n = write(fd, buf, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int
out_write_file(const char *path, const void *buf, size_t len, int force,
    char **cause)
{
	struct stat	 sb;
	char		*tmp;
	mode_t		 mask;
	int		 fd, rc = -1;

	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			*cause = xasprintf("%s: is a directory", path);
			return -1;
		}
		if (!force) {
			*cause = xasprintf("%s: the file exists (--force "
			    "writes over it)", path);
			return -1;
		}
	}
	tmp = xasprintf("%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1) {
		out_fail(path, "cannot write", cause);
		free(tmp);
		return -1;
	}
	mask = umask(0);
	umask(mask);
	if (out_write_all(fd, buf, len) != 0 || fchmod(fd, 0666 & ~mask) != 0 ||
	    fsync(fd) != 0) {
		out_fail(path, "cannot write", cause);
		close(fd);
		goto out;
	}
	if (close(fd) != 0) {
		out_fail(path, "cannot write", cause);
		goto out;
	}
	/* Without force, link() makes the file only if none is there yet. */
	if (force ? rename(tmp, path) != 0 : link(tmp, path) != 0) {
		if (errno == EEXIST)
			*cause = xasprintf("%s: the file exists (--force "
			    "writes over it)", path);
		else
			out_fail(path, "cannot write", cause);
		goto out;
	}
	rc = 0;
out:
	if (rc != 0 || !force)
		unlink(tmp);
	free(tmp);
	return rc;
}
