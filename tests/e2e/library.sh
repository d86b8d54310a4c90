#!/bin/sh
# library.sh: the library of assessments in the browser (issue 12):
# switching assessment (A, :report with Tab, --report, ICSBROWSE_REPORT),
# each with its own marks, history and last node, the built-in one's
# state from before the library kept; a damaged member named; :open
# NAME:PATH; two assessments' scores side by side and their statements'
# texts side by side; different frameworks; two ICS assessments; search
# of every assessment; 40x12, NO_COLOR and control characters in data.
#
# The local authority assessments, and the second ICS one, are MADE UP
# for the tests (tests/library_data.sh): no such councils or systems exist
# and the CQC never published these texts or scores.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/library_data.sh"

[ -r "$DB" ] || skip_all "no built database $DB (run make)"
unset ICSBROWSE_REPORT ICSBROWSE_DB
DATA=$TMPDIR_TEST/data
LIB=$DATA/icsbrowse/library

# --- the built-in assessment's state, from before there was a library ---
E2E_ENV="XDG_DATA_HOME='$TMPDIR_TEST/none'"
start 100x30
wait_status " overview "
ok $? "without a library, the status line has the path alone"
keys m
wait_status "Marked Overview (1 marked)"
ok $? "a mark on Dorset's Overview, before the library"
keys q
wait_exit

# --- a library of made-up assessments -----------------------------------
export XDG_DATA_HOME="$DATA"
made_up_la "$TMPDIR_TEST/la1" "Made-up Borough Council" "18 October 2024" \
    Good 78 3 3 3 3 3 3 3 3 4
made_up_la "$TMPDIR_TEST/la2" "Pretend County Council" "3 March 2025" \
    "Requires improvement" 56 2 3 2 0 2 2 3 2 2
# A title with control characters (an OSC that would set the title).
made_up_la "$TMPDIR_TEST/evil" "Evil Borough Council" "1 May 2023" Good 60 \
    2 2 2 2 2 2 2 2 2
esc=$(printf '\033') bel=$(printf '\007')
sed "s/^title,.*/title,Evil ${esc}]0;pwned${bel} Council: MADE UP/" \
    "$TMPDIR_TEST/evil/meta.csv" >"$TMPDIR_TEST/meta" &&
    mv "$TMPDIR_TEST/meta" "$TMPDIR_TEST/evil/meta.csv"
# A second ICS assessment: Dorset's text under a made-up system's name.
"$BIN" --db "$DB" export "$TMPDIR_TEST/ics" >/dev/null
sed -e 's/^title,.*/title,Made-up Integrated Care System: MADE UP for tests/' \
    -e 's/^published,.*/published,1 June 2025/' \
    "$TMPDIR_TEST/ics/meta.csv" >"$TMPDIR_TEST/meta" &&
    mv "$TMPDIR_TEST/meta" "$TMPDIR_TEST/ics/meta.csv"
echo '1,para,MADE UP for icsbrowse tests: no such system.' \
    >>"$TMPDIR_TEST/ics/blocks.csv"
for d in la1 la2 evil; do
	"$BIN" add "$TMPDIR_TEST/$d" >/dev/null || echo "Bail out! add $d failed"
done
"$BIN" add --name made-up-ics-2025 "$TMPDIR_TEST/ics" >/dev/null ||
    echo "Bail out! add ics failed"
head -c 3000 "$LIB/pretend-2025.db" >"$LIB/broken-2023.db"
E2E_ENV="XDG_DATA_HOME='$DATA'"

