#!/bin/sh
# statefaults.sh: the browser where its state cannot be kept, and two
# browsers on one state.
#
# A file where the state's folder should be, a folder not there yet, a
# read-only file system and a full one (tiny tmpfs mounts, when this
# machine lets us mount them): each time the browser starts, says once on
# the status line why it cannot keep its state, and works (a mark is
# made, the marks list opens, q quits with status 0).  Two browsers on one
# state each mark a section, and one reorders its marks: both marks are
# kept, and no "database is locked" is shown.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/e2e/lib.sh"

[ -r "$DB" ] || skip_all "no built database $DB (run make)"

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # SKIP $1"
}

# works NAME: the browser answers keys and quits cleanly.
works() {
	keys j m
	wait_status "Marked"
	ok $? "$1: a mark is made"
	keys M
	wait_for "Marks:"
	ok $? "$1: the marks list opens"
	keys Escape q
	wait_exit 10
	is "$status" 0 "$1: q quits with status 0"
}

# with_state DIR NAME WANT: start on state DIR; the status line says WANT.
with_state() {
	STATE_HOME=$1
	start 160x24 --db "$DB"
	wait_status "$3"
	ok $? "$2: the status line says '$3'"
}

# --- a file where the folder should be -----------------------------------
mkdir -p "$TMPDIR_TEST/file"
: >"$TMPDIR_TEST/file/icsbrowse"
with_state "$TMPDIR_TEST/file" "file for folder" "icsbrowse: not a folder"
works "file for folder"

# --- a folder not there yet: made, and the state kept --------------------
with_state "$TMPDIR_TEST/not/yet/there" "missing folder" "row 1 of"
works "missing folder"
[ -s "$TMPDIR_TEST/not/yet/there/icsbrowse/state.db" ]
ok $? "missing folder: the folders and the state file are made"

# --- a read-only and a full file system ------------------------------------
MNT=$TMPDIR_TEST/mnt
mkdir -p "$MNT"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=1m tmpfs "$MNT" 2>/dev/null; then
	trap '"$TMUX_BIN" -L "$SOCK" kill-server 2>/dev/null
		umount "$MNT" 2>/dev/null; rm -rf "$TMPDIR_TEST"' EXIT
	with_state "$MNT" "read-only" "row 1 of"
	keys m
	wait_status "Marked"
	keys q
	wait_exit 10
	mount -o remount,ro "$MNT"
	sum=$(cksum "$MNT/icsbrowse/state.db")
	with_state "$MNT" "read-only" "can only be read (Read-only file system)"
	keys M
	wait_for "1. Overview"
	ok $? "read-only: the marks made before are shown"
	keys Escape
	works "read-only"
	is "$(cksum "$MNT/icsbrowse/state.db")" "$sum" "read-only: the file is as it was"
	umount "$MNT"

	mount -t tmpfs -o size=64k tmpfs "$MNT"
	dd if=/dev/zero of="$MNT/fill" bs=1k count=128 2>/dev/null
	with_state "$MNT" "full" "No space left on device"
	works "full"
	umount "$MNT"
else
	skip "read-only and full file systems: cannot mount a tmpfs here"
	skip "read-only and full file systems: cannot mount a tmpfs here"
fi

# --- two browsers on one state -------------------------------------------
STATE_HOME=$TMPDIR_TEST/two
start 100x30 --db "$DB"
wait_status "row 1 of"
# The second browser, in a second window of the same tmux server.
sess=$(t list-sessions -F '#{session_name}' | head -n 1)
t new-window -d -t "$sess:9" \
    "env TERM=screen LC_ALL=C.UTF-8 XDG_STATE_HOME='$STATE_HOME' '$BIN' --db '$DB'; echo \$? >'$TMPDIR_TEST/status2'; sleep 60"
second() { t send-keys -t "$sess:9" "$@"; }
screen2() { t capture-pane -p -t "$sess:9"; }
n=100
until screen2 | grep -q "row 1 of" || [ $n -le 0 ]; do n=$((n - 1)); sleep 0.1; done
keys j m
wait_status "Marked"
second j j m
n=100
until screen2 | grep -q "Marked" || [ $n -le 0 ]; do n=$((n - 1)); sleep 0.1; done
# The first browser reorders its own marks (it never saw the second's).
keys j j m M
wait_for "2. Summary of strengths"
keys j K
wait_for "1. Summary of strengths"
ok $? "two browsers: the first moves its second mark up"
keys Escape q
wait_exit 10
is "$status" 0 "two browsers: the first quits with status 0"
second q
n=100
until [ -s "$TMPDIR_TEST/status2" ] || [ $n -le 0 ]; do n=$((n - 1)); sleep 0.1; done
is "$(cat "$TMPDIR_TEST/status2" 2>/dev/null)" 0 "two browsers: the second quits with status 0"
grep -l "locked" "$TMPDIR_TEST/stderr" >/dev/null 2>&1
is $? 1 "two browsers: no 'database is locked'"
if command -v sqlite3 >/dev/null 2>&1; then
	is "$(sqlite3 "$STATE_HOME/icsbrowse/state.db" 'SELECT path FROM marks ORDER BY seq')" \
	    "leadership/summary-of-strengths
leadership
leadership/direction-of-travel" \
	    "two browsers: the marks of both are kept, the first's in its order"
else
	skip "no sqlite3 to read the state"
fi

done_testing
