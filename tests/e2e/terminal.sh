#!/bin/sh
# terminal.sh: the browser and its terminal: the least size, resizing,
# colours on and off, the help screen, control characters in the data,
# terminals that cannot do, signals, and the mouse.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"

ESC=$(printf '\033')

# colours FILE: the file (capture-pane -e) sets a colour: SGR 30-38,
# 40-48, 90-97 or 100-107 (39 and 49, the default colours, are no colour).
colours() {
	grep -o "$ESC\[[0-9;]*m" "$1" | sed 's/^.\[//; s/m$//' | tr ';' '\n' |
		grep -Eqx '3[0-8]|4[0-8]|9[0-7]|10[0-7]'
}

# drawn_at COLS: the screen's top line is a whole frame of COLS columns
# (a frame cut short by a shrinking window does not end with its corner).
drawn_at() {
	l=$(screen | head -n 1)
	[ "$(printf '%s' "$l" | wc -m)" -eq "$1" ] && [ "${l%┐}" != "$l" ]
}

# running: the browser has not exited.
running() { [ ! -s "$TMPDIR_TEST/status" ]; }

# The browser's process id: the pane runs a shell, the browser its child.
browser_pid() {
	pgrep -P "$(t display -p '#{pane_pid}')" -x icsbrowse
}

modes() {
	t display -p '#{alternate_on} #{mouse_any_flag} #{cursor_flag} #{keypad_cursor_flag}'
}

# --- the least size -------------------------------------------------------
start 40x12
wait_status "row 1 of"
ok $? "40x12: the browser draws its status line"
wait_for "[1 Outline]"
ok $? "40x12: the outline's title shows, focused"
wait_for " 2 Reading "
ok $? "40x12: the reading pane's title shows"
has "Terminal too small"
is $? 1 "40x12 is not too small"
resize 39 11
wait_for "Terminal too small (39x11)"
ok $? "39x11 shows Terminal too small (39x11)"
has "Outline"
is $? 1 "39x11: no pane is drawn"
resize 39 12
wait_for "Terminal too small (39x12)"
ok $? "39x12 is too small (too narrow)"
resize 40 11
wait_for "Terminal too small (40x11)"
ok $? "40x11 is too small (too short)"
resize 30 8
wait_for "Terminal too small (30x8)"
ok $? "30x8 shows Terminal too small (30x8)"
resize 40 12
wait_for "[1 Outline]"
ok $? "back to 40x12 the panes come back"
running
ok $? "the browser is still running after being too small"
resize 30 8
wait_for "Terminal too small (30x8)"
keys q
wait_exit
ok $? "q quits even when the terminal is too small"
is "$status" 0 "and exits 0"
is "$(cat "$TMPDIR_TEST/stderr")" "" "nothing on standard error"

start 30x8
wait_for "Terminal too small (30x8)"
ok $? "started at 30x8: the line Terminal too small"
screen | grep -c "Terminal too small" | grep -qx 1
ok $? "it is one line"
resize 39 11
wait_for "Terminal too small (39x11)"
ok $? "started small, then 39x11: still too small"
resize 100 30
wait_until drawn_at 100 && wait_status "row 1 of"
ok $? "started small, then 100x30: the browser draws"
screen >"$TMPDIR_TEST/before-storm"

# --- a storm of resizes -----------------------------------------------------
for s in 20x5 200x60 57x13 150x40 39x11 40x12 199x59 21x6 100x30 33x50 \
    180x7 64x22 120x45 25x25 200x5 20x60 80x24 41x13 160x50 72x18 \
    96x33 38x12 140x28 50x55 110x16 23x9 175x42 44x30 66x11 188x57; do
	resize "${s%x*}" "${s#*x}"
done
resize 100 30
wait_until drawn_at 100 && wait_status "row 1 of"
ok $? "after 30 resizes between 20x5 and 200x60, back at 100x30 it draws"
running
ok $? "the browser survived the storm"
[ "$(screen | wc -l)" -eq 30 ] && has "[1 Outline]"
ok $? "the screen is 30 lines with the panes"

