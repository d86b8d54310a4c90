# A CR in the middle of an unquoted field on line 2 of blocks.csv.
awk 'NR == 2 { sub(/start date/, "start\rdate") } { print }' \
    "$1/blocks.csv" >"$1/b" && mv "$1/b" "$1/blocks.csv"
