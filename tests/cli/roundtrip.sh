#!/bin/sh
# roundtrip.sh: export, import and export again gives the same bytes, and
# the dataset in assets/ is exactly what export writes.
. "${top_srcdir:-.}/tests/lib.sh"

run "$BIN" export "$TMPDIR_TEST/one"
is "$rc" 0 "export the built-in database"
for f in meta sources nodes blocks places figures mentions; do
	cmp -s "$top_srcdir/assets/$f.csv" "$TMPDIR_TEST/one/$f.csv"
	ok $? "export writes assets/$f.csv as it is"
done
run "$BIN" import "$TMPDIR_TEST/one" --output "$TMPDIR_TEST/one.db"
is "$rc" 0 "import the export"
run "$BIN" --db "$TMPDIR_TEST/one.db" export "$TMPDIR_TEST/two"
is "$rc" 0 "export it again"
diff -r "$TMPDIR_TEST/one" "$TMPDIR_TEST/two" >/dev/null
ok $? "export, import, export is byte-identical"
ls "$TMPDIR_TEST/one" | grep -q tmp
is "$?" 1 "export leaves no temporary file"
run "$BIN" export "$TMPDIR_TEST/one/meta.csv"
is "$rc" 1 "export into a file that is not a directory fails"
is "$err" "icsbrowse: $TMPDIR_TEST/one/meta.csv: not a directory" "and says so"
run "$BIN" export
is "$rc" 2 "export without a directory is wrong usage"

done_testing
