/*
 * view_command.c: the `:` line, at the foot of the screen above the
 * status line (where its errors show, the text left for editing).
 *
 * Tab completes the word before the cursor (command.c says what it could
 * be): one candidate is put in; several, their common start, and they
 * are listed above the line, Tab again cycling through them.  Up and Down
 * walk the lines run before, kept in the state database.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/state.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "ui/command.h"
#include "ui/lineedit.h"
#include "ui/mode.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/uiutil.h"

#define CMD_HISTORY_MAX	100
#define CMD_HISTORY_KEY	"command-history"

struct cmdline {
	struct lineedit		 le;
	struct command_cands	 cands;
	int			 cand;		/* cycling: the one in, or -1 */
	size_t			 word;		/* where the word completed starts */
	char			**hist;		/* oldest first */
	size_t			 nhist;
	size_t			 at;		/* in hist; nhist: the new line */
	char			*draft;		/* the new line, while walking */
};

static void
cl_hist_load(struct cmdline *c, struct ui *ui)
{
	char	*all, *line, *save = NULL;

	if (ui_state(ui) == NULL ||
	    (all = state_get(ui_state(ui), CMD_HISTORY_KEY)) == NULL)
		return;
	for (line = strtok_r(all, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		c->hist = xreallocarray(c->hist, c->nhist + 1, sizeof *c->hist);
		c->hist[c->nhist++] = xstrdup(line);
	}
	free(all);
}

/* Keep line, the newest, and save the last CMD_HISTORY_MAX. */
static void
cl_hist_add(struct cmdline *c, struct ui *ui, const char *line)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*cause = NULL;
	size_t		 i, from;

	if (c->nhist == 0 || strcmp(c->hist[c->nhist - 1], line) != 0) {
		c->hist = xreallocarray(c->hist, c->nhist + 1, sizeof *c->hist);
		c->hist[c->nhist++] = xstrdup(line);
	}
	c->at = c->nhist;
	if (ui_state(ui) == NULL)
		return;
	from = c->nhist > CMD_HISTORY_MAX ? c->nhist - CMD_HISTORY_MAX : 0;
	for (i = from; i < c->nhist; i++) {
		strbuf_adds(&sb, c->hist[i]);
		strbuf_addc(&sb, '\n');
	}
	if (state_set(ui_state(ui), CMD_HISTORY_KEY, strbuf_str(&sb),
	    &cause) != 0)
		ui_error(ui, &cause);
	strbuf_free(&sb);
}

static void
cl_hist_step(struct cmdline *c, int dir)
{
	if ((dir < 0 && c->at == 0) || (dir > 0 && c->at >= c->nhist))
		return;
	if (c->at == c->nhist) {
		free(c->draft);
		c->draft = xstrdup(le_text(&c->le));
	}
	c->at += (size_t)dir;
	le_set(&c->le, c->at == c->nhist ? c->draft : c->hist[c->at]);
}

/* Put s in place of the word being completed. */
static void
cl_put(struct cmdline *c, const char *s, int done)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 len = strlen(s);

	strbuf_add(&sb, le_text(&c->le), c->word);
	strbuf_adds(&sb, s);
	if (done && len > 0 && s[len - 1] != '/')
		strbuf_addc(&sb, ' ');
	le_set(&c->le, strbuf_str(&sb));
	strbuf_free(&sb);
}

static void
cl_complete(struct cmdline *c, struct ui *ui)
{
	const char	*t = le_text(&c->le);
	char		*common;
	size_t		 i;

	if (c->cands.n > 1 && c->cand >= -1) {
		/* Past the last read: the next ones, if there are more. */
		if ((size_t)(c->cand + 1) == c->cands.n)
			command_cands_more(ui, &c->cands);
		c->cand = (c->cand + 1) % (int)c->cands.n;
		cl_put(c, c->cands.v[c->cand], 0);
		return;
	}
	command_cands_free(&c->cands);
	/* The word before the cursor, which is at the end after a Tab. */
	c->le.cur = le_len(&c->le);
	for (i = c->le.cur; i > 0 && t[i - 1] != ' '; i--)
		;
	c->word = i;
	command_complete(ui, t, i, &c->cands);
	c->cand = -1;
	if (c->cands.n == 0)
		ui_message(ui, 0, "Nothing to complete");
	else if (c->cands.n == 1) {
		cl_put(c, c->cands.v[0], 1);
		command_cands_free(&c->cands);
	} else {
		common = xstrndup(c->cands.v[0], c->cands.common);
		cl_put(c, common, 0);
		free(common);
	}
}

