/*
 * report_tree.c: a report's paragraphs and items into its tree.
 *
 * A walk over the units with the open nodes as its state: headings of
 * the frameworks open the nodes they name (a theme, a statement and its
 * parts), other headings open sub-sections of the node they fall in, and
 * every other unit becomes a block of the innermost open node.  A heading
 * is a one-line paragraph that no sentence punctuation ends, that holds no
 * link and is no wider than HEADING_MAX: the layout of a heading.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/report.h"
#include "core/report_layout.h"
#include "core/report_parse.h"
#include "core/scores.h"
#include "core/statements.h"
#include "core/utf8.h"
#include "core/xmalloc.h"

#define HEADING_MAX	120
#define NSTATEMENTS	32	/* as report_found's arrays */

struct tree {
	struct report		*r;
	size_t			 overview;	/* the Overview part */
	size_t			 section;	/* a fixed overview section */
	size_t			 part;		/* an LA summary part */
	size_t			 summary_part;	/* LA: Overall summary */
	size_t			 theme;
	size_t			 summary;	/* a theme's summary findings */
	size_t			 stmt;
	size_t			 sub;		/* a part or sub-section of it */
	size_t			 keyfind;	/* LA: Key findings */
	size_t			 prio;		/* the priority area */
	size_t			 cur;		/* where blocks go */
	size_t			 boxed;		/* a part its box went to */
	int			 km;		/* paragraphs in key messages */
	int			 in_scores;
	int			 in_rating;
	int			 begun;		/* a framework heading seen */
	int			 la_themes;
	const struct statement	*pending;	/* LA summary: awaits a score */
	const struct statement	*cur_st;	/* the open statement's */
	struct report_found	 f;
	size_t			 score_of[NSTATEMENTS];	/* r->scores + 1 */
};

static int
tree_candidate(const struct report *r, const struct report_unit *u)
{
	size_t	 n = strlen(u->text);

	/* Where the type tells headings, only larger type is one. */
	if (r->styled && !u->at->big)
		return 0;
	/* Headings are capitalised: a lower-case line is a lost item. */
	if (u->kind != UNIT_PARA || u->linked || n == 0 ||
	    strchr(".:;!?,", u->text[n - 1]) != NULL ||
	    islower((unsigned char)u->text[0]))
		return 0;
	return utf8_width(u->text, n) <= HEADING_MAX;
}

/* The node for theme name, made (with no heading) if not yet there. */
static size_t
tree_theme_named(struct tree *t, const char *name,
    const struct report_unit *u)
{
	size_t	 i;

	for (i = 0; i < t->r->nnodes; i++)
		if (strcmp(t->r->nodes[i].kind, "theme") == 0 &&
		    strcmp(t->r->nodes[i].title, name) == 0)
			return i + 1;
	return report_add_node(t->r, "theme", NULL, name, "", 0, u->at);
}

static void
tree_close(struct tree *t, int depth)
{
	if (depth <= 0) {
		t->theme = t->prio = t->summary = 0;
		t->section = 0;
	}
	if (depth <= 1)
		t->part = t->stmt = 0;
	t->sub = t->keyfind = 0;
	t->km = -1;
	t->in_scores = t->in_rating = 0;
	t->pending = NULL;
}

static void
tree_theme(struct tree *t, const struct report_unit *u, const char *name,
    size_t len)
{
	char	*n = xstrndup(name, len);

	tree_close(t, 0);
	if (statements_la_theme(n, len) != NULL)
		t->la_themes++;
	t->theme = report_add_node(t->r, "theme", NULL, n, u->text, 0, u->at);
	t->cur = t->theme;
	free(n);
}

