# sources.csv holds only blank lines, one of them CRLF.
printf '\n\r\n\n' >"$1/sources.csv"
