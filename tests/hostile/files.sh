#!/bin/sh
# files.sh: writing where writing fails.
#
# print --output, import --output and export aimed at a directory, at a
# folder that does not exist, at a read-only folder, past a file size
# limit (ulimit -f: the program ignores SIGXFSZ, so write() fails with
# EFBIG) and onto a full file system (a tiny tmpfs, when it can be
# mounted): each must exit 1 with one clear line, leave no partial or
# temporary file, and leave a file that was there before as it was.
. "${top_srcdir:-.}/tests/lib.sh"

[ -r "$DB" ] || skip_all "no built database $DB (run make)"
ASSETS=$top_srcdir/assets

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # SKIP $1"
}

# listing DIR: the names in DIR (hidden too), one a line.
listing() {
	ls -A "$1" | sort
}

# one_line NAME: the last command exited 1 with exactly one line on
# standard error, starting "icsbrowse: ".
one_line() {
	ol_why=
	[ "$rc" = 1 ] || ol_why="exit status $rc"
	[ "$(wc -l <"$TMPDIR_TEST/err" | tr -d ' ')" = 1 ] || ol_why="$ol_why; not one line"
	case $err in
	"icsbrowse: "*) ;;
	*) ol_why="$ol_why; not an icsbrowse: message" ;;
	esac
	is "$ol_why" "" "$1: exits 1 with one line"
	[ -z "$ol_why" ] || printf '%s\n' "$err" | sed 's/^/# stderr: /'
}

W=$TMPDIR_TEST/w
mkdir "$W"
cp "$DB" "$W/target.db"
sum_db=$(cksum <"$W/target.db")

# --- a directory as the output -------------------------------------------
mkdir "$W/dir"
run "$BIN" print --output "$W/dir" overview
is "$rc:$err" "1:icsbrowse: $W/dir: is a directory" "print --output DIR: is a directory"
run "$BIN" print --force --output "$W/dir" overview
is "$rc:$err" "1:icsbrowse: $W/dir: is a directory" "print --force --output DIR: is a directory"
run "$BIN" import "$ASSETS" --output "$W/dir"
is "$rc:$err" "1:icsbrowse: $W/dir: is a directory" "import --output DIR: is a directory"
is "$(listing "$W")" "$(printf '%s\n' dir target.db)" "output to a directory: no file or temporary file made beside it"
is "$(listing "$W/dir")" "" "output to a directory: nothing made in it"

# --- a folder that does not exist ---------------------------------------
run "$BIN" print --output "$W/missing/x.txt" overview
is "$rc:$err" "1:icsbrowse: $W/missing/x.txt: cannot write: No such file or directory" \
    "print --output into a missing folder"
run "$BIN" print --format pdf --output "$W/missing/x.pdf" overview
is "$rc:$err" "1:icsbrowse: $W/missing/x.pdf: cannot write: No such file or directory" \
    "print --format pdf --output into a missing folder"
run "$BIN" import "$ASSETS" --output "$W/missing/x.db"
is "$rc:$err" "1:icsbrowse: $W/missing/x.db: cannot create a temporary file beside it: No such file or directory" \
    "import --output into a missing folder"
test ! -e "$W/missing"
ok $? "a missing folder is not created"

# --- a file as a folder ----------------------------------------------------
run "$BIN" print --output "$W/target.db/x.txt" overview
is "$rc:$err" "1:icsbrowse: $W/target.db/x.txt: cannot write: Not a directory" \
    "print --output under a file: Not a directory"
run "$BIN" export "$W/target.db/csv"
is "$rc:$err" "1:icsbrowse: $W/target.db/csv: cannot create the directory: Not a directory" \
    "export under a file: Not a directory"

# --- a read-only folder ------------------------------------------------------
if [ "$(id -u)" = 0 ]; then
	skip "read-only folder: running as root (root writes anyway)"
	skip "read-only folder: running as root"
	skip "read-only folder: running as root"
	skip "read-only folder: running as root"
else
	mkdir "$W/ro"
	chmod 555 "$W/ro"
	run "$BIN" print --output "$W/ro/x.txt" overview
	is "$rc:$err" "1:icsbrowse: $W/ro/x.txt: cannot write: Permission denied" \
	    "print --output into a read-only folder"
	run "$BIN" import "$ASSETS" --output "$W/ro/x.db"
	is "$rc:$err" "1:icsbrowse: $W/ro/x.db: cannot create a temporary file beside it: Permission denied" \
	    "import --output into a read-only folder"
	run "$BIN" export "$W/ro/csv"
	is "$rc:$err" "1:icsbrowse: $W/ro/csv: cannot create the directory: Permission denied" \
	    "export into a read-only folder"
	is "$(listing "$W/ro")" "" "read-only folder: still empty"
	chmod 755 "$W/ro"
	rmdir "$W/ro"
fi

# --- standard output on a full device ----------------------------------------
if [ -w /dev/full ]; then
	for c in tree "show overview" "search DiiS" places "compare bcp england" \
	    "print overview" "print --format pdf overview"; do
		# shellcheck disable=SC2086
		"$BIN" $c >/dev/full 2>"$TMPDIR_TEST/err"
		rc=$? err=$(cat "$TMPDIR_TEST/err")
		is "$rc:$err" "1:icsbrowse: cannot write the output: No space left on device" "$c > /dev/full: cannot write the output, and why"
	done
else
	skip "no /dev/full"
fi

