/*
 * cmd_print.c: `icsbrowse print`, sections as a printout.
 *
 * The sections in the order given (or read from standard input, a path a
 * line, for "-"), in one of the formats of render/output.h, written to a
 * file (all or nothing), sent to a printer, or to standard output.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/db.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_text.h"
#include "render/output.h"
#include "render/printer.h"

struct print_opts {
	enum out_format	 format;
	struct out_opts	 page;
	const char	*output;
	int		 force;
	int		 printer;	/* send to a printer */
	const char	*printer_name;	/* NULL: the default */
};

static const char print_usage[] = "print [--format text|markdown|html|pdf] "
    "[--page-size COLSxLINES] [--output FILE [--force] | --printer [NAME]] "
    "PATH...";

static int
print_page_size(const char *s, struct out_opts *o)
{
	char	*x;
	long	 c, l;

	c = strtol(s, &x, 10);
	if (x == s || *x != 'x')
		return -1;
	l = strtol(x + 1, &x, 10);
	if (*x != '\0' || c < FMT_TEXT_MIN_COLS || c > 1000 ||
	    l < FMT_TEXT_MIN_LINES || l > 10000)
		return -1;
	o->cols = (int)c;
	o->lines = (int)l;
	return 0;
}

/* Options may stand anywhere before "--" (opts_get()). */
static int
print_options(int argc, char **argv, struct print_opts *o, char **cause)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "format", required_argument, NULL, 'f' },
		{ "page-size", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "printer", optional_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	while ((ch = opts_get(argc, argv, "+hf:o:", longopts)) != -1) {
		switch (ch) {
		case 'h':
			printf("Usage: icsbrowse %s\n", print_usage);
			return -1;
		case 'f':
			if (out_format_parse(optarg, &o->format) != 0) {
				*cause = xasprintf("print: --format must be "
				    "text, markdown, html or pdf, not '%s'",
				    optarg);
				return CLI_USAGE;
			}
			break;
		case 's':
			if (print_page_size(optarg, &o->page) != 0) {
				*cause = xasprintf("print: --page-size '%s' "
				    "is not COLSxLINES (at least %dx%d)",
				    optarg, FMT_TEXT_MIN_COLS,
				    FMT_TEXT_MIN_LINES);
				return CLI_USAGE;
			}
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'F':
			o->force = 1;
			break;
		case 'p':
			o->printer = 1;
			o->printer_name = optarg;
			/*
			 * The word after it (opts_get() keeps it there) is
			 * the printer's name when a path follows it.
			 */
			if (optarg == NULL && optind < argc - 1 &&
			    argv[optind][0] != '-' && strcmp(argv[optind + 1],
			    "--") != 0)
				o->printer_name = argv[optind++];
			break;
		default:
			*cause = xasprintf("print: unknown option '%s'",
			    argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (o->output != NULL && o->printer) {
		*cause = xstrdup("print: --output and --printer are two "
		    "destinations: give one");
		return CLI_USAGE;
	}
	if (o->force && o->output == NULL) {
		*cause = xstrdup("print: --force is for --output");
		return CLI_USAGE;
	}
	return CLI_OK;
}

/* Add the section path names to doc; returns 0, or -1 with *cause. */
static int
print_add(struct doc *doc, struct db *db, const char *path, char **cause)
{
	int64_t	 id;

	if (model_resolve(db, path, &id, cause) != 0)
		return -1;
	return doc_add_node(doc, db, id, cause);
}

/* "-": the paths come from standard input, one a line. */
static int
print_stdin(struct doc *doc, struct db *db, char **cause)
{
	char	*line = NULL, *why;
	size_t	 cap = 0;
	ssize_t	 n;
	int	 rc = 0, count = 0, lineno = 0;

	while (rc == 0 && (n = getline(&line, &cap, stdin)) > 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0)
			continue;
		/* Where the path came from: FILE:LINE, as every error says. */
		if ((rc = print_add(doc, db, line, cause)) != 0) {
			why = *cause;
			*cause = xasprintf("standard input:%d: %s", lineno, why);
			free(why);
		}
		count++;
	}
	free(line);
	if (rc == 0 && count == 0) {
		*cause = xstrdup("print: no PATH on standard input");
		return -1;
	}
	return rc;
}

static int
print_send(const struct print_opts *o, const struct cli *c,
    struct strbuf *out, char **cause)
{
	if (o->output != NULL)
		return out_write_file(o->output, out->buf, out->len, o->force,
		    cause);
	if (o->printer)
		return printer_send(o->printer_name, out->buf, out->len,
		    cause);
	if (o->format == OUT_PDF && c->tty) {
		*cause = xstrdup("print: a PDF is not for the terminal: give "
		    "--output FILE or --printer, or redirect the output");
		return -1;
	}
	return fwrite(out->buf, 1, out->len, stdout) == out->len ? 0 : -1;
}

int
cmd_print(const struct cli *c, int argc, char **argv, char **cause)
{
	struct print_opts	 o;
	struct strbuf		 out = STRBUF_INIT;
	struct db		*db;
	struct doc		*doc;
	int			 i, rc;

	memset(&o, 0, sizeof o);
	o.format = OUT_TEXT;
	o.page.cols = FMT_TEXT_COLS;
	o.page.lines = FMT_TEXT_LINES;
	if ((rc = print_options(argc, argv, &o, cause)) != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if (optind >= argc) {
		*cause = xstrdup("print: no PATH given");
		return CLI_USAGE;
	}
	if ((db = cli_open_db(c, cause)) == NULL)
		return CLI_FAIL;
	doc = doc_new(db);
	rc = CLI_FAIL;
	for (i = optind; i < argc; i++)
		if ((strcmp(argv[i], "-") == 0 ? print_stdin(doc, db, cause) :
		    print_add(doc, db, argv[i], cause)) != 0)
			goto out;
	if (out_render(o.format, doc, &o.page, &out, cause) != 0 ||
	    print_send(&o, c, &out, cause) != 0)
		goto out;
	rc = CLI_OK;
out:
	strbuf_free(&out);
	doc_free(doc);
	db_close(db, NULL);
	return rc;
}