# --- 1. switching assessment ---------------------------------------------
start 100x30
# m marked Overview and moved on: Leadership was the last node read.
wait_status "dorset-2024:leadership "
ok $? "with a library, the status line names the assessment: dorset-2024:PATH"
screen | grep -q '^│.\*.*Overview'
ok $? "the mark made before the library still shows for dorset-2024"
keys j
wait_status "dorset-2024:leadership/direction-of-travel"
keys A
wait_for "[Assessments in the library]"
ok $? "A lists the library's assessments"
screen | grep -q "│>= dorset-2024  *ics  *-  *25 September 2024  *Dorset Integrated"
ok $? "the one shown is chosen and marked =, with framework, rating, date, title"
screen | grep -q "made-up-2024  *la  *Good  *18 October 2024  *Made-up Borough Council"
ok $? "a made-up council's row"
screen | grep -q "pretend-2025  *la  *Requires improvement  *3 March 2025"
ok $? "another's, its columns lined up"
screen | grep -q "broken-2023  *cannot be read: the database is damaged"
ok $? "the damaged member is listed with why"
screen | grep -qF 'Evil ^[]0;pwned^G Council'
ok $? "control characters of a title are shown as text, never sent"
sline | grep -q "Enter:read  m:mark  c:compare"
ok $? "the status line gives the list's keys"
keys j j
keys Enter
wait_status "Reading made-up-2024: Made-up Borough Council"
ok $? "Enter reads the chosen assessment"
wait_for "Working with people"
ok $? "the outline follows: the council's themes"
keys j
wait_status "made-up-2024:"
ok $? "the status line names it"
screen | grep -q '^│>\*'
is "$?" 1 "Dorset's mark is not made-up-2024's"
keys j
wait_status "made-up-2024:working-with-people/assessing-needs"
ok $? "walk to Assessing needs"
keys m
wait_status "Marked Assessing needs (1 marked)"
ok $? "a mark of its own (and m moves on to the next row)"

keys A
wait_for "[Assessments in the library]"
keys g Enter
wait_status "broken-2023: "
ok $? "a damaged member is named on the status line"
keys j
wait_status "made-up-2024:working-with-people/"
ok $? "and the browser stays on the assessment shown"

keys :
keys -l "report dor"
keys Tab
wait_for ":report dorset-2024"
ok $? ":report completes an assessment's name on Tab"
keys Enter
wait_status "Reading dorset-2024"
ok $? ":report NAME switches"
keys j
wait_status "dorset-2024:leadership/summary-of-strengths"
ok $? "back where Dorset was left, one further"
keys '['
wait_status "dorset-2024:leadership/direction-of-travel"
ok $? "its history is its own: [ goes back in Dorset"
keys :
keys -l "report made-up-2024"
keys Enter
wait_status "Reading made-up-2024"
keys j
wait_status "made-up-2024:providing-support "
ok $? "made-up-2024's last node is kept (Equity, where it was left)"
keys k k k
wait_status "made-up-2024:working-with-people/assessing-needs"
screen | grep -q '^│>\*'
ok $? "and its mark"
keys :
keys -l "report nosuch-2020"
keys Enter
wait_status "nosuch-2020: no such assessment"
ok $? ":report of no member says so"

# --- 2. :open NAME:PATH --------------------------------------------------
keys :
keys -l "open pretend-2025:providing-support/partnerships-and-communities"
keys Enter
wait_status "Reading pretend-2025"
ok $? ":open NAME:PATH switches to the assessment"
keys l
wait_status "pretend-2025:providing-support/partnerships-and-communities"
ok $? "and reads the section"
wait_for "Made-up findings of Pretend County Council on Partnerships"
ok $? "its text in the reading pane"
keys :
keys -l "open made-up-2024:no-such-section"
keys Enter
wait_status "made-up-2024: "
ok $? "a path not in the assessment is said: $(sline | sed 's/  */ /g')"
keys q
wait_exit

# --- --report and ICSBROWSE_REPORT: the browser knows the name ---------
start 100x30 --report made-up-ics-2025
wait_status "made-up-ics-2025:"
ok $? "--report NAME: the status line names it"
keys q
wait_exit
E2E_ENV="XDG_DATA_HOME='$DATA' ICSBROWSE_REPORT=pretend-2025"
start 100x30
wait_status "pretend-2025:"
ok $? "ICSBROWSE_REPORT=NAME: the same"
keys q
wait_exit
E2E_ENV="XDG_DATA_HOME='$DATA'"

