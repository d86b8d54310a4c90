/*
 * cmd_assess_text.c: two assessments side by side as text (see
 * cmd_assess_text.h), for `compare --reports` of two ICS assessments,
 * which have no scores, and of two of different frameworks.
 *
 * The comparison is a list of blocks, each a section of a theme or of a
 * statement in the two assessments as documents (render/doc.h); the text
 * sets each block's two documents side by side with the renderer of
 * `show --side-by-side`, and TSV and JSON write the same documents'
 * elements a row or an object each.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_assess_text.h"
#include "cli/format.h"
#include "core/json_out.h"
#include "core/library_scores.h"
#include "core/library_sections.h"
#include "core/model.h"
#include "core/statements.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "core/xmalloc.h"
#include "render/doc.h"
#include "render/fmt_plain.h"

/* One section in the two assessments; a side is NULL where it has none. */
struct at_block {
	const char	*theme;		/* the framework's name */
	const char	*statement;	/* NULL for a theme's own section */
	const char	*section;	/* "direction" ... "key-messages" */
	struct doc	*d[2];
	char		*path[2];	/* NAME:PATH of the section */
};

struct at {
	const struct assess_text_side	*s;
	struct library_sections		 ls[2];
	struct at_block			*b;
	size_t				 n;
	int				 cross;	/* two frameworks */
	char				*cause;
};

char *
assess_text_frameworks(const char *a, const char *afw, const char *b,
    const char *bfw)
{
	return xasprintf("%s is %s assessment and %s %s one: their quality "
	    "statements cannot be lined up one by one", a,
	    strcmp(afw, "ics") == 0 ? "an ICS" : "a local authority", b,
	    strcmp(bfw, "ics") == 0 ? "an ICS" : "a local authority");
}

/* Append an element of the program's own making to d. */
static void
at_push(struct doc *d, enum doc_kind kind, int level, const char *text)
{
	struct doc_el	*el;

	d->els = xgrowarray(d->els, &d->cap, d->n + 1, sizeof *d->els);
	el = &d->els[d->n++];
	memset(el, 0, sizeof *el);
	el->kind = kind;
	el->level = level;
	el->text = utf8_clean(text, strlen(text), 0);
	el->nodekind = xstrdup("");
}

/* "NAME:PATH" of node id of side k, or NULL with at->cause. */
static char *
at_path(struct at *at, int k, int64_t id)
{
	struct node	 n;
	char		*p;

	if (model_get(at->s[k].db, id, &n, &at->cause) != 0)
		return NULL;
	p = xasprintf("%s:%s", at->s[k].name, n.path);
	node_clear(&n);
	return p;
}

/* A new block of section sec; its sides are added by the caller. */
static struct at_block *
at_block(struct at *at, const char *theme, const char *statement,
    const char *sec)
{
	struct at_block	*b;

	at->b = xreallocarray(at->b, at->n + 1, sizeof *at->b);
	b = &at->b[at->n++];
	memset(b, 0, sizeof *b);
	b->theme = theme;
	b->statement = statement;
	b->section = sec;
	return b;
}

/* Side k of a block: node id and what is under it; 0 adds nothing. */
static int
at_node(struct at *at, struct at_block *b, int k, int64_t id)
{
	if (id == 0)
		return 0;
	b->d[k] = doc_new(at->s[k].db);
	if ((b->path[k] = at_path(at, k, id)) == NULL ||
	    doc_add_node(b->d[k], at->s[k].db, id, &at->cause) != 0)
		return -1;
	return 0;
}

/* Side k of a block of theme t's statements (and their scores). */
static int
at_statements(struct at *at, struct at_block *b, int k, size_t t)
{
	const struct library_sections	*ls = &at->ls[k];
	const struct library_statement	*st;
	size_t				 i, n;
	char				*item;

	if (ls->theme[t].node == 0)
		return 0;
	b->d[k] = doc_new(at->s[k].db);
	if ((b->path[k] = at_path(at, k, ls->theme[t].node)) == NULL)
		return -1;
	at_push(b->d[k], DOC_HEADING, 1, "Quality statements");
	st = library_statements(at->s[k].framework, &n);
	for (i = 0; i < n; i++) {
		if (strcmp(st[i].theme, ls->theme[t].name) != 0 ||
		    ls->statement[i] == 0)
			continue;
		item = at->s[k].sc->score[i] > 0 ? xasprintf("%s: score %d",
		    st[i].name, at->s[k].sc->score[i]) : xstrdup(st[i].name);
		at_push(b->d[k], DOC_ITEM, 0, item);
		free(item);
	}
	return 0;
}

