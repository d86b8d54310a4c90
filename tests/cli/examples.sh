#!/bin/sh
# examples.sh: every example command in the README and the man page runs
# without an error, as a user would paste it; the man page renders without
# a warning from groff (-ww), in a UTF-8 locale and in LC_ALL=C.
. "${top_srcdir:-.}/tests/lib.sh"

MAN=$top_srcdir/doc/icsbrowse.1
: "${GROFF:=$(command -v groff)}"

# A bin directory: icsbrowse (the binary under test: it finds its built-in
# database from its own path), and an lp that takes the printout.
mkdir "$TMPDIR_TEST/bin"
ln -s "$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")" "$TMPDIR_TEST/bin/icsbrowse"
printf '#!/bin/sh\ncat >/dev/null\n' >"$TMPDIR_TEST/bin/lp"
chmod +x "$TMPDIR_TEST/bin/lp"

# blocks FILE: the "$ " lines of FILE, continuations joined; a blank line
# between runs of them (each run is an example, run in a directory of
# its own).
blocks() {
	awk '
	cont { print; cont = /\\$/; next }
	/^[ \t]*\$ / { sub(/^[ \t]*\$ /, ""); print; cont = /\\$/; inrun = 1; next }
	inrun { print ""; inrun = 0 }
	END { print "" }' "$1"
}

# run_examples NAME FILE: each example of FILE, run, exit status 0.
run_examples() {
	n=0
	: >"$TMPDIR_TEST/block"
	while IFS= read -r line; do
		if [ -n "$line" ]; then
			printf '%s\n' "$line" >>"$TMPDIR_TEST/block"
			continue
		fi
		[ -s "$TMPDIR_TEST/block" ] || continue
		n=$((n + 1))
		dir=$TMPDIR_TEST/run-$1-$n
		mkdir "$dir"
		(cd "$dir" && PATH="$TMPDIR_TEST/bin:$PATH" EDITOR=true \
		    sh -e "$TMPDIR_TEST/block") >"$TMPDIR_TEST/eout" 2>&1 </dev/null
		st=$?
		is "$st" 0 "$1 example $n runs: $(head -1 "$TMPDIR_TEST/block" | cut -c1-60)"
		[ "$st" -eq 0 ] || sed 's/^/# /' "$TMPDIR_TEST/eout" | head -5
		: >"$TMPDIR_TEST/block"
	done
	test "$n" -ge 3
	ok $? "$1 has examples ($n)"
}

blocks "$top_srcdir/README" >"$TMPDIR_TEST/readme.sh"
run_examples README "$TMPDIR_TEST/readme.sh" <"$TMPDIR_TEST/readme.sh"

if [ -z "$GROFF" ] || ! [ -x "$GROFF" ]; then
	if [ -n "${CI:-}" ]; then
		_fail "groff is not installed (./bootstrap installs it)"
	else
		echo "ok - man page # SKIP groff is not installed"
	fi
	done_testing
	exit
fi

# The man page as a terminal of 80 columns shows it.
LC_ALL=C.UTF-8 "$GROFF" -man -Tutf8 -rLL=78n -P-cbou "$MAN" >"$TMPDIR_TEST/man.txt" 2>/dev/null
blocks "$TMPDIR_TEST/man.txt" >"$TMPDIR_TEST/man.sh"
run_examples "man page" "$TMPDIR_TEST/man.sh" <"$TMPDIR_TEST/man.sh"
test "$(wc -L <"$TMPDIR_TEST/man.txt")" -le 80
ok $? "man page: no line wider than 80 columns"
# An example's last line is followed by a blank line or less indented
# text: never by a line groff broke off it, which would paste as a second
# command.
awk '
	function indent(s) { match(s, /^ */); return RLENGTH }
	after && NF > 0 && indent($0) >= ind && !/^ *\$ / { bad = 1 }
	{ after = 0 }
	cont { cont = /\\$/; after = !cont; next }
	/^ *\$ / { ind = indent($0); cont = /\\$/; after = !cont }
	END { exit bad }' "$TMPDIR_TEST/man.txt"
ok $? "man page: every example is whole, so that it pastes as one command"
# Every path the man page, the README and --help give names a section.
# (Paths cut with "…" in the README's captured screens aside.)
"$BIN" --help >"$TMPDIR_TEST/help.txt"
cat "$TMPDIR_TEST/man.txt" "$top_srcdir/README" "$TMPDIR_TEST/help.txt" | sed 's/[a-z/-]*…//g' |
	grep -o '\(overview\|leadership\|integration\|quality-and-safety\|children-and-young-people\|places\|background\|learning-culture\)/[a-z/-]*[a-z]' |
	sort -u >"$TMPDIR_TEST/paths"
test -s "$TMPDIR_TEST/paths"
ok $? "the README, the man page and --help give paths"
while IFS= read -r p; do
	"$BIN" show "$p" >/dev/null 2>&1
	is "$?" 0 "the example path $p names one section"
done <"$TMPDIR_TEST/paths"

# groff's warnings, all of them (-ww), in each way man pages are read.
for dev in ps utf8 ascii; do
	for loc in C.UTF-8 C; do
		LC_ALL=$loc "$GROFF" -ww -z -man -T$dev "$MAN" >"$TMPDIR_TEST/w" 2>&1
		is "$?:$(cat "$TMPDIR_TEST/w")" "0:" "groff -ww -z -man -T$dev under LC_ALL=$loc: no warning"
	done
done
# Parentheses and brackets balance in the text as shown.
tr -cd '()' <"$TMPDIR_TEST/man.txt" | awk '{ d = 0; for (i = 1; i <= length($0); i++) { d += substr($0, i, 1) == "(" ? 1 : -1; if (d < 0) bad = 1 } if (d != 0) bad = 1 } END { exit bad }'
ok $? "man page: every parenthesis is closed"
grep -q '‘\[‘\|’’\]' "$TMPDIR_TEST/man.txt"
is $? 1 "man page: quotes render as quotes, not around each bracket"

done_testing
