/*
 * ui_report.c: the assessment the browser shows, one of the library's,
 * and switching to another.
 *
 * The members are opened as they are asked for, once (library_open.h).
 * A switch is asked for by a mode (ui_switch()) and made after the key,
 * by the loop: every stacked mode closes and the panes are made again
 * for the new database, as at start, with its own state (keyed, as ever,
 * by the database file's real path, so that the built-in assessment's
 * marks, folds and last node are those it always had), and its own
 * history of this run.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/history.h"
#include "core/library.h"
#include "core/library_open.h"
#include "core/model.h"
#include "core/xmalloc.h"
#include "ui/search.h"
#include "ui/ui.h"
#include "ui/ui_priv.h"
#include "ui/uiutil.h"

struct library_open *
ui_library(struct ui *ui)
{
	return ui->lib;
}

const struct ui_options *
ui_options(struct ui *ui)
{
	return &ui->opts;
}

int
ui_many_reports(struct ui *ui)
{
	return ui->many;
}

const char *
ui_report(struct ui *ui)
{
	return ui->report;
}

static void
ui_switch_clear(struct ui_switch *sw)
{
	free(sw->name);
	free(sw->path);
	free(sw->query);
	free(sw->ids);
	memset(sw, 0, sizeof *sw);
}

void
ui_switch(struct ui *ui, const char *name, const char *path,
    const char *query, const int64_t *ids, int n, int chosen)
{
	struct ui_switch	*sw = &ui->sw;

	ui_switch_clear(sw);
	sw->name = xstrdup(name);
	sw->path = path != NULL ? xstrdup(path) : NULL;
	if (query != NULL) {
		sw->query = xstrdup(query);
		sw->ids = xreallocarray(NULL, (size_t)n + 1, sizeof *ids);
		memcpy(sw->ids, ids, (size_t)n * sizeof *ids);
		sw->n = n;
		sw->chosen = chosen;
	}
}

void
ui_report_start(struct ui *ui)
{
	struct library_entry	*e;
	char			*cause = NULL;
	size_t			 n;

	ui->lib = library_open_new(ui->opts.lib_dir, ui->opts.builtin_db !=
	    NULL ? ui->opts.builtin_db : "");
	if (ui->opts.report != NULL) {
		ui->report = xstrdup(ui->opts.report);
		if (library_open_put(ui->lib, ui->report, ui->db, &cause) != 0)
			ui_error(ui, &cause);
	}
	/* With one assessment there is none to tell apart. */
	if (library_members(ui->opts.lib_dir != NULL ? ui->opts.lib_dir :
	    "/nonexistent", ui->opts.builtin_db != NULL ?
	    ui->opts.builtin_db : "", &e, &n, &cause) == 0) {
		ui->many = n > 1 || ui->report == NULL;
		library_entries_free(e, n);
	}
	free(cause);
}

void
ui_report_stop(struct ui *ui)
{
	size_t	 i;

	for (i = 0; i < ui->nseen; i++) {
		free(ui->seen[i].name);
		history_free(ui->seen[i].history);
	}
	free(ui->seen);
	ui_switch_clear(&ui->sw);
	library_open_free(ui->lib);
	free(ui->report);
	free(ui->key);
}

/* Keep the history of the assessment shown; take name's, or a new one. */
static void
ui_report_history(struct ui *ui, const char *name)
{
	struct history	*h = NULL;
	size_t		 i;

	if (ui->report != NULL) {
		ui->seen = xreallocarray(ui->seen, ui->nseen + 1,
		    sizeof *ui->seen);
		ui->seen[ui->nseen].name = xstrdup(ui->report);
		ui->seen[ui->nseen++].history = ui->history;
	} else
		history_free(ui->history);
	for (i = 0; i < ui->nseen; i++)
		if (strcmp(ui->seen[i].name, name) == 0) {
			h = ui->seen[i].history;
			free(ui->seen[i].name);
			ui->seen[i] = ui->seen[--ui->nseen];
			break;
		}
	ui->history = h != NULL ? h : history_new(256);
}

/* Show name; 0, or -1 with the status line saying why not. */
static int
ui_report_switch(struct ui *ui, const char *name)
{
	const struct library_entry	*e;
	struct db			*db;
	char				*cause = NULL, *path, *key;

	if ((db = library_open_get(ui->lib, name, &e, &cause)) == NULL ||
	    (path = library_open_path(ui->lib, name, &cause)) == NULL) {
		ui_error(ui, &cause);
		return -1;
	}
	if ((key = realpath(path, NULL)) == NULL)
		key = xstrdup(path);
	free(path);
	db_read_end(ui->db);
	ui_unload(ui);
	ui_report_history(ui, name);
	ui->db = db;
	db_read_begin(db);
	free(ui->key);
	ui->opts.db_key = ui->key = key;
	free(ui->report);
	ui->report = xstrdup(name);
	ui->many = 1;
	ui->zoom = -1;
	ui->focus = 0;
	ui->last_how = UI_JUMP;
	ui_load(ui);
	ui->redraw_all = 1;
	ui_message(ui, 0, "Reading %s: %s", name, e->title);
	return 0;
}

/* Then the section asked for, and the search's result, in it. */
static void
ui_report_goto(struct ui *ui, const struct ui_switch *sw)
{
	char	*cause = NULL;
	int64_t	 id;

	if (model_resolve(ui->db, sw->path, &id, &cause) != 0) {
		ui_message(ui, 1, "%s: %s", sw->name, cause);
		free(cause);
		return;
	}
	if (sw->query != NULL)
		search_set(ui, sw->query, sw->ids, sw->n, sw->chosen);
	ui_select(ui, id, UI_JUMP);
	if (sw->query != NULL) {
		ui_focus(ui, "reader");
		ui_notify(ui, NOTE_MATCH);
	}
}

void
ui_report_apply(struct ui *ui)
{
	struct ui_switch	 sw = ui->sw;

	if (sw.name == NULL)
		return;
	memset(&ui->sw, 0, sizeof ui->sw);
	if ((ui->report == NULL || strcmp(ui->report, sw.name) != 0) &&
	    ui_report_switch(ui, sw.name) != 0) {
		ui_switch_clear(&sw);
		return;
	}
	/* The section is read on the main screen, whatever was over it. */
	while (sw.path != NULL && ui->top != NULL)
		ui_close(ui, ui->top);
	if (sw.path != NULL)
		ui_report_goto(ui, &sw);
	ui_switch_clear(&sw);
}
