#!/bin/sh
# ux.sh: the browser as a new user met it (issue 13): the search's scope
# stays as the user chose it, marking acts on the row seen selected and
# moves down, the search's place leaves the status line once it no longer
# holds, a message keeps its end, the search prompt's history.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"

"$BIN" search DiiS >"$TMPDIR_TEST/cli"
first=$(sed -n 1p "$TMPDIR_TEST/cli" | cut -f1)
second=$(sed -n 2p "$TMPDIR_TEST/cli" | cut -f1)
second_title=$(sed -n 2p "$TMPDIR_TEST/cli" | cut -f2)
[ -n "$second" ]
ok $? "the command line finds DiiS in two sections at least"

# --- the scope: as the user chose it, whatever has the focus ----------------
start 100x30
wait_status "row 1 of"
ok $? "the browser starts"
has "Capable, compassionate and inclu"
ok $? "the outline is as wide as its rows want, up to two fifths (40 of 100)"
has "Summary findings for quality sta…"
ok $? "and no wider: a longer title is cut"
keys 2
wait_for "[2 Reading]"
keys /
wait_for "Everything: "
ok $? "/ from the reading pane searches everything at first"
wait_for "Type words to find"
ok $? "an empty query shows a hint"
has "0 results"
ok $((! $?)) "and not 0 results"
keys Tab
wait_for "In this section: "
ok $? "Tab switches to this section, and the prompt says so"
keys Escape
wait_gone "[Search]"
keys 1
wait_for "[1 Outline]"
keys /
wait_for "In this section: "
ok $? "/ again starts as the user last chose, from another pane too"
keys Tab
wait_for "Everything: "
ok $? "Tab switches back to everything"

# --- Down Enter opens the result seen chosen; m marks that one --------------
keys -l DiiS
keys Down
wait_for ">$second_title"
ok $? "Down chooses the second result"
keys Enter
wait_status "result 2 of"
ok $? "Enter opens the second result; the status line gives its place"
keys m
wait_status "(1 marked)"
ok $? "m marks the section shown"
has "Marked $second_title"
ok $? "the one seen chosen: the message names it by its title"

# --- the search's place goes once it no longer holds ------------------------
keys BSpace
wait_gone "result 2 of"
ok $? "after going back, the search's place leaves the status line"
keys /
wait_for "Everything: "
keys Up
wait_for "Everything: DiiS"
ok $? "Up in an empty prompt recalls the last search"
keys Escape
wait_gone "[Search]"

# --- Space marks the row and moves down; the counts read right --------------
keys 1 g
wait_status "row 1 of"
keys Space
wait_status "Marked Overview (2 marked)"
ok $? "Space marks the row selected, named by its title"
wait_status "row 2 of"
ok $? "and moves down a row"
keys M
wait_for "[Marks: 2"
keys x
wait_status "Press x again to clear all the marks"
ok $? "x asks first"
keys x
wait_status "Cleared 2 marks"
ok $? "x again clears them: Cleared 2 marks"
keys Escape

# --- a message too long for the line keeps its end --------------------------
resize 40 12
keys :
keys -l "mark $first"
keys Enter
wait_status "(1 marked)"
ok $? "at 40 columns a long message keeps its end: (1 marked)"
sline | grep -q "^ Marked "
ok $? "and its start: Marked"

# --- the reading pane's heading wraps; zoom keeps the selection --------------
resize 100 30
keys :
keys -l "open leadership/workforce-equality-diversity-and-inclusion"
keys Enter
wait_for "Quality statement: Workforce equality, diversity and"
ok $? "the reading pane's heading is not cut"
screen | grep -A1 "Quality statement: Workforce equality, diversity and" |
	sed -n 2p | grep -q "││inclusion  "
ok $? "it wraps to a second line: inclusion"
keys 5 j j j j j j
wait_for "[5 Figures]"
wait_status "figure 7 of"
sel=$(screen | grep -o '││> [^│]*' | head -1 | sed 's/^││> //' | cut -c1-12)
keys z
wait_for "[5 Figures]"
wait_until eval 'screen | sed -n 1p | grep -q "^┌─\[5 Figures\]──*[^┐]* ┐$"'
ok $? "z zooms the figures to the whole width"
[ -n "$sel" ] && screen | grep -F -- "$sel" | grep -q '^│> '
ok $? "and the selected figure is still in view, selected ($sel)"
keys z
wait_gone "figure 7 of 15  "
keys G z
wait_until eval 'screen | sed -n 1p | grep -q "^┌─\[5 Figures\]──*[^┐]* ┐$"'
screen | sed -n 20p | grep -q '^│ *│$'
ok $((! $?)) "zoomed after G (scrolled to the end): the pane is full, no blank below"
keys z

keys q
wait_exit
ok $? "q quits"
[ "$status" = 0 ]
ok $? "the browser exits 0"
done_testing
