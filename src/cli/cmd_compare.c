/*
 * cmd_compare.c: `icsbrowse compare A B`, two places figure by figure.
 *
 * For people, a block per measure: each place's value with a bar scaled
 * within the row, its comparator and period, which side the text calls
 * better, and the sections that cite the figures.  For scripts, --format
 * tsv: a header and the same fifteen columns on every row.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_json.h"
#include "cli/commands.h"
#include "cli/format.h"
#include "cli/opts.h"
#include "core/bars.h"
#include "core/compare.h"
#include "core/csv_export.h"
#include "core/db.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/wrap.h"
#include "core/xmalloc.h"

#define NAME_MAX_W	24
#define VALUE_MAX_W	24
#define BAR_W		16

static void
tsv_side(const struct cmp_side *s, int last)
{
	char	 num[32] = "";

	if (s->present)
		csv_export_number(s->value, num);
	format_tsv_field(s->present ? s->text : "", 0);
	format_tsv_field(num, 0);
	format_tsv_field(s->present ? s->period : "", 0);
	format_tsv_field(s->present ? s->comparator : "", 0);
	format_tsv_field(s->better ? "better" : "", 0);
	format_tsv_field(s->present ? s->path : "", last);
}

static void
compare_tsv(const struct cmp *c)
{
	const struct cmp_row	*r;
	char			*key;
	size_t			 i;

	printf("measure\tlabel\tunit\ta_text\ta_value\ta_period\t"
	    "a_comparator\ta_better\ta_path\tb_text\tb_value\tb_period\t"
	    "b_comparator\tb_better\tb_path\n");
	for (i = 0; i < c->n; i++) {
		r = &c->rows[i];
		key = xasprintf("%s%s", r->measure, r->target ? " (target)" :
		    "");
		format_tsv_field(key, 0);
		free(key);
		format_tsv_field(r->label, 0);
		format_tsv_field(r->a.present ? r->a.unit : r->b.unit, 0);
		tsv_side(&r->a, 0);
		tsv_side(&r->b, 1);
	}
}

/* Widths of the name and value columns, the data's own up to a limit. */
static void
compare_widths(const struct cmp *c, int *namew, int *valw)
{
	size_t	 i;
	int	 w;

	*namew = utf8_width(c->a.name, strlen(c->a.name));
	w = utf8_width(c->b.name, strlen(c->b.name));
	if (w > *namew)
		*namew = w;
	*valw = 1;
	for (i = 0; i < c->n; i++) {
		if (c->rows[i].a.present &&
		    (w = utf8_width(c->rows[i].a.text,
		    strlen(c->rows[i].a.text))) > *valw)
			*valw = w;
		if (c->rows[i].b.present &&
		    (w = utf8_width(c->rows[i].b.text,
		    strlen(c->rows[i].b.text))) > *valw)
			*valw = w;
	}
	if (*namew > NAME_MAX_W)
		*namew = NAME_MAX_W;
	if (*valw > VALUE_MAX_W)
		*valw = VALUE_MAX_W;
}

struct layout {
	int	 namew, valw, ascii;
	double	 max;		/* the row's largest value, for the bars */
	int	 bars;
	int	 same_period;
};

