#!/bin/sh
# longer.sh FILE N: a report's text (a paragraph a line, as the web text
# and tests/reports/ are) made longer, for timings and kill tests (N = 20
# makes the Dorset web text about 10 times as long):
# each free sub-section (a heading of no fixed wording and what follows it
# up to the next heading) is printed N times, copy K with its heading
# renamed "HEADING (copy K)".  The framework's own headings, the lines of
# scores and a heading with nothing under it (a statement's name) are
# printed once.  Its output is no CQC text: it says so in
# its first paragraph, and never ships as data.
set -eu
file=$1 n=$2
awk -v n="$n" '
function fixed(s) {
	return s ~ /^Theme [0-9]+: / || s ~ /^Quality statement: / ||
	    s ~ /^(Key messages|Direction of travel|Summary of strengths|Finance|Local context|Overall summary|Quality statement scores|What people expect|The local authority commitment|Key findings for this quality statement|Local authority rating and score|Introduction and overview|ICS assessment themes)$/ ||
	    s ~ /^Areas for development/ || s ~ /^Summary findings for / ||
	    s ~ /priority area: / || s ~ /: local authority assessment$/ ||
	    s ~ /^Score: / || s ~ /^[1-4] [-–] / ||
	    s ~ /^(Date of|Assessment start date|Assessment published)/
}
function heading(s) {
	return s != "" && s !~ /^- / && s !~ /[.:;!?,)]$/ && length(s) < 120 &&
	    s !~ /\]\(#\)/
}
function flush(   k, i) {
	if (nsec == 0)
		return
	# A heading with nothing under it (a statement name) stays one.
	for (k = 1; k <= (body ? n : 1); k++) {
		print (k == 1 ? sec[1] : sec[1] " (copy " k ")")
		for (i = 2; i <= nsec; i++)
			print sec[i]
	}
	nsec = body = 0
}
NR == 1 { print; print ""; print "GENERATED for icsbrowse'"'"'s timings and tests: the report above repeated, no text the CQC published."; next }
{
	if (heading($0) && !fixed($0) && prev == "") {
		flush(); sec[++nsec] = $0
	} else if (heading($0) && fixed($0) && prev == "") {
		flush(); print
	} else if (nsec > 0) {
		sec[++nsec] = $0
		body += $0 != ""
	}
	else
		print
	prev = $0
}
END { flush() }' "$file"
