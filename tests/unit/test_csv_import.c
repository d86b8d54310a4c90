/*
 * test_csv_import.c: unit tests for core/csv_import.h.
 *
 * From the small dataset of tests/malformed/base, with one file changed
 * in each case: csv_import() builds a database that opens, or fails with
 * "DIR/FILE.csv:LINE: what" and leaves the output as it was, with no
 * temporary file beside it.  csv_import_db() does the same into a
 * database in memory, rolls a failure back, and imports again into the
 * same connection.  Texts in several scripts, with tabs, survive as they
 * are.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csv_import.h"
#include "core/db.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/tables.h"
#include "core/xmalloc.h"
#include "../tap.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

static char	*dir, *ds, *base;

struct import_case {
	const char	*name;
	const char	*file;		/* replaced in the dataset */
	const char	*text;		/* its new contents; NULL: removed */
	const char	*want;		/* NULL: imports; else in the cause */
};

static const struct import_case import_cases[] = {
	{ "the base dataset", NULL, NULL, NULL },
	{ "titles in several scripts, with a tab", "nodes",
	    "id,parent,kind,slug,title,heading,link,source\n"
	    "1,,part,overview,Overview – £909.1 million,,,cqc\n"
	    "2,1,section,finance,日本語の\ttitle,“Finance”,,cqc\n"
	    "3,1,section,people,It’s people,,2,cqc\n"
	    "4,,part,places,Places,,,vcs\n"
	    "5,4,place,bcp-council-area,BCP Council area,,,vcs\n"
	    "6,4,place,england,England,,,\n", NULL },
	{ "a dangling parent", "nodes",
	    "id,parent,kind,slug,title,heading,link,source\n"
	    "1,,part,overview,Overview,,,cqc\n"
	    "2,9,section,finance,Finance,,,cqc\n",
	    "nodes.csv:3: parent 9 does not exist" },
	{ "a cycle of parents", "nodes",
	    "id,parent,kind,slug,title,heading,link,source\n"
	    "1,,part,overview,Overview,,,cqc\n"
	    "2,3,section,a,A,,,cqc\n3,2,section,b,B,,,cqc\n",
	    "nodes.csv:3: node 2 is its own ancestor" },
	{ "a bad byte", "meta",
	    "key,value\ntitle,bad \xff byte\npublisher,CQC\npublished,2024\n",
	    "meta.csv:2:" },
	{ "a missing file", "mentions", NULL, "mentions.csv: No such file" },
	{ "a wrong header", "sources", "code,title,publisher\n",
	    "sources.csv:1: bad header: expected code,title,publisher,date" },
	{ "a figure's text not in its node", "figures",
	    "id,measure,label,place,value,text,unit,out_of,period,basis,"
	    "comparator,direction,node\n"
	    "1,m,Income,bcp,909.1,£909.2 million,£m,,,value,,,2\n",
	    "figures.csv:2: text '£909.2 million' does not occur" },
	{ "a duplicate key", "meta", "key,value\ntitle,A\ntitle,B\n",
	    "meta.csv:3: duplicate key 'title'" },
};

static void
copy_file(const char *from, const char *to)
{
	char	 buf[8192];
	size_t	 n;
	FILE	*in, *out;

	if ((in = fopen(from, "r")) == NULL)
		return;
	if ((out = fopen(to, "w")) != NULL) {
		while ((n = fread(buf, 1, sizeof buf, in)) > 0)
			fwrite(buf, 1, n, out);
		fclose(out);
	}
	fclose(in);
}

/* The dataset: the base, with file replaced by text (NULL: removed). */
static void
make_dataset(const char *file, const char *text)
{
	char	*from, *to;
	size_t	 i;
	FILE	*f;

	for (i = 0; i < ntables; i++) {
		from = xasprintf("%s/%s.csv", base, tables[i].name);
		to = xasprintf("%s/%s.csv", ds, tables[i].name);
		unlink(to);
		if (file == NULL || strcmp(file, tables[i].name) != 0)
			copy_file(from, to);
		else if (text != NULL && (f = fopen(to, "w")) != NULL) {
			fputs(text, f);
			fclose(f);
		}
		free(from);
		free(to);
	}
}

/* Whether anything but out.db (and ds) is in dir. */
static int
litter(void)
{
	struct dirent	*de;
	DIR		*d;
	int		 found = 0;

	if ((d = opendir(dir)) == NULL)
		return 1;
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' && strcmp(de->d_name, "out.db") != 0
		    && strcmp(de->d_name, "ds") != 0)
			found = 1;
	closedir(d);
	return found;
}

