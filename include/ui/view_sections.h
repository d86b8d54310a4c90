/*
 * view_sections.h: what opens the side by side view ("sections") on two
 * sections of any assessments, not only the one shown: the scores view
 * of two assessments (view_reports.c) does, through mode_args.data.
 */
#ifndef ICSB_VIEW_SECTIONS_H
#define ICSB_VIEW_SECTIONS_H

#include <stdint.h>

struct db;

/* Node id[i] of db[i], of assessment name[i], titled crumb[i] (data). */
struct sections_request {
	struct db	*db[2];		/* borrowed while the view is open */
	int64_t		 id[2];
	const char	*name[2];	/* copied */
	const char	*crumb[2];	/* copied, cleaned */
};

#endif
