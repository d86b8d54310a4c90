/*
 * registry.h: the one table of the browser's modes.
 *
 * Each row names a mode and says what it is: a pane (its layout slot,
 * title and number come from here, in the table's order) or a stacked
 * mode; its key context (keymap.h); the keys worth a reminder on the
 * status line.  The loop reaches modes only through this table, and a
 * mode opens another by its name (ui_open()), never by its symbols.
 */
#ifndef ICSB_REGISTRY_H
#define ICSB_REGISTRY_H

#include <stddef.h>

#include "ui/keymap.h"
#include "ui/layout.h"

struct mode_ops;

enum mode_kind {
	MODE_PANE,	/* tiles the main screen, made at start */
	MODE_STACKED	/* above the panes, made when opened */
};

struct mode_entry {
	const char		*name;	/* for ui_open() and ui_focus() */
	const char		*title;	/* a pane's frame */
	enum mode_kind		 kind;
	enum layout_slot	 slot;	/* a pane's place */
	enum key_ctx		 ctx;
	const char		*hints;	/* for the status line, or NULL */
	const struct mode_ops	*ops;
};

extern const struct mode_entry	 registry[];
extern const size_t		 nregistry;

/* The row named name, or NULL. */
const struct mode_entry	*registry_find(const char *name);

#endif
