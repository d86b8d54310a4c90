/*
 * cmd_library.c: the library of assessments on the command line: add,
 * list, remove, scores side by side, search --all and compare --reports.
 * The library itself is core (library.h, library_scores.h); this file
 * parses options and writes tab-separated lines, cleaned.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/format.h"
#include "cli/opts.h"
#include "core/json_out.h"
#include "core/library.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"

/* The library's folder, or CLI_FAIL with *cause. */
static int
lib_dir(const struct cli *c, char **cause)
{
	if (c->lib_dir != NULL)
		return CLI_OK;
	*cause = xstrdup(c->lib_cause);
	return CLI_FAIL;
}

/* Parse add's options. */
static int
add_options(int argc, char **argv, const char **name, int *replace,
    char **cause)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "name", required_argument, NULL, 'n' },
		{ "replace", no_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	while ((ch = opts_get(argc, argv, "+h", longopts)) != -1) {
		switch (ch) {
		case 'h':
			printf("Usage: icsbrowse add [--name NAME] [--replace] "
			    "INPUT...\n");
			return -1;
		case 'n':
			*name = optarg;
			break;
		case 'R':
			*replace = 1;
			break;
		default:
			*cause = xasprintf("add: unknown option '%s'",
			    argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	return CLI_OK;
}

int
cmd_add(const struct cli *c, int argc, char **argv, char **cause)
{
	enum library_added	 how;
	const char		*name = NULL;
	char			*added;
	int			 rc, replace = 0;

	if ((rc = add_options(argc, argv, &name, &replace, cause)) != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if (optind >= argc) {
		*cause = xstrdup("add: no INPUT given");
		return CLI_USAGE;
	}
	if (lib_dir(c, cause) != CLI_OK)
		return CLI_FAIL;
	if (library_add(c->lib_dir, c->builtin_db, argv + optind,
	    argc - optind, name, replace, &added, &how, cause) != 0)
		return CLI_FAIL;
	format_tsv_field(added, how == LIBRARY_NEW);
	if (how != LIBRARY_NEW)
		format_tsv_field(how == LIBRARY_SAME ? "already in the library, "
		    "unchanged" : "replaced", 1);
	free(added);
	return CLI_OK;
}

/* Add "NAME: why" for a damaged member to the causes in sb. */
static void
lib_damaged(struct strbuf *sb, const struct library_entry *e)
{
	strbuf_addf(sb, "%s%s: %s", sb->len > 0 ? "; " : "", e->name,
	    e->cause);
}

/* The members, or CLI_FAIL; the built-in one alone without a folder. */
static int
lib_entries(const struct cli *c, struct library_entry **e, size_t *n,
    char **cause)
{
	const char	*dir = c->lib_dir != NULL ? c->lib_dir : "/nonexistent";

	return library_list(dir, c->builtin_db, e, n, cause) == 0 ? CLI_OK :
	    CLI_FAIL;
}

/* The sound members as a JSON array of objects; 0, or -1 with *cause. */
static int
list_json(const struct library_entry *e, size_t n, char **cause)
{
	struct json_out	*j;
	size_t		 i;
	int		 rc;

	if ((j = json_out_new(cause)) == NULL)
		return -1;
	json_out_array_begin(j);
	for (i = 0; i < n; i++) {
		if (e[i].cause != NULL)
			continue;
		json_out_object_begin(j);
		json_out_kstr(j, "name", e[i].name);
		json_out_kstr(j, "framework", e[i].framework);
		json_out_kstr(j, "title", e[i].title);
		json_out_kstr(j, "published", e[i].published);
		json_out_kstr(j, "rating", *e[i].rating != '\0' ?
		    e[i].rating : NULL);
		json_out_object_end(j);
	}
	json_out_array_end(j);
	rc = json_out_flush(j, stdout, cause);
	json_out_free(j);
	return rc;
}

static void
list_tsv(const struct library_entry *e, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (e[i].cause != NULL)
			continue;
		format_tsv_field(e[i].name, 0);
		format_tsv_field(e[i].framework, 0);
		format_tsv_field(e[i].title, 0);
		format_tsv_field(e[i].published, 0);
		format_tsv_field(e[i].rating, 1);
	}
}

int
cmd_list(const struct cli *c, int argc, char **argv, char **cause)
{
	struct library_entry	*e;
	struct strbuf		 bad = STRBUF_INIT;
	enum format		 fmt = FORMAT_TSV;
	size_t			 i, n;
	int			 rc = CLI_OK;

	if ((rc = cmd_options(argc, argv, "", &fmt, cause)) != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if ((rc = cmd_no_args(argc, argv, cause)) != CLI_OK)
		return rc;
	if (lib_entries(c, &e, &n, cause) != CLI_OK)
		return CLI_FAIL;
	if (fmt == FORMAT_JSON)
		rc = list_json(e, n, cause) == 0 ? CLI_OK : CLI_FAIL;
	else
		list_tsv(e, n);
	for (i = 0; i < n; i++)
		if (e[i].cause != NULL)
			lib_damaged(&bad, &e[i]);
	library_entries_free(e, n);
	if (rc != CLI_OK || bad.len == 0) {
		strbuf_free(&bad);
		return rc;
	}
	*cause = strbuf_detach(&bad);
	return CLI_FAIL;
}

int
cmd_remove(const struct cli *c, int argc, char **argv, char **cause)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	while ((ch = opts_get(argc, argv, "+h", longopts)) != -1) {
		if (ch == 'h') {
			printf("Usage: icsbrowse remove NAME\n");
			return CLI_OK;
		}
		*cause = xasprintf("remove: unknown option '%s'",
		    argv[optind - 1]);
		return CLI_USAGE;
	}
	if (argc - optind != 1) {
		*cause = xstrdup(optind >= argc ? "remove: no NAME given" :
		    "remove: give one NAME");
		return CLI_USAGE;
	}
	if (lib_dir(c, cause) != CLI_OK)
		return CLI_FAIL;
	return library_remove(c->lib_dir, argv[optind], cause) == 0 ?
	    CLI_OK : CLI_FAIL;
}
