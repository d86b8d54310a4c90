#!/bin/sh
# print.sh: `icsbrowse print` in every format, to files, printers and
# standard output.
. "${top_srcdir:-.}/tests/lib.sh"

TWO="quality-and-safety/learning-culture/key-messages places/bcp-council-area"

# --- the formats, golden -------------------------------------------------
for f in text markdown html; do
	# shellcheck disable=SC2086
	run "$BIN" print --format $f $TWO
	is "$rc" 0 "print --format $f exits 0"
	golden "print-two.$f" "print --format $f: the same two sections"
done

run "$BIN" print $TWO
is "$(printf '%s' "$out" | tr -cd '\f' | wc -c)" \
	"$(( $(printf '%s\n' "$out" | grep -c '^ *Page [0-9]* of [0-9]*$') - 1 ))" \
	"text: a form feed between pages, one page foot each"
printf '%s\n' "$out" | tr '\f' '\n' | awk 'length($0) > 0 { print }' >/dev/null
is "$(printf '%s\n' "$out" | tr -d '\f' | wc -L)" 80 "text: 80 columns by default"
total=$(printf '%s\n' "$out" | grep -c '^ *Page [0-9]* of [0-9]*$')
is "$(printf '%s\n' "$out" | sed -n 's/^ *Page \([0-9]*\) of \([0-9]*\)$/\2/p' | sort -u)" \
	"$total" "text: Page n of N with N the number of pages"
# Every page has 66 lines: split at form feeds and count.
printf '%s\n' "$out" | awk 'BEGIN { RS = "\f" } { n = split($0, l, "\n"); if (l[n] == "") n--; print n }' |
	sort -u >"$TMPDIR_TEST/heights"
is "$(cat "$TMPDIR_TEST/heights")" 66 "text: every page is 66 lines"
run "$BIN" print --page-size 40x20 quality-and-safety/learning-culture
test "$(printf '%s\n' "$out" | tr -d '\f' | wc -L)" -le 40
ok $? "text: --page-size 40x20 keeps to 40 columns"
printf '%s\n' "$out" | awk 'BEGIN { RS = "\f" } { n = split($0, l, "\n"); if (l[n] == "") n--; print n }' |
	sort -u >"$TMPDIR_TEST/heights"
is "$(cat "$TMPDIR_TEST/heights")" 20 "text: --page-size 40x20 makes pages of 20 lines"
# No heading alone at the foot of a page: after an underline there is text
# on the same page before the foot.
printf '%s\n' "$out" | awk '
	/^[=~-]+$/ { under = NR }
	/^ *Page [0-9]+ of [0-9]+$/ { if (under && NR - under <= 3) bad = 1; under = 0 }
	/[A-Za-z]/ && !/^ *Page / && NR > under + 1 { under = 0 }
	END { exit bad }'
ok $? "text: no heading is left alone at the foot of a page"
run "$BIN" print --page-size 10x5 overview/finance
is "$rc" 2 "a page size under the least is wrong usage"
for f in text markdown html; do
	run "$BIN" print --format $f overview/finance
	printf '%s\n' "$out" | grep -q 'Dorset Integrated Care System: pilot assessment report'
	ok $? "$f names the report"
	printf '%s\n' "$out" | grep -q 'Care Quality Commission, published 25 September 2024'
	ok $? "$f names its publisher and publication date"
	printf '%s\n' "$out" | grep -q 'Sections: Overview › Finance'
	ok $? "$f names the sections it holds"
done

# --- children and young people: every heading names its part -----------
CYP=children-and-young-people/learning-culture
for f in text markdown html; do
	run "$BIN" print --format $f $CYP
	printf '%s\n' "$out" | grep -q 'Children and young people: Learning culture'
	ok $? "$f: a children and young people part's heading names its part"
done

# --- HTML: valid, the report title a heading, no redundant columns ------
ALL="overview leadership integration quality-and-safety children-and-young-people places background"
# shellcheck disable=SC2086
"$BIN" print --format html $ALL >"$TMPDIR_TEST/all.html"
# A list directly inside a list: after <ul> or <ol> the next tag is <li>.
grep -o '<[a-z0-9]*' "$TMPDIR_TEST/all.html" |
	awk 'prev ~ /^<(ul|ol)$/ && $0 != "<li" { bad = 1 } { prev = $0 } END { exit bad }'
