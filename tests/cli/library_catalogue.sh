#!/bin/sh
# library_catalogue.sh: list, scores and search --all read the library's
# catalogue (.catalogue.db, a cache of every member), and are right when
# a member's file changes behind the library's back, when the catalogue
# is damaged or gone, and when it cannot be written.  The local authority
# assessments are MADE UP for the tests (tests/library_data.sh).
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/library_data.sh"

[ -r "$DB" ] || skip_all "no built database $DB (run make)"
export XDG_DATA_HOME="$TMPDIR_TEST/data"
unset ICSBROWSE_REPORT
LIB=$XDG_DATA_HOME/icsbrowse/library
made_up_la "$TMPDIR_TEST/la1" "Made-up Borough Council" "18 October 2024" \
    Good 78 3 3 3 3 3 3 3 3 4
made_up_la "$TMPDIR_TEST/la2" "Pretend County Council" "3 March 2025" \
    "Requires improvement" 56 2 3 2 0 2 2 3 2 2
"$BIN" add "$TMPDIR_TEST/la1" >/dev/null && "$BIN" add "$TMPDIR_TEST/la2" >/dev/null
ok $? "two made-up members added"
test -f "$LIB/.catalogue.db"
ok $? "add brings the catalogue up to date"

run "$BIN" list
list1=$out
is "$rc:$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" "0:dorset-2024 made-up-2024 pretend-2025 " "list from the catalogue"
run "$BIN" scores made-up-2024 pretend-2025
scores1=$out
is "$rc:$(printf '%s\n' "$out" | tail -2 | head -1)" "0:	Overall score (out of 100)	78	56" "scores from it"
run "$BIN" search --all council
search1=$out
is "$rc:$(printf '%s\n' "$out" | cut -d: -f1 | sort -u | tr '\n' ' ')" "0:dorset-2024 made-up-2024 pretend-2025 " \
    "search --all: hits of every member, from one index"

# Behind the library's back: another assessment in a member's file.
"$BIN" import "$TMPDIR_TEST/la2" --output "$TMPDIR_TEST/la2.db" >/dev/null
cp "$TMPDIR_TEST/la2.db" "$LIB/made-up-2024.db"
run "$BIN" list
is "$(printf '%s\n' "$out" | awk -F'\t' '$1 == "made-up-2024" { print $3 }')" \
    "Pretend County Council: local authority assessment" \
    "a member's file changed: read again"
run "$BIN" scores made-up-2024
is "$(printf '%s\n' "$out" | tail -2 | head -1)" "	Overall score (out of 100)	56" "its scores too"
run "$BIN" search --all 'Made-up findings of Made-up Borough'
is "$rc:$out" "1:" "and its old text is no longer found"
"$BIN" add --replace "$TMPDIR_TEST/la1" >/dev/null 2>&1 ||
    "$BIN" add --replace --name made-up-2024 "$TMPDIR_TEST/la1" >/dev/null
run "$BIN" list
is "$out" "$list1" "replaced again by add: as it was"

# A damaged catalogue is made anew; a missing one too.
printf 'not a database' >"$LIB/.catalogue.db"
run "$BIN" list
is "$rc:$out:$err" "0:$list1:" "list with a damaged catalogue: the same"
run "$BIN" search --all council
is "$rc:$out" "0:$search1" "and search --all"
rm -f "$LIB/.catalogue.db"
run "$BIN" scores made-up-2024 pretend-2025
is "$rc:$out" "0:$scores1" "scores with no catalogue: the same"

# Missing, with what a killed writer and a killed making of it left
# beside it (a journal, a half-made one of a process now gone): made
# anew, those gone.
sh -c 'exit 0' &
dead=$!
wait "$dead"
rm -f "$LIB/.catalogue.db"
printf 'a journal of another file' >"$LIB/.catalogue.db-journal"
printf 'half made' >"$LIB/.catalogue-$dead.db"
run "$BIN" list
is "$rc:$out:$(ls -A "$LIB" | grep '^\.catalogue' | tr '\n' ' ')" "0:$list1:.catalogue.db " \
    "a missing catalogue with a stale journal and a killed one's leftovers: made anew, they gone"

