#!/bin/sh
# compare.sh: the compare view and sections side by side, in tmux.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"



start 100x30
wait_for "[1 Outline]"
ok $? "the browser starts"

# --- two places, picked by typing -----------------------------------------
keys c
wait_for "[Compare places: the first]"
ok $? "c asks for the first place"
keys b c p
wait_for "Type to narrow: bcp"
ok $? "typing narrows the list"
screen | grep -q "Dorset ICS (dorset-ics)"
is "$?" 1 "places that do not match are gone"
keys Enter
wait_for "[Compare BCP Council area (bcp) with]"
ok $? "then asks for the second"
keys d o r s e t Space c o Enter
wait_for "[Compare places: 9 figures]"
ok $? "the compare view opens on the two places"
screen | grep -q "Population .*Around 400,000 .*380,000"
ok $? "figures of the same measure line up on one row"
screen | grep -q "Around 400,000 people live in the BCP Council"
ok $? "the first place's profile is above"
screen | grep -q "Lots of people are moving to Dorset"
ok $? "and the second's beside it"
screen | grep "Measure" | grep -q "BCP Council area *Dorset Council area"
ok $? "BCP Council area is on the left"

keys s
wait_until eval 'screen | grep -q "Measure  *Dorset Council area  *BCP"'
ok $? "s swaps the sides"
screen | grep "Measure" | grep -q "Dorset Council area *BCP Council area"
ok $? "Dorset Council area is on the left now"

# Jump to the section that cites a figure, and back.
before=$(sline | awk '{ print $1 }')
keys j
keys Enter
wait_gone "[Compare places"
ok $? "Enter leaves the compare view"
wait_for "places/dorset-council-area"
ok $? "for the section that cites the figure"
keys BSpace
wait_for "[Compare places: 9 figures]"
ok $? "Backspace goes back to the compare view (issue 13)"
wait_until eval 'screen | grep -q "Measure  *Dorset Council area  *BCP"'
ok $? "with the same places, the same way round"
screen | grep -A1 "Measure " | sed -n 2p | grep -qv '^│>' &&
	screen | grep -q '^│>'
ok $? "and the same row chosen (the second, not the first)"
keys Enter
wait_gone "[Compare places"
wait_for "places/dorset-council-area"
keys Escape
wait_for "[Compare places: 9 figures]"
ok $? "Esc on the section opened from it goes back to the compare view too"
keys Escape
wait_gone "[Compare places"
wait_for " $before "
ok $? "Esc then closes it, where the comparison started ($before)"

# From a figure: its place against the place it is compared with.
keys /
wait_for "[Search]"
keys L i f e Space e x p e c t a n c y Space f o r Space m a l e s
wait_for "Local demographics"
keys Enter
wait_for "overview/local-context/local-demographics"
keys 5
wait_for "[5 Figures]"
keys j
keys c
wait_for "[Compare places: 46 figures]"
ok $? "c on a figure compares its place with its comparator's"
screen | grep -q "Life expectancy, males .*80.5 years.*78.7"
ok $? "Dorset ICS against England, life expectancy lined up"
keys Escape
wait_gone "[Compare places"
ok $? "Esc closes the compare view"

# --- sections side by side ------------------------------------------------
keys /
wait_for "[Search]"
keys p o s i t i v e Space l e a r n i n g Space a n d Space s a f e t y
wait_for "Key messages"
keys Enter
wait_for "quality-and-safety/learning-culture/key-messages"
keys 1 h
wait_for " quality-and-safety/learning-culture "
ok $? "on the statement Learning culture"
keys C
wait_for "[Side by side: together]"
ok $? "C opens the statement beside its children and young people part"
screen | grep -q "Quality statement: Learning culture *│Learning culture"
ok $? "each column has its section's title"
screen | grep -q "Staff from children and young people's services"
ok $? "the children and young people part is on the right"

# Together: scrolling one scrolls both.
keys G
wait_gone "Staff from children and young people's services"
ok $? "together, the end of the left column scrolls the right one too"
keys t
wait_for "[Side by side: apart]"
ok $? "t sets the columns apart"
keys g
wait_for "Key messages"
screen | grep -q "Staff from children and young people's services"
is "$?" 1 "apart, the left column goes to its top alone"
keys Tab g
wait_for "Staff from children and young people's services"
ok $? "Tab moves to the right column, which scrolls on its own"
keys t
wait_for "[Side by side: together]"
ok $? "t puts them together again"
keys Enter
wait_gone "[Side by side"
wait_for " children-and-young-people/learning-culture "
ok $? "Enter reads the active column's section"

# C elsewhere asks for the second section.
keys 1 g
wait_for " overview "
keys C
wait_for "[Read beside it]"
ok $? "C on a section without a counterpart asks for the second"
keys F i n a n c e
wait_for "Finance (overview/finance)"
keys Enter
wait_for "[Side by side: together]"
ok $? "the chosen section opens beside it"
screen | grep -q "│Finance"
ok $? "with its title"
keys BSpace
wait_gone "[Side by side"
ok $? "Backspace closes it"

# --- :compare with one place, and the view's keys ---------------------------
keys :
keys -l "compare nosuch"
keys Enter
wait_status "compare: nosuch: no such place"
ok $? ":compare of no place says so at once"
keys C-u
keys -l "compare bcp"
keys Enter
wait_for "[Compare BCP Council area (bcp) with]"
ok $? ":compare PLACE names the first place and asks for the second"
screen | grep -q "BCP Council area (bcp)  *│"
is "$?" 1 "the first is not offered again"
keys d o r s e t Space c o Enter
wait_for "[Compare places: 9 figures]"
ok $? "the two compared"
sel() { screen | grep '^│>' | sed 's/  .*//'; }
first=$(sel)
keys End
wait_until eval '[ "$(sel)" != "$first" ]'
last=$(sel)
ok $? "End: the last figure ($last)"
keys k
wait_until eval '[ "$(sel)" != "$last" ]'
ok $? "k: the one above it"
keys Home
wait_until eval '[ "$(sel)" = "$first" ]'
ok $? "Home: the first again"
keys Escape
wait_gone "[Compare places"

keys q
wait_exit
is "$status" 0 "q exits 0"

done_testing