static void
tree_statement(struct tree *t, const struct report_unit *u, const char *name,
    size_t len)
{
	const struct statement	*st = statements_find(name, len);
	const char		*theme;
	char			*title;
	size_t			 parent = t->theme;

	title = st != NULL ? xstrdup(st->name) : xstrndup(name, len);
	if (st == NULL)
		report_warn(t->r, u->at, "'%s' is no quality statement of the "
		    "framework", title);
	theme = st == NULL ? NULL : t->r->framework == REPORT_LA ?
	    st->la_theme : st->ics_theme;
	if (theme != NULL && (parent == 0 ||
	    strcmp(t->r->nodes[parent - 1].title, theme) != 0))
		parent = tree_theme_named(t, theme, u);
	tree_close(t, 1);
	t->stmt = report_add_node(t->r, "statement", NULL, title, u->text,
	    parent, u->at);
	if (st != NULL)
		t->f.stmt_node[st - statements] = t->stmt;
	t->cur_st = st;
	t->cur = t->stmt;
	free(title);
}

/* A fixed part of a theme, a statement or the overview. */
static void
tree_part(struct tree *t, const struct report_unit *u,
    const struct heading_info *h, size_t parent)
{
	size_t	 n;

	n = report_add_node(t->r, h->kind, h->slug, h->title, u->text, parent,
	    u->at);
	t->cur = n;
	t->sub = n;
	if (strcmp(h->kind, "key-findings") == 0)
		t->keyfind = n;
	if (strcmp(h->kind, "key-messages") == 0)
		t->km = 0;
}

static size_t
tree_overview(struct tree *t, const struct report_unit *u)
{
	if (t->overview == 0)
		t->overview = report_add_node(t->r, "part", "overview",
		    "Overview", "", 0, u->at);
	return t->overview;
}

/* A heading of no fixed wording: a sub-section of where it falls. */
static int
tree_free_heading(struct tree *t, const struct report_unit *u)
{
	const struct statement	*st = statements_find(u->text, strlen(u->text));
	size_t			 parent;
	const char		*kind = "subsection";

	if (t->prio != 0 && st != NULL) {
		t->sub = report_add_node(t->r, "cyp-section", NULL, u->text,
		    u->text, t->prio, u->at);
		t->r->nodes[t->sub - 1].link = t->f.stmt_node[st - statements];
		t->cur = t->sub;
		return 1;
	}
	if (t->stmt != 0)
		parent = t->keyfind != 0 ? t->keyfind : t->stmt;
	else if (t->part != 0 && t->part == t->summary_part) {
		parent = t->part;
		kind = "section";
	} else if (t->section != 0) {
		parent = t->section;
		kind = "section";
	} else if (t->prio != 0)
		parent = t->prio;
	else if (t->part != 0)
		parent = t->part;
	else
		return 0;
	t->sub = report_add_node(t->r, kind, NULL, u->text, u->text, parent,
	    u->at);
	t->cur = t->sub;
	t->km = -1;
	t->in_scores = t->in_rating = 0;
	return 1;
}

/* The local authority framework's own headings. */
static int
tree_la_heading(struct tree *t, const struct report_unit *u,
    const struct heading_info *h)
{
	switch (h->type) {
	case HD_LA_SUMMARY:
		tree_close(t, 0);
		t->part = t->summary_part = report_add_node(t->r, h->kind,
		    h->slug, h->title, u->text, 0, u->at);
		t->cur = t->part;
		return 1;
	case HD_LA_RATING:
	case HD_LA_SCORES:
		if (t->summary_part == 0 || t->stmt != 0)
			return 0;
		tree_close(t, 2);
		tree_part(t, u, h, t->summary_part);
		t->in_rating = h->type == HD_LA_RATING;
		t->in_scores = h->type == HD_LA_SCORES;
		return 1;
	case HD_LA_PART:
		if (t->stmt == 0)
			return 0;
		t->keyfind = 0;
		tree_part(t, u, h, t->stmt);
		return 1;
	default:
		return 0;
	}
}