/* One place's line of a row: name, value, bar, then what else is known. */
static void
compare_line(struct strbuf *sb, const struct layout *l, const char *name,
    const struct cmp_side *s)
{
	char	*bar, *t;

	strbuf_adds(sb, "  ");
	t = utf8_clean(name, strlen(name), 0);
	wrap_pad(sb, t, strlen(t), l->namew);
	free(t);
	strbuf_adds(sb, "  ");
	if (!s->present) {
		strbuf_adds(sb, l->ascii ? "-" : "—");
		strbuf_addc(sb, '\n');
		return;
	}
	t = utf8_clean(s->text, strlen(s->text), 0);
	wrap_pad(sb, t, strlen(t), l->valw);
	free(t);
	if (l->bars) {
		bar = bar_make(s->value, l->max, BAR_W, l->ascii);
		strbuf_adds(sb, "  ");
		wrap_pad(sb, bar, strlen(bar), BAR_W);
		free(bar);
	}
	if (s->better)
		strbuf_adds(sb, l->ascii ? "  (better)" : "  ◀ better");
	if (!l->same_period && *s->period != '\0')
		strbuf_addf(sb, "  %s", s->period);
	if (*s->comparator != '\0')
		strbuf_addf(sb, "  compared with %s", s->comparator);
	/* Trailing padding helps nobody. */
	while (sb->len > 0 && sb->buf[sb->len - 1] == ' ')
		sb->buf[--sb->len] = '\0';
	strbuf_addc(sb, '\n');
}

/* Whether the also row r can share its measure's bars (l->max covers it). */
static int
compare_also_barred(const struct cmp_row *main, const struct cmp_row *r)
{
	const struct cmp_side	*s = r->a.present ? &r->a : &r->b;

	return compare_barred(main) && s->out_of == 0 && s->value >= 0 &&
	    strcmp(s->unit, main->a.unit) == 0;
}

/*
 * The also rows after row i: each the place's line and where it is
 * cited.  Returns the rows used, row i's with them.
 */
static size_t
compare_also_text(struct strbuf *sb, const struct cmp *c, size_t i,
    struct layout *l)
{
	const struct cmp_row	*x;
	size_t			 k;
	int			 bars = l->bars;

	for (k = i + 1; k < c->n && c->rows[k].also; k++) {
		x = &c->rows[k];
		l->bars = bars && compare_also_barred(&c->rows[i], x);
		l->same_period = 0;
		compare_line(sb, l, x->a.present ? c->a.name : c->b.name,
		    x->a.present ? &x->a : &x->b);
		strbuf_addf(sb, "  cited in %s\n", x->a.present ? x->a.path :
		    x->b.path);
	}
	l->bars = bars;
	return k - i;
}

/* A measure's row, and the also rows after it; returns the rows used. */
static size_t
compare_row_text(struct strbuf *sb, const struct cmp *c, size_t i,
    struct layout *l)
{
	const struct cmp_row	*r = &c->rows[i], *x;
	const struct cmp_side	*s;
	const char		*period;
	size_t			 k;
	int			 out_of;

	l->same_period = !r->a.present || !r->b.present ||
	    strcmp(r->a.period, r->b.period) == 0;
	period = r->a.present ? r->a.period : r->b.period;
	l->bars = compare_barred(r);
	l->max = r->a.present ? r->a.value : 0;
	if (r->b.present && r->b.value > l->max)
		l->max = r->b.value;
	for (k = i + 1; k < c->n && c->rows[k].also; k++) {
		x = &c->rows[k];
		s = x->a.present ? &x->a : &x->b;
		if (compare_also_barred(r, x) && s->value > l->max)
			l->max = s->value;
	}
	strbuf_addf(sb, "\n%s%s", r->label, r->target ? " (target)" : "");
	if (l->same_period && *period != '\0')
		strbuf_addf(sb, " (%s)", period);
	out_of = r->a.present && r->a.out_of > 0 ? r->a.out_of :
	    r->b.present ? r->b.out_of : 0;
	if (!l->bars && out_of > 0)
		strbuf_addf(sb, ", out of %d", out_of);
	strbuf_addc(sb, '\n');
	compare_line(sb, l, c->a.name, &r->a);
	compare_line(sb, l, c->b.name, &r->b);
	if (r->a.present && r->b.present && strcmp(r->a.path, r->b.path) != 0)
		strbuf_addf(sb, "  cited in %s and %s\n", r->a.path, r->b.path);
	else
		strbuf_addf(sb, "  cited in %s\n", r->a.present ? r->a.path :
		    r->b.path);
	return compare_also_text(sb, c, i, l);
}

