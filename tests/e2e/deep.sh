#!/bin/sh
# deep.sh: a tree far deeper than the report's opens and is browsed.
#
# The built-in dataset, exported, with a chain of nested sections under
# Overview; the outline walks it without recursion, unfolds it to the
# bottom, remembers that, and builds it all again at the next start.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"

DEPTH=150
CSV=$TMPDIR_TEST/csv
DB=$TMPDIR_TEST/deep.db
"$BIN" export "$CSV" || { echo "Bail out! export failed"; exit 1; }
p=1
i=1
while [ "$i" -le "$DEPTH" ]; do
	echo "$((1000 + i)),$p,section,x,Deep $i,Deep heading $i,,cqc"
	p=$((1000 + i))
	i=$((i + 1))
done >>"$CSV/nodes.csv"
"$BIN" import "$CSV" --output "$DB" || { echo "Bail out! import failed"; exit 1; }
# The reading pane renders through render/doc.c: until that reads a deep
# tree, a browser on it cannot be tested here.
"$BIN" --db "$DB" show overview >/dev/null 2>&1
rc=$?
[ "$rc" -ge 128 ] && skip_all "icsbrowse show crashes on a tree $DEPTH deep (render/doc.c)"

start 100x30 --db "$DB"
wait_status "row 1 of"
ok $? "the browser opens a dataset $DEPTH levels deep"
# Overview unfolded, then down its rows to Deep 1.
keys Right
wait_for "▾ Overview"
i=0
while [ "$i" -lt 12 ] && ! has "Deep heading 1"; do
	press Down
	i=$((i + 1))
done
has "Deep heading 1"
ok $? "the chain's first section is read"
first=$(sline | sed -n 's/.* row \([0-9]*\) of.*/\1/p')
# Each Right unfolds, the next goes into the child: to the bottom.
i=1
while [ "$i" -lt "$DEPTH" ]; do
	keys Right Right
	i=$((i + 1))
done
wait_status "row $((first + DEPTH - 1)) of"
ok $? "Right walks down to the section $DEPTH levels deep"
wait_for "Deep heading $DEPTH"
ok $? "and reads it"
screen | grep -q "^│>  *Deep $DEPTH  *│"
ok $? "the outline shows its row, indented no further than it can"
keys q
wait_exit
is "$status" 0 "q exits 0"

start 100x30 --db "$DB"
wait_for "Deep heading $DEPTH"
ok $? "after a restart, the deepest section is shown again"
row=$(sline | sed -n 's/.* row \([0-9]*\) of.*/\1/p')
[ "${row:-0}" -gt "$DEPTH" ]
ok $? "with the whole chain unfolded in the outline"
keys Home
wait_for "> ▾ Overview"
ok $? "Home goes back to the top"
keys q
wait_exit
is "$status" 0 "q exits 0"
done_testing
