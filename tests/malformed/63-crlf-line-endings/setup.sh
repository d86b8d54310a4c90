# Every file gets CRLF line endings, the line break inside a quoted field
# of blocks.csv too.  (Made here: git and editors may rewrite CRs.)
for f in "$1"/*.csv; do
	awk '{ printf "%s\r\n", $0 }' "$f" >"$f.crlf" && mv "$f.crlf" "$f"
done
