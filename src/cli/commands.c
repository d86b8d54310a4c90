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
#include "cli/cmd_json.h"
#include "cli/commands.h"
#include "cli/format.h"
#include "cli/opts.h"
#include "cli/paths.h"
#include "core/csv_export.h"
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

int
cmd_no_args(int argc, char **argv, char **cause)
{
	if (optind < argc) {
		*cause = xasprintf("%s: unexpected argument '%s'", argv[0],
		    argv[optind]);
		return CLI_USAGE;
	}
	return CLI_OK;
}

int
cmd_options(int argc, char **argv, const char *usage, enum format *fmt,
    char **cause)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	while ((ch = opts_get(argc, argv, "+h", longopts)) != -1) {
		if (ch == 'h') {
			printf("Usage: icsbrowse %s %s%s\n", argv[0],
			    fmt != NULL ? "[--format tsv|json] " : "", usage);
			return -1;
		}
		if (ch == 'f' && fmt != NULL) {
			if (format_parse(argv[0], optarg, FORMAT_BIT(FORMAT_TSV) |
			    FORMAT_BIT(FORMAT_JSON), fmt, cause) != 0)
				return CLI_USAGE;
			continue;
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
	format_tsv_field(n->path, 0);
	format_tsv_field(n->kind, 0);
	format_tsv_field(n->title, 1);
	return 0;
}

int
cmd_tree(const struct cli *c, int argc, char **argv, char **cause)
{
	struct db	*db;
	enum format	 fmt = FORMAT_TSV;
	int		 rc;

	if ((rc = cmd_options(argc, argv, "", &fmt, cause)) != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if ((rc = cmd_no_args(argc, argv, cause)) !=
	    CLI_OK)
		return rc;
	if ((db = cli_open_db(c, cause)) == NULL)
		return CLI_FAIL;
	if (fmt == FORMAT_JSON)
		rc = cmd_json_tree(db, cause);
	else
		rc = model_walk(db, 0, cmd_tree_node, NULL, cause);
	rc = rc == 0 ? CLI_OK : CLI_FAIL;
	db_close(db, NULL);
	return rc;
}

/* Parse --width N and --side-by-side for show. */
static int
cmd_show_options(int argc, char **argv, int *width, int *sbs,
    enum format *fmt, char **cause)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "width", required_argument, NULL, 'w' },
		{ "side-by-side", no_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	char	*end;
	long	 w;
	int	 ch;

	while ((ch = opts_get(argc, argv, "+hsw:", longopts)) != -1) {
		switch (ch) {
		case 'h':
			printf("Usage: icsbrowse show [--width N] "
			    "[--format text|json] PATH...\n"
			    "       icsbrowse show --side-by-side [--width N] "
			    "PATH PATH\n");
			return -1;
		case 's':
			*sbs = 1;
			break;
		case 'f':
			if (format_parse("show", optarg, FORMAT_BIT(FORMAT_TEXT) |
			    FORMAT_BIT(FORMAT_JSON), fmt, cause) != 0)
				return CLI_USAGE;
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
cmd_show_sbs(struct paths *ps, char **paths, int width, char **cause)
{
	struct doc	*a, *b;
	struct db	*da, *db;
	int64_t		 ia, ib;
	int		 rc = CLI_FAIL;

	if (paths_resolve(ps, paths[0], &da, &ia, cause) != 0 ||
	    paths_resolve(ps, paths[1], &db, &ib, cause) != 0)
		return CLI_FAIL;
	a = doc_new(da);
	b = doc_new(db);
	if (doc_add_node(a, da, ia, cause) == 0 &&
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
	struct db	*db, *in;
	struct doc	*doc = NULL;
	struct paths	*ps;
	int64_t		 id;
	enum format	 fmt = FORMAT_TEXT;
	int		 i, rc, width = -1, sbs = 0;

	if ((rc = cmd_show_options(argc, argv, &width, &sbs, &fmt, cause)) !=
	    CLI_OK)
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
	if (fmt == FORMAT_JSON) {
		/* The data of the sections; side by side is a layout. */
		rc = cmd_json_show(db, argv + optind, argc - optind, cause) ==
		    0 ? CLI_OK : CLI_FAIL;
		db_close(db, NULL);
		return rc;
	}
	ps = paths_new(c, db);
	if (sbs) {
		/* Not a terminal: as wide as a terminal commonly is. */
		rc = cmd_show_sbs(ps, argv + optind, width > 0 ? width : 80,
		    cause);
		goto out;
	}
	doc = doc_new(paths_db(ps, argv[optind]));
	rc = CLI_FAIL;
	for (i = optind; i < argc; i++) {
		if (paths_resolve(ps, argv[i], &in, &id, cause) != 0 ||
		    doc_add_node(doc, in, id, cause) != 0)
			goto out;
	}
	if (fmt_plain(doc, stdout, width) == 0)
		rc = CLI_OK;
out:
	doc_free(doc);
	paths_free(ps);
	db_close(db, NULL);
	return rc;
}

static int
cmd_search_hit(const struct find_hit *h, void *arg)
{
	char	*snippet;

	(void)arg;
	format_tsv_field(h->path, 0);
	format_tsv_field(h->title, 0);
	snippet = format_snippet(h->snippet);
	format_tsv_field(snippet, 1);
	free(snippet);
	return 0;
}

/* Parse search's options: --help, --format tsv|json and --all. */
static int
cmd_search_options(int argc, char **argv, int *all, enum format *fmt,
    char **cause)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "format", required_argument, NULL, 'f' },
		{ "all", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	while ((ch = opts_get(argc, argv, "+h", longopts)) != -1) {
		if (ch == 'h') {
			printf("Usage: icsbrowse search [--format tsv|json] "
			    "[--all] QUERY...\n");
			return -1;
		}
		if (ch == 'a') {
			*all = 1;
			continue;
		}
		if (ch == 'f') {
			if (format_parse("search", optarg,
			    FORMAT_BIT(FORMAT_TSV) | FORMAT_BIT(FORMAT_JSON),
			    fmt, cause) != 0)
				return CLI_USAGE;
			continue;
		}
		*cause = xasprintf("search: unknown option '%s'",
		    argv[optind - 1]);
		return CLI_USAGE;
	}
	return CLI_OK;
}

int
cmd_search(const struct cli *c, int argc, char **argv, char **cause)
{
	struct strbuf	 q = STRBUF_INIT;
	struct db	*db;
	enum format	 fmt = FORMAT_TSV;
	int		 i, n, rc, words = 0, all = 0;

	if ((rc = cmd_search_options(argc, argv, &all, &fmt, cause)) !=
	    CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	for (i = optind; i < argc; i++)
		strbuf_addf(&q, "%s%s", words++ > 0 ? " " : "", argv[i]);
	if (words == 0) {
		*cause = xstrdup("search: no QUERY given");
		return CLI_USAGE;
	}
	if (all && fmt == FORMAT_JSON) {
		*cause = xstrdup("search --all: --format must be tsv");
		strbuf_free(&q);
		return CLI_USAGE;
	}
	if (all) {
		rc = cmd_search_all(c, strbuf_str(&q), cause);
		strbuf_free(&q);
		return rc;
	}
	if ((db = cli_open_db(c, cause)) == NULL) {
		strbuf_free(&q);
		return CLI_FAIL;
	}
	if (fmt == FORMAT_JSON) {
		if (cmd_json_search(db, strbuf_str(&q), &n, cause) != 0)
			n = -1;
	} else
		n = find_search(db, strbuf_str(&q), 0, 0, 0, cmd_search_hit,
		    NULL, cause);
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
	format_tsv_field(p->code, 0);
	format_tsv_field(p->kind, 0);
	format_tsv_field(p->name, 1);
	return 0;
}

int
cmd_places(const struct cli *c, int argc, char **argv, char **cause)
{
	struct db	*db;
	enum format	 fmt = FORMAT_TSV;
	int		 rc;

	if ((rc = cmd_options(argc, argv, "", &fmt, cause)) != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if ((rc = cmd_no_args(argc, argv, cause)) !=
	    CLI_OK)
		return rc;
	if ((db = cli_open_db(c, cause)) == NULL)
		return CLI_FAIL;
	if (fmt == FORMAT_JSON)
		rc = cmd_json_places(db, cause);
	else
		rc = places_list(db, cmd_places_one, NULL, cause);
	rc = rc == 0 ? CLI_OK : CLI_FAIL;
	db_close(db, NULL);
	return rc;
}

int
cmd_overwrite(const char *path, int force, char **cause)
{
	struct stat	 sb;

	if (force || stat(path, &sb) != 0 || S_ISDIR(sb.st_mode))
		return CLI_OK;
	*cause = xasprintf("%s: the file exists (--force writes over it)",
	    path);
	return CLI_FAIL;
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