ok $? "html: no list directly inside a list, in the whole report"
if [ -n "${TIDY:-}" ] && [ -x "$TIDY" ]; then
	for p in "$ALL" "overview/finance" "places/dorset-ics" "$CYP"; do
		# shellcheck disable=SC2086
		"$BIN" print --format html $p >"$TMPDIR_TEST/v.html"
		"$TIDY" -q -e "$TMPDIR_TEST/v.html" >"$TMPDIR_TEST/tidy" 2>&1
		is "$?:$(cat "$TMPDIR_TEST/tidy")" "0:" "html of $(echo $p | cut -c1-40): tidy finds nothing wrong"
	done
elif [ -n "${CI:-}" ]; then
	_fail "html: tidy is not installed (./bootstrap installs it)"
else
	echo "ok - html: tidy # SKIP tidy is not installed"
fi
run "$BIN" print --format html overview/finance
printf '%s\n' "$out" | grep -q '^<h1 class="report">Dorset Integrated Care System: pilot assessment report</h1>$'
ok $? "html: the report's title is its one h1"
is "$(printf '%s\n' "$out" | grep -c '<h1')" 1 "html: and the only one"
run "$BIN" print --format html places/bcp-council-area
printf '%s\n' "$out" | grep -q '^<p class="note">Place in every row: BCP Council area.</p>$'
ok $? "html: a column the same in every row is said once above the table"
printf '%s\n' "$out" | grep -q '<thead><tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Cited in</th></tr></thead>'
ok $? "html: and it and the empty columns are left out"
printf '%s\n' "$out" | grep -q '<td>Places › BCP Council area</td>'
ok $? "html: cited sections by their titles"

# --- text: the title once on page 1, no slug broken mid-word ------------
run "$BIN" print places/dorset-ics
is "$(printf '%s\n' "$out" | awk 'BEGIN { RS = "\f" } NR == 1' |
	grep -c 'Dorset Integrated Care System: pilot assessment report')" 1 \
	"text: the report's title once on page 1"
printf '%s\n' "$out" | grep -q 'collaboratively-to-a$\|^ *ddress'
is $? 1 "text: no slug broken mid-word"
printf '%s\n' "$out" | grep -q 'cited in Overview › Local context › Local demographics'
ok $? "text: figures cite sections by their titles"

# --- PDF ---------------------------------------------------------------
if [ -n "${PDFTOTEXT:-}" ] && [ -x "$PDFTOTEXT" ] && [ -n "${PDFINFO:-}" ]; then
	# shellcheck disable=SC2086
	run "$BIN" print --format pdf --output "$TMPDIR_TEST/two.pdf" $TWO
	is "$rc" 0 "print --format pdf --output exits 0"
	"$PDFTOTEXT" "$TMPDIR_TEST/two.pdf" "$TMPDIR_TEST/two.txt"
	grep -q 'There is a positive learning and safety culture developing' "$TMPDIR_TEST/two.txt"
	ok $? "pdf: the text is there"
	grep -q 'Around 400,000 people live in the BCP Council area' "$TMPDIR_TEST/two.txt"
	ok $? "pdf: both sections are there"
	"$BIN" print --format pdf --output "$TMPDIR_TEST/fin.pdf" overview/finance
	"$PDFTOTEXT" "$TMPDIR_TEST/fin.pdf" - | grep -q '£909.1 million'
	ok $? "pdf: the £ sign comes through"
	"$PDFTOTEXT" "$TMPDIR_TEST/two.pdf" - | grep -q 'People’s health'
	ok $? "pdf: the ’ comes through"
	pages=$("$PDFINFO" "$TMPDIR_TEST/two.pdf" | sed -n 's/^Pages: *//p')
	size=$("$PDFINFO" "$TMPDIR_TEST/two.pdf" | sed -n 's/^Page size: *//p')
	is "$size" "595.276 x 841.89 pts (A4)" "pdf: A4"
	"$PDFTOTEXT" "$TMPDIR_TEST/two.pdf" - | grep -q "Page $pages of $pages"
	ok $? "pdf: its last page says Page $pages of $pages"
	test "$pages" -ge 2
	ok $? "pdf: the two sections take at least two pages ($pages)"
else
	for n in 1 2 3 4 5 6 7 8; do
		echo "ok - pdf check $n # SKIP pdftotext and pdfinfo are not installed"
	done
fi

