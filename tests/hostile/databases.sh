#!/bin/sh
# databases.sh: every reading command against databases it must turn away.
#
# Each case is a file given with --db: garbage, truncated copies of the
# real database, another program's SQLite database, other schema
# versions, a hot journal left by a killed writer, a missing file, a
# directory, /dev/null and a FIFO.  Each command must exit 1 with exactly
# the one line the case expects on standard error, promptly (a FIFO or a
# journal must not make it wait), and leave the file and its directory as
# they were: no -journal, -wal or export directory made.  A read-only
# database, on the other hand, must read normally.
. "${top_srcdir:-.}/tests/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || skip_all "no sqlite3 command to make the cases"
[ -r "$DB" ] || skip_all "no built database $DB (run make)"

if command -v timeout >/dev/null 2>&1; then
	TIMEOUT="timeout 10"
else
	TIMEOUT=
fi

# snap DIR: what is in DIR, with sizes and checksums, to see any change.
snap() {
	(cd "$1" && for f in .* *; do
		case $f in .|..) continue ;; esac
		if [ -f "$f" ]; then
			printf '%s %s\n' "$f" "$(cksum <"$f")"
		elif [ -e "$f" ] || [ -L "$f" ]; then
			printf '%s %s\n' "$f" "$(ls -ld "$f" | cut -c1)"
		fi
	done)
}

# each_cmd FILE WANT NAME: every reading command on --db FILE exits 1 and
# writes exactly WANT on standard error (nothing on standard output).
# The export goes to FILE's directory's "export", which must not appear.
each_cmd() {
	ec_dir=$(dirname "$1")
	for ec in tree "show overview" "search DiiS" places \
	    "compare bcp england" "print overview" "export"; do
		ec_extra=
		[ "$ec" = export ] && ec_extra=$ec_dir/export
		# shellcheck disable=SC2086
		run $TIMEOUT "$BIN" --db "$1" $ec $ec_extra
		is "$rc:$err:$out" "1:$WANT_PREFIX$2:" "$3: $ec exits 1 with one line"
	done
}
WANT_PREFIX="icsbrowse: "

n=0
newcase() {
	n=$((n + 1))
	C=$TMPDIR_TEST/case$n
	mkdir "$C"
}

size=$(wc -c <"$DB" | tr -d ' ')

# --- garbage -------------------------------------------------------------
newcase
awk 'BEGIN { srand(7); for (i = 0; i < 8192; i++) printf "%c", 32 + int(rand() * 90) }' >"$C/garbage.db"
before=$(snap "$C")
each_cmd "$C/garbage.db" "$C/garbage.db: not an SQLite database" "garbage"
is "$(snap "$C")" "$before" "garbage: the file is unchanged and nothing is created"

# --- truncated copies ----------------------------------------------------
newcase
head -c $((size / 2)) "$DB" >"$C/half.db"
before=$(snap "$C")
each_cmd "$C/half.db" "$C/half.db: the database is damaged (database disk image is malformed): rebuild it with 'icsbrowse import'" "truncated to half"
is "$(snap "$C")" "$before" "truncated to half: unchanged, nothing created"

newcase
head -c 4096 "$DB" >"$C/4k.db"
before=$(snap "$C")
each_cmd "$C/4k.db" "$C/4k.db: the database is damaged (database disk image is malformed): rebuild it with 'icsbrowse import'" "truncated to 4096 bytes"
is "$(snap "$C")" "$before" "truncated to 4096 bytes: unchanged, nothing created"

newcase
head -c 100 "$DB" >"$C/header.db"
before=$(snap "$C")
each_cmd "$C/header.db" "$C/header.db: the database is damaged (database disk image is malformed): rebuild it with 'icsbrowse import'" "truncated to its 100-byte header"
is "$(snap "$C")" "$before" "truncated to its header: unchanged, nothing created"

# --- another program's database -------------------------------------------
newcase
sqlite3 "$C/other.db" "CREATE TABLE nodes(id, title); INSERT INTO nodes VALUES (1, 'x');
    CREATE TABLE meta(key, value);"
before=$(snap "$C")
each_cmd "$C/other.db" "$C/other.db: not an icsbrowse database" "another program's database"
is "$(snap "$C")" "$before" "another program's database: unchanged, nothing created"

# --- older and newer schemas ----------------------------------------------
for v in 0 2; do
	newcase
	cp "$DB" "$C/v$v.db"
	sqlite3 "$C/v$v.db" "PRAGMA user_version = $v"
	before=$(snap "$C")
	each_cmd "$C/v$v.db" "$C/v$v.db: database schema version $v, but this icsbrowse reads version 1: rebuild it with 'icsbrowse import --force CSVDIR --output $C/v$v.db'" "schema version $v"
	is "$(snap "$C")" "$before" "schema version $v: unchanged, nothing created"
done