# One step down to 40x12 and back, each drawn before the next: the same
# screen as before.  (In the storm above the browser may see only the
# last size: that one is not repeatable.)
resize 40 12
wait_until drawn_at 40
ok $? "resized to 40x12: drawn at 40 columns"
resize 100 30
wait_until drawn_at 100 && wait_status "row 1 of"
ok $? "resized back to 100x30: drawn at 100 columns"
screen >"$TMPDIR_TEST/after-storm"
cmp -s "$TMPDIR_TEST/before-storm" "$TMPDIR_TEST/after-storm"
ok $? "back at 100x30 after 40x12 the screen is as it was before"
sed -n '1s/^/# before: /p' "$TMPDIR_TEST/before-storm"
sed -n '1s/^/# after:  /p' "$TMPDIR_TEST/after-storm"
press j
ok $? "it still answers: j changes the status line"
wait_status "row 2 of"
ok $? "j moved to row 2"
keys q
wait_exit
is "$status" 0 "q exits 0 after the storm"

# --- colours --------------------------------------------------------------
E2E_ENV='NO_COLOR=1'
start 100x30 --no-state
E2E_ENV=
wait_status "row 1 of"
t capture-pane -p -e >"$TMPDIR_TEST/esc"
colours "$TMPDIR_TEST/esc"
is $? 1 "NO_COLOR=1: no colour escape on the screen"
grep -qF "[1 Outline]" "$TMPDIR_TEST/esc"
ok $? "NO_COLOR=1: the focused pane's title is bracketed"
grep -q "$ESC\[[0-9;]*7[0-9;]*m" "$TMPDIR_TEST/esc"
ok $? "NO_COLOR=1: the status line is in reverse video"
keys q
wait_exit

start 100x30 --no-state --color=never
wait_status "row 1 of"
t capture-pane -p -e >"$TMPDIR_TEST/esc"
colours "$TMPDIR_TEST/esc"
is $? 1 "--color=never: no colour escape on the screen"
grep -qF "[1 Outline]" "$TMPDIR_TEST/esc"
ok $? "--color=never: the focused pane's title is bracketed"
keys q
wait_exit

start 100x30 --no-state --color=always
wait_status "row 1 of"
t capture-pane -p -e >"$TMPDIR_TEST/esc"
colours "$TMPDIR_TEST/esc"
ok $? "--color=always: colours on the screen"
grep -qF "[1 Outline]" "$TMPDIR_TEST/esc"
ok $? "--color=always: the focused pane's title is bracketed too"
sed -n 1p "$TMPDIR_TEST/esc" >"$TMPDIR_TEST/esc1"
colours "$TMPDIR_TEST/esc1"
ok $? "--color=always: the pane frames and titles are coloured"
keys q
wait_exit

# The terminal's palette is the user's (a theme may have set it): the
# browser never resets it (orig_colors, OSC 104 in xterm's terminfo), in
# colour.  The pane's output is read raw from the first byte: the browser
# waits for the file go, made once the pipe is on.
raw_start() {
	rm -f "$TMPDIR_TEST/go" "$TMPDIR_TEST/raw"
	E2E_ENV="TERM=xterm-256color sh -c 'until [ -e $TMPDIR_TEST/go ]; do sleep 0.02; done; exec \"\$0\" \"\$@\"'"
	start "$@"
	E2E_ENV=
	t pipe-pane -O "cat >'$TMPDIR_TEST/raw'"
	: >"$TMPDIR_TEST/go"
}
raw_start 100x30 --no-state --color=always
wait_status "row 1 of"
ok $? "the palette: the browser starts, in colour, as xterm-256color"
keys q
wait_exit
is "$status" 0 "the palette: q exits 0"
# The pipe may lag the exit: up to 10 seconds for the alternate screen's end.
n=200
until grep -qF "$ESC[?1049l" "$TMPDIR_TEST/raw" 2>/dev/null || [ "$n" -eq 0 ]; do
	n=$((n - 1))
	sleep 0.05
done
grep -qF "$ESC[?1049l" "$TMPDIR_TEST/raw"
ok $? "the palette: the raw output holds the alternate screen's end"
grep -qF "row 1 of" "$TMPDIR_TEST/raw"
ok $? "the palette: ... and the status line"
grep -qF "$ESC]104" "$TMPDIR_TEST/raw"
is $? 1 "the palette: never reset (no OSC 104)"