# --- PDF for a board pack ----------------------------------------------
if [ -n "${PDFTOTEXT:-}" ] && [ -x "$PDFTOTEXT" ] && [ -n "${PDFINFO:-}" ]; then
	P=$TMPDIR_TEST/pack.pdf
	SOURCE_DATE_EPOCH=86400 "$BIN" print --format pdf --output "$P" \
		quality-and-safety/learning-culture $CYP places/dorset-ics
	"$PDFTOTEXT" -layout -f 2 -l 2 "$P" - | head -1 >"$TMPDIR_TEST/head"
	grep -q '^Dorset Integrated Care System: pilot assessment report  *Quality and safety › Learning culture$' "$TMPDIR_TEST/head"
	ok $? "pdf: the running head, the report's title and the section's in words on one line"
	"$PDFTOTEXT" -f 1 -l 1 "$P" - | grep -q '^Printed on 2 January 1970$'
	ok $? "pdf: 'Printed on DATE' on page 1 (SOURCE_DATE_EPOCH's day)"
	"$PDFTOTEXT" "$P" - | tr '\n' ' ' | grep -q ' Children and young people: Learning culture Staff from'
	ok $? "pdf: a children and young people part's heading names its part"
	"$PDFTOTEXT" "$P" - | grep -q '[a-z]-[a-z-]*/[a-z]'
	is $? 1 "pdf: no slug anywhere: sections are cited by title"
	"$PDFTOTEXT" "$P" - | grep -q '^Place in every row: Dorset ICS.$'
	ok $? "pdf: a column the same in every row is said once above the table"
	n=$("$PDFINFO" "$P" | sed -n 's/^Pages: *//p')
	i=0 bad=0
	while [ "$i" -lt "$n" ]; do
		i=$((i + 1))
		"$PDFTOTEXT" -f $i -l $i "$P" - >"$TMPDIR_TEST/page"
		# A page with table rows (a cited section) has the header row.
		if grep -q '› Local$\|Overview ›\|› Findings$' "$TMPDIR_TEST/page" &&
		    [ "$i" -gt 3 ] && ! grep -q '^Cited in$' "$TMPDIR_TEST/page"; then
			bad=1
		fi
	done
	is "$bad" 0 "pdf: the table's header row is on every page it runs on to"
	"$PDFINFO" "$P" >"$TMPDIR_TEST/info"
	grep -q '^Tagged: *yes$' "$TMPDIR_TEST/info"
	ok $? "pdf: tagged (headings, paragraphs, lists, tables)"
	grep -q '^Subject: *Quality and safety › Learning culture; Children and young people › Learning culture; Places › Dorset ICS$' "$TMPDIR_TEST/info"
	ok $? "pdf: its subject names the sections"
	grep -a -q '/Lang (en-GB)' "$P"
	ok $? "pdf: its language is en-GB"
	"$PDFINFO" "$P" 2>&1 >/dev/null | grep -q .
	is $? 1 "pdf: and it reads without a syntax error (its xref is right)"
	if "$PDFINFO" -struct "$P" >"$TMPDIR_TEST/struct" 2>&1; then
		grep -q 'Warning\|Error' "$TMPDIR_TEST/struct"
		is $? 1 "pdf: the structure tree reads without a warning"
		grep -q '^    H2 (block)$\|^  H2 (block)$' "$TMPDIR_TEST/struct"
		ok $? "pdf: the sections' headings are tagged"
		grep -q 'Table (block)' "$TMPDIR_TEST/struct" &&
			grep -q 'L (block)' "$TMPDIR_TEST/struct"
		ok $? "pdf: tables and lists are tagged"
	fi
	if command -v pdftohtml >/dev/null 2>&1; then
		pdftohtml -stdout -xml -i -q "$P" >"$TMPDIR_TEST/xml"
		grep -q '<item page="1">Quality statement: Learning culture</item>' "$TMPDIR_TEST/xml" &&
			grep -q '>Children and young people: Learning culture</item>' "$TMPDIR_TEST/xml"
		ok $? "pdf: bookmarks for the sections printed"
	fi
	"$BIN" print --format pdf --output "$TMPDIR_TEST/km.pdf" learning-culture/key-messages
	pdffonts "$TMPDIR_TEST/km.pdf" 2>/dev/null | grep -q 'Serif-Bold'
	is $? 1 "pdf: key messages are in the body's weight, not bold"
else
	for n in 1 2 3 4 5 6 7 8 9 10 11; do
		echo "ok - pdf check $n # SKIP pdftotext and pdfinfo are not installed"
	done
