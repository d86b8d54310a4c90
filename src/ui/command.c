/*
 * command.c: the commands of the `:` line and the config file.
 *
 * One table, name to function, as tmux's command table; an action's
 * name is a command too and runs as its key would.  Errors come back as
 * "command: what is wrong" for the status line.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curses.h>

#include "core/db.h"
#include "core/library.h"
#include "core/marks.h"
#include "core/model.h"
#include "core/places.h"
#include "core/state.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "ui/command.h"
#include "ui/keymap.h"
#include "ui/mode.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/ui_priv.h"
#include "ui/words.h"

/* What a command's word completes to. */
enum cmd_arg { ARG_NONE, ARG_PATH, ARG_PLACE, ARG_ACTION, ARG_KEY,
	ARG_REPORT };

struct command {
	const char	*name;
	int		 min, max;	/* words after the name */
	enum cmd_arg	 args[2];	/* what the first two complete to */
	int		(*fn)(struct ui *, int, char **, char **);
};

static int
cmd_node(struct ui *ui, const char *name, const char *path, int64_t *id,
    char **cause)
{
	char	*clean, *why = NULL;
	size_t	 len = strlen(path);

	/* Completion leaves a folder's slash: the path all the same. */
	clean = xstrdup(path);
	if (len > 1 && clean[len - 1] == '/')
		clean[len - 1] = '\0';
	if (model_resolve(ui->db, clean, id, &why) != 0) {
		*cause = xasprintf("%s: %s", name, why);
		free(why);
		free(clean);
		return -1;
	}
	free(clean);
	return 0;
}

static int
cmd_open(struct ui *ui, int argc, char **argv, char **cause)
{
	const char	*colon;
	char		*name;
	int64_t		 id;

	(void)argc;
	/* Slugs have no ':': NAME:PATH is a section of assessment NAME. */
	if ((colon = strchr(argv[0], ':')) != NULL) {
		name = xstrndup(argv[0], (size_t)(colon - argv[0]));
		ui_switch(ui, name, *(colon + 1) != '\0' ? colon + 1 : NULL,
		    NULL, NULL, 0, 0);
		free(name);
		return 0;
	}
	if (cmd_node(ui, "open", argv[0], &id, cause) != 0)
		return -1;
	ui_select(ui, id, UI_JUMP);
	return 0;
}

static int
cmd_search(struct ui *ui, int argc, char **argv, char **cause)
{
	struct strbuf		 q = STRBUF_INIT;
	struct mode_args	 args = { 1, NULL, NULL };
	char			*query;
	int			 i, rc;

	(void)cause;
	for (i = 0; i < argc; i++) {
		if (i > 0)
			strbuf_addc(&q, ' ');
		strbuf_adds(&q, argv[i]);
	}
	query = strbuf_detach(&q);
	args.argv = &query;
	rc = ui_open(ui, "search", &args);
	free(query);
	return rc < 0 ? -1 : 0;
}

/* mark [PATH] (on 1) and unmark [PATH] (on 0). */
static int
cmd_set_mark(struct ui *ui, int argc, char **argv, int on, char **cause)
{
	const char	*name = on ? "mark" : "unmark";
	struct node	 n;
	int64_t		 id = ui->node.id;

	if (argc > 0 && cmd_node(ui, name, argv[0], &id, cause) != 0)
		return -1;
	if (id == 0 || model_get(ui->db, id, &n, cause) != 0) {
		if (*cause == NULL)
			*cause = xasprintf("%s: no section shown", name);
		return -1;
	}
	if (marks_has(ui->marks, n.path) == on)
		ui_message(ui, 0, "%s: %s", on ? "Marked already" :
		    "Not marked", n.path);
	else
		ui_mark(ui, n.path);
	node_clear(&n);
	return 0;
}

static int
cmd_mark(struct ui *ui, int argc, char **argv, char **cause)
{
	return cmd_set_mark(ui, argc, argv, 1, cause);
}

static int
cmd_unmark(struct ui *ui, int argc, char **argv, char **cause)
{
	return cmd_set_mark(ui, argc, argv, 0, cause);
}

