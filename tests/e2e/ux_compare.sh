#!/bin/sh
# ux_compare.sh: the compare view's table at 100, 80 and 40 columns (issue
# 13): values are never cut while a label or a bar can give room, labels
# wrap to a second line, the comparator, the period and the one-place
# rows as the command line gives them; the profiles scroll.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"

# The view's title shows before the rest of its screen is written (under
# ASan, on a loaded machine, the capture can come between): wait too for
# the status line, written last, to give the view's hints.
open_compare() {
	keys :
	keys -l "compare $1 $2"
	keys Enter
	wait_for "[Compare places: " && wait_status "s:swap"
}

# A line holding $1 also holds $2 (bars beside a value, say).
line_has() { screen | grep -F -- "$1" | grep -qF -- "$2"; }
# The line after the one holding $1 holds $2 (a label's second line).
next_has() { screen | grep -A1 -F -- "$1" | sed -n 2p | grep -qF -- "$2"; }

start 80x24
wait_for "[1 Outline]"
ok $? "the browser starts at 80x24"
open_compare bcp dorset-council
wait_match "Approximately 9%.*Approximately 3%"
ok $? "at 80 columns both values show whole: Approximately 9% and 3%"
resize 50 14
wait_match "Approximately 9%.*Approximately 3%"
ok $? "at 50 columns too: the label gives way (down to 8 columns) before a value is cut"
resize 80 24
wait_match "Approximately 9% .*Approximately 3% "
wait_until next_has "People from ethnic minority" "backgrounds"
ok $? "a long label wraps to a second line instead of being cut"
has "compared with England"
ok $? "the comparator is shown, as the command line shows it"
has "Only one of the two places has these:"
ok $? "the measures only one place has are headed as the command line heads them"
has "also, another figure"
ok $? "a place's second figure of a shared measure is marked also"
keys Tab
wait_for "the profiles scroll]"
ok $? "Tab gives the keys to the profiles"
top=$(screen | sed -n 2p)
keys j j
# The screen is read at each poll, not once when wait_until is called.
top_moved() { [ "$(screen | sed -n 2p)" != "$top" ]; }
wait_until top_moved
ok $? "and j scrolls them"
keys Tab
wait_gone "the profiles scroll]"

# Help is the view's: its keys, its hints on the status line.
resize 160 60
keys '?'
wait_for "Keys in the compare view"
ok $? "? in the compare view gives the compare view's keys"
wait_for "swap the two places"
ok $? "swap among them"
has "clear all the marks"
ok $((! $?)) "and not the marks list's (clear all the marks)"
wait_for "[Help: "
wait_status "s:swap"
ok $? "the status line's hints are the compare view's"
sline | grep -q "h:fold"
ok $((! $?)) "not the outline's"
keys Escape
wait_gone "[Help: "
resize 80 24
keys Escape
wait_gone "[Compare places"

open_compare dorset-ics england
wait_match "Life expectancy, males .*80.5 years .*78.7"
ok $? "at 80 columns the label, both values"
wait_until line_has "80.5 years" "█"
ok $? "and the bars"
resize 40 12
wait_for "80.5 years"
ok $? "at 40x12 the value 80.5 years shows whole"
wait_match "80.5 years.*78.7"
ok $? "beside the other side's 78.7"
resize 100 30
wait_for "People from ethnic minority backgrounds"
ok $? "at 100 columns the whole label"
wait_match "People from ethnic minority backgrounds.*7%.*█.*13%.*█"
ok $? "with both values and their bars"
wait_until next_has "People from ethnic minority backgrounds" "2021"
ok $? "a period that differs between the sides is on the second line"

keys q
wait_gone "[Compare places"

# The second picker starts on another place than the first.
keys c
wait_for "[Compare places: the first]"
screen | grep -q ">BCP Council area (bcp)"
ok $? "the first picker starts on BCP Council area"
keys Enter
wait_for "[Compare BCP Council area (bcp) with]"
screen | grep -q ">Dorset Council area"
ok $? "the second starts on another place"
screen | grep -q '^│[ >]BCP Council area (bcp)'
ok $((! $?)) "and does not offer BCP Council area again"
keys Escape
wait_gone "[Compare"
keys q
wait_exit
ok $? "q closes the view, q again quits"
done_testing
