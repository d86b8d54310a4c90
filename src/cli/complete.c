/*
 * complete.c: `icsbrowse complete WORDS...`, the program's own answer to
 * the shell's completion (hidden from --help).
 *
 * The bash script (contrib/bash-completion/icsbrowse; zsh runs it through
 * bashcompinit) passes the words of the line up to the cursor, the last
 * one being the word to complete, possibly empty; this prints the
 * candidates, one a line.  A line "@files" or "@dirs" alone asks the
 * shell to complete file or folder names itself.  Knowing the commands,
 * their options and the database here keeps the script small and means
 * that it cannot drift from the program.
 *
 * What can be completed comes from the tables below: each subcommand's
 * options and what their values are, and what its arguments are.  Names
 * that come from a database (section paths, place codes) come from the
 * table of sources, one function a kind of name: a new kind of name (the
 * assessments of a library, say) is a new enum value, a function and a
 * row there.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "core/db.h"
#include "core/library.h"
#include "core/model.h"
#include "core/places.h"
#include "core/xmalloc.h"

/* What a value or an argument is, and so how to complete it. */
enum comp_what {
	COMP_NOTHING,	/* free text: nothing to offer */
	COMP_WORDS,	/* one of a fixed list */
	COMP_FILE,	/* a file name: the shell completes it */
	COMP_DIR,	/* a folder name: the shell completes it */
	COMP_PATH,	/* a section path of the database */
	COMP_PLACE,	/* a place code of the database */
	COMP_REPORT	/* an assessment of the library */
};

struct comp_opt {
	const char		*name;		/* "--format" */
	int			 takes;		/* takes a value */
	enum comp_what		 what;		/* what the value is */
	const char *const	*words;		/* for COMP_WORDS */
};

struct comp_cmd {
	const char		*name;
	const struct comp_opt	*opts;		/* ends with a NULL name */
	enum comp_what		 args;
};

static const char *const w_color[] = { "auto", "always", "never", NULL };
static const char *const w_tsv_json[] = { "tsv", "json", NULL };
static const char *const w_text_json[] = { "text", "json", NULL };
static const char *const w_compare[] = { "text", "tsv", "json", NULL };
static const char *const w_query[] = { "tsv", "csv", "json", NULL };
static const char *const w_print[] = { "text", "markdown", "html", "pdf",
	NULL };

#define OPT_HELP	{ "--help", 0, COMP_NOTHING, NULL }
#define OPT_END		{ NULL, 0, COMP_NOTHING, NULL }

