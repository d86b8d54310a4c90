/*
 * cli.c: the command line: options, subcommands, errors and exit status.
 *
 * The table of subcommands below is the whole command-line interface; the
 * help text is made from it.  This is the only file that prints an error
 * or chooses an exit status: subcommands return a status and a cause.
 */
#include "config.h"

#include <sys/ioctl.h>

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <libgen.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "core/db.h"
#include "core/library.h"
#include "core/utf8.h"
#include "ui/ui.h"
#include "core/xmalloc.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/icsbrowse"
#endif
#define DB_NAME "dorset.db"

struct command {
	const char	*name;
	int		(*run)(const struct cli *, int, char **, char **);
	const char	*args;
	const char	*summary;
};

static const struct command commands[] = {
	{ "tree", cmd_tree, "",
	  "the outline: PATH<TAB>KIND<TAB>TITLE per line" },
	{ "show", cmd_show, "[--width N] PATH...",
	  "the sections, with what is under them, as plain text" },
	{ "show", cmd_show, "--side-by-side PATH PATH",
	  "two sections side by side" },
	{ "search", cmd_search, "QUERY...",
	  "PATH<TAB>TITLE<TAB>SNIPPET per match, best first" },
	{ "places", cmd_places, "",
	  "CODE<TAB>KIND<TAB>NAME per place" },
	{ "compare", cmd_compare, "[--format tsv] PLACE PLACE",
	  "two places' figures side by side" },
	{ "print", cmd_print, "[OPTIONS] PATH...|-",
	  "sections as text, Markdown, HTML or PDF, to a file or printer" },
	{ "import", cmd_import, "CSVDIR --output DBFILE",
	  "build a database from a dataset's CSV files" },
	{ "import", cmd_import, "REPORT... --output DBFILE",
	  "build one from a CQC report: a PDF, or its text (--force: over one)" },
	{ "scores", cmd_scores, "",
	  "KIND<TAB>PATH<TAB>TITLE<TAB>SCORE<TAB>OUT_OF<TAB>WORDING" },
	{ "scores", cmd_scores, "NAME...",
	  "the library's assessments' scores side by side" },
	{ "export", cmd_export, "[--force] CSVDIR",
	  "write the database as CSV files into CSVDIR" },
	{ "query", cmd_query, "[--format F] SQL",
	  "one read-only SQL statement, as TSV, CSV or JSON" },
	/* Hidden: the shell's completion asks it (complete.c). */
	{ "complete", cmd_complete, NULL, NULL },
	{ "add", cmd_add, "[--name NAME] INPUT...",
	  "add a report, database or dataset to the library (--replace)" },
	{ "list", cmd_list, "[--format tsv|json]",
	  "NAME<TAB>FRAMEWORK<TAB>TITLE<TAB>PUBLISHED<TAB>RATING" },
	{ "remove", cmd_remove, "NAME",
	  "remove an assessment from the library" },
};

static void
cli_help(void)
{
	size_t	 i;

	printf("Usage: icsbrowse [--db FILE] [COMMAND [ARG...]]\n"
	    "Browse the findings of the CQC assessment of the Dorset "
	    "integrated care system.\n\nCommands:\n");
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (commands[i].summary != NULL)
			printf("  %-8s %-26s %s\n", commands[i].name,
			    commands[i].args, commands[i].summary);
	printf("\ntree, show, search, places, compare and query print JSON "
	    "with --format json.\n");
	printf("\nWith no command, the browser opens (press ? in it for its "
	    "keys).\n\n"
	    "Options:\n"
	    "  --db FILE          read FILE instead of the built-in dataset\n"
	    "  --report NAME      read the library's assessment NAME\n"
	    "  --color=WHEN       colours in the browser: auto, always or "
	    "never\n"
	    "  --no-mouse         leave the mouse to the terminal\n"
	    "  --no-state         neither read nor save the browser's state\n"
	    "  --config FILE      read the browser's keys and options from FILE\n"
	    "  --no-config        read no config file\n"
	    "  -h, --help         show this help and exit\n"
	    "  --version          show the version and exit\n\n"
	    "A PATH is slugs joined by '/' (quality-and-safety/learning-culture"
	    "), or any\nending of one that names one section "
	    "(learning-culture/key-messages).\nA command's options may come "
	    "anywhere before a '--'.\n\n"
	    "Environment: ICSBROWSE_DB names the database when --db is not "
	    "given;\nICSBROWSE_REPORT names an assessment of the library "
	    "when neither is given;\nNO_COLOR turns colours off.\nExit status: 0 success, 1 nothing found or a failure, "
	    "2 wrong usage.\nSee icsbrowse(1) for more.\n");
}

