/*
 * csv_read.c: reading CSV strictly, a record at a time, with line numbers.
 *
 * libcsv does the parsing.  It does not count lines, so the input is fed
 * to it one line at a time: a record that ends while line L is being fed
 * ended on line L, and the next one starts on L + 1.  Completed records
 * wait in a small queue until csv_read_next() hands them out.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "core/csv_read.h"
#include "core/utf8.h"
#include "core/xmalloc.h"

#define CSV_READ_BUF	65536
#define CSV_READ_LONE_CR \
	"a carriage return without a line feed: lines must end with LF or CRLF"

struct csv_reader {
	FILE			*f;
	char			*name;
	size_t			 max_fields;
	struct csv_parser	 p;

	char			*buf;		/* CSV_READ_BUF bytes */
	size_t			 pos, end;
	int			 eof, started, done;

	unsigned long		 line;		/* the line being fed */
	unsigned long		 next_start;	/* where the next record starts */
	int			 pending;	/* a record has begun */
	int			 cr_ends;	/* records a CR ended */
	int			 cr_carry;	/* the last byte fed did */

	/*
	 * The record being built: its fields' texts, each NUL-ended, one
	 * after another, and their lengths; kept from record to record.  A
	 * record ended is copied into one block (csv_read_take()).
	 */
	char			*text;
	size_t			 tlen, tcap;
	size_t			*lens;
	size_t			 nfields, fcap;
	struct csv_record	*queue;		/* completed records */
	size_t			 nqueue, qcap, qhead;
	struct csv_record	 out;		/* handed to the caller */
	char			*error;		/* set by a callback */
};

static int
csv_read_never_space(unsigned char c)
{
	(void)c;
	return 0;
}

struct csv_reader *
csv_read_open(FILE *f, const char *name, size_t max_fields)
{
	struct csv_reader	*r;

	r = xcalloc(1, sizeof *r);
	/* Not zeroed: only what fread() fills is read. */
	r->buf = xmalloc(CSV_READ_BUF);
	r->f = f;
	r->name = xstrdup(name);
	r->max_fields = max_fields;
	r->line = r->next_start = 1;
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		fprintf(stderr, "icsbrowse: out of memory\n");
		abort();
	}
	csv_set_space_func(&r->p, csv_read_never_space);
	return r;
}

/* A record's fields, lengths and texts are one block, at fields. */
static void
csv_record_clear(struct csv_record *rec)
{
	free(rec->fields);
	memset(rec, 0, sizeof *rec);
}

void
csv_read_free(struct csv_reader *r)
{
	size_t	 i;

	if (r == NULL)
		return;
	csv_free(&r->p);
	free(r->text);
	free(r->lens);
	csv_record_clear(&r->out);
	for (i = r->qhead; i < r->nqueue; i++)
		csv_record_clear(&r->queue[i]);
	free(r->queue);
	free(r->error);
	free(r->name);
	free(r->buf);
	free(r);
}

static void
csv_read_fail(struct csv_reader *r, unsigned long line, const char *what)
{
	if (r->error == NULL)
		r->error = xasprintf("%s:%lu: %s", r->name, line, what);
}