/* The commands that open a mode with their words. */
static int
cmd_mode(struct ui *ui, const char *mode, int argc, char **argv)
{
	struct mode_args	 args = { argc, argv, NULL };

	/* An error is on the status line already. */
	return ui_open(ui, mode, &args) < 0 ? -1 : 0;
}

static int
cmd_print(struct ui *ui, int argc, char **argv, char **cause)
{
	(void)cause;
	return cmd_mode(ui, "print", argc, argv);
}

static int
cmd_compare(struct ui *ui, int argc, char **argv, char **cause)
{
	(void)cause;
	return cmd_mode(ui, "compare", argc, argv);
}

/* report NAME: read assessment NAME of the library. */
static int
cmd_report(struct ui *ui, int argc, char **argv, char **cause)
{
	(void)argc;
	(void)cause;
	ui_switch(ui, argv[0], NULL, NULL, NULL, 0, 0);
	return 0;
}

/* compare-reports A [B]: two assessments' scores (B: the one shown). */
static int
cmd_compare_reports(struct ui *ui, int argc, char **argv, char **cause)
{
	char	*two[2];

	if (argc == 2)
		return cmd_mode(ui, "reports", argc, argv);
	if (ui_report(ui) == NULL) {
		*cause = xstrdup("compare-reports: give two assessments");
		return -1;
	}
	two[0] = (char *)ui_report(ui);
	two[1] = argv[0];
	return cmd_mode(ui, "reports", 2, two);
}

static int
cmd_side_by_side(struct ui *ui, int argc, char **argv, char **cause)
{
	(void)cause;
	return cmd_mode(ui, "sections", argc, argv);
}

static int
cmd_help(struct ui *ui, int argc, char **argv, char **cause)
{
	(void)cause;
	return cmd_mode(ui, "help", argc, argv);
}

static int
cmd_bind(struct ui *ui, int argc, char **argv, char **cause)
{
	char	*why = NULL;

	(void)ui;
	(void)argc;
	if (keymap_bind(argv[0], argv[1], &why) != 0) {
		*cause = xasprintf("bind: %s", why);
		free(why);
		return -1;
	}
	return 0;
}

static int
cmd_unbind(struct ui *ui, int argc, char **argv, char **cause)
{
	char	*why = NULL;

	(void)ui;
	(void)argc;
	if (keymap_unbind(argv[0], &why) != 0) {
		*cause = xasprintf("unbind: %s", why);
		free(why);
		return -1;
	}
	return 0;
}

static int
cmd_quit(struct ui *ui, int argc, char **argv, char **cause)
{
	(void)argc;
	(void)argv;
	(void)cause;
	ui->quit = 1;
	return 0;
}

