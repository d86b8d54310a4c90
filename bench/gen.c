/*
 * gen.c: the benchmark's dataset generator (make bench).
 *
 *   gen [-s SEED] ASSETS N OUTDIR
 *
 * Writes to OUTDIR a dataset in the project's CSV layout made of N distinct
 * reports of the shape of the Dorset report in ASSETS: for each report k
 * the same tree of nodes (its top-level parts' slugs made unique as
 * "leadership-k", their titles naming the report's made-up system), the
 * same number of blocks of each node and kind, each one's length drawn
 * around the real block's, its words walked from a bigram model of the
 * real text (so that searches hit as they would), the same places (codes
 * "bcp-k"), figures (each one's text set verbatim in a block of its node,
 * as the importer checks) and mentions.  Deterministic: the same SEED and
 * N give the same bytes; report k's text depends on SEED and k only.
 *
 * One node, in the middle report, is made the largest by far (its blocks
 * three times as long) and titled with a word found nowhere else, so that
 * the benchmark can open it with a search.  On standard output:
 *   largest<TAB>PATH<TAB>QUERY<TAB>BYTES
 *
 * Linked with libc only: no SQLite, no libcsv.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define LARGEST_WORD	"Quellmarsh"
#define LARGEST_REAL_ID	65	/* quality-and-safety/learning-culture/findings */
#define LARGEST_FACTOR	3
#define JUMP_PCT	12	/* chance in 100 of leaving the bigram chain */

struct rec {
	char	**f;
	size_t	  n;
};

struct csv {
	struct rec	*r;
	size_t		 n;
};

static void	die(const char *, ...)
		    __attribute__((format(printf, 1, 2), noreturn));

