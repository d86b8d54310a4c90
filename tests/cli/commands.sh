#!/bin/sh
# commands.sh: the command line against golden output, with exit statuses.
#
# Golden files are in tests/golden; GENERATE=1 rewrites them from the
# program's output (then review the diff before committing).
. "${top_srcdir:-.}/tests/lib.sh"

# --- tree ---------------------------------------------------------------
run "$BIN" tree
is "$rc" 0 "tree exits 0"
golden tree.txt "tree prints the whole outline"
is "$(printf '%s\n' "$out" | awk -F'\t' '$2 == "theme"' | wc -l)" 3 \
	"tree has 3 themes"
is "$(printf '%s\n' "$out" | awk -F'\t' '$2 == "statement"' | wc -l)" 17 \
	"tree has 17 quality statements"
# The statements are titled as the report's lists of them name them.
"$BIN" tree | awk -F'\t' '$2 == "statement" { print $3 }' \
	>"$TMPDIR_TEST/statements"
for t in leadership integration quality-and-safety; do
	"$BIN" show --width 0 "$t/summary-findings" | sed -n 's/^- //p'
done >"$TMPDIR_TEST/listed"
cmp -s "$TMPDIR_TEST/statements" "$TMPDIR_TEST/listed"
ok $? "statement titles are those of the report's lists, in order"
for part in overview children-and-young-people places background; do
	printf '%s\n' "$out" | grep -q "^$part	part	\|^$part	priority-area	"
	ok $? "tree has the part $part"
done
run "$BIN" tree extra
is "$rc" 2 "tree with an argument is wrong usage"

# --- show ---------------------------------------------------------------
run "$BIN" show --width 72 quality-and-safety/learning-culture
is "$rc" 0 "show a statement exits 0"
golden show-learning-culture.txt "show wraps a statement and its children"
run "$BIN" show --width 0 learning-culture/key-messages
is "$rc" 0 "show by a unique suffix"
golden show-key-messages-nowrap.txt "show with --width 0 leaves lines whole"
run "$BIN" show --width 40 places/bcp-council-area
golden show-bcp.txt "show a place: its profile and its figures"
run "$BIN" show learning-culture
is "$rc" 1 "an ambiguous path exits 1"
is "$err" "icsbrowse: learning-culture: ambiguous path, could be: quality-and-safety/learning-culture, children-and-young-people/learning-culture" \
	"an ambiguous path lists the candidates"
is "$out" "" "an ambiguous path prints nothing on standard output"
run "$BIN" show no/such/section
is "$rc" 1 "an unknown path exits 1"
is "$err" "icsbrowse: no/such/section: no such section (see 'icsbrowse tree')" \
	"an unknown path says so"
run "$BIN" show
is "$rc" 2 "show without a path is wrong usage"
run "$BIN" show --width abc finance
is "$rc" 2 "show --width needs a number"
run "$BIN" show --width 30 overview/finance children-and-young-people/safeguarding
golden show-two.txt "show several paths in the order given"
is "$(printf '%s\n' "$out" | wc -L)" 30 \
	"show --width 30 writes lines of at most 30 columns"

# --- show --side-by-side ------------------------------------------------
run "$BIN" show --side-by-side --width 100 quality-and-safety/learning-culture \
	children-and-young-people/learning-culture
is "$rc" 0 "show --side-by-side exits 0"
golden show-side-by-side.txt "a statement beside its children and young people part"
test "$(printf '%s\n' "$out" | wc -L)" -le 100
ok $? "side by side stays within the width given"
printf '%s\n' "$out" | grep -q '^Quality statement: Learning culture *│ Children and young people: Learning culture$'
ok $? "each column starts with its section's heading, the part named"
run "$BIN" show --width 0 children-and-young-people
printf '%s\n' "$out" | grep -q '^Children and young people: Safeguarding$'
ok $? "show: a children and young people part's heading names its part"
printf '%s\n' "$out" | grep -q '^Safeguarding$'
is $? 1 "and no heading of one is the statement's name alone"
run "$BIN" show --side-by-side learning-culture/key-messages
is "$rc" 2 "side by side needs two paths"
run "$BIN" show --side-by-side --width 30 overview/finance overview/finance
test "$(printf '%s\n' "$out" | wc -L)" -le 30
ok $? "a narrow side by side stays in its width"

# --- search -------------------------------------------------------------
run "$BIN" search DiiS
is "$rc" 0 "search exits 0 when it finds"
golden search-diis.txt "search DiiS: path, title, snippet with marks"
printf '%s\n' "$out" | awk -F'\t' 'NF != 3 { bad = 1 } END { exit bad }'
ok $? "every search line has 3 tab-separated fields"
printf '%s\n' "$out" | grep -q '\[DiiS\]'
ok $? "search marks the matched word"
run "$BIN" search BCP universities
is "$rc" 0 "search with two words"
printf '%s\n' "$out" | grep -q '^places/bcp-council-area	'
ok $? "search covers place profiles"
run "$BIN" search xyzzyplugh
is "$rc" 1 "search that finds nothing exits 1"
is "$err" "icsbrowse: search: no match for 'xyzzyplugh'" "and says so"
for q in '"' 'AND' 'NEAR(' '*' 'c++' "don't" '(' 'a:b' '^x' '-' '{a b}:c' \
    'OR NOT' '"unbalanced'; do
	run "$BIN" search "$q"
	case $rc in 0|1) r=0 ;; *) r=1 ;; esac
	ok $r "search '$q' is searched as words (status $rc)"
	case $err in *fts5*|*syntax*|*SQL*) r=1 ;; *) r=0 ;; esac
	ok $r "search '$q' shows no SQLite error"