# --- help -----------------------------------------------------------------
# The key names of keymap.c's table: the last string of each entry.
sed -n '/keymap\[\] = {/,/^};/p' "$top_srcdir/src/ui/keymap.c" |
	sed -n 's/.*"\(.*\)"[[:space:]]*},[[:space:]]*$/\1/p' |
	sort -u >"$TMPDIR_TEST/names"
nnames=$(wc -l <"$TMPDIR_TEST/names" | tr -d ' ')
[ "$nnames" -ge 30 ]
ok $? "keymap.c's table names $nnames keys"

# help_keys: the key column of the help on the screen, one name a line:
# the 26 columns before a description (a lower-case word at column 28),
# without the qualifiers such as " (outline)" or " (main screen, marks)".
help_keys() {
	screen | sed -n 's/^│ │\(.\{26\}\) [a-z].*/\1/p' |
		sed 's/ ([^)]*)//g; s/ *$//' |
		awk -F', ' '{ for (i = 1; i <= NF; i++) print $i }' | grep -v '^$'
}

# collect_help: page through the help with PgDn to its end, keeping the
# key names seen on the way in $TMPDIR_TEST/seen.
collect_help() {
	help_keys >"$TMPDIR_TEST/seen"
	i=0
	while [ "$i" -lt 20 ] && ! has "closes this help" && ! exited; do
		prev=$(screen)
		keys NPage
		i=$((i + 1))
		n=100
		while [ "$n" -gt 0 ] && [ "$(screen)" = "$prev" ]; do
			n=$((n - 1))
			sleep 0.05
		done
		help_keys >>"$TMPDIR_TEST/seen"
	done
	has "closes this help"
}

start 100x50 --no-state
wait_status "row 1 of"
keys '?'
wait_for "[Help: "
ok $? "? opens the help"
wait_for "│ │Keys in the outline"
ok $? "the help starts with its Keys heading, for the view it was asked in"
# (the help is per view since issue 13: Tab shows the keys of every view)
keys Tab
wait_for "│ │Keys in every view"
collect_help
ok $? "the help ends with how to close it"
sort -u "$TMPDIR_TEST/seen" >"$TMPDIR_TEST/shown"
missing=$(comm -23 "$TMPDIR_TEST/names" "$TMPDIR_TEST/shown" | tr '\n' ' ')
is "$missing" "" "the help lists every key name of keymap.c ($nnames)"
extra=$(comm -13 "$TMPDIR_TEST/names" "$TMPDIR_TEST/shown" | tr '\n' ' ')
is "$extra" "" "the help lists no key that keymap.c does not have"
has "the wheel scrolls the pane"
ok $? "the help tells of the mouse"
keys Escape
wait_gone "[Help: "
ok $? "Esc closes the help"
keys F1
wait_for "[Help: "
ok $? "F1 opens the help too"
keys q
wait_gone "[Help: "
ok $? "q closes the help (and does not quit)"
running
ok $? "the browser is still running after q in the help"
keys q
wait_exit

# A small window: the help scrolls, and all of it is seen on the way.
start 100x20 --no-state
wait_status "row 1 of"
keys '?'
wait_for "[Help: "
has "closes this help"
is $? 1 "at 100x20 the help does not fit"
wait_for "[Help: Top]"
ok $? "its title says where it is: Top"
keys Tab
wait_for "│ │Keys in every view"
collect_help
ok $? "PgDn scrolls the help to its end"
sort -u "$TMPDIR_TEST/seen" >"$TMPDIR_TEST/shown"
missing=$(comm -23 "$TMPDIR_TEST/names" "$TMPDIR_TEST/shown" | tr '\n' ' ')
is "$missing" "" "scrolling the help shows every key name"
keys g
wait_for "│ │Keys "
ok $? "g goes back to the top of the help"
keys j
wait_gone "│ │Keys "
ok $? "j scrolls the help a line"
keys Escape
wait_gone "[Help: "
ok $? "Esc closes the help"
keys q
wait_exit

# --- control characters in the data ---------------------------------------
"$BIN" export "$TMPDIR_TEST/csv" >/dev/null 2>&1
ok $? "export the dataset to CSV"
sed "2s/,Overview,/,Over${ESC}[31mview,/" "$TMPDIR_TEST/csv/nodes.csv" \
	>"$TMPDIR_TEST/nodes.csv" &&
	mv "$TMPDIR_TEST/nodes.csv" "$TMPDIR_TEST/csv/nodes.csv"
