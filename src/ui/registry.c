/*
 * registry.c: the one table of the browser's modes.
 *
 * Adding a pane or a view is a new file with its mode_ops and a row here;
 * the panes' numbers (1 Outline ...) are their order in this table.
 */
#include "config.h"

#include <string.h>

#include "ui/mode.h"
#include "ui/registry.h"

extern const struct mode_ops pane_outline_ops, pane_reader_ops;
extern const struct mode_ops pane_keymsg_ops, pane_theme_ops;
extern const struct mode_ops pane_figures_ops;
extern const struct mode_ops view_help_ops, view_compare_ops;
extern const struct mode_ops view_sections_ops, view_marks_ops;
extern const struct mode_ops dlg_search_ops, dlg_print_ops;
extern const struct mode_ops picker_ops, view_command_ops;
extern const struct mode_ops view_library_ops, view_reports_ops;

#define PANE(name, title, slot, ctx, hints, ops) \
	{ name, title, MODE_PANE, slot, ctx, hints, ops }
#define STACKED(name, title, ctx, hints, ops) \
	{ name, title, MODE_STACKED, SLOT_NONE, ctx, hints, ops }

const struct mode_entry registry[] = {
	PANE("outline", "Outline", SLOT_LEFT, CTX_OUTLINE,
	    "Enter:open  h:fold  /:search  m:mark  ?:help  q:quit",
	    &pane_outline_ops),
	PANE("reader", "Reading", SLOT_MAIN, CTX_READER,
	    "PgDn:page  /:search  n/N:match  [:back  ?:help  q:quit",
	    &pane_reader_ops),
	PANE("keymsg", "Key messages", SLOT_STRIP, CTX_LIST,
	    "Tab:next pane  z:zoom  ?:help  q:quit", &pane_keymsg_ops),
	PANE("theme", "Strengths & development", SLOT_STRIP, CTX_LIST,
	    "Tab:next pane  z:zoom  ?:help  q:quit", &pane_theme_ops),
	PANE("figures", "Figures", SLOT_STRIP, CTX_LIST,
	    "Enter:open section  Tab:next pane  ?:help  q:quit",
	    &pane_figures_ops),
	STACKED("help", "Help", CTX_HELP, NULL, &view_help_ops),
	STACKED("search", "Search", CTX_TEXT, NULL, &dlg_search_ops),
	STACKED("pick", "Pick", CTX_TEXT, NULL, &picker_ops),
	STACKED("compare", "Compare places", CTX_COMPARE,
	    "s:swap  c:places  Tab:profiles  Enter:section  p:print  Bksp:back",
	    &view_compare_ops),
	STACKED("sections", "Side by side", CTX_SECTIONS,
	    "t:together  Tab:column  Enter:read  p:print  Bksp:back",
	    &view_sections_ops),
	STACKED("marks", "Marks", CTX_MARKS,
	    "K/J:move  m:unmark  x:clear  p:print  Enter:read",
	    &view_marks_ops),
	STACKED("print", "Print", CTX_TEXT, "Enter:print  Esc:cancel",
	    &dlg_print_ops),
	STACKED("library", "Assessments", CTX_LIBRARY,
	    "Enter:read  m:mark  c:compare  Esc:back", &view_library_ops),
	STACKED("reports", "Two assessments", CTX_REPORTS,
	    "Enter:side by side  Bksp:back", &view_reports_ops),
	STACKED("command", "Command", CTX_TEXT,
	    "Tab:complete  Up/Down:history  Enter:run  Esc:cancel",
	    &view_command_ops),
};
const size_t nregistry = sizeof registry / sizeof registry[0];

const struct mode_entry *
registry_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < nregistry; i++)
		if (strcmp(registry[i].name, name) == 0)
			return &registry[i];
	return NULL;
}
