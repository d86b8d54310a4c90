/*
 * genlib.c: made-up local authority assessments for the benchmark of the
 * library (make bench, bench/library.sh).
 *
 *   genlib OUTDIR FIRST COUNT
 *
 * Writes COUNT dataset folders OUTDIR/la-K (K from FIRST), each in the
 * project's CSV layout: one MADE-UP council's assessment of the local
 * authority framework, its nine statements under their four themes with
 * a score each (1 to 4, drawn), the overall score and rating that follow
 * from them, and under each statement its key findings: paragraphs of
 * words drawn from a small vocabulary of the reports' subjects, about
 * the length of a published report's (some 40 kB of text).  Council K's
 * text and scores depend on K only, so a folder is the same on every run.
 * No such councils exist; nothing here is published text.
 *
 * Linked with libc only.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PARAS		8	/* of key findings, per statement */

static const char *const themes[] = {
	"Working with people", "Providing support",
	"How the local authority ensures safety within the system",
	"Leadership",
};

static const struct {
	int		 theme;
	const char	*name;
} statements[] = {
	{ 0, "Assessing needs" },
	{ 0, "Supporting people to live healthier lives" },
	{ 0, "Equity in experience and outcomes" },
	{ 1, "Care provision, integration and continuity" },
	{ 1, "Partnerships and communities" },
	{ 2, "Safe systems, pathways and transitions" },
	{ 2, "Safeguarding" },
	{ 3, "Governance, management and sustainability" },
	{ 3, "Learning, improvement and innovation" },
};

static const char *const words[] = {
	"people", "carers", "unpaid", "care", "support", "assessment",
	"assessments", "council", "staff", "waiting", "lists", "reviews",
	"homecare", "providers", "market", "safeguarding", "enquiries",
	"partners", "health", "hospital", "discharge", "reablement",
	"community", "voluntary", "sector", "advocacy", "direct", "payments",
	"housing", "transitions", "young", "adults", "older", "learning",
	"disability", "mental", "dementia", "workforce", "recruitment",
	"leaders", "governance", "budget", "data", "feedback", "outcomes",
	"equity", "access", "language", "interpreters", "rural", "travel",
	"prevention", "wellbeing", "information", "advice", "strategy",
	"commissioning", "quality", "risk", "plans", "teams", "social",
	"workers", "occupational", "therapists", "equipment", "adaptations",
	"the", "and", "of", "to", "in", "with", "for", "was", "were", "had",
	"that", "their", "on", "by", "not", "always", "often", "some",
	"most", "many", "told", "us", "described", "improved", "delays",
};

static void
die(const char *what, const char *path)
{
	fprintf(stderr, "genlib: %s: %s: %s\n", path, what, strerror(errno));
	exit(1);
}

static uint32_t
rnd(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*s >> 33);
}

static FILE *
out_open(const char *dir, const char *name, const char *header)
{
	char	 path[4096];
	FILE	*f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "w")) == NULL)
		die("cannot write", path);
	fputs(header, f);
	fputc('\n', f);
	return f;
}

/* A paragraph of sentences of drawn words, quoted for CSV. */
static void
para(FILE *f, uint64_t *rs)
{
	size_t	 nw = sizeof words / sizeof *words;
	int	 s, w, ns = 3 + (int)(rnd(rs) % 4), len;

	fputc('"', f);
	for (s = 0; s < ns; s++) {
		len = 10 + (int)(rnd(rs) % 14);
		for (w = 0; w < len; w++) {
			const char *word = words[rnd(rs) % nw];

			if (w == 0)
				fprintf(f, "%s%c%s", s > 0 ? " " : "",
				    word[0] - 'a' + 'A', word + 1);
			else
				fprintf(f, "%s%s", w == len / 2 ? ", " : " ",
				    word);
		}
		fputc('.', f);
	}
	fputc('"', f);
}

static const char *
rating(int overall)
{
	if (overall >= 88)
		return "Outstanding";
	if (overall >= 63)
		return "Good";
	if (overall >= 39)
		return "Requires improvement";
	return "Inadequate";
}

static void
slug(const char *s, char *out, size_t len)
{
	size_t	 i = 0;

	for (; *s != '\0' && i + 1 < len; s++) {
		if (*s >= 'A' && *s <= 'Z')
			out[i++] = (char)(*s - 'A' + 'a');
		else if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			out[i++] = *s;
		else if (*s == ' ' && i > 0 && out[i - 1] != '-')
			out[i++] = '-';
	}
	out[i] = '\0';
}

