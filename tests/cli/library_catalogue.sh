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