done
run "$BIN" search "$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "x" }')"
is "$rc" 1 "a 5,000-character query finds nothing and does not crash"
run "$BIN" search
is "$rc" 2 "search without a query is wrong usage"

# --- places -------------------------------------------------------------
run "$BIN" places
is "$rc" 0 "places exits 0"
golden places.txt "places: code, kind, name"
printf '%s\n' "$out" | head -2 | cut -f3 >"$TMPDIR_TEST/two"
printf 'BCP Council area\nDorset Council area\n' | cmp -s - "$TMPDIR_TEST/two"
ok $? "the two places of the system come first"

# --- options, usage, databases ------------------------------------------
run "$BIN" --help
is "$rc" 0 "--help exits 0"
printf '%s\n' "$out" | grep -q '^Usage: icsbrowse'
ok $? "--help prints the usage"
for c in tree show search places import export; do
	printf '%s\n' "$out" | grep -q "^  $c "
	ok $? "--help lists $c"
done
run "$BIN" --version
version=$(sed -n 's/^AC_INIT(\[icsbrowse\], \[\([^]]*\)\].*/\1/p' \
	"$top_srcdir/configure.ac")
is "$out" "icsbrowse $version" "--version prints the version"
run "$BIN" frobnicate
is "$rc" 2 "an unknown command is wrong usage"
is "$err" "icsbrowse: unknown command 'frobnicate' (see 'icsbrowse --help')" \
	"and says so in one line"
run "$BIN" --frob
is "$rc" 2 "an unknown option is wrong usage"
run "$BIN" --db "$TMPDIR_TEST/none.db" tree
is "$rc" 1 "a missing database exits 1"
is "$err" "icsbrowse: $TMPDIR_TEST/none.db: No such file or directory" \
	"a missing database says so"
test ! -e "$TMPDIR_TEST/none.db"
ok $? "reading never creates a missing database"
ICSBROWSE_DB="$TMPDIR_TEST/none.db" "$BIN" tree >/dev/null 2>&1
is "$?" 1 "ICSBROWSE_DB names the database"
cp "$DB" "$TMPDIR_TEST/copy.db"
ICSBROWSE_DB="$TMPDIR_TEST/copy.db" "$BIN" tree >"$TMPDIR_TEST/envtree"
"$BIN" tree | cmp -s - "$TMPDIR_TEST/envtree"
ok $? "ICSBROWSE_DB reads that database"
printf 'this is not a database, just some text\n' >"$TMPDIR_TEST/junk.db"
run "$BIN" --db "$TMPDIR_TEST/junk.db" tree
is "$err" "icsbrowse: $TMPDIR_TEST/junk.db: not an SQLite database" \
	"a garbage file is not an SQLite database"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$TMPDIR_TEST/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
	run "$BIN" --db "$TMPDIR_TEST/other.db" tree
	is "$err" "icsbrowse: $TMPDIR_TEST/other.db: not an icsbrowse database" \
		"another program's database is refused"
	sqlite3 "$TMPDIR_TEST/copy.db" 'PRAGMA user_version = 99'
	run "$BIN" --db "$TMPDIR_TEST/copy.db" tree
	is "$rc" 1 "a database of another schema version exits 1"
	case $err in
	*"schema version 99, but this icsbrowse reads version 1: rebuild it with 'icsbrowse import --force CSVDIR --output "*) r=0 ;;
	*) r=1 ;;
	esac
	ok $r "and says which versions and what to do"
fi

# --- text from the data is shown escaped ---------------------------------
mkdir "$TMPDIR_TEST/hostile"
"$BIN" export "$TMPDIR_TEST/hostile"
esc=$(printf '\033')
awk -F, -v OFS=, -v e="$esc" 'NR == 2 { $5 = "Over" e "[31mview" e "]0;pwned\a" } { print }' \
	"$TMPDIR_TEST/hostile/nodes.csv" >"$TMPDIR_TEST/nodes.csv" &&
	mv "$TMPDIR_TEST/nodes.csv" "$TMPDIR_TEST/hostile/nodes.csv"
run "$BIN" import "$TMPDIR_TEST/hostile" --output "$TMPDIR_TEST/hostile.db"
is "$rc" 0 "a dataset with escape sequences in a title imports"
run "$BIN" --db "$TMPDIR_TEST/hostile.db" tree
is "$(printf '%s\n' "$out" | head -1)" "overview	part	Over^[[31mview^[]0;pwned^G" \
	"tree shows control characters escaped"
case $out in *"$esc"*) r=1 ;; *) r=0 ;; esac
ok $r "tree writes no escape character"
run "$BIN" --db "$TMPDIR_TEST/hostile.db" show --width 0 overview/finance overview
case $out in *"$esc"*) r=1 ;; *) r=0 ;; esac
ok $r "show writes no escape character"

done_testing
