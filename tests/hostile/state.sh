#!/bin/sh
# state.sh: the browser's state database killed while marks are written.
#
# tests/hostile/state_writer marks a/1, a/2, ... for a dataset, one
# transaction each (state_mark(), as the browser does), printing the count
# after each commit.  It is killed with SIGKILL after a delay drawn from a
# fixed seed, 20 times, each time for another dataset in the same state
# file.  Reopened, the state must hold every mark reported committed, in
# order, with no hole: a/1 .. a/M, M the count reported or one more (a
# commit the kill came between it and its report).  The file must never
# be found damaged and set aside.
. "${top_srcdir:-.}/tests/lib.sh"

W=$top_builddir/tests/hostile/state_writer
[ -x "$W" ] || skip_all "no $W: build it (make check builds it)"
ROUNDS=${STATE_ROUNDS:-20}

XDG_STATE_HOME=$TMPDIR_TEST/state
export XDG_STATE_HOME
S=$XDG_STATE_HOME/icsbrowse/state.db

# A first run makes the file; it must then hold its 5 marks.
run "$W" write first 5
is "$rc:$err:$(printf '%s\n' "$out" | tail -1)" "0::5" "the writer commits 5 marks"
run "$W" list first
is "$rc:$err:$(printf '%s\n' "$out" | tr '\n' ' ')" "0::a/1 a/2 a/3 a/4 a/5 " "and they read back in order"

awk -v n="$ROUNDS" 'BEGIN {
	srand(1229149012)
	for (i = 0; i < n; i++) printf "%.3f\n", 0.02 + rand() * 0.4
}' >"$TMPDIR_TEST/delays"

round=0 written=0
while read -r delay; do
	round=$((round + 1))
	"$W" write "k$round" >"$TMPDIR_TEST/w.out" 2>"$TMPDIR_TEST/w.err" &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	# The last complete line is the last count reported.
	reported=$(grep -E '^[0-9]+$' "$TMPDIR_TEST/w.out" | tail -1)
	reported=${reported:-0}
	[ "$reported" -gt 0 ] && written=$((written + 1))
	run "$W" list "k$round"
	n=$(printf '%s\n' "$out" | grep -c .)
	why=
	[ "$rc:$err" = "0:" ] || why="list: $rc: $err"
	[ -s "$TMPDIR_TEST/w.err" ] && why="$why; writer: $(cat "$TMPDIR_TEST/w.err")"
	# a/1 .. a/n exactly, in order.
	printf '%s\n' "$out" | awk 'NF && $0 != "a/" NR { bad = 1 } END { exit bad }' ||
	    why="$why; not a/1 .. a/$n in order"
	if [ "$n" -lt "$reported" ] || [ "$n" -gt $((reported + 1)) ]; then
		why="$why; $n marks but $reported reported committed"
	fi
	is "$why" "" "kill $round after ${delay} s: $reported reported, $n marks, in order, none lost"
done <"$TMPDIR_TEST/delays"

test "$written" -ge $((ROUNDS / 4))
ok $? "kills came while marks were being written ($written of $ROUNDS)"
test ! -e "$S.damaged"
ok $? "the state file was never found damaged and set aside"
run "$W" list first
is "$rc:$err:$(printf '%s\n' "$out" | tr '\n' ' ')" "0::a/1 a/2 a/3 a/4 a/5 " \
    "the first dataset's marks are untouched by the kills"
if command -v sqlite3 >/dev/null 2>&1; then
	is "$(sqlite3 "$S" 'PRAGMA integrity_check')" ok "the state file passes integrity_check"
else
	tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP no sqlite3 command"
fi

done_testing
