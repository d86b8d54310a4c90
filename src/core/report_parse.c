/*
 * report_parse.c: the headings of both frameworks, recognised by their
 * published wording (REPORTS.md), and the whole parse: layout, tree,
 * checks.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "core/report_layout.h"
#include "core/report_parse.h"
#include "core/scores.h"
#include "core/statements.h"
#include "core/xmalloc.h"

static const struct {
	const char	*text;
	enum heading	 type;
	const char	*kind;
	const char	*slug;
	const char	*title;
} fixed[] = {
	{ "Direction of travel", HD_THEME_PART, "direction",
	  "direction-of-travel", "Direction of travel" },
	{ "Summary of strengths", HD_THEME_PART, "strengths",
	  "summary-of-strengths", "Summary of strengths" },
	{ "Areas for development", HD_THEME_PART, "development",
	  "areas-for-development", "Areas for development" },
	{ "Areas for development and next steps", HD_THEME_PART,
	  "development", "areas-for-development", "Areas for development" },
	{ "Key messages", HD_KEY_MESSAGES, "key-messages", "key-messages",
	  "Key messages" },
	{ "Introduction and overview", HD_OVERVIEW, "section", "introduction",
	  "Introduction" },
	{ "Finance", HD_OVERVIEW, "section", "finance", "Finance" },
	{ "Local context", HD_OVERVIEW, "section", "local-context",
	  "Local context" },
	{ "ICS assessment themes", HD_OVERVIEW, "section",
	  "ics-assessment-themes", "ICS assessment themes" },
	{ "Overall summary", HD_LA_SUMMARY, "part", "overall-summary",
	  "Overall summary" },
	{ "Local authority rating and score", HD_LA_RATING, "section",
	  "rating-and-score", "Local authority rating and score" },
	{ "Quality statement scores", HD_LA_SCORES, "section",
	  "quality-statement-scores", "Quality statement scores" },
	{ "What people expect", HD_LA_PART, "expectation",
	  "what-people-expect", "What people expect" },
	{ "The local authority commitment", HD_LA_PART, "commitment",
	  "the-local-authority-commitment", "The local authority commitment" },
	{ "Key findings for this quality statement", HD_LA_PART,
	  "key-findings", "key-findings", "Key findings" },
	/* The 2023 pilots' own sections, before the themes. */
	{ "How we assess local authorities", HD_OVERVIEW, "section",
	  "how-we-assess", "How we assess local authorities" },
	{ "Financial facts", HD_OVERVIEW, "section", "financial-facts",
	  "Financial facts" },
};

static const struct {
	const char	*prefix;
	size_t		 len;
	int		 published;
} facts[] = {
	{ "Assessment start date: ", 23, 0 },
	{ "Date of assessment: ", 20, 0 },
	{ "Assessment published: ", 22, 1 },
	{ "Date of publication: ", 21, 1 },
};

int
report_fact(struct report *r, const char *s)
{
	size_t	 i;
	char	**to;

	for (i = 0; i < sizeof facts / sizeof *facts; i++) {
		to = facts[i].published ? &r->published : &r->started;
		if (strncmp(s, facts[i].prefix, facts[i].len) == 0 &&
		    s[facts[i].len] != '\0') {
			if (*to == NULL)
				*to = xstrdup(s + facts[i].len);
			return 1;
		}
	}
	return 0;
}

static int
parse_prefix(const char *s, const char *prefix, struct heading_info *info)
{
	size_t	 n = strlen(prefix);

	if (strncmp(s, prefix, n) != 0 || s[n] == '\0')
		return 0;
	info->name = s + n;
	info->namelen = strlen(s + n);
	return 1;
}

/* "Theme 1: Leadership": the name after "Theme N: ". */
static int
parse_theme(const char *s, struct heading_info *info)
{
	size_t	 n;

	if (strncmp(s, "Theme ", 6) != 0)
		return 0;
	n = 6 + strspn(s + 6, "0123456789");
	if (n == 6 || strncmp(s + n, ": ", 2) != 0 || s[n + 2] == '\0')
		return 0;
	info->name = s + n + 2;
	info->namelen = strlen(info->name);
	info->kind = "theme";
	return 1;
}

static enum heading
parse_patterns(const char *s, struct heading_info *info)
{
	const char	*p;
	size_t		 n = strlen(s);

	if (parse_theme(s, info))
		return info->type = HD_THEME;
	if (parse_prefix(s, "Quality statement: ", info)) {
		info->kind = "statement";
		return info->type = HD_STATEMENT;
	}
	if (strncmp(s, "Summary findings for ", 21) == 0) {
		info->kind = "summary";
		info->slug = "summary-findings";
		info->title = "Summary findings for quality statements";
		return info->type = HD_SUMMARY;
	}
	if ((p = strstr(s, "priority area: ")) != NULL && p[15] != '\0') {
		info->kind = "priority-area";
		info->name = p + 15;
		info->namelen = strlen(p + 15);
		return info->type = HD_PRIORITY;
	}
	/* A 2023 pilot's "About NAME" (report_tree.c: only in one). */
	if (parse_prefix(s, "About ", info)) {
		info->kind = "section";
		info->slug = "about";
		info->title = s;
		return info->type = HD_OVERVIEW;
	}
	if (n > 28 && strcmp(s + n - 28, ": local authority assessment") == 0) {
		info->name = s;
		info->namelen = n - 28;
		return info->type = HD_LA_TITLE;
	}
	return HD_NONE;
}

enum heading
report_heading(const char *s, struct heading_info *info)
{
	size_t	 i, n = strlen(s);
	int	 first = statements_first(s, n);

	memset(info, 0, sizeof *info);
	for (i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		if (statements_may_be(first, fixed[i].text) &&
		    statements_same(s, n, fixed[i].text)) {
			info->type = fixed[i].type;
			info->kind = fixed[i].kind;
			info->slug = fixed[i].slug;
			info->title = fixed[i].title;
			return info->type;
		}
	return parse_patterns(s, info);
}

int
report_heading_known(const char *s)
{
	struct heading_info	 info;
	size_t			 n = strlen(s);

	return report_heading(s, &info) != HD_NONE || scores_line(s) != 0 ||
	    statements_find(s, n) != NULL || statements_la_theme(s, n) != NULL;
}

/* Notes in input order: by file as given, then line (qsort has no
 * argument for the comparison: the report is passed here). */
static const struct report *sort_r;

static size_t
parse_file_index(const char *file)
{
	size_t	 i;

	for (i = 0; i < sort_r->nfiles; i++)
		if (sort_r->files[i] == file)
			return i;
	return sort_r->nfiles;
}

static int
parse_note_cmp(const void *va, const void *vb)
{
	const struct report_note	*a = va, *b = vb;
	size_t				 fa = parse_file_index(a->file);
	size_t				 fb = parse_file_index(b->file);

	if (fa != fb)
		return fa < fb ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

int
report_parse(struct report *r, char **cause)
{
	struct report_unit	*u;
	size_t			 n;
	int			 rc;

	u = report_layout(r, &n);
	rc = report_tree_build(r, u, n, cause);
	report_layout_free(u, n);
	sort_r = r;
	if (r->ndropped > 1)
		qsort(r->dropped, r->ndropped, sizeof *r->dropped,
		    parse_note_cmp);
	return rc;
}