/* The database of the build tree beside the binary, or the installed one. */
static char *
cli_default_db(void)
{
	char	 exe[PATH_MAX];
	char	*p;
	ssize_t	 n;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		p = xasprintf("%s/assets/" DB_NAME, dirname(exe));
		if (access(p, F_OK) == 0)
			return p;
		free(p);
	}
	return xstrdup(PKGDATADIR "/" DB_NAME);
}

struct db *
cli_open_db(const struct cli *c, char **cause)
{
	return db_open(c->db_path, DB_READONLY, cause);
}

void
cli_warn(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list	 ap;
	char	*s, *clean;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	clean = utf8_clean(s, strlen(s), 0);
	fflush(stdout);
	if (file != NULL && line != 0)
		fprintf(stderr, "icsbrowse: warning: %s:%lu: %s\n", file, line,
		    clean);
	else if (file != NULL)
		fprintf(stderr, "icsbrowse: warning: %s: %s\n", file, clean);
	else
		fprintf(stderr, "icsbrowse: warning: %s\n", clean);
	free(clean);
	free(s);
}

int
cli_columns(void)
{
	struct winsize	 ws;

	if (!isatty(STDOUT_FILENO))
		return 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/*
 * Use the user's locale; where it is not UTF-8, still measure text with
 * UTF-8 tables, since the data is UTF-8 whatever the locale.
 */
static int
cli_locale(void)
{
	const char	*cs;

	setlocale(LC_ALL, "");
	/* Numbers in datasets are written with a point, whatever the locale. */
	setlocale(LC_NUMERIC, "C");
	cs = nl_langinfo(CODESET);
	if (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0)
		return 1;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "en_US.UTF-8");
	return 0;
}

/*
 * The library's name of the database file whose real path is key: the
 * built-in one's, or NAME of the library's NAME.db; NULL if it is none.
 */
static char *
cli_member_name(const struct cli *c, const char *key)
{
	const char	*base;
	char		*real, *name = NULL;
	size_t		 len;

	if ((real = realpath(c->builtin_db, NULL)) != NULL &&
	    strcmp(real, key) == 0)
		name = xstrdup(LIBRARY_BUILTIN);
	free(real);
	if (name != NULL || c->lib_dir == NULL ||
	    (real = realpath(c->lib_dir, NULL)) == NULL)
		return name;
	len = strlen(real);
	base = key + len + 1;
	if (strncmp(key, real, len) == 0 && key[len] == '/' &&
	    strchr(base, '/') == NULL && strlen(base) > 3 &&
	    strcmp(base + strlen(base) - 3, ".db") == 0) {
		name = xstrndup(base, strlen(base) - 3);
		if (!library_name_valid(name)) {
			free(name);
			name = NULL;
		}
	}
	free(real);
	return name;
}

/* Open the browser on the database. */
static int
cli_browse(struct cli *c, const struct ui_options *uo, char **cause)
{
	struct ui_options	 o = *uo;
	struct db		*db;
	char			*key, *name;
	int			 rc;

	if ((db = cli_open_db(c, cause)) == NULL)
		return CLI_FAIL;
	key = realpath(c->db_path, NULL);
	o.db_key = key != NULL ? key : c->db_path;
	o.utf8 = c->utf8;
	o.report = name = key != NULL ? cli_member_name(c, key) : NULL;
	o.lib_dir = c->lib_dir;
	o.builtin_db = c->builtin_db;
	rc = ui_run(db, &o, cause) == 0 ? CLI_OK : CLI_FAIL;
	free(name);
	free(key);
	db_close(db, NULL);
	return rc;
}

static int
cli_color(const char *s, enum theme_color *c)
{
	if (strcmp(s, "auto") == 0)
		*c = THEME_COLOR_AUTO;
	else if (strcmp(s, "always") == 0)
		*c = THEME_COLOR_ALWAYS;
	else if (strcmp(s, "never") == 0)
		*c = THEME_COLOR_NEVER;
	else
		return -1;
	return 0;
}

/*
 * --report NAME, or ICSBROWSE_REPORT where neither --db nor --report is
 * given: the library member's file becomes c->db_path (in *picked).
 */
static int
cli_pick(struct cli *c, const char *report, char **picked, char **cause)
{
	const char	*env;

	if (report != NULL && c->db_path != NULL) {
		*cause = xstrdup("--db and --report each name a database: "
		    "give one");
		return CLI_USAGE;
	}
	if (report == NULL && c->db_path == NULL &&
	    (env = getenv("ICSBROWSE_REPORT")) != NULL && *env != '\0')
		report = env;
	if (report == NULL)
		return CLI_OK;
	if (c->lib_dir == NULL && strcmp(report, LIBRARY_BUILTIN) != 0) {
		*cause = xstrdup(c->lib_cause);
		return CLI_FAIL;
	}
	*picked = library_path(c->lib_dir, c->builtin_db, report, cause);
	if (*picked == NULL)
		return CLI_FAIL;
	c->db_path = *picked;
	return CLI_OK;
}

