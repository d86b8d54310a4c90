/*
 * place_names.c: the other names the texts give a place.
 *
 * An abbreviation is a word of two or more capitals in a place's name.
 * Its spellings are looked for in the dataset's paragraphs and items, as
 * the texts write them: the words before "(ABBR)".
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/place_names.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"

/* The spellings looked at for one abbreviation, at most. */
#define SPELLINGS_MAX	32

static const char *const small_words[] = {
	"and", "of", "the", "for", "&", NULL
};

static int
names_small(const char *w, size_t len)
{
	size_t	 i;

	for (i = 0; small_words[i] != NULL; i++)
		if (strlen(small_words[i]) == len &&
		    strncmp(small_words[i], w, len) == 0)
			return 1;
	return 0;
}

/* Walk back from end over the words of text[0..end) spelling abbr. */
static char *
names_back(const char *text, const char *end, const char *abbr)
{
	const char	*w, *first = NULL;
	size_t		 k = strlen(abbr);

	while (k > 0) {
		while (end > text && (end[-1] == ' ' || end[-1] == ','))
			end--;
		for (w = end; w > text && w[-1] != ' ' && w[-1] != ','; w--)
			;
		if (w == end)
			return NULL;
		if (!names_small(w, (size_t)(end - w))) {
			if (toupper((unsigned char)*w) != abbr[k - 1])
				return NULL;
			k--;
			first = w;
		}
		end = w;
	}
	return first != NULL ? xstrdup(first) : NULL;
}

char *
place_names_expand(const char *text, const char *abbr)
{
	char		*pat, *s, *cut;
	const char	*at;

	pat = xasprintf(" (%s)", abbr);
	at = strstr(text, pat);
	free(pat);
	if (at == NULL || (s = names_back(text, at, abbr)) == NULL)
		return NULL;
	/* names_back() copied from the first word to the end: cut it. */
	cut = strstr(s, " (");
	while (cut != NULL && strncmp(cut + 2, abbr, strlen(abbr)) != 0)
		cut = strstr(cut + 1, " (");
	if (cut != NULL)
		*cut = '\0';
	return s;
}

/* Case aside, '-', '_' and ' ' alike, as places_find() compares. */
static int
names_fold(int c)
{
	c = tolower((unsigned char)c);
	return c == '-' || c == '_' || c == ',' ? ' ' : c;
}

static int
names_prefix(const char *s, const char *what)
{
	for (; *what != '\0'; s++, what++)
		if (names_fold(*s) != names_fold(*what))
			return 0;
	return 1;
}

/* Whether what starts name with abbr spelt out, or a word of spelling. */
static int
names_try(const char *name, const char *abbr, const char *spelling,
    const char *what)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*at = strstr(name, abbr), *w;
	int		 hit;

	strbuf_add(&sb, name, (size_t)(at - name));
	strbuf_adds(&sb, spelling);
	strbuf_adds(&sb, at + strlen(abbr));
	hit = names_prefix(strbuf_str(&sb), what);
	strbuf_free(&sb);
	for (w = spelling; !hit && *w != '\0'; w++)
		if ((w == spelling || w[-1] == ' ') && *w != ' ' &&
		    !names_small(w, strcspn(w, " ,")))
			hit = names_prefix(w, what);
	return hit;
}

/* Whether what names name through the spellings of abbr in the texts. */
static int
names_abbr(struct db *db, const char *name, const char *abbr,
    const char *what, char **cause)
{
	sqlite3_stmt	*st;
	char		*pat, *s;
	int		 r, n = 0, hit = 0;

	pat = xasprintf("%% (%s)%%", abbr);
	if (db_stmt(db, "SELECT text FROM blocks WHERE text LIKE ?1",
	    &st, cause) != 0) {
		free(pat);
		return -1;
	}
	sqlite3_bind_text(st, 1, pat, -1, SQLITE_TRANSIENT);
	r = SQLITE_ROW;
	while (!hit && n++ < SPELLINGS_MAX &&
	    (r = sqlite3_step(st)) == SQLITE_ROW) {
		s = place_names_expand((const char *)sqlite3_column_text(st, 0),
		    abbr);
		if (s != NULL)
			hit = names_try(name, abbr, s, what);
		free(s);
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE) {
		*cause = db_cause(db, "cannot read the texts for a place's "
		    "names");
		hit = -1;
	}
	db_release(db, st);
	free(pat);
	return hit;
}

int
place_names_match(struct db *db, const char *name, const char *what,
    char **cause)
{
	const char	*w;
	char		*abbr;
	size_t		 len;
	int		 hit = 0;

	for (w = name; hit == 0 && *w != '\0'; w += len) {
		w += strspn(w, " ");
		len = strcspn(w, " ");
		if (len < 2 || strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != len)
			continue;
		abbr = xstrndup(w, len);
		hit = names_abbr(db, name, abbr, what, cause);
		free(abbr);
	}
	return hit;
}
