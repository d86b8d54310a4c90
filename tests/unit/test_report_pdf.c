/*
 * test_report_pdf.c: a PDF's text with its layout (report_pdf.c,
 * include/core/report_pdf.h): report_pdf_add() on pdftotext
 * -bbox-layout XHTML written here by hand, and report_pdf_load()'s
 * refusals, which come before pdftotext is run.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/report.h"
#include "core/report_pdf.h"
#include "core/xmalloc.h"
#include "../tap.h"

#define W(x0, x1, t) "<word xMin=\"" #x0 "\" yMin=\"0\" xMax=\"" #x1 \
	"\" yMax=\"0\">" t "</word>\n"
#define L(x0, y0, x1, y1) "<line xMin=\"" #x0 "\" yMin=\"" #y0 \
	"\" xMax=\"" #x1 "\" yMax=\"" #y1 "\">\n"

/*
 * Two pages: a heading set larger, a paragraph whose lines come out of
 * order, a bullet drawn as its own line beside its item, a sub-item,
 * entities, a tab and a control byte, an empty line.
 */
static const char xhtml[] =
    "<!DOCTYPE html><html><body><doc>\n"
    "<page width=\"595\" height=\"842\">\n<flow><block>\n"
    L(72, 100, 300, 118) W(72, 110, "Theme") W(112, 130, "1:")
    W(132, 300, "Leadership") "</line>\n"
    L(72, 144, 400, 156) W(72, 110, "costs") W(112, 400, "\xc2\xa3" "5")
    "</line>\n"
    L(72, 130, 520, 142) W(72, 130, "Partners") W(132, 140, "&amp;")
    W(142, 200, "leaders") W(202, 210, "in") W(212, 520, "日本語")
    "</line>\n"
    L(90, 170, 200, 182) W(90, 120, "Item") W(122, 200, "one") "</line>\n"
    L(72, 170, 78, 182) W(72, 78, "\xe2\x80\xa2") "</line>\n"
    L(108, 184, 250, 196) W(108, 130, "Sub") W(132, 250, "item")
    "</line>\n"
    L(72, 198, 300, 210) W(72, 300, "a\tb\x01" "c") "</line>\n"
    L(72, 212, 300, 224) "</line>\n"
    "</block></flow></page>\n"
    "<page width=\"595\" height=\"842\">\n"
    L(72, 100, 500, 112) W(72, 100, "Page") W(102, 500, "two")
    "</line>\n</page>\n</doc></body></html>\n";

static void
test_add(void)
{
	static const struct {
		const char	*text;
		int		 page, level, bullet, big, y, width, firstw;
	} want[] = {
		{ "Theme 1: Leadership", 1, 0, 0, 1, 1000, 2280, 380 },
		{ "Partners & leaders in 日本語", 1, 0, 0, 0, 1300, 4480, 580 },
		{ "costs \xc2\xa3" "5", 1, 0, 0, 0, 1440, 3280, 380 },
		{ "Item one", 1, 1, 1, 0, 1700, 1280, 300 },
		{ "Sub item", 1, 2, 0, 0, 1840, 1780, 220 },
		{ "abc", 1, 0, 0, 0, 1980, 2280, 2280 },
		{ "Page two", 2, 0, 0, 0, 1000, 4280, 280 },
	};
	struct report	*r = report_new();
	char		*cause = NULL;
	size_t		 i, n = sizeof want / sizeof want[0];

	tap_is_int(report_pdf_add(r, "t.pdf", xhtml, sizeof xhtml - 1,
	    &cause), 0, "report_pdf_add: 0");
	tap_is_str(cause, NULL, "  no cause");
	tap_is_int((long long)r->nlines, (long long)n, "  seven lines: the "
	    "empty one left out, the bullet joined to its item");
	tap_ok(r->nfiles == 1 && strcmp(r->files[0], "t.pdf") == 0,
	    "  its file named");
	tap_ok(r->styled, "  headings told by their size");
	for (i = 0; i < n && i < r->nlines; i++) {
		const struct report_line	*l = &r->lines[i];

		tap_is_str(l->text, want[i].text, want[i].text);
		tap_is_int((long long)l->len, (long long)strlen(want[i].text),
		    "  its length");
		tap_ok(l->page == want[i].page && l->level == want[i].level &&
		    l->bullet == want[i].bullet && l->big == want[i].big &&
		    l->measured, "  page %d level %d bullet %d big %d",
		    l->page, l->level, l->bullet, l->big);
		tap_ok(l->y == want[i].y && l->width == want[i].width &&
		    l->firstw == want[i].firstw, "  y %d width %d firstw %d",
		    l->y, l->width, l->firstw);
		tap_ok(l->file == r->files[0], "  borrows the file's name");
	}
	report_free(r);
}