grep -q "Over${ESC}\[31mview" "$TMPDIR_TEST/csv/nodes.csv"
ok $? "the Overview title now holds an ESC and a CSI sequence"
"$BIN" import "$TMPDIR_TEST/csv" --output "$TMPDIR_TEST/esc.db" >/dev/null
ok $? "import it into a database"
start 100x30 --no-state --db "$TMPDIR_TEST/esc.db"
wait_status "row 1 of"
wait_for "Over^[[31mview"
ok $? "the outline shows the ESC as ^["
t capture-pane -p -e >"$TMPDIR_TEST/esc"
grep -F "Over" "$TMPDIR_TEST/esc" | head -n 1 >"$TMPDIR_TEST/row"
grep -q "Over$ESC" "$TMPDIR_TEST/row"
is $? 1 "the row sends no ESC right after Over"
grep -q "$ESC\[31m" "$TMPDIR_TEST/esc"
is $? 1 "the screen has no red (the CSI was not obeyed)"
keys q
wait_exit
is "$status" 0 "q exits 0 with that data"

# --- terminals the browser cannot use ---------------------------------------
E2E_TERM=dumb
start 80x24
E2E_TERM=
wait_exit
is "$status" 1 "TERM=dumb: exit status 1"
is "$(wc -l <"$TMPDIR_TEST/stderr" | tr -d ' ')" 1 "TERM=dumb: one line on standard error"
grep -q "terminal" "$TMPDIR_TEST/stderr"
ok $? "TERM=dumb: the line is about the terminal"
sed 's/^/# /' "$TMPDIR_TEST/stderr"
is "$(t display -p '#{alternate_on}')" 0 "TERM=dumb: no alternate screen left on"
is "$(screen | tr -d ' \n')" "" "TERM=dumb: nothing written on the terminal"

E2E_TERM=no-such-terminal
start 80x24
E2E_TERM=
wait_exit
is "$status" 1 "an unknown TERM: exit status 1"
grep -q "unknown terminal type" "$TMPDIR_TEST/stderr"
ok $? "an unknown TERM: says so"

run "$BIN" </dev/null
is "$rc" 1 "no terminal (stdin /dev/null, stdout a file): exit 1"
case $err in *"the browser needs a terminal"*) r=0 ;; *) r=1 ;; esac
ok $r "no terminal: the browser needs a terminal, on standard error"
is "$out" "" "no terminal: nothing on standard output"

# --- signals --------------------------------------------------------------
for sig in TERM HUP; do
	start 100x30 --no-state
	wait_status "row 1 of"
	is "$(modes)" "1 1 1 1" "SIG$sig: before, the alternate screen, mouse and keypad are on"
	pid=$(browser_pid)
	[ -n "$pid" ] && kill -s "$sig" "$pid"
	ok $? "SIG$sig sent to the browser ($pid)"
	wait_exit
	ok $? "SIG$sig: the browser exits"
	is "$(modes)" "0 0 1 0" "SIG$sig: the terminal is restored"
	is "$(cat "$TMPDIR_TEST/stderr")" "" "SIG$sig: nothing on standard error"
done

# --- the mouse --------------------------------------------------------------
# tmux's send-keys -M needs a real client's mouse event.  Instead, the
# report a terminal would send is typed into the pane as keys, in the form
# the terminal's terminfo kmous asks for: xterm's SGR reports
# (ESC [ < b ; x ; y M, with m for a release) or the older X10 ones
# (ESC [ M then b, x, y, each plus 32).  Both are tried.
# mouse_report B X Y [m]: the report for button code B at column X, line Y
# (1-based); m makes an SGR release.
mouse_report() {
	if [ "$mouse_kind" = sgr ]; then
		printf '\033[<%d;%d;%d%s' "$1" "$2" "$3" "${4:-M}"
	else
		[ "${4:-M}" = m ] && set -- 3 "$2" "$3"
		# the format holds the three octal escapes: \ddd
		printf "\\033[M\\$(printf %o $(($1 + 32)))\\$(printf %o \
		    $(($2 + 32)))\\$(printf %o $(($3 + 32)))"
	fi
}
click() {
	keys -l "$(mouse_report 0 "$1" "$2")"
	keys -l "$(mouse_report 0 "$1" "$2" m)"
}
wheel() { keys -l "$(mouse_report "$1" "$2" "$3")"; }

