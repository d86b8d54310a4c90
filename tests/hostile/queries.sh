#!/bin/sh
# queries.sh: what a user may type as a search, a section or a place.
#
# FTS5's own syntax (quotes, AND, OR, NOT, NEAR, *, ^, column filters,
# parentheses) and plain junk (a 5,000-character query, 100 words,
# punctuation only, control characters, bad UTF-8, CJK) must all be taken
# as words: the search exits 0 (found) or 1 (nothing found, one line
# saying so), never 2, never a crash, and never shows SQLite's words.
# Operators are words: "DiiS AND" finds what "DiiS and" finds.  Paths and
# place names with LIKE wildcards ('%', '_') match nothing.
. "${top_srcdir:-.}/tests/lib.sh"

[ -r "$DB" ] || skip_all "no built database $DB (run make)"

if command -v timeout >/dev/null 2>&1; then
	TIMEOUT="timeout 10"
else
	TIMEOUT=
fi

# q_check NAME: the last search exited 0 or 1; on 1, standard error is
# the one "no match" line; on 0, it is empty and standard output is
# PATH<TAB>TITLE<TAB>SNIPPET lines; never an SQL word or a raw control.
q_check() {
	qc_why=
	case $rc in
	0)	[ -z "$err" ] || qc_why="stderr not empty"
		awk -F '\t' 'NF != 3 { bad = 1 } END { exit bad }' "$TMPDIR_TEST/out" ||
		    qc_why="a line is not PATH<TAB>TITLE<TAB>SNIPPET" ;;
	1)	[ "$(wc -l <"$TMPDIR_TEST/err" | tr -d ' ')" = 1 ] || qc_why="not one line"
		case $err in
		"icsbrowse: search: no match for '"*"'") ;;
		*) qc_why="not the no-match line" ;;
		esac ;;
	*)	qc_why="exit status $rc" ;;
	esac
	if printf '%s' "$err" | grep -q -i -e fts5 -e syntax -e malformed -e 'SQL'; then
		qc_why="$qc_why; SQLite's words"
	fi
	if [ "$(tr -d '\n' <"$TMPDIR_TEST/err" | tr -cd '\000-\037\177' | wc -c)" -ne 0 ]; then
		qc_why="$qc_why; a raw control byte in the message"
	fi
	is "$qc_why" "" "search $1: exits 0 or 1 with a clean answer"
}

# search_q NAME QUERY...: run a search, then q_check.
search_q() {
	sq_name=$1
	shift
	run $TIMEOUT "$BIN" search "$@"
	q_check "$sq_name"
}

# --- FTS5 syntax, each alone ------------------------------------------------
for q in '"' '""' 'AND' 'OR' 'NOT' 'NEAR(' 'NEAR(a b, 1)' 'NEAR' '*' 'a*' \
    '^' '^care' 'c++' "don't" '(' ')' '{' '}' ':' 'title:x' 'body:care' \
    '{title body}:care' '+' '- care' '"care' 'care"' 'care*' '* care' \
    'care AND' 'OR care' 'NOT care' '(care' 'care)' 'care : x' '%' '_' \
    "\\" "'" ';' 'care; DROP TABLE nodes; --' "') OR 1=1 --" '-x' '- care' \
    '--' '-'; do
	# A query that starts with '-' comes after "--", as any argument would.
	case $q in
	-*) search_q "-- '$q'" -- "$q" ;;
	*) search_q "'$q'" "$q" ;;
	esac
done

# Options stand anywhere before "--" (issue 13): after it, a dash is part
# of the query wherever the word stands.
search_q "'DiiS' -- '-x'" DiiS -- -x
search_q "'' (empty)" ''
search_q "'   ' (spaces only)" '   '

# --- sizes ------------------------------------------------------------------
long=$(head -c 5000 /dev/zero | tr '\0' a)
t0=$(date +%s)
search_q "a 5,000-character word" "$long"
longq=$(awk 'BEGIN { for (i = 0; i < 1000; i++) printf "care "; }')
search_q "a 5,000-character query of words" "$longq"
hundred=$(tr -s ' \n' '  ' <"$top_srcdir/assets/blocks.csv" | tr -cd 'A-Za-z ' |
    awk '{ for (i = 1; i <= NF && n < 100; i++) { printf "%s ", $i; n++ } } END { print "" }')
is "$(printf '%s\n' "$hundred" | wc -w | tr -d ' ')" 100 "the 100-word query has 100 words"
search_q "100 words of the report" "$hundred"
t1=$(date +%s)
test $((t1 - t0)) -le 10
ok $? "the long queries answer within 10 s"
search_q "punctuation only" '!@#$%^&*()_+-=[]{}|;:,.<>/?~`'
# shellcheck disable=SC1003
search_q "punctuation, one of each, as words" '! @ # $ % ^ & * ( ) _ + - = [ ] { } | ; : , . < > / ? ~ `'

# --- control characters, bad UTF-8, CJK ---------------------------------
search_q "control characters" "$(printf 'care\001\002\033[31m\033]0;x\007\177 care')"
run "$BIN" search "$(printf 'zq\033[31mzq')"
is "$rc:$err" "1:icsbrowse: search: no match for 'zq^[[31mzq'" \
    "search: a query with ESC is quoted with ^[ in the message"
