#!/bin/sh
# ux_shown.sh: what is shown is what prints, and what is cut is said whole
# (issue 13): p in the compare view prints the comparison as a table (text,
# Markdown, HTML, PDF), the status line gives the selected outline row's
# full title, * in the reading pane searches the word at its top.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"

# The browser runs in a directory of its own: the files it prints go there.
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
OUT=$TMPDIR_TEST/out
mkdir -p "$OUT" "$TMPDIR_TEST/nobin"
cd "$OUT" || exit 1
# No lp or lpr: the dialog offers a file.
E2E_ENV="PATH=$TMPDIR_TEST/nobin"

open_compare() {
	keys :
	keys -l "compare $1 $2"
	keys Enter
	wait_for "[Compare places: "
}

# print_as RIGHTS FILE: p, Right RIGHTS times (the format), Enter; FILE is
# what the dialog offers, and is written.
print_as() {
	keys p
	wait_for "[Print]" || return 1
	wait_for "[the comparison shown]" || return 1
	n=$1
	while [ "$n" -gt 0 ]; do keys Right; n=$((n - 1)); done
	wait_for "File:       $2" || return 1
	keys Enter
	wait_gone "[Print]" || return 1
	wait_status "Printed " || return 1
	test -s "$2"
}

start 100x30
wait_for "[1 Outline]"
ok $? "the browser starts at 100x30"

# --- p in the compare view: the comparison, as a table ----------------------
open_compare bcp dorset-council
wait_status "p:print"
ok $? "the compare view's hints name p:print"
print_as 0 compared-bcp-dorset-council.txt
ok $? "p prints the comparison as text, to the file offered"
f=compared-bcp-dorset-council.txt
grep -q "^BCP Council area (bcp) and Dorset Council area (dorset-council)$" $f
ok $? "text: headed with the two places, as the command line heads them"
grep -q "^8 measures, 2 of them shared\.$" $f
ok $? "text: how many measures, and how many shared"
grep -q "^Figure  *Place  *Value$" $f
ok $? "text: a table, its header Figure, Place, Value"
grep -q "^People from ethnic minority  *BCP Council area  *Approximately 9%$" $f
ok $? "text: a measure's row for the first place, in its columns"
grep -q "^  *Dorset Council area  *Approximately 3%$" $f
ok $? "text: and for the second, beneath it"
grep -q "compared with England average: 13%" $f
ok $? "text: the comparator, as the command line gives it"
grep -q "^Only one of the two places has these$" $f
ok $? "text: the measures only one place has, under their own heading"
grep -q "^Universities  *BCP Council area  *three universities$" $f &&
	grep -q "^  *Dorset Council area  *—$" $f
ok $? "text: a place without the measure has a dash"
grep -q "cited in Overview › Local context › Local demographics" $f
ok $? "text: the citing section by its titles"
grep -q "Local context ›$" $f
ok $? "text: a long note wraps at a word, not in a title"

print_as 1 compared-bcp-dorset-council.md
ok $? "p, Right: Markdown"
grep -q "^| Figure | Place | Value | Compared with | Cited in |$" compared-bcp-dorset-council.md
ok $? "markdown: a table with the comparison's columns (the period, the same in every row, left out)"
grep -q "^| Population | BCP Council area | Around 400,000 |" compared-bcp-dorset-council.md
ok $? "markdown: a measure's row"

print_as 2 compared-bcp-dorset-council.html
ok $? "p, Right Right: HTML"
grep -q "<th[^>]*>Compared with</th>" compared-bcp-dorset-council.html &&
	grep -q "<td[^>]*>England average: 13%</td>" compared-bcp-dorset-council.html
ok $? "html: a table, the comparator in its column"
if command -v tidy >/dev/null 2>&1; then
	tidy -q -e compared-bcp-dorset-council.html >"$TMPDIR_TEST/tidy" 2>&1
	is "$?:$(cat "$TMPDIR_TEST/tidy")" "0:" "html: tidy finds nothing wrong"
else
	echo "ok - html: tidy # SKIP tidy is not installed"
fi