mouse_checks() {
	term=$1
	case $(tput -T "$term" kmous 2>/dev/null | od -An -c | tr -d ' \n') in
	'033[<')	mouse_kind=sgr ;;
	'033[M')	mouse_kind=x10 ;;
	*)
		tap_n=$((tap_n + 1))
		echo "ok $tap_n - # SKIP mouse with TERM=$term: its terminfo has no kmous this test knows"
		return
		;;
	esac
	E2E_TERM=$term
	start 100x30 --no-state
	E2E_TERM=
	wait_status "row 1 of 36"
	is "$(t display -p '#{mouse_any_flag}')" 1 "$term: the browser asks for the mouse"
	y=$(screen | grep -n "▾ Integration" | head -n 1 | cut -d: -f1)
	[ -n "$y" ]
	ok $? "$term: the Integration row is on line $y"
	click 10 "$y"
	wait_status " integration "
	ok $? "$term ($mouse_kind): a click on the Integration row selects it"
	wait_status "row $((y - 1)) of 36"
	ok $? "$term: the click selected row $((y - 1))"
	click 10 "$y"
	wait_status "row $((y - 1)) of 29"
	ok $? "$term: a second click on it folds it"
	wait_for "> ▸ Integration"
	ok $? "$term: the row shows folded"
	click 10 "$y"
	wait_status "row $((y - 1)) of 36"
	ok $? "$term: a third click unfolds it"
	wheel 65 10 5
	wait_status "row $((y + 2)) of 36"
	ok $? "$term: the wheel down over the outline moves 3 rows down"
	wheel 64 10 5
	wait_status "row $((y - 1)) of 36"
	ok $? "$term: the wheel up moves 3 rows back"
	keys g
	wait_status " overview "
	click 50 5
	wait_for "[2 Reading]"
	ok $? "$term: a click in the reading pane focuses it"
	wait_status "line 1 of"
	wheel 65 50 5
	wait_status "line 4 of"
	ok $? "$term: the wheel down over the reading pane scrolls it 3 lines"
	wheel 64 50 5
	wait_status "line 1 of"
	ok $? "$term: the wheel up scrolls it back"
	# The figures pane: a click on its third figure's first line.
	fy=$(screen | grep -n '£20 million, Deficit' | head -n 1 | cut -d: -f1)
	[ -n "$fy" ] && click 60 "$fy"
	wait_status "figure 3 of 20"
	ok $? "$term: a click on a figure focuses the figures pane and selects it"
	screen | grep -q '> NHS Dorset ICB: £20 million, Deficit'
	ok $? "$term: the figure clicked is marked as chosen"
	fy=$(screen | grep -n '2023/24 financial year)' | head -n 1 | cut -d: -f1)
	[ -n "$fy" ] && click 60 "$((fy + 1))"
	wait_status "figure 4 of 20"
	ok $? "$term: a click on the next figure's line selects that one"
	keys q
	wait_exit
	is "$status" 0 "$term: q exits 0"
	is "$(t display -p '#{mouse_any_flag}')" 0 "$term: the mouse is given back"
}
mouse_checks xterm-256color
mouse_checks screen

# --no-mouse leaves the mouse to the terminal.
start 100x30 --no-state --no-mouse
wait_status "row 1 of"
is "$(t display -p '#{mouse_any_flag}')" 0 "--no-mouse: the browser does not ask for the mouse"
keys q
wait_exit

# --- TERM empty, and a window of one cell -----------------------------------
E2E_ENV='TERM='
start 80x24
E2E_ENV=
wait_exit
is "$status" 1 "TERM empty (as good as unset): exit status 1"
is "$(cat "$TMPDIR_TEST/stderr")" \
    "icsbrowse: TERM is not set: the browser needs to know the terminal's type" \
    "TERM empty: one line that says so"
start 80x24
wait_for "[1 Outline]"
resize 1 1
wait_until running
sleep_ok=$?
resize 80 24
wait_for "[1 Outline]"
ok $? "a 1x1 window: no crash, and the panes come back at 80x24"
ok $sleep_ok "a 1x1 window: the browser keeps running"
keys q
wait_exit
is "$status" 0 "after a 1x1 window, q exits 0"

done_testing
