#!/bin/sh
# json.sh: --format json for tree, show, search, places and compare.
#
# Every document parses (jq), matches its golden file, and carries the
# same fields as the TSV; data that holds control characters still makes
# valid JSON that jq -r prints safely.  jq is a test dependency that
# ./bootstrap installs: without it the file fails under CI, else skips.
. "${top_srcdir:-.}/tests/lib.sh"

if ! command -v jq >/dev/null 2>&1; then
	[ -n "${CI:-}" ] && { echo "not ok 1 - jq is installed"; echo "1..1"; exit 1; }
	skip_all "no jq (./bootstrap installs it)"
fi

# parses NAME: the last output is one JSON document.
parses() {
	jq -e . "$TMPDIR_TEST/out" >/dev/null 2>&1
	ok $? "$1: the output parses as JSON"
}

# jrun NAME GOLDEN CMD...: run, exit 0, parse, compare with the golden file.
jrun() {
	jr_name=$1 jr_golden=$2
	shift 2
	run "$@"
	is "$rc:$err" "0:" "$jr_name exits 0, nothing on standard error"
	parses "$jr_name"
	golden "$jr_golden" "$jr_name matches $jr_golden"
}

# --- each command -------------------------------------------------------
jrun "tree --format json" tree.json "$BIN" tree --format json
jq -r '.[] | [.path, .kind, .title] | @tsv' "$TMPDIR_TEST/out" \
	>"$TMPDIR_TEST/fromjson"
"$BIN" tree >"$TMPDIR_TEST/tsv"
cmp -s "$TMPDIR_TEST/fromjson" "$TMPDIR_TEST/tsv"
ok $? "tree: the JSON has the TSV's fields, row for row"
is "$(jq '[.[] | select(.kind == "statement")] | length' "$TMPDIR_TEST/out")" \
	17 "tree: jq finds the 17 quality statements"

# scores: a made-up local authority report (tests/reports, labelled so).
"$BIN" import "$top_srcdir/tests/reports/made-up-la-2024.txt" \
    --output "$TMPDIR_TEST/la.db" 2>/dev/null
jrun "scores --format json" scores-made-up.json "$BIN" --db "$TMPDIR_TEST/la.db" \
    scores --format json
jq -r '.[] | [.kind, .path, .title, .score, .out_of, .wording] | @tsv' \
    "$TMPDIR_TEST/out" >"$TMPDIR_TEST/fromjson"
"$BIN" --db "$TMPDIR_TEST/la.db" scores >"$TMPDIR_TEST/tsv"
cmp -s "$TMPDIR_TEST/fromjson" "$TMPDIR_TEST/tsv"
ok $? "scores: the JSON has the TSV's fields, row for row"
run "$BIN" scores --format json
is "$rc:$out" "1:" "scores --format json of an assessment with none: exit 1, no document"

jrun "places --format json" places.json "$BIN" places --format json
jq -r '.[] | [.code, .kind, .name] | @tsv' "$TMPDIR_TEST/out" \
	>"$TMPDIR_TEST/fromjson"
"$BIN" places >"$TMPDIR_TEST/tsv"
cmp -s "$TMPDIR_TEST/fromjson" "$TMPDIR_TEST/tsv"
ok $? "places: the JSON has the TSV's fields, row for row"

jrun "search --format json" search-diis.json "$BIN" search DiiS --format json
jq -r '.[] | [.path, .title, .snippet] | @tsv' "$TMPDIR_TEST/out" \
	>"$TMPDIR_TEST/fromjson"
"$BIN" search DiiS >"$TMPDIR_TEST/tsv"
cmp -s "$TMPDIR_TEST/fromjson" "$TMPDIR_TEST/tsv"
ok $? "search: the JSON has the TSV's fields, best first"
# The README's pipeline.
is "$("$BIN" search DiiS --format json | jq -r '.[].path')" \
	"$(cut -f1 "$TMPDIR_TEST/tsv")" "search DiiS --format json | jq -r '.[].path'"

run "$BIN" search --format=json DiiS
golden search-diis.json "search --format=json before the query"
run "$BIN" search -- DiiS --format json
is "$rc" 1 "search: after --, --format is a word of the query"
run "$BIN" search DiiS --format
is "$rc" 2 "search: --format without a value is wrong usage"
run "$BIN" search --format json zzqqxnomatch
is "$rc" 1 "search: no match is exit status 1 with JSON too"
is "$out" "[]" "search: no match prints an empty array"

jrun "show --format json" show-learning-culture.json \
	"$BIN" show --format json quality-and-safety/learning-culture
jq -r '.. | objects | select(has("children")) | .path' "$TMPDIR_TEST/out" \
	>"$TMPDIR_TEST/fromjson"
"$BIN" tree | cut -f1 | grep '^quality-and-safety/learning-culture\(/\|$\)' \
	>"$TMPDIR_TEST/tsv"
cmp -s "$TMPDIR_TEST/fromjson" "$TMPDIR_TEST/tsv"
ok $? "show: the statement and everything under it, nested, in report order"
is "$(jq -r '.[0].children[0].kind' "$TMPDIR_TEST/out")" key-messages \
	"show: a statement's first child is its key messages"
