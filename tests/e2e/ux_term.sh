#!/bin/sh
# ux_term.sh: dialogs and the terminal (issue 13): every dialog fits its
# box at 40x12, opened there or resized to it, with nothing of the panes
# beside it; Ctrl-L repaints with a dialog open; Ctrl-Z suspends to the
# shell and fg comes back; too small a terminal says the minimum first.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"

# box_whole: the screen above the status line is one box, borders whole.
box_whole() {
	screen | sed -n '1,11p' >"$TMPDIR_TEST/box"
	sed -n 1p "$TMPDIR_TEST/box" | grep -q '^┌.*┐$' || return 1
	sed -n 11p "$TMPDIR_TEST/box" | grep -q '^└.*┘$' || return 1
	[ "$(sed -n '2,10p' "$TMPDIR_TEST/box" | grep -vc '^│.*│$')" = 0 ]
}

# check_dialog NAME OPEN-KEYS... : opened at 40x12, and at 100x30 then
# resized to 40x12, the dialog is one whole box.
check_dialog() {
	name=$1; title=$2; shift 2
	resize 40 12
	wait_status " overview"
	keys "$@"
	wait_for "$title"
	wait_until box_whole
	ok $? "the $name at 40x12 fits its box, no pane beside it"
	keys Escape
	wait_gone "$title"
	resize 100 30
	wait_for "[1 Outline]"
	keys "$@"
	wait_for "$title"
	resize 40 12
	wait_until box_whole
	ok $? "the $name opened at 100x30, then resized to 40x12, fits too"
	keys Escape
	wait_gone "$title"
	resize 100 30
	wait_for "[1 Outline]"
}

start 100x30
wait_for "[1 Outline]"
ok $? "the browser starts"
keys m
wait_status "(1 marked)"
keys k
check_dialog "print dialog" "[Print]" p
check_dialog "search" "[Search]" / D i i S
check_dialog "place picker" "[Compare places: the first]" c
check_dialog "marks list" "[Marks: 1" M
check_dialog "help" "[Help" '?'
check_dialog "compare view" "[Compare places: 9" : "compare bcp dorset-council" Enter

# Ctrl-L with a dialog open: a scribble behind its back goes.
keys p
wait_for "[Print]"
printf '\033[3;5HXXJUNKXX' >"$(t display -p '#{pane_tty}')"
wait_for "XXJUNKXX"
keys C-l
wait_gone "XXJUNKXX"
ok $? "Ctrl-L with the print dialog open repaints everything"
has "[Print]"
ok $? "and the dialog stays open"
has "File:       overview"
ok $? "Ctrl-L is not typed into the dialog"
keys Escape
wait_gone "[Print]"

# Too small: the minimum first.
resize 39 12
wait_for "Terminal too small (39x12)"
screen | sed -n 1p | grep -q "^icsbrowse needs 40x12 at least:"
ok $? "too small a terminal says the minimum first"
resize 100 30
wait_for "[1 Outline]"
keys q
wait_exit
ok $? "q quits"

# Ctrl-Z under a shell with job control: suspended, then fg.
t kill-server 2>/dev/null
rm -f "$TMPDIR_TEST/status"
n=100
while [ "$n" -gt 0 ] && t list-sessions >/dev/null 2>&1; do
	n=$((n - 1))
	sleep 0.05
done
n=40
until t -f "$TMPDIR_TEST/tmux.conf" new-session -d -x 100 -y 30 \
	"env -i PATH=/usr/bin:/bin HOME='$TMPDIR_TEST' PS1='sh$ ' sh -i" \
	2>/dev/null || [ "$n" -le 0 ]; do
	n=$((n - 1))
	sleep 0.05
done
wait_for 'sh$'
keys -l "TERM=screen LC_ALL=C.UTF-8 XDG_STATE_HOME='$STATE_HOME' XDG_CONFIG_HOME='$CONFIG_HOME' '$BIN'"
keys Enter
wait_for "[1 Outline]"
ok $? "the browser runs under a shell"
keys C-z
wait_gone "[1 Outline]"
ok $? "Ctrl-Z gives the terminal back to the shell"
wait_for 'sh$'
ok $? "the shell's prompt is there"
keys -l fg
keys Enter
wait_for "[1 Outline]"
ok $? "fg brings the browser back, redrawn"
keys q
wait_gone "[1 Outline]"
ok $? "and it quits as before"
done_testing
