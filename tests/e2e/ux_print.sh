#!/bin/sh
# ux_print.sh: the print dialog's choices (issue 13): the marked sections
# or this section, the one shown by default when it is not marked; no lp
# or lpr said in the dialog, a file offered; the file name from the
# section's path, so that the two Learning culture sections differ.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"

# The files it writes, from an earlier run, gone.
rm -f leadership-direction-of-travel.txt children-and-young-people-learning-culture.txt
# No lp, no lpr, no lpstat: a PATH where none is.
mkdir -p "$TMPDIR_TEST/nobin"
E2E_ENV="PATH=$TMPDIR_TEST/nobin"
start 100x30
wait_for "[1 Outline]"
ok $? "the browser starts with no lp or lpr on PATH"
keys j
wait_status " leadership "
keys j
wait_status " leadership/direction-of-travel "
keys m
wait_status "(1 marked)"
shown=$("$BIN" tree | grep -A1 '^leadership/direction-of-travel	' | sed -n 2p | cut -f1)
keys Down Up
wait_status " $shown "
ok $? "m marked the section and moved on to the next row, $shown"
keys p
wait_for "[Print]"
ok $? "p opens the print dialog"
wait_for "[this section]"
ok $? "it offers this section, chosen: the one shown is not marked"
has "the marked sections (1)"
ok $? "and the marked sections"
name=$(printf '%s' "$shown" | tr / -).txt
has "File:       $name"
ok $? "the file offered is named from the section's path ($name)"
keys Up Right
wait_for "[the marked sections (1)]"
ok $? "Up, Right chooses the marked sections"
wait_for "File:       leadership-direction-of-travel.txt"
ok $? "and the file offered follows them"
has "Leadership › Direction of travel"
ok $? "the dialog names them"
keys Down Down Left
wait_for "[printer]"
wait_for "none: no lp or lpr here; choose file"
ok $? "with no lp or lpr the dialog says so before Enter"
keys Right
wait_for "[file]"
keys Enter
wait_for "Printed "
ok $? "to a file it prints"
test -f leadership-direction-of-travel.txt
ok $? "the file is there"
rm -f leadership-direction-of-travel.txt

# The two Learning culture sections: their files differ.
keys :
keys -l "open quality-and-safety/learning-culture"
keys Enter
wait_status " quality-and-safety/learning-culture "
keys p
wait_for "[Print]"
wait_for "File:       quality-and-safety-learning-culture.txt"
ok $? "Learning culture (quality and safety) is offered its own file name"
keys Escape
wait_gone "[Print]"
keys :
keys -l "open children-and-young-people/learning-culture"
keys Enter
wait_status " children-and-young-people/learning-culture "
keys p
wait_for "[Print]"
wait_for "File:       children-and-young-people-learning-culture.txt"
ok $? "and the children and young people one another"
keys Escape
wait_gone "[Print]"

# p side by side prints what is shown: the two sections, one after the other.
keys C
wait_for "[Side by side"
keys p
wait_for "[Print]"
ok $? "p side by side opens the print dialog"
has "the sections shown"
ok $? "for the sections shown"
wait_for "File:       children-and-young-people-learning-culture.txt"
keys Enter
wait_for "Printed "
test -f children-and-young-people-learning-culture.txt &&
	grep -q "Quality and safety" children-and-young-people-learning-culture.txt &&
	grep -q "Children and young people" children-and-young-people-learning-culture.txt
ok $? "the file holds both sections"
grep -q "^Quality statement: Learning culture$" children-and-young-people-learning-culture.txt &&
	grep -q "^Children and young people: Learning culture$" children-and-young-people-learning-culture.txt
ok $? "one after the other, each titled with its part"
rm -f children-and-young-people-learning-culture.txt
keys Escape
wait_gone "[Side by side"
keys q
wait_exit
ok $? "q quits"
done_testing
