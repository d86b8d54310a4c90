/*
 * ui_figures.c: the figures of the selected section's subtree, read once a
 * selection and shared by the panes that want them (the reading pane's
 * highlights, the figures pane), kept until the selection changes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/places.h"
#include "core/xmalloc.h"
#include "ui/ui.h"
#include "ui/ui_priv.h"

static const char *
ui_figures_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
ui_figure_free(struct figure *f)
{
	free((char *)f->measure);
	free((char *)f->label);
	free((char *)f->place);
	free((char *)f->place_name);
	free((char *)f->text);
	free((char *)f->unit);
	free((char *)f->period);
	free((char *)f->basis);
	free((char *)f->direction);
	free((char *)f->node_path);
	free((char *)f->cmp_place);
	free((char *)f->cmp_place_name);
	free((char *)f->cmp_text);
	free((char *)f->cmp_basis);
	free((char *)f->cmp_unit);
}

void
ui_figures_clear(struct ui *ui)
{
	size_t	 i;

	for (i = 0; i < ui->figs.n; i++)
		ui_figure_free(&ui->figs.v[i]);
	free(ui->figs.v);
	memset(&ui->figs, 0, sizeof ui->figs);
}

static int
ui_figures_keep(const struct figure *f, void *arg)
{
	struct ui	*ui = arg;
	struct figure	*c;

	ui->figs.v = xreallocarray(ui->figs.v, ui->figs.n + 1,
	    sizeof *ui->figs.v);
	c = &ui->figs.v[ui->figs.n++];
	*c = *f;
	c->measure = ui_figures_dup(f->measure);
	c->label = ui_figures_dup(f->label);
	c->place = ui_figures_dup(f->place);
	c->place_name = ui_figures_dup(f->place_name);
	c->text = ui_figures_dup(f->text);
	c->unit = ui_figures_dup(f->unit);
	c->period = ui_figures_dup(f->period);
	c->basis = ui_figures_dup(f->basis);
	c->direction = ui_figures_dup(f->direction);
	c->node_path = ui_figures_dup(f->node_path);
	c->cmp_place = ui_figures_dup(f->cmp_place);
	c->cmp_place_name = ui_figures_dup(f->cmp_place_name);
	c->cmp_text = ui_figures_dup(f->cmp_text);
	c->cmp_basis = ui_figures_dup(f->cmp_basis);
	c->cmp_unit = ui_figures_dup(f->cmp_unit);
	return 0;
}

int
ui_figures_of_subtree(struct ui *ui, struct db *db, int64_t node,
    figure_cb cb, void *arg, char **cause)
{
	size_t	 i;
	int	 rc;

	/* Another database or section than the selection's: not kept. */
	if (db != ui->db || node != ui->node.id || node == 0)
		return figures_of_subtree(db, node, cb, arg, cause);
	if (!ui->figs.valid || ui->figs.id != node) {
		ui_figures_clear(ui);
		if (figures_of_subtree(db, node, ui_figures_keep, ui,
		    cause) != 0) {
			ui_figures_clear(ui);
			return -1;
		}
		ui->figs.id = node;
		ui->figs.valid = 1;
	}
	for (i = 0; i < ui->figs.n; i++)
		if ((rc = cb(&ui->figs.v[i], arg)) != 0)
			return rc;
	return 0;
}