/* libcsv's callback for the end of a field. */
static void
csv_read_field(void *s, size_t len, void *arg)
{
	struct csv_reader	*r = arg;
	size_t			 bad;
	char			 what[128];

	if (r->error != NULL)
		return;
	if (r->nfields == r->max_fields) {
		snprintf(what, sizeof what, "more than %zu fields",
		    r->max_fields);
		csv_read_fail(r, r->next_start, what);
		return;
	}
	if (len > CSV_FIELD_MAX) {
		snprintf(what, sizeof what, "field %zu is longer than the "
		    "limit of %d bytes", r->nfields + 1, CSV_FIELD_MAX);
		csv_read_fail(r, r->next_start, what);
		return;
	}
	if (utf8_validate(s, len, &bad) != 0) {
		snprintf(what, sizeof what, "field %zu: %s at byte %zu",
		    r->nfields + 1, ((char *)s)[bad] == '\0' ? "NUL byte" :
		    "invalid UTF-8", bad + 1);
		csv_read_fail(r, r->next_start, what);
		return;
	}
	if (r->nfields == r->fcap) {
		r->fcap = r->fcap ? r->fcap * 2 : 8;
		r->lens = xreallocarray(r->lens, r->fcap, sizeof *r->lens);
	}
	/* At most CSV_FIELD_MAX + 1 a field, and max_fields of them. */
	if (r->tcap - r->tlen < len + 1) {
		while (r->tcap - r->tlen < len + 1)
			r->tcap = r->tcap ? r->tcap * 2 : 256;
		r->text = xreallocarray(r->text, r->tcap, 1);
	}
	if (len > 0)
		memcpy(r->text + r->tlen, s, len);
	r->text[r->tlen + len] = '\0';
	r->tlen += len + 1;
	r->lens[r->nfields++] = len;
}

/* The record built, in one block: the fields, their lengths, the texts. */
static void
csv_read_take(struct csv_reader *r, struct csv_record *rec)
{
	size_t	 i, n = r->nfields, head = n * (sizeof *rec->fields +
		    sizeof *rec->lens);
	char	*block, *t;

	block = xmalloc(head + r->tlen + 1);
	rec->fields = (char **)(void *)block;
	rec->lens = (size_t *)(void *)(block + n * sizeof *rec->fields);
	t = block + head;
	if (r->tlen > 0)
		memcpy(t, r->text, r->tlen);
	for (i = 0; i < n; i++) {
		rec->fields[i] = t;
		rec->lens[i] = r->lens[i];
		t += r->lens[i] + 1;
	}
	rec->nfields = n;
	r->nfields = 0;
	r->tlen = 0;
}

/* libcsv's callback for the end of a record. */
static void
csv_read_record(int c, void *arg)
{
	struct csv_reader	*r = arg;

	if (r->error != NULL)
		return;
	if (c == CSV_CR)
		r->cr_ends++;
	if (r->nqueue == r->qcap) {
		r->qcap = r->qcap ? r->qcap * 2 : 4;
		r->queue = xreallocarray(r->queue, r->qcap, sizeof *r->queue);
	}
	r->queue[r->nqueue].line = r->next_start;
	csv_read_take(r, &r->queue[r->nqueue++]);
	r->next_start = r->line + 1;
	r->pending = 0;
}

/* Fill the buffer; returns 0, or -1 with r->error set on a read error. */
static int
csv_read_fill(struct csv_reader *r)
{
	size_t	 n;

	if (r->pos > 0) {
		memmove(r->buf, r->buf + r->pos, r->end - r->pos);
		r->end -= r->pos;
		r->pos = 0;
	}
	n = fread(r->buf + r->end, 1, CSV_READ_BUF - r->end, r->f);
	r->end += n;
	if (n == 0 || r->end < CSV_READ_BUF) {
		if (ferror(r->f)) {
			r->error = xasprintf("%s: read error: %s", r->name,
			    strerror(errno));
			return -1;
		}
		if (feof(r->f))
			r->eof = 1;
	}
	if (!r->started) {
		r->started = 1;
		if (r->end >= 3 && memcmp(r->buf, "\xef\xbb\xbf", 3) == 0)
			r->pos = 3;
	}
	return 0;
}

