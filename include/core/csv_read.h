/*
 * csv_read.h: reading CSV strictly, a record at a time, with line numbers.
 *
 * RFC 4180 as libcsv reads it in strict mode: fields separated by commas,
 * quoted fields may hold commas, quotes ("") and line breaks, records end
 * with LF or CRLF, a UTF-8 byte-order mark at the start is skipped.  Every
 * field must be valid UTF-8 with no NUL byte and at most CSV_FIELD_MAX
 * bytes; a record may not have more than the reader's max_fields fields.
 * Spaces are part of fields, never trimmed.  Blank lines are skipped.
 *
 * Errors are "NAME:LINE: what is wrong", LINE being the line where the
 * record starts (or, for a broken quote, where the parser stopped).
 */
#ifndef ICSB_CSV_READ_H
#define ICSB_CSV_READ_H

#include <stddef.h>
#include <stdio.h>

#define CSV_FIELD_MAX	(64 * 1024)

/* A record; owned by the reader, valid until the next csv_read_next(). */
struct csv_record {
	unsigned long	 line;		/* where the record starts, from 1 */
	size_t		 nfields;
	char		**fields;	/* NUL-terminated */
	size_t		*lens;
};

struct csv_reader;

/*
 * Read from f (not closed by the reader), naming it name in errors (name
 * is copied).  max_fields bounds a record's length.
 */
struct csv_reader *csv_read_open(FILE *f, const char *name, size_t max_fields);
void	 csv_read_free(struct csv_reader *);

/*
 * Read the next record into *rec.  Returns 1 with a record, 0 at the end
 * of the input, -1 with *cause set (the caller frees it).  After -1 or 0,
 * do not call again.
 */
int	 csv_read_next(struct csv_reader *, struct csv_record **rec,
	     char **cause);

#endif