static void
compare_text(const struct cmp *c, int ascii)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct layout	 l;
	char		*out;
	size_t		 i, also = 0;

	memset(&l, 0, sizeof l);
	l.ascii = ascii;
	compare_widths(c, &l.namew, &l.valw);
	for (i = 0; i < c->n; i++)
		also += c->rows[i].also;
	strbuf_addf(&sb, "%s (%s) and %s (%s): %zu measure%s, %zu of them "
	    "shared\n", c->a.name, c->a.code, c->b.name, c->b.code,
	    c->n - also, c->n - also == 1 ? "" : "s", c->shared - also);
	for (i = 0; i < c->n; ) {
		if (i == c->shared && i > 0 && i < c->n)
			strbuf_adds(&sb, "\nOnly one of the two places has "
			    "these:\n");
		i += compare_row_text(&sb, c, i, &l);
	}
	/* The text was built from data: clean it, keeping the lines. */
	out = utf8_clean(strbuf_str(&sb), sb.len, UTF8_KEEP_NL);
	fputs(out, stdout);
	free(out);
	strbuf_free(&sb);
}

/* Compare the places named by names[0] and names[1], and print them. */
static int
compare_run(struct db *db, char **names, enum format fmt, int ascii,
    char **cause)
{
	struct cmp	*cmp;
	int		 rc = CLI_FAIL;

	if (compare_places(db, names[0], names[1], &cmp, cause) != 0)
		return CLI_FAIL;
	if (strcmp(cmp->a.code, cmp->b.code) == 0) {
		*cause = xasprintf("compare: '%s' and '%s' are the same place, "
		    "%s: give two places (see 'icsbrowse places')", names[0],
		    names[1], cmp->a.name);
		rc = CLI_USAGE;
	} else if (fmt == FORMAT_JSON)
		rc = cmd_json_compare(cmp, cause) == 0 ? CLI_OK : CLI_FAIL;
	else {
		if (fmt == FORMAT_TSV)
			compare_tsv(cmp);
		else
			compare_text(cmp, ascii);
		rc = CLI_OK;
	}
	compare_free(cmp);
	return rc;
}

int
cmd_compare(const struct cli *c, int argc, char **argv, char **cause)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "format", required_argument, NULL, 'f' },
		{ "ascii", no_argument, NULL, 'a' },
		{ "reports", no_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 }
	};
	struct db	*db;
	enum format	 fmt = FORMAT_TEXT;
	int		 ch, ascii = !c->utf8, rc, reports = 0;

	while ((ch = opts_get(argc, argv, "+ha", longopts)) != -1) {
		switch (ch) {
		case 'h':
			printf("Usage: icsbrowse compare "
			    "[--format text|tsv|json] [--ascii] PLACE PLACE\n"
			    "       icsbrowse compare --reports [--format "
			    "text|tsv|json] [--ascii] NAME NAME [STATEMENT]\n");
			return CLI_OK;
		case 'f':
			if (format_parse("compare", optarg,
			    FORMAT_BIT(FORMAT_TEXT) | FORMAT_BIT(FORMAT_TSV) |
			    FORMAT_BIT(FORMAT_JSON), &fmt, cause) != 0)
				return CLI_USAGE;
			break;
		case 'a':
			ascii = 1;
			break;
		case 'R':
			reports = 1;
			break;
		default:
			*cause = xasprintf("compare: unknown option '%s'",
			    argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (reports)
		return cmd_compare_reports(c, argc - optind, argv + optind,
		    fmt, ascii, cause);
	if (argc - optind != 2) {
		*cause = xstrdup("compare: give two places (see 'icsbrowse "
		    "places')");
		return CLI_USAGE;
	}
	if ((db = cli_open_db(c, cause)) == NULL)
		return CLI_FAIL;
	rc = compare_run(db, argv + optind, fmt, ascii, cause);
	db_close(db, NULL);
	return rc;
}
