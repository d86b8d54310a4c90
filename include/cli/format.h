/*
 * format.h: the values of --format, shared by the subcommands.
 *
 * Each subcommand offers some of the formats (a set of FORMAT_BIT()s) and
 * gets the one the user named, or a usage error that lists those it
 * offers.  The completion (complete.c) offers the same names.
 */
#ifndef ICSB_FORMAT_H
#define ICSB_FORMAT_H

enum format {
	FORMAT_TEXT,	/* for people: wrapped, aligned */
	FORMAT_TSV,	/* tab-separated, for scripts */
	FORMAT_CSV,	/* RFC 4180, for spreadsheets */
	FORMAT_JSON,	/* one JSON document */
	FORMAT_COUNT
};

#define FORMAT_BIT(f)	(1u << (f))

/* The name of format f ("json"). */
const char	*format_name(enum format f);

/*
 * Set *f to the format named name, which must be one of those offered.
 * Returns 0, or -1 with *cause set: "CMD: --format must be tsv or json,
 * not 'xml'" (the caller frees it; it is a usage error).
 */
int		 format_parse(const char *cmd, const char *name,
		     unsigned offered, enum format *f, char **cause);

/*
 * Write s as one field of a tab-separated line, cleaned (a tab or a line
 * break in the data shows as ^I, ^J), then a tab, or a newline if last.
 */
void		 format_tsv_field(const char *s, int last);

/*
 * A search snippet as the commands print it: the match marks become [ and
 * ], line breaks spaces; not yet cleaned.  A new string.
 */
char		*format_snippet(const char *s);

#endif
