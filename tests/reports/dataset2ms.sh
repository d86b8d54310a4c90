#!/bin/sh
# dataset2ms.sh DB: write the report part of an icsbrowse database as groff
# -ms input, for tests/cli/reader.sh to make a PDF of with groff -Tpdf (a
# PDF writer other than icsbrowse's own): headings larger, in bold, with
# space above, paragraphs that run across pages, a running head and page numbers,
# and list bullets drawn as graphics (filled circles), not as text.
set -eu
db=$1
printf '%s\n' '.nr HY 0' '.hy 0' '.lg 0' '.nr PD 0.5v' \
	'.ds LH CQC assessment report' '.ds CH' '.ds RH' '.ds CF Page %'
{
	sqlite3 -separator '	' "$db" "SELECT 'T', value FROM meta WHERE key = 'title'"
	sqlite3 -separator '	' "$db" "
	SELECT k, t FROM (
	  SELECT n.id AS id, -1 AS r, 'H' AS k, n.heading AS t FROM nodes n
	    WHERE n.source = 'cqc' AND n.heading <> ''
	  UNION ALL
	  SELECT b.node, b.rowid, CASE b.kind WHEN 'para' THEN 'P'
	    WHEN 'item' THEN 'I' ELSE 'S' END, b.text
	    FROM blocks b JOIN nodes n ON n.id = b.node WHERE n.source = 'cqc'
	) ORDER BY id, r"
} | sed -e 's/\\/\\e/g' -e "s/	\([.']\)/	\\\\\&\1/" | awk -F '	' '
function close_sub() { if (sub_open) { print ".RE"; sub_open = 0 } }
$1 == "T" { print ".LP"; print "\\fB" $2 "\\fP"; next }
$1 == "H" { close_sub(); print ".SH"; print "\\s+2" $2 "\\s0"; next }
$1 == "P" { close_sub(); print ".LP"; print $2; next }
$1 == "I" { close_sub(); print ".IP \"\\D'"'"'C 0.35m'"'"'\" 2m"; print $2; next }
$1 == "S" { if (!sub_open) { print ".RS"; sub_open = 1 }
	print ".IP \"\\D'"'"'C 0.3m'"'"'\" 2m"; print $2; next }'
