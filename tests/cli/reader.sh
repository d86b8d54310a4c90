#!/bin/sh
# reader.sh: `icsbrowse import` of a CQC report as published (its text),
# `scores`, `--explain`, and bad inputs: each one line, nothing written.
#
# The local authority reports under tests/reports/ are MADE UP for these
# tests (each says so, in its second line or its last): no such councils
# exist and the CQC never published them.  The Dorset report is read from
# ../shared/source (or ICSB_SOURCE_DIR) when it is there.
. "${top_srcdir:-.}/tests/lib.sh"

R=$top_srcdir/tests/reports
SRC=${ICSB_SOURCE_DIR:-$top_srcdir/../shared/source}
T=$TMPDIR_TEST

no_tmp() { ! ls "$(dirname "$1")" | grep -q "$(basename "$1").tmp-"; }

# --- a made-up local authority report, 2024 wording --------------------
run "$BIN" import "$R/made-up-la-2024.txt" --output "$T/la.db"
is "$rc" 0 "a local authority report imports"
is "$err" "" "with no warning: its scores agree"
run "$BIN" --db "$T/la.db" scores
is "$rc" 0 "scores lists its scores"
golden scores-la-2024.txt "scores: overall, then nine statements in order"
run "$BIN" --db "$T/la.db" query "SELECT value FROM meta WHERE key='rating'"
run "$BIN" --db "$T/la.db" show working-with-people/assessing-needs
is "$rc" 0 "a statement page shows"
case $out in *"Score: 3"*"3 - Evidence shows a good standard"*"What people \
expect"*) r=0 ;; *) r=1 ;; esac
ok $r "the statement keeps its score and wording lines as text"

# --- made-up 2025 pages: scores that disagree --------------------------
run "$BIN" import "$R/made-up-la-2025-summary.txt" \
	"$R/made-up-la-2025-working-with-people.txt" --output "$T/la5.db"
is "$rc" 0 "several files are the pages of one report"
is "$(printf '%s\n' "$err" | tail -n 2)" "icsbrowse: warning: the overall score 35 is not round(100 x 12 / 36) = 33
icsbrowse: warning: the rating 'Requires improvement' is not the band of the overall score 35 (Inadequate)" \
	"the overall score and rating are checked, with a warning each"
case $err in *"'Safeguarding' not found (the summary gives its score)"*) r=0 ;;
*) r=1 ;; esac
ok $r "a statement with no page of its own is named"
run "$BIN" --db "$T/la5.db" scores
golden scores-la-2025.txt "2025 wording; the summary's scores where no page is"

# --- a made-up report cut off part way ----------------------------------
run "$BIN" import "$R/made-up-la-truncated.txt" --output "$T/lat.db"
is "$rc" 0 "a truncated report gives the dataset of what is there"
case $err in *"quality statement 'Safeguarding' not found"*) r=0 ;;
*) r=1 ;; esac
ok $r "and a warning names what is missing"

# --- the built-in Dorset dataset has no scores --------------------------
run "$BIN" scores
is "$rc" 1 "scores of an ICS report: exit 1"
is "$(printf '%s\n' "$err" | wc -l)" 1 "in one line"
XDG_DATA_HOME=$TMPDIR_TEST/data run "$BIN" scores extra
is "$rc:$err" "1:icsbrowse: extra: no such assessment in the library (see 'icsbrowse list')" \
    "scores NAME names assessments of the library (tests/cli/library.sh)"

# --- bad inputs: one line, exit 1, the output left as it was ------------
printf 'keep\n' >"$T/keep.db"
bad() { # NAME FILE WANT
	run "$BIN" import --force "$2" --output "$T/keep.db"
	is "$rc" 1 "$1: exit 1"
	is "$err" "icsbrowse: $3" "$1: says so in one line"
	is "$(cat "$T/keep.db")" keep "$1: the output is unchanged"
	no_tmp "$T/keep.db"
	ok $? "$1: no temporary file is left"
}
: >"$T/empty.txt"
bad "an empty file" "$T/empty.txt" "$T/empty.txt: empty: no text in the file"
printf 'Theme 1: Leadership\n\000\001\n' >"$T/bin.txt"
bad "a binary file" "$T/bin.txt" \
	"$T/bin.txt:2: a binary file, not a report's text (byte 0x00)"
