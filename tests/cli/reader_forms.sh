#!/bin/sh
# reader_forms.sh: the published forms of a local authority report that
# tests/cli/reader.sh does not cover: the wording line's two forms read,
# and checked against the score (by its figure and by its words), and
# the 2023 pilots' own front matter.
#
# The reports read here are MADE UP for these tests (each says so in its
# second paragraph): no such councils exist, the CQC never published them.
. "${top_srcdir:-.}/tests/lib.sh"

R=$top_srcdir/tests/reports
T=$TMPDIR_TEST

# --- both forms of the wording line, each read as the score's words ------
run "$BIN" import "$R/made-up-la-2024.txt" --output "$T/a.db"
run "$BIN" --db "$T/a.db" scores
case $out in *"Assessing needs	3	4	Evidence shows a good standard"*) r=0 ;;
*) r=1 ;; esac
ok $r "before 2025: '3 - Evidence shows a good standard'"
run "$BIN" import "$R/made-up-la-2025-summary.txt" \
	"$R/made-up-la-2025-working-with-people.txt" --output "$T/b.db"
run "$BIN" --db "$T/b.db" scores
case $out in *"Assessing needs	1	4	Inadequate: Evidence shows significant shortfalls"*)
	r=0 ;; *) r=1 ;; esac
ok $r "from 2025: '1 - Inadequate: Evidence shows significant shortfalls'"

# --- wording that disagrees with its score: a warning with its line ------
run "$BIN" import "$R/made-up-la-wording.txt" --output "$T/w.db"
is "$rc" 0 "a report whose wording disagrees imports"
W="icsbrowse: warning: $R/made-up-la-wording.txt"
is "$(printf '%s\n' "$err" | grep "wording is of")" \
"$W:13: quality statement 'Assessing needs' scores 2, but its wording is of a 3: 3 - Evidence shows a good standard
$W:23: quality statement 'Supporting people to live healthier lives' scores 3, but its wording is of a 2: 3 - Requires improvement: Evidence shows some shortfalls" \
	"by its figure, and by its words (the figure agrees)"
case $err in *"Equity in experience"*"wording"*) r=1 ;; *) r=0 ;; esac
ok $r "an en dash and the 2025 form, agreeing: no warning"
is "$(printf '%s\n' "$err" | grep -c "theme '.*' not found")" 3 \
	"each missing theme named once"
run "$BIN" --db "$T/w.db" scores
is "$(printf '%s\n' "$out" | cut -f 3,4,6)" "Assessing needs	2	Evidence shows a good standard
Supporting people to live healthier lives	3	Requires improvement: Evidence shows some shortfalls
Equity in experience and outcomes	4	Outstanding: Evidence shows an exceptional standard" \
	"the score is the 'Score: N' line's; the wording kept as printed"

# --- a 2023 pilot: its own sections, its title, its start date -----------
run "$BIN" import "$R/made-up-la-2023-pilot.txt" --output "$T/p.db"
is "$rc" 0 "a pilot's report imports"
run "$BIN" --db "$T/p.db" tree
is "$(printf '%s\n' "$out" | head -n 4)" "overview	part	Overview
overview/how-we-assess	section	How we assess local authorities
overview/about	section	About Made-up Vale Council
overview/financial-facts	section	Financial facts" \
	"How we assess, About NAME, Financial facts: sections of the overview"
run "$BIN" --db "$T/p.db" query "SELECT key || '=' || value AS value FROM meta
    WHERE key IN ('title', 'body', 'started') ORDER BY key"
is "$out" "value
body=Made-up Vale Council
started=6 March 2023
title=Made-up Vale Council assessment" \
	"'NAME assessment' names the council; the start date is read"
run "$BIN" --db "$T/p.db" query "SELECT b.kind FROM blocks b JOIN nodes n
    ON n.id = b.node WHERE n.path = 'overview/financial-facts'"
is "$out" "kind
item
item" "the financial facts are a list"
run "$BIN" --db "$T/p.db" scores
is "$(printf '%s\n' "$out" | wc -l)" 9 "its nine statement scores"
# ICS reports have no "About NAME" section: a free heading there.
printf 'Made-up ICS: pilot assessment report\n\nMADE UP.\n\nTheme 1: Leadership\n\nQuality statement: Freedom to speak up\n\nAbout the made-up system\n\nText.\n' >"$T/ics.txt"
run "$BIN" import "$T/ics.txt" --output "$T/ics.db"
run "$BIN" --db "$T/ics.db" tree
case $out in *"leadership/freedom-to-speak-up/about-the-made-up-system	subsection"*) r=0 ;; *) r=1 ;; esac
ok $r "in an ICS report, 'About ...' is a heading of where it falls"

done_testing