# --- 3. two assessments' scores side by side -------------------------------
start 100x30
wait_status "dorset-2024:"
keys A
wait_for "[Assessments in the library]"
keys j j m
wait_until eval 'screen | grep -q "^│ │>\* made-up-2024"'
ok $? "m marks made-up-2024 to compare"
keys j j c
wait_for "[Two assessments]"
ok $? "c compares the chosen one with the marked one"
screen >"$TMPDIR_TEST/scores"
grep -q "A made-up-2024: Made-up Borough Council" "$TMPDIR_TEST/scores" &&
    grep -q "B pretend-2025: Pretend County Council" "$TMPDIR_TEST/scores"
ok $? "the two named on top"
grep -q " A  *B  *B-A│" "$TMPDIR_TEST/scores"
ok $? "the columns: A, B, B-A"
grep -q "Overall (out of 100)  *78 ██████▎  *56 ████▌  *-22│" "$TMPDIR_TEST/scores"
ok $? "the overall scores with a bar each and the difference"
grep -q "Rating  *Good  *Requires improvement" "$TMPDIR_TEST/scores"
ok $? "the ratings"
grep -q "│ Working with people  *│" "$TMPDIR_TEST/scores"
ok $? "grouped by theme"
grep -q "│>  Assessing needs  *3 ██████  *2 ████  *-1│" "$TMPDIR_TEST/scores"
ok $? "a statement: its two scores and bars and the difference, chosen first"
grep -q "Supporting people to live healthier lives  *3 ██████  *3 ██████  *+0│" "$TMPDIR_TEST/scores"
ok $? "a statement published under a variant name lines up by framework"
grep -q "Care provision, integration and continuity  *3 ██████  *- *│" "$TMPDIR_TEST/scores"
ok $? "a statement one has no score for: '-' and no difference"
grep -q "Learning, improvement and innovation  *4 ████████  *2 ████  *-2│" "$TMPDIR_TEST/scores"
ok $? "the last statement"
keys j j
wait_for "│>  Equity in experience and outcomes"
keys Enter
wait_for "[Side by side: together]"
ok $? "Enter sets the statement's two texts side by side"
has "A made-up-2024: Working with people" && has "B pretend-2025: Working with people"
ok $? "each column titled with its assessment"
screen | grep -q "Made-up findings of Made-up Borough Council on .*Made-up findings of Pretend County Council on"
ok $? "the two assessments' texts"
keys p
wait_status "print: sections of two assessments"
ok $? "p says how to print them"
keys BSpace
wait_for "[Two assessments]"
ok $? "Backspace comes back to the scores"
has "│>  Equity in experience and outcomes"
ok $? "the same row chosen"
keys Enter
wait_for "[Side by side: together]"
keys Escape
wait_for "[Two assessments]"
ok $? "Esc comes back too"
keys End
wait_for "│>  Learning, improvement and innovation"
ok $? "End: the last statement"
keys k
wait_gone "│>  Learning, improvement and innovation"
ok $? "k: the one above it"
keys Home
wait_for "│>Overall (out of 100)"
ok $? "Home: the first row, the overall"
keys k
has "│>Overall (out of 100)"
ok $? "and k there stays on it"
keys Enter
wait_status "Enter on a statement sets its two texts side by side"
ok $? "Enter on the overall says what Enter does"
keys Escape
wait_for "[Assessments in the library]"
ok $? "Esc again: the list it was opened from"
keys Escape
wait_gone "[Assessments in the library]"

# One name: the assessment shown, set against it.
keys :
keys -l "compare-reports made-up-2024"
keys Enter
wait_for "cannot be lined up one by one"
ok $? ":compare-reports NAME: the assessment shown (dorset-2024) against NAME"
has "A dorset-2024:" && has "B made-up-2024:"
ok $? "the one shown as A"
keys Escape
wait_gone "[Two assessments]"