/* The blocks of theme ta of side 0, tb of side 1. */
static int
at_theme(struct at *at, size_t ta, size_t tb)
{
	const struct library_theme	*x = &at->ls[0].theme[ta];
	const struct library_theme	*y = &at->ls[1].theme[tb];
	const struct library_statement	*st;
	struct at_block			*b;
	size_t				 i, n;
	int				 k;

	for (k = 0; k < LIBRARY_NSUMMARY; k++) {
		if (x->summary[k] == 0 && y->summary[k] == 0)
			continue;
		b = at_block(at, x->name, NULL, library_summary_kind(k));
		if (at_node(at, b, 0, x->summary[k]) != 0 ||
		    at_node(at, b, 1, y->summary[k]) != 0)
			return -1;
	}
	if (at->cross) {
		b = at_block(at, x->name, NULL, "statements");
		return at_statements(at, b, 0, ta) == 0 &&
		    at_statements(at, b, 1, tb) == 0 ? 0 : -1;
	}
	st = library_statements(at->s[0].framework, &n);
	for (i = 0; i < n; i++) {
		if (strcmp(st[i].theme, x->name) != 0 ||
		    (at->ls[0].key[i] == 0 && at->ls[1].key[i] == 0))
			continue;
		b = at_block(at, x->name, st[i].name, "key-messages");
		if (at_node(at, b, 0, at->ls[0].key[i]) != 0 ||
		    at_node(at, b, 1, at->ls[1].key[i]) != 0)
			return -1;
	}
	return 0;
}

/* All the blocks, theme by theme in side 0's framework order. */
static int
at_build(struct at *at)
{
	size_t	 t;
	int	 k, tb;

	for (k = 0; k < 2; k++)
		if (library_sections_read(at->s[k].db, at->s[k].framework,
		    &at->ls[k], &at->cause) != 0)
			return -1;
	for (t = 0; t < at->ls[0].ntheme; t++) {
		if (at->ls[0].theme[t].node == 0 || (tb =
		    library_sections_theme(&at->ls[1],
		    at->ls[0].theme[t].name)) < 0 ||
		    at->ls[1].theme[tb].node == 0)
			continue;
		if (at_theme(at, t, (size_t)tb) != 0)
			return -1;
	}
	return 0;
}

static void
at_free(struct at *at)
{
	size_t	 i;
	int	 k;

	for (i = 0; i < at->n; i++)
		for (k = 0; k < 2; k++) {
			doc_free(at->b[i].d[k]);
			free(at->b[i].path[k]);
		}
	free(at->b);
	library_sections_free(&at->ls[0]);
	library_sections_free(&at->ls[1]);
}

/* A heading across both columns, underlined with rule. */
static void
at_heading(const char *text, char rule)
{
	char	*t = utf8_clean(text, strlen(text), 0);
	int	 w = utf8_width(t, strlen(t));

	printf("\n%s\n", t);
	while (w-- > 0)
		putchar(rule);
	putchar('\n');
	free(t);
}

/* A document of one note, for a side that has no such section. */
static struct doc *
at_note(const struct assess_text_side *s)
{
	struct doc	*d = doc_new(s->db);
	char		*t = xasprintf("(no such section in %s)", s->name);

	at_push(d, DOC_PARA, 0, t);
	free(t);
	return d;
}

/* Two columns of one line each: the names of the two assessments. */
static int
at_names(const struct at *at, int width)
{
	struct doc	*d[2];
	int		 k, rc;

	for (k = 0; k < 2; k++) {
		d[k] = doc_new(at->s[k].db);
		at_push(d[k], DOC_PARA, 0, at->s[k].name);
	}
	rc = fmt_plain_side_by_side(d[0], d[1], stdout, width);
	doc_free(d[0]);
	doc_free(d[1]);
	return rc;
}

static int
at_text(const struct at *at, int width)
{
	const struct at_block	*b;
	const char		*theme = NULL;
	struct doc		*d[2];
	size_t			 i;
	int			 k, rc;

	rc = at_names(at, width);
	for (i = 0; i < at->n && rc == 0; i++) {
		b = &at->b[i];
		if (theme == NULL || strcmp(theme, b->theme) != 0)
			at_heading(theme = b->theme, '#');
		if (b->statement != NULL) {
			char	*h = xasprintf("Quality statement: %s",
			    b->statement);

			at_heading(h, '*');
			free(h);
		}
		putchar('\n');
		for (k = 0; k < 2; k++)
			d[k] = b->d[k] != NULL ? b->d[k] : at_note(&at->s[k]);
		rc = fmt_plain_side_by_side(d[0], d[1], stdout, width);
		for (k = 0; k < 2; k++)
			if (d[k] != b->d[k])
				doc_free(d[k]);
	}
	return rc;
}

/* The kind of an element for scripts; NULL for one left out. */
static const char *
at_kind(const struct doc_el *el, size_t i)
{
	switch (el->kind) {
	case DOC_HEADING:
		/* The section's own heading: the SECTION column says it. */
		return i == 0 ? NULL : "heading";
	case DOC_PARA:
		return "para";
	case DOC_ITEM:
		return "item";
	case DOC_SUBITEM:
		return "subitem";
	default:
		return NULL;
	}
}

