/*
 * bars.c: horizontal bars that show a value against the others of a row.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/bars.h"
#include "core/strbuf.h"

/* U+2589 .. U+258F: seven eighths down to one eighth of a block. */
static const char *const bar_parts[8] = {
	"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"
};

int
bar_eighths(double v, double max, int width)
{
	double	 e;
	int	 n;

	if (width <= 0 || !(max > 0) || !(v > 0) || !isfinite(v) ||
	    !isfinite(max))
		return 0;
	if (v >= max)
		return width * 8;
	e = v / max * width * 8;
	n = (int)lround(e);
	if (n < 1)
		n = 1;		/* a value above nothing shows */
	if (n > width * 8)
		n = width * 8;
	return n;
}

char *
bar_make(double v, double max, int width, int ascii)
{
	struct strbuf	 sb = STRBUF_INIT;
	int		 n, i;

	n = bar_eighths(v, max, width);
	if (ascii) {
		/* Whole columns, to the nearest; a value above nothing shows. */
		for (i = 0; i < (n + 4) / 8 || (i == 0 && n > 0); i++)
			strbuf_addc(&sb, '#');
		return strbuf_detach(&sb);
	}
	for (i = 0; i < n / 8; i++)
		strbuf_adds(&sb, "█");
	strbuf_adds(&sb, bar_parts[n % 8]);
	return strbuf_detach(&sb);
}
