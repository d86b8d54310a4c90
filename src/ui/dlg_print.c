/*
 * dlg_print.c: the print dialog.
 *
 * What: this section or the marked sections (or, from a view, what it
 * shows).  Format: text, Markdown, HTML or PDF.  Destination: a printer
 * (none offered where there is no lp or lpr), a file (named from the
 * first section's path and the format), or a command's standard input
 * (its words, run without a shell).  Below, the first page as text.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/marks.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_text.h"
#include "render/output.h"
#include "render/printer.h"
#include "ui/lineedit.h"
#include "ui/mode.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/uiutil.h"
#include "ui/words.h"

enum dest { DEST_PRINTER, DEST_FILE, DEST_COMMAND, DEST_COUNT };
enum field { F_WHAT, F_FORMAT, F_DEST, F_TARGET, F_COUNT };

static const char *const dest_names[DEST_COUNT] = {
	"printer", "file", "command"
};
static const char *const format_names[OUT_COUNT] = {
	"text", "markdown", "html", "pdf"
};

struct print_dlg {
	struct doc	*doc;
	char		*what;		/* the sections, for the title */
	char		*path;		/* of the first section */
	int		 marked;	/* the marks, not the section shown */
	int64_t		*given;		/* --section: these, not a choice */
	size_t		 ngiven;
	char		*cmp[2];	/* --compare A --compare B: that */
	int		 ncmp;
	size_t		 nmarks;	/* marks of this dataset */
	int		 can_print;	/* lp or lpr is there */
	enum out_format	 format;
	enum dest	 dest;
	enum field	 field;
	char		**printers;	/* "" (the default) and lpstat's */
	size_t		 nprinters;
	size_t		 printer;
	struct lineedit	 file;
	struct lineedit	 command;
	int		 file_edited;
	int		 overwrite;	/* Enter again writes over a file */
	char		*preview;	/* the first page, as text */
};

/* The marks of this dataset, in their order (ids; n of them). */
static int64_t *
print_marks(struct ui *ui, size_t *n)
{
	struct marks	*mk = ui_marks(ui);
	int64_t		*ids, id;
	size_t		 i;

	ids = xreallocarray(NULL, marks_count(mk) + 1, sizeof *ids);
	for (i = *n = 0; i < marks_count(mk); i++)
		if (ui_resolve_exact(ui, marks_get(mk, i), &id) == 0)
			ids[(*n)++] = id;	/* else not in this dataset */
	return ids;
}

/* Build the document of what is to print: the marks, or the node shown. */
static int
print_doc(struct print_dlg *d, struct ui *ui, char **cause)
{
	struct node	 n;
	int64_t		*ids, shown = ui_node(ui)->id;
	size_t		 i, count;
	int		 rc = -1;

	doc_free(d->doc);
	free(d->what);
	free(d->path);
	d->what = d->path = NULL;
	d->doc = doc_new(ui_db(ui));
	ids = print_marks(ui, &count);
	d->nmarks = count;
	if (d->ncmp == 2) {
		/* The compare view's table, nothing else. */
		count = 0;
		if (doc_add_compare(d->doc, ui_db(ui), d->cmp[0], d->cmp[1],
		    cause) != 0)
			goto out;
		d->path = xasprintf("compared/%s-%s", d->cmp[0], d->cmp[1]);
		rc = 0;
		goto out;
	} else if (d->ngiven > 0) {
		/* What a view shows (side by side): those, in order. */
		ids = xreallocarray(ids, d->ngiven, sizeof *ids);
		memcpy(ids, d->given, d->ngiven * sizeof *ids);
		count = d->ngiven;
	} else if (!d->marked || count == 0) {
		ids[0] = shown;
		count = 1;
	}
	for (i = 0; i < count; i++)
		if (doc_add_node(d->doc, ui_db(ui), ids[i], cause) != 0)
			goto out;
	if (model_get(ui_db(ui), ids[0], &n, cause) != 0)
		goto out;
	d->path = xstrdup(n.path);
	node_clear(&n);
	rc = 0;
out:
	free(ids);
	d->what = doc_sections(d->doc);
	return rc;
}