/* Open what heading h names; returns 0 if it opens nothing here. */
static int
tree_heading(struct tree *t, const struct report_unit *u,
    const struct heading_info *h)
{
	switch (h->type) {
	case HD_THEME:
		tree_theme(t, u, h->name, h->namelen);
		return 1;
	case HD_STATEMENT:
		tree_statement(t, u, h->name, h->namelen);
		return 1;
	case HD_PRIORITY:
		tree_close(t, 0);
		t->prio = t->cur = report_add_node(t->r, h->kind, NULL,
		    h->name, u->text, 0, u->at);
		return 1;
	case HD_THEME_PART:
	case HD_SUMMARY:
		if (t->theme == 0 || t->stmt != 0)
			return 0;
		tree_part(t, u, h, t->theme);
		t->summary = h->type == HD_SUMMARY ? t->cur : 0;
		return 1;
	case HD_KEY_MESSAGES:
		if (t->stmt == 0)
			return 0;
		tree_part(t, u, h, t->stmt);
		return 1;
	case HD_OVERVIEW:
		if (t->theme != 0 || t->prio != 0 || t->summary_part != 0 ||
		    (strcmp(h->slug, "about") == 0 && t->r->framework !=
		    REPORT_LA))
			return 0;
		t->section = 0;
		tree_part(t, u, h, tree_overview(t, u));
		t->section = t->cur;
		return 1;
	default:
		return tree_la_heading(t, u, h);
	}
}

static const char *
tree_block_kind(const struct report_unit *u)
{
	return u->kind == UNIT_PARA ? "para" : u->kind == UNIT_ITEM ? "item" :
	    "subitem";
}

static void
tree_block(struct tree *t, const struct report_unit *u, const char *kind)
{
	if (t->cur == 0) {
		report_drop(t->r, u->at, "could not place: %s", u->text);
		return;
	}
	report_add_block(t->r, t->cur, kind, xstrdup(u->text), u->at);
}

/*
 * Key messages are the paragraph under the heading (with any list it
 * introduces); where a second paragraph follows with no heading of its
 * own, it opens an untitled section of findings.
 */
static void
tree_key_messages(struct tree *t, const struct report_unit *u)
{
	if (u->kind == UNIT_PARA && t->km++ >= 1) {
		t->sub = t->cur = report_add_node(t->r, "subsection",
		    "findings", "Findings", "", t->stmt, u->at);
		t->km = -1;
	}
}

/* The facts a report's first lines give: its title and dates. */
static void
tree_preamble(struct tree *t, const struct report_unit *u)
{
	struct report		*r = t->r;
	struct heading_info	 h;
	const char		*colon;
	size_t			 n;

	if (r->title == NULL && report_heading(u->text, &h) == HD_LA_TITLE) {
		r->title = xstrdup(u->text);
		r->body = xstrndup(h.name, h.namelen);
		return;
	}
	if (r->title == NULL && r->nblocks == 0) {
		r->title = xstrdup(u->text);
		n = strlen(u->text);
		/*
		 * "NAME: ...", or a 2023 pilot's "NAME assessment"; a line
		 * that begins ": " names no body.
		 */
		if ((colon = strstr(u->text, ": ")) != NULL &&
		    colon > u->text)
			r->body = xstrndup(u->text, (size_t)(colon -
			    u->text));
		else if (n > 11 && strcmp(u->text + n - 11, " assessment") == 0)
			r->body = xstrndup(u->text, n - 11);
		return;
	}
	report_fact(r, u->text);
	t->cur = tree_overview(t, u);
	tree_block(t, u, "para");
}

static void
tree_add_score(struct tree *t, size_t node, const char *label, int value,
    int out_of, const char *text)
{
	struct report		*r = t->r;
	struct report_score	*sc;
	char			*slug;

	r->scores = xreallocarray(r->scores, r->nscores + 1, sizeof *sc);
	sc = &r->scores[r->nscores++];
	sc->node = node;
	sc->label = xstrdup(label);
	slug = slug_make(label);
	sc->measure = out_of == 100 ? xstrdup("overall-score") :
	    xasprintf("score-%s", slug);
	free(slug);
	sc->value = value;
	sc->out_of = out_of;
	sc->text = xstrdup(text);
}