# Different frameworks.
keys :
keys -l "compare-reports dorset-2024 made-up-2024"
keys Enter
wait_for "cannot be lined up one by one"
ok $? "an ICS and an LA assessment: their statements cannot be lined up"
has "dorset-2024 is an ics assessment and made-up-2024 an la one"
ok $? "which one is which framework"
has "Themes of both, by name"
ok $? "what can be: themes by name"
screen | grep -q "│>Leadership  *│"
ok $? "Leadership, chosen"
keys Enter
wait_for "[Side by side: together]"
has "A dorset-2024: theme" && has "B made-up-2024: theme"
ok $? "Enter sets the two Leadership themes side by side"
keys Escape Escape
wait_gone "[Two assessments]"

# Two ICS assessments: no scores.
keys :
keys -l "compare-reports dorset-2024 made-up-ics-2025"
keys Enter
wait_for "No scores: the statements of both"
ok $? "two ICS assessments: the statements without scores"
screen | grep -q "│>  Shared direction and culture  *│"
ok $? "their first statement, chosen, with no score"
has "B-A"
is "$?" 1 "no score columns"
keys Enter
wait_for "[Side by side: together]"
has "A dorset-2024: Leadership" && has "B made-up-ics-2025: Leadership"
ok $? "Enter still sets the two texts side by side"
keys Enter
wait_gone "[Side by side"
wait_status "dorset-2024:leadership/shared-direction-and-culture — Shared direction and culture"
ok $? "Enter there reads the column's section, on the main screen"
has "[Two assessments]"
is "$?" 1 "every view over it closed"
keys q
wait_exit

# every_scope: start the browser, open the search box and Tab to its third
# scope, every assessment; fails if the prompt does not say so.
every_scope() {
	start 100x30
	wait_status "dorset-2024:"
	keys /
	wait_for "Everything: "
	keys Tab
	wait_for "In this section: "
	keys Tab
	wait_for "Every assessment: "
}

# --- 4. search of every assessment --------------------------------------
every_scope
ok $? "Tab: a third scope, every assessment, said in the prompt"
keys -l "carers"
wait_for "results  Tab: everything"
ok $? "the results, Tab going back to everything"
carers=$(screen | grep -o '[0-9]* results  Tab: everything')
has "made-up-2024:working-with-people/assessing-needs" &&
    has "pretend-2025:"
ok $? "each result named by its assessment"
has "broken-2023:"
is "$?" 1 "the damaged member has no result"
keys Down Enter
wait_status "Reading "
ok $? "Enter on another assessment's result switches to it"
keys Down
wait_status "match 1 of"
ok $? "the search's matches are walked there"
keys q
wait_exit

# --- 4b. a result list scrolled past its first screenful -------------------
# The browser makes each snippet as its hit is shown: those further down
# must be made, of the right hit, as Down scrolls to them.  The command
# line's search of every assessment ranks them alike and prints each with
# its snippet (marks as brackets); "care " (a whole word, as the command
# line takes it) matches more than the box shows.
"$BIN" search --all care >"$TMPDIR_TEST/care" 2>/dev/null
nall=$(wc -l <"$TMPDIR_TEST/care")
[ "$nall" -gt 60 ] && [ "$nall" -le 200 ]
ok $? "the command line finds more than three screenfuls of care ($nall)"
# Hit k (from 1) on the screen: its row chosen (>), its title, and the
# line under it the start of the command line's snippet (its first six
# words, which the box has room for; a blank line where it has none).
shown_is() {
	title=$(sed -n "${1}p" "$TMPDIR_TEST/care" | cut -f2)
	want=$(sed -n "${1}p" "$TMPDIR_TEST/care" | cut -f3 | tr -d '[]' |
	    cut -d' ' -f1-6)
	screen >"$TMPDIR_TEST/shown"
	grep -qF -- "│>$title" "$TMPDIR_TEST/shown" || return 1
	grep -A1 -F -- "│>$title" "$TMPDIR_TEST/shown" | sed -n 2p \
	    >"$TMPDIR_TEST/under"
	if [ -z "$want" ]; then
		grep -q '│  *│' "$TMPDIR_TEST/under"
	else
		grep -qF -- "│  $want" "$TMPDIR_TEST/under"
	fi && return 0
	echo "# hit $1: under its title '$(cat "$TMPDIR_TEST/under")'," \
	    "the command line's snippet starts '$want'"
	return 1
}
downs() { i=0; while [ "$i" -lt "$1" ]; do keys Down; i=$((i + 1)); done; }
every_scope
keys -l "care "
wait_for "$nall results  Tab: everything"
ok $? "the box counts as many results as the command line prints"
shown_is 1
ok $? "the first result, with its snippet"
downs 25
wait_until shown_is 26
ok $? "Down 25 times: result 26, past the first screenful, with its own snippet"
downs 30
wait_until shown_is 56
ok $? "and 30 more: result 56, with its own"
keys Up
wait_until shown_is 55
ok $? "Up: result 55, shown before, with its own"
keys Escape
wait_gone "Every assessment: "
keys q
wait_exit