printf 'Theme 1: Leadership\nCaf\351\n' >"$T/latin1.txt"
bad "text in Latin-1" "$T/latin1.txt" "$T/latin1.txt:2: not UTF-8 (byte \
0xe9): the text is in another encoding; convert it to UTF-8 first"
printf '\377\376T\000h\000' >"$T/utf16.txt"
bad "text in UTF-16" "$T/utf16.txt" \
	"$T/utf16.txt: UTF-16 text: save the report as UTF-8 and read it again"
printf 'Minutes of the parish council\n\nApologies were received.\n' \
	>"$T/minutes.txt"
bad "not an assessment" "$T/minutes.txt" "$T/minutes.txt: not a CQC \
assessment report: no theme or quality statement headings found"
truncate -s 9M "$T/huge.txt"
bad "over the size limit" "$T/huge.txt" \
	"$T/huge.txt: larger than the limit of 8 MB for a report"
bad "a missing file" "$T/none.txt" "$T/none.txt: No such file or directory"
run "$BIN" import --from word "$R/made-up-la-2024.txt" --output "$T/x.db"
is "$rc" 2 "--from takes csv, pdf or text only"
run "$BIN" import "$R/made-up-la-2024.txt" "$top_srcdir/assets" \
	--output "$T/x.db"
is "$rc" 1 "a CSV folder is not a page of a report"

# --- a report's dataset exports and imports back byte for byte ----------
run "$BIN" --db "$T/la.db" export "$T/la-one"
is "$rc" 0 "the read report exports as CSV"
run "$BIN" import "$T/la-one" --output "$T/la-one.db"
is "$rc" 0 "and the CSV imports"
run "$BIN" --db "$T/la-one.db" export "$T/la-two"
diff -r "$T/la-one" "$T/la-two" >/dev/null
ok $? "export, import, export of a read report is byte-identical"

# --- the Dorset report's text -------------------------------------------
if [ -r "$SRC/cqc-dorset-ics-assessment-2024.txt" ]; then
	run "$BIN" import "$SRC/cqc-dorset-ics-assessment-2024.txt" \
		--output "$T/dorset.db"
	is "$rc" 0 "the Dorset web text imports"
	is "$err" "" "with no warning"
	"$BIN" --db "$T/dorset.db" tree >"$T/read.tree"
	"$BIN" tree | grep -v '^places\|^background' >"$T/shipped.tree"
	cmp -s "$T/read.tree" "$T/shipped.tree"
	ok $? "its tree is the shipped dataset's: paths, kinds and titles"
	run "$BIN" import --explain \
		"$SRC/cqc-dorset-ics-quality-and-safety-pdf-extract.txt" \
		--output "$T/qs.db"
	is "$rc" 0 "the PDF extract imports"
	case $out in
	*"pdf-extract.txt:42: page furniture (a URL): https://www.cqc.org.uk/"*"pdf-extract.txt:638: page furniture (the copyright line): © Care Quality Commission"*) r=0 ;;
	*) r=1 ;;
	esac
	ok $r "--explain lists the furniture dropped, with line numbers"
	case $err in *"theme 'Leadership' not found (nor its 8 quality statements)"*) r=0 ;;
	*) r=1 ;;
	esac
	ok $r "the extract holds one theme: the others are named as missing"
else
	echo "# SKIP the Dorset report: $SRC is not there"
fi

