# schema-mdoc.awk: the tables of assets/schema.sql as mdoc text, for the
# man page (make puts it where doc/icsbrowse.1 says .\" @SCHEMA@).
#
# The schema documents itself in comments: above each CREATE TABLE, a
# block whose first line is "-- NAME: what it is", then "--   COLUMN  what
# it is" lines, deeper-indented lines continuing the one above.  Other
# comments (above an index, the file's head) are not about a table and are
# left out.  Text is escaped for roff: a backslash, a line that would
# start with a dot or a quote, and the few characters beyond ASCII.

function esc(s) {
	gsub(/\\/, "\\e", s)
	# Characters outside ASCII by their roff names, which every output
	# device and locale shows (a raw UTF-8 byte warns under -Tascii).
	gsub(/£/, "\\(Po", s)
	gsub(/’/, "\\(cq", s)
	gsub(/‘/, "\\(oq", s)
	gsub(/–/, "\\(en", s)
	gsub(/—/, "\\(em", s)
	gsub(/…/, "...", s)
	if (s ~ /^[.']/)
		s = "\\&" s
	return s
}

function flush_item() {
	if (item != "")
		print ".It Li " item "\n" esc(text)
	item = text = ""
}

function emit(    i, line, name, head) {
	if (n == 0 || buf[0] !~ /^[a-z_]+: /)
		return
	name = buf[0]
	sub(/:.*/, "", name)
	head = buf[0]
	sub(/^[a-z_]+: /, "", head)
	for (i = 1; i < n && buf[i] !~ /^  [a-z_]+ /; i++)
		head = head " " substr(buf[i], 1)
	sub(/^ +/, "", head)
	print ".It Sy " name
	print esc(head)
	if (i < n)
		print ".Bl -tag -width Ds -compact"
	item = text = ""
	for (; i < n; i++) {
		line = buf[i]
		if (line ~ /^  [a-z_]+ /) {
			flush_item()
			item = line
			sub(/^  /, "", item)
			sub(/ .*/, "", item)
			text = line
			sub(/^  [a-z_]+ +/, "", text)
		} else {
			sub(/^ +/, "", line)
			text = text " " line
		}
	}
	if (item != "") {
		flush_item()
		print ".El"
	}
}

# A device without the pound sign (-Tascii) shows "GBP" for it.
BEGIN { n = 0; print ".fchar \\(Po GBP"; print ".Bl -tag -width Ds" }
/^--( |$)/ { buf[n++] = substr($0, 4); next }
/^CREATE (VIRTUAL )?TABLE/ { emit(); n = 0; next }
{ n = 0 }
END { print ".El" }
