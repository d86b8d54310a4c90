/*
 * test_library.c: the library of assessments (library.c, library_add.c):
 * names made from the body and the year, the folder, listing with a
 * damaged member, adding the same assessment twice, replacing, removing.
 * Needs top_srcdir for the minimal dataset tests/malformed/base.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db.h"
#include "core/library.h"
#include "core/xmalloc.h"
#include "../tap.h"

static const struct {
	const char	*body, *published, *want;
} names[] = {
	{ "Hertfordshire County Council", "14 June 2024", "hertfordshire-2024" },
	{ "Made-up Borough Council: local authority assessment",
	  "18 October 2024", "made-up-2024" },
	{ "Dorset Integrated Care System", "25 September 2024",
	  "dorset-2024" },
	{ "Bournemouth, Christchurch and Poole Council", "2025-01-09",
	  "bournemouth-christchurch-and-poole-2025" },
	{ "King\xe2\x80\x99s Lynn Borough Council", "3 May 2025",
	  "kings-lynn-2025" },
	{ "St Helens Metropolitan Borough Council", "1 Aug 2025 (updated "
	  "2 Sept 2026)", "st-helens-2025" },
	{ "Council", "2024", "council-2024" },
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "2024", NULL },
	{ "Tab\there \xc2\xa3", "published 2024.", "tab-here-2024" },
	{ "Somewhere", "no year given", NULL },
	{ "Somewhere", "12024", NULL },
	{ "", "2024", NULL },
};

static const struct {
	const char	*name;
	int		 valid;
} valid[] = {
	{ "dorset-2024", 1 }, { "a", 1 }, { "a-1", 1 }, { "", 0 },
	{ "Dorset", 0 }, { "a--b", 0 }, { "-a", 0 }, { "a-", 0 },
	{ "a b", 0 }, { "a/b", 0 }, { "../x", 0 }, { "a:b", 0 },
	{ "\xc2\xa3", 0 },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	  0 },
};

static void
test_names(void)
{
	char	*got;
	size_t	 i;

	for (i = 0; i < sizeof names / sizeof *names; i++) {
		got = library_name_make(names[i].body, names[i].published);
		tap_is_str(got, names[i].want, names[i].body);
		free(got);
	}
	for (i = 0; i < sizeof valid / sizeof *valid; i++)
		tap_ok(library_name_valid(valid[i].name) == valid[i].valid,
		    "name '%s' is %svalid", valid[i].name,
		    valid[i].valid ? "" : "not ");
}

static void
test_dir(void)
{
	char	*d, *cause = NULL;

	setenv("XDG_DATA_HOME", "/x/data", 1);
	d = library_dir(&cause);
	tap_is_str(d, "/x/data/icsbrowse/library", "XDG_DATA_HOME");
	free(d);
	setenv("XDG_DATA_HOME", "relative", 1);
	setenv("HOME", "/home/u", 1);
	d = library_dir(&cause);
	tap_is_str(d, "/home/u/.local/share/icsbrowse/library",
	    "a relative XDG_DATA_HOME is ignored: HOME");
	free(d);
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	d = library_dir(&cause);
	tap_ok(d == NULL && cause != NULL, "neither: no folder, and why");
	free(cause);
}

/* Add base (a minimal dataset) to dir under name. */
static int
add(const char *dir, const char *builtin, const char *base,
    const char *name, int replace, char **got, enum library_added *how,
    char **cause)
{
	char	*in[1];

	in[0] = (char *)base;
	*got = NULL;
	return library_add(dir, builtin, in, 1, name, replace, got, how,
	    cause);
}

static void
test_add(const char *dir, const char *builtin, const char *base)
{
	enum library_added	 how;
	char			*got, *cause = NULL;

	tap_ok(add(dir, builtin, base, NULL, 0, &got, &how, &cause) != 0 &&
	    cause != NULL && strstr(cause, "built-in assessment's name") !=
	    NULL, "a name made that is the built-in one's is refused");
	free(cause);
	cause = NULL;
	tap_ok(add(dir, builtin, base, NULL, 1, &got, &how, &cause) != 0 &&
	    cause != NULL && strstr(cause, "the built-in assessment cannot be "
	    "replaced") != NULL, "--replace of the built-in one: it cannot be");
	free(cause);
	cause = NULL;
	tap_ok(add(dir, builtin, base, "base-2024", 0, &got, &how,
	    &cause) == 0 && how == LIBRARY_NEW, "added under --name");
	tap_is_str(got, "base-2024", "its name");
	free(got);
	tap_ok(add(dir, builtin, base, "other", 0, &got, &how, &cause) == 0 &&
	    how == LIBRARY_SAME, "the same again, under another name: same");
	tap_is_str(got, "base-2024", "the name it has");
	free(got);
	tap_ok(add(dir, builtin, base, "base-2024", 1, &got, &how,
	    &cause) == 0 && how == LIBRARY_SAME,
	    "--replace with the same content: the same, nothing replaced");
	tap_is_str(got, "base-2024", "under its name");
	free(got);
	tap_ok(add(dir, builtin, base, "another", 1, &got, &how,
	    &cause) == 0 && how == LIBRARY_SAME,
	    "--replace under another name, the same content: the same");
	tap_is_str(got, "base-2024", "under the name it has");
	free(got);
	tap_ok(add(dir, builtin, builtin, NULL, 0, &got, &how, &cause) == 0 &&
	    how == LIBRARY_SAME, "the built-in database is already there");
	tap_is_str(got, LIBRARY_BUILTIN, "under its fixed name");
	free(got);
}

