/*
 * test_report_pdf_run.c: pdftotext as a child process (report_pdf_run.c,
 * report_pdf_run() in include/core/report_pdf.h).
 *
 * PATH is pointed at a directory of stand-in programs written here, so
 * that the exit statuses and the arguments are tested without poppler:
 * none there (cannot run), one that exits 3 (encrypted), 1 (damaged),
 * one killed by a signal, one that echoes its arguments; then stand-ins
 * of pdfinfo too: its count split into ranges, run at once and joined in
 * page order, a range that fails, a count that fails, is too small (one
 * child) or too large.  Then, when groff and pdftotext are both on PATH, a small
 * PDF made with groff, and one of 41 pages, are read for real; that part
 * skips, saying so, otherwise.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/report_pdf.h"
#include "core/strbuf.h"
#include "core/xmalloc.h"
#include "../tap.h"

static char	 dir[] = "/tmp/test_report_pdf_run.XXXXXX";

static void
write_named(const char *name, const char *body)
{
	char	*path = xasprintf("%s/bin/%s", dir, name);
	FILE	*f;

	unlink(path);
	if (body != NULL && (f = fopen(path, "w")) != NULL) {
		fprintf(f, "#!/bin/sh\n%s\n", body);
		fclose(f);
		chmod(path, 0755);
	}
	free(path);
}

static void
write_prog(const char *body)
{
	write_named("pdftotext", body);
}

static void
test_standins(const char *pdf)
{
	static const struct {
		const char	*name, *body, *want, *out;
	} t[] = {
		{ "no pdftotext on PATH", NULL,
		  "%s: cannot run pdftotext to read the PDF: install "
		  "poppler-utils", NULL },
		{ "exit 3: encrypted", "exit 3",
		  "%s: an encrypted PDF: icsbrowse reads only unencrypted ones "
		  "(qpdf --decrypt makes one)", NULL },
		{ "exit 1: damaged", "echo partial; exit 1",
		  "%s: a damaged PDF: pdftotext cannot read it (exit 1)", NULL },
		{ "killed by a signal", "kill -9 $$",
		  "%s: a damaged PDF: pdftotext failed on it (signal 9)", NULL },
		{ "its arguments, no shell between", "echo \"$@\" \"£ 日本語\"",
		  NULL, "-q -bbox-layout -enc UTF-8 %s - £ 日本語\n" },
		{ "stderr is not its output", "echo oops >&2; printf 'a\\tb'",
		  NULL, "a\tb" },
	};
	char	*out, *cause, *want;
	size_t	 i, len;
	int	 rc;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		write_prog(t[i].body);
		out = cause = NULL;
		len = 12345;
		rc = report_pdf_run(pdf, &out, &len, &cause);
		tap_is_int(rc, t[i].want != NULL ? -1 : 0, t[i].name);
		if (t[i].want != NULL) {
			want = xasprintf("%s: %s", pdf, strchr(t[i].want, ' ')
			    + 1);
			tap_is_str(cause, want, "  its cause");
			tap_ok(out == NULL && len == 12345, "  no output given");
		} else {
			/* A name that opens with '-' is given as ./NAME. */
			want = strstr(t[i].out, "%s") == NULL ?
			    xstrdup(t[i].out) : xasprintf("-q -bbox-layout "
			    "-enc UTF-8 ./%s - £ 日本語\n", pdf);
			tap_is_str(out, want, "  its output");
			tap_is_int((long long)len, out != NULL ?
			    (long long)strlen(want) : -1, "  its length");
			tap_is_str(cause, NULL, "  no cause");
		}
		free(want);
		free(out);
		free(cause);
	}
	write_prog(NULL);
}

/* The number of open file descriptors below 256. */
static int
open_fds(void)
{
	int	 fd, n = 0;

	for (fd = 0; fd < 256; fd++)
		n += fcntl(fd, F_GETFD) != -1;
	return n;
}

/* The children this machine reads a PDF of many pages with. */
static long
cpus(void)
{
	long	 n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 4 ? 4 : n;
}

/* Run report_pdf_run(pdf) and check nothing is left behind. */
static int
run_clean(const char *pdf, char **out, size_t *len, char **cause)
{
	int	 fds = open_fds(), rc;

	rc = report_pdf_run(pdf, out, len, cause);
	tap_ok(waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD,
	    "  every child reaped");
	tap_is_int(open_fds(), fds, "  no descriptor left open");
	return rc;
}

