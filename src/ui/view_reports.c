/*
 * view_reports.c: two assessments of the library side by side, their
 * scores statement by statement.
 *
 * `:compare-reports A B`, or c in the list of assessments.  On top, the
 * two named, then the overall score (out of 100) and the rating; then the
 * framework's quality statements, grouped by theme, each with A's score
 * and bar, B's, and B - A.  Enter on a statement sets its two texts side
 * by side (the "sections" view, each column titled with its assessment);
 * Backspace or Esc there comes back here, the same row chosen.
 *
 * Statements are lined up by the framework (library_scores.h), never by
 * their published names.  Two ICS assessments have no scores: the rows
 * are the statements alone.  Two assessments of different frameworks
 * cannot be lined up statement by statement: the view says so and lists
 * the themes both frameworks have by name, which Enter sets side by side.
 * The members are the library's (ui_library()), open while the browser
 * runs; the rows are made when the view opens, not while drawing.  It
 * takes the whole screen, as the compare view of two places does.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/bars.h"
#include "core/library.h"
#include "core/library_open.h"
#include "core/library_scores.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "core/xmalloc.h"
#include "ui/mode.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/uiutil.h"
#include "ui/view_sections.h"

enum rv_kind {
	RV_NOTE,	/* a line of text */
	RV_OVERALL,	/* the overall scores */
	RV_RATING,
	RV_THEME,	/* a theme's heading (or, across frameworks, a row) */
	RV_STATEMENT
};

struct rv_row {
	enum rv_kind	 kind;
	int		 idx;		/* a statement's, in the framework */
	char		*text;		/* cleaned */
};

struct rv {
	const struct library_entry	*e[2];
	struct db			*db[2];
	struct library_scores		 sc[2];
	char				*head[2];	/* "A name: title" */
	char				*rating[2];	/* cleaned */
	int				 lined_up;	/* one framework */
	int				 scored;	/* some score */
	struct rv_row			*rows;
	size_t				 n;
	int				 sel, top;
};

static void
rv_add(struct rv *v, enum rv_kind kind, int idx, const char *text)
{
	v->rows = xreallocarray(v->rows, v->n + 1, sizeof *v->rows);
	v->rows[v->n].kind = kind;
	v->rows[v->n].idx = idx;
	v->rows[v->n++].text = utf8_clean(text, strlen(text), 0);
}

/* A score and its bar out of max in bw columns, padded; "-" if none. */
static void
rv_cell(struct strbuf *sb, int s, int max, int bw, int ascii)
{
	char	*bar;
	int	 cells;

	if (s <= 0) {
		strbuf_addf(sb, "%3s %*s", "-", bw, "");
		return;
	}
	bar = bar_make(s, max, bw, ascii);
	cells = ascii ? (int)strlen(bar) : (bar_eighths(s, max, bw) + 7) / 8;
	strbuf_addf(sb, "%3d %s%*s", s, bar, bw - cells, "");
	free(bar);
}

/* The right part of a row: A's cell, B's, and B - A where both are. */
static void
rv_scores(struct strbuf *sb, int a, int b, int max, int bw, int ascii)
{
	rv_cell(sb, a, max, bw, ascii);
	strbuf_adds(sb, " ");
	rv_cell(sb, b, max, bw, ascii);
	if (a > 0 && b > 0)
		strbuf_addf(sb, " %+3d", b - a);
	else
		strbuf_adds(sb, "    ");
}

/* The columns the scores take: two cells and the difference. */
static int
rv_scores_w(int bw)
{
	return 2 * (4 + bw) + 1 + 4;
}

/*
 * The rating row: each rating where its scores are, A's column as wide as
 * its rating needs, the label giving way.
 */
static void
rv_rating(const struct rv *v, struct strbuf *sb, int cols, int bw)
{
	int	 wa = utf8_width(v->rating[0], strlen(v->rating[0]));
	int	 wb = utf8_width(v->rating[1], strlen(v->rating[1]));
	int	 ca = wa + 1 > 4 + bw ? wa + 1 : 4 + bw, lw;

	/* Under the numbers: a score's cell starts with one space. */
	lw = cols - 2 - (1 + ca + 1 + wb);
	if (lw < 6)
		lw = 6;
	wrap_pad(sb, "Rating", 6, lw);
	strbuf_adds(sb, "  ");
	wrap_pad(sb, v->rating[0], strlen(v->rating[0]), ca);
	strbuf_adds(sb, " ");
	strbuf_adds(sb, v->rating[1]);
}