/* The file name offered: from the first section's path and the format. */
static void
print_offer_file(struct print_dlg *d)
{
	char	*name;

	if (d->file_edited)
		return;
	name = out_filename(d->path != NULL ? d->path : "icsbrowse",
	    d->format);
	le_set(&d->file, name);
	free(name);
}

static void
print_preview(struct print_dlg *d)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*ff;

	free(d->preview);
	fmt_text(d->doc, FMT_TEXT_COLS, FMT_TEXT_LINES, &sb);
	if ((ff = strchr(sb.buf, '\f')) != NULL)
		*ff = '\0';
	d->preview = strbuf_detach(&sb);
}

static void
print_printers(struct print_dlg *d)
{
	char	**names, *dflt;
	size_t	 n, i;

	n = printer_list(&names, &dflt);
	d->printers = xreallocarray(NULL, n + 1, sizeof *d->printers);
	d->can_print = printer_available();
	d->printers[0] = !d->can_print ? xstrdup("none: no lp or lpr here; "
	    "choose file") : dflt != NULL ? xasprintf("the default (%s)",
	    dflt) : xstrdup("the default printer");
	for (i = 0; i < n; i++)
		d->printers[i + 1] = names[i];
	d->nprinters = n + 1;
	free(names);
	free(dflt);
}

/*
 * Draw "Label:  a [b] c", the chosen one in brackets; where they do not
 * all fit, the chosen one alone between arrows ("< b >").
 */
static void
print_choice(WINDOW *w, int y, const char *label, const char *const *names,
    int n, int chosen, int focused)
{
	int	 i, room, need = 0;

	wattrset(w, theme_attr(focused ? THEME_SUBHEADING :
	    THEME_NORMAL));
	wmove(w, y, 1);
	waddch(w, focused ? '>' : ' ');
	ui_addfit(w, label, 12);
	wmove(w, y, 14);
	room = getmaxx(w) - 1 - 14;
	for (i = 0; i < n; i++)
		need += utf8_width(names[i], strlen(names[i])) + 3;
	for (i = 0; i < n; i++) {
		if (need > room && i != chosen)
			continue;
		wattrset(w, theme_attr(i == chosen ? (focused ?
		    THEME_SELECTED : THEME_HEADING) : THEME_NORMAL));
		if (need > room && n > 1) {
			ui_addfit(w, "< ", room);
			ui_addfit(w, names[i], room - 4);
			ui_addfit(w, " >", getmaxx(w) - 1 - getcurx(w));
		} else if (need > room)
			ui_addfit(w, names[i], room);
		else {
			waddstr(w, i == chosen ? "[" : " ");
			waddstr(w, names[i]);
			waddstr(w, i == chosen ? "]" : " ");
		}
		wattrset(w, theme_attr(THEME_NORMAL));
		if (getcurx(w) < getmaxx(w) - 1)
			waddch(w, ' ');
	}
}

/* The third line: which printer, which file, which command. */
static int
print_target(struct print_dlg *d, WINDOW *w, int y, int cols)
{
	const char	*label;
	char		*clean;
	int		 focused = d->field == F_TARGET, x;

	label = d->dest == DEST_PRINTER ? "Printer:" : d->dest == DEST_FILE ?
	    "File:" : "Command:";
	wattrset(w, theme_attr(focused ? THEME_SUBHEADING :
	    THEME_NORMAL));
	wmove(w, y, 1);
	waddch(w, focused ? '>' : ' ');
	ui_addfit(w, label, 12);
	wmove(w, y, 14);
	wattrset(w, theme_attr(THEME_NORMAL));
	if (d->dest != DEST_PRINTER) {
		x = le_draw(d->dest == DEST_FILE ? &d->file : &d->command, w,
		    y, getcurx(w), cols - getcurx(w) - 1);
		if (d->dest == DEST_COMMAND && le_len(&d->command) == 0) {
			wattrset(w, theme_attr(THEME_DIM));
			mvwaddstr(w, y, 14, "(type a command: it gets the "
			    "printout)");
			wattrset(w, theme_attr(THEME_NORMAL));
			return 14;
		}
		return x;
	}
	clean = utf8_clean(d->printers[d->printer],
	    strlen(d->printers[d->printer]), 0);
	if (d->nprinters > 1)
		waddstr(w, "< ");
	ui_addfit(w, clean, cols - getcurx(w) - 2);
	free(clean);
	if (d->nprinters > 1)
		waddstr(w, " >");
	return getcurx(w);
}