static long long
count_nodes(struct db *db)
{
	sqlite3_stmt	*st;
	char		*cause = NULL;
	long long	 n = -1;

	if (db_prepare(db, "SELECT count(*) FROM nodes", &st, &cause) != 0) {
		free(cause);
		return -1;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Into a file: all or nothing. */
static void
test_file(const struct import_case *c)
{
	struct db	*db;
	struct stat	 sb;
	char		*out, *cause = NULL, *want;
	FILE		*f;
	int		 rc;

	out = xasprintf("%s/out.db", dir);
	if ((f = fopen(out, "w")) != NULL) {
		fputs("the old output", f);
		fclose(f);
	}
	rc = csv_import(ds, out, &cause);
	if (c->want == NULL) {
		tap_ok(rc == 0, "%s: imports%s%s", c->name, cause ? ": " : "",
		    cause ? cause : "");
		db = db_open(out, DB_READONLY, &cause);
		tap_ok(db != NULL && count_nodes(db) > 0,
		    "%s: ... into a database that opens", c->name);
		db_close(db, NULL);
	} else {
		want = xasprintf("%s/%s", ds, c->want);
		tap_ok(rc == -1 && cause != NULL && strstr(cause, want) ==
		    cause && strchr(cause, '\n') == NULL, "%s: fails: %s",
		    c->name, cause ? cause : "(imports)");
		tap_ok(stat(out, &sb) == 0 && sb.st_size == 14,
		    "%s: ... and leaves the output as it was", c->name);
		free(want);
	}
	tap_ok(!litter(), "%s: no temporary file is left", c->name);
	free(cause);
	unlink(out);
	free(out);
}

/* Into memory: a failure rolls back. */
static void
test_memory(struct db *db, const struct import_case *c)
{
	char	*cause = NULL;
	int	 rc;

	db_exec(db, "DELETE FROM mentions; DELETE FROM figures; DELETE FROM "
	    "places; DELETE FROM blocks; DELETE FROM nodes; DELETE FROM "
	    "sources; DELETE FROM meta; DELETE FROM search", &cause);
	rc = csv_import_db(db, ds, &cause);
	if (c->want == NULL)
		tap_ok(rc == 0 && count_nodes(db) > 0, "%s: imports in memory%s"
		    "%s", c->name, cause ? ": " : "", cause ? cause : "");
	else
		tap_ok(rc == -1 && cause != NULL && strstr(cause, c->want) !=
		    NULL && count_nodes(db) == 0, "%s: fails in memory, "
		    "leaving no rows: %s", c->name, cause ? cause : "");
	free(cause);
}

static void
test_text(struct db *db)
{
	struct node	 n;
	int64_t		 id;
	char		*cause = NULL;

	make_dataset(import_cases[1].file, import_cases[1].text);
	test_memory(db, &import_cases[1]);
	if (model_resolve(db, "overview/finance", &id, &cause) == 0 &&
	    model_get(db, id, &n, &cause) == 0) {
		tap_is_str(n.title, "日本語の\ttitle", "a title as it was written");
		tap_is_str(n.heading, "“Finance”", "a heading as it was written");
		node_clear(&n);
	} else
		tap_ok(0, "the node of several scripts: %s", cause);
	free(cause);
}

int
main(void)
{
	struct db	*db;
	const char	*t, *top;
	char		*cause = NULL, *cmd;
	size_t		 i;

	if ((t = getenv("TMPDIR")) == NULL || *t == '\0')
		t = "/tmp";
	if ((top = getenv("top_srcdir")) == NULL || *top == '\0')
		top = ".";
	base = xasprintf("%s/tests/malformed/base", top);
	dir = xasprintf("%s/icsb-test-import.XXXXXX", t);
	if (mkdtemp(dir) == NULL) {
		printf("Bail out! cannot make %s\n", dir);
		return 1;
	}
	ds = xasprintf("%s/ds", dir);
	mkdir(ds, 0700);
	db = db_open(":memory:", DB_CREATE, &cause);
	for (i = 0; i < NITEMS(import_cases); i++) {
		make_dataset(import_cases[i].file, import_cases[i].text);
		test_file(&import_cases[i]);
		test_memory(db, &import_cases[i]);
	}
	test_text(db);
	db_close(db, NULL);
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		tap_diag("cannot remove the scratch directory");
	free(cmd);
	free(dir);
	free(ds);
	free(base);
	return tap_done();
}
