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

# Shared measures come first (each with the place's further figures of
# it), then those only one place has; no measure is in both groups.
run "$BIN" compare --format tsv bcp dorset-council
printf '%s\n' "$out" | awk -F'\t' 'NR > 1 {
	shared = $4 != "" && $10 != ""
	if (shared) { if (seen_single) bad = 1; both[$1] = 1; next }
	if (!($1 in both)) seen_single = 1
	else if (seen_single) bad = 1
} END { exit bad }'
ok $? "rows both places have come before rows one has"
run "$BIN" compare bcp dorset-council
printf '%s\n' "$out" | awk '
	/^Only one of the two places has these:$/ { only = 1; next }
	/^[^ ]/ && NR > 1 { if (only) { if ($0 in shared) bad = 1 } else shared[$0] = 1 }
	END { exit bad }'
ok $? "a measure both places have is not listed again as one place's"
printf '%s\n' "$out" | grep -A4 '^People from ethnic minority backgrounds$' |
	grep -q '^  Dorset Council area  Fewer than 5%'
ok $? "and the place's other figure of it is under it"
is "$(printf '%s\n' "$out" | head -1)" \
	"BCP Council area (bcp) and Dorset Council area (dorset-council): 8 measures, 2 of them shared" \
	"the head counts measures, not rows"
printf '%s\n' "$out" | sed -n '/^Only one/,$p' | grep -q '█'
is $? 1 "a measure only one place has gets no bar"

run "$BIN" compare dorset-ics england
printf '%s\n' "$out" | grep -q '^Cervical screening rank among ICSs, out of 42$'
ok $? "a rank says out of how many"
printf '%s\n' "$out" | grep -q 'compared with England average: 78.7 years$'
ok $? "the comparator keeps its unit"
run "$BIN" compare england England
is "$rc" 2 "a place compared with itself is wrong usage"
is "$err" "icsbrowse: compare: 'england' and 'England' are the same place, England: give two places (see 'icsbrowse places')" \
	"and says the two are the same, with one hint"
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
for name in dorset_council Dorset-Council " dorset council " "Dorset Council area"; do
	run "$BIN" compare --format tsv "$name" bcp
	is "$(printf '%s\n' "$out" | awk -F'\t' '$1 == "population" { print $4 }')" \
		380,000 "the place named '$name' is the Dorset Council area"
done
# Other names the report gives a place: BCP spelt out, and its words.
for name in Bournemouth Poole "Bournemouth, Christchurch and Poole" christchurch; do
	run "$BIN" compare --format tsv "$name" dorset-council
	is "$rc:$(printf '%s\n' "$out" | awk -F'\t' '$1 == "population" { print $4 }')" \
		"0:Around 400,000" "the place named '$name' is the BCP Council area"
done
run "$BIN" compare Bournemouth Poole
is "$rc" 2 "Bournemouth and Poole are the same place"
run "$BIN" compare bcp
is "$err" "icsbrowse: compare: give two places (see 'icsbrowse places')" \
	"a usage error gives one hint, not two"
run "$BIN" compare bcp dorset-council --format tsv
is "$rc" 0 "an option after the places"
is "$(printf '%s\n' "$out" | head -1 | cut -f1)" measure "is taken as an option"
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