static const struct comp_opt o_global[] = {
	{ "--db", 1, COMP_FILE, NULL },
	{ "--report", 1, COMP_REPORT, NULL },
	{ "--report", 1, COMP_NOTHING, NULL },
	{ "--color", 1, COMP_WORDS, w_color },
	{ "--colour", 1, COMP_WORDS, w_color },
	{ "--no-mouse", 0, COMP_NOTHING, NULL },
	{ "--no-state", 0, COMP_NOTHING, NULL },
	{ "--config", 1, COMP_FILE, NULL },
	{ "--no-config", 0, COMP_NOTHING, NULL },
	{ "--version", 0, COMP_NOTHING, NULL },
	OPT_HELP, OPT_END
};
static const struct comp_opt o_tsv_json[] = {
	{ "--format", 1, COMP_WORDS, w_tsv_json }, OPT_HELP, OPT_END
};
static const struct comp_opt o_show[] = {
	{ "--format", 1, COMP_WORDS, w_text_json },
	{ "--width", 1, COMP_NOTHING, NULL },
	{ "--side-by-side", 0, COMP_NOTHING, NULL },
	OPT_HELP, OPT_END
};
static const struct comp_opt o_compare[] = {
	{ "--format", 1, COMP_WORDS, w_compare },
	{ "--ascii", 0, COMP_NOTHING, NULL },
	{ "--reports", 0, COMP_NOTHING, NULL },
	OPT_HELP, OPT_END
};
static const struct comp_opt o_print[] = {
	{ "--format", 1, COMP_WORDS, w_print },
	{ "--page-size", 1, COMP_NOTHING, NULL },
	{ "--output", 1, COMP_FILE, NULL },
	{ "--force", 0, COMP_NOTHING, NULL },
	/* Its value is optional, so only --printer=NAME gives one. */
	{ "--printer", 0, COMP_NOTHING, NULL },
	OPT_HELP, OPT_END
};
static const char *const w_from[] = { "csv", "pdf", "text", NULL };
static const struct comp_opt o_import[] = {
	{ "--output", 1, COMP_FILE, NULL },
	{ "--force", 0, COMP_NOTHING, NULL },
	{ "--from", 1, COMP_WORDS, w_from },
	{ "--explain", 0, COMP_NOTHING, NULL },
	OPT_HELP, OPT_END
};
static const struct comp_opt o_export[] = {
	{ "--force", 0, COMP_NOTHING, NULL }, OPT_HELP, OPT_END
};
static const struct comp_opt o_help[] = { OPT_HELP, OPT_END };
static const struct comp_opt o_search[] = {
	{ "--format", 1, COMP_WORDS, w_tsv_json },
	{ "--all", 0, COMP_NOTHING, NULL }, OPT_HELP, OPT_END
};
static const struct comp_opt o_add[] = {
	{ "--name", 1, COMP_NOTHING, NULL },
	{ "--replace", 0, COMP_NOTHING, NULL }, OPT_HELP, OPT_END
};
static const struct comp_opt o_query[] = {
	{ "--format", 1, COMP_WORDS, w_query }, OPT_HELP, OPT_END
};

/*
 * What the subcommands take.  Their names come from cli.c's table; one
 * missing here is still offered, with no options (and the completion
 * test says which options are missing).
 */
static const struct comp_cmd comp_cmds[] = {
	{ "tree", o_tsv_json, COMP_NOTHING },
	{ "show", o_show, COMP_PATH },
	{ "search", o_search, COMP_NOTHING },
	{ "places", o_tsv_json, COMP_NOTHING },
	{ "compare", o_compare, COMP_PLACE },
	{ "print", o_print, COMP_PATH },
	{ "import", o_import, COMP_FILE },
	{ "export", o_export, COMP_DIR },
	{ "query", o_query, COMP_NOTHING },
	{ "add", o_add, COMP_FILE },
	{ "list", o_tsv_json, COMP_NOTHING },
	{ "remove", o_help, COMP_REPORT },
	{ "scores", o_tsv_json, COMP_REPORT },
};

/* Where a completion stands: the database, the word, what is wanted. */
struct comp {
	const struct cli *cli;		/* the library's folder */
	const char	*db_path;
	const char	*cur;		/* the word to complete (its value) */
	size_t		 curlen;
	unsigned	 shown;
};

/*
 * Names from a database may hold anything: offer none that the shell
 * would take for more than a word.
 */