fi
run "$BIN" print --format pdf overview/finance
is "$rc" 0 "pdf to a pipe is fine"
case $out in %PDF*) r=0 ;; *) r=1 ;; esac
ok $r "and is a PDF"

# --- files ---------------------------------------------------------------
run "$BIN" print --output "$TMPDIR_TEST/out.md" --format markdown overview/finance
is "$rc" 0 "print --output writes a file"
printf 'keep me\n' >"$TMPDIR_TEST/exists.txt"
run "$BIN" print --output "$TMPDIR_TEST/exists.txt" overview/finance
is "$rc" 1 "an existing file is refused"
is "$err" "icsbrowse: $TMPDIR_TEST/exists.txt: the file exists (--force writes over it)" \
	"and says how to overwrite it"
is "$(cat "$TMPDIR_TEST/exists.txt")" "keep me" "the existing file is untouched"
run "$BIN" print --output "$TMPDIR_TEST/exists.txt" --force overview/finance
is "$rc" 0 "--force writes over it"
grep -q 'Finance' "$TMPDIR_TEST/exists.txt"
ok $? "with the printout"
run "$BIN" print --output "$TMPDIR_TEST" overview/finance
is "$err" "icsbrowse: $TMPDIR_TEST: is a directory" "--output to a directory is refused"
run "$BIN" print --output "$TMPDIR_TEST/no/such/dir/x.txt" overview/finance
is "$rc" 1 "--output into a missing folder fails"
case $err in "icsbrowse: $TMPDIR_TEST/no/such/dir/x.txt: cannot write: No such file or directory") r=0 ;; *) r=1 ;; esac
ok $r "and says so in one line"
# A failure in the middle of writing (the file size limit) leaves no file.
(ulimit -f 1; "$BIN" print --format pdf --output "$TMPDIR_TEST/big.pdf" \
	quality-and-safety) >"$TMPDIR_TEST/out" 2>"$TMPDIR_TEST/err"
is "$?" 1 "a write that fails part way exits 1"
test ! -e "$TMPDIR_TEST/big.pdf"
ok $? "and leaves no file"
ls "$TMPDIR_TEST" | grep -q 'big.pdf.tmp'
is "$?" 1 "and no temporary file"
case $(cat "$TMPDIR_TEST/err") in "icsbrowse: $TMPDIR_TEST/big.pdf: cannot write: File too large") r=0 ;; *) r=1 ;; esac
ok $r "and says why"

# --- printers: a recording lp first on PATH ----------------------------
mkdir "$TMPDIR_TEST/bin"
cat >"$TMPDIR_TEST/bin/lp" <<'LP'
#!/bin/sh
# Record the argument vector, one argument a line, and the bytes received.
for a in "$@"; do printf '%s\n' "$a"; done >"$LP_RECORD.args"
cat >"$LP_RECORD.data"
LP
chmod +x "$TMPDIR_TEST/bin/lp"
LP_RECORD=$TMPDIR_TEST/lp
export LP_RECORD
run env PATH="$TMPDIR_TEST/bin:$PATH" "$BIN" print --printer 'office; rm -rf / $(x) `y`' overview/finance
is "$rc" 0 "print --printer NAME exits 0"
printf -- '-d\noffice; rm -rf / $(x) `y`\n' >"$TMPDIR_TEST/want"
cmp -s "$TMPDIR_TEST/want" "$LP_RECORD.args"
ok $? "a printer name with shell characters reaches lp as one argument"
"$BIN" print overview/finance | cmp -s - "$LP_RECORD.data"
ok $? "lp receives the printout on its standard input"
run env PATH="$TMPDIR_TEST/bin:$PATH" "$BIN" print --printer overview/finance
is "$rc" 0 "print --printer alone uses the default printer"
is "$(cat "$LP_RECORD.args")" "" "and gives lp no -d"
cat >"$TMPDIR_TEST/bin/lp" <<'LP'
#!/bin/sh
cat >/dev/null
echo "lp: The printer or class does not exist." >&2
exit 1
LP
run env PATH="$TMPDIR_TEST/bin:$PATH" "$BIN" print --printer nowhere overview/finance
is "$rc" 1 "a failing lp makes print fail"
is "$err" "icsbrowse: lp failed (exit status 1): lp: The printer or class does not exist." \
	"with lp's exit status and what it said"
mkdir "$TMPDIR_TEST/empty"
run env PATH="$TMPDIR_TEST/empty" "$BIN" print --printer overview/finance
is "$rc" 1 "no lp or lpr on PATH: exit 1"
is "$err" "icsbrowse: cannot print: neither lp nor lpr is on PATH (install CUPS, or print to a file with --output)" \
	"and a clear message"
