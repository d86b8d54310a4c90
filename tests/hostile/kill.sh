#!/bin/sh
# kill.sh: an import killed with SIGKILL at 50 points leaves its target
# either as it was or complete, never half written.
#
# The target starts as a small valid database (the minimal dataset of
# tests/malformed/base).  Each round starts `icsbrowse import assets
# --output TARGET`, kills it with SIGKILL after a delay drawn from a fixed
# seed (spread over 1.3 times the import's measured duration), and checks
# TARGET: byte for byte the old database, or a complete new one (tree
# reads it, export gives back assets/).  Killed imports may leave
# TARGET.tmp-* files; the next import must succeed and sweep them away.
# KILL_ROUNDS changes the number of rounds.
. "${top_srcdir:-.}/tests/lib.sh"

[ -r "$DB" ] || skip_all "no built database $DB (run make)"
ASSETS=$top_srcdir/assets
BASE=$top_srcdir/tests/malformed/base
[ -d "$BASE" ] || skip_all "no minimal dataset $BASE"
ROUNDS=${KILL_ROUNDS:-50}

K=$TMPDIR_TEST/k
mkdir "$K"
T=$K/target.db
run "$BIN" import "$BASE" --output "$TMPDIR_TEST/old.db"
is "$rc:$err" "0:" "the old database is made"
sum_old=$(cksum <"$TMPDIR_TEST/old.db")
"$BIN" export "$TMPDIR_TEST/assets-export" || exit 1

# The import's usual duration, in seconds: the median of three runs.
for i in 1 2 3; do
	t0=$(date +%s.%N)
	"$BIN" import --force "$ASSETS" --output "$TMPDIR_TEST/timing.db"
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
done >"$TMPDIR_TEST/times"
dur=$(sort -n "$TMPDIR_TEST/times" | sed -n 2p)
case $dur in
*N*|'') dur=0.4 ;;	# no %N in date: a guess
esac
echo "# the import takes about ${dur} s; kills spread over 0 to 1.3 times that"

# has_tmp: a killed import's temporary database is in $K (builtins only).
has_tmp() {
	for f in "$K"/target.db.tmp-*; do
		[ -e "$f" ] && return 0
	done
	return 1
}

# db_complete FILE: a complete new database: it reads, and exports assets/.
db_complete() {
	rm -rf "$TMPDIR_TEST/check"
	"$BIN" --db "$1" tree >/dev/null 2>&1 &&
	    "$BIN" --db "$1" export "$TMPDIR_TEST/check" >/dev/null 2>&1 &&
	    diff -r "$TMPDIR_TEST/assets-export" "$TMPDIR_TEST/check" >/dev/null 2>&1
}

awk -v n="$ROUNDS" -v d="$dur" 'BEGIN {
	srand(20240925)
	for (i = 0; i < n; i++) printf "%.3f\n", rand() * d * 1.3
}' >"$TMPDIR_TEST/delays"

old_kept=0 new_made=0 round=0 strayed=0
while read -r delay; do
	round=$((round + 1))
	cp "$TMPDIR_TEST/old.db" "$T"
	"$BIN" import --force "$ASSETS" --output "$T" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ "$(cksum <"$T")" = "$sum_old" ]; then
		old_kept=$((old_kept + 1))
		ok 0 "kill $round after ${delay} s: the target is the old database"
	elif db_complete "$T"; then
		new_made=$((new_made + 1))
		ok 0 "kill $round after ${delay} s: the target is a complete new database"
	else
		ok 1 "kill $round after ${delay} s: the target is the old or a complete new database"
		ls -l "$K" | sed 's/^/# /'
		cp "$T" "$TMPDIR_TEST/bad-$round.db"
	fi
	has_tmp && strayed=$((strayed + 1))
done <"$TMPDIR_TEST/delays"
echo "# $old_kept rounds left the old database, $new_made a new one; $strayed left temporary files"
test "$strayed" -gt 0
ok $? "some kills left temporary files (for the next import to sweep)"

# Only the target and the killed imports' temporary files are there.
other=$(ls -A "$K" | grep -v -e '^target\.db$' -e '^target\.db\.tmp-' || true)
is "$other" "" "the kills left nothing but the target and target.db.tmp-* files"

# Leave the stray of a last kill in place: kill an import as soon as its
# temporary database appears.  The shell looks for it without a pause,
# with builtins only: the import fills it for a few milliseconds, which a
# poll with a sleep between looks could miss every time (it did, on a
# quiet machine).  An import may still end before the kill lands: then
# try again, a few times.
tries=0
while [ $tries -lt 10 ] && ! has_tmp; do
	"$BIN" import --force "$ASSETS" --output "$T" >/dev/null 2>&1 &
	pid=$!
	while kill -0 "$pid" 2>/dev/null && ! has_tmp; do
		:
	done
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	tries=$((tries + 1))
done
echo "# the last kill: $tries tries"
has_tmp
ok $? "a kill while the temporary database is filled leaves it (for the next import to sweep)"

# The next import succeeds whatever the kills left, and sweeps it away.
run "$BIN" import --force "$ASSETS" --output "$T"
is "$rc:$err" "0:" "an import after the kills succeeds"
db_complete "$T"
ok $? "it leaves a complete database"
is "$(ls -A "$K")" "target.db" "it swept every target.db.tmp-* file away"

# Strays of every kind at once: an empty file, a half database, a journal.
: >"$T.tmp-AAAAAA"
head -c 8192 "$DB" >"$T.tmp-BBBBBB"
head -c 512 "$DB" >"$T.tmp-CCCCCC-journal"
run "$BIN" import --force "$ASSETS" --output "$T"
is "$rc:$err" "0:" "an import beside made-up strays succeeds"
is "$(ls -A "$K")" "target.db" "and sweeps them"

# A stray that is a directory, or a file of another name, is not touched.
mkdir "$T.tmp-DDDDDD"
: >"$K/other.tmp-EEEEEE"
run "$BIN" import --force "$ASSETS" --output "$T"
is "$rc:$err" "0:" "an import beside a directory named like a stray succeeds"
is "$(ls -A "$K" | sort | tr '\n' ' ')" "other.tmp-EEEEEE target.db target.db.tmp-DDDDDD " \
    "and leaves the directory and other files alone"
rmdir "$T.tmp-DDDDDD"
rm -f "$K/other.tmp-EEEEEE"

# Imports at once: a live import's file is locked, so none sweeps
# another's; all succeed and the target is complete.  Ten pairs, started
# together.
pairs_failed=0
cp "$TMPDIR_TEST/old.db" "$T"
: >"$TMPDIR_TEST/errs"
for i in 1 2 3 4 5 6 7 8 9 10; do
	"$BIN" import --force "$ASSETS" --output "$T" 2>>"$TMPDIR_TEST/errs" &
	p1=$!
	"$BIN" import --force "$ASSETS" --output "$T" 2>>"$TMPDIR_TEST/errs" &
	p2=$!
	wait "$p1" || pairs_failed=$((pairs_failed + 1))
	wait "$p2" || pairs_failed=$((pairs_failed + 1))
done
is "$pairs_failed" 0 "ten pairs of simultaneous imports: all 20 succeed"
sed -n '1,3s/^/# /p' "$TMPDIR_TEST/errs"
if [ "$(cksum <"$T")" = "$sum_old" ] || db_complete "$T"; then r=0; else r=1; fi
ok $r "simultaneous imports: the target is the old or a complete new database"
run "$BIN" import --force "$ASSETS" --output "$T"
is "$rc:$err:$(ls -A "$K")" "0::target.db" "simultaneous imports: the next import succeeds and leaves no temporary file"

done_testing
