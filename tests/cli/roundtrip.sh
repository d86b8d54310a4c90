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

# --- the same overwrite rule as print: never over a file without --force
printf 'mine\n' >"$TMPDIR_TEST/two/nodes.csv"
run "$BIN" export "$TMPDIR_TEST/two"
is "$rc" 1 "export over a dataset's files is refused"
is "$err" "icsbrowse: $TMPDIR_TEST/two/meta.csv: the file exists (--force writes over it)" \
	"and says which file, and how to write over it"
is "$(cat "$TMPDIR_TEST/two/nodes.csv")" mine "the files are left as they were"
run "$BIN" export "$TMPDIR_TEST/two" --force
is "$rc" 0 "export --force (after the directory) writes over them"
cmp -s "$TMPDIR_TEST/one/nodes.csv" "$TMPDIR_TEST/two/nodes.csv"
ok $? "with the database's files"
mkdir "$TMPDIR_TEST/other" && printf 'x\n' >"$TMPDIR_TEST/other/notes.txt"
run "$BIN" export "$TMPDIR_TEST/other"
is "$rc" 0 "export into a directory with other files is fine"
cksum <"$TMPDIR_TEST/one.db" >"$TMPDIR_TEST/sum"
run "$BIN" import "$TMPDIR_TEST/one" --output "$TMPDIR_TEST/one.db"
is "$rc" 1 "import over an existing database is refused"
is "$err" "icsbrowse: $TMPDIR_TEST/one.db: the file exists (--force writes over it)" \
	"and says how to write over it"
cksum <"$TMPDIR_TEST/one.db" | cmp -s - "$TMPDIR_TEST/sum"
ok $? "the database is left as it was"
run "$BIN" import "$TMPDIR_TEST/one" --output "$TMPDIR_TEST/one.db" --force
is "$rc" 0 "import --force writes over it"

done_testing
