/*
 * json_out.c: JSON documents for scripts, written with SQLite's JSON
 * functions (see json_out.h).
 *
 * One prepared statement, SELECT json_quote(?1), on an in-memory
 * connection of our own, turns each scalar into JSON: a string bound as
 * text comes back quoted and escaped, a number bound as a number comes
 * back as JSON writes it, NULL as null.  Members and elements are joined
 * here, with the few characters JSON uses between values.
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/json_out.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"

/* An array or object open: its bracket, and the values so far in it. */
struct json_level {
	char	 open;		/* '[' or '{' */
	int	 count;
};

struct json_out {
	sqlite3		*h;
	sqlite3_stmt	*quote;
	struct strbuf	 buf;
	char		*error;		/* the first error, or NULL */
	/* As deep as the data: a node's children nest in it. */
	struct json_level *level;
	size_t		 nlevel;		/* allocated */
	int		 depth;
	int		 after_key;	/* a key waits for its value */
	int		 ended;		/* the outermost value is closed */
	int		 newline;	/* and its newline added */
};

struct json_out *
json_out_new(char **cause)
{
	struct json_out	*jo;

	jo = xcalloc(1, sizeof *jo);
	if (sqlite3_open_v2(":memory:", &jo->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(jo->h, "SELECT json_quote(?1)", -1,
	    &jo->quote, NULL) != SQLITE_OK) {
		*cause = xasprintf("cannot make JSON: %s", jo->h != NULL ?
		    sqlite3_errmsg(jo->h) : "out of memory");
		json_out_free(jo);
		return NULL;
	}
	return jo;
}

void
json_out_free(struct json_out *jo)
{
	if (jo == NULL)
		return;
	sqlite3_finalize(jo->quote);
	sqlite3_close(jo->h);
	strbuf_free(&jo->buf);
	free(jo->level);
	free(jo->error);
	free(jo);
}

/* Before a value or a key: the comma, and a line for an outer element. */
static void
json_out_sep(struct json_out *jo)
{
	if (jo->after_key) {
		jo->after_key = 0;
		return;
	}
	if (jo->depth == 0) {
		assert(!jo->ended);
		return;
	}
	if (jo->level[jo->depth - 1].count++ > 0)
		strbuf_addc(&jo->buf, ',');
	if (jo->depth == 1 && jo->level[0].open == '[')
		strbuf_addc(&jo->buf, '\n');
}

static void
json_out_open(struct json_out *jo, char c)
{
	json_out_sep(jo);
	jo->level = xgrowarray(jo->level, &jo->nlevel, (size_t)jo->depth + 1,
	    sizeof *jo->level);
	strbuf_addc(&jo->buf, c);
	jo->level[jo->depth].open = c;
	jo->level[jo->depth].count = 0;
	jo->depth++;
}

static void
json_out_close(struct json_out *jo, char c)
{
	assert(jo->depth > 0 && !jo->after_key);
	jo->depth--;
	assert(jo->level[jo->depth].open == (c == ']' ? '[' : '{'));
	if (jo->depth == 0 && c == ']' && jo->level[0].count > 0)
		strbuf_addc(&jo->buf, '\n');
	strbuf_addc(&jo->buf, c);
	if (jo->depth == 0)
		jo->ended = 1;
}

void
json_out_array_begin(struct json_out *jo)
{
	json_out_open(jo, '[');
}

void
json_out_array_end(struct json_out *jo)
{
	json_out_close(jo, ']');
}

void
json_out_object_begin(struct json_out *jo)
{
	json_out_open(jo, '{');
}

void
json_out_object_end(struct json_out *jo)
{
	json_out_close(jo, '}');
}

/* Step the bound statement and add its JSON; on failure add null. */
static void
json_out_step(struct json_out *jo)
{
	const unsigned char	*t;

	if (sqlite3_step(jo->quote) == SQLITE_ROW &&
	    (t = sqlite3_column_text(jo->quote, 0)) != NULL)
		strbuf_add(&jo->buf, t,
		    (size_t)sqlite3_column_bytes(jo->quote, 0));
	else {
		if (jo->error == NULL)
			jo->error = xasprintf("cannot make JSON: %s",
			    sqlite3_errmsg(jo->h));
		strbuf_adds(&jo->buf, "null");
	}
	sqlite3_reset(jo->quote);
	sqlite3_clear_bindings(jo->quote);
}

/* A JSON string of s[0..len), cleaned, without a separator. */
static void
json_out_quoted(struct json_out *jo, const char *s, size_t len)
{
	char	*clean;

	clean = utf8_clean(s, len, UTF8_KEEP_NL | UTF8_KEEP_TAB);
	if (sqlite3_bind_text(jo->quote, 1, clean, (int)strlen(clean),
	    SQLITE_TRANSIENT) != SQLITE_OK && jo->error == NULL)
		jo->error = xasprintf("cannot make JSON: %s",
		    sqlite3_errmsg(jo->h));
	free(clean);
	json_out_step(jo);
}

void
json_out_key(struct json_out *jo, const char *key)
{
	assert(jo->depth > 0 && jo->level[jo->depth - 1].open == '{' &&
	    !jo->after_key);
	json_out_sep(jo);
	json_out_quoted(jo, key, strlen(key));
	strbuf_addc(&jo->buf, ':');
	jo->after_key = 1;
}

void
json_out_strn(struct json_out *jo, const char *s, size_t len)
{
	json_out_sep(jo);
	json_out_quoted(jo, s, len);
	if (jo->depth == 0)
		jo->ended = 1;
}

void
json_out_str(struct json_out *jo, const char *s)
{
	if (s == NULL)
		json_out_null(jo);
	else
		json_out_strn(jo, s, strlen(s));
}

void
json_out_int(struct json_out *jo, int64_t i)
{
	json_out_sep(jo);
	sqlite3_bind_int64(jo->quote, 1, i);
	json_out_step(jo);
	if (jo->depth == 0)
		jo->ended = 1;
}

void
json_out_real(struct json_out *jo, double d)
{
	/* JSON has no NaN or infinity (SQLite would write "Inf"). */
	if (isnan(d) || isinf(d)) {
		json_out_null(jo);
		return;
	}
	json_out_sep(jo);
	sqlite3_bind_double(jo->quote, 1, d);
	json_out_step(jo);
	if (jo->depth == 0)
		jo->ended = 1;
}

/* The literals true, false and null are punctuation: nothing to escape. */
static void
json_out_literal(struct json_out *jo, const char *lit)
{
	json_out_sep(jo);
	strbuf_adds(&jo->buf, lit);
	if (jo->depth == 0)
		jo->ended = 1;
}

void
json_out_bool(struct json_out *jo, int b)
{
	json_out_literal(jo, b ? "true" : "false");
}

void
json_out_null(struct json_out *jo)
{
	json_out_literal(jo, "null");
}

void
json_out_kstr(struct json_out *jo, const char *key, const char *s)
{
	json_out_key(jo, key);
	json_out_str(jo, s);
}

void
json_out_kint(struct json_out *jo, const char *key, int64_t i)
{
	json_out_key(jo, key);
	json_out_int(jo, i);
}

void
json_out_kreal(struct json_out *jo, const char *key, double d)
{
	json_out_key(jo, key);
	json_out_real(jo, d);
}

void
json_out_kbool(struct json_out *jo, const char *key, int b)
{
	json_out_key(jo, key);
	json_out_bool(jo, b);
}

int
json_out_flush(struct json_out *jo, FILE *fp, char **cause)
{
	if (jo->error != NULL) {
		*cause = jo->error;
		jo->error = NULL;
		return -1;
	}
	if (jo->ended && !jo->newline) {
		strbuf_addc(&jo->buf, '\n');
		jo->newline = 1;
	}
	if (jo->buf.len > 0 && fwrite(jo->buf.buf, 1, jo->buf.len, fp) !=
	    jo->buf.len) {
		*cause = xstrdup("cannot write the JSON");
		return -1;
	}
	strbuf_reset(&jo->buf);
	return 0;
}