static void
at_tsv(const struct at *at)
{
	const struct at_block	*b;
	const char		*kind;
	size_t			 i, e;
	int			 k;

	printf("THEME\tSTATEMENT\tSECTION\tASSESSMENT\tPATH\tKIND\tTEXT\n");
	for (i = 0; i < at->n; i++)
		for (b = &at->b[i], k = 0; k < 2; k++)
			for (e = 0; b->d[k] != NULL && e < b->d[k]->n; e++) {
				if ((kind = at_kind(&b->d[k]->els[e], e)) ==
				    NULL)
					continue;
				format_tsv_field(b->theme, 0);
				format_tsv_field(b->statement != NULL ?
				    b->statement : "", 0);
				format_tsv_field(b->section, 0);
				format_tsv_field(at->s[k].name, 0);
				format_tsv_field(b->path[k], 0);
				format_tsv_field(kind, 0);
				format_tsv_field(b->d[k]->els[e].text, 1);
			}
}

/* One side of a block as an object of the outer array. */
static void
at_json_side(struct json_out *j, const struct at *at,
    const struct at_block *b, int k)
{
	const char	*kind;
	size_t		 e;

	json_out_object_begin(j);
	json_out_kstr(j, "theme", b->theme);
	json_out_kstr(j, "statement", b->statement);
	json_out_kstr(j, "section", b->section);
	json_out_kstr(j, "assessment", at->s[k].name);
	json_out_kstr(j, "path", b->path[k]);
	json_out_key(j, "blocks");
	json_out_array_begin(j);
	for (e = 0; e < b->d[k]->n; e++) {
		if ((kind = at_kind(&b->d[k]->els[e], e)) == NULL)
			continue;
		json_out_object_begin(j);
		json_out_kstr(j, "kind", kind);
		json_out_kstr(j, "text", b->d[k]->els[e].text);
		json_out_object_end(j);
	}
	json_out_array_end(j);
	json_out_object_end(j);
}

static int
at_json(const struct at *at, char **cause)
{
	struct json_out	*j;
	size_t		 i;
	int		 k, rc = 0;

	if ((j = json_out_new(cause)) == NULL)
		return -1;
	json_out_array_begin(j);
	for (i = 0; i < at->n && rc == 0; i++)
		for (k = 0; k < 2 && rc == 0; k++)
			if (at->b[i].d[k] != NULL) {
				at_json_side(j, at, &at->b[i], k);
				rc = json_out_flush(j, stdout, cause);
			}
	json_out_array_end(j);
	if (rc == 0)
		rc = json_out_flush(j, stdout, cause);
	json_out_free(j);
	return rc;
}

/* The names of the themes of the blocks, "A, B", as a new string. */
static char *
at_themes(const struct at *at)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*last = NULL;
	size_t		 i;

	for (i = 0; i < at->n; i++)
		if (last == NULL || strcmp(last, at->b[i].theme) != 0) {
			strbuf_addf(&sb, "%s%s", last != NULL ? ", " : "",
			    at->b[i].theme);
			last = at->b[i].theme;
		}
	return strbuf_detach(&sb);
}

int
assess_text(const struct assess_text_side s[2], enum format fmt,
    int width, char **cause)
{
	struct at	 at;
	char		*why, *themes;
	int		 rc = CLI_FAIL;

	memset(&at, 0, sizeof at);
	at.s = s;
	at.cross = strcmp(s[0].framework, s[1].framework) != 0;
	if (at_build(&at) != 0) {
		*cause = at.cause;
		at_free(&at);
		return CLI_FAIL;
	}
	why = at.cross ? assess_text_frameworks(s[0].name, s[0].framework,
	    s[1].name, s[1].framework) : NULL;
	if (at.n == 0) {
		if (why != NULL)
			*cause = xasprintf("%s, and they have no theme of the "
			    "same name: nothing to compare", why);
		else
			*cause = xasprintf("%s and %s have no theme with a "
			    "section in both: nothing to compare", s[0].name,
			    s[1].name);
		goto out;
	}
	if (at.cross) {
		themes = at_themes(&at);
		cli_warn(NULL, 0, "%s; compared: the themes of the same name "
		    "(%s)", why, themes);
		free(themes);
	}
	if (fmt == FORMAT_JSON)
		rc = at_json(&at, cause) == 0 ? CLI_OK : CLI_FAIL;
	else {
		if (fmt == FORMAT_TSV)
			at_tsv(&at);
		else if (at_text(&at, width) != 0)
			*cause = xstrdup("compare --reports: cannot write the "
			    "comparison");
		rc = *cause == NULL ? CLI_OK : CLI_FAIL;
	}
out:
	free(why);
	at_free(&at);
	return rc;
}
