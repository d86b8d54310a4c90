/*
 * json_out.h: JSON documents for scripts (--format json), written with
 * SQLite's JSON functions.
 *
 * No escaping is done by hand: every scalar goes through SQLite's
 * json_quote() as a bound parameter, on a private in-memory connection,
 * and its JSON text comes back from there; this module writes only the
 * punctuation between values.  A string is first cleaned as utf8_clean()
 * cleans text for the terminal, keeping tabs and line breaks (JSON
 * escapes those), so a value that `jq -r` prints is as safe as the TSV.
 *
 * A writer is used like a JSON generator: open an array or an object,
 * give keys and values, close it.  Inside an object every value follows a
 * key (json_out_key(), or the json_out_k* shorthands).  The elements of
 * the outermost array go one to a line, so that a document diffs well.
 * The text gathers in the writer until json_out_flush() writes it, which
 * a long listing does after each element.
 *
 * Errors (SQLite failing, which only running out of memory can make it
 * do) are kept, and the first one is reported by json_out_flush().
 */
#ifndef ICSB_JSON_OUT_H
#define ICSB_JSON_OUT_H

#include <stdint.h>
#include <stdio.h>

struct json_out;

/* A new writer; NULL with *cause set if SQLite cannot open. */
struct json_out	*json_out_new(char **cause);
/* Free the writer and what it holds unwritten; NULL does nothing. */
void		 json_out_free(struct json_out *);

void	 json_out_array_begin(struct json_out *);
void	 json_out_array_end(struct json_out *);
void	 json_out_object_begin(struct json_out *);
void	 json_out_object_end(struct json_out *);
/* The key of the next member of the object open. */
void	 json_out_key(struct json_out *, const char *key);

/* A string (cleaned, see above); s NULL writes null. */
void	 json_out_str(struct json_out *, const char *s);
/* A string of len bytes, which may hold NUL (cleaned too). */
void	 json_out_strn(struct json_out *, const char *s, size_t len);
void	 json_out_int(struct json_out *, int64_t);
/* A number; one JSON cannot hold (NaN) is written null. */
void	 json_out_real(struct json_out *, double);
void	 json_out_bool(struct json_out *, int);
void	 json_out_null(struct json_out *);

/* Shorthands for a member of an object: key, then value. */
void	 json_out_kstr(struct json_out *, const char *key, const char *s);
void	 json_out_kint(struct json_out *, const char *key, int64_t);
void	 json_out_kreal(struct json_out *, const char *key, double);
void	 json_out_kbool(struct json_out *, const char *key, int);

/*
 * Write what has gathered to fp; after the outermost value is closed,
 * end the document with a newline.  Returns 0, or -1 with *cause set
 * (the first error of the writer, or a failed write).
 */
int	 json_out_flush(struct json_out *, FILE *fp, char **cause);

#endif
