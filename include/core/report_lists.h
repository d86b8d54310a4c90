/*
 * report_lists.h: lists a PDF's text printed away from their sentences.
 *
 * Internal to the report reader (report_layout.c calls it).  A PDF's
 * text can print the sentences that introduce lists ("These include:")
 * one after the other and their lists after them all, the bullets lost.
 * Where a run of such sentences is followed, before the next heading, by
 * as many lists as sentences (units that open in lower case, each list
 * ended by a full stop), each list goes back after its sentence, and
 * each unit moved is noted for --explain.  Nothing else is reordered.
 */
#ifndef ICSB_REPORT_LISTS_H
#define ICSB_REPORT_LISTS_H

#include <stddef.h>

struct report;
struct report_unit;

/* Put the lists of u[0..n) back after their sentences; n is unchanged. */
void	 report_lists(struct report *, struct report_unit *u, size_t n);

#endif