search_q "bad UTF-8 bytes" "$(printf 'care\377\376 \300\200')"
search_q "a lone bad byte" "$(printf '\377')"
search_q "a truncated UTF-8 sequence" "$(printf 'care \342\200')"
printf '%s' "$err" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1
ok $? "search: the message for a truncated UTF-8 query is valid UTF-8"
search_q "CJK" '護理 信頼'
search_q "CJK and Latin" '護理 care'
search_q "right-to-left override" "$(printf 'care \342\200\256erac')"
search_q "zero-width space inside a word" "$(printf 'ca\342\200\213re')"

# --- operators are words -------------------------------------------------
run "$BIN" search DiiS and
and_out=$out
is "$rc" 0 "search 'DiiS and' finds something"
run "$BIN" search DiiS AND
is "$out" "$and_out" "search 'DiiS AND' finds what 'DiiS and' finds (AND is a word)"
run "$BIN" search DiiS not care
not_out=$out
run "$BIN" search DiiS NOT care
is "$out" "$not_out" "search 'DiiS NOT care' finds what 'DiiS not care' finds"
run "$BIN" search DiiS OR zqxjkv
is "$rc" 1 "search 'DiiS OR zqxjkv' finds nothing (OR is a word, not either)"
run "$BIN" search DiiS
diis_out=$out
run "$BIN" search '"DiiS"'
is "$out" "$diis_out" "search '\"DiiS\"' finds what 'DiiS' finds"
run "$BIN" search 'DiiS*'
is "$out" "$diis_out" "search 'DiiS*' finds what 'DiiS' finds (no prefix search)"
run "$BIN" search 'NEAR(DiiS' 'care,' '1)'
run2_rc=$rc
run "$BIN" search NEAR DiiS care 1
is "$run2_rc:$out" "$rc:$out" "search 'NEAR(DiiS care, 1)' is the words NEAR DiiS care 1"

# --- show and print with hostile paths -----------------------------------
for p in '%' '_' '%/%' 'a%' '%e' '_verview' 'overview/%' '-' '/' '//' \
    '../overview' 'overview/../finance' 'overview//finance' '*' '?' '.'; do
	run "$BIN" show "$p"
	is "$rc:$err" "1:icsbrowse: $p: no such section (see 'icsbrowse tree')" \
	    "show '$p': no such section"
done
for p in '%' '_'; do
	run "$BIN" print "$p"
	is "$rc:$err" "1:icsbrowse: $p: no such section (see 'icsbrowse tree')" \
	    "print '$p': no such section"
	run "$BIN" show --side-by-side "$p" overview
	is "$rc:$err" "1:icsbrowse: $p: no such section (see 'icsbrowse tree')" \
	    "show --side-by-side '$p' overview: no such section"
done
run "$BIN" show ''
is "$rc:$err" "1:icsbrowse: an empty path names no section" "show '': an empty path"
p10k=$(awk 'BEGIN { for (i = 0; i < 1000; i++) printf "abcdefghi/"; }')
run $TIMEOUT "$BIN" show "$p10k"
is "$rc:$err" "1:icsbrowse: $p10k: no such section (see 'icsbrowse tree')" \
    "show a 10,000-character path: no such section, one line"
p10k=$(head -c 10000 /dev/zero | tr '\0' '%')
run $TIMEOUT "$BIN" show "$p10k"
is "$rc:$err" "1:icsbrowse: $p10k: no such section (see 'icsbrowse tree')" \
    "show 10,000 '%': no such section"
run "$BIN" show "$(printf 'x\033]0;t\007')"
is "$rc:$err" "1:icsbrowse: x^[]0;t^G: no such section (see 'icsbrowse tree')" \
    "show with an OSC sequence: the message shows it escaped"
run "$BIN" show "$(printf 'over\377view')"
is "$rc:$err" "1:icsbrowse: over$(printf '\357\277\275')view: no such section (see 'icsbrowse tree')" \
    "show with a bad byte: the message shows U+FFFD"

# --- compare with hostile places ------------------------------------------
run "$BIN" places
all=$(printf '%s\n' "$out" | awk -F '\t' '{ printf "%s%s (%s)", sep, $3, $1; sep = ", " }')
for p in '%' '_' 'b_p' 'bcp%' '%bcp' '*' '.'; do
	run "$BIN" compare "$p" england
	is "$rc:$err" "1:icsbrowse: $p: no such place; the places are: $all" \
	    "compare '$p' england: no such place"
done
p10k=$(head -c 10000 /dev/zero | tr '\0' b)
run $TIMEOUT "$BIN" compare "$p10k" england
is "$rc:$err" "1:icsbrowse: $p10k: no such place; the places are: $all" \
    "compare with a 10,000-character place: no such place"
run "$BIN" compare "$(printf 'b\033[2Jcp')" england
is "$rc:$err" "1:icsbrowse: b^[[2Jcp: no such place; the places are: $all" \
    "compare with an escape sequence: the message shows it escaped"
run "$BIN" compare england "$(printf '\377')"
is "$rc:$err" "1:icsbrowse: $(printf '\357\277\275'): no such place; the places are: $all" \
    "compare with a bad byte: the message shows U+FFFD"

done_testing
