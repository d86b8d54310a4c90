/*
 * tables.h: the tables of a dataset, as the CSV files and the importer and
 * exporter see them.
 *
 * One description serves both directions, so that export writes exactly
 * the columns that import reads.  Column order is the order of the CSV
 * header and of the table in assets/schema.sql.
 */
#ifndef ICSB_TABLES_H
#define ICSB_TABLES_H

#include <stddef.h>

enum column_type {
	COL_TEXT,	/* any text, may be empty */
	COL_NAME,	/* required text: not empty */
	COL_KEY,	/* a slug: [a-z0-9] words joined by '-' */
	COL_ID,		/* a positive integer, required */
	COL_REF,	/* a positive integer, or empty for NULL */
	COL_COUNT,	/* a non-negative integer, or empty for NULL */
	COL_NUMBER,	/* a decimal number, required */
	COL_CODE	/* a slug, or empty for NULL */
};

struct column {
	const char		*name;
	enum column_type	 type;
	const char *const	*allowed;	/* NULL-terminated, or NULL */
	const char		*ref;		/* table it refers to, or NULL */
};

struct table {
	const char		*name;		/* table and file base name */
	const struct column	*columns;
	size_t			 ncolumns;
	const char		*order;		/* ORDER BY for export */
	const char		*key;		/* column others refer to */
};

/* The tables in the order they are imported (references point back). */
extern const struct table tables[];
extern const size_t ntables;

#endif