# Damage its opening does not see: the search index's first page
# overwritten.  The search reads each member instead (their own ranking:
# the same hits), and the catalogue is made anew for the next.
page() {
	sqlite3 "$LIB/.catalogue.db" "SELECT rootpage FROM sqlite_schema WHERE name = '$1'"
}
if command -v sqlite3 >/dev/null 2>&1; then
	"$BIN" list >/dev/null
	p=$(page search_data) size=$(sqlite3 "$LIB/.catalogue.db" 'PRAGMA page_size')
	printf '%*s' "$size" '' | tr ' ' '\377' |
	    dd of="$LIB/.catalogue.db" bs="$size" seek=$((p - 1)) conv=notrunc 2>/dev/null
	run "$BIN" search --all council
	is "$rc:$err:$(printf '%s\n' "$out" | sort)" "0::$(printf '%s\n' "$search1" | sort)" \
	    "damage found as the catalogue is searched: the same hits, from the members"
	run "$BIN" search --all council
	is "$rc:$out" "0:$search1" "and the next search has a catalogue made anew"
	p=$(page catalogue_scores)
	printf '%*s' "$size" '' | tr ' ' '\377' |
	    dd of="$LIB/.catalogue.db" bs="$size" seek=$((p - 1)) conv=notrunc 2>/dev/null
	run "$BIN" scores made-up-2024 pretend-2025
	is "$rc:$err:$out:$(ls -A "$LIB" | grep -c '^\.catalogue')" "0::$scores1:0" \
	    "the scores' table damaged: the same scores, and the catalogue gone"
	"$BIN" list >/dev/null
	sqlite3 "$LIB/.catalogue.db" "UPDATE meta SET value = '0' WHERE key = 'catalogue'" 2>/dev/null
	ok $? "a catalogue of another version"
	run "$BIN" list
	is "$rc:$out:$(sqlite3 "$LIB/.catalogue.db" "SELECT value FROM meta WHERE key = 'catalogue'")" \
	    "0:$list1:1" "is made anew"
	"$BIN" list >/dev/null
	truncate -s 8192 "$LIB/.catalogue.db"
	run "$BIN" scores made-up-2024 pretend-2025
	is "$rc:$err:$out" "0::$scores1" "a catalogue cut short: the same scores"
	# Damage found as it is brought up to date (a member changed since):
	# made anew then, not left for every command after to go around.
	"$BIN" list >/dev/null
	p=$(page search_data)
	printf '%*s' "$size" '' | tr ' ' '\377' |
	    dd of="$LIB/.catalogue.db" bs="$size" seek=$((p - 1)) conv=notrunc 2>/dev/null
	touch "$LIB/pretend-2025.db"
	run "$BIN" list
	is "$rc:$err:$out" "0::$list1" "damage met bringing the catalogue up to date: the same list"
	test -s "$LIB/.catalogue.db" &&
	    [ "$(sqlite3 "$LIB/.catalogue.db" 'PRAGMA integrity_check' 2>&1)" = ok ]
	ok $? "and the catalogue made anew, whole"
	run "$BIN" search --all council
	is "$rc:$out" "0:$search1" "searched from it"
else
	for i in 1 2 3 4 5 6 7 8 9; do ok 0 "# SKIP no sqlite3 to damage the catalogue with"; done
fi

# Adds at once, with lists and searches running beside them: every add
# lands, every read is whole, and the new members show at once.
i=1
while [ "$i" -le 4 ]; do
	made_up_la "$TMPDIR_TEST/at$i" "Concurrent $i Council" "1 May 2025" Good \
	    $((60 + i)) 3 3 3 3 3 3 3 3 3
	i=$((i + 1))
done
pids=
for i in 1 2 3 4; do
	"$BIN" add "$TMPDIR_TEST/at$i" >"$TMPDIR_TEST/at$i.out" 2>&1 &
	pids="$pids $!"
done
bad=0 reads=0
while [ "$reads" -lt 6 ]; do
	"$BIN" list >"$TMPDIR_TEST/r.out" 2>&1 || bad=$((bad + 1))
	"$BIN" search --all council >/dev/null 2>>"$TMPDIR_TEST/r.out" || bad=$((bad + 1))
	reads=$((reads + 1))
done
addrc=0
for p in $pids; do
	wait "$p" || addrc=1
done
is "$addrc:$bad" "0:0" "four adds at once, and lists and searches beside them, all succeed"
run "$BIN" list
is "$(printf '%s\n' "$out" | cut -f1 | grep -c '^concurrent-')" 4 "the four are listed"
run "$BIN" scores concurrent-1-2025 concurrent-2-2025 concurrent-3-2025 concurrent-4-2025
is "$(printf '%s\n' "$out" | tail -2 | head -1)" "	Overall score (out of 100)	61	62	63	64" \
    "with their scores"
run "$BIN" search --all Concurrent
is "$rc:$(printf '%s\n' "$out" | cut -d: -f1 | sort -u | tr '\n' ' ')" \
    "0:concurrent-1-2025 concurrent-2-2025 concurrent-3-2025 concurrent-4-2025 " \
    "and found by search --all"
"$BIN" remove concurrent-2-2025 >/dev/null
run "$BIN" search --all Concurrent
is "$(printf '%s\n' "$out" | cut -d: -f1 | sort -u | tr '\n' ' ')" \
    "concurrent-1-2025 concurrent-3-2025 concurrent-4-2025 " "one removed: gone at once"

# A folder that cannot be written: each member is read, as before.
if [ "$(id -u)" != 0 ]; then
	rm -f "$LIB/.catalogue.db"
	chmod a-w "$LIB"
	run "$BIN" list
	is "$rc:$out" "0:$list1" "a read-only folder: list reads each member"
	run "$BIN" search --all council
	is "$rc:$(printf '%s\n' "$out" | sort)" "0:$(printf '%s\n' "$search1" | sort)" \
	    "and search --all finds the same hits"
	chmod u+w "$LIB"
else
	ok 0 "# SKIP a read-only folder (root writes anyway)"
	ok 0 "# SKIP a read-only folder (root writes anyway)"
fi

done_testing