# The blocks are the text as published, as show prints it unwrapped.
jq -r '.[0].children[0].blocks[].text' "$TMPDIR_TEST/out" >"$TMPDIR_TEST/blocks"
"$BIN" show --width 0 learning-culture/key-messages | sed -n '3,$p' |
	grep -v '^$' >"$TMPDIR_TEST/text"
cmp -s "$TMPDIR_TEST/blocks" "$TMPDIR_TEST/text"
ok $? "show: the blocks hold the text that show prints"
run "$BIN" show --format json overview/finance places/bcp-council-area
parses "show two paths"
is "$(printf '%s\n' "$out" | jq -r 'map(.path) | join(" ")')" \
	"overview/finance places/bcp-council-area" "show: several paths, in the order given"
run "$BIN" show --format json places/bcp-council-area
parses "show a place"
is "$(printf '%s\n' "$out" | jq -r '.[0].place.code')" bcp "show: a place's node has its place"
is "$(printf '%s\n' "$out" | jq '.[0].place.figures | length')" \
	"$("$BIN" show --width 0 places/bcp-council-area | grep -c '^\* ')" \
	"show: the place's figures, as many as show prints"
is "$(printf '%s\n' "$out" | jq -r '.[0].place.figures[0] | [.label, .text, .path] | @tsv')" \
	"$(printf 'People from ethnic minority backgrounds\tApproximately 9%%\toverview/local-context/local-demographics')" \
	"show: a figure's label, text and citing section"
is "$(printf '%s\n' "$out" | jq -r '.[0].place.sections[0].path')" \
	"overview/local-context/local-demographics" "show: the sections that speak of the place"
run "$BIN" show --format json overview/finance no/such/section
is "$rc:$out" "1:" "show: a bad path fails and writes no JSON"

jrun "compare --format json" compare-places.json \
	"$BIN" compare --format json bcp dorset-council
"$BIN" compare --format tsv bcp dorset-council | sed 1d | cut -f1,2 \
	>"$TMPDIR_TEST/tsv"
jq -r '.[] | [.measure + (if .target then " (target)" else "" end), .label] | @tsv' \
	"$TMPDIR_TEST/out" >"$TMPDIR_TEST/fromjson"
cmp -s "$TMPDIR_TEST/fromjson" "$TMPDIR_TEST/tsv"
ok $? "compare: the JSON has the TSV's rows, in its order"
is "$(jq '[.[] | select(.a == null or .b == null)] | length' "$TMPDIR_TEST/out")" \
	"$("$BIN" compare --format tsv bcp dorset-council | awk -F'\t' 'NR > 1 && ($4 == "" || $10 == "")' | wc -l | tr -d ' ')" \
	"compare: a side a place has no figure for is null"
is "$(jq -r '[.[] | .a.value | select(. != null) | type] | unique | join(",")' "$TMPDIR_TEST/out")" \
	number "compare: values are JSON numbers"

# --- usage --------------------------------------------------------------
for c in tree places "search DiiS"; do
	# shellcheck disable=SC2086
	run "$BIN" $c --format xml
	is "$rc" 2 "$c --format xml is wrong usage"
done
is "$err" "icsbrowse: search: --format must be tsv or json, not 'xml' (see 'icsbrowse --help')" \
	"the error lists the formats offered"
run "$BIN" show --format tsv finance
is "$rc" 2 "show offers text and json, not tsv"

# --- hostile text -------------------------------------------------------
# A section whose title holds ESC, a CSI, a tab and a C1 control: the JSON
# is valid, escapes nothing by hand, and jq -r prints it without a raw
# control byte.
[ -r "$DB" ] || { done_testing; exit; }
D=$TMPDIR_TEST/hostile
"$BIN" export "$D" >/dev/null 2>&1
printf '116,1,section,hostile,"Bad\033[31m\tTab\302\233C1 title",Bad,,cqc\n' \
	>>"$D/nodes.csv"
printf '116,para,"Line one\033]0;x\007 end"\n' >>"$D/blocks.csv"
run "$BIN" import "$D" --output "$TMPDIR_TEST/hostile.db"
is "$rc:$err" "0:" "a dataset with control characters imports"
for c in tree "show overview/hostile" "search Tab"; do
	# shellcheck disable=SC2086
	run "$BIN" --db "$TMPDIR_TEST/hostile.db" $c --format json
	parses "hostile $c"
	jq -r '.. | strings' "$TMPDIR_TEST/out" | tr -d '\t\n' |
		tr -cd '\000-\037\177' | wc -c >"$TMPDIR_TEST/n"
	is "$(tr -d ' ' <"$TMPDIR_TEST/n")" 0 "hostile $c: jq -r prints no raw control byte"
done
"$BIN" --db "$TMPDIR_TEST/hostile.db" tree --format json |
	jq -r '.[] | select(.path == "overview/hostile") | .title' >"$TMPDIR_TEST/t"
is "$(cat "$TMPDIR_TEST/t")" "$(printf 'Bad^[[31m\tTab<U+009B>C1 title')" \
	"a tab is kept, other controls shown as the TSV shows them"

done_testing