/*
 * A stand-in pdftotext of a PDF of 40 pages (or of max): a head line with
 * its arguments, then "<page N></page>" a line for each page of its range.
 */
#define PAGES(max) \
	"a=\"$*\"; f=1; l=" max "\n" \
	"while [ $# -gt 0 ]; do case $1 in -f) f=$2; shift ;; " \
	"-l) l=$2; shift ;; esac; shift; done\n" \
	"[ $l -le " max " ] || l=" max "\n" \
	"[ $f -le $l ] || exit 99\n" \
	"echo \"head $a\"\n" \
	"while [ $f -le $l ]; do echo \"<page $f></page>\"; f=$((f + 1)); done\n"

/*
 * What the children of the stand-in give, joined, for n children: the
 * first's head and its range of pages, up to its last "</page>", then
 * each other's output.
 */
static char *
ranges_of(const char *pdf, long n)
{
	static const struct { const char *arg; int f, l; } r[][4] = {
		{ { "", 1, 40 } },
		{ { "", 1, 20 }, { "-f 21 ", 21, 40 } },
		{ { "", 1, 13 }, { "-f 14 -l 26 ", 14, 26 },
		  { "-f 27 ", 27, 40 } },
		{ { "", 1, 10 }, { "-f 11 -l 20 ", 11, 20 },
		  { "-f 21 -l 30 ", 21, 30 }, { "-f 31 ", 31, 40 } },
	};
	struct strbuf	 sb = STRBUF_INIT;
	long		 i;
	int		 k;

	for (i = 0; i < n; i++) {
		strbuf_addf(&sb, "head -q -bbox-layout -enc UTF-8 %s./%s -\n",
		    r[n - 1][i].arg, pdf);
		for (k = r[n - 1][i].f; k <= r[n - 1][i].l; k++)
			strbuf_addf(&sb, "<page %d></page>%s", k, i == 0 &&
			    n > 1 && k == r[n - 1][i].l ? "" : "\n");
	}
	return strbuf_detach(&sb);
}

/*
 * pdfinfo counts the pages while the first child reads the whole PDF;
 * the later ranges run at once with it: the first waits for the last to
 * start (PATH has no sleep: a while loop of the shell's, a million turns
 * at most), and is cut at the end of its range.
 */
static void
test_ranges(const char *pdf)
{
	char	*out = NULL, *cause = NULL, *want;
	size_t	 len = 0;

	write_named("pdfinfo", "printf 'Title: Pages: 9\\nPages:   99\\n"
	    "Pages:          40\\nEncrypted: no\\n'");
	write_prog("case \" $* \" in *' -f '*' -l '*) ;; *' -f '*) : >last ;; "
	    "*) i=0; while [ ! -e last ] && [ $i -lt 1000000 ]; do "
	    "i=$((i + 1)); done; [ -e last ] || echo 'not at once' ;; esac\n"
	    PAGES("40"));
	unlink("last");
	want = ranges_of(pdf, cpus());
	tap_is_int(run_clean(pdf, &out, &len, &cause), 0,
	    "40 pages: a range a CPU, all at once");
	tap_is_str(out, want, "  their pages in order, each once");
	tap_is_int((long long)len, (long long)strlen(want), "  its length");
	tap_is_str(cause, NULL, "  no cause");
	unlink("last");
	free(want);
	free(out);
	free(cause);
	write_prog(PAGES("5"));
	want = xasprintf("head -q -bbox-layout -enc UTF-8 ./%s -\n<page 1>"
	    "</page>\n<page 2></page>\n<page 3></page>\n<page 4></page>\n"
	    "<page 5></page>\n", pdf);
	out = cause = NULL;
	tap_is_int(run_clean(pdf, &out, &len, &cause), 0,
	    "pdfinfo counts 40 pages of 5: the later ranges fail");
	tap_is_str(out, want, "  the first child read them all");
	tap_is_str(cause, NULL, "  no cause");
	free(want);
	free(out);
	free(cause);
}

/*
 * A range that fails fails the whole read, with the first failing
 * range's cause; the others are read to their end all the same.
 */
