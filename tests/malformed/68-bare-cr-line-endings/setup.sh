# mentions.csv ends its lines with a CR alone (old Mac OS).
tr '\n' '\r' <"$1/mentions.csv" >"$1/m" && mv "$1/m" "$1/mentions.csv"