static void
rv_draw_row(struct rv *v, WINDOW *w, int y, int i, int cols, int ascii)
{
	const struct rv_row	*r = &v->rows[i];
	struct strbuf		 sb = STRBUF_INIT;
	int			 bw = cols >= 70 ? 8 : cols >= 50 ? 4 : 2, lw, a, b, max = 4;
	int			 role = THEME_NORMAL;

	lw = cols - 2 - rv_scores_w(bw);
	if (r->kind == RV_THEME && v->lined_up)
		role = THEME_HEADING;
	else if (r->kind == RV_NOTE)
		role = THEME_DIM;
	wattrset(w, theme_attr(i == v->sel ? THEME_SELECTED : role));
	mvwaddch(w, y, 1, i == v->sel ? '>' : ' ');
	if (r->kind == RV_STATEMENT || r->kind == RV_OVERALL ||
	    r->kind == RV_RATING) {
		strbuf_adds(&sb, r->kind == RV_STATEMENT ? "  " : "");
		wrap_pad(&sb, r->text, strlen(r->text), lw -
		    (r->kind == RV_STATEMENT ? 2 : 0));
		strbuf_adds(&sb, " ");
		if (r->kind == RV_RATING) {
			strbuf_reset(&sb);
			rv_rating(v, &sb, cols, bw);
		} else if (v->scored || r->kind == RV_OVERALL) {
			a = r->kind == RV_OVERALL ? v->sc[0].overall :
			    v->sc[0].score[r->idx];
			b = r->kind == RV_OVERALL ? v->sc[1].overall :
			    v->sc[1].score[r->idx];
			if (r->kind == RV_OVERALL)
				max = 100;
			rv_scores(&sb, a, b, max, bw, ascii);
		}
		ui_addfit(w, sb.buf, cols - 1);
	} else
		ui_addfit(w, r->text, cols - 1);
	strbuf_free(&sb);
}

static void
rv_draw(struct mode *m, WINDOW *w, int focused)
{
	struct rv	*v = m->data;
	int		 h = getmaxy(w), cols = getmaxx(w) - 2, rows, i, y, k;
	int		 ascii = !ui_utf8(m->ui), bw = cols >= 70 ? 8 : cols >= 50 ? 4 : 2;

	(void)focused;
	ui_box_draw(w, "Two assessments");
	wattrset(w, theme_attr(THEME_SUBHEADING));
	for (k = 0; k < 2; k++) {
		wmove(w, 1 + k, 1);
		ui_addfit(w, v->head[k], cols);
	}
	if (v->lined_up && v->scored && cols - 2 - rv_scores_w(bw) > 8) {
		wattrset(w, theme_attr(THEME_DIM));
		mvwprintw(w, 3, cols + 1 - rv_scores_w(bw), "%3s %*s %3s %*s%4s",
		    "A", bw, "", "B", bw, "", "B-A");
	}
	rows = h - 5;
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + rows)
		v->top = v->sel - rows + 1;
	for (i = v->top, y = 4; i < (int)v->n && y < h - 1; i++, y++)
		rv_draw_row(v, w, y, i, cols, ascii);
	wmove(w, 4 + v->sel - v->top, 1);
}

/* Enter: the row's two sections side by side, over this view. */
static void
rv_enter(struct mode *m, struct rv *v)
{
	const struct rv_row		*r = &v->rows[v->sel];
	const struct library_statement	*st;
	struct sections_request		 rq;
	struct mode_args		 args = { 0, NULL, &rq };
	char				*crumb[2];
	size_t				 ns;
	int				 k;

	if (r->kind != RV_STATEMENT && (r->kind != RV_THEME || v->lined_up)) {
		ui_message(m->ui, 0, "Enter on a %s sets its two texts side "
		    "by side", v->lined_up ? "statement" : "theme");
		return;
	}
	st = library_statements(v->e[0]->framework, &ns);
	for (k = 0; k < 2; k++) {
		rq.db[k] = v->db[k];
		rq.name[k] = v->e[k]->name;
		rq.id[k] = r->kind == RV_THEME ? library_theme_node(v->db[k],
		    r->text) : library_statement_node(v->db[k],
		    v->e[k]->framework, (size_t)r->idx);
		if (rq.id[k] == 0) {
			ui_message(m->ui, 1, "%s: no section for the %s '%s'",
			    v->e[k]->name, r->kind == RV_THEME ? "theme" :
			    "statement", r->kind == RV_THEME ? r->text :
			    st[r->idx].name);
			return;
		}
		crumb[k] = xasprintf("%c %s: %s", 'A' + k, v->e[k]->name,
		    r->kind == RV_THEME ? "theme" : st[r->idx].theme);
		rq.crumb[k] = crumb[k];
	}
	ui_open(m->ui, "sections", &args);
	free(crumb[0]);
	free(crumb[1]);
}

static int
rv_key(struct mode *m, const struct mode_key *k)
{
	struct rv	*v = m->data;
	int		 rows = m->r.h - 5;

	switch (k->action) {
	case ACT_UP: v->sel--; break;
	case ACT_DOWN: v->sel++; break;
	case ACT_PAGE_UP: v->sel -= rows; break;
	case ACT_PAGE_DOWN: v->sel += rows; break;
	case ACT_HOME: v->sel = 0; break;
	case ACT_END: v->sel = (int)v->n - 1; break;
	case ACT_OPEN:
		rv_enter(m, v);
		return MODE_HANDLED;
	case ACT_HELP:
		ui_action(m->ui, ACT_HELP);
		return MODE_HANDLED;
	case ACT_BACK: case ACT_ESCAPE: case ACT_QUIT: case ACT_CLOSE:
		return MODE_HANDLED | MODE_CLOSE;
	default:
		return MODE_HANDLED;
	}
	if (v->sel >= (int)v->n)
		v->sel = (int)v->n - 1;
	if (v->sel < 0)
		v->sel = 0;
	return MODE_HANDLED | MODE_REDRAW;
}

