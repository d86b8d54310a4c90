#!/bin/sh
# search.sh: the search overlay end to end: search as you type, opening a
# result, walking the matches with n and N, the highlight, Esc, no match,
# and FTS5 syntax typed by a user.
#
# The window is wide (200 columns) so that long paths show whole on the
# status line.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"

ESC=$(printf '\033')

# type_slowly STRING: one key at a time, each echoed in the query line
# before the next is sent.
type_slowly() {
	s=$1
	typed=
	while [ -n "$s" ]; do
		c=${s%"${s#?}"}
		s=${s#?}
		typed=$typed$c
		keys -l -- "$c"
		wait_for "Everything: $typed" 5 || return 1
	done
}

# highlighted LINE-FILE WORD: in a capture with escapes, a line holding
# WORD has an attribute change just before it and just after it.
highlighted() {
	grep -F -- "$2" "$1" | grep -q -- "${ESC}\[[0-9;]*m$2${ESC}\["
}

# What the command line finds: the browser must agree.
"$BIN" search DiiS >"$TMPDIR_TEST/cli"
nres=$(wc -l <"$TMPDIR_TEST/cli" | tr -d ' ')
first=$(sed -n 1p "$TMPDIR_TEST/cli" | cut -f1)
first_title=$(sed -n 1p "$TMPDIR_TEST/cli" | cut -f2)
second=$(sed -n 2p "$TMPDIR_TEST/cli" | cut -f1)
[ "$nres" -ge 2 ]
ok $? "the command line finds DiiS in several sections ($nres)"

# --- search as you type ---------------------------------------------------
start 200x40
wait_status "row 1 of"
ok $? "the browser starts"
keys j j
wait_status "row 3 of"
before=$(sline | awk '{ print $1 }')
keys /
wait_for "[Search]"
ok $? "/ opens the search overlay"
wait_for "Everything: "
ok $? "the overlay starts empty, searching everything"
wait_for "Type words to find"
ok $? "an empty query shows a hint, not 0 results"

type_slowly Dii
ok $? "typing D, i, i shows each key in the query"
wait_gone "0 results"
ok $? "after Dii results are listed already (the last word is a prefix)"
wait_for "$first_title"
ok $? "after Dii the first result is listed"
keys S
wait_for "Everything: DiiS"
ok $? "S completes the query DiiS"
wait_for "$nres results  Tab:"
ok $? "the count line says $nres results, as the command line finds"
wait_for ">$first_title"
ok $? "the first result is chosen (>)"

# --- Enter opens the first result -----------------------------------------
keys Enter
wait_gone "[Search]"
ok $? "Enter closes the overlay"
wait_status " $first "
ok $? "Enter opens the first result (its path on the status line)"
wait_for "$first_title"
ok $? "the reading pane shows the section's title"
wait_for "[2 Reading]"
ok $? "the reading pane has the focus"
wait_status "match 1 of "
ok $? "the status line says match 1 of N"
wait_status "result 1 of $nres"
ok $? "the status line says result 1 of $nres"
nmatch=$(sline | sed -n 's/.*match 1 of \([0-9]*\),.*/\1/p')
[ "${nmatch:-0}" -ge 2 ]
ok $? "the first result has several matches ($nmatch)"

# The matched word is highlighted in the reading pane.
t capture-pane -p -e >"$TMPDIR_TEST/esc"
grep -qF DiiS "$TMPDIR_TEST/esc"
ok $? "DiiS shows in the reading pane"
highlighted "$TMPDIR_TEST/esc" DiiS
ok $? "the matched word DiiS is highlighted (colour mode)"

# --- n and N --------------------------------------------------------------
keys n
wait_status "match 2 of $nmatch, result 1 of $nres"
ok $? "n goes to match 2 of the result"
i=0
while [ "$i" -lt 30 ] && ! sline | grep -qF "result 2 of $nres"; do
	press n || break
	i=$((i + 1))
done
sline | grep -qF "result 2 of $nres"
ok $? "n past the last match goes to result 2 of $nres"
wait_status " $second "
ok $? "result 2 is the command line's second result"
wait_status "match 1 of"
ok $? "n lands on the first match of result 2"
keys N
wait_status "result 1 of $nres"
ok $? "N goes back to result 1"
wait_status " $first "
ok $? "N goes back to the first result's section"
wait_status "match $nmatch of $nmatch, result 1"
ok $? "N lands on the last match of result 1"
keys N
wait_status "match $((nmatch - 1)) of $nmatch, result 1"
ok $? "N again goes to the match before"

# --- Esc in the overlay leaves things as they were -------------------------
keys 1
wait_for "[1 Outline]"
keys g
wait_status "row 1 of"
keys j j
wait_status "row 3 of"
here=$(sline | awk '{ print $1 }')
is "$here" "$before" "back on the third row ($before)"
keys /
wait_for "[Search]"
type_slowly care
ok $? "typing another query"
keys Escape
wait_gone "[Search]"
ok $? "Esc closes the overlay"
is "$(sline | awk '{ print $1 }')" "$here" "Esc leaves the path unchanged"
wait_for "[1 Outline]"
ok $? "Esc leaves the focus in the outline"

# --- no match -------------------------------------------------------------
keys /
wait_for "[Search]"
type_slowly zzqqxx
wait_for "0 results  Tab:"
ok $? "a query with no match shows 0 results"
keys Enter
wait_for "No match for that"
ok $? "Enter with no result says No match for that"
keys Escape
wait_gone "[Search]"
ok $? "Esc closes it"

# --- FTS5 syntax is only text ----------------------------------------------
keys /
wait_for "[Search]"
bad=0
for q in '"' 'NEAR(' '*' 'c++' 'a OR' 'x:y' '(' ')' '^a' '-b' 'NOT' \
    '{a b}' 'AND "' "it's"; do
	keys C-u
	wait_for "Everything:  " 5 >/dev/null
	type_slowly "$q" >/dev/null || { bad=1; echo "# could not type: $q"; }
	if ! wait_for " result" 5 >/dev/null; then
		bad=1
		echo "# no result count for: $q"
		screen | sed -n 2,5p | sed 's/^/# | /'
	fi
	if screen | grep -qi 'sqlite\|fts5\|syntax error\|malformed\|unterminated'; then
		bad=1
		echo "# an error shows for: $q"
		screen | sed -n 2,5p | sed 's/^/# | /'
	fi
done
ok $bad "FTS5 syntax (\" NEAR( * c++ ...) never shows an SQLite error"
keys C-u
keys -l '"'
wait_for 'Everything: "'
keys Enter
keys Escape
wait_gone "[Search]"
ok $? "after Enter and Esc on such a query, the overlay closes"
keys 1
wait_for "[1 Outline]"
press j
ok $? "the browser still answers keys (j moves the outline)"

keys q
wait_exit
is "$status" 0 "q exits with status 0"
is "$(cat "$TMPDIR_TEST/stderr")" "" "nothing on standard error"

# --- the highlight without colour -------------------------------------------
E2E_ENV='NO_COLOR=1'
start 200x40 --no-state
E2E_ENV=
wait_status "row 1 of"
keys /
wait_for "[Search]"
type_slowly DiiS
wait_for "$nres results"
keys Enter
wait_status "match 1 of"
t capture-pane -p -e >"$TMPDIR_TEST/esc"
highlighted "$TMPDIR_TEST/esc" DiiS
ok $? "with NO_COLOR the matched word DiiS is highlighted (attributes around it)"
grep -F DiiS "$TMPDIR_TEST/esc" | grep -q "${ESC}\[[0-9;]*7[0-9;]*mDiiS"
ok $? "with NO_COLOR the match is in reverse video"
keys q
wait_exit
is "$status" 0 "q exits with status 0 (NO_COLOR)"

# --- typed ahead: the query and Enter arrive together -----------------------
# Each key is echoed before its search runs, and no search starts while
# keys wait; Enter must still open the best result for the whole query.
start 200x40 --no-state
wait_status "row 1 of"
keys /
wait_for "[Search]"
keys -l -- "$(printf 'DiiS\r')"
wait_status "match 1 of"
ok $? "the query and Enter sent at once open a result, matches counted"
wait_status " $first "
ok $? "it is the command line's first result ($first)"
keys q
wait_exit
is "$status" 0 "q exits with status 0 (typed ahead)"

# --- the searches made, walked back -----------------------------------------
# query_is TEXT: the box's query line reads "Everything: TEXT" and no more.
query_is() { screen | grep -q "^│ │Everything: $1 *│ │$"; }
search_for() {
	keys /
	wait_for "[Search]"
	keys -l "$1"
	wait_for "Everything: $1"
	wait_match "[0-9][0-9]* result"
	keys Enter
	wait_gone "[Search]"
}
start 100x30 --no-state
wait_status "row 1 of"
search_for safeguarding
search_for finance
search_for safeguarding
keys /
wait_for "[Search]"
keys Up
wait_until query_is safeguarding
ok $? "Up in an empty box: the last search"
keys Up
wait_until query_is finance
ok $? "Up again: the one before, a search made twice kept once"
keys Up
query_is finance
ok $? "and no further back than the first"
keys C-n
wait_until query_is safeguarding
ok $? "Ctrl-N: the later one"
keys C-n
wait_until query_is ""
ok $? "and past the newest, the box empty again"
keys C-p
wait_until query_is safeguarding
ok $? "Ctrl-P walks back too"
keys Escape q
wait_exit
is "$status" 0 "q exits with status 0 (the searches made)"

done_testing
