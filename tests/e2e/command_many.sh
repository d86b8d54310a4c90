#!/bin/sh
# command_many.sh: Tab on the `:` line where the candidates are more than
# it reads at first (the browser reads a screenful of paths and the rest as
# Tab cycles past them): the common start of all of them, the cycle past
# the first ones read, and back to the first after the last.
#
# The built-in dataset, exported, with 41 made-up top-level parts (made up
# for this test, not published text): made-up-01 to made-up-40 with a
# section under each, and made-up-41 with none.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"

wait_prompt() {
	wait_until sh -c "'$TMUX_BIN' -L '$SOCK' capture-pane -p | tail -n 2 |
		head -n 1 | grep -qxF -- '$1'"
}

CSV=$TMPDIR_TEST/csv
DB=$TMPDIR_TEST/many.db
"$BIN" export "$CSV" || { echo "Bail out! export failed"; exit 1; }
i=1
while [ "$i" -le 41 ]; do
	n=$(printf '%02d' "$i")
	echo "$((3000 + 2 * i)),,part,made-up-$n,Made-up part $n,,,cqc"
	[ "$i" -le 40 ] &&
		echo "$((3001 + 2 * i)),$((3000 + 2 * i)),section,x,Made-up $n,Made-up heading $n,,cqc"
	i=$((i + 1))
done >>"$CSV/nodes.csv"
"$BIN" import "$CSV" --output "$DB" || { echo "Bail out! import failed"; exit 1; }

start 100x30 --db "$DB"
wait_status "row 1 of"
keys : "open made" Tab
wait_prompt ":open made-up-"
ok $? "Tab puts in what all 41 candidates share, the last one unread"
wait_for "made-up-01/  made-up-02/"
ok $? "the first candidates are listed, folders for parts with sections"
i=1
while [ "$i" -le 35 ]; do keys Tab; i=$((i + 1)); done
wait_prompt ":open made-up-35/"
ok $? "Tab cycles past the first candidates read"
i=36
while [ "$i" -le 41 ]; do keys Tab; i=$((i + 1)); done
wait_prompt ":open made-up-41"
ok $? "the last: a part with nothing under it, as itself"
keys Tab
wait_prompt ":open made-up-01/"
ok $? "and Tab after the last goes back to the first"
keys Escape q
wait_exit
is "$status" 0 "q exits 0"
done_testing
