#!/bin/sh
# library.sh: the library of assessments: add, list, remove, --report,
# NAME:PATH, scores side by side, compare --reports, search --all, and a
# damaged member.  The local authority assessments are MADE UP for the
# tests (tests/library_data.sh): no such councils exist.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/library_data.sh"

[ -r "$DB" ] || skip_all "no built database $DB (run make)"
export XDG_DATA_HOME="$TMPDIR_TEST/data"
unset ICSBROWSE_REPORT
LIB=$XDG_DATA_HOME/icsbrowse/library
made_up_la "$TMPDIR_TEST/la1" "Made-up Borough Council" "18 October 2024" \
    Good 78 3 3 3 3 3 3 3 3 4
made_up_la "$TMPDIR_TEST/la2" "Pretend County Council" "3 March 2025" \
    "Requires improvement" 56 2 3 2 0 2 2 3 2 2

run "$BIN" list
is "$rc:$err" "0:" "list of an empty library exits 0"
golden library-list-empty.tsv "an empty library lists the built-in assessment"
test ! -e "$LIB"
ok $? "list makes no folder"

run "$BIN" add "$TMPDIR_TEST/la1"
is "$rc:$out:$err" "0:made-up-2024:" "add a dataset folder: its name from body and year"
run "$BIN" add "$TMPDIR_TEST/la1"
is "$rc:$out" "0:made-up-2024	already in the library, unchanged" "the same again says so"
sum1=$(cksum <"$LIB/made-up-2024.db")
"$BIN" import "$TMPDIR_TEST/la2" --output "$TMPDIR_TEST/la2.db" >/dev/null
run "$BIN" add "$TMPDIR_TEST/la2.db"
is "$rc:$out:$err" "0:pretend-2025:" "add a built database"
run "$BIN" add --name other "$TMPDIR_TEST/la2"
is "$rc:$out" "0:pretend-2025	already in the library, unchanged" \
    "the same assessment under another name is found"
run "$BIN" add "$DB"
is "$rc:$out" "0:dorset-2024	already in the library, unchanged" \
    "the built-in assessment is already there"
run "$BIN" add --name made-up-2024 "$TMPDIR_TEST/la2"
is "$rc" 0 "the same assessment under a name taken: still the same one"
made_up_la "$TMPDIR_TEST/la1b" "Made-up Borough Council" "18 October 2024" \
    Good 81 3 3 3 3 3 3 4 3 4
run "$BIN" add "$TMPDIR_TEST/la1b"
is "$rc:$out:$err" "1::icsbrowse: made-up-2024: the library has another assessment of that name (--replace replaces it, --name gives this one another)" \
    "another assessment under a name taken is refused"
is "$(cksum <"$LIB/made-up-2024.db")" "$sum1" "and the member is unchanged"
run "$BIN" add --replace "$TMPDIR_TEST/la1b"
is "$rc:$out:$err" "0:made-up-2024	replaced:" "--replace replaces it"
run "$BIN" add --replace "$TMPDIR_TEST/la1"
is "$rc:$out" "0:made-up-2024	replaced" "and back"
sum1=$(ls -i "$LIB/made-up-2024.db")
run "$BIN" add --replace "$TMPDIR_TEST/la1"
is "$rc:$out:$err" "0:made-up-2024	already in the library, unchanged:" \
    "--replace with the same content says so"
is "$(ls -i "$LIB/made-up-2024.db")" "$sum1" "and leaves the member's file alone"
run "$BIN" add --replace --name other-2024 "$TMPDIR_TEST/la1"
is "$rc:$out" "0:made-up-2024	already in the library, unchanged" \
    "--replace under another name, the same content: the member it is"
test ! -e "$LIB/other-2024.db"
ok $? "and no member of that name is made"
run "$BIN" add --replace "$DB"
is "$rc:$out:$err" "0:dorset-2024	already in the library, unchanged:" \
    "--replace of the built-in assessment itself: the same, unchanged"
"$BIN" export "$TMPDIR_TEST/dorset-csv" >/dev/null &&
    sed -i 's/,para,"There is positive progression/,para,"MADE UP for the tests: there is positive progression/' \
    "$TMPDIR_TEST/dorset-csv/blocks.csv"