/* Enter: run the line; an error leaves it to be put right. */
static int
cl_enter(struct cmdline *c, struct ui *ui)
{
	char	*line = xstrdup(le_text(&c->le)), *cause = NULL;
	int	 rc;

	if (*line == '\0') {
		free(line);
		return MODE_HANDLED | MODE_CLOSE;
	}
	cl_hist_add(c, ui, line);
	rc = ui_command(ui, line, &cause);
	free(line);
	/* Without a cause, the error is on the status line already. */
	if (rc != 0) {
		ui_error(ui, &cause);
		return MODE_HANDLED | MODE_REDRAW;
	}
	return MODE_HANDLED | MODE_CLOSE;
}

static int
cl_key(struct mode *m, const struct mode_key *k)
{
	struct cmdline	*c = m->data;

	if (k->is_char && k->key == 27)
		return MODE_HANDLED | MODE_CLOSE;
	if (k->is_char && (k->key == '\r' || k->key == '\n'))
		return cl_enter(c, m->ui);
	if (k->is_char && k->key == '\t') {
		cl_complete(c, m->ui);
		return MODE_HANDLED | MODE_REDRAW;
	}
	command_cands_free(&c->cands);
	if (!k->is_char && (k->key == KEY_UP || k->key == KEY_DOWN))
		cl_hist_step(c, k->key == KEY_UP ? -1 : 1);
	else
		le_key(&c->le, k->key, k->is_char);
	return MODE_HANDLED | MODE_REDRAW;
}

/* The foot of the screen: the line, and the candidates above it. */
static void
cl_resize(struct mode *m, struct rect *r)
{
	struct cmdline	*c = m->data;
	int		 h = c->cands.n > 1 ? 2 : 1;

	r->y = r->h > h ? r->h - h : 0;
	r->h = h;
}

static void
cl_draw_cands(struct cmdline *c, WINDOW *w, int cols)
{
	size_t	 i;

	wattrset(w, theme_attr(THEME_DIM));
	wmove(w, 0, 0);
	for (i = 0; i < c->cands.n && getcurx(w) < cols - 1; i++) {
		wattrset(w, theme_attr((int)i == c->cand ? THEME_SELECTED :
		    THEME_DIALOG));
		ui_addfit(w, c->cands.v[i], cols - 1 - getcurx(w));
		wattrset(w, theme_attr(THEME_DIALOG));
		if (getcurx(w) < cols - 2)
			waddstr(w, "  ");
	}
}

static void
cl_draw(struct mode *m, WINDOW *w, int focused)
{
	struct cmdline	*c = m->data;
	int		 cols = getmaxx(w), y = getmaxy(w) - 1, x;

	(void)focused;
	if (c->cands.n > 1)
		cl_draw_cands(c, w, cols);
	wattrset(w, theme_attr(THEME_NORMAL));
	mvwaddch(w, y, 0, ':');
	x = le_draw(&c->le, w, y, 1, cols - 1);
	wmove(w, y, x);
}

static void
cl_free(struct mode *m)
{
	struct cmdline	*c = m->data;
	size_t		 i;

	if (c == NULL)
		return;
	le_free(&c->le);
	command_cands_free(&c->cands);
	for (i = 0; i < c->nhist; i++)
		free(c->hist[i]);
	free(c->hist);
	free(c->draft);
	free(c);
}

static int
cl_open(struct mode *m, const struct mode_args *args, char **cause)
{
	struct cmdline	*c;

	(void)args;
	(void)cause;
	c = xcalloc(1, sizeof *c);
	m->data = c;
	le_init(&c->le);
	c->cand = -1;
	cl_hist_load(c, m->ui);
	c->at = c->nhist;
	return 0;
}

const struct mode_ops view_command_ops = {
	.open = cl_open,
	.resize = cl_resize,
	.draw = cl_draw,
	.key = cl_key,
	.free = cl_free,
};
