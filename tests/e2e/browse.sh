#!/bin/sh
# browse.sh: the browser end to end: the first screen, walking the outline,
# folding, focus, zoom, history, quitting and giving the terminal back.
#
# Each step waits for the screen to show its effect (no fixed sleeps).
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"

# The status line (the screen's last line).

# The screen once two captures in a row agree (a frame fully drawn).
stable_screen() {
	prev=$(screen)
	n=100
	while [ "$n" -gt 0 ]; do
		sleep 0.05
		cur=$(screen)
		[ "$cur" = "$prev" ] && break
		exited && break
		prev=$cur
		n=$((n - 1))
	done
	printf '%s\n' "$cur"
}

# has TEXT: the screen (now) holds TEXT.

# --- the first screen -----------------------------------------------------
start 100x30
wait_status "row 1 of 36"
ok $? "the browser starts and shows the status line"
stable_screen >"$TMPDIR_TEST/out"
golden e2e-browse-first.txt "the first screen at 100x30 (fresh state)"
wait_for "[1 Outline]"
ok $? "the outline has the focus at first: [1 Outline]"
is "$(t display -p '#{alternate_on} #{mouse_any_flag}')" "1 1" \
	"while running, the alternate screen and the mouse are on"

# --- walk to Learning culture ---------------------------------------------
i=1
found=1
while [ "$i" -lt 60 ]; do
	if sline | grep -qF " quality-and-safety/learning-culture "; then
		found=0
		break
	fi
	keys j
	i=$((i + 1))
	wait_status "row $i of" 5 || break
done
ok $found "j walks down the outline to quality-and-safety/learning-culture"
row=$i
wait_for ">  ▸ Learning culture"
ok $? "the Learning culture row is selected (>) and folded (▸)"
wait_for "Quality statement: Learning culture"
ok $? "the reading pane shows the statement's heading"
wait_for "Key messages"
ok $? "the key messages pane is shown"

# Pane 3 (zoomed, so that its sentences are not wrapped narrow).
keys 3
wait_for "[3 Key messages]"
ok $? "3 focuses the key messages pane: [3 Key messages]"
keys z
wait_gone " 1 Outline "
ok $? "z zooms the focused pane: the outline's title is gone"
has " 2 Reading "
is $? 1 "z: the reading pane's title is gone too"
wait_for "There is a positive learning and safety culture developing"
ok $? "pane 3 shows the statement's key messages"
keys Escape
wait_for " 1 Outline "
ok $? "Esc ends the zoom: the outline comes back"
wait_for "[3 Key messages]"
ok $? "after the zoom, pane 3 still has the focus"

keys 4
wait_for "[4 Strengths"
ok $? "4 focuses the strengths pane"
keys z
wait_gone " 1 Outline "
ok $? "z zooms pane 4"
wait_for "The System Quality Group (SQG) is system focused"
ok $? "pane 4 shows the theme's strengths"
wait_for "Summary of strengths"
ok $? "pane 4 has its heading Summary of strengths"
keys z
wait_for " 1 Outline "
ok $? "z again ends the zoom"

keys 5
wait_for "[5 Figures]"
ok $? "5 focuses the figures pane"
keys 2
wait_for "[2 Reading]"
ok $? "2 focuses the reading pane"
keys 1
wait_for "[1 Outline]"
ok $? "1 focuses the outline"
has "[2 Reading]"
is $? 1 "only one pane title is bracketed"

# --- fold and unfold ------------------------------------------------------
keys Enter
wait_status "row $row of 38"
ok $? "Enter unfolds Learning culture: two more rows"
keys j
wait_status " quality-and-safety/learning-culture/key-messages "
ok $? "j selects the child Key messages"
screen | grep -B1 "^│> *Key messages  *│" | head -n 1 |
	grep -qF "▾ Learning culture"
ok $? "the child row Key messages shows under the unfolded (▾) statement"
keys h
wait_status " quality-and-safety/learning-culture "
ok $? "h on a leaf goes to its parent"
keys h
wait_status "row $row of 36"
ok $? "h folds it again"
wait_for ">  ▸ Learning culture"
ok $? "the row shows folded (▸)"
keys l
wait_status "row $row of 38"
ok $? "l unfolds too"
keys h
wait_status "row $row of 36"
ok $? "h folds again"

