/*
 * test_report_pdf_run.c: pdftotext as a child process (report_pdf_run.c,
 * report_pdf_run() in include/core/report_pdf.h).
 *
 * PATH is pointed at a directory of stand-in programs written here, so
 * that the exit statuses and the arguments are tested without poppler:
 * none there (cannot run), one that exits 3 (encrypted), 1 (damaged),
 * one killed by a signal, one that echoes its arguments.  Then, when
 * groff and pdftotext are both on PATH, a small PDF made with groff is
 * read for real; that part skips, saying so, otherwise.
 */
#include "config.h"

#include <sys/stat.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/report_pdf.h"
#include "core/xmalloc.h"
#include "../tap.h"

static char	 dir[] = "/tmp/test_report_pdf_run.XXXXXX";

static void
write_prog(const char *body)
{
	char	*path = xasprintf("%s/bin/pdftotext", dir);
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
	setenv("PATH", oldpath, 1);
	test_groff("-groff.pdf");
	rmdir(bin);
	chdir("/");
	rmdir(dir);
	free(bin);
	free(oldpath);
	return tap_done();
}