static int
csv_read_blank(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* libcsv's parse error, said where the record began if not on this line. */
static void
csv_read_parse_error(struct csv_reader *r)
{
	char	 what[192];
	int	 n;

	if (csv_error(&r->p) != CSV_EPARSE) {
		csv_read_fail(r, r->line, "out of memory");
		return;
	}
	n = snprintf(what, sizeof what, "malformed CSV: a quote inside an "
	    "unquoted field, or text after a closing quote");
	if (r->next_start < r->line)
		snprintf(what + n, sizeof what - n, " (in the record that "
		    "starts on line %lu)", r->next_start);
	csv_read_fail(r, r->line, what);
}

/* Parse len bytes; returns how many records a CR ended. */
static int
csv_read_parse(struct csv_reader *r, const char *s, size_t len)
{
	r->cr_ends = 0;
	if (len > 0 && csv_parse(&r->p, s, len, csv_read_field,
	    csv_read_record, r) != len && r->error == NULL)
		csv_read_parse_error(r);
	return r->cr_ends;
}

/* Feed one line (or what there is of it) to libcsv. */
static void
csv_read_feed(struct csv_reader *r, const char *s, size_t len)
{
	int	 nl = s[len - 1] == '\n';
	size_t	 tail;

	if (r->cr_carry && s[0] != '\n')
		csv_read_fail(r, r->line, CSV_READ_LONE_CR);
	r->cr_carry = 0;
	if (r->error != NULL)
		return;
	if (!r->pending && csv_read_blank(s, len)) {
		if (nl)
			r->next_start = ++r->line;
		return;
	}
	r->pending = 1;
	/*
	 * libcsv ends a record at a CR as at an LF, so a lone CR would put
	 * the line count out.  Only the CR of a final CRLF may end one, or
	 * a CR that ends the bytes fed if the next byte is an LF.
	 */
	tail = nl ? (len >= 2 && s[len - 2] == '\r' ? 2 : 0) :
	    s[len - 1] == '\r';
	if (csv_read_parse(r, s, len - tail) > 0 && r->error == NULL)
		csv_read_fail(r, r->line, CSV_READ_LONE_CR);
	if (r->error == NULL && csv_read_parse(r, s + len - tail, tail) > 0 &&
	    tail == 1)
		r->cr_carry = 1;
	if (r->error == NULL && r->p.entry_pos > CSV_FIELD_MAX) {
		char	 what[96];

		snprintf(what, sizeof what, "a field is longer than the limit "
		    "of %d bytes", CSV_FIELD_MAX);
		csv_read_fail(r, r->next_start, what);
	}
	if (nl)
		r->line++;
}

/* Feed input until a record completes, the input ends or an error. */
static int
csv_read_more(struct csv_reader *r)
{
	char	*nl;
	size_t	 len;

	if (r->pos == r->end || memchr(r->buf + r->pos, '\n',
	    r->end - r->pos) == NULL) {
		if (!r->eof && csv_read_fill(r) != 0)
			return -1;
	}
	if (r->pos == r->end && r->eof) {
		/* It returns -1, not CSV_EPARSE, for an open quote. */
		if (csv_fini(&r->p, csv_read_field, csv_read_record, r) != 0)
			csv_read_fail(r, r->next_start, csv_error(&r->p) ==
			    CSV_EPARSE ? "unterminated quoted field" :
			    "out of memory");
		if (r->cr_carry)
			csv_read_fail(r, r->line, CSV_READ_LONE_CR);
		r->done = 1;
		return r->error != NULL ? -1 : 0;
	}
	nl = memchr(r->buf + r->pos, '\n', r->end - r->pos);
	len = nl != NULL ? (size_t)(nl - (r->buf + r->pos)) + 1 :
	    r->end - r->pos;
	csv_read_feed(r, r->buf + r->pos, len);
	r->pos += len;
	return r->error != NULL ? -1 : 0;
}

int
csv_read_next(struct csv_reader *r, struct csv_record **rec, char **cause)
{
	csv_record_clear(&r->out);
	/* A record ended by a CR waits until we know an LF follows. */
	while (r->qhead == r->nqueue || r->cr_carry) {
		if (r->qhead == r->nqueue)
			r->qhead = r->nqueue = 0;
		if (r->done)
			return 0;
		if (csv_read_more(r) != 0) {
			*cause = r->error;
			r->error = NULL;
			r->done = 1;
			return -1;
		}
	}
	r->out = r->queue[r->qhead++];
	*rec = &r->out;
	return 1;
}