# --- a file size limit (ulimit -f) --------------------------------------------
# The limit is in blocks of 512 or 1024 bytes, depending on the shell: 1
# block stops any printout of the report; 100 blocks stop an import.
F=$TMPDIR_TEST/f
mkdir "$F"
cp "$DB" "$F/target.db"
run sh -c 'ulimit -f 1 && exec "$@"' sh "$BIN" print --output "$F/big.txt" overview leadership
is "$rc:$err" "1:icsbrowse: $F/big.txt: cannot write: File too large" "ulimit -f: print --output says File too large"
run sh -c 'ulimit -f 1 && exec "$@"' sh "$BIN" print --format pdf --output "$F/big.pdf" overview leadership
is "$rc:$err" "1:icsbrowse: $F/big.pdf: cannot write: File too large" "ulimit -f: print --format pdf --output says File too large"
"$BIN" print --output "$F/old.txt" overview/finance
sum_old=$(cksum <"$F/old.txt")
run sh -c 'ulimit -f 1 && exec "$@"' sh "$BIN" print --force --output "$F/old.txt" overview leadership
is "$rc:$err" "1:icsbrowse: $F/old.txt: cannot write: File too large" "ulimit -f: print --force over a file says File too large"
is "$(cksum <"$F/old.txt")" "$sum_old" "ulimit -f: the file printed over is unchanged"
run sh -c 'ulimit -f 100 && exec "$@"' sh "$BIN" import --force "$ASSETS" --output "$F/target.db"
one_line "ulimit -f: import --output"
is "$(cksum <"$F/target.db")" "$sum_db" "ulimit -f: the import's target is unchanged"
is "$(listing "$F")" "$(printf '%s\n' old.txt target.db)" "ulimit -f: no partial printout and no temporary database left"
case $err in
"icsbrowse: $F/target.db: "*"File too large"*) r=ok ;;
*) r=no ;;
esac
is "$r" ok "ulimit -f: the import's message names the target and says File too large"
run sh -c 'ulimit -f 4 && exec "$@"' sh "$BIN" export "$F/csv"
one_line "ulimit -f: export"
case $err in
"icsbrowse: $F/csv/"*": cannot write: File too large") ok 0 "ulimit -f: export says which file and File too large" ;;
*) ok 1 "ulimit -f: export says which file and File too large" ;;
esac
ls "$F/csv" | grep -q '\.tmp' && r=1 || r=0
ok $r "ulimit -f: export leaves no temporary file"

# --- a full file system (tmpfs) ------------------------------------------------
M=$TMPDIR_TEST/mnt
mkdir "$M"
if mount -t tmpfs -o size=64k tmpfs "$M" 2>/dev/null; then
	trap 'umount "$M" 2>/dev/null; rm -rf "$TMPDIR_TEST"' EXIT
	run "$BIN" print --format pdf --output "$M/all.pdf" overview leadership quality-and-safety integration
	is "$rc:$err" "1:icsbrowse: $M/all.pdf: cannot write: No space left on device" \
	    "full disk: print --format pdf says No space left on device"
	is "$(listing "$M")" "" "full disk: no partial PDF or temporary file left"
	run "$BIN" print --output "$M/all.txt" overview leadership quality-and-safety integration
	is "$rc:$err" "1:icsbrowse: $M/all.txt: cannot write: No space left on device" \
	    "full disk: print --format text says No space left on device"
	is "$(listing "$M")" "" "full disk: no partial text or temporary file left"
	run "$BIN" import "$ASSETS" --output "$M/new.db"
	one_line "full disk: import --output"
	case $err in
	*"the disk is full"*|*"No space left on device"*) r=0 ;;
	*) r=1 ;;
	esac
	ok $r "full disk: import says the disk is full"
	is "$(listing "$M")" "" "full disk: no partial or temporary database left"
	case $err in
	"icsbrowse: $M/new.db: "*) r=ok ;;
	*) r=no ;;
	esac
	is "$r" ok "full disk: the import's message names the target, not its temporary file"
	run "$BIN" export "$M/csv"
	one_line "full disk: export"
	case $err in
	"icsbrowse: $M/csv/"*": cannot write: No space left on device") r=0 ;;
	*) r=1 ;;
	esac
	ok $r "full disk: export says which file and No space left on device"
	find "$M" -name '*.tmp*' | grep -q . && r=1 || r=0
	ok $r "full disk: export leaves no temporary file"
	rm -rf "$M/csv"
	umount "$M"

	# Room for the old database, not for a second one beside it.
	if mount -t tmpfs -o size=768k tmpfs "$M" 2>/dev/null; then
		cp "$DB" "$M/target.db"
		"$BIN" print --output "$M/old.txt" overview/finance
		sum_old=$(cksum <"$M/old.txt")
		run "$BIN" import "$ASSETS" --output "$M/target.db"
		one_line "full disk: import over an existing database"
		is "$(cksum <"$M/target.db")" "$sum_db" "full disk: the existing database is unchanged"
		# Fill what is left, then print over the old file.
		dd if=/dev/zero of="$M/fill" bs=1k count=1000 2>/dev/null
		run "$BIN" print --force --output "$M/old.txt" overview leadership
		is "$rc:$err" "1:icsbrowse: $M/old.txt: cannot write: No space left on device" \
		    "full disk: print --force over a file says No space left on device"
		is "$(cksum <"$M/old.txt")" "$sum_old" "full disk: the file printed over is unchanged"
		is "$(listing "$M")" "$(printf '%s\n' fill old.txt target.db)" \
		    "full disk: no temporary file left"
		umount "$M"
	else
		skip "cannot mount a second tmpfs"
	fi
else
	skip "cannot mount a tmpfs (not root, or no permission): no full-disk cases"
fi

done_testing