# --- a PDF made by groff from the shipped dataset, read back ------------
# dataset2ms.sh writes the report's nodes and blocks as groff -ms input
# (headings larger, bullets drawn as circles, a running head, page
# numbers); groff -Tpdf, not icsbrowse, makes the PDF.
GROFF=${GROFF:-$(command -v groff || true)}
if [ -n "$GROFF" ] && command -v pdftotext >/dev/null &&
    "$GROFF" -Tpdf -ms </dev/null >/dev/null 2>&1; then
	sh "$R/dataset2ms.sh" "$DB" >"$T/dorset.ms"
	"$GROFF" -k -ms -Tpdf "$T/dorset.ms" >"$T/dorset.pdf"
	run "$BIN" import --explain "$T/dorset.pdf" --output "$T/pdf.db"
	is "$rc" 0 "a PDF imports"
	is "$err" "" "with no warning"
	case $out in *"dorset.pdf:"*": page furniture (a running head): CQC \
assessment report"*"page furniture (a page number): Page 2"*) r=0 ;;
	*) r=1 ;; esac
	ok $r "--explain lists running heads and page numbers"
	# groff sets ' as ’: quotes are compared as one.
	"$BIN" --db "$T/pdf.db" tree | sed "s/’/'/g" >"$T/pdf.tree"
	"$BIN" tree | grep -v '^places\|^background' >"$T/shipped.tree"
	cmp -s "$T/pdf.tree" "$T/shipped.tree"
	ok $? "the PDF's tree is the shipped dataset's (quotes aside)"
	# On more than one CPU, ranges of pages read at once; one pdftotext
	# over the whole PDF (one CPU, or pdfinfo failing) gives the same.
	mkdir -p "$T/one"
	ln -sf "$(command -v pdftotext)" "$T/one/pdftotext"
	printf '#!/bin/sh\nexit 1\n' >"$T/one/pdfinfo"
	chmod +x "$T/one/pdfinfo"
	run env PATH="$T/one" "$BIN" import "$T/dorset.pdf" --output "$T/one.db"
	is "$rc:$err" "0:" "pdfinfo failing: one pdftotext reads the PDF"
	sqlite3 "$T/pdf.db" .dump >"$T/pdf.dump"
	sqlite3 "$T/one.db" .dump >"$T/one.dump"
	cmp -s "$T/pdf.dump" "$T/one.dump"
	ok $? "  the same database, row for row, as the ranges give"
	dump() {
		sqlite3 -separator '	' "$1" "SELECT n.path, b.kind, b.text FROM
		    blocks b JOIN nodes n ON n.id = b.node WHERE n.source = 'cqc'
		    ORDER BY b.rowid" | sed "s/’/'/g; s/[‘]/'/g; s/[“”]/\"/g"
	}
	dump "$DB" >"$T/ref.blocks"
	dump "$T/pdf.db" >"$T/pdf.blocks"
	all=$(wc -l <"$T/ref.blocks")
	miss=$(diff "$T/ref.blocks" "$T/pdf.blocks" | grep -c '^<')
	echo "# PDF made by groff: blocks $((all - miss)) of $all in place"
	[ $((all - miss)) -ge 243 ]
	ok $? "the PDF's blocks are the dataset's, but for at most one"

	# The same PDF through pdftotext without positions: text with a form
	# feed before each page, its running head and page number on lines
	# of their own.  Each is dropped and listed with its line number, and
	# a paragraph that runs across a page break is one block again.
	pdftotext "$T/dorset.pdf" "$T/dorset-pdf.txt"
	run "$BIN" import --explain "$T/dorset-pdf.txt" --output "$T/ptxt.db"
	is "$rc" 0 "pdftotext's text of the PDF imports"
	# pdftotext ends each page with a form feed; -ms sets no head on page 1.
	pages=$(tr -cd '\f' <"$T/dorset-pdf.txt" | wc -c)
	heads=$(grep -c "^$(printf '\f')CQC assessment report$" "$T/dorset-pdf.txt")
	first=$(grep -n "$(printf '\f')CQC assessment report" \
	    "$T/dorset-pdf.txt" | head -n 1 | cut -d: -f1)
	is "$(printf '%s\n' "$out" | grep -c ': page furniture (a running head): CQC assessment report$')" \
	    "$heads" "--explain lists the running head of each page but the first ($heads)"
	is "$(printf '%s\n' "$out" | grep -c ': page furniture (a page number): Page [0-9]*$')" \
	    "$pages" "and each page number ($pages)"
	case $out in *"dorset-pdf.txt:$first: page furniture (a running head)"*)
		r=0 ;; *) r=1 ;; esac
	ok $r "with its line number ($first), after the form feed"
	# Each last line of a page that ends no sentence, and the next page's
	# first line of text: one block holds both, joined.
	awk 'function flush() { if (last != "" && last !~ /[.:]$/ && first != "")
		print last "\t" first; last = first = "" }
	/^Page [0-9]+$/ { getline; while ($0 == "") getline;
		if ($0 ~ /^\fCQC/) { getline; while ($0 == "") getline }
		split($0, w, " "); first = w[1] " " w[2]; flush(); next }
	$0 != "" { n = split($0, w, " "); last = w[n - 1] " " w[n] }' \
	    "$T/dorset-pdf.txt" >"$T/across.txt"
	across=$(wc -l <"$T/across.txt")
	joined=0
	while IFS='	' read -r a b; do
		n=$(sqlite3 "$T/ptxt.db" "SELECT count(*) FROM blocks WHERE
		    instr(text, '$(printf '%s' "$a $b" | sed "s/'/''/g")') > 0")
		[ "$n" -gt 0 ] && joined=$((joined + 1))
	done <"$T/across.txt"
	[ "$across" -gt 0 ] && [ "$joined" -eq "$across" ]
	ok $? "the $across paragraphs across a page break are joined ($joined)"
	dump "$T/ptxt.db" >"$T/ptxt.blocks"
	miss=$(diff "$T/ref.blocks" "$T/ptxt.blocks" | grep -c '^<')
	echo "# pdftotext's text of the PDF: blocks $((all - miss)) of $all in place"
	[ $((all - miss)) -ge 167 ]
	ok $? "pdftotext's text: at least 167 blocks in place, kinds too (no bullets)"
	case $(sqlite3 "$T/ptxt.db" "SELECT count(*) FROM blocks WHERE
	    instr(text, char(12)) > 0") in 0) r=0 ;; *) r=1 ;; esac
	ok $r "no form feed is left in the text"

	printf '.LP\n\\D'"'"'l 1i 0'"'"'\n' | "$GROFF" -ms -Tpdf >"$T/drawing.pdf"
	bad "a PDF with no text layer" "$T/drawing.pdf" "$T/drawing.pdf: no \
text layer: the PDF holds no text to read (a scanned report?); run it \
through OCR first"
	printf '%%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R /Encrypt 2 0 R >>\n%%%%EOF\n' >"$T/locked.pdf"
	bad "an encrypted PDF" "$T/locked.pdf" "$T/locked.pdf: an encrypted \
PDF: icsbrowse reads only unencrypted ones (qpdf --decrypt makes one)"
	printf '%%PDF-1.4\nnot a PDF body at all\n%%%%EOF\n' >"$T/damaged.pdf"
	bad "a damaged PDF" "$T/damaged.pdf" \
		"$T/damaged.pdf: a damaged PDF: pdftotext cannot read it (exit 1)"
	size=$(wc -c <"$T/dorset.pdf")
	head -c $((size / 2)) "$T/dorset.pdf" >"$T/half.pdf"
	run "$BIN" import --force "$T/half.pdf" --output "$T/keep.db"
	is "$rc" 1 "a PDF cut in half: exit 1"
	case $err in *"half.pdf: a truncated PDF: it stops before its end"*)
		r=0 ;; *) r=1 ;; esac
	ok $r "a PDF cut in half: says it is truncated"
	run env PATH=/nonexistent "$BIN" import --force "$T/dorset.pdf" \
		--output "$T/keep.db"
	is "$err" "icsbrowse: $T/dorset.pdf: cannot run pdftotext to read the \
PDF: install poppler-utils" "no pdftotext: says what to install"
	is "$(cat "$T/keep.db")" keep "no pdftotext: the output is unchanged"
	if [ "$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)" -gt 1 ]; then
		# pdftotext that fails on a range after the first, and reads
		# the first range or the whole PDF.
		mkdir -p "$T/two"
		ln -sf "$(command -v pdfinfo)" "$T/two/pdfinfo"
		printf '#!/bin/sh\ncase " $* " in *" -f 1 "*) ;; *" -f "*) exit 1 ;; esac\nexec %s "$@"\n' \
			"$(command -v pdftotext)" >"$T/two/pdftotext"
		chmod +x "$T/two/pdftotext"
		run env PATH="$T/two" "$BIN" import --force "$T/dorset.pdf" \
			--output "$T/keep.db"
		is "$rc:$err" "1:icsbrowse: $T/dorset.pdf: a damaged PDF: \
pdftotext cannot read it (exit 1)" "a later range damaged: one line, the file named"
		is "$(cat "$T/keep.db")" keep "  the output is unchanged"
	else
		echo "# SKIP a later range damaged: one CPU online, one child"
	fi
	run "$BIN" import --from pdf "$R/made-up-la-2024.txt" --output "$T/x.db"
	is "$err" "icsbrowse: $R/made-up-la-2024.txt: not a PDF (no %PDF- \
header)" "--from pdf on a text: not a PDF"
elif [ -n "${CI:-}" ]; then
	_fail "groff -Tpdf and pdftotext are needed (./bootstrap installs them)"
else
	echo "# SKIP the PDF tests: groff -Tpdf or pdftotext is missing"
fi

done_testing