print_as 3 compared-bcp-dorset-council.pdf
ok $? "p, Right Right Right: PDF"
head -c 5 compared-bcp-dorset-council.pdf | grep -q "^%PDF-"
ok $? "pdf: a PDF"
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext -layout compared-bcp-dorset-council.pdf "$TMPDIR_TEST/pdf.txt"
	grep -q "Approximately 9%" "$TMPDIR_TEST/pdf.txt" &&
		grep -q "Approximately 3%" "$TMPDIR_TEST/pdf.txt" &&
		grep -q "Only one of the two places has these" "$TMPDIR_TEST/pdf.txt"
	ok $? "pdf: both values and the one-place heading"
else
	echo "ok - pdf: its text # SKIP pdftotext is not installed"
fi
has "[Compare places: "
ok $? "after printing, the compare view is still there"
keys Escape
wait_gone "[Compare places"

# --- the status line: the selected outline row's full title ------------------
# A short path and title: the path, then the title.
keys :
keys -l "open quality-and-safety/learning-culture"
keys Enter
wait_status " quality-and-safety/learning-culture "
keys 1
wait_for "[1 Outline]"
wait_status " quality-and-safety/learning-culture — Learning culture "
ok $? "the status line gives the selected row's path and its title"
# A statement whose title the outline cuts: its title whole, first.
keys :
keys -l "open leadership/capable-compassionate-and-inclusive-leaders"
keys Enter
wait_status "leadership/capable-compassionate-and-i"
keys 1
wait_for "[1 Outline]"
has "Capable, compassionate and inclu…"
ok $? "the outline cuts the statement's title at 100 columns"
sline | grep -q "^ Capable, compassionate and inclusive leaders — leadership/capable-"
ok $? "the status line gives the title whole, first, where path and title do not both fit"
resize 40 12
wait_status " Capable, compassionate an"
ok $? "at 40 columns the title still comes first"
resize 100 30
wait_status " Capable, compassionate and inclusive leaders — "
keys 2
wait_for "[2 Reading]"
wait_gone "Capable, compassionate and inclusive leaders — "
sline | grep -q "^ leadership/capable-compassionate-and-inclusive-leaders "
ok $? "from the reading pane (its heading wraps), the path alone"

# --- * in the reading pane: the word at the top, its next match --------------
keys :
keys -l "open quality-and-safety/learning-culture"
keys Enter
wait_status " quality-and-safety/learning-culture "
keys 2
wait_for "[2 Reading]"
keys j j j
wait_status "line 4 of"
# The reading pane's first text row is the screen's fourth line.
word=$(screen | sed -n 4p | sed 's/^.*││//; s/│$//' | tr -s ' ' '\n' |
	grep -v '^$' | head -n 1 | tr -cd '[:alnum:]')
[ -n "$word" ]
ok $? "the line at the top of the reading pane starts with a word ($word)"
keys '*'
wait_status "match 2 of"
ok $? "* searches it and goes to its next match, after the top line"
sline | grep -q "result 1 of"
ok $? "in the section shown first"
screen | sed -n '4,16p' | grep -q "$word"
ok $? "the match is in view"
keys n
wait_status "result 2 of"
ok $? "n goes on to the next section that has it"

# --- the search dialog: the match in every snippet, the query in view -------
keys 1
wait_for "[1 Outline]"
keys /
wait_for "[Search]"
keys -l DiiS
wait_for "4 results"
# A snippet's line starts "  …" inside the dialog's border.
snippets_match() {
	screen | grep '│ │  …\|^│  …' >"$TMPDIR_TEST/snip"
	[ -s "$TMPDIR_TEST/snip" ] && ! grep -qv "DiiS" "$TMPDIR_TEST/snip"
}
wait_until snippets_match
ok $? "at 100 columns every snippet shown holds the match"
resize 40 12
wait_until snippets_match
ok $? "at 40x12 too: the snippet is cut around the match"
keys -l " integrated care systems partnership working across the whole county"
wait_match "^│Everything: .*whole county *│$"
ok $? "a query longer than the field scrolls: its end, being typed, is in view"
keys Escape
wait_gone "[Search]"

# --- a message keeps its end: the file printed to ----------------------------
rm -f compared-bcp-dorset-council.txt
resize 45 12
open_compare bcp dorset-council
keys p
wait_for "[Print]"
keys Enter
wait_status "Printed "
sline | grep -q "^ Printed .*… compared-bcp-dorset-council.txt *$"
ok $? "at 45 columns the message says Printed and the file's whole name"
keys Escape
wait_gone "[Compare places"
keys q
wait_exit
ok $? "q quits"
done_testing