/* The nodes, blocks and scores of council k, whose code is code. */
static void
gen_tree(const char *dir, long k, const char *body, const char *code,
    int *score)
{
	FILE		*nodes, *blocks, *figs;
	uint64_t	 rs = 0x9e3779b97f4a7c15ULL ^ (uint64_t)k * 7919;
	char		 s[128];
	int		 id = 1, theme = -1, tid = 0, i, p, fig = 1, sum = 0;

	nodes = out_open(dir, "nodes.csv",
	    "id,parent,kind,slug,title,heading,link,source");
	blocks = out_open(dir, "blocks.csv", "node,kind,text");
	figs = out_open(dir, "figures.csv", "id,measure,label,place,value,"
	    "text,unit,out_of,period,basis,comparator,direction,node");
	fprintf(nodes, "1,,part,overview,Overall summary,Overall summary,,"
	    "cqc\n");
	for (i = 0; i < 9; i++)
		sum += score[i];
	fprintf(blocks, "1,para,MADE UP for the icsbrowse benchmark: %s "
	    "scored %d out of 100 overall.\n", body, (sum * 100 + 18) / 36);
	fprintf(figs, "1,overall-score,Overall,%s,%d,%d out of 100,score,100,"
	    ",value,,,1\n", code, (sum * 100 + 18) / 36, (sum * 100 + 18) / 36);
	for (i = 0; i < 9; i++) {
		if (statements[i].theme != theme) {
			theme = statements[i].theme;
			slug(themes[theme], s, sizeof s);
			tid = ++id;
			fprintf(nodes, "%d,,theme,%s,%s,%s,,cqc\n", tid, s,
			    themes[theme], themes[theme]);
		}
		slug(statements[i].name, s, sizeof s);
		fprintf(nodes, "%d,%d,statement,%s,\"%s\",\"%s\",,cqc\n", ++id,
		    tid, s, statements[i].name, statements[i].name);
		fprintf(blocks, "%d,para,Score: %d\n", id, score[i]);
		fprintf(figs, "%d,score-%s,\"%s\",%s,%d,Score: %d,score,4,,"
		    "value,,,%d\n", ++fig, s, statements[i].name, code,
		    score[i], score[i], id);
		fprintf(nodes, "%d,%d,key-findings,key-findings,Key findings,"
		    "Key findings for this quality statement,,cqc\n", id + 1,
		    id);
		id++;
		for (p = 0; p < PARAS; p++) {
			fprintf(blocks, "%d,para,", id);
			para(blocks, &rs);
			fputc('\n', blocks);
		}
	}
	fprintf(nodes, "%d,,place,%s,%s,%s,,cqc\n", ++id, code, body, body);
	fprintf(blocks, "%d,para,A made-up council.\n", id);
	if (fclose(nodes) || fclose(blocks) || fclose(figs))
		die("cannot write", dir);
	{
		FILE *pl = out_open(dir, "places.csv", "code,kind,name,node");

		fprintf(pl, "%s,council,%s,%d\n", code, body, id);
		if (fclose(pl))
			die("cannot write", dir);
	}
}

static void
gen_council(const char *outdir, long k)
{
	FILE		*f;
	uint64_t	 rs = (uint64_t)k * 2654435761ULL + 1;
	char		 dir[4096], body[64], code[64];
	int		 score[9], i, sum = 0;

	snprintf(dir, sizeof dir, "%s/la-%ld", outdir, k);
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		die("cannot make", dir);
	snprintf(body, sizeof body, "Benchmark Borough %ld Council", k);
	snprintf(code, sizeof code, "benchmark-borough-%ld", k);
	for (i = 0; i < 9; i++) {
		score[i] = 1 + (int)(rnd(&rs) % 4);
		sum += score[i];
	}
	f = out_open(dir, "meta.csv", "key,value");
	fprintf(f, "title,%s: local authority assessment\n", body);
	fprintf(f, "publisher,Care Quality Commission\npublished,"
	    "%ld March 2025\nbody,%s\nrating,%s\n", 1 + k % 28, body,
	    rating((sum * 100 + 18) / 36));
	if (fclose(f))
		die("cannot write", dir);
	f = out_open(dir, "sources.csv", "code,title,publisher,date");
	fprintf(f, "cqc,%s: local authority assessment,Care Quality "
	    "Commission,%ld March 2025\n", body, 1 + k % 28);
	if (fclose(f))
		die("cannot write", dir);
	f = out_open(dir, "mentions.csv", "node,place");
	if (fclose(f))
		die("cannot write", dir);
	gen_tree(dir, k, body, code, score);
}

int
main(int argc, char **argv)
{
	long	 first, count, k;

	if (argc != 4 || (first = atol(argv[2])) < 0 ||
	    (count = atol(argv[3])) < 0) {
		fprintf(stderr, "usage: genlib OUTDIR FIRST COUNT\n");
		return 2;
	}
	if (mkdir(argv[1], 0777) != 0 && errno != EEXIST)
		die("cannot make", argv[1]);
	for (k = first; k < first + count; k++)
		gen_council(argv[1], k);
	return 0;
}
