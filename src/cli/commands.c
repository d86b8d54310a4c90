/*
 * commands.c: the subcommands of the command line.
 *
 * Each reads the database through the core modules (the same functions
 * the browser uses) and writes plain text: tab-separated lines for
 * scripts, or wrapped text for people.  Text from the data is cleaned
 * (utf8_clean) before it is written, so a tab, a newline or an escape
 * sequence in the data can never break a line or reach the terminal.
 */
#include "config.h"

#include <sys/stat.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/csv_export.h"
#include "core/csv_import.h"
#include "core/db.h"
#include "core/find.h"
#include "core/model.h"
#include "core/places.h"
#include "core/strbuf.h"
#include "core/tables.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_plain.h"

/* Write s cleaned, for one field of a tab-separated line. */
static void
cmd_field(const char *s, int last)
{
	char	*clean;

	clean = utf8_clean(s, strlen(s), 0);
	fputs(clean, stdout);
	putchar(last ? '\n' : '\t');
	free(clean);
}

/* Refuse arguments (after the options) that a subcommand does not take. */
static int
cmd_no_args(int argc, char **argv, char **cause)
{
	if (optind < argc) {
		*cause = xasprintf("%s: unexpected argument '%s'", argv[0],
		    argv[optind]);
		return CLI_USAGE;
	}
	return CLI_OK;
}

/* Parse the options every subcommand has: none but --help. */
static int
cmd_options(int argc, char **argv, const char *usage, char **cause)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	while ((ch = opts_get(argc, argv, "+h", longopts)) != -1) {
		if (ch == 'h') {
			printf("Usage: icsbrowse %s %s\n", argv[0], usage);
			return -1;
		}
		*cause = xasprintf("%s: unknown option '%s'", argv[0],
		    argv[optind - 1]);
		return CLI_USAGE;
	}
	return CLI_OK;
}

static int
cmd_tree_node(const struct node *n, void *arg)
{
	(void)arg;
	cmd_field(n->path, 0);
	cmd_field(n->kind, 0);
	cmd_field(n->title, 1);
	return 0;
}

