/*
 * places.c: the places of the dataset and the figures given for them.
 */
#include "config.h"

#include <string.h>

#include "core/db.h"
#include "core/model.h"
#include "core/places.h"
#include "core/xmalloc.h"

#define FIGURE_QUERY \
	"SELECT f.id, f.measure, f.label, f.place, p.name, f.value, f.text, " \
	"f.unit, ifnull(f.out_of, 0), f.period, f.basis, f.direction, " \
	"f.node, n.path, ifnull(c.id, 0), cp.name, c.text, c.basis, " \
	"c.place, ifnull(c.value, 0), ifnull(c.unit, '') " \
	"FROM figures f JOIN places p ON p.code = f.place " \
	"JOIN nodes n ON n.id = f.node " \
	"LEFT JOIN figures c ON c.id = f.comparator " \
	"LEFT JOIN places cp ON cp.code = c.place "

static const char *
places_text(sqlite3_stmt *st, int col)
{
	const unsigned char	*s = sqlite3_column_text(st, col);

	return s != NULL ? (const char *)s : "";
}

/* Returns 0, the callback's non-zero, or -1; *n: the places seen. */
static int
places_run(struct db *db, sqlite3_stmt *st, place_cb cb, void *arg,
    int *n, char **cause)
{
	struct place	 p;
	int		 r;

	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		p.code = places_text(st, 0);
		p.kind = places_text(st, 1);
		p.name = places_text(st, 2);
		p.node = sqlite3_column_int64(st, 3);
		++*n;
		if ((r = cb(&p, arg)) != 0)
			return r;
	}
	if (r != SQLITE_DONE) {
		*cause = db_cause(db, "cannot read the places");
		return -1;
	}
	return 0;
}

int
places_list(struct db *db, place_cb cb, void *arg, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc, n = 0;

	if (db_stmt(db, "SELECT code, kind, name, node FROM places "
	    "ORDER BY rowid", &st, cause) != 0)
		return -1;
	rc = places_run(db, st, cb, arg, &n, cause);
	db_release(db, st);
	return rc;
}

int
places_of_node(struct db *db, int64_t node, place_cb cb, void *arg,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc, n = 0;

	if (db_stmt(db, "SELECT code, kind, name, node FROM places "
	    "WHERE node = ?1", &st, cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, node);
	rc = places_run(db, st, cb, arg, &n, cause);
	db_release(db, st);
	return rc != 0 ? rc : n > 0;
}

static int
figures_run(struct db *db, sqlite3_stmt *st, figure_cb cb, void *arg,
    char **cause)
{
	struct figure	 f;
	int		 r;

	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		f.id = sqlite3_column_int64(st, 0);
		f.measure = places_text(st, 1);
		f.label = places_text(st, 2);
		f.place = places_text(st, 3);
		f.place_name = places_text(st, 4);
		f.value = sqlite3_column_double(st, 5);
		f.text = places_text(st, 6);
		f.unit = places_text(st, 7);
		f.out_of = sqlite3_column_int(st, 8);
		f.period = places_text(st, 9);
		f.basis = places_text(st, 10);
		f.direction = places_text(st, 11);
		f.node = sqlite3_column_int64(st, 12);
		f.node_path = places_text(st, 13);
		f.cmp_id = sqlite3_column_int64(st, 14);
		f.cmp_place_name = places_text(st, 15);
		f.cmp_text = places_text(st, 16);
		f.cmp_basis = places_text(st, 17);
		f.cmp_place = places_text(st, 18);
		f.cmp_value = sqlite3_column_double(st, 19);
		f.cmp_unit = places_text(st, 20);
		if ((r = cb(&f, arg)) != 0)
			return r;
	}
	if (r != SQLITE_DONE) {
		*cause = db_cause(db, "cannot read the figures");
		return -1;
	}
	return 0;
}

int
figures_of_node(struct db *db, int64_t node, figure_cb cb, void *arg,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_stmt(db, FIGURE_QUERY "WHERE f.node = ?1 ORDER BY f.id",
	    &st, cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, node);
	rc = figures_run(db, st, cb, arg, cause);
	db_release(db, st);
	return rc;
}

int
figures_of_place(struct db *db, const char *code, figure_cb cb, void *arg,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_stmt(db, FIGURE_QUERY "WHERE f.place = ?1 ORDER BY f.id",
	    &st, cause) != 0)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	rc = figures_run(db, st, cb, arg, cause);
	db_release(db, st);
	return rc;
}

int
figures_of_subtree(struct db *db, int64_t node, figure_cb cb, void *arg,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	/*
	 * The subtree by its paths, one range of their index: the node, and
	 * every path that starts with its own and a '/' (those sort from
	 * PATH/ up to PATH0, '0' being the character after '/'), where a
	 * walk down the parent links took a recursive query and two
	 * temporary tables.  The import makes each path from the parent
	 * links, so both are the same nodes; no scan of all the figures.
	 */
	if (db_stmt(db, FIGURE_QUERY "WHERE f.node IN (SELECT s.id FROM "
	    "nodes s WHERE s.id = ?1 UNION ALL SELECT s.id FROM nodes s WHERE "
	    "s.path > (SELECT path FROM nodes WHERE id = ?1) || '/' AND "
	    "s.path < (SELECT path FROM nodes WHERE id = ?1) || '0') "
	    "ORDER BY f.id", &st, cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, node);
	rc = figures_run(db, st, cb, arg, cause);
	db_release(db, st);
	return rc;
}

int
places_sections(struct db *db, const char *code, place_section_cb cb,
    void *arg, char **cause)
{
	struct place_section	 ps;
	sqlite3_stmt		*st;
	int			 r, rc = 0;

	if (db_stmt(db, "SELECT n.id, n.path, n.title FROM nodes n "
	    "WHERE n.id IN (SELECT node FROM mentions WHERE place = ?1 "
	    "UNION SELECT node FROM figures WHERE place = ?1) AND n.id NOT IN "
	    "(SELECT node FROM places WHERE code = ?1) ORDER BY n.id", &st,
	    cause) != 0)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		ps.id = sqlite3_column_int64(st, 0);
		ps.path = places_text(st, 1);
		ps.title = places_text(st, 2);
		if ((rc = cb(&ps, arg)) != 0)
			break;
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE) {
		*cause = db_cause(db, "cannot read the places");
		rc = -1;
	}
	db_release(db, st);
	return rc;
}

char *
places_with_unit(const char *text, const char *unit)
{
	const char	*p = text;

	if (*p == '-')
		p++;
	for (; *p != '\0'; p++)
		if (strchr("0123456789.,", *p) == NULL)
			break;
	/* Only a bare number lacks its unit: "78.7" and years. */
	if (*p != '\0' || p == text || (*unit != '%' &&
	    !((*unit >= 'a' && *unit <= 'z') || (*unit >= 'A' && *unit <= 'Z'))))
		return xstrdup(text);
	return xasprintf("%s%s%s", text, *unit == '%' ? "" : " ", unit);
}