# --- a read-only database reads normally ----------------------------------
newcase
cp "$DB" "$C/ro.db"
chmod 444 "$C/ro.db"
before=$(snap "$C")
"$BIN" --db "$DB" tree >"$TMPDIR_TEST/tree.want"
run "$BIN" --db "$C/ro.db" tree
is "$rc:$err" "0:" "read-only file: tree exits 0 with nothing on standard error"
cmp -s "$TMPDIR_TEST/out" "$TMPDIR_TEST/tree.want"
ok $? "read-only file: tree as from the real database"
for c in "show overview" "search DiiS" places "compare bcp england" "print overview"; do
	# shellcheck disable=SC2086
	run "$BIN" --db "$C/ro.db" $c
	is "$rc:$err" "0:" "read-only file: $c exits 0"
done
is "$(snap "$C")" "$before" "read-only file: unchanged, nothing created"
chmod 644 "$C/ro.db"

# --- a hot journal left by a killed writer --------------------------------
# hot_journal DIR: DIR/copy.db with the journal of a transaction that was
# killed after spilling pages to the file (so both are needed to read it).
hot_journal() {
	cp "$DB" "$1/copy.db"
	rm -f "$1/fifo"
	mkfifo "$1/fifo"
	sqlite3 "$1/copy.db" <"$1/fifo" >"$1/sqlite.out" 2>&1 &
	hj_pid=$!
	exec 9>"$1/fifo"
	printf '%s\n' "PRAGMA journal_mode = DELETE;" "PRAGMA cache_size = 2;" \
	    "BEGIN;" "UPDATE blocks SET text = text || ' x';" \
	    "SELECT 'rea' || 'dy';" >&9
	i=0
	while [ $i -lt 100 ] && ! grep -q ready "$1/sqlite.out" 2>/dev/null; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -9 "$hj_pid" 2>/dev/null
	wait "$hj_pid" 2>/dev/null
	exec 9>&-
	rm -f "$1/fifo" "$1/sqlite.out"
}

newcase
hot_journal "$C"
test -s "$C/copy.db-journal" && ! cmp -s "$C/copy.db" "$DB"
ok $? "hot journal: made (the killed writer left a journal and a changed file)"
chmod 444 "$C/copy.db"
chmod 555 "$C"
before=$(snap "$C")
for c in tree "show overview" "search DiiS"; do
	t0=$(date +%s)
	# shellcheck disable=SC2086
	run $TIMEOUT "$BIN" --db "$C/copy.db" $c
	t1=$(date +%s)
	is "$rc:$err:$out" "1:icsbrowse: $C/copy.db: a program writing the database was killed and its journal needs rolling back: open it once with write access, or rebuild it with 'icsbrowse import':" \
	    "hot journal, read-only file and folder: $c exits 1 with one line"
	test $((t1 - t0)) -le 5
	ok $? "hot journal, read-only: $c answers within 5 s"
done
is "$(snap "$C")" "$before" "hot journal, read-only: file and journal unchanged"
chmod 755 "$C"
chmod 644 "$C/copy.db"

# The same in a writable folder: a reader never rolls back (it opens
# read-only), so it says the same and changes nothing.
newcase
hot_journal "$C"
before=$(snap "$C")
each_cmd "$C/copy.db" "$C/copy.db: a program writing the database was killed and its journal needs rolling back: open it once with write access, or rebuild it with 'icsbrowse import'" "hot journal, writable folder"
is "$(snap "$C")" "$before" "hot journal, writable folder: file and journal unchanged"

# --- a missing file ----------------------------------------------------------
newcase
before=$(snap "$C")
each_cmd "$C/missing.db" "$C/missing.db: No such file or directory" "missing file"
is "$(snap "$C")" "$before" "missing file: not created, nor its -journal or -wal"
test ! -e "$C/missing.db" && test ! -e "$C/missing.db-journal" && test ! -e "$C/missing.db-wal"
ok $? "missing file: still absent after the reads"

# --- a directory, /dev/null, a FIFO -----------------------------------------
newcase
mkdir "$C/dir.db"
before=$(snap "$C")
each_cmd "$C/dir.db" "$C/dir.db: is a directory, not a database" "a directory"
is "$(snap "$C")" "$before" "a directory: nothing created"
is "$(ls -A "$C/dir.db")" "" "a directory: nothing created in it"

newcase
each_cmd /dev/null "/dev/null: not a regular file" "/dev/null"
test -c /dev/null
ok $? "/dev/null: still a character device"

newcase
mkfifo "$C/fifo.db"
before=$(snap "$C")
each_cmd "$C/fifo.db" "$C/fifo.db: not a regular file" "a FIFO (no hang)"
is "$(snap "$C")" "$before" "a FIFO: nothing created"

# An empty file is not opened as a new, empty database.
newcase
: >"$C/empty.db"
before=$(snap "$C")
each_cmd "$C/empty.db" "$C/empty.db: empty file, not a database" "an empty file"
is "$(snap "$C")" "$before" "an empty file: still empty, nothing created"

done_testing