static int
comp_safe(const char *s)
{
	static const char	 safe[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=";

	return strspn(s, safe) == strlen(s);
}

/* Offer s if it begins with the word. */
static void
comp_offer(struct comp *cp, const char *s)
{
	if (strncmp(s, cp->cur, cp->curlen) != 0 || !comp_safe(s))
		return;
	puts(s);
	cp->shown++;
}

/* Section paths: the next level of the tree under what is typed. */
static int
comp_path_next(const struct node *n, void *arg)
{
	struct comp	*cp = arg;

	if (strncmp(n->path, cp->cur, cp->curlen) == 0 &&
	    strchr(n->path + cp->curlen, '/') == NULL)
		comp_offer(cp, n->path);
	return 0;
}

/* A path one of whose endings (whole slugs) begins with what is typed. */
struct comp_suffix {
	struct comp	*cp;
	char		*found;		/* the one path, or NULL */
	int		 n;
};

static int
comp_path_suffix(const struct node *n, void *arg)
{
	struct comp_suffix	*cs = arg;
	const char		*p;

	for (p = strchr(n->path, '/'); p != NULL; p = strchr(p + 1, '/')) {
		if (strncmp(p + 1, cs->cp->cur, cs->cp->curlen) == 0) {
			if (cs->n++ == 0)
				cs->found = xstrdup(n->path);
			break;
		}
	}
	return 0;
}

/*
 * Paths as the commands take them: whole, one level at a time; or, where
 * none begins with the word, the one path that ends with it (the CLI
 * takes a unique ending; several would leave the shell nothing to put).
 */
static int
comp_paths(struct db *db, struct comp *cp, char **cause)
{
	struct comp_suffix	 cs = { cp, NULL, 0 };

	if (model_walk(db, 0, comp_path_next, cp, cause) != 0)
		return -1;
	if (cp->shown > 0 || cp->curlen == 0)
		return 0;
	if (model_walk(db, 0, comp_path_suffix, &cs, cause) != 0) {
		free(cs.found);
		return -1;
	}
	if (cs.n == 1 && comp_safe(cs.found))
		puts(cs.found);
	free(cs.found);
	return 0;
}

static int
comp_place(const struct place *p, void *arg)
{
	comp_offer(arg, p->code);
	return 0;
}

static int
comp_places(struct db *db, struct comp *cp, char **cause)
{
	return places_list(db, comp_place, cp, cause);
}

/* The sources of names from the database, one a kind of name. */
static const struct comp_source {
	enum comp_what	 what;
	int		(*names)(struct db *, struct comp *, char **);
} comp_sources[] = {
	{ COMP_PATH, comp_paths },
	{ COMP_PLACE, comp_places },
};

/* The names of the library's assessments. */
static void
comp_reports(struct comp *cp)
{
	struct library_entry	*e;
	char			*cause = NULL;
	size_t			 i, n;

	if (library_members(cp->cli->lib_dir, cp->cli->builtin_db, &e, &n,
	    &cause) != 0) {
		free(cause);
		return;
	}
	for (i = 0; i < n; i++)
		comp_offer(cp, e[i].name);
	library_entries_free(e, n);
}

/* Names of kind what from the database; one that cannot open gives none. */
static void
comp_names(struct comp *cp, enum comp_what what)
{
	struct db	*db;
	char		*cause = NULL;
	size_t		 i;

	if (what == COMP_REPORT) {
		comp_reports(cp);
		return;
	}

	for (i = 0; i < sizeof comp_sources / sizeof comp_sources[0]; i++) {
		if (comp_sources[i].what != what)
			continue;
		if ((db = db_open(cp->db_path, DB_READONLY, &cause)) == NULL)
			break;
		comp_sources[i].names(db, cp, &cause);
		db_close(db, NULL);
		break;
	}
	free(cause);
}

/* Offer what a value or an argument of this kind can be. */
static void
comp_value(struct comp *cp, enum comp_what what, const char *const *words)
{
	switch (what) {
	case COMP_NOTHING:
		break;
	case COMP_WORDS:
		for (; *words != NULL; words++)
			comp_offer(cp, *words);
		break;
	case COMP_FILE:
		puts("@files");
		break;
	case COMP_DIR:
		puts("@dirs");
		break;
	default:
		comp_names(cp, what);
	}
}

static const struct comp_opt *
comp_opt_find(const struct comp_opt *opts, const char *word, size_t len)
{
	for (; opts->name != NULL; opts++)
		if (strlen(opts->name) == len &&
		    strncmp(opts->name, word, len) == 0)
			return opts;
	return NULL;
}

/* A command of cli.c's that the table above does not know yet. */
static const struct comp_cmd comp_cmd_other = { NULL, o_help, COMP_NOTHING };

static const struct comp_cmd *
comp_cmd_find(const char *name)
{
	const char	*n;
	size_t		 i;

	for (i = 0; i < sizeof comp_cmds / sizeof comp_cmds[0]; i++)
		if (strcmp(comp_cmds[i].name, name) == 0)
			return &comp_cmds[i];
	for (i = 0; (n = cli_command_name(i)) != NULL; i++)
		if (strcmp(n, name) == 0)
			return &comp_cmd_other;
	return NULL;
}

/* Where the words before the last leave the line. */
struct comp_state {
	const struct comp_cmd	*cmd;		/* NULL before the command */
	const struct comp_opt	*opts;		/* the options in force */
	const struct comp_opt	*pending;	/* waits for its value */
	int			 dashdash;	/* after "--": arguments */
	const char		*db;		/* --db on the line, or NULL */
	const char		*report;	/* --report on the line, or NULL */
};

/* Note a global option's value that says which database is in use. */
static void
comp_global(struct comp_state *st, const char *name, const char *value)
{
	if (st->cmd != NULL)
		return;
	if (strcmp(name, "--db") == 0)
		st->db = value;
	else if (strcmp(name, "--report") == 0)
		st->report = value;
}

static void
comp_word(struct comp_state *st, const char *w)
{
	const struct comp_opt	*o;
	const char		*eq;

	if (st->pending != NULL) {
		comp_global(st, st->pending->name, w);
		st->pending = NULL;
	} else if (!st->dashdash && strcmp(w, "--") == 0) {
		st->dashdash = 1;
	} else if (!st->dashdash && w[0] == '-' && w[1] != '\0') {
		eq = strchr(w, '=');
		o = comp_opt_find(st->opts, w, eq != NULL ? (size_t)(eq - w) :
		    strlen(w));
		if (o != NULL && o->takes && eq == NULL)
			st->pending = o;
		else if (o != NULL && eq != NULL)
			comp_global(st, o->name, eq + 1);
	} else if (st->cmd == NULL) {
		/* An unknown command leaves nothing to offer (opts NULL). */
		st->cmd = comp_cmd_find(w);
		st->opts = st->cmd != NULL ? st->cmd->opts : NULL;
		st->dashdash = 0;
	}
}

/* Complete cur, the last word, where st stands. */
static void
comp_last(struct comp *cp, const struct comp_state *st, const char *cur)
{
	const struct comp_opt	*o;
	const char		*eq, *name;
	size_t			 i;

	cp->cur = cur;
	cp->curlen = strlen(cur);
	if (st->pending != NULL) {
		comp_value(cp, st->pending->what, st->pending->words);
	} else if (!st->dashdash && cur[0] == '-') {
		if ((eq = strchr(cur, '=')) != NULL) {
			o = comp_opt_find(st->opts, cur, (size_t)(eq - cur));
			cp->cur = eq + 1;
			cp->curlen = strlen(cp->cur);
			if (o != NULL && o->takes)
				comp_value(cp, o->what, o->words);
			return;
		}
		for (o = st->opts; o->name != NULL; o++)
			comp_offer(cp, o->name);
	} else if (st->cmd == NULL) {
		for (i = 0; (name = cli_command_name(i)) != NULL; i++)
			comp_offer(cp, name);
	} else
		comp_value(cp, st->cmd->args, NULL);
}

int
cmd_complete(const struct cli *c, int argc, char **argv, char **cause)
{
	struct comp_state	 st = { NULL, o_global, NULL, 0, NULL, NULL };
	struct comp		 cp = { c, c->db_path, "", 0, 0 };
	const char		*home;
	char			*db = NULL, *why = NULL;
	int			 i = 1;

	(void)cause;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	for (; i < argc - 1 && st.opts != NULL; i++)
		comp_word(&st, argv[i]);
	if (st.opts == NULL)
		return CLI_OK;
	/* The shell has not expanded a ~ it is still completing. */
	if (st.db != NULL && strncmp(st.db, "~/", 2) == 0 &&
	    (home = getenv("HOME")) != NULL)
		cp.db_path = db = xasprintf("%s%s", home, st.db + 1);
	else if (st.db != NULL)
		cp.db_path = st.db;
	else if (st.report != NULL && (db = library_path(c->lib_dir,
	    c->builtin_db, st.report, &why)) != NULL)
		cp.db_path = db;
	free(why);
	comp_last(&cp, &st, i < argc ? argv[i] : "");
	free(db);
	return CLI_OK;
}