# --- 4c. the catalogue's search index damaged ------------------------------
# Damage the catalogue's opening does not see (a page of its search index
# overwritten, every member up to date: the damaged member, which every
# opening reads again, set aside meanwhile): the search of every
# assessment reads each member instead, with the same results named by
# their assessments; the damaged catalogue is removed, and made anew by
# the next that needs one.  (Damage that the opening meets is
# tests/cli/library_catalogue.sh's.)
if command -v sqlite3 >/dev/null 2>&1; then
	cat=$LIB/.catalogue.db
	mv "$LIB/broken-2023.db" "$TMPDIR_TEST/broken-2023.db"
	"$BIN" list >/dev/null
	p=$(sqlite3 "$cat" "SELECT rootpage FROM sqlite_schema WHERE name = 'search_data'")
	size=$(sqlite3 "$cat" 'PRAGMA page_size')
	printf '%*s' "$size" '' | tr ' ' '\377' |
	    dd of="$cat" bs="$size" seek=$((p - 1)) conv=notrunc 2>/dev/null
	every_scope
	keys -l "carers"
	wait_for "$carers"
	ok $? "the catalogue's index damaged: as many results, from the members ($carers)"
	has "made-up-2024:working-with-people/assessing-needs" &&
	    has "pretend-2025:"
	ok $? "each named by its assessment"
	keys Down Enter
	wait_status "Reading "
	ok $? "Enter on one opens it"
	keys q
	wait_exit
	[ ! -e "$cat" ]
	ok $? "the damaged catalogue is removed"
	"$BIN" list >/dev/null &&
	    [ "$(sqlite3 "$cat" 'PRAGMA integrity_check' 2>&1)" = ok ]
	ok $? "and made anew by the next that needs it"
	mv "$TMPDIR_TEST/broken-2023.db" "$LIB/broken-2023.db"
else
	for i in 1 2 3 4 5; do ok 0 "# SKIP no sqlite3 to damage the catalogue with"; done
fi

# --- 40x12 and NO_COLOR ---------------------------------------------------
E2E_ENV="XDG_DATA_HOME='$DATA' NO_COLOR=1"
start 40x12
# At 40 columns the selected row's title has the status line to itself.
wait_status "Shared direction and cult"
keys :
keys -l "compare-reports made-up-2024 pretend-2025"
keys Enter
wait_for "[Two assessments]"
ok $? "40x12: the scores view opens"
screen >"$TMPDIR_TEST/small"
is "$(grep -c '^[│┌└].*[│┐┘]$' "$TMPDIR_TEST/small")" 11 \
    "the box is whole above the status line: every line ends at its border"
grep -q "^│>  Assessing needs  *3 █▌  *2 █  *-1│$" "$TMPDIR_TEST/small"
ok $? "a statement's row fits, its bars shorter, the choice marked > (NO_COLOR)"
keys Enter
wait_for "[Side by side: together]"
ok $? "40x12: the statements side by side"
keys q q q
wait_exit

# The screen for the README (README_SCREEN=FILE): made-up councils.
if [ -n "${README_SCREEN:-}" ]; then
	cp "$TMPDIR_TEST/scores" "$README_SCREEN"
fi
done_testing
