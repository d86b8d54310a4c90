#!/bin/sh
# library_compare.sh: `compare --reports` of two ICS assessments, which
# have no scores (their texts theme by theme, side by side, and the same
# as TSV and JSON), of two assessments of different frameworks (their
# themes of the same name), and `scores` across frameworks.  The reports
# other than the built-in Dorset one are MADE UP for the tests
# (tests/reports/made-up-ics-2025.txt, tests/library_data.sh, and the
# made-up ICS report edited here): no such systems or councils exist.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/library_data.sh"

[ -r "$DB" ] || skip_all "no built database $DB (run make)"
export XDG_DATA_HOME="$TMPDIR_TEST/data"
export COLUMNS=80
unset ICSBROWSE_REPORT
R=$top_srcdir/tests/reports
made_up_la "$TMPDIR_TEST/la1" "Made-up Borough Council" "18 October 2024" \
    Good 78 3 3 3 3 3 3 3 3 4
made_up_la "$TMPDIR_TEST/la2" "Pretend County Council" "3 March 2025" \
    "Requires improvement" 56 2 3 2 0 2 2 3 2 2
# A second made-up ICS report: the first, renamed, with another area for
# development under Integration, and Equity in access (its key messages
# empty) where the first has Safeguarding.
sed -e 's/Pretend Coast/Imaginary Vale/g' -e 's/pretend/imaginary/g' \
    -e 's/people waited too long to leave hospital/people waited for care at home/' \
    -e '/^Made-up key message: partners shared what they learnt/d' \
    -e 's/^Quality statement: Safeguarding$/Quality statement: Equity in access/' \
    "$R/made-up-ics-2025.txt" >"$TMPDIR_TEST/imaginary.txt"
# And one with no Leadership theme at all (MADE UP too).
sed -e 's/Pretend Coast/Leaderless/g' -e '/^Theme 1: Leadership$/,/^Theme 2/{/^Theme 2/!d}' \
    "$R/made-up-ics-2025.txt" >"$TMPDIR_TEST/leaderless.txt"

for input in "$R/made-up-ics-2025.txt" "$TMPDIR_TEST/imaginary.txt" \
    "$TMPDIR_TEST/leaderless.txt" "$TMPDIR_TEST/la1" "$TMPDIR_TEST/la2"; do
	"$BIN" add "$input" >/dev/null 2>&1 || echo "# cannot add $input"
done
run "$BIN" list
is "$(printf '%s\n' "$out" | cut -f1,2 | tr '\t\n' ':,')" \
    "dorset-2024:ics,imaginary-vale-2025:ics,leaderless-2025:ics,made-up-2024:la,pretend-2025:la,pretend-coast-2025:ics," \
    "the library of the tests"

# Two ICS assessments: their texts, theme by theme.
run "$BIN" compare --reports dorset-2024 pretend-coast-2025
is "$rc:$err" "0:" "compare --reports of two ICS assessments exits 0"
golden library-compare-ics.txt "theme by theme: direction, strengths, development, then each statement's key messages"
run "$BIN" compare --reports pretend-coast-2025 imaginary-vale-2025
is "$rc:$err" "0:" "two made-up ICS assessments"
golden library-compare-ics-made-up.txt "a section only one has: the other's column says so"
run "$BIN" compare --reports --format tsv pretend-coast-2025 imaginary-vale-2025
is "$rc:$err" "0:" "--format tsv exits 0"
golden library-compare-ics.tsv "TSV: THEME, STATEMENT, SECTION, ASSESSMENT, PATH, KIND, TEXT"
printf '%s\n' "$out" | awk -F'\t' 'NF != 7 { bad = 1 } END { exit bad }'
ok $? "seven fields on every line"
run "$BIN" compare --reports --format json pretend-coast-2025 imaginary-vale-2025
is "$rc:$err" "0:" "--format json exits 0"
golden library-compare-ics.json "JSON: an object per section and assessment, its blocks"
run "$BIN" compare --reports --format tsv dorset-2024 pretend-coast-2025
is "$(printf '%s\n' "$out" | awk -F'\t' '$2 == "Capable, compassionate and inclusive leaders" { print $4 }' | sort -u | tr '\n' ' ')" \
    "dorset-2024 pretend-coast-2025 " \
    "a statement under a published variant of its name lines up with the framework's"
is "$(printf '%s\n' "$out" | awk -F'\t' '$2 == "Freedom to speak up" && $4 == "pretend-coast-2025" { print $5 }' | sort -u)" \
    "pretend-coast-2025:leadership/freedom-to-speak-up/key-messages" \
    "each row's PATH names its section, qualified by its assessment"
is "$(printf '%s\n' "$out" | awk -F'\t' '$2 == "Learning culture" && $4 == "pretend-coast-2025"' | wc -l)" 0 \
    "a statement one assessment lacks has no rows of it"
run "$BIN" compare --reports --format tsv dorset-2024 pretend-coast-2025 safeguarding
is "$rc" 2 "--format with a STATEMENT is wrong usage"
run "$BIN" compare --reports --format xml dorset-2024 pretend-coast-2025
is "$rc" 2 "--format xml is wrong usage"

# Two frameworks: one clear message, then the themes of the same name.
W="icsbrowse: warning: dorset-2024 is an ICS assessment and made-up-2024 a local authority one: their quality statements cannot be lined up one by one; compared: the themes of the same name (Leadership)"
run "$BIN" compare --reports dorset-2024 made-up-2024
is "$rc:$err" "0:$W" "two frameworks: they cannot be lined up, the themes of the same name are compared"
golden library-compare-frameworks.txt "Leadership in both: its summaries, and its statements with their scores"
run "$BIN" compare --reports --format tsv dorset-2024 made-up-2024
is "$rc:$err" "0:$W" "the same in TSV"
golden library-compare-frameworks.tsv "the same rows as two ICS assessments'"
run "$BIN" compare --reports --format json made-up-2024 dorset-2024
is "$rc" 0 "and in JSON"
case $err in "icsbrowse: warning: made-up-2024 is a local authority assessment and dorset-2024 an ICS one: "*) r=0 ;; *) r=1 ;; esac
ok $r "the message names the two in the order given: $err"
run "$BIN" compare --reports leaderless-2025 made-up-2024
is "$rc:$out:$err" "1::icsbrowse: leaderless-2025 is an ICS assessment and made-up-2024 a local authority one: their quality statements cannot be lined up one by one, and they have no theme of the same name: nothing to compare" \
    "two frameworks with no theme of the same name: nothing, and why"
run "$BIN" scores dorset-2024 made-up-2024
is "$rc:$out:$err" "1::icsbrowse: dorset-2024 is an ICS assessment and made-up-2024 a local authority one: their quality statements cannot be lined up one by one (compare --reports compares their themes by name)" \
    "scores across frameworks: one line, the same words"
run "$BIN" scores made-up-2024 pretend-2025 pretend-coast-2025
is "$rc:$(printf '%s\n' "$err" | wc -l)" "1:1" "scores of three, one of another framework: one line"

# Two local authorities: their scores, in JSON too.
run "$BIN" compare --reports --format json made-up-2024 pretend-2025
is "$rc:$err" "0:" "compare --reports --format json of two local authorities"
golden library-compare.json "an object per statement: theme, statement, a, b, difference"

done_testing