static const struct command *
cli_command(const char *name)
{
	size_t	 i;

	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

const char *
cli_command_name(size_t i)
{
	size_t	 j;

	for (j = 0; j < sizeof commands / sizeof commands[0]; j++) {
		if (commands[j].summary == NULL ||
		    (j > 0 && strcmp(commands[j].name, commands[j - 1].name) ==
		    0))
			continue;
		if (i-- == 0)
			return commands[j].name;
	}
	return NULL;
}

static int
cli_report(int status, char *cause)
{
	char	*clean;

	/* A cause may quote data or what the user typed: show it safely. */
	if (cause != NULL) {
		fflush(stdout);
		clean = utf8_clean(cause, strlen(cause), 0);
		/* One hint: the cause's own, or the help's. */
		if (status == CLI_USAGE && strstr(clean, "(see '") == NULL)
			fprintf(stderr, "icsbrowse: %s (see 'icsbrowse "
			    "--help')\n", clean);
		else
			fprintf(stderr, "icsbrowse: %s\n", clean);
		free(clean);
		free(cause);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "icsbrowse: cannot write the output: %s\n",
		    strerror(errno));
		return CLI_FAIL;
	}
	return status;
}

int
cli_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "report", required_argument, NULL, 'r' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "no-mouse", no_argument, NULL, 'm' },
		{ "no-state", no_argument, NULL, 's' },
		{ "config", required_argument, NULL, 'f' },
		{ "no-config", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const struct command	*cmd;
	struct cli		 c;
	struct ui_options	 uo = { THEME_COLOR_AUTO, 1, 1, 0, NULL, NULL, 0,
				    NULL, NULL, NULL };
	char			*cause = NULL, *def, *lib, *picked = NULL;
	const char		*env, *report = NULL;
	int			 ch, status;

	memset(&c, 0, sizeof c);
	c.utf8 = cli_locale();
	/* A file size limit makes write() fail, with a message, not kill us. */
	signal(SIGXFSZ, SIG_IGN);
	c.tty = isatty(STDOUT_FILENO);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			c.db_path = optarg;
			break;
		case 'r':
			report = optarg;
			break;
		case 'c':
			if (cli_color(optarg, &uo.color) != 0)
				return cli_report(CLI_USAGE, xasprintf(
				    "--color must be auto, always or never, "
				    "not '%s'", optarg));
			break;
		case 'm':
			uo.mouse = 0;
			break;
		case 's':
			uo.use_state = 0;
			break;
		case 'f':
			uo.config = optarg;
			break;
		case 'n':
			uo.no_config = 1;
			break;
		case 'h':
			cli_help();
			return cli_report(CLI_OK, NULL);
		case 'V':
			printf("icsbrowse %s\n", PACKAGE_VERSION);
			return cli_report(CLI_OK, NULL);
		case ':':
			return cli_report(CLI_USAGE, xasprintf("option '%s' "
			    "needs a value", argv[optind - 1]));
		default:
			return cli_report(CLI_USAGE, xasprintf("unknown option "
			    "'%s'", argv[optind - 1]));
		}
	}
	def = cli_default_db();
	c.builtin_db = def;
	c.lib_dir = lib = library_dir(&cause);
	c.lib_cause = cause;
	cause = NULL;
	if (argc == optind)
		db_tune_one_thread();	/* the browser: one thread */
	status = cli_pick(&c, report, &picked, &cause);
	if (c.db_path == NULL && (env = getenv("ICSBROWSE_DB")) != NULL &&
	    *env != '\0')
		c.db_path = env;
	if (c.db_path == NULL)
		c.db_path = def;
	argc -= optind;
	argv += optind;
	if (status != CLI_OK)
		;	/* --report or --db is wrong: cause says how */
	else if (argc == 0)
		status = cli_browse(&c, &uo, &cause);
	else if ((cmd = cli_command(argv[0])) == NULL) {
		status = CLI_USAGE;
		cause = xasprintf("unknown command '%s'", argv[0]);
	} else {
		optind = 0;
		status = cmd->run(&c, argc, argv, &cause);
	}
	free(def);
	free(lib);
	free((char *)c.lib_cause);
	free(picked);
	return cli_report(status, cause);
}
