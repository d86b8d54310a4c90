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

# shell_session TERM: a new tmux server running an interactive shell with
# job control, and in it the browser with TERM; everything written to the
# pane from then on goes to $TMPDIR_TEST/raw, as the terminal received it.
shell_session() {
	t kill-server 2>/dev/null
	rm -f "$TMPDIR_TEST/status" "$TMPDIR_TEST/raw"
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
	t pipe-pane -o "cat >>'$TMPDIR_TEST/raw'"
	keys -l "TERM=$1 LC_ALL=C.UTF-8 XDG_STATE_HOME='$STATE_HOME' XDG_CONFIG_HOME='$CONFIG_HOME' '$BIN'"
	keys Enter
}

# raw_has TEXT: what the terminal received holds TEXT (printf's escapes).
raw_has() { grep -qF -- "$(printf "$1")" "$TMPDIR_TEST/raw"; }

# Ctrl-Z under a shell with job control: suspended, then fg.
shell_session screen
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
press j
sline | grep -q "row 2 of"
ok $? "and it takes keys again"
keys q
wait_gone "[1 Outline]"
ok $? "and it quits as before"

# On xterm and its kin a suspend keeps the palette the user set: ncurses
# resets it (OSC 104, orig_colors) when it resumes after endwin().
shell_session xterm-256color
wait_for "[1 Outline]"
ok $? "the browser runs under a shell as xterm-256color"
keys C-z
wait_for "Stopped"
wait_for 'sh$'
ok $? "Ctrl-Z stops it there"
raw_has '\033[?1049l'
ok $? "the alternate screen is left for the shell"
raw_has '\033[?1006;1000l'
ok $? "the mouse is given back to the terminal"
keys -l fg
keys Enter
wait_for "[1 Outline]"
ok $? "fg brings it back"
wait_until raw_has '\033[?1006;1000h'
ok $? "with the mouse taken again"
! raw_has '\033]104'
ok $? "and the terminal's palette untouched (no OSC 104)"

# kill -TSTP from outside: stopped as Ctrl-Z stops it, fg brings it back.
shell=$(t display -p '#{pane_pid}')
pid=$(pgrep -P "$shell" icsbrowse)
kill -TSTP "$pid"
wait_for "Stopped"
wait_gone "[1 Outline]"
ok $? "kill -TSTP gives the terminal back and stops it"
keys -l fg
keys Enter
wait_for "[1 Outline]"
ok $? "fg brings it back"
press k
sline | grep -q "row 1 of"
ok $? "and it takes keys again"
! raw_has '\033]104'
ok $? "with the palette untouched"
keys q
wait_gone "[1 Outline]"
ok $? "and it quits"
done_testing