/* Lines of scores: the summary's, a statement page's; 0 if not one. */
static int
tree_score(struct tree *t, const struct report_unit *u)
{
	const struct statement	*st;
	const char		*w;
	size_t			 i;
	int			 v;

	if (t->in_rating) {
		if (scores_rating(u->text) != NULL && t->r->rating == NULL)
			t->r->rating = xstrdup(u->text);
		else if ((v = scores_overall(u->text)) >= 0)
			tree_add_score(t, t->cur, "Overall", v, 100, u->text);
		return 0;
	}
	if (t->in_scores) {
		if ((st = statements_find(u->text, strlen(u->text))) != NULL)
			t->pending = st;
		else if ((v = scores_line(u->text)) != 0 && t->pending) {
			i = (size_t)(t->pending - statements);
			if (t->f.summary_score[i] == 0 && t->f.nsummary <
			    NSTATEMENTS)
				t->f.summary_order[t->f.nsummary++] = i;
			t->f.summary_score[i] = v;
			t->f.summary_node[i] = t->cur;
			t->pending = NULL;
		}
		return 0;
	}
	if (t->stmt == 0 || t->cur != t->stmt || t->cur_st == NULL)
		return 0;
	i = (size_t)(t->cur_st - statements);
	if ((v = scores_line(u->text)) != 0 && t->f.page_score[i] == 0) {
		t->f.page_score[i] = v;
		tree_add_score(t, t->stmt, t->cur_st->name, v, SCORES_MAX,
		    u->text);
		t->score_of[i] = t->r->nscores;
	} else if (t->score_of[i] != 0 && t->r->scores[t->score_of[i] -
	    1].node == t->stmt && (v = scores_wording(u->text, &w)) != 0) {
		free(t->r->scores[t->score_of[i] - 1].text);
		t->r->scores[t->score_of[i] - 1].text = xstrdup(u->text);
		v = v != t->f.page_score[i] ? v : scores_words(w);
		if (v != 0 && v != t->f.page_score[i])
			report_warn(t->r, u->at, "quality statement '%s' scores "
			    "%d, but its wording is of a %d: %s", t->cur_st->name,
			    t->f.page_score[i], v, u->text);
	}
	return 0;
}

/* A heading this framework gives no fixed wording to. */
static int
tree_named(struct tree *t, const struct report_unit *u)
{
	const struct statement	*st = statements_find(u->text, strlen(u->text));
	const char		*theme;

	if (t->r->framework == REPORT_LA) {
		if ((theme = statements_la_theme(u->text, strlen(u->text))) !=
		    NULL) {
			tree_theme(t, u, u->text, strlen(u->text));
			return 1;
		}
		if (st != NULL && !t->in_scores) {
			tree_statement(t, u, u->text, strlen(u->text));
			return 1;
		}
		if (st != NULL)
			return 0;
	}
	if (st != NULL && t->summary != 0 && t->cur == t->summary) {
		report_add_block(t->r, t->cur, "item", xstrdup(u->text), u->at);
		return 1;
	}
	/* A PDF moves the boxed list of statements: put it back. */
	if (st != NULL && t->summary != 0 && t->stmt != 0 && t->prio == 0) {
		report_add_block(t->r, t->summary, "item", xstrdup(u->text),
		    u->at);
		report_drop(t->r, u->at, "moved to the list of statements of "
		    "'%s': %s", t->r->nodes[t->summary - 1].heading, u->text);
		return 1;
	}
	return tree_free_heading(t, u);
}

/*
 * A PDF prints the box of a theme's areas for development after the
 * first statement's key messages, leaving the part empty: narrow units
 * (a box's measure) before the key messages' first paragraph go back.
 */
static int
tree_box(struct tree *t, const struct report_unit *u)
{
	struct report	*r = t->r;
	size_t		 i, to = 0;

	if (t->km != 0 || !u->narrow || t->theme == 0)
		return 0;
	for (i = 0; i < r->nnodes; i++)
		if (r->nodes[i].parent == t->theme &&
		    strcmp(r->nodes[i].kind, "development") == 0)
			to = i + 1;
	for (i = 0; to != 0 && to != t->boxed && i < r->nblocks; i++)
		if (r->blocks[i].node == to)
			to = 0;
	if (to == 0)
		return 0;
	t->boxed = to;
	report_add_block(r, to, "item", xstrdup(u->text), u->at);
	report_drop(r, u->at, "moved to '%s', whose box the PDF prints "
	    "here: %s", r->nodes[to - 1].heading, u->text);
	return 1;
}