static void
die(const char *fmt, ...)
{
	va_list	 ap;

	fputs("gen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n == 0 ? 1 : n)) == NULL)
		die("out of memory");
	return p;
}

static char *
xstrdup(const char *s)
{
	size_t	 n = strlen(s) + 1;

	return memcpy(xrealloc(NULL, n), s, n);
}

/* --- a PRNG: splitmix64, fixed seed, the same on every machine -------- */

static uint64_t
rnd(uint64_t *s)
{
	uint64_t	 z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static size_t
rnd_below(uint64_t *s, size_t n)
{
	return n == 0 ? 0 : (size_t)(rnd(s) % n);
}

/* --- reading CSV (RFC 4180): small files, read whole ------------------ */

static char *
slurp(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf = NULL;
	size_t	 cap = 0, n = 0, r;

	if ((f = fopen(path, "rb")) == NULL)
		die("%s: %s", path, strerror(errno));
	do {
		if (n + 65536 > cap)
			buf = xrealloc(buf, cap = (cap + 65536) * 2);
		r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
	} while (r > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static void
csv_add_field(struct rec *r, const char *s, size_t len)
{
	char	*f = xrealloc(NULL, len + 1);

	memcpy(f, s, len);
	f[len] = '\0';
	r->f = xrealloc(r->f, (r->n + 1) * sizeof *r->f);
	r->f[r->n++] = f;
}

/* Parse one field at *p; returns 1 if the record goes on after it. */
static int
csv_field(const char **p, char **tmp, size_t *cap, struct rec *r)
{
	const char	*s = *p;
	size_t		 n = 0;

	if (*s == '"') {
		for (s++; *s != '\0'; s++) {
			if (*s == '"' && s[1] == '"')
				s++;
			else if (*s == '"') {
				s++;
				break;
			}
			if (n + 1 >= *cap)
				*tmp = xrealloc(*tmp, *cap = *cap * 2 + 64);
			(*tmp)[n++] = *s;
		}
		csv_add_field(r, *tmp, n);
	} else {
		while (*s != '\0' && *s != ',' && *s != '\n' && *s != '\r')
			s++;
		csv_add_field(r, *p, (size_t)(s - *p));
	}
	if (*s == ',') {
		*p = s + 1;
		return 1;
	}
	if (*s == '\r')
		s++;
	if (*s == '\n')
		s++;
	*p = s;
	return 0;
}

/* Read a CSV file, header dropped. */
static struct csv
csv_load(const char *dir, const char *name)
{
	struct csv	 c = { NULL, 0 };
	struct rec	 r;
	char		 path[4096], *buf, *tmp = NULL;
	const char	*p;
	size_t		 len, cap = 0;
	int		 header = 1;

	snprintf(path, sizeof path, "%s/%s.csv", dir, name);
	buf = slurp(path, &len);
	for (p = buf; *p != '\0';) {
		memset(&r, 0, sizeof r);
		while (csv_field(&p, &tmp, &cap, &r))
			;
		if (header) {
			header = 0;
			continue;
		}
		c.r = xrealloc(c.r, (c.n + 1) * sizeof *c.r);
		c.r[c.n++] = r;
	}
	free(tmp);
	free(buf);
	return c;
}

/* --- writing CSV ------------------------------------------------------ */

static void
out_field(FILE *f, const char *s, int last)
{
	const char	*p;

	if (strpbrk(s, ",\"\r\n") == NULL)
		fputs(s, f);
	else {
		putc('"', f);
		for (p = s; *p != '\0'; p++) {
			if (*p == '"')
				putc('"', f);
			putc(*p, f);
		}
		putc('"', f);
	}
	putc(last ? '\n' : ',', f);
}

static FILE *
out_open(const char *dir, const char *name, const char *header)
{
	char	 path[4096];
	FILE	*f;

	snprintf(path, sizeof path, "%s/%s.csv", dir, name);
	if ((f = fopen(path, "w")) == NULL)
		die("%s: %s", path, strerror(errno));
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	fprintf(f, "%s\n", header);
	return f;
}

static void
out_close(FILE *f)
{
	if (ferror(f) || fclose(f) != 0)
		die("write error: %s", strerror(errno));
}

/* --- the words of the real report: a bigram model --------------------- */

struct word {
	char	*s;
	size_t	 len;
	int	*next;		/* successors, repeated by frequency */
	size_t	 nnext;
};

struct model {
	struct word	*w;
	size_t		 nw;
	int		*occ;		/* every occurrence: unigram draws */
	size_t		 nocc;
	int		*starts;	/* words that begin a block */
	size_t		 nstarts;
	size_t		 hashcap;
	int		*hash;		/* open addressing: index + 1 */
};

static uint64_t
hash_str(const char *s, size_t n)
{
	uint64_t	 h = 1469598103934665603ULL;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static int
model_intern(struct model *m, const char *s, size_t n)
{
	size_t	 i = hash_str(s, n) & (m->hashcap - 1);
	int	 k;

	while ((k = m->hash[i]) != 0) {
		if (m->w[k - 1].len == n && memcmp(m->w[k - 1].s, s, n) == 0)
			return k - 1;
		i = (i + 1) & (m->hashcap - 1);
	}
	m->w = xrealloc(m->w, (m->nw + 1) * sizeof *m->w);
	m->w[m->nw].s = xrealloc(NULL, n + 1);
	memcpy(m->w[m->nw].s, s, n);
	m->w[m->nw].s[n] = '\0';
	m->w[m->nw].len = n;
	m->w[m->nw].next = NULL;
	m->w[m->nw].nnext = 0;
	m->hash[i] = (int)++m->nw;
	return (int)m->nw - 1;
}

static void
model_push(int **a, size_t *n, int v)
{
	if ((*n & (*n - 1)) == 0 || *n == 0)
		*a = xrealloc(*a, (*n == 0 ? 1 : *n * 2) * sizeof **a);
	(*a)[(*n)++] = v;
}

static void
model_add_text(struct model *m, const char *t)
{
	const char	*p = t, *e;
	int		 prev = -1, k;

	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		for (e = p; *e != '\0' && *e != ' '; e++)
			;
		k = model_intern(m, p, (size_t)(e - p));
		model_push(&m->occ, &m->nocc, k);
		if (prev < 0)
			model_push(&m->starts, &m->nstarts, k);
		else
			model_push(&m->w[prev].next, &m->w[prev].nnext, k);
		prev = k;
		p = e;
	}
}

static void
model_build(struct model *m, const struct csv *blocks)
{
	size_t	 i;

	memset(m, 0, sizeof *m);
	m->hashcap = 1 << 16;
	m->hash = calloc(m->hashcap, sizeof *m->hash);
	if (m->hash == NULL)
		die("out of memory");
	for (i = 0; i < blocks->n; i++)
		model_add_text(m, blocks->r[i].f[2]);
	if (m->nw == 0 || m->nstarts == 0)
		die("no words in blocks.csv");
	if (m->nw * 2 > m->hashcap)
		die("too many distinct words for the table");
}

/* --- generating text -------------------------------------------------- */

struct buf {
	char	*s;
	size_t	 len, cap;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		b->s = xrealloc(b->s, b->cap = (b->len + n + 1) * 2 + 256);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static int
ends_sentence(const struct word *w)
{
	char	 c = w->s[w->len - 1];

	return c == '.' || c == ':' || c == ';';
}

/*
 * A block of about target bytes; the figure texts in figs[] are set into
 * it verbatim, between words, in their order.
 */
static void
gen_text(const struct model *m, uint64_t *rs, size_t target, int para,
    char **figs, size_t nfigs, struct buf *b)
{
	size_t	 nwords = 0, fig = 0, slots, limit = target + target / 3;
	int	 cur = -1;

	b->len = 0;
	buf_add(b, "", 0);
	/* Figures go at evenly spread places among the words. */
	slots = target / 7 + 1;
	for (;;) {
		const struct word	*w;

		if (cur < 0 || m->w[cur].nnext == 0)
			cur = m->starts[rnd_below(rs, m->nstarts)];
		else if (rnd_below(rs, 100) < JUMP_PCT)
			cur = m->occ[rnd_below(rs, m->nocc)];
		else
			cur = m->w[cur].next[rnd_below(rs, m->w[cur].nnext)];
		w = &m->w[cur];
		if (b->len > 0)
			buf_add(b, " ", 1);
		buf_add(b, w->s, w->len);
		nwords++;
		if (fig < nfigs && nwords * (nfigs + 1) >= slots * (fig + 1)) {
			buf_add(b, " ", 1);
			buf_add(b, figs[fig], strlen(figs[fig]));
			fig++;
		}
		if (b->len >= target && fig == nfigs &&
		    (!para || ends_sentence(w) || b->len >= limit))
			break;
	}
}

/* --- the dataset ------------------------------------------------------ */

struct real {
	struct csv	 nodes, blocks, places, figures, mentions, sources;
	long		 maxnode, maxfig;
	long		*parent;	/* by real node id */
	char		**slug;		/* by real node id */
	char		***figs;	/* by real block: figure texts in it */
	size_t		*nfigs;
};

static long
num(const char *s)
{
	return *s == '\0' ? 0 : strtol(s, NULL, 10);
}

static void
real_load(struct real *R, const char *dir)
{
	size_t	 i, j;
	long	 id, node;

	R->nodes = csv_load(dir, "nodes");
	R->blocks = csv_load(dir, "blocks");
	R->places = csv_load(dir, "places");
	R->figures = csv_load(dir, "figures");
	R->mentions = csv_load(dir, "mentions");
	R->sources = csv_load(dir, "sources");
	for (i = 0; i < R->nodes.n; i++)
		if ((id = num(R->nodes.r[i].f[0])) > R->maxnode)
			R->maxnode = id;
	for (i = 0; i < R->figures.n; i++)
		if ((id = num(R->figures.r[i].f[0])) > R->maxfig)
			R->maxfig = id;
	R->parent = calloc((size_t)R->maxnode + 1, sizeof *R->parent);
	R->slug = calloc((size_t)R->maxnode + 1, sizeof *R->slug);
	R->figs = calloc(R->blocks.n, sizeof *R->figs);
	R->nfigs = calloc(R->blocks.n, sizeof *R->nfigs);
	if (!R->parent || !R->slug || !R->figs || !R->nfigs)
		die("out of memory");
	for (i = 0; i < R->nodes.n; i++) {
		id = num(R->nodes.r[i].f[0]);
		R->parent[id] = num(R->nodes.r[i].f[1]);
		R->slug[id] = R->nodes.r[i].f[3];
	}
	/* Each figure is set into the first block of its node that has it. */
	for (i = 0; i < R->figures.n; i++) {
		const char	*text = R->figures.r[i].f[5];

		node = num(R->figures.r[i].f[12]);
		for (j = 0; j < R->blocks.n; j++)
			if (num(R->blocks.r[j].f[0]) == node &&
			    strstr(R->blocks.r[j].f[2], text) != NULL)
				break;
		if (j == R->blocks.n)
			die("figure %s: text '%s' not in a block of node %ld",
			    R->figures.r[i].f[0], text, node);
		R->figs[j] = xrealloc(R->figs[j], (R->nfigs[j] + 1) *
		    sizeof **R->figs);
		R->figs[j][R->nfigs[j]++] = (char *)text;
	}
}

/* The made-up name of report k's system: unique for k below 16384. */
static void
report_name(long k, char *out, size_t len)
{
	static const char *const a[] = {
		"Ash", "Bram", "Cal", "Dun", "Elm", "Fen", "Gar", "Hal",
		"Ivy", "Kes", "Lang", "Mar", "Nor", "Oak", "Pen", "Rad",
		"Sel", "Thorn", "Ux", "Ver", "Wey", "Yar", "Brad", "Cran",
		"Ded", "Eas", "Fal", "Glen", "Hurst", "Kin", "Lod", "Mel",
	};
	static const char *const b[] = {
		"", "er", "ing", "bro", "ley", "more", "ston", "wen",
	};
	static const char *const c[] = {
		"ford", "combe", "wick", "bury", "stow", "field", "minster",
		"ton", "ham", "mouth", "dale", "worth", "leigh", "gate",
		"brook", "holt", "cester", "well", "port", "land", "cliff",
		"mere", "haven", "by", "thorpe", "wood", "hythe", "marsh",
		"croft", "don", "sey", "burn",
	};
	/* A permutation of 0..16383, so that neighbours differ. */
	unsigned long	 x = ((unsigned long)(k - 1) * 5167UL + 1011UL) % 16384UL;

	snprintf(out, len, "%s%s%s", a[x % 32], b[(x / 32) % 8],
	    c[(x / 256) % 32]);
}

struct gen {
	const struct real	*R;
	const struct model	*M;
	FILE			*nodes, *blocks, *places, *figures, *mentions;
	long			 n, largest_k;
	uint64_t		 seed;
	size_t			 largest_bytes;
	char			*largest_path;
	struct buf		 text;
};

/* s with "Dorset" as the report's name, or "s (Name)" where it has none. */
static char *
renamed(const char *s, const char *name)
{
	const char	*p = strstr(s, "Dorset");
	struct buf	 b = { NULL, 0, 0 };

	if (*s == '\0')
		return xstrdup("");
	if (p != NULL) {
		buf_add(&b, s, (size_t)(p - s));
		buf_add(&b, name, strlen(name));
		buf_add(&b, p + 6, strlen(p + 6));
	} else {
		buf_add(&b, s, strlen(s));
		buf_add(&b, " (", 2);
		buf_add(&b, name, strlen(name));
		buf_add(&b, ")", 1);
	}
	return b.s;
}

static char *
node_path(const struct real *R, long id, long k)
{
	char	 buf[4096], tmp[4096];

	buf[0] = '\0';
	for (; id != 0; id = R->parent[id]) {
		if (R->parent[id] == 0)
			snprintf(tmp, sizeof tmp, "%s-%ld%s%s", R->slug[id], k,
			    *buf ? "/" : "", buf);
		else
			snprintf(tmp, sizeof tmp, "%s%s%s", R->slug[id],
			    *buf ? "/" : "", buf);
		memcpy(buf, tmp, sizeof buf);
	}
	return xstrdup(buf);
}

static void
gen_nodes(struct gen *g, long k, const char *name)
{
	const struct real	*R = g->R;
	char			 v[64], *title, *heading;
	size_t			 i;

	for (i = 0; i < R->nodes.n; i++) {
		char	**f = R->nodes.r[i].f;
		long	 id = num(f[0]), parent = num(f[1]), link = num(f[6]);
		int	 top = parent == 0;

		snprintf(v, sizeof v, "%ld", (k - 1) * R->maxnode + id);
		out_field(g->nodes, v, 0);
		if (parent)
			snprintf(v, sizeof v, "%ld", (k - 1) * R->maxnode +
			    parent);
		out_field(g->nodes, parent ? v : "", 0);
		out_field(g->nodes, f[2], 0);
		if (top)
			snprintf(v, sizeof v, "%s-%ld", f[3], k);
		out_field(g->nodes, top ? v : f[3], 0);
		if (k == g->largest_k && id == LARGEST_REAL_ID)
			title = xstrdup("Findings of the " LARGEST_WORD
			    " review");
		else if (top || strcmp(f[2], "place") == 0)
			title = renamed(f[4], name);
		else
			title = xstrdup(f[4]);
		heading = strcmp(f[2], "place") == 0 ? renamed(f[5], name) :
		    xstrdup(f[5]);
		out_field(g->nodes, title, 0);
		out_field(g->nodes, heading, 0);
		free(title);
		free(heading);
		if (link)
			snprintf(v, sizeof v, "%ld", (k - 1) * R->maxnode +
			    link);
		out_field(g->nodes, link ? v : "", 0);
		out_field(g->nodes, f[7], 1);
	}
}

static void
gen_blocks(struct gen *g, long k, uint64_t *rs)
{
	const struct real	*R = g->R;
	char			 v[32];
	size_t			 i, target, largest = 0;

	for (i = 0; i < R->blocks.n; i++) {
		char	**f = R->blocks.r[i].f;
		long	 node = num(f[0]);

		/* Around the real length (the mean comes out near it once a
		 * paragraph runs on to the end of its sentence). */
		target = strlen(f[2]) * (35 + rnd_below(rs, 101)) / 100;
		if (target < 12)
			target = 12;
		if (k == g->largest_k && node == LARGEST_REAL_ID)
			target *= LARGEST_FACTOR;
		gen_text(g->M, rs, target, strcmp(f[1], "para") == 0,
		    R->figs[i], R->nfigs[i], &g->text);
		if (k == g->largest_k && node == LARGEST_REAL_ID)
			largest += g->text.len;
		snprintf(v, sizeof v, "%ld", (k - 1) * R->maxnode + node);
		out_field(g->blocks, v, 0);
		out_field(g->blocks, f[1], 0);
		out_field(g->blocks, g->text.s, 1);
	}
	if (k == g->largest_k) {
		g->largest_bytes = largest;
		g->largest_path = node_path(R, LARGEST_REAL_ID, k);
	}
}

static void
gen_places(struct gen *g, long k, const char *name)
{
	const struct real	*R = g->R;
	char			 v[256], *s;
	size_t			 i;

	for (i = 0; i < R->places.n; i++) {
		char	**f = R->places.r[i].f;

		snprintf(v, sizeof v, "%s-%ld", f[0], k);
		out_field(g->places, v, 0);
		out_field(g->places, f[1], 0);
		s = renamed(f[2], name);
		out_field(g->places, s, 0);
		free(s);
		snprintf(v, sizeof v, "%ld", (k - 1) * R->maxnode + num(f[3]));
		out_field(g->places, v, 1);
	}
}

static void
gen_figures(struct gen *g, long k)
{
	const struct real	*R = g->R;
	char			 v[256];
	size_t			 i, j;

	for (i = 0; i < R->figures.n; i++) {
		char	**f = R->figures.r[i].f;

		for (j = 0; j < 13; j++) {
			const char	*s = f[j];

			if (j == 0 || (j == 10 && *f[j] != '\0')) {
				snprintf(v, sizeof v, "%ld", (k - 1) *
				    R->maxfig + num(f[j]));
				s = v;
			} else if (j == 3) {
				snprintf(v, sizeof v, "%s-%ld", f[j], k);
				s = v;
			} else if (j == 12) {
				snprintf(v, sizeof v, "%ld", (k - 1) *
				    R->maxnode + num(f[j]));
				s = v;
			}
			out_field(g->figures, s, j == 12);
		}
	}
	for (i = 0; i < R->mentions.n; i++) {
		char	**f = R->mentions.r[i].f;

		snprintf(v, sizeof v, "%ld", (k - 1) * R->maxnode + num(f[0]));
		out_field(g->mentions, v, 0);
		snprintf(v, sizeof v, "%s-%ld", f[1], k);
		out_field(g->mentions, v, 1);
	}
}

static void
gen_small(const struct real *R, const char *out, long n)
{
	FILE	*f;
	char	 title[256];
	size_t	 i, j;

	f = out_open(out, "meta", "key,value");
	snprintf(title, sizeof title, "Benchmark dataset: %ld made-up "
	    "reports of the Dorset report's shape", n);
	out_field(f, "title", 0);
	out_field(f, title, 1);
	out_field(f, "publisher", 0);
	out_field(f, "icsbrowse bench/gen", 1);
	out_field(f, "published", 0);
	out_field(f, "not published: generated for make bench", 1);
	out_close(f);
	f = out_open(out, "sources", "code,title,publisher,date");
	for (i = 0; i < R->sources.n; i++)
		for (j = 0; j < R->sources.r[i].n; j++)
			out_field(f, R->sources.r[i].f[j],
			    j + 1 == R->sources.r[i].n);
	out_close(f);
}

int
main(int argc, char **argv)
{
	struct real	 R;
	struct model	 M;
	struct gen	 g;
	char		 name[64];
	const char	*assets, *out;
	uint64_t	 rs;
	long		 k;

	memset(&g, 0, sizeof g);
	g.seed = 20240925;
	if (argc > 2 && strcmp(argv[1], "-s") == 0) {
		g.seed = strtoull(argv[2], NULL, 10);
		argc -= 2;
		argv += 2;
	}
	if (argc != 4 || (g.n = strtol(argv[2], NULL, 10)) < 1 ||
	    g.n > 16384) {
		fprintf(stderr, "usage: gen [-s SEED] ASSETS N OUTDIR "
		    "(N from 1 to 16384)\n");
		return 2;
	}
	assets = argv[1];
	out = argv[3];
	if (mkdir(out, 0777) != 0 && errno != EEXIST)
		die("%s: %s", out, strerror(errno));
	real_load(&R, assets);
	model_build(&M, &R.blocks);
	g.R = &R;
	g.M = &M;
	g.largest_k = g.n / 2 + 1;
	gen_small(&R, out, g.n);
	g.nodes = out_open(out, "nodes",
	    "id,parent,kind,slug,title,heading,link,source");
	g.blocks = out_open(out, "blocks", "node,kind,text");
	g.places = out_open(out, "places", "code,kind,name,node");
	g.figures = out_open(out, "figures", "id,measure,label,place,value,"
	    "text,unit,out_of,period,basis,comparator,direction,node");
	g.mentions = out_open(out, "mentions", "node,place");
	for (k = 1; k <= g.n; k++) {
		rs = g.seed ^ ((uint64_t)k * 0x2545f4914f6cdd1dULL);
		report_name(k, name, sizeof name);
		gen_nodes(&g, k, name);
		gen_blocks(&g, k, &rs);
		gen_places(&g, k, name);
		gen_figures(&g, k);
	}
	out_close(g.nodes);
	out_close(g.blocks);
	out_close(g.places);
	out_close(g.figures);
	out_close(g.mentions);
	printf("largest\t%s\t%s\t%zu\n", g.largest_path, LARGEST_WORD,
	    g.largest_bytes);
	return 0;
}