/* The first line: the choice of what, then the sections it means. */
static void
print_what(struct print_dlg *d, WINDOW *w, int cols)
{
	const char	*names[2];
	char		*marks, *what;
	int		 chosen;

	marks = xasprintf("the marked sections (%zu)", d->nmarks);
	names[0] = d->ncmp == 2 ? "the comparison shown" : d->ngiven > 0 ?
	    "the sections shown" : "this section";
	names[1] = marks;
	chosen = d->nmarks > 0 && d->ngiven == 0 && d->ncmp == 0;
	print_choice(w, 1, "What:", names, chosen ? 2 : 1, chosen ? d->marked :
	    0, d->field == F_WHAT);
	free(marks);
	wattrset(w, theme_attr(THEME_DIM));
	mvwaddstr(w, 2, 1, "             ");
	what = utf8_clean(d->what, strlen(d->what), 0);
	ui_addfit(w, what, cols - 13);
	free(what);
	wattrset(w, theme_attr(THEME_NORMAL));
}

static void
print_resize(struct mode *m, struct rect *r)
{
	(void)m;
	ui_box_place(r, 32, 90, 1, 8, 30, 1);
}

static void
print_draw(struct mode *m, WINDOW *w, int focused)
{
	struct print_dlg	*d = m->data;
	const char		*p, *nl;
	char			*what;
	int			 h = getmaxy(w), wd = getmaxx(w), y, cx;

	(void)focused;
	ui_box_draw(w, "Print");
	print_what(d, w, wd - 2);
	print_choice(w, 3, "Format:", format_names, OUT_COUNT,
	    (int)d->format, d->field == F_FORMAT);
	print_choice(w, 4, "Destination:", dest_names, DEST_COUNT,
	    (int)d->dest, d->field == F_DEST);
	cx = print_target(d, w, 5, wd - 2);
	wattrset(w, theme_attr(THEME_BORDER));
	mvwhline(w, 6, 1, ACS_HLINE, wd - 2);
	mvwaddstr(w, 6, 3, " The first page, as text ");
	wattrset(w, theme_attr(THEME_DIM));
	for (p = d->preview, y = 7; *p != '\0' && y < h - 2; y++) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		what = xstrndup(p, (size_t)(nl - p));
		wmove(w, y, 2);
		ui_addfit(w, what, wd - 4);
		free(what);
		p = *nl != '\0' ? nl + 1 : nl;
	}
	wattrset(w, theme_attr(THEME_NORMAL));
	wmove(w, h - 2, 1);
	ui_addfit(w, "Up/Down: field  Left/Right: choose  Enter: print  "
	    "Esc: cancel", wd - 2);
	wmove(w, d->field == F_WHAT ? 1 : (int)d->field + 2,
	    d->field == F_TARGET ? cx : 14);
}

/* Send the printout where it goes; returns 0, or -1 with *cause. */
static int
print_send(struct print_dlg *d, struct strbuf *out, char **where,
    char **cause)
{
	char	**argv;
	int	 argc, rc;

	switch (d->dest) {
	case DEST_PRINTER:
		*where = xstrdup(d->printers[d->printer]);
		return printer_send(d->printer == 0 ? NULL :
		    d->printers[d->printer], out->buf, out->len, cause);
	case DEST_FILE:
		*where = xstrdup(le_text(&d->file));
		return out_write_file(le_text(&d->file), out->buf, out->len,
		    d->overwrite, cause);
	default:
		/* Words, as the : line splits them; run without a shell. */
		if ((argc = words_split(le_text(&d->command), &argv)) <= 0) {
			*cause = xstrdup(argc < 0 ? "the command has a quote "
			    "not closed" : "type the command that is to get "
			    "the printout");
			return -1;
		}
		argv = xreallocarray(argv, (size_t)argc + 1, sizeof *argv);
		argv[argc] = NULL;
		*where = xstrdup(argv[0]);
		rc = printer_pipe(argv, out->buf, out->len, cause);
		words_free(argv, argc);
		return rc;
	}
}

