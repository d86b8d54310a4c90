# nodes.csv gets CRLF line endings, inside its two-line heading too.
awk '{ printf "%s\r\n", $0 }' "$1/nodes.csv" >"$1/n" && mv "$1/n" "$1/nodes.csv"
