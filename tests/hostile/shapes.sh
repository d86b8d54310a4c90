#!/bin/sh
# shapes.sh: trees of extreme shape, through every command and the browser.
#
# Each case is the built-in dataset, exported, with rows added under the
# Overview (node 1):
#   deep    a chain of nested sections to the depth limit (255 below the
#           Overview, so the deepest is at depth 255 of at most 256 levels)
#   past    the same chain one level deeper: the import must refuse it,
#           naming the node, and leave no file
#   wide    100,000 sections side by side
#   blocks  one section with 100,000 paragraphs
# Every reading command must succeed on each built database, and the
# browser must open it, show the deepest or last part, and quit cleanly.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/e2e/lib.sh"

[ -r "$DB" ] || skip_all "no built database $DB (run make)"

if command -v timeout >/dev/null 2>&1; then
	TIMEOUT="timeout ${IMPORT_TIMEOUT:-300}"
else
	TIMEOUT=
fi
LIMIT=256

# dataset NAME: export the built-in data into $TMPDIR_TEST/NAME.
dataset() {
	"$BIN" --db "$DB" export "$TMPDIR_TEST/$1" || exit 1
}

# chain DIR N: N nested sections under the Overview, slugs "a", ids from
# 1001; the deepest is "deepest", titled "Deepest N".
chain() {
	awk -v n="$2" 'BEGIN {
		p = 1
		for (i = 1; i <= n; i++) {
			t = (i == n) ? "Deepest " n : "Level " i
			s = (i == n) ? "deepest" : "a"
			printf "%d,%d,section,%s,%s,%s,,cqc\n", 1000 + i, p, s, t, t
			p = 1000 + i
		}
	}' >>"$1/nodes.csv"
	echo "$((1000 + $2)),para,The bottom of the chain." >>"$1/blocks.csv"
}

# build NAME: import $TMPDIR_TEST/NAME into $TMPDIR_TEST/NAME.db.
build() {
	run $TIMEOUT "$BIN" import "$TMPDIR_TEST/$1" --output "$TMPDIR_TEST/$1.db"
	is "$rc:$err" "0:" "$1: imports"
}

# every_command NAME PATH TEXT: the reading commands on NAME.db succeed,
# and show/print of PATH hold TEXT.
every_command() {
	d=$TMPDIR_TEST/$1.db
	run $TIMEOUT "$BIN" --db "$d" tree
	is "$rc:$err" "0:" "$1: tree"
	for c in "show $2" "show overview"; do
		# shellcheck disable=SC2086
		run $TIMEOUT "$BIN" --db "$d" $c
		is "$rc:$err" "0:" "$1: $c"
	done
	run $TIMEOUT "$BIN" --db "$d" show "$2"
	printf '%s\n' "$out" | grep -qF -- "$3"
	ok $? "$1: show $2 holds '$3'"
	run $TIMEOUT "$BIN" --db "$d" search "$3"
	is "$rc:$err" "0:" "$1: search '$3' finds it"
	run $TIMEOUT "$BIN" --db "$d" places
	is "$rc:$err" "0:" "$1: places"
	run $TIMEOUT "$BIN" --db "$d" compare bcp england
	is "$rc:$err" "0:" "$1: compare"
	for f in text markdown html pdf; do
		run $TIMEOUT "$BIN" --db "$d" print --format "$f" \
		    --output "$TMPDIR_TEST/$1.$f" "$2" overview
		is "$rc:$err" "0:" "$1: print --format $f"
		rm -f "$TMPDIR_TEST/$1.$f"
	done
	run $TIMEOUT "$BIN" --db "$d" export "$TMPDIR_TEST/$1.out"
	is "$rc:$err" "0:" "$1: export"
	rm -rf "$TMPDIR_TEST/$1.out"
	# JSON nests a node's children in it: as deep as the tree.
	for c in "tree" "show $2" "show overview" "search $3" "places"; do
		# shellcheck disable=SC2086
		run $TIMEOUT "$BIN" --db "$d" $c --format json
		is "$rc:$err" "0:" "$1: $c --format json"
		# jq is a test dependency (bootstrap installs it; json.sh);
		# its parser stops at 256 levels, its streaming one does not.
		if command -v jq >/dev/null 2>&1; then
			printf '%s\n' "$out" | jq --stream . >/dev/null 2>&1
			ok $? "$1: $c --format json is JSON"
		fi
	done
}

