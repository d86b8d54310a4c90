/*
 * output.h: printouts: the formats, and writing a file safely.
 *
 * One function renders a document in any format into memory; another
 * writes bytes to a file all at once or not at all: into a temporary
 * file beside the target, renamed over it only when complete, never over
 * an existing file unless forced.
 */
#ifndef ICSB_OUTPUT_H
#define ICSB_OUTPUT_H

#include <stddef.h>

struct doc;
struct strbuf;

enum out_format { OUT_TEXT, OUT_MARKDOWN, OUT_HTML, OUT_PDF, OUT_COUNT };

struct out_opts {
	int	 cols, lines;	/* text: the page size */
};

/* The format called name (text, markdown, html, pdf); 0, or -1. */
int		 out_format_parse(const char *name, enum out_format *);
const char	*out_format_name(enum out_format);
/* The file name extension, without the dot: txt, md, html, pdf. */
const char	*out_format_ext(enum out_format);

/* Render doc into out; returns 0, or -1 with *cause set. */
int		 out_render(enum out_format, const struct doc *,
		     const struct out_opts *, struct strbuf *out,
		     char **cause);

/*
 * Write buf[0..len) to the file path, all or nothing.  An existing file
 * is refused unless force.  Returns 0, or -1 with *cause set; on failure
 * no file, whole or partial, is left behind.
 */
int		 out_write_file(const char *path, const void *buf, size_t len,
		     int force, char **cause);

/*
 * A file name for a printout of the section at path (or of a slug): its
 * last two slugs and the extension, so that the two Learning culture
 * sections differ: children-and-young-people-learning-culture.pdf,
 * quality-and-safety-learning-culture.pdf.  The caller frees it.
 */
char		*out_filename(const char *path, enum out_format);

#endif