run "$BIN" add --replace "$TMPDIR_TEST/dorset-csv"
is "$rc:$out:$err" "1::icsbrowse: dorset-2024: the built-in assessment cannot be replaced: give this one another name with --name" \
    "--replace of the built-in one by another Dorset: it cannot be"
run "$BIN" add "$TMPDIR_TEST/dorset-csv"
is "$rc:$err" "1:icsbrowse: dorset-2024 is the built-in assessment's name: give this one another with --name" \
    "and without --replace: the name is taken"
run "$BIN" add --name dorset-2024 "$TMPDIR_TEST/la1b"
is "$rc:$err" "1:icsbrowse: --name dorset-2024: that is the built-in assessment's name" \
    "the built-in name cannot be taken"
run "$BIN" add --name 'Bad Name' "$TMPDIR_TEST/la1b"
is "$rc:$err" "1:icsbrowse: --name 'Bad Name': a name is letters a-z and digits, in words joined by '-'" \
    "a name must be a slug"
run "$BIN" add "$TMPDIR_TEST/nothing"
is "$rc:$err" "1:icsbrowse: $TMPDIR_TEST/nothing: No such file or directory" \
    "a missing input"
run "$BIN" add "$top_srcdir/README"
is "$rc:$err" "1:icsbrowse: $top_srcdir/README: not a CQC assessment report: no theme or quality statement headings found" \
    "a file that is no report is refused by the reader"
run "$BIN" add "$TMPDIR_TEST/la1" "$TMPDIR_TEST/la2"
is "$rc:$err" "1:icsbrowse: $TMPDIR_TEST/la1: a dataset folder is added alone" \
    "two folders at once are refused"
head -c 20000 "$DB" >"$TMPDIR_TEST/cut.db"
run "$BIN" add --name cut "$TMPDIR_TEST/cut.db"
is "$rc" 1 "a damaged database is refused: $err"
run "$BIN" add
is "$rc" 2 "add without INPUT is wrong usage"
is "$(ls -A "$LIB")" ".catalogue.db
.lock
made-up-2024.db
pretend-2025.db" "the folder holds the members, the catalogue and the lock, no temporary file"

run "$BIN" list
is "$rc:$err" "0:" "list exits 0"
golden library-list.tsv "list: NAME, FRAMEWORK, TITLE, PUBLISHED, RATING"
run "$BIN" list --format tsv
golden library-list.tsv "list --format tsv is the same"
run "$BIN" list --format json
is "$rc:$err" "0:" "list --format json exits 0"
golden library-list.json "list --format json: an array of objects, rating null where none"
run "$BIN" list --format xml
is "$rc" 2 "list --format xml is wrong usage"
run "$BIN" search --all --format json carers
is "$rc" 2 "search --all --format json is wrong usage"

run "$BIN" scores made-up-2024 pretend-2025
is "$rc:$err" "0:" "scores side by side exits 0"
golden library-scores.tsv "scores: a row per statement in framework order, overall and rating"
printf '%s\n' "$out" | awk -F'\t' 'NF != 4 { bad = 1 } END { exit bad }'
ok $? "scores: four columns on every line"
run "$BIN" scores made-up-2024 dorset-2024
is "$rc:$err" "1:icsbrowse: made-up-2024 is a local authority assessment and dorset-2024 an ICS one: their quality statements cannot be lined up one by one (compare --reports compares their themes by name)" \
    "scores of two frameworks: they cannot be lined up"
run "$BIN" scores dorset-2024
golden library-scores-ics.tsv "scores of an ICS assessment: its 17 statements, no scores"
run "$BIN" scores nosuch-2020
is "$rc:$err" "1:icsbrowse: nosuch-2020: no such assessment in the library (see 'icsbrowse list')" \
    "scores of no such assessment"

