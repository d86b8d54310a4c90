/*
 * cmd_import.c: `icsbrowse import`: a dataset's CSV folder, or a CQC
 * assessment report as published (a PDF, or its text), into a database.
 *
 * The kind of input is found from its content (a folder: CSV; "%PDF-":
 * a PDF; else text) unless --from says.  Several report files are the
 * pages of one report, in order.  Warnings (what a report lacks, scores
 * that disagree) go to standard error through cli_warn(); --explain lists
 * on standard output every line dropped as page furniture or not placed.
 */
#include "config.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/csv_import.h"
#include "core/report.h"
#include "core/report_pdf.h"
#include "core/report_text.h"
#include "core/utf8.h"
#include "core/xmalloc.h"

enum input { IN_GUESS, IN_CSV, IN_PDF, IN_TEXT };

struct import_opts {
	const char	*out;
	enum input	 from;
	int		 explain;
	int		 force;		/* write over an existing DBFILE */
};

static enum input
import_kind(const char *path)
{
	struct stat	 sb;
	char		 magic[5];
	int		 fd;
	ssize_t		 n;

	size_t		 len = strlen(path);

	/* A missing name is a folder unless it ends as a report's would. */
	if (stat(path, &sb) != 0)
		return len > 4 && (strcmp(path + len - 4, ".txt") == 0 ||
		    strcmp(path + len - 4, ".pdf") == 0) ? IN_TEXT : IN_CSV;
	if (S_ISDIR(sb.st_mode))
		return IN_CSV;
	if (!S_ISREG(sb.st_mode) ||
	    (fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1)
		return IN_TEXT;	/* the reader says what is wrong */
	n = read(fd, magic, sizeof magic);
	close(fd);
	return n == 5 && memcmp(magic, "%PDF-", 5) == 0 ? IN_PDF : IN_TEXT;
}

static void
import_note(const struct report_note *n, const char *tag)
{
	char	*clean;

	clean = utf8_clean(n->what, strlen(n->what), 0);
	if (n->file != NULL && n->line != 0)
		printf("%s:%lu: %s%s\n", n->file, n->line, tag, clean);
	else
		printf("%s%s\n", tag, clean);
	free(clean);
}

static void
import_report_notes(const struct report *r, int explain)
{
	size_t	 i;

	for (i = 0; i < r->nwarnings; i++)
		cli_warn(r->warnings[i].file, r->warnings[i].line, "%s",
		    r->warnings[i].what);
	if (!explain)
		return;
	for (i = 0; i < r->ndropped; i++)
		import_note(&r->dropped[i], "");
}

static int
import_report(char **in, int n, const struct import_opts *o, char **cause)
{
	struct report	*r = report_new();
	int		 i, rc = CLI_FAIL;

	for (i = 0; i < n; i++) {
		enum input	 k = o->from != IN_GUESS ? o->from :
		    import_kind(in[i]);

		if (k == IN_CSV) {
			*cause = xasprintf("%s: a folder: a CSV dataset is "
			    "imported alone, not as a page of a report", in[i]);
			goto out;
		}
		if ((k == IN_PDF ? report_pdf_load(r, in[i], cause) :
		    report_text_load(r, in[i], cause)) != 0)
			goto out;
	}
	if (report_parse(r, cause) != 0)
		goto out;
	import_report_notes(r, o->explain);
	if (report_import(r, o->out, cause) != 0)
		goto out;
	rc = CLI_OK;
out:
	report_free(r);
	return rc;
}

static int
import_from(const char *s, enum input *from)
{
	if (strcmp(s, "csv") == 0)
		*from = IN_CSV;
	else if (strcmp(s, "pdf") == 0)
		*from = IN_PDF;
	else if (strcmp(s, "text") == 0)
		*from = IN_TEXT;
	else
		return -1;
	return 0;
}

static int
import_options(int argc, char **argv, struct import_opts *o, char **cause)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "output", required_argument, NULL, 'o' },
		{ "from", required_argument, NULL, 'f' },
		{ "explain", no_argument, NULL, 'e' },
		{ "force", no_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	while ((ch = opts_get(argc, argv, "+ho:", longopts)) != -1) {
		switch (ch) {
		case 'h':
			printf("Usage: icsbrowse import [--from csv|pdf|text] "
			    "[--explain] INPUT... --output DBFILE [--force]\n");
			return -1;
		case 'F':
			o->force = 1;
			break;
		case 'o':
			o->out = optarg;
			break;
		case 'f':
			if (import_from(optarg, &o->from) == 0)
				break;
			*cause = xasprintf("import: --from must be csv, pdf or "
			    "text, not '%s'", optarg);
			return CLI_USAGE;
		case 'e':
			o->explain = 1;
			break;
		default:
			*cause = xasprintf("import: unknown option '%s'",
			    argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	return CLI_OK;
}

int
cmd_import(const struct cli *c, int argc, char **argv, char **cause)
{
	struct import_opts	 o = { NULL, IN_GUESS, 0, 0 };
	int			 rc;

	(void)c;
	if ((rc = import_options(argc, argv, &o, cause)) != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if (optind >= argc || o.out == NULL) {
		*cause = xstrdup(optind >= argc ? "import: no INPUT given" :
		    "import: no --output DBFILE given");
		return CLI_USAGE;
	}
	if (cmd_overwrite(o.out, o.force, cause) != CLI_OK)
		return CLI_FAIL;
	if (o.from == IN_CSV || (o.from == IN_GUESS &&
	    import_kind(argv[optind]) == IN_CSV)) {
		if (optind + 1 < argc) {
			*cause = xstrdup("import: more than one CSVDIR given");
			return CLI_USAGE;
		}
		return csv_import(argv[optind], o.out, cause) == 0 ? CLI_OK :
		    CLI_FAIL;
	}
	return import_report(argv + optind, argc - optind, &o, cause);
}