static int
print_go(struct print_dlg *d, struct ui *ui)
{
	struct out_opts	 page = { FMT_TEXT_COLS, FMT_TEXT_LINES };
	struct strbuf	 out = STRBUF_INIT;
	struct stat	 sb;
	char		*cause = NULL, *where = NULL;
	int		 rc = 0;

	if (d->dest == DEST_FILE && !d->overwrite &&
	    stat(le_text(&d->file), &sb) == 0 && S_ISREG(sb.st_mode)) {
		d->overwrite = 1;
		ui_message(ui, 0, "%s exists: Enter again writes over it",
		    le_text(&d->file));
		return 0;
	}
	if (out_render(d->format, d->doc, &page, &out, &cause) != 0 ||
	    print_send(d, &out, &where, &cause) != 0) {
		ui_message(ui, 1, "Not printed: %s", cause);
		d->overwrite = 0;
	} else {
		ui_message(ui, 0, "Printed %s (%s) to %s", d->what,
		    out_format_name(d->format), where);
		rc = 1;
	}
	free(cause);
	free(where);
	strbuf_free(&out);
	return rc;
}

/* Left or Right on a field: the next choice. */
static void
print_choose(struct print_dlg *d, struct ui *ui, int dir)
{
	char	*cause = NULL;

	switch (d->field) {
	case F_WHAT:
		if (d->nmarks == 0 || d->ngiven > 0 || d->ncmp > 0)
			break;
		d->marked = !d->marked;
		if (print_doc(d, ui, &cause) != 0)
			ui_error(ui, &cause);
		print_offer_file(d);
		print_preview(d);
		break;
	case F_FORMAT:
		d->format = (enum out_format)((d->format + OUT_COUNT + dir) %
		    OUT_COUNT);
		print_offer_file(d);
		break;
	case F_DEST:
		d->dest = (enum dest)((d->dest + DEST_COUNT + dir) % DEST_COUNT);
		break;
	default:
		if (d->dest == DEST_PRINTER)
			d->printer = (d->printer + d->nprinters + (size_t)dir) %
			    d->nprinters;
		break;
	}
	d->overwrite = 0;
}

/* Typing into the file name or the command. */
static void
print_edit(struct print_dlg *d, int key, int is_char)
{
	struct lineedit	*le = d->dest == DEST_FILE ? &d->file : &d->command;

	if (d->field != F_TARGET || d->dest == DEST_PRINTER)
		return;
	if (!(le_key(le, key, is_char) & LE_CHANGED))
		return;
	if (d->dest == DEST_FILE)
		d->file_edited = 1;
	d->overwrite = 0;
}

static int
print_key(struct mode *m, const struct mode_key *k)
{
	struct print_dlg	*d = m->data;
	int			 key = k->key, is_char = k->is_char;

	if (is_char && key == 27)
		return MODE_HANDLED | MODE_CLOSE;
	if (is_char && (key == '\r' || key == '\n'))
		return print_go(d, m->ui) ? MODE_HANDLED | MODE_CLOSE :
		    MODE_HANDLED | MODE_REDRAW;
	if ((!is_char && (key == KEY_UP || key == KEY_BTAB)) ||
	    (!is_char && key == KEY_DOWN) || (is_char && key == '\t')) {
		d->field = (enum field)((d->field + F_COUNT + (key == KEY_UP ||
		    key == KEY_BTAB ? -1 : 1)) % F_COUNT);
		return MODE_HANDLED | MODE_REDRAW;
	}
	if (!is_char && (key == KEY_LEFT || key == KEY_RIGHT) &&
	    (d->field != F_TARGET || d->dest == DEST_PRINTER)) {
		print_choose(d, m->ui, key == KEY_LEFT ? -1 : 1);
		return MODE_HANDLED | MODE_REDRAW;
	}
	print_edit(d, key, is_char);
	return MODE_HANDLED | MODE_REDRAW;
}