/* A number for set, within lo..hi. */
static int
cmd_number(const char *s, int lo, int hi, int *out)
{
	char	*end;
	long	 v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

static int
cmd_set_color(struct ui *ui, const char *v)
{
	enum theme_color	 c;

	if (strcmp(v, "auto") == 0)
		c = THEME_COLOR_AUTO;
	else if (strcmp(v, "always") == 0 || strcmp(v, "on") == 0)
		c = THEME_COLOR_ALWAYS;
	else if (strcmp(v, "never") == 0 || strcmp(v, "off") == 0)
		c = THEME_COLOR_NEVER;
	else
		return -1;
	ui->opts.color = c;
	theme_init(c);
	ui->redraw_all = 1;
	return 0;
}

static int
cmd_set_mouse(struct ui *ui, const char *v)
{
	int	 on;

	if (strcmp(v, "on") == 0)
		on = 1;
	else if (strcmp(v, "off") == 0)
		on = 0;
	else
		return -1;
	ui->opts.mouse = on;
	mousemask(on ? BUTTON1_CLICKED | BUTTON1_PRESSED |
	    BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED : 0,
	    NULL);
	return 0;
}

/* set colour auto|always|never, mouse on|off, outline-width N, reader-height N. */
int
command_set(struct ui *ui, const char *o, const char *v, char **cause)
{
	const char	*values;
	int		 rc = -1, n;

	if (strcmp(o, "colour") == 0 || strcmp(o, "color") == 0) {
		rc = cmd_set_color(ui, v);
		values = "auto, always or never";
	} else if (strcmp(o, "mouse") == 0) {
		rc = cmd_set_mouse(ui, v);
		values = "on or off";
	} else if (strcmp(o, "outline-width") == 0) {
		if ((rc = cmd_number(v, 16, 500, &n)) == 0)
			ui->outline_w = n;
		values = "16 to 500 columns";
	} else if (strcmp(o, "reader-height") == 0) {
		if ((rc = cmd_number(v, 20, 90, &n)) == 0)
			ui->reader_pct = n;
		values = "20 to 90 per cent";
	} else {
		*cause = xasprintf("set: no such option: %s (colour, mouse, "
		    "outline-width, reader-height)", o);
		return -1;
	}
	if (rc != 0)
		*cause = xasprintf("set: %s: not a value for %s (%s)", v, o,
		    values);
	return rc;
}

static int
cmd_set(struct ui *ui, int argc, char **argv, char **cause)
{
	(void)argc;
	return command_set(ui, argv[0], argv[1], cause);
}

static const struct command commands[] = {
	{ "bind", 2, 2, { ARG_KEY, ARG_ACTION }, cmd_bind },
	{ "compare", 0, 2, { ARG_PLACE, ARG_PLACE }, cmd_compare },
	{ "compare-reports", 1, 2, { ARG_REPORT, ARG_REPORT },
	  cmd_compare_reports },
	{ "help", 0, 1, { ARG_ACTION, ARG_NONE }, cmd_help },
	{ "mark", 0, 1, { ARG_PATH, ARG_NONE }, cmd_mark },
	{ "open", 1, 1, { ARG_PATH, ARG_NONE }, cmd_open },
	{ "print", 0, 4, { ARG_NONE, ARG_NONE }, cmd_print },
	{ "quit", 0, 0, { ARG_NONE, ARG_NONE }, cmd_quit },
	{ "report", 1, 1, { ARG_REPORT, ARG_NONE }, cmd_report },
	{ "search", 1, 100, { ARG_NONE, ARG_NONE }, cmd_search },
	{ "set", 2, 2, { ARG_NONE, ARG_NONE }, cmd_set },
	{ "side-by-side", 1, 2, { ARG_PATH, ARG_PATH }, cmd_side_by_side },
	{ "unbind", 1, 1, { ARG_KEY, ARG_NONE }, cmd_unbind },
	{ "unmark", 0, 1, { ARG_PATH, ARG_NONE }, cmd_unmark },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const struct command *
command_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* Run one command of argc words. */
static int
command_run(struct ui *ui, int argc, char **argv, char **cause)
{
	const struct command	*c;
	enum action		 a;

	if ((c = command_find(argv[0])) != NULL) {
		if (argc - 1 < c->min || argc - 1 > c->max) {
			*cause = xasprintf("%s: wants %s%d word%s", c->name,
			    c->min == c->max ? "" : argc - 1 < c->min ?
			    "at least " : "at most ", argc - 1 < c->min ?
			    c->min : c->max, (argc - 1 < c->min ? c->min :
			    c->max) == 1 ? "" : "s");
			return -1;
		}
		return c->fn(ui, argc - 1, argv + 1, cause);
	}
	if ((a = action_find(argv[0])) == ACT_NONE) {
		*cause = xasprintf("%s: no such command (help lists them)",
		    argv[0]);
		return -1;
	}
	if (argc > 1) {
		*cause = xasprintf("%s: an action takes no words", argv[0]);
		return -1;
	}
	actions_key(ui, a);
	return 0;
}

int
ui_command(struct ui *ui, const char *line, char **cause)
{
	char	**argv;
	int	 argc, rc;

	if ((argc = words_split(line, &argv)) < 0) {
		*cause = xstrdup("a quote is not closed");
		return -1;
	}
	if (argc == 0) {
		words_free(argv, argc);
		return 0;
	}
	rc = command_run(ui, argc, argv, cause);
	words_free(argv, argc);
	return rc;
}

static void
cands_add(struct command_cands *c, const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < c->n; i++)
		if (strlen(c->v[i]) == len && strncmp(c->v[i], s, len) == 0)
			return;
	c->v = xreallocarray(c->v, c->n + 1, sizeof *c->v);
	c->v[c->n++] = xstrndup(s, len);
}

void
command_cands_free(struct command_cands *c)
{
	size_t	 i;

	for (i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
	free(c->from);
	free(c->upto);
	free(c->word);
	memset(c, 0, sizeof *c);
}

static int
cands_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t
cands_common(const char *a, const char *b)
{
	size_t	 i;

	for (i = 0; a[i] != '\0' && a[i] == b[i]; i++)
		;
	return i;
}

static void
complete_names(const char *word, int commands_too, struct command_cands *c)
{
	size_t	 i, len = strlen(word);
	int	 a;

	for (i = 0; commands_too && i < NCOMMANDS; i++)
		if (strncmp(commands[i].name, word, len) == 0)
			cands_add(c, commands[i].name, strlen(commands[i].name));
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++)
		if (strncmp(action_name(a), word, len) == 0)
			cands_add(c, action_name(a), strlen(action_name(a)));
}

/* A place whose code, or name (case aside), starts with word: its code. */
static int
complete_place(const struct place *p, void *arg)
{
	void		**a = arg;
	const char	*word = a[0];
	size_t		 len = strlen(word);

	if (strncmp(p->code, word, len) == 0 ||
	    (len > 0 && strncasecmp(p->name, word, len) == 0))
		cands_add(a[1], p->code, strlen(p->code));
	return 0;
}

/* The library's members whose name starts with word. */
static void
complete_reports(struct ui *ui, const char *word, struct command_cands *c)
{
	const struct ui_options	*o = ui_options(ui);
	struct library_entry	*e;
	char			*cause = NULL;
	size_t			 i, n, len = strlen(word);

	if (library_members(o->lib_dir != NULL ? o->lib_dir : "/nonexistent",
	    o->builtin_db != NULL ? o->builtin_db : "", &e, &n, &cause) != 0) {
		ui_error(ui, &cause);
		return;
	}
	for (i = 0; i < n; i++)
		if (strncmp(e[i].name, word, len) == 0)
			cands_add(c, e[i].name, strlen(e[i].name));
	library_entries_free(e, n);
}

void
command_complete(struct ui *ui, const char *line, size_t at,
    struct command_cands *c)
{
	const struct command	*cmd;
	const char		*word = line + at;
	char			**argv, *cause = NULL, *head;
	void			*arg[2] = { (void *)word, c };
	int			 argc, n;

	memset(c, 0, sizeof *c);
	head = xstrndup(line, at);
	argc = words_split(head, &argv);
	free(head);
	if (argc <= 0) {
		if (argc == 0)
			complete_names(word, 1, c);
	} else if ((cmd = command_find(argv[0])) != NULL) {
		n = argc - 1 < 2 ? argc - 1 : 1;
		switch (cmd->args[n]) {
		case ARG_PATH:
			command_paths(ui, word, c);
			break;
		case ARG_PLACE:
			if (places_list(ui->db, complete_place, arg,
			    &cause) != 0)
				ui_error(ui, &cause);
			break;
		case ARG_ACTION:
			complete_names(word, 0, c);
			break;
		case ARG_REPORT:
			complete_reports(ui, word, c);
			break;
		default:
			break;
		}
	}
	words_free(argv, argc);
	if (c->n > 1 && c->from == NULL)
		qsort(c->v, c->n, sizeof *c->v, cands_cmp);
	/* Paths with more to read have theirs; else first and last share. */
	if (c->n > 0 && c->from == NULL)
		c->common = cands_common(c->v[0], c->v[c->n - 1]);
}