int
cmd_tree(const struct cli *c, int argc, char **argv, char **cause)
{
	struct db	*db;
	int		 rc;

	if ((rc = cmd_options(argc, argv, "", cause)) != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if ((rc = cmd_no_args(argc, argv, cause)) !=
	    CLI_OK)
		return rc;
	if ((db = cli_open_db(c, cause)) == NULL)
		return CLI_FAIL;
	rc = model_walk(db, 0, cmd_tree_node, NULL, cause) == 0 ? CLI_OK :
	    CLI_FAIL;
	db_close(db, NULL);
	return rc;
}

/* Parse --width N and --side-by-side for show. */
static int
cmd_show_options(int argc, char **argv, int *width, int *sbs, char **cause)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "width", required_argument, NULL, 'w' },
		{ "side-by-side", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	char	*end;
	long	 w;
	int	 ch;

	while ((ch = opts_get(argc, argv, "+hsw:", longopts)) != -1) {
		switch (ch) {
		case 'h':
			printf("Usage: icsbrowse show [--width N] PATH...\n"
			    "       icsbrowse show --side-by-side [--width N] "
			    "PATH PATH\n");
			return -1;
		case 's':
			*sbs = 1;
			break;
		case 'w':
			w = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || w < 0 ||
			    w > 10000) {
				*cause = xasprintf("show: --width '%s' is not "
				    "a number of columns from 0 to 10000",
				    optarg);
				return CLI_USAGE;
			}
			*width = (int)w;
			break;
		default:
			*cause = xasprintf("show: unknown option '%s'",
			    argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	return CLI_OK;
}

/* Two sections side by side, in columns of the width given or found. */
static int
cmd_show_sbs(struct db *db, char **paths, int width, char **cause)
{
	struct doc	*a, *b;
	int64_t		 ia, ib;
	int		 rc = CLI_FAIL;

	if (model_resolve(db, paths[0], &ia, cause) != 0 ||
	    model_resolve(db, paths[1], &ib, cause) != 0)
		return CLI_FAIL;
	a = doc_new(db);
	b = doc_new(db);
	if (doc_add_node(a, db, ia, cause) == 0 &&
	    doc_add_node(b, db, ib, cause) == 0 &&
	    fmt_plain_side_by_side(a, b, stdout, width) == 0)
		rc = CLI_OK;
	doc_free(a);
	doc_free(b);
	return rc;
}

int
cmd_show(const struct cli *c, int argc, char **argv, char **cause)
{
	struct db	*db;
	struct doc	*doc = NULL;
	int64_t		 id;
	int		 i, rc, width = -1, sbs = 0;

	if ((rc = cmd_show_options(argc, argv, &width, &sbs, cause)) != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if (optind >= argc || (sbs && argc - optind != 2)) {
		*cause = xstrdup(sbs ? "show --side-by-side: give two PATHs" :
		    "show: no PATH given");
		return CLI_USAGE;
	}
	if (width < 0)
		width = cli_columns();
	if ((db = cli_open_db(c, cause)) == NULL)
		return CLI_FAIL;
	if (sbs) {
		/* Not a terminal: as wide as a terminal commonly is. */
		rc = cmd_show_sbs(db, argv + optind, width > 0 ? width : 80,
		    cause);
		db_close(db, NULL);
		return rc;
	}
	doc = doc_new(db);
	rc = CLI_FAIL;
	for (i = optind; i < argc; i++) {
		if (model_resolve(db, argv[i], &id, cause) != 0 ||
		    doc_add_node(doc, db, id, cause) != 0)
			goto out;
	}
	if (fmt_plain(doc, stdout, width) == 0)
		rc = CLI_OK;
out:
	doc_free(doc);
	db_close(db, NULL);
	return rc;
}

/* Replace the match marks of a snippet with brackets, lines with spaces. */
static char *
cmd_snippet(const char *s)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*clean;
	size_t		 on = strlen(FIND_MARK_ON), off = strlen(FIND_MARK_OFF);

	for (; *s != '\0'; s++) {
		if (strncmp(s, FIND_MARK_ON, on) == 0) {
			strbuf_addc(&sb, '[');
			s += on - 1;
		} else if (strncmp(s, FIND_MARK_OFF, off) == 0) {
			strbuf_addc(&sb, ']');
			s += off - 1;
		} else
			strbuf_addc(&sb, *s == '\n' ? ' ' : *s);
	}
	clean = utf8_clean(sb.buf != NULL ? sb.buf : "", sb.len, 0);
	strbuf_free(&sb);
	return clean;
}

static int
cmd_search_hit(const struct find_hit *h, void *arg)
{
	char	*snippet;

	(void)arg;
	cmd_field(h->path, 0);
	cmd_field(h->title, 0);
	snippet = cmd_snippet(h->snippet);
	fputs(snippet, stdout);
	putchar('\n');
	free(snippet);
	return 0;
}

int
cmd_search(const struct cli *c, int argc, char **argv, char **cause)
{
	struct strbuf	 q = STRBUF_INIT;
	struct db	*db;
	int		 i, n, rc;

	if ((rc = cmd_options(argc, argv, "QUERY...", cause)) != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if (optind >= argc) {
		*cause = xstrdup("search: no QUERY given");
		return CLI_USAGE;
	}
	for (i = optind; i < argc; i++)
		strbuf_addf(&q, "%s%s", i > optind ? " " : "", argv[i]);
	if ((db = cli_open_db(c, cause)) == NULL) {
		strbuf_free(&q);
		return CLI_FAIL;
	}
	n = find_search(db, strbuf_str(&q), 0, 0, 0, cmd_search_hit, NULL,
	    cause);
	if (n == 0)
		*cause = xasprintf("search: no match for '%s'", strbuf_str(&q));
	strbuf_free(&q);
	db_close(db, NULL);
	return n > 0 ? CLI_OK : CLI_FAIL;
}

static int
cmd_places_one(const struct place *p, void *arg)
{
	(void)arg;
	cmd_field(p->code, 0);
	cmd_field(p->kind, 0);
	cmd_field(p->name, 1);
	return 0;
}

int
cmd_places(const struct cli *c, int argc, char **argv, char **cause)
{
	struct db	*db;
	int		 rc;

	if ((rc = cmd_options(argc, argv, "", cause)) != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if ((rc = cmd_no_args(argc, argv, cause)) !=
	    CLI_OK)
		return rc;
	if ((db = cli_open_db(c, cause)) == NULL)
		return CLI_FAIL;
	rc = places_list(db, cmd_places_one, NULL, cause) == 0 ? CLI_OK :
	    CLI_FAIL;
	db_close(db, NULL);
	return rc;
}

/*
 * An existing file is written over only with --force, as print does:
 * returns CLI_OK, or CLI_FAIL with *cause.  A directory is the writer's
 * to refuse, with its own message.
 */
static int
cmd_overwrite(const char *path, int force, char **cause)
{
	struct stat	 sb;

	if (force || stat(path, &sb) != 0 || S_ISDIR(sb.st_mode))
		return CLI_OK;
	*cause = xasprintf("%s: the file exists (--force writes over it)",
	    path);
	return CLI_FAIL;
}

int
cmd_import(const struct cli *c, int argc, char **argv, char **cause)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*out = NULL;
	int		 ch, force = 0;

	(void)c;
	while ((ch = opts_get(argc, argv, "+ho:", longopts)) != -1) {
		switch (ch) {
		case 'h':
			printf("Usage: icsbrowse import CSVDIR --output "
			    "DBFILE [--force]\n");
			return CLI_OK;
		case 'o':
			out = optarg;
			break;
		case 'F':
			force = 1;
			break;
		default:
			*cause = xasprintf("import: unknown option '%s'",
			    argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (optind + 1 != argc || out == NULL) {
		*cause = xstrdup(optind >= argc ? "import: no CSVDIR given" :
		    optind + 1 < argc ? "import: more than one CSVDIR given" :
		    "import: no --output DBFILE given");
		return CLI_USAGE;
	}
	if (cmd_overwrite(out, force, cause) != CLI_OK)
		return CLI_FAIL;
	return csv_import(argv[optind], out, cause) == 0 ? CLI_OK : CLI_FAIL;
}

/* Parse export's options: --help and --force. */
static int
cmd_export_options(int argc, char **argv, int *force, char **cause)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "force", no_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	while ((ch = opts_get(argc, argv, "+h", longopts)) != -1) {
		if (ch == 'h') {
			printf("Usage: icsbrowse export CSVDIR [--force]\n");
			return -1;
		}
		if (ch == 'F') {
			*force = 1;
			continue;
		}
		*cause = xasprintf("export: unknown option '%s'",
		    argv[optind - 1]);
		return CLI_USAGE;
	}
	return CLI_OK;
}

/* The files export would write over, refused without --force. */
static int
cmd_export_target(const char *dir, int force, char **cause)
{
	char	*path;
	size_t	 i;
	int	 rc = CLI_OK;

	for (i = 0; i < ntables && rc == CLI_OK; i++) {
		path = xasprintf("%s/%s.csv", dir, tables[i].name);
		rc = cmd_overwrite(path, force, cause);
		free(path);
	}
	return rc;
}

int
cmd_export(const struct cli *c, int argc, char **argv, char **cause)
{
	struct db	*db;
	int		 rc, force = 0;

	if ((rc = cmd_export_options(argc, argv, &force, cause)) != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if (optind + 1 != argc) {
		*cause = xstrdup(optind >= argc ? "export: no CSVDIR given" :
		    "export: more than one CSVDIR given");
		return CLI_USAGE;
	}
	if (cmd_export_target(argv[optind], force, cause) != CLI_OK)
		return CLI_FAIL;
	if ((db = cli_open_db(c, cause)) == NULL)
		return CLI_FAIL;
	rc = csv_export(db, argv[optind], cause) == 0 ? CLI_OK : CLI_FAIL;
	db_close(db, NULL);
	return rc;
}