static void
print_free(struct mode *m)
{
	struct print_dlg	*d = m->data;
	size_t			 i;

	if (d == NULL)
		return;
	doc_free(d->doc);
	free(d->what);
	free(d->path);
	free(d->given);
	free(d->cmp[0]);
	free(d->cmp[1]);
	for (i = 0; i < d->nprinters; i++)
		free(d->printers[i]);
	free(d->printers);
	le_free(&d->file);
	le_free(&d->command);
	free(d->preview);
	free(d);
}

/*
 * The options of `print` at the `:` line: --format, --output, --printer.
 * Returns 1 if a destination was given, 0 if not, -1 with *cause.
 */
static int
print_args(struct print_dlg *d, struct ui *ui, const struct mode_args *args,
    char **cause)
{
	int	 i, f, dest = 0;

	for (i = 0; i < args->argc; i++) {
		if (strcmp(args->argv[i], "--marked") == 0) {
			d->marked = 1;
			continue;
		}
		if (i + 1 >= args->argc) {
			*cause = xasprintf("print: %s wants a value",
			    args->argv[i]);
			return -1;
		}
		if (strcmp(args->argv[i], "--compare") == 0 && d->ncmp < 2)
			d->cmp[d->ncmp++] = xstrdup(args->argv[i + 1]);
		else if (strcmp(args->argv[i], "--section") == 0) {
			d->given = xreallocarray(d->given, d->ngiven + 1,
			    sizeof *d->given);
			if (ui_resolve_exact(ui, args->argv[i + 1],
			    &d->given[d->ngiven]) == 0)
				d->ngiven++;
		} else if (strcmp(args->argv[i], "--format") == 0) {
			for (f = 0; f < OUT_COUNT; f++)
				if (strcmp(format_names[f], args->argv[i + 1]) == 0)
					break;
			if (f == OUT_COUNT) {
				*cause = xasprintf("print: no such format: %s",
				    args->argv[i + 1]);
				return -1;
			}
			d->format = (enum out_format)f;
		} else if (strcmp(args->argv[i], "--output") == 0) {
			d->dest = DEST_FILE;
			le_set(&d->file, args->argv[i + 1]);
			d->file_edited = dest = 1;
		} else if (strcmp(args->argv[i], "--printer") == 0) {
			d->dest = DEST_PRINTER;
			d->printers = xreallocarray(d->printers,
			    d->nprinters + 1, sizeof *d->printers);
			d->printer = d->nprinters;
			d->printers[d->nprinters++] = xstrdup(args->argv[i + 1]);
			dest = 1;
		} else {
			*cause = xasprintf("print: unknown option: %s",
			    args->argv[i]);
			return -1;
		}
		i++;
	}
	return dest;
}

/*
 * print [--format F] [--output FILE | --printer NAME]: with a destination,
 * print at once (the dialog opens only to say why not, or to ask before
 * writing over a file); without, the dialog with the format set.
 */
static int
print_open(struct mode *m, const struct mode_args *args, char **cause)
{
	struct print_dlg	*d;
	struct ui		*ui = m->ui;
	int			 direct;

	d = xcalloc(1, sizeof *d);
	m->data = d;
	le_init(&d->file);
	le_init(&d->command);
	d->format = OUT_TEXT;
	d->field = F_FORMAT;
	/* A file unless CUPS has printers: it always works. */
	print_printers(d);
	d->dest = d->nprinters > 1 && d->can_print ? DEST_PRINTER : DEST_FILE;
	if ((direct = print_args(d, ui, args, cause)) < 0)
		return -1;
	/* The marks if the section shown is one of them, else that section. */
	if (!d->marked)
		d->marked = marks_has(ui_marks(ui), ui_node(ui)->path);
	if (print_doc(d, ui, cause) != 0)
		ui_error(ui, cause);
	print_offer_file(d);
	print_preview(d);
	if (direct && print_go(d, ui))
		return -1;	/* printed, and said so: no dialog, no error */
	return 0;
}

const struct mode_ops dlg_print_ops = {
	.open = print_open,
	.resize = print_resize,
	.draw = print_draw,
	.key = print_key,
	.free = print_free,
};
