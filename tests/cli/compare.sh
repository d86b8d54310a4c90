#!/bin/sh
# compare.sh: `icsbrowse compare`, against golden output.
. "${top_srcdir:-.}/tests/lib.sh"

# golden_compare NAME A B: text and TSV against their golden files.
golden_compare() {
	run "$BIN" compare "$2" "$3"
	is "$rc" 0 "compare $2 $3 exits 0"
	golden "compare-$1.txt" "compare $2 $3"
	run "$BIN" compare --format tsv "$2" "$3"
	golden "compare-$1.tsv" "compare --format tsv $2 $3"
	printf '%s\n' "$out" | awk -F'\t' 'NF != 15 { bad = 1 } END { exit bad }'
	ok $? "compare --format tsv $2 $3: 15 columns on every line"
}

golden_compare places bcp dorset-council
golden_compare england dorset-ics england
golden_compare wards boscombe west-highcliffe
golden_compare pcns blandford-pcn mid-dorset-pcn

run "$BIN" compare --ascii dorset-ics england
golden compare-england-ascii.txt "compare --ascii draws bars with #"
case $out in *█*|*▏*) r=1 ;; *) r=0 ;; esac
ok $r "compare --ascii uses no block characters"

# Shared measures come first, then those only one place has.
run "$BIN" compare --format tsv bcp dorset-council
printf '%s\n' "$out" | awk -F'\t' 'NR > 1 {
	shared = $4 != "" && $10 != ""
	if (shared && seen_single) bad = 1
	if (!shared) seen_single = 1
} END { exit bad }'
ok $? "rows both places have come before rows one has"
printf '%s\n' "$out" | awk -F'\t' 'NR > 1 && $4 == "" && $10 == "" { bad = 1 } END { exit bad }'
ok $? "every row has at least one side"

# The better side is marked only where the text says so.
run "$BIN" compare --format tsv dorset-ics england
printf '%s\n' "$out" | awk -F'\t' '$1 == "older-people-at-home-91-days-after-discharge" { print $8 "|" $14 }' >"$TMPDIR_TEST/better"
is "$(cat "$TMPDIR_TEST/better")" "better|" \
	"90% at home after discharge is better than 82%: the text says so"
printf '%s\n' "$out" | awk -F'\t' '$1 == "life-expectancy-male" { print $8 "|" $14 }' >"$TMPDIR_TEST/better"
is "$(cat "$TMPDIR_TEST/better")" "|" \
	"life expectancy: the text does not say better, so nothing is marked"

# Names: by code, or a unique prefix of a name, case aside.
run "$BIN" compare "bcp council" DORSET-COUNCIL
is "$rc" 0 "places by name prefix and by code in capitals"
run "$BIN" compare dorset england
is "$rc" 1 "an ambiguous place exits 1"
is "$err" "icsbrowse: dorset: more than one place, could be: Dorset Council area (dorset-council), Dorset ICS (dorset-ics), Dorset County Hospital (dorset-county-hospital)" \
	"and lists the candidates"
run "$BIN" compare atlantis bcp
is "$rc" 1 "an unknown place exits 1"
case $err in
"icsbrowse: atlantis: no such place; the places are: BCP Council area (bcp),"*) r=0 ;;
*) r=1 ;;
esac
ok $r "and lists the places"
run "$BIN" compare bcp
is "$rc" 2 "one place is wrong usage"
run "$BIN" compare --format xml bcp england
is "$rc" 2 "an unknown format is wrong usage"

done_testing
