/*
 * fuzz_report.c: the report reader on any bytes.
 *
 * The first byte chooses the mode: even, the rest is a report's text
 * (report_text_add); odd, it is pdftotext -bbox-layout output
 * (report_pdf_add), so the PDF reader's layout is fuzzed without running
 * poppler.  Bit 1 splits the input at its first 0xff byte into two pages
 * of one report.  Whatever is read must keep the reader's promises: a
 * tree whose parents come before their children, blocks and scores in
 * nodes that exist, texts of valid UTF-8; and what report_parse() accepts,
 * report_import_db() must write (the sink's checks are the reader's
 * contract) into the fuzzers' one database in memory (fuzz_memdb()),
 * whose schema is made once and whose statements stay prepared.  The
 * shipped path, report_import() into a file, must take it too, and write
 * a database that opens: on every input in the replay, and on one in
 * FILE_EVERY in the fuzzer (a file, its schema and its fsyncs cost three
 * times what the rest of an input does).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db.h"
#include "core/report.h"
#include "core/report_pdf.h"
#include "core/report_text.h"
#include "core/utf8.h"
#include "core/xmalloc.h"
#include "fuzz.h"

#define FILE_EVERY	16

static void
fuzz_report_check(const struct report *r)
{
	size_t	 i, bad;

	for (i = 0; i < r->nnodes; i++) {
		if (r->nodes[i].parent > i || r->nodes[i].link > r->nnodes)
			fuzz_fail("report: a parent after its child, or a link "
			    "to nothing", r->nodes[i].title);
		if (utf8_validate(r->nodes[i].title, strlen(r->nodes[i].title),
		    &bad) != 0 || r->nodes[i].title[0] == '\0')
			fuzz_fail("report: a bad title", r->nodes[i].title);
	}
	for (i = 0; i < r->nblocks; i++) {
		if (r->blocks[i].node == 0 || r->blocks[i].node > r->nnodes)
			fuzz_fail("report: a block in no node", NULL);
		if (utf8_validate(r->blocks[i].text, strlen(r->blocks[i].text),
		    &bad) != 0 || r->blocks[i].text[0] == '\0')
			fuzz_fail("report: a bad block", r->blocks[i].text);
	}
	for (i = 0; i < r->nscores; i++)
		if (r->scores[i].node == 0 || r->scores[i].node > r->nnodes ||
		    r->place == 0)
			fuzz_fail("report: a score of no node or place", NULL);
}

static int
fuzz_report_add(struct report *r, int pdf, const char *name, const char *s,
    size_t len, char **cause)
{
	if (pdf)
		return report_pdf_add(r, name, s, len, cause);
	return report_text_add(r, name, s, len, cause);
}

static void
fuzz_report_file(const struct report *r)
{
	struct db	*db;
	char		*out, *cause = NULL;

	out = xasprintf("%s/report.db", fuzz_tmpdir());
	if (report_import(r, out, &cause) != 0)
		fuzz_fail("report_import: refused what report_parse read, and "
		    "report_import_db took", cause);
	if ((db = db_open(out, DB_READONLY, &cause)) == NULL)
		fuzz_fail("report_import: wrote what does not open", cause);
	db_close(db, NULL);
	unlink(out);
	free(out);
}

static void
fuzz_report_write(const struct report *r, const uint8_t *data, size_t size)
{
	char	*cause = NULL;

	if (report_import_db(r, fuzz_memdb(), &cause) != 0)
		fuzz_fail("report_import_db: refused what report_parse read",
		    cause);
	if (fuzz_sample(data, size, FILE_EVERY))
		fuzz_report_file(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct report	*r;
	const char	*s = (const char *)data + 1, *sep = NULL;
	char		*cause = NULL;
	size_t		 len;
	int		 pdf, rc;

	if (size < 1 || size > FUZZ_MAX_INPUT)
		return 0;
	fuzz_init();
	pdf = data[0] & 1;
	len = size - 1;
	if (data[0] & 2)
		sep = memchr(s, 0xff, len);
	r = report_new();
	if (sep != NULL)
		rc = fuzz_report_add(r, pdf, "one", s, (size_t)(sep - s),
		    &cause) == 0 && fuzz_report_add(r, pdf, "two", sep + 1,
		    len - (size_t)(sep - s) - 1, &cause) == 0;
	else
		rc = fuzz_report_add(r, pdf, "one", s, len, &cause) == 0;
	if (rc && report_parse(r, &cause) == 0) {
		fuzz_report_check(r);
		fuzz_report_write(r, data, size);
	} else if (cause == NULL || strchr(cause, '\n') != NULL)
		fuzz_fail("report: a failure with no one-line cause", cause);
	free(cause);
	report_free(r);
	return 0;
}