/* What is not UTF-8 is refused whole: no byte of it is guessed at. */
static void
test_not_utf8(void)
{
	static const char bad[] = "<page >" L(72, 100, 200, 112)
	    W(72, 100, "good") W(102, 200, "b\xff" "d") "</line>";
	struct report	*r = report_new();
	char		*cause = NULL;

	tap_is_int(report_pdf_add(r, "t.pdf", bad, sizeof bad - 1, &cause),
	    -1, "a byte that is not UTF-8: refused");
	tap_ok(cause != NULL && strstr(cause, "t.pdf: pdftotext gave text "
	    "that is not UTF-8 (byte 0xff at offset ") != NULL,
	    "  says what and where: %s", cause != NULL ? cause : "(none)");
	tap_is_int((long long)r->nlines, 0, "  nothing added");
	free(cause);
	report_free(r);
}

static void
test_no_text(void)
{
	static const struct { const char *name, *x; size_t len; } t[] = {
		{ "empty doc", "<doc><page width=\"1\"></page></doc>", 0 },
		{ "nothing", "", 0 },
		{ "a line with no word", "<page >" L(1, 1, 2, 2) "</line>", 0 },
		{ "text after a NUL is not read",
		  "<page >\0" L(72, 100, 200, 112) W(72, 200, "hidden")
		  "</line>", 8 + sizeof L(72, 100, 200, 112) W(72, 200,
		  "hidden") "</line>" - 1 },
	};
	struct report	*r;
	char		*cause;
	size_t		 i, len;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		r = report_new();
		cause = NULL;
		len = t[i].len != 0 ? t[i].len : strlen(t[i].x);
		tap_is_int(report_pdf_add(r, "日本語 scan.pdf", t[i].x, len,
		    &cause), -1, t[i].name);
		tap_is_str(cause, "日本語 scan.pdf: no text layer: the PDF holds "
		    "no text to read (a scanned report?); run it through OCR "
		    "first", "  its cause");
		tap_ok(r->nlines == 0 && r->nfiles == 0, "  nothing added");
		free(cause);
		report_free(r);
	}
}

static char *
write_file(const char *dir, const char *name, const char *data, size_t len)
{
	char	*path = xasprintf("%s/%s", dir, name);
	FILE	*f;

	if ((f = fopen(path, "wb")) != NULL) {
		fwrite(data, 1, len, f);
		fclose(f);
	}
	return path;
}

static void
test_load_refused(void)
{
	static const struct { const char *name, *data, *want; } t[] = {
		{ "notes.pdf", "Theme 1: Leadership\n",
		  "not a PDF (no %PDF- header)" },
		{ "short.pdf", "%PDF", "not a PDF (no %PDF- header)" },
		{ "locked.pdf", "%PDF-1.4\n1 0 obj << /Encrypt 2 0 R >>\n"
		  "%%EOF\n", "an encrypted PDF: icsbrowse reads only "
		  "unencrypted ones (qpdf --decrypt makes one)" },
	};
	char		 dir[] = "/tmp/test_report_pdf.XXXXXX";
	struct report	*r;
	char		*path, *cause, *want;
	size_t		 i;

	if (mkdtemp(dir) == NULL) {
		tap_ok(0, "mkdtemp");
		return;
	}
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		r = report_new();
		cause = NULL;
		path = write_file(dir, t[i].name, t[i].data, strlen(t[i].data));
		want = xasprintf("%s: %s", path, t[i].want);
		tap_is_int(report_pdf_load(r, path, &cause), -1, t[i].name);
		tap_is_str(cause, want, "  its cause");
		tap_is_int((long long)r->nlines, 0, "  no lines");
		free(want);
		free(cause);
		unlink(path);
		free(path);
		report_free(r);
	}
	r = report_new();
	cause = NULL;
	path = xasprintf("%s/absent.pdf", dir);
	tap_is_int(report_pdf_load(r, path, &cause), -1, "a missing file");
	tap_ok(cause != NULL && strncmp(cause, path, strlen(path)) == 0 &&
	    strchr(cause, '\n') == NULL, "  one line naming it: %s",
	    cause != NULL ? cause : "(null)");
	free(cause);
	free(path);
	report_free(r);
	rmdir(dir);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_add();
	test_no_text();
	test_not_utf8();
	test_load_refused();
	return tap_done();
}