static int
tree_begins(const struct tree *t, const struct report_unit *u, enum heading hd)
{
	if (hd != HD_NONE && hd != HD_LA_TITLE)
		return 1;
	return t->r->framework == REPORT_LA && tree_candidate(t->r, u) &&
	    (statements_find(u->text, strlen(u->text)) != NULL ||
	    statements_la_theme(u->text, strlen(u->text)) != NULL);
}

static void
tree_unit(struct tree *t, const struct report_unit *u)
{
	struct heading_info	 h;
	enum heading		 hd = HD_NONE;
	const char		*w;
	int			 cand = tree_candidate(t->r, u);

	if (cand)
		hd = report_heading(u->text, &h);
	if (!t->begun && !tree_begins(t, u, hd)) {
		tree_preamble(t, u);
		return;
	}
	t->begun = 1;
	/* Title page facts, lines of scores and the rating: no headings. */
	if ((t->theme == 0 && t->stmt == 0 && t->summary_part == 0 &&
	    report_fact(t->r, u->text)) || strncmp(u->text, "Score:", 6) == 0 || scores_wording(u->text, &w) ||
	    (t->in_rating && (scores_rating(u->text) != NULL ||
	    scores_overall(u->text) >= 0)) || (hd == HD_NONE && t->in_scores &&
	    statements_find(u->text, strlen(u->text)) != NULL))
		cand = 0;
	if (cand && ((hd != HD_NONE &&
	    tree_heading(t, u, &h)) || tree_named(t, u)))
		return;
	if (tree_box(t, u))
		return;
	if (t->km >= 0)
		tree_key_messages(t, u);
	/* Scores cite the node the line goes in: now known. */
	tree_score(t, u);
	tree_block(t, u, tree_block_kind(u));
}

/* "Summary findings for quality statements" / "under the ... theme". */
static void
tree_merge_heading(const struct report *r, struct report_unit *u, size_t i,
    size_t n)
{
	struct heading_info	 h;
	char			*s;

	if (i + 1 >= n || !tree_candidate(r, &u[i]) ||
	    u[i + 1].kind != UNIT_PARA || u[i + 1].nlines != 1 ||
	    report_heading(u[i].text, &h) != HD_SUMMARY ||
	    strstr(u[i].text, " theme") != NULL ||
	    strncmp(u[i + 1].text, "under the ", 10) != 0)
		return;
	s = xasprintf("%s %s", u[i].text, u[i + 1].text);
	free(u[i].text);
	u[i].text = s;
	u[i + 1].text[0] = '\0';
}

static enum report_framework
tree_framework(const struct report_unit *u, size_t n)
{
	struct heading_info	 h;
	size_t			 i;
	int			 ics = 0;

	for (i = 0; i < n; i++) {
		switch (report_heading(u[i].text, &h)) {
		case HD_LA_TITLE:
		case HD_LA_PART:
		case HD_LA_RATING:
		case HD_LA_SCORES:
			return REPORT_LA;
		case HD_THEME:
		case HD_STATEMENT:
		case HD_THEME_PART:
			ics = 1;
			break;
		default:
			if (scores_line(u[i].text))
				return REPORT_LA;
		}
	}
	return ics ? REPORT_ICS : REPORT_UNKNOWN;
}

int
report_tree_build(struct report *r, struct report_unit *u, size_t n,
    char **cause)
{
	struct tree	 t;
	size_t		 i;

	if ((r->framework = tree_framework(u, n)) == REPORT_UNKNOWN) {
		*cause = xasprintf("%s: not a CQC assessment report: no theme "
		    "or quality statement headings found", r->nfiles > 0 ?
		    r->files[0] : "input");
		return -1;
	}
	memset(&t, 0, sizeof t);
	t.r = r;
	t.km = -1;
	for (i = 0; i < n; i++) {
		tree_merge_heading(r, u, i, n);
		if (u[i].text[0] != '\0')
			tree_unit(&t, &u[i]);
	}
	/* Headings that opened nothing (a theme's part with no theme). */
	if (r->nnodes == 0) {
		*cause = xasprintf("%s: not a CQC assessment report: no theme "
		    "or quality statement headings found", r->files[0]);
		return -1;
	}
	t.f.end = n > 0 ? u[n - 1].at : NULL;
	report_check(r, &t.f);
	return 0;
}
