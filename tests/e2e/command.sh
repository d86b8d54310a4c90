#!/bin/sh
# command.sh: the `:` line: commands, Tab completion (commands, paths,
# places, cycling through the candidates listed), errors that leave the
# line to be put right, the history, kept across a restart; set (the
# outline's width and the reading pane's height, and values refused with
# their range), unbind, search, side-by-side and quit.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"

running() { [ ! -s "$TMPDIR_TEST/status" ]; }

# The prompt: the line above the status line.
prompt() { screen | tail -n 2 | head -n 1; }
wait_prompt() {
	wait_until sh -c "'$TMUX_BIN' -L '$SOCK' capture-pane -p | tail -n 2 |
		head -n 1 | grep -qF -- '$1'"
}

start 100x30
wait_status "row 1 of"
keys :
wait_status "Tab:complete"
ok $? ": opens the command line"
keys "open quality-and-safety/safeguarding" Enter
wait_status " quality-and-safety/safeguarding "
ok $? ":open PATH selects the section"
wait_for "Quality statement: Safeguarding"
ok $? "and the reading pane shows it"
wait_gone "Tab:complete"
ok $? "the command line closes after a command"

keys : op Tab
wait_prompt ":open"
ok $? ":op then Tab completes to 'open'"
keys quality-and-s Tab
wait_prompt ":open quality-and-safety/"
ok $? "Tab on a partial path completes it to its folder"
keys lear Tab
wait_prompt ":open quality-and-safety/learning-culture/"
ok $? "and Tab again, the next part"
keys Enter
wait_status " quality-and-safety/learning-culture "
ok $? "a path ending in / opens the section"

keys : comp Tab
wait_for "compare  compare-places"
ok $? "several candidates are listed"
wait_prompt ":compare"
ok $? "and their common start put in"
keys Tab
wait_prompt ":compare"
keys Tab
wait_prompt ":compare-places"
ok $? "Tab again cycles through the candidates"
keys C-u "compare b" Tab
wait_for "bcp  blandford-pcn  boscombe-west"
ok $? "compare completes place codes"
keys C-u "compare Eng" Tab
wait_prompt ":compare england"
ok $? "a place's name completes to its code"
keys C-u "help next-m" Tab
wait_prompt ":help next-match"
ok $? "help completes action names"
keys Escape
wait_gone "Tab:complete"
ok $? "Esc cancels"

keys : "open x/y" Enter
wait_status "open: x/y: no such section"
ok $? "an error is one line on the status line"
prompt | grep -qF ":open x/y"
ok $? "and the line stays, to be put right"
keys BSpace BSpace BSpace leadership Enter
wait_status " leadership "
ok $? "put right, it runs"

keys : mark Enter
wait_status "(1 marked)"
ok $? ":mark marks the section shown"
keys : "unmark" Enter
wait_status "(0 marked)"
ok $? ":unmark unmarks it"
# (-l: tmux would read "down" as the key Down)
keys :
keys -l down
keys Enter
wait_status " leadership/direction-of-travel "
ok $? "an action by its name runs as its key: down"
keys : "print --format markdown --output $TMPDIR_TEST/out.md" Enter
wait_status "Printed "
ok $? ":print --output FILE prints at once"
head -n 1 "$TMPDIR_TEST/out.md" | grep -q '^# '
ok $? "a Markdown file, with its heading"
has "[Print]"
is $? 1 "and no dialog is left open"
keys : "print --format nosuch" Enter
wait_status "print: no such format: nosuch"
ok $? "a bad option says so"
keys Escape
keys : "bind z quit" Enter
wait_gone "Tab:complete"
keys : "frobnicate" Enter
wait_status "frobnicate: no such command"
ok $? "an unknown command says so"
keys Escape : "help zoom" Enter
wait_for "[Help: "
ok $? ":help ACTION opens the help"
has "zoom the pane to the whole screen"
ok $? "on that action"
keys q
wait_gone "[Help: "
keys : "set colour never" Enter
wait_gone "Tab:complete"
running
ok $? ":set colour never: still running"
keys z
wait_exit
is "$status" 0 ":bind z quit made z quit, status 0"

# --- the history, after a restart ----------------------------------------
start 100x30
wait_status "row"
keys :
wait_status "Tab:complete"
keys Up
wait_prompt ":set colour never"
ok $? "Up after a restart: the last command"
keys Up
wait_prompt ":help zoom"
ok $? "Up again: the one before"
keys Down Down
wait_until sh -c "'$TMUX_BIN' -L '$SOCK' capture-pane -p | tail -n 2 |
	head -n 1 | grep -qx ': *'"
ok $? "Down past the newest: the line typed, empty"
keys Escape

# --- set, unbind, search --------------------------------------------------
# The outline's width: its box's top line, up to the reading pane's corner,
# in characters.
outline_cols() {
	top=$(screen | head -n 1)
	printf '%s┐' "${top%%┐┌*}" | wc -m
}
outline_is() { [ "$(outline_cols)" -eq "$1" ]; }
# The line where the pane under the reading pane starts (its top border).
under_line() { screen | awk 'NR > 1 && /[│┐]┌─ [0-9]/ { print NR; exit }'; }
under_above() { [ "$(under_line)" -lt "$1" ]; }
keys : "set outline-width 30" Enter
wait_until outline_is 30
ok $? ":set outline-width 30: the outline is 30 columns wide ($(outline_cols))"
was=$(under_line)
keys : "set reader-height 30" Enter
wait_until under_above "$was"
ok $? ":set reader-height 30: the reading pane shorter (the pane under it from line $was to $(under_line))"
[ "$(under_line)" -le 10 ]
ok $? "a third of 30 lines"
keys : "set outline-width 7" Enter
wait_for "set: 7: not a value for outline-width (16 to 500 columns)"
ok $? "a width out of range says what the range is"
keys C-u "set reader-height most" Enter
wait_for "set: most: not a value for reader-height (20 to 90 per cent)"
ok $? "so does a height that is no number"
keys C-u "set mouse maybe" Enter
wait_for "set: maybe: not a value for mouse (on or off)"
ok $? "and a mouse that is neither on nor off"
keys Escape
wait_gone "Tab:complete"
outline_is 30
ok $? "the errors changed nothing"
keys : "unbind j" Enter
wait_gone "Tab:complete"
row=$(sline | grep -o 'row [0-9]* of')
press j
wait_status "That key does nothing here"
ok $? ":unbind j: j does nothing"
sline | grep -qF "$row"
ok $? "and the outline stayed where it was ($row)"
keys Down
wait_until sh -c "! '$TMUX_BIN' -L '$SOCK' capture-pane -p | tail -n 1 | grep -qF '$row'"
ok $? "Down moves as before"
keys : "search strategic partnerships" Enter
wait_for "Everything: strategic partnerships"
ok $? ":search WORDS opens the search with the words typed"
wait_match "^│ *│[0-9][0-9]* result"
ok $? "and searched"
keys Escape
wait_gone "Everything: "
keys : "side-by-side quality-and-safety/learning-culture children-and-young-people/learning-culture" Enter
wait_for "[Side by side"
ok $? ":side-by-side PATH PATH opens the two side by side"
screen | sed -n 2p | grep -q '^│Quality and safety  *│Children and young people  *│$'
ok $? "each under its own part's title"
keys BSpace
wait_gone "[Side by side"
ok $? "and Backspace comes back"
keys : quit Enter
wait_exit
is "$status" 0 ":quit exits 0"
done_testing
