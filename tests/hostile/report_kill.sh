#!/bin/sh
# report_kill.sh: an import of a report (not a CSV folder) killed with
# SIGKILL at many points leaves its target as it was -- absent, or the old
# database byte for byte -- or complete: never half written (issue 14).
#
# The report is the MADE UP local authority report of tests/reports/
# made longer by tests/reports/longer.sh (its sections 250 times: about 1 MB, so that an
# import lasts long enough to be killed part way).  Odd rounds import to
# a target that does not exist, even rounds over an old database; each is
# killed after a delay drawn from a fixed seed over 1.3 times the
# import's measured duration.  A complete target has the tree, the scores
# and the number of blocks of an import that was not killed.  KILL_ROUNDS
# changes the number of rounds.
. "${top_srcdir:-.}/tests/lib.sh"

ROUNDS=${KILL_ROUNDS:-40}
K=$TMPDIR_TEST/k
mkdir "$K"
T=$K/target.db
REPORT=$TMPDIR_TEST/long.txt
sh "$top_srcdir/tests/reports/longer.sh" \
    "$top_srcdir/tests/reports/made-up-la-2024.txt" 250 >"$REPORT"
run "$BIN" import "$top_srcdir/tests/reports/made-up-la-2025-summary.txt" \
    --output "$TMPDIR_TEST/old.db"
is "$rc" 0 "the old database is made (another made-up report)"
sum_old=$(cksum <"$TMPDIR_TEST/old.db")

# what DB: the tree, the scores and the count of blocks, or nothing.
what() {
	"$BIN" --db "$1" tree 2>&1 && "$BIN" --db "$1" scores 2>&1 &&
	    "$BIN" --db "$1" query "SELECT count(*) FROM blocks" 2>&1
}
run "$BIN" import "$REPORT" --output "$TMPDIR_TEST/ref.db"
is "$rc" 0 "the long report imports when not killed"
what "$TMPDIR_TEST/ref.db" >"$TMPDIR_TEST/ref.what"
blocks=$(tail -n 1 "$TMPDIR_TEST/ref.what")
echo "# the long report: $(wc -c <"$REPORT") bytes, $blocks blocks"

for i in 1 2 3; do
	t0=$(date +%s.%N)
	"$BIN" import --force "$REPORT" --output "$TMPDIR_TEST/timing.db" \
	    2>/dev/null
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
done >"$TMPDIR_TEST/times"
dur=$(sort -n "$TMPDIR_TEST/times" | sed -n 2p)
case $dur in *N*|'') dur=1 ;; esac
echo "# the import takes about ${dur} s; kills spread over 0 to 1.3 times that"
awk -v n="$ROUNDS" -v d="$dur" 'BEGIN {
	srand(20241019)
	for (i = 0; i < n; i++) printf "%.3f\n", rand() * d * 1.3
}' >"$TMPDIR_TEST/delays"

round=0 absent=0 kept=0 made=0 strayed=0
while read -r delay; do
	round=$((round + 1))
	rm -f "$T"
	[ $((round % 2)) -eq 0 ] && cp "$TMPDIR_TEST/old.db" "$T"
	"$BIN" import --force "$REPORT" --output "$T" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ $((round % 2)) -eq 1 ] && [ ! -e "$T" ]; then
		absent=$((absent + 1))
		ok 0 "kill $round after ${delay} s: the target is still absent"
	elif [ $((round % 2)) -eq 0 ] && [ "$(cksum <"$T")" = "$sum_old" ]; then
		kept=$((kept + 1))
		ok 0 "kill $round after ${delay} s: the target is the old database"
	elif what "$T" | cmp -s - "$TMPDIR_TEST/ref.what"; then
		made=$((made + 1))
		ok 0 "kill $round after ${delay} s: the target is complete"
	else
		ok 1 "kill $round after ${delay} s: the target as it was, or complete"
		ls -l "$K" | sed 's/^/# /'
	fi
	ls -A "$K" | grep -q '^target\.db\.tmp-' && strayed=$((strayed + 1))
done <"$TMPDIR_TEST/delays"
echo "# $absent rounds left no target, $kept the old one, $made a complete one; $strayed left temporary files"
test $((absent + kept)) -gt 0 && test "$made" -gt 0
ok $? "kills landed both before and after the rename"

other=$(ls -A "$K" | grep -v -e '^target\.db$' -e '^target\.db\.tmp-' || true)
is "$other" "" "the kills left nothing but the target and target.db.tmp-* files"
run "$BIN" import --force "$REPORT" --output "$T"
is "$rc" 0 "an import after the kills succeeds"
what "$T" | cmp -s - "$TMPDIR_TEST/ref.what"
ok $? "and leaves the complete database"
is "$(ls -A "$K")" "target.db" "it swept every target.db.tmp-* file away"

done_testing
