/*
 * csv_export.h: writing a database back as a dataset's CSV files.
 *
 * The files have the layout csv_import() reads (tables.h), rows in the
 * order they were imported, fields quoted only when they must be.  So
 * export, import and export again gives the same bytes.
 */
#ifndef ICSB_CSV_EXPORT_H
#define ICSB_CSV_EXPORT_H

struct db;

/*
 * Write every table of db as dir/TABLE.csv, creating dir if need be.  Each
 * file is written beside itself and renamed into place.  Returns 0, or -1
 * with *cause set (the caller frees it).
 */
int	 csv_export(struct db *, const char *dir, char **cause);

/*
 * Format v as the shortest decimal that reads back as the same double,
 * with no exponent for whole numbers below 1e15.  Writes at most 32 bytes.
 */
void	 csv_export_number(double v, char out[32]);

#endif