static void
rv_free(struct mode *m)
{
	struct rv	*v = m->data;
	size_t		 i;

	if (v == NULL)
		return;
	for (i = 0; i < v->n; i++)
		free(v->rows[i].text);
	free(v->rows);
	for (i = 0; i < 2; i++) {
		library_scores_free(&v->sc[i]);
		free(v->head[i]);
		free(v->rating[i]);
	}
	free(v);
}

/* One framework: the overall, the rating, then statement by statement. */
static void
rv_rows_lined_up(struct rv *v)
{
	const struct library_statement	*st;
	const char			*theme = "";
	size_t				 i, ns;

	st = library_statements(v->e[0]->framework, &ns);
	for (i = 0; i < ns; i++)
		if (v->sc[0].score[i] > 0 || v->sc[1].score[i] > 0)
			v->scored = 1;
	if (v->scored || v->sc[0].overall >= 0 || v->sc[1].overall >= 0) {
		v->scored = 1;
		rv_add(v, RV_OVERALL, -1, "Overall (out of 100)");
	} else
		rv_add(v, RV_NOTE, -1, "No scores: the statements of both, "
		    "Enter sets their texts side by side.");
	if (*v->e[0]->rating != '\0' || *v->e[1]->rating != '\0')
		rv_add(v, RV_RATING, -1, "Rating");
	for (i = 0; i < ns; i++) {
		if (strcmp(theme, st[i].theme) != 0)
			rv_add(v, RV_THEME, -1, theme = st[i].theme);
		rv_add(v, RV_STATEMENT, (int)i, st[i].name);
	}
}

/* Two frameworks: say so; the themes of both, by name, can be set apart. */
static void
rv_rows_apart(struct rv *v)
{
	const struct library_statement	*a, *b;
	const char			*last = "";
	char				*s;
	size_t				 i, j, na, nb;
	int				 any = 0;

	s = xasprintf("%s is an %s assessment and %s an %s one:",
	    v->e[0]->name, v->e[0]->framework, v->e[1]->name,
	    v->e[1]->framework);
	rv_add(v, RV_NOTE, -1, s);
	free(s);
	rv_add(v, RV_NOTE, -1, "their statements cannot be lined up one by "
	    "one.");
	if (v->sc[0].overall >= 0 || v->sc[1].overall >= 0)
		rv_add(v, RV_OVERALL, -1, "Overall (out of 100)");
	if (*v->e[0]->rating != '\0' || *v->e[1]->rating != '\0')
		rv_add(v, RV_RATING, -1, "Rating");
	a = library_statements(v->e[0]->framework, &na);
	b = library_statements(v->e[1]->framework, &nb);
	for (i = 0; i < na; i++) {
		if (strcmp(a[i].theme, last) == 0)
			continue;
		last = a[i].theme;
		for (j = 0; j < nb && strcmp(b[j].theme, a[i].theme) != 0; j++)
			;
		if (j == nb)
			continue;
		if (!any++)
			rv_add(v, RV_NOTE, -1, "Themes of both, by name (Enter "
			    "sets the two side by side):");
		rv_add(v, RV_THEME, -1, a[i].theme);
	}
	if (!any)
		rv_add(v, RV_NOTE, -1, "Their frameworks have no theme of the "
		    "same name.");
}

/* reports A B: the two assessments of the library. */
static int
rv_open(struct mode *m, const struct mode_args *args, char **cause)
{
	struct rv	*v;
	char		*s;
	int		 k;

	if (args->argc != 2) {
		*cause = xstrdup("compare-reports: give two assessments of the "
		    "library (A to list them)");
		return -1;
	}
	v = xcalloc(1, sizeof *v);
	m->data = v;
	for (k = 0; k < 2; k++) {
		if ((v->db[k] = library_open_get(ui_library(m->ui),
		    args->argv[k], &v->e[k], cause)) == NULL ||
		    library_scores_read(v->db[k], v->e[k]->framework,
		    &v->sc[k], cause) != 0)
			return -1;
		s = xasprintf("%c %s: %s", 'A' + k, v->e[k]->name,
		    v->e[k]->title);
		v->head[k] = utf8_clean(s, strlen(s), 0);
		free(s);
		s = *v->e[k]->rating != '\0' ? v->e[k]->rating : "-";
		v->rating[k] = utf8_clean(s, strlen(s), 0);
	}
	v->lined_up = strcmp(v->e[0]->framework, v->e[1]->framework) == 0;
	if (v->lined_up)
		rv_rows_lined_up(v);
	else
		rv_rows_apart(v);
	/* The first row with something to open. */
	while (v->sel + 1 < (int)v->n && v->rows[v->sel].kind != RV_STATEMENT &&
	    (v->rows[v->sel].kind != RV_THEME || v->lined_up))
		v->sel++;
	return 0;
}

const struct mode_ops view_reports_ops = {
	.open = rv_open,
	.draw = rv_draw,
	.key = rv_key,
	.free = rv_free,
};