rm "$TMPDIR_TEST/bin/lp"
cat >"$TMPDIR_TEST/bin/lpr" <<'LP'
#!/bin/sh
for a in "$@"; do printf '%s\n' "$a"; done >"$LP_RECORD.args"
cat >"$LP_RECORD.data"
LP
chmod +x "$TMPDIR_TEST/bin/lpr"
run env PATH="$TMPDIR_TEST/bin:/usr/bin:/bin" "$BIN" print --printer=hall overview/finance
printf -- '-P\nhall\n' | cmp -s - "$LP_RECORD.args"
ok $? "with only lpr, lpr -P NAME"

# --- paths -------------------------------------------------------------
run "$BIN" print overview/finance learning-culture/key-messages
printf '%s\n' "$out" | grep -n '^Finance$\|^Key messages$' | cut -d: -f2 >"$TMPDIR_TEST/order"
printf 'Finance\nKey messages\n' | cmp -s - "$TMPDIR_TEST/order"
ok $? "sections print in the order given"
printf 'overview/finance\n\nlearning-culture/key-messages\n' |
	"$BIN" print --format markdown - >"$TMPDIR_TEST/stdin.md"
"$BIN" print --format markdown overview/finance learning-culture/key-messages |
	cmp -s - "$TMPDIR_TEST/stdin.md"
ok $? "'-' reads the paths from standard input"
# Options anywhere before "--", as in every subcommand.
run "$BIN" print overview/finance --format html
is "$rc" 0 "an option after the path"
case $out in '<!DOCTYPE html>'*) r=0 ;; *) r=1 ;; esac
ok $r "is taken as an option: HTML"
"$BIN" print --format markdown overview/finance learning-culture/key-messages \
	>"$TMPDIR_TEST/before.md"
"$BIN" print overview/finance --format=markdown learning-culture/key-messages |
	cmp -s - "$TMPDIR_TEST/before.md"
ok $? "an option between paths"
run "$BIN" print --format markdown -- --format
is "$rc:$err" "1:icsbrowse: --format: no such section (see 'icsbrowse tree')" \
	"after '--', a word is a path, not an option"
run "$BIN" show overview/finance --width 30
is "$(printf '%s\n' "$out" | wc -L)" 30 "show PATH --width 30"
# Short options after the operands: with their value in the same word or
# the next, and grouped.
"$BIN" show --width 30 overview/finance >"$TMPDIR_TEST/w30"
"$BIN" show overview/finance -w30 | cmp -s - "$TMPDIR_TEST/w30"
ok $? "show PATH -w30: the value in the same word"
"$BIN" show overview/finance -w 30 | cmp -s - "$TMPDIR_TEST/w30"
ok $? "show PATH -w 30: the value in the next word"
"$BIN" print --format markdown overview/finance >"$TMPDIR_TEST/md"
run "$BIN" print overview/finance -f markdown -o "$TMPDIR_TEST/f.md"
is "$rc:$err" "0:" "print PATH -f markdown -o FILE"
cmp -s "$TMPDIR_TEST/md" "$TMPDIR_TEST/f.md"
ok $? "both taken as options: the Markdown in FILE"
run "$BIN" print overview/finance -hf markdown
is "$rc" 0 "a group of short options after the path (-hf markdown: the help)"
case $out in *Usage*|*usage*) r=0 ;; *) r=1 ;; esac
ok $r "which is the help, the value taken with it"
run "$BIN" search DiiS --bogus
is "$rc:$err" "2:icsbrowse: search: unknown option '--bogus' (see 'icsbrowse --help')" \
	"an unknown option after the query is wrong usage"
printf 'overview/finance\n\nno/such\n' >"$TMPDIR_TEST/paths"
run "$BIN" print - <"$TMPDIR_TEST/paths"
is "$rc:$err" "1:icsbrowse: standard input:3: no/such: no such section (see 'icsbrowse tree')" \
	"a bad path on standard input: the line it is on, in one line"
run "$BIN" print no/such
is "$rc" 1 "an unknown path exits 1"
run "$BIN" print
is "$rc" 2 "no path is wrong usage"
run "$BIN" print --format odt overview
is "$rc" 2 "an unknown format is wrong usage"
run "$BIN" print --output a --printer b overview
is "$rc" 2 "two destinations are wrong usage"

done_testing
