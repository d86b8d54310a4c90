#!/bin/sh
# library_kill.sh: an add killed with SIGKILL at 50 points leaves the
# library as it was, or with the new assessment complete; never half.
#
# The library holds two made-up council assessments (tests/library_data.sh:
# MADE UP, no such councils).  Odd rounds add a third under a new name,
# even rounds --replace one of the two; each is killed after a delay drawn
# from a fixed seed over 1.3 times an add's measured duration.  Then the
# listing must be the old one or the old one with the new member, every
# member byte for byte as it was or complete, and the only other files
# hidden temporary ones, which the next add sweeps.  KILL_ROUNDS changes
# the number of rounds.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/library_data.sh"

[ -r "$DB" ] || skip_all "no built database $DB (run make)"
ROUNDS=${KILL_ROUNDS:-50}
export XDG_DATA_HOME="$TMPDIR_TEST/data"
unset ICSBROWSE_REPORT
LIB=$XDG_DATA_HOME/icsbrowse/library
made_up_la "$TMPDIR_TEST/la1" "Made-up Borough Council" "18 October 2024" \
    Good 78 3 3 3 3 3 3 3 3 4
made_up_la "$TMPDIR_TEST/la2" "Pretend County Council" "3 March 2025" \
    "Requires improvement" 56 2 3 2 0 2 2 3 2 2
made_up_la "$TMPDIR_TEST/new" "Made-up Borough Council" "18 October 2024" \
    Good 81 3 3 3 3 3 3 4 3 4
"$BIN" add "$TMPDIR_TEST/la1" >/dev/null && "$BIN" add "$TMPDIR_TEST/la2" >/dev/null ||
    exit 1
cp "$LIB/made-up-2024.db" "$TMPDIR_TEST/old1.db"
sum1=$(cksum <"$LIB/made-up-2024.db")
sum2=$(cksum <"$LIB/pretend-2025.db")
list_old=$("$BIN" list)
"$BIN" add --name probe "$TMPDIR_TEST/new" >/dev/null || exit 1
"$BIN" --report probe scores probe >"$TMPDIR_TEST/scores-new"
"$BIN" remove probe || exit 1

# An add's usual duration, in seconds: the median of three.
for i in 1 2 3; do
	t0=$(date +%s.%N)
	"$BIN" add --name timing "$TMPDIR_TEST/new" >/dev/null
	t1=$(date +%s.%N)
	"$BIN" remove timing
	awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
done >"$TMPDIR_TEST/times"
dur=$(sort -n "$TMPDIR_TEST/times" | sed -n 2p)
case $dur in *N*|'') dur=0.1 ;; esac
echo "# an add takes about ${dur} s; kills spread over 0 to 1.3 times that"
awk -v n="$ROUNDS" -v d="$dur" 'BEGIN {
	srand(20241018)
	for (i = 0; i < n; i++) printf "%.3f\n", rand() * d * 1.3
}' >"$TMPDIR_TEST/delays"

# complete NAME: the member reads, and its scores are the new ones.
complete() {
	"$BIN" scores "$1" 2>/dev/null | sed "1s/	$1\$/	probe/" |
	    cmp -s - "$TMPDIR_TEST/scores-new"
}

round=0 kept=0 made=0 strays=0
while read -r delay; do
	round=$((round + 1))
	if [ $((round % 2)) -eq 1 ]; then
		set -- add --name fresh-2024 "$TMPDIR_TEST/new"
	else
		set -- add --replace "$TMPDIR_TEST/new"
	fi
	"$BIN" "$@" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	list=$("$BIN" list 2>&1)
	s1=$(cksum <"$LIB/made-up-2024.db")
	s2=$(cksum <"$LIB/pretend-2025.db")
	if [ "$list" = "$list_old" ] && [ "$s1" = "$sum1" ] && [ "$s2" = "$sum2" ]; then
		kept=$((kept + 1))
		ok 0 "kill $round ($1 ${2#--}) after ${delay} s: the library is as it was"
	elif [ $((round % 2)) -eq 1 ] && [ "$s1" = "$sum1" ] && [ "$s2" = "$sum2" ] &&
	    complete fresh-2024; then
		made=$((made + 1))
		ok 0 "kill $round (add) after ${delay} s: the new member is complete"
	elif [ $((round % 2)) -eq 0 ] && [ "$list" = "$list_old" ] &&
	    [ "$s2" = "$sum2" ] && complete made-up-2024; then
		made=$((made + 1))
		ok 0 "kill $round (replace) after ${delay} s: the replaced member is complete"
	else
		ok 1 "kill $round after ${delay} s: the library as it was, or the new member complete"
		ls -lA "$LIB" | sed 's/^/# /'
		printf '%s\n' "$list" | sed 's/^/# /'
	fi
	# The catalogue (a cache: library_catalogue.h) and its journal are
	# the library's own hidden files, as the lock is.
	other=$(ls -A "$LIB" | grep -v -e '^\.lock$' -e '^\.add-' \
	    -e '^\.catalogue\.db$' -e '^\.catalogue\.db-journal$' \
	    -e '^\.catalogue-[0-9]*\.db$' \
	    -e '^made-up-2024\.db$' -e '^pretend-2025\.db$' -e '^fresh-2024\.db$')
	[ -z "$other" ] || ok 1 "kill $round left a visible file: $other"
	ls -A "$LIB" | grep -q '^\.add-' && strays=$((strays + 1))
	# Back to the old library.
	"$BIN" remove fresh-2024 >/dev/null 2>&1
	cp "$TMPDIR_TEST/old1.db" "$TMPDIR_TEST/old1-copy.db"
	mv "$TMPDIR_TEST/old1-copy.db" "$LIB/made-up-2024.db"
done <"$TMPDIR_TEST/delays"
echo "# $kept rounds left the library as it was, $made with the new member; $strays left temporary files"
test $kept -gt 0 && test $made -gt 0
ok $? "kills landed both before and after the rename"

# Whatever the kills left, the next add succeeds and sweeps it away.
: >"$LIB/.add-999999999-0.db"
run "$BIN" add --name fresh-2024 "$TMPDIR_TEST/new"
is "$rc:$out:$err" "0:fresh-2024:" "an add after the kills succeeds"
is "$(ls -A "$LIB" | grep -c '^\.add-')" 0 "and sweeps every temporary file of a dead add"
run "$BIN" list
is "$rc" 0 "the library lists"

done_testing