static void
test_range_fails(const char *pdf)
{
	static const struct {
		const char	*name, *body, *want;
	} t[] = {
		{ "a later range damaged", "case \" $* \" in *' -f '*) exit 1 ;; "
		  "esac\n" PAGES("40"),
		  "%s: a damaged PDF: pdftotext cannot read it (exit 1)" },
		{ "the first encrypted, a later one damaged",
		  "case \" $* \" in *' -f '*) exit 1 ;; *) exit 3 ;; esac",
		  "%s: an encrypted PDF: icsbrowse reads only unencrypted ones "
		  "(qpdf --decrypt makes one)" },
		{ "the last range killed", "case \" $* \" in *' -f '*' -l '*) ;; "
		  "*' -f '*) kill -9 $$ ;; esac\n" PAGES("40"),
		  "%s: a damaged PDF: pdftotext failed on it (signal 9)" },
		{ "the first killed in its range", "case \" $* \" in *' -f '*) ;; "
		  "*) echo '<page 1></page>'; kill -9 $$ ;; esac\n" PAGES("40"),
		  "%s: a damaged PDF: pdftotext failed on it (signal 9)" },
	};
	char	*out, *cause, *want;
	size_t	 i, len;

	write_named("pdfinfo", "echo 'Pages: 40'");
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		write_prog(t[i].body);
		out = cause = NULL;
		len = 12345;
		tap_is_int(run_clean(pdf, &out, &len, &cause), -1, t[i].name);
		want = xasprintf("%s: %s", pdf, strchr(t[i].want, ' ') + 1);
		tap_is_str(cause, want, "  its cause");
		tap_ok(out == NULL && len == 12345, "  no output given");
		free(want);
		free(cause);
	}
}

/* When pdfinfo cannot count the pages, one child reads them all. */
static void
test_count_fails(const char *pdf)
{
	static const struct {
		const char	*name, *body;
	} t[] = {
		{ "pdfinfo fails", "echo 'Pages: 40'; exit 1" },
		{ "pdfinfo killed", "kill -9 $$" },
		{ "pdfinfo gives no count", "echo 'Pages: many'" },
		{ "pdfinfo counts too many", "echo 'Pages: 99999999999'" },
		{ "a PDF of one page", "echo 'Pages: 1'" },
		{ "a PDF of a few pages", "echo 'Pages: 3'" },
	};
	char	*out, *cause, *want;
	size_t	 i, len;

	write_prog(PAGES("40"));
	want = ranges_of(pdf, 1);
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		write_named("pdfinfo", t[i].body);
		out = cause = NULL;
		tap_is_int(run_clean(pdf, &out, &len, &cause), 0, t[i].name);
		tap_is_str(out, want, "  one child, every page");
		tap_is_str(cause, NULL, "  no cause");
		free(out);
		free(cause);
	}
	free(want);
	write_named("pdfinfo", NULL);
	write_prog(NULL);
}

static int
on_path(const char *prog)
{
	char	*cmd = xasprintf("command -v %s >/dev/null 2>&1", prog);
	int	 rc = system(cmd);

	free(cmd);
	return rc == 0;
}

static void
test_groff(const char *path)
{
	char	*cmd, *out = NULL, *cause = NULL;
	size_t	 len = 0;
	FILE	*f;

	if (!on_path("groff") || !on_path("pdftotext")) {
		tap_diag("SKIP the real PDF: groff or pdftotext is not on PATH");
		return;
	}
	if ((f = fopen("in.tr", "w")) == NULL) {
		tap_ok(0, "write in.tr");
		return;
	}
	fputs(".pl 4i\nTheme 1: Leadership\n.br\nPartners in the made-up "
	    "system work well.\n", f);
	fclose(f);
	cmd = xasprintf("groff -Tpdf in.tr > '%s' 2>/dev/null", path);
	if (system(cmd) != 0) {
		tap_diag("SKIP the real PDF: groff -Tpdf made no PDF");
		free(cmd);
		unlink("in.tr");
		return;
	}
	tap_is_int(report_pdf_run(path, &out, &len, &cause), 0,
	    "a PDF made with groff, its name opening with '-'");
	tap_is_str(cause, NULL, "  no cause");
	tap_ok(out != NULL && len == strlen(out) && strstr(out, "<page ") !=
	    NULL && strstr(out, "<line ") != NULL && strstr(out,
	    ">Leadership</word>") != NULL, "  -bbox-layout output, a word a "
	    "tag, NUL-ended at its length");
	free(out);
	free(cause);
	free(cmd);
	cause = NULL;
	out = NULL;
	if ((f = fopen(path, "r+b")) != NULL) {
		fputs("%PDF-1.4\n%% cut off here\n", f);
		fclose(f);
		truncate(path, 24);
	}
	tap_is_int(report_pdf_run(path, &out, &len, &cause), -1,
	    "the same file damaged");
	tap_ok(cause != NULL && strstr(cause, ": a damaged PDF: pdftotext "
	    "cannot read it (exit ") != NULL, "  a damaged PDF: %s",
	    cause != NULL ? cause : "(null)");
	free(cause);
	free(out);
	unlink("in.tr");
	unlink(path);
}