/* A report as published (made up), read by the reader; then removed. */
static void
test_add_report(const char *dir, const char *builtin, const char *report)
{
	enum library_added	 how;
	char			*got, *cause = NULL;
	int			 r;

	tap_ok(add(dir, builtin, report, NULL, 0, &got, &how, &cause) == 0 &&
	    how == LIBRARY_NEW, "a report's text is added");
	tap_is_str(got, "made-up-2024", "named from its body and year");
	free(got);
	tap_ok(library_remove(dir, "made-up-2024", &cause) == 0, "removed");
	r = add(dir, builtin, "/nonexistent/x.txt", NULL, 0, &got, &how,
	    &cause);
	tap_ok(r != 0 && cause != NULL, "a missing input: %s",
	    cause != NULL ? cause : "(no cause)");
	free(cause);
}

static void
test_list(const char *dir, const char *builtin)
{
	struct library_entry	*e;
	char			*cause = NULL, *p;
	size_t			 n;
	FILE			*f;

	p = xasprintf("%s/broken-2020.db", dir);
	f = fopen(p, "w");
	fputs("not a database", f);
	fclose(f);
	free(p);
	p = xasprintf("%s/Not-A-Name.db", dir);
	fclose(fopen(p, "w"));
	free(p);
	tap_ok(library_list(dir, builtin, &e, &n, &cause) == 0, "list");
	tap_is_int((long long)n, 3, "three members, the built-in one too");
	tap_is_str(e[0].name, "base-2024", "in name order");
	tap_is_str(e[0].framework, "ics", "framework ics");
	tap_is_str(e[0].rating, "", "no rating");
	tap_is_str(e[1].name, "broken-2020", "the damaged one is named");
	tap_ok(e[1].cause != NULL, "with why: %s", e[1].cause);
	tap_is_str(e[2].name, LIBRARY_BUILTIN, "the built-in one");
	tap_is_str(e[2].body, "Dorset Integrated Care System",
	    "its body, from the title");
	library_entries_free(e, n);
	tap_ok(library_list("/nonexistent/x", builtin, &e, &n, &cause) == 0 &&
	    n == 1, "a missing folder: the built-in one alone");
	library_entries_free(e, n);
}

static void
test_remove(const char *dir, const char *builtin)
{
	char	*cause = NULL, *p;

	tap_ok(library_remove(dir, LIBRARY_BUILTIN, &cause) != 0 &&
	    cause != NULL, "the built-in one cannot be removed");
	free(cause);
	cause = NULL;
	tap_ok(library_remove(dir, "base-2024", &cause) == 0, "remove");
	p = library_path(dir, builtin, "base-2024", &cause);
	tap_ok(p == NULL && cause != NULL, "it is gone: %s", cause);
	free(cause);
	cause = NULL;
	tap_ok(library_remove(dir, "base-2024", &cause) != 0, "twice: no");
	free(cause);
	cause = NULL;
	p = library_path(dir, builtin, LIBRARY_BUILTIN, &cause);
	tap_is_str(p, builtin, "the built-in one's path");
	free(p);
	tap_ok(library_path(dir, builtin, "../x", &cause) == NULL,
	    "a name that is none");
	free(cause);
}

int
main(void)
{
	const char	*src = getenv("top_srcdir"), *bld = getenv("top_builddir");
	char		 tmpl[] = "/tmp/test_library.XXXXXX";
	char		*base, *builtin, *dir, *cmd, *report;

	test_names();
	test_dir();
	base = xasprintf("%s/tests/malformed/base", src != NULL ? src : ".");
	builtin = xasprintf("%s/assets/dorset.db", bld != NULL ? bld : ".");
	if (access(base, R_OK) != 0 || access(builtin, R_OK) != 0 ||
	    mkdtemp(tmpl) == NULL) {
		tap_diag("no minimal dataset or built database: skipped");
		free(base);
		free(builtin);
		return tap_done();
	}
	dir = xasprintf("%s/lib", tmpl);
	test_add(dir, builtin, base);
	report = xasprintf("%s/tests/reports/made-up-la-2024.txt",
	    src != NULL ? src : ".");
	test_add_report(dir, builtin, report);
	free(report);
	test_list(dir, builtin);
	test_remove(dir, builtin);
	cmd = xasprintf("rm -rf '%s'", tmpl);
	if (system(cmd) != 0)
		tap_diag("could not remove the temporary folder");
	free(cmd);
	free(dir);
	free(base);
	free(builtin);
	return tap_done();
}