run "$BIN" compare --reports made-up-2024 pretend-2025
is "$rc:$err" "0:" "compare --reports exits 0"
golden library-compare.txt "compare --reports: overall on top, then theme by theme, bars and the difference"
run "$BIN" compare --reports --format tsv made-up-2024 pretend-2025
golden library-compare.tsv "compare --reports --format tsv"
run "$BIN" compare --reports made-up-2024 dorset-2024
is "$rc:$err" "0:icsbrowse: warning: made-up-2024 is a local authority assessment and dorset-2024 an ICS one: their quality statements cannot be lined up one by one; compared: the themes of the same name (Leadership)" \
    "compare --reports of two frameworks says so, and compares their themes of the same name"
COLUMNS=80 run "$BIN" compare --reports made-up-2024 dorset-2024 'Safe pathways, systems and transitions'
is "$rc:$err" "0:" "a statement of both frameworks, by a published variant of its name"
golden library-compare-statement.txt "its sections side by side"
run "$BIN" compare --reports made-up-2024 dorset-2024 'Freedom to speak up'
is "$rc:$err" "1:icsbrowse: made-up-2024: no section for the statement 'Freedom to speak up'" \
    "a statement one framework lacks"
run "$BIN" compare --reports made-up-2024 pretend-2025 'Nothing at all'
is "$rc" 2 "a STATEMENT that is none is wrong usage"
run "$BIN" compare --reports made-up-2024
is "$rc" 2 "compare --reports with one NAME is wrong usage"

run "$BIN" search --all carers
is "$rc:$err" "0:" "search --all exits 0"
golden library-search-all.txt "search --all: every assessment's hits, best first, paths qualified"
run "$BIN" search --all 'no such words anywhere'
is "$rc" 1 "search --all with no match exits 1"

run "$BIN" --report pretend-2025 tree
is "$rc:$(printf '%s\n' "$out" | head -1)" "0:overview	part	Overall summary" "--report NAME picks the assessment"
ICSBROWSE_REPORT=made-up-2024 run "$BIN" show safeguarding
is "$rc:$(printf '%s\n' "$out" | sed -n 4p)" "0:Score: 3" "ICSBROWSE_REPORT picks it too"
run "$BIN" --report pretend-2025 --db "$DB" tree
is "$rc" 2 "--report with --db is wrong usage"
run "$BIN" --report nosuch tree
is "$rc:$err" "1:icsbrowse: nosuch: no such assessment in the library (see 'icsbrowse list')" \
    "--report of no such assessment"
run "$BIN" --report dorset-2024 tree
is "$rc:$(printf '%s\n' "$out" | head -1)" "0:overview	part	Overview" "--report dorset-2024 is the built-in one"

run "$BIN" show made-up-2024:safeguarding pretend-2025:safeguarding
is "$rc:$err" "0:" "show NAME:PATH NAME:PATH"
golden library-show.txt "two assessments' sections, one after the other"
COLUMNS=80 run "$BIN" show --side-by-side --width 80 made-up-2024:learning-improvement-and-innovation quality-and-safety/learning-culture
is "$rc:$err" "0:" "show --side-by-side with a qualified and a plain PATH"
golden library-show-sbs.txt "side by side"
run "$BIN" print made-up-2024:assessing-needs
is "$(printf '%s\n' "$out" | grep -c 'Made-up findings of Made-up Borough Council on Assessing needs')" 1 \
    "print NAME:PATH"
is "$(printf '%s\n' "$out" | head -1)" "Made-up Borough Council: local authority assessment" \
    "its printout has the title of the assessment it is in"
run "$BIN" show nosuch-2020:safeguarding
is "$rc:$err" "1:icsbrowse: nosuch-2020: no such assessment in the library (see 'icsbrowse list')" \
    "show of no such assessment"
run "$BIN" show dorset-2024:safeguarding
is "$rc:$err" "1:icsbrowse: dorset-2024: safeguarding: ambiguous path, could be: quality-and-safety/safeguarding, children-and-young-people/safeguarding" \
    "a qualified path's error names its assessment"

# Reports as published, read by the report reader (tests/reports: MADE UP).
R=$top_srcdir/tests/reports
run "$BIN" add "$R/made-up-la-2024.txt"
is "$rc:$err" "1:icsbrowse: made-up-2024: the library has another assessment of that name (--replace replaces it, --name gives this one another)" \
    "a report's text: named from its body and year, a name taken"
