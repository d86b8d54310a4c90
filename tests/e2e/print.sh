#!/bin/sh
# print.sh: marks, their list and the print dialog, in tmux.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"

# The browser writes files where it was started: a folder of the test's.
mkdir "$TMPDIR_TEST/work"
cd "$TMPDIR_TEST/work" || exit 1

# to_file: with Destination chosen, Right until it is the file, whatever
# printers there are.
to_file() {
	n=0
	while ! screen | grep -q '\[file\]' && [ "$n" -lt 3 ]; do
		keys Right
		n=$((n + 1))
		wait_for "Destination:" >/dev/null
	done
}

start 100x34
wait_for "[1 Outline]"
keys j
wait_for " leadership "
keys j
wait_for " leadership/direction-of-travel "
keys m
wait_for "(1 marked)"
ok $? "m marks a section"
screen | grep -q '^│ \*  *Direction of travel'
ok $? "the outline shows the mark (and the selection moved down)"
keys Space
wait_for "(2 marked)"
ok $? "Space in the outline marks too"

keys M
wait_for "[Marks: 2, in print order]"
ok $? "M lists the marks"
screen | grep -q "1\. Direction of travel"
ok $? "in the order they were made"
keys J
wait_for "2. Direction of travel"
ok $? "J moves a mark down"
screen | grep -q "1\. Summary of strengths"
ok $? "and the other up"

keys p
wait_for "[Print]"
ok $? "p in the list opens the print dialog"
screen | grep -q "Leadership › Summary of strengths; Leadership › Direction of travel"
ok $? "to print the marks in their order"
screen | grep -q "Dorset Integrated Care System: pilot assessment report"
ok $? "with a preview of the first page"
keys Right
wait_for "[markdown]"
ok $? "Right chooses the next format"
keys Down
wait_for ">Destination:"
to_file
screen | grep -q "File: *leadership-summary-of-strengths.md"
ok $? "a file name is offered from the first section's path and the format"
keys Enter
wait_for "Printed "
ok $? "Enter prints, and says so"
wait_gone "[Print]"
ok $? "the dialog closes"
test -f leadership-summary-of-strengths.md
ok $? "the file is there"
grep -n '^## ' leadership-summary-of-strengths.md | cut -d' ' -f2- >order
printf 'Summary of strengths\nDirection of travel\n' | cmp -s - order
ok $? "with the sections in the order of the marks"
"$BIN" print --format markdown leadership/summary-of-strengths \
	leadership/direction-of-travel | cmp -s - leadership-summary-of-strengths.md
ok $? "exactly as print makes it"

# The same again: the file exists, so Enter must be pressed twice.
keys Escape
wait_gone "[Marks"
keys p
wait_for "[Print]"
# (the section shown is not marked: the marks are chosen, issue 13)
keys Up Right Down Right Down
to_file
keys Enter
wait_for "exists: Enter again writes over it"
ok $? "an existing file is not written over at once"
keys Escape
wait_gone "[Print]"
ok $? "Esc cancels"

# A file name typed: the line edited, kept when the format changes.
keys p
wait_for "[Print]"
keys Down
wait_for ">Destination:"
to_file
keys Down
wait_for ">File:"
keys C-u
keys -l "board paper.txt"
keys BSpace BSpace BSpace
keys -l "md"
wait_for ">File:       board paper.md"
ok $? "the file name is typed and edited (C-u, Backspace)"
fmt=$(screen | grep -o 'Format: .*pdf')
keys Up Up Left
wait_until sh -c "! '$TMUX_BIN' -L '$SOCK' capture-pane -p | grep -qF -- '$fmt'"
screen | grep -q "File:       board paper.md"
ok $? "another format keeps the name typed"
keys Enter
wait_for "Printed "
ok $? "Enter prints"
sline | grep -qF "to board paper.md"
ok $? "to the file named, and says so"
test -s "board paper.md"
ok $? "the file is there, under its name, space and all"

keys q
wait_exit
is "$status" 0 "q exits 0"

# Marks survive a restart, in their order.
start 100x34
wait_for "[1 Outline]"
keys M
wait_for "[Marks: 2, in print order]"
ok $? "the marks are kept after a restart"
screen | grep -q "1\. Summary of strengths"
ok $? "in the order they were put in"
keys G
wait_for "> 2. Direction of travel"
ok $? "G in the list: the last mark"
keys k
wait_for "> 1. Summary of strengths"
ok $? "k: the one above"
keys End
wait_for "> 2. Direction of travel"
keys Enter
wait_gone "[Marks"
ok $? "Enter on a mark closes the list"
wait_status " leadership/direction-of-travel "
ok $? "and opens its section"
keys M
wait_for "[Marks: 2, in print order]"
keys x
wait_for "Press x again"
ok $? "x asks before clearing"
keys x
wait_for "[Marks: 0"
ok $? "and x again clears them"
keys Escape q
wait_exit
is "$status" 0 "q exits 0"

done_testing
