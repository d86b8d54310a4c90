#!/bin/sh
# query.sh: `icsbrowse query SQL`, read-only for certain.
#
# Its output in TSV, CSV and JSON against golden files; every statement
# that would write, attach, set a PRAGMA, load an extension or open a
# transaction refused with one line and exit status 1, the database's
# bytes unchanged and no file made beside it; and the man page's tables
# the same as the database's (they are made from schema.sql).
. "${top_srcdir:-.}/tests/lib.sh"

[ -r "$DB" ] || skip_all "no built database $DB (run make)"

Q="SELECT kind, count(*) AS n, min(id) AS first FROM nodes GROUP BY kind ORDER BY first"

# --- output -------------------------------------------------------------
run "$BIN" query "$Q"
is "$rc:$err" "0:" "query exits 0"
golden query-kinds.tsv "query: a header line, then tab-separated rows"
run "$BIN" query --format csv "$Q"
golden query-kinds.csv "query --format csv"
run "$BIN" query "$Q" --format json
golden query-kinds.json "query --format json, the option after the SQL"
if command -v jq >/dev/null 2>&1; then
	jq -e . "$TMPDIR_TEST/out" >/dev/null
	ok $? "query --format json parses"
	is "$(jq -r '[.[] | .n | type] | unique | join(",")' "$TMPDIR_TEST/out")" \
		number "query --format json: a count is a number"
fi

# Values that need quoting, NULL, a real, a BLOB, a tab and a control.
V="SELECT 'a,\"b\"' || char(10) || 'c' AS q, NULL AS none, 0.5 AS half, x'00ff' AS blob, 'x' || char(9) || char(27) || 'y' AS ctl"
run "$BIN" query --format csv "$V"
is "$out" "$(printf '"q","none","half","blob","ctl"\n"a,""b""\nc",,"0.5","00ff","x\t^[y"')" \
	"csv: libcsv's quoting; NULL empty; controls shown"
run "$BIN" query "$V"
is "$out" "$(printf 'q\tnone\thalf\tblob\tctl\na,"b"^Jc\t\t0.5\t00ff\tx^I^[y')" \
	"tsv: a line break and a tab in a value show as ^J and ^I"
run "$BIN" query --format json "$V"
is "$out" '[
{"q":"a,\"b\"\nc","none":null,"half":0.5,"blob":"00ff","ctl":"x\t^[y"}
]' "json: values of their own types, escaped by SQLite"

run "$BIN" query "SELECT path FROM nodes WHERE 0"
is "$rc:$out" "0:path" "no rows: the header alone, exit 0"
run "$BIN" query "PRAGMA table_info(places)"
is "$(printf '%s\n' "$out" | cut -f2 | tr '\n' ' ')" "name code kind name node " \
	"a PRAGMA that only reads is allowed"
run "$BIN" query "PRAGMA user_version"
is "$rc" 0 "PRAGMA user_version reads"

# --- refused ------------------------------------------------------------
W=$TMPDIR_TEST/w.db
cp "$DB" "$W"
cp "$DB" "$TMPDIR_TEST/orig.db"
for sql in \
	"DELETE FROM nodes" \
	"UPDATE nodes SET title = 'x'" \
	"INSERT INTO meta VALUES ('k', 'v')" \
	"INSERT INTO meta SELECT 'k', 'v' RETURNING key" \
	"WITH x AS (SELECT 1) DELETE FROM meta" \
	"DROP TABLE mentions" \
	"CREATE TABLE t (a)" \
	"CREATE TEMP TABLE t (a)" \
	"CREATE INDEX i ON nodes(title)" \
	"ALTER TABLE nodes ADD COLUMN x" \
	"ATTACH '$TMPDIR_TEST/new.db' AS other" \
	"VACUUM" \
	"VACUUM INTO '$TMPDIR_TEST/copy.db'" \
	"REINDEX" \
	"ANALYZE" \
	"BEGIN" \
	"SAVEPOINT s" \
	"PRAGMA user_version = 7" \
	"PRAGMA journal_mode = WAL" \
	"PRAGMA writable_schema = ON" \
	"PRAGMA query_only = OFF" \
	"SELECT load_extension('/nonexistent')" \
	"INSERT INTO search (search) VALUES ('rebuild')"; do
	run "$BIN" --db "$W" query "$sql"
	is "$rc" 1 "refused: $sql"
	case $err in
	"icsbrowse: query: refused: "*) _pass "one line says why: $sql" ;;
	*) _fail "one line says why: $sql"; echo "# $err" ;;
	esac
	is "$out" "" "nothing written out: $sql"
done
cmp -s "$W" "$TMPDIR_TEST/orig.db"
ok $? "the database's bytes are unchanged after every refusal"
is "$(ls "$TMPDIR_TEST" | grep -c -e '^w\.db-' -e '^new\.db' -e '^copy\.db')" 0 \
	"no journal, attached or copied file was made"

run "$BIN" --db "$W" query "SELECT 1; DELETE FROM nodes"
is "$rc" 2 "two statements are wrong usage"
run "$BIN" query ""
is "$rc" 2 "no statement is wrong usage"
run "$BIN" query "  -- only a comment"
is "$rc" 2 "a comment alone is no statement"
run "$BIN" query
is "$rc" 2 "no SQL is wrong usage"
run "$BIN" query SELECT 1
is "$rc" 2 "SQL in several words is wrong usage (quote it)"
run "$BIN" query "SELEC 1"
is "$rc" 1 "a syntax error is exit status 1"
is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "the syntax error is one line"
run "$BIN" query --format xml "SELECT 1"
is "$rc" 2 "query --format xml is wrong usage"

# --- the schema in the man page -----------------------------------------
# Every table and column the database has is described in the built man
# page, where make put the text of schema.sql's comments.
MAN=$top_builddir/icsbrowse.1
if [ -r "$MAN" ]; then
	missing=
	for t in $("$BIN" query "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_%' ORDER BY rowid" | sed 1d); do
		grep -q "^\.It Sy $t\$" "$MAN" || missing="$missing $t"
		for c in $("$BIN" query "PRAGMA table_info($t)" | sed 1d | cut -f2); do
			# The columns are listed under their table, before the next.
			awk -v t="$t" -v c="$c" '
				$0 == ".It Sy " t { in_t = 1; next }
				/^\.It Sy / { in_t = 0 }
				in_t && $0 == ".It Li " c { found = 1 }
				END { exit !found }' "$MAN" || missing="$missing $t.$c"
		done
	done
	is "$missing" "" "the man page describes every table and column"
	grep -q '@SCHEMA@' "$MAN"
	is $? 1 "the man page's schema marker was replaced"
fi

done_testing
