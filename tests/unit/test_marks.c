/*
 * test_marks.c: the list of marks (marks.c): each path once, in the
 * order marked, moved and removed as asked.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/marks.h"
#include "../tap.h"

/* The marks joined by spaces, for comparing with one string. */
static char *
joined(const struct marks *m)
{
	static char	 buf[256];
	size_t		 i;

	buf[0] = '\0';
	for (i = 0; i < marks_count(m); i++) {
		if (i > 0)
			strcat(buf, " ");
		strcat(buf, marks_get(m, i));
	}
	return buf;
}

int
main(void)
{
	struct marks	*m = marks_new();

	tap_is_int((long long)marks_count(m), 0, "a new list is empty");
	tap_ok(marks_get(m, 0) == NULL, "no path 0 in an empty list");
	tap_is_int(marks_add(m, "a/b"), 1, "add a/b");
	tap_is_int(marks_add(m, "a/b"), 0, "a second add of a/b adds nothing");
	tap_is_int(marks_toggle(m, "£/日本語"), 1, "toggle marks a new path");
	tap_is_int(marks_add(m, "c"), 1, "add c");
	tap_is_str(joined(m), "a/b £/日本語 c", "in the order marked");
	tap_ok(marks_has(m, "c") && !marks_has(m, "a"), "has: whole paths only");
	tap_is_int((long long)marks_move(m, 0, -1), 0, "the first goes no higher");
	tap_is_int((long long)marks_move(m, 2, 1), 2, "the last goes no lower");
	tap_is_int((long long)marks_move(m, 0, 1), 1, "move the first down");
	tap_is_str(joined(m), "£/日本語 a/b c", "it swapped with the second");
	tap_is_int((long long)marks_move(m, 9, 1), 9, "no mark 9 to move");
	tap_is_int(marks_toggle(m, "a/b"), 0, "toggle unmarks a marked path");
	tap_is_str(joined(m), "£/日本語 c", "the rest keep their order");
	tap_is_int(marks_remove(m, "nothing"), 0, "removing no mark is 0");
	tap_is_str(marks_paths(m)[1], "c", "paths() is the list in order");
	marks_clear(m);
	tap_is_int((long long)marks_count(m), 0, "clear empties it");
	tap_is_int(marks_add(m, "again"), 1, "and it takes marks again");
	marks_free(m);
	marks_free(NULL);
	tap_ok(1, "marks_free(NULL) does nothing");
	return tap_done();
}