run "$BIN" add --name made-up-text-2024 "$R/made-up-la-2024.txt"
is "$rc:$out" "0:made-up-text-2024" "a report's text, under --name"
run "$BIN" add --name again-2024 "$R/made-up-la-2024.txt"
is "$rc:$out" "0:made-up-text-2024	already in the library, unchanged" \
    "the same report read again is the same assessment"
run "$BIN" add "$R/made-up-la-2025-summary.txt" "$R/made-up-la-2025-working-with-people.txt"
is "$rc:$out:$err" "0:made-up-2025:" "a report's pages, in order: named from its body and year"
run "$BIN" scores made-up-text-2024 made-up-2025 pretend-2025
is "$rc:$err" "0:" "scores of reports read and of a dataset, side by side"
golden library-scores-reports.tsv "their statements lined up by the framework"
run "$BIN" add "$R/made-up-la-2024.txt" "$R/made-up-la-2025-summary.txt"
is "$rc" 1 "the pages of two reports are no one report: $err"
"$BIN" remove made-up-text-2024 && "$BIN" remove made-up-2025
ok $? "and they are removed"

# A damaged member: named, and the rest still work.
head -c 3000 "$LIB/pretend-2025.db" >"$LIB/broken-2023.db"
run "$BIN" list
is "$rc" 1 "list with a damaged member exits 1"
golden library-list.tsv "and lists the others"
case $err in "icsbrowse: broken-2023: "*) r=0 ;; *) r=1 ;; esac
ok $r "and names the damaged one: $err"
run "$BIN" search --all carers
is "$rc" 1 "search --all with a damaged member exits 1"
golden library-search-all.txt "and gives the others' hits"
run "$BIN" scores made-up-2024 pretend-2025
is "$rc" 0 "scores of sound members still work"
run "$BIN" add "$TMPDIR_TEST/la1b" --name fine-2024
is "$rc:$out" "0:fine-2024" "add beside a damaged member works"
run "$BIN" remove broken-2023
is "$rc:$err" "0:" "remove a damaged member"

run "$BIN" remove fine-2024
is "$rc:$err" "0:" "remove NAME"
test ! -e "$LIB/fine-2024.db"
ok $? "its file is gone"
run "$BIN" remove fine-2024
is "$rc:$err" "1:icsbrowse: fine-2024: no such assessment in the library (see 'icsbrowse list')" \
    "remove it again"
run "$BIN" remove dorset-2024
is "$rc:$err" "1:icsbrowse: dorset-2024: the built-in assessment cannot be removed" \
    "the built-in assessment cannot be removed"
run "$BIN" remove
is "$rc" 2 "remove without NAME is wrong usage"

# Two adds at once, ten times, of twenty different assessments: all land.
i=0 lost=0
while [ $i -lt 20 ]; do
	i=$((i + 1))
	made_up_la "$TMPDIR_TEST/c$i" "Council Number $i" "1 May 2025" Good $((40 + i)) \
	    3 3 3 3 3 3 3 3 3
done
i=0
while [ $i -lt 20 ]; do
	"$BIN" add "$TMPDIR_TEST/c$((i + 1))" >/dev/null 2>"$TMPDIR_TEST/e1" &
	p1=$!
	"$BIN" add "$TMPDIR_TEST/c$((i + 2))" >/dev/null 2>"$TMPDIR_TEST/e2" &
	p2=$!
	wait $p1 || lost=$((lost + 1))
	wait $p2 || lost=$((lost + 1))
	i=$((i + 2))
done
is "$lost" 0 "twenty adds, two at a time, all succeed"
run "$BIN" list
is "$(printf '%s\n' "$out" | grep -c '^council-number-[0-9]*-2025	')" 20 "all twenty are listed"
is "$(ls -A "$LIB" | grep -c '^\.add-')" 0 "and no temporary file is left"

unset XDG_DATA_HOME
HOME=$TMPDIR_TEST/home run "$BIN" add "$TMPDIR_TEST/la1"
is "$rc:$out" "0:made-up-2024" "without XDG_DATA_HOME the library is in HOME/.local/share"
test -f "$TMPDIR_TEST/home/.local/share/icsbrowse/library/made-up-2024.db"
ok $? "its file is there"

done_testing
