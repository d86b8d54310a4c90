/*
 * report_lists.c: lists a PDF's text printed away from the sentences
 * that introduce them, put back (see report_lists.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "core/report_layout.h"
#include "core/report_lists.h"
#include "core/xmalloc.h"

/* The most sentences a run of them can hold, and paragraphs after it. */
#define LISTS_MAX	8
#define LISTS_BETWEEN	3

static int
lists_ends(const struct report_unit *u, char c)
{
	size_t	 n = strlen(u->text);

	return n > 0 && u->text[n - 1] == c;
}

/* A sentence that introduces a list: a paragraph ending with a colon. */
static int
lists_intro(const struct report_unit *u)
{
	return u->kind == UNIT_PARA && lists_ends(u, ':');
}

/* An item whose bullet was lost: it opens in lower case. */
static int
lists_item(const struct report_unit *u)
{
	return u->kind != UNIT_SUBITEM && islower((unsigned char)u->text[0]);
}

/* A heading, as report_tree.c tells one: one line, no end punctuation. */
static int
lists_heading(const struct report_unit *u)
{
	size_t	 n = strlen(u->text);

	return u->nlines == 1 && (n == 0 || strchr(".:;!?,", u->text[n - 1])
	    == NULL);
}

/*
 * The units from i on as k sentences, then between paragraphs, then a run
 * of items ending at *end (exclusive) in as many lists as sentences;
 * returns k, or 0 if they are not that shape.  lists[j] is where the jth
 * list starts.
 */
static size_t
lists_shape(const struct report_unit *u, size_t n, size_t i, size_t *items,
    size_t *end, size_t *lists)
{
	size_t	 k = 0, j, between = 0, nl = 0;

	for (j = i; j < n && lists_intro(&u[j]) && k < LISTS_MAX; j++)
		k++;
	/* The first sentence has lost its list: something else follows. */
	if (k == 0 || j >= n || (k == 1 && lists_item(&u[j])))
		return 0;
	for (; j < n && !lists_item(&u[j]); j++)
		if (k > 1 || lists_heading(&u[j]) || lists_intro(&u[j]) ||
		    ++between > LISTS_BETWEEN)
			return 0;
	*items = j;
	for (; j < n && lists_item(&u[j]); j++) {
		if (j == *items || lists_ends(&u[j - 1], '.')) {
			if (nl == k)
				return 0;
			lists[nl++] = j;
		}
	}
	*end = j;
	return nl == k && j > *items && lists_ends(&u[j - 1], '.') ? k : 0;
}

/* Reorder u[i..end): sentence, its list, ..., then the paragraphs. */
static void
lists_move(struct report *r, struct report_unit *u, size_t i, size_t k,
    size_t items, size_t end, const size_t *lists)
{
	struct report_unit	*tmp;
	size_t			 j, m, o = 0, stop;

	tmp = xcalloc(end - i, sizeof *tmp);
	for (j = 0; j < k; j++) {
		tmp[o++] = u[i + j];
		stop = j + 1 < k ? lists[j + 1] : end;
		for (m = lists[j]; m < stop; m++) {
			u[m].kind = UNIT_ITEM;
			if (o != m - i)
				report_drop(r, u[m].at, "moved to the list that "
				    "line %lu introduces: %s", u[i + j].at->no,
				    u[m].text);
			tmp[o++] = u[m];
		}
	}
	for (j = i + k; j < items; j++)
		tmp[o++] = u[j];
	memcpy(u + i, tmp, (end - i) * sizeof *tmp);
	free(tmp);
}

void
report_lists(struct report *r, struct report_unit *u, size_t n)
{
	size_t	 i, k, items, end, lists[LISTS_MAX];

	for (i = 0; i < n; i++) {
		if ((k = lists_shape(u, n, i, &items, &end, lists)) == 0)
			continue;
		lists_move(r, u, i, k, items, end, lists);
		i = end - 1;
	}
}