/* Every <page ...>...</page> of s, in order, into sb. */
static void
pages_of(const char *s, struct strbuf *sb)
{
	const char	*p, *e;

	for (p = s; p != NULL && (p = strstr(p, "<page ")) != NULL; p = e) {
		if ((e = strstr(p, "</page>")) == NULL)
			break;
		e += 7;
		strbuf_add(sb, p, (size_t)(e - p));
	}
}

/*
 * A PDF of 41 pages, read in ranges (on more than one CPU): its pages are
 * pdftotext's own, in order, as one run over the whole PDF gives them.
 */
static void
test_groff_pages(const char *path)
{
	struct strbuf	 got = STRBUF_INIT, want = STRBUF_INIT;
	char		*cmd, *out = NULL, *cause = NULL, *ref;
	size_t		 len = 0;
	int		 i;
	FILE		*f;

	if ((f = fopen("pages.tr", "w")) == NULL) {
		tap_ok(0, "write pages.tr");
		return;
	}
	for (i = 1; i <= 40; i++)
		fprintf(f, "Page %d of a made-up report.\n.br\nPartners in "
		    "the made-up system work well: £ ’ 日本語.\n.bp\n", i);
	fclose(f);
	cmd = xasprintf("groff -Tpdf pages.tr > '%s' 2>/dev/null && "
	    "pdftotext -q -bbox-layout -enc UTF-8 './%s' ref.html", path, path);
	if (system(cmd) != 0 || (ref = tap_slurp("ref.html")) == NULL) {
		tap_diag("SKIP the PDF of 41 pages: groff or pdftotext failed");
		free(cmd);
		return;
	}
	tap_is_int(run_clean(path, &out, &len, &cause), 0,
	    "a PDF of 41 pages made with groff");
	pages_of(out, &got);
	pages_of(ref, &want);
	tap_ok(want.len > 0 && got.len == want.len && memcmp(got.buf,
	    want.buf, got.len) == 0, "  its pages are those of one "
	    "pdftotext run, in order");
	tap_is_int((long long)len, out != NULL ? (long long)strlen(out) : -1,
	    "  NUL-ended at its length");
	strbuf_free(&got);
	strbuf_free(&want);
	free(ref);
	free(out);
	free(cause);
	free(cmd);
	unlink("pages.tr");
	unlink("ref.html");
	unlink(path);
}

int
main(void)
{
	char	*bin, *oldpath;
	const char *env;

	setlocale(LC_ALL, "C.UTF-8");
	if (mkdtemp(dir) == NULL || chdir(dir) != 0) {
		tap_ok(0, "mkdtemp %s", dir);
		return tap_done();
	}
	bin = xasprintf("%s/bin", dir);
	mkdir(bin, 0755);
	oldpath = xstrdup((env = getenv("PATH")) != NULL ? env :
	    "/usr/bin:/bin");
	setenv("PATH", bin, 1);
	test_standins("-report £.pdf");
	test_count_fails("-report £.pdf");
	if (cpus() > 1) {
		test_ranges("-report £.pdf");
		test_range_fails("-report £.pdf");
	} else
		tap_diag("SKIP the ranges: one CPU online, one child");
	setenv("PATH", oldpath, 1);
	test_groff("-groff.pdf");
	if (on_path("groff") && on_path("pdftotext") && on_path("pdfinfo"))
		test_groff_pages("-pages.pdf");
	else
		tap_diag("SKIP the PDF of 41 pages: groff, pdftotext or "
		    "pdfinfo is not on PATH");
	/* The stand-ins, then the folders: nothing left behind in /tmp. */
	write_named("pdftotext", NULL);
	write_named("pdfinfo", NULL);
	rmdir(bin);
	tap_ok(chdir("/") == 0 && rmdir(dir) == 0, "the folder %s is removed",
	    dir);
	free(bin);
	free(oldpath);
	return tap_done();
}