# browse NAME QUERY WANT [PATH KEYS]: the browser opens NAME.db; searching
# for QUERY and opening the first result shows WANT; then KEYS, in the
# outline, select PATH.
browse() {
	start 80x24 --no-state --db "$TMPDIR_TEST/$1.db"
	wait_for "Outline" 60
	ok $? "$1: the browser opens"
	keys /
	wait_for "Search" 10
	keys -l "$2"
	keys Enter
	wait_for "$3" 60
	ok $? "$1: the browser opens the search result '$3'"
	if [ -n "${4:-}" ]; then
		# In the outline, on the section opened: the keys lead to the
		# row whose path the status line shows as $4.
		keys Escape 1
		# shellcheck disable=SC2086
		keys $5
		n=600
		until sline | grep -q "^ $4 " || [ $n -le 0 ]; do
			n=$((n - 1)); sleep 0.1
		done
		sline | grep -q "^ $4 "
		ok $? "$1: the outline's keys reach $4"
	fi
	keys q
	wait_exit 20
	is "$status" 0 "$1: the browser quits with status 0"
}

# --- a chain at the limit ------------------------------------------------
dataset deep
chain "$TMPDIR_TEST/deep" $((LIMIT - 1))
build deep
every_command deep deepest "bottom of the chain"
run "$BIN" --db "$TMPDIR_TEST/deep.db" tree
printf '%s\n' "$out" | grep -q "^overview\(/a\)\{$((LIMIT - 2))\}/deepest	section	Deepest"
ok $? "deep: tree lists the deepest section at its full path"
# The outline: from the deepest section, Left goes up a level a key (or
# folds), all the way back to the Overview.
up=$(i=0; while [ $i -lt $((2 * LIMIT + 4)) ]; do printf 'Left '; i=$((i + 1)); done)
browse deep "bottom of the chain" "Deepest $((LIMIT - 1))" overview "$up"

# --- one past the limit ---------------------------------------------------
dataset past
chain "$TMPDIR_TEST/past" "$LIMIT"
line=$(grep -n "^$((1000 + LIMIT))," "$TMPDIR_TEST/past/nodes.csv" | cut -d: -f1)
run $TIMEOUT "$BIN" import "$TMPDIR_TEST/past" --output "$TMPDIR_TEST/past.db"
is "$rc:$err" "1:icsbrowse: $TMPDIR_TEST/past/nodes.csv:$line: node $((1000 + LIMIT)) is deeper than the limit of $LIMIT levels" \
    "past: the import names the node past the limit"
[ ! -e "$TMPDIR_TEST/past.db" ]
ok $? "past: no database is written"

# --- 100,000 side by side ------------------------------------------------
dataset wide
awk 'BEGIN { for (i = 1; i <= 100000; i++)
	printf "%d,1,section,w%d,Wide %d,Wide %d,,cqc\n", 1000 + i, i, i, i }' \
    >>"$TMPDIR_TEST/wide/nodes.csv"
echo "101000,para,The last of the wide ones." >>"$TMPDIR_TEST/wide/blocks.csv"
build wide
every_command wide w100000 "last of the wide ones"
run "$BIN" --db "$TMPDIR_TEST/wide.db" tree
is "$(printf '%s\n' "$out" | grep -c '^overview/w[0-9]*	section	Wide')" 100000 \
    "wide: tree lists all 100,000"
browse wide "last of the wide ones" "Wide 100000"

# --- 100,000 paragraphs in one section -----------------------------------
dataset blocks
echo "1001,1,section,many,Many paragraphs,Many paragraphs,,cqc" \
    >>"$TMPDIR_TEST/blocks/nodes.csv"
awk 'BEGIN { for (i = 1; i < 100000; i++)
	printf "1001,para,Paragraph number %d of the long section.\n", i
	print "1001,para,Paragraph number 100000 closes it: zyzzyva." }' \
    >>"$TMPDIR_TEST/blocks/blocks.csv"
build blocks
every_command blocks overview/many "Paragraph number 100000 closes"
# The search opens the section at its one match, the last paragraph.
browse blocks "zyzzyva" "100000 closes it: zyzzyva"

# --- a damaged database: a cycle of parents ------------------------------
# Only a database changed behind the importer's back has one: every walk
# must stop with one line, not loop.
if command -v sqlite3 >/dev/null 2>&1; then
	cp "$DB" "$TMPDIR_TEST/cycle.db"
	sqlite3 "$TMPDIR_TEST/cycle.db" "UPDATE nodes SET parent = (SELECT min(id)
	    FROM nodes WHERE parent = 4) WHERE id = 4" || exit 1
	for c in "show overview/local-context" "print overview/local-context"; do
		# shellcheck disable=SC2086
		run $TIMEOUT "$BIN" --db "$TMPDIR_TEST/cycle.db" $c
		case $err in
		*"is deeper than 256 levels: the database is damaged"*) r=0 ;;
		*) r=1; echo "# $rc: $err" ;;
		esac
		ok $(( r + (rc != 1) + $(printf '%s\n' "$err" | wc -l) - 1 )) \
		    "cycle: $c stops with one line"
	done
fi

done_testing