# --- Tab ------------------------------------------------------------------
keys Tab
wait_for "[2 Reading]"
ok $? "Tab moves the focus to [2 Reading]"
wait_for " 1 Outline "
ok $? "the outline's title is no longer bracketed"
keys BTab
wait_for "[1 Outline]"
ok $? "Shift-Tab moves the focus back to [1 Outline]"

# --- zoom from the outline ------------------------------------------------
keys z
wait_gone " 2 Reading "
ok $? "z zooms the outline: the reading pane's title is gone"
wait_for "[1 Outline]"
ok $? "the zoomed outline keeps its bracketed title"
keys z
wait_for " 2 Reading "
ok $? "z comes back from the zoom"

# --- history --------------------------------------------------------------
keys BSpace
wait_status " overview "
ok $? "Backspace goes back to the section read before (overview)"
keys ']'
wait_status " quality-and-safety/learning-culture "
ok $? "] goes forward again (learning-culture)"
keys '['
wait_status " overview "
ok $? "[ goes back too"
keys ']'
wait_status " quality-and-safety/learning-culture "
ok $? "] forward once more"
keys ']'
wait_status "Nothing to go forward to"
ok $? "] at the end of the history says so"

# --- more keys of the help: G g, > <, + -, Space, Ctrl-L ------------------
# The outline frame's width: the top line up to its first corner.
outline_w() { screen | head -n 1 | sed 's/┐.*/┐/' | tr -d '\n' | wc -m; }
outline_w_is() { [ "$(outline_w)" -eq "$1" ] 2>/dev/null; }
# The line the figures pane's frame starts on (below the reading pane).
figures_at() { screen | grep -n "5 Figures" | head -n 1 | cut -d: -f1; }
figures_below() { [ "$(figures_at)" -gt "$1" ] 2>/dev/null; }
figures_above() { [ "$(figures_at)" -lt "$1" ] 2>/dev/null; }

keys G
wait_status "row 36 of 36"
ok $? "G goes to the last row"
keys g
wait_status "row 1 of 36"
ok $? "g goes to the first row"
w0=$(outline_w)
keys '>'
wait_until outline_w_is $((w0 + 2))
ok $? "> makes the outline 2 columns wider ($w0 to $((w0 + 2)))"
keys '<' '<'
wait_until outline_w_is $((w0 - 2))
ok $? "< makes it narrower"
f0=$(figures_at)
keys '+'
wait_until figures_below "$f0"
ok $? "+ makes the reading pane taller (the figures pane starts lower)"
keys '-' '-'
wait_until figures_above "$f0"
ok $? "- makes it shorter"
keys Space
wait_for " *▸ Overview"
ok $? "Space in the outline marks the row (*)"
wait_status "Marked Overview (1 marked)"
ok $? "the status line says Marked Overview (1 marked)"
wait_status "row 2 of"
ok $? "and the selection moves down a row, as tagging does in mutt"
keys k Space
wait_status "Unmarked Overview (0 marked)"
ok $? "Space again, back on the row, unmarks it"
keys 2
wait_for "[2 Reading]"
wait_status "line 1 of"
keys Space
wait_gone " line 1 of"
ok $? "Space in the reading pane goes down a page"

# Ctrl-L: scribble on the terminal behind the browser's back, then redraw.
printf '\033[5;40HXXJUNKXX' >"$(t display -p '#{pane_tty}')"
wait_for "XXJUNKXX"
ok $? "text written to the terminal behind the browser's back shows"
keys C-l
wait_gone "XXJUNKXX"
ok $? "Ctrl-L redraws the whole screen: the scribble is gone"

# --- quit -----------------------------------------------------------------
keys q
wait_exit
ok $? "q ends the browser"
is "$status" 0 "q exits with status 0"
is "$(t display -p '#{alternate_on} #{mouse_any_flag} #{cursor_flag} #{keypad_cursor_flag}')" \
	"0 0 1 0" "after q, the terminal is restored (no alternate screen, mouse, keypad; cursor on)"
is "$(cat "$TMPDIR_TEST/stderr")" "" "nothing on standard error"

done_testing
