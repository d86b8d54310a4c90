/*
 * format.c: the values of --format (see format.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/format.h"
#include "core/find.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xmalloc.h"

static const char *const format_names[FORMAT_COUNT] = {
	"text", "tsv", "csv", "json"
};

const char *
format_name(enum format f)
{
	return format_names[f];
}

/* "tsv or json", "text, tsv or json": the formats offered, in words. */
static char *
format_list(unsigned offered)
{
	struct strbuf	 sb = STRBUF_INIT;
	int		 f, n = 0, total = 0;

	for (f = 0; f < FORMAT_COUNT; f++)
		if (offered & FORMAT_BIT(f))
			total++;
	for (f = 0; f < FORMAT_COUNT; f++) {
		if (!(offered & FORMAT_BIT(f)))
			continue;
		if (n > 0)
			strbuf_adds(&sb, n == total - 1 ? " or " : ", ");
		strbuf_adds(&sb, format_names[f]);
		n++;
	}
	return strbuf_detach(&sb);
}

int
format_parse(const char *cmd, const char *name, unsigned offered,
    enum format *f, char **cause)
{
	char	*list;
	int	 i;

	for (i = 0; i < FORMAT_COUNT; i++) {
		if ((offered & FORMAT_BIT(i)) &&
		    strcmp(name, format_names[i]) == 0) {
			*f = (enum format)i;
			return 0;
		}
	}
	list = format_list(offered);
	*cause = xasprintf("%s: --format must be %s, not '%s'", cmd, list,
	    name);
	free(list);
	return -1;
}

void
format_tsv_field(const char *s, int last)
{
	char	*clean;

	clean = utf8_clean(s, strlen(s), 0);
	fputs(clean, stdout);
	putchar(last ? '\n' : '\t');
	free(clean);
}

char *
format_snippet(const char *s)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 on = strlen(FIND_MARK_ON), off = strlen(FIND_MARK_OFF);

	for (; *s != '\0'; s++) {
		if (strncmp(s, FIND_MARK_ON, on) == 0) {
			strbuf_addc(&sb, '[');
			s += on - 1;
		} else if (strncmp(s, FIND_MARK_OFF, off) == 0) {
			strbuf_addc(&sb, ']');
			s += off - 1;
		} else
			strbuf_addc(&sb, *s == '\n' ? ' ' : *s);
	}
	return strbuf_detach(&sb);
}
