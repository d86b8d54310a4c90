#!/bin/sh
# malformed.sh: `icsbrowse import` against hostile datasets.
#
# Each directory tests/malformed/NN-name is a case: the CSV files in it
# replace those of the minimal valid dataset tests/malformed/base, an
# optional file `remove` names dataset files to delete, and an optional
# `setup.sh DATADIR` makes what cannot be committed (FIFOs, huge files,
# unreadable files; exit 77 with a reason on standard output to skip).
# The first line of `expect` is the one line the import must write on
# standard error, DIR standing for the dataset directory, or OK for a
# dataset that must import; any further lines say why.
#
# A failed import must exit 1, write exactly that line, leave the output
# byte for byte as it was (or absent) and leave no DBFILE.tmp-* beside it.
. "${top_srcdir:-.}/tests/lib.sh"

CASES=$top_srcdir/tests/malformed

# A bounded run: a hang (a FIFO, a loop) fails the case instead of the
# suite.  IMPORT_TIMEOUT (seconds) gives slow builds (sanitizers) more.
if command -v timeout >/dev/null 2>&1; then
	TIMEOUT="timeout ${IMPORT_TIMEOUT:-120}"
else
	TIMEOUT=
fi

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # SKIP $1"
}

# subst LINE DIR: LINE with every "DIR" replaced by DIR.
subst() {
	s_rest=$1 s_out=
	while :; do
		case $s_rest in
		*DIR*)
			s_out=$s_out${s_rest%%DIR*}$2
			s_rest=${s_rest#*DIR}
			;;
		*)
			break
			;;
		esac
	done
	printf '%s\n' "$s_out$s_rest"
}

# no_tmp TARGET: status 0 when no TARGET.tmp-* file is left.
no_tmp() {
	for f in "$1".tmp-*; do
		[ -e "$f" ] && return 1
	done
	return 0
}

# stderr_is FILE NAME: the last run's standard error is FILE exactly.
stderr_is() {
	if cmp -s "$1" "$TMPDIR_TEST/err"; then
		_pass "$2"
	else
		_fail "$2"
		sed 's/^/#      got: /' "$TMPDIR_TEST/err"
		sed 's/^/# expected: /' "$1"
	fi
}

# make_dataset CASE DATADIR: base, overlaid by the case; 77 means skip.
make_dataset() {
	rm -f "$TMPDIR_TEST/setup.out"
	mkdir -p "$2" || return 1
	cp "$CASES"/base/*.csv "$2"/ || return 1
	for f in "$1"/*.csv; do
		[ -f "$f" ] || continue
		# In a distcheck the sources, and so the copies, are read-only.
		rm -f "$2/${f##*/}" && cp "$f" "$2"/ || return 1
	done
	chmod u+w "$2"/*.csv || return 1
	if [ -f "$1/remove" ]; then
		while read -r f; do
			[ -n "$f" ] && rm -f "$2/$f"
		done <"$1/remove"
	fi
	if [ -f "$1/setup.sh" ]; then
		sh "$1/setup.sh" "$2" >"$TMPDIR_TEST/setup.out" 2>&1
		return $?
	fi
	return 0
}

# --- the catalogue ------------------------------------------------------
ncases=0
for c in "$CASES"/[0-9]*; do
	[ -d "$c" ] || continue
	name=${c##*/}
	ncases=$((ncases + 1))
	work=$TMPDIR_TEST/$name
	data=$work/data
	target=$work/target.db
	make_dataset "$c" "$data"
	st=$?
	if [ "$st" -eq 77 ]; then
		skip "$name: $(head -n 1 "$TMPDIR_TEST/setup.out")"
		continue
	elif [ "$st" -ne 0 ]; then
		_fail "$name: cannot build the dataset"
		[ -f "$TMPDIR_TEST/setup.out" ] &&
			sed 's/^/# /' "$TMPDIR_TEST/setup.out"
		continue
	fi
	want=$(head -n 1 "$c/expect")
	cp "$DB" "$target"
	before=$(cksum <"$target")
	run $TIMEOUT "$BIN" import --force "$data" --output "$target"
	if [ "$want" = OK ]; then
		is "$rc" 0 "$name: imports (exit 0)"
		: >"$work/want"
		stderr_is "$work/want" "$name: says nothing"
		"$BIN" --db "$target" tree >/dev/null 2>&1
		ok $? "$name: the output is a database that opens"
		no_tmp "$target"
		ok $? "$name: no temporary file is left"
	else
		is "$rc" 1 "$name: fails (exit 1)"
		subst "$want" "$data" >"$work/want"
		stderr_is "$work/want" "$name: says what is wrong in one line"
		is "$(cksum <"$target")" "$before" "$name: the output is unchanged"
		no_tmp "$target"
		ok $? "$name: no temporary file is left"
		# Into a new file: nothing must appear.
		rm -f "$target"
		run $TIMEOUT "$BIN" import "$data" --output "$target"
		if ! [ -e "$target" ] && [ "$rc" -eq 1 ] && no_tmp "$target"
		then
			_pass "$name: a new output is not created"
		else
			_fail "$name: a new output is not created"
			echo "# status $rc: $err"
		fi
	fi
	# The data can be big (a million rows): free the space as we go.
	chmod -R u+rwx "$work" 2>/dev/null
	rm -rf "$work"
done
[ "$ncases" -ge 45 ]
ok $? "the catalogue has at least 45 cases ($ncases)"

# --- the output ---------------------------------------------------------
data=$TMPDIR_TEST/base
cp -R "$CASES/base" "$data" && chmod -R u+w "$data"

run "$BIN" import "$data" --output "$TMPDIR_TEST/no/such/dir/out.db"
is "$rc" 1 "output in a missing directory: fails (exit 1)"
is "$err" "icsbrowse: $TMPDIR_TEST/no/such/dir/out.db: cannot create a \
temporary file beside it: No such file or directory" \
	"output in a missing directory: says so in one line"
! [ -e "$TMPDIR_TEST/no" ]
ok $? "output in a missing directory: nothing is created"

mkdir "$TMPDIR_TEST/outdir"
run "$BIN" import "$data" --output "$TMPDIR_TEST/outdir"
is "$rc" 1 "output is a directory: fails (exit 1)"
is "$err" "icsbrowse: $TMPDIR_TEST/outdir: is a directory" \
	"output is a directory: says so in one line"
[ -d "$TMPDIR_TEST/outdir" ] && [ -z "$(ls -A "$TMPDIR_TEST/outdir")" ]
ok $? "output is a directory: it is left empty"
no_tmp "$TMPDIR_TEST/outdir"
ok $? "output is a directory: no temporary file is left"

printf 'not a database\n' >"$TMPDIR_TEST/junk.db"
run "$BIN" import --force "$TMPDIR_TEST/no-such-csvdir" --output "$TMPDIR_TEST/junk.db"
is "$rc" 1 "missing CSVDIR: fails (exit 1)"
is "$err" "icsbrowse: $TMPDIR_TEST/no-such-csvdir/meta.csv: No such file \
or directory" "missing CSVDIR: says so in one line"
is "$(cat "$TMPDIR_TEST/junk.db")" "not a database" \
	"missing CSVDIR: the output is unchanged"
no_tmp "$TMPDIR_TEST/junk.db"
ok $? "missing CSVDIR: no temporary file is left"

run "$BIN" import "$data" --output "$TMPDIR_TEST/new.db"
is "$rc" 0 "a new output: imports (exit 0)"
"$BIN" --db "$TMPDIR_TEST/new.db" tree >/dev/null 2>&1
ok $? "a new output: is a database that opens"

# An orphan of a killed import is swept; the output is then replaced.
: >"$TMPDIR_TEST/new.db.tmp-AbC123"
run "$BIN" import --force "$data" --output "$TMPDIR_TEST/new.db"
is "$rc" 0 "over an orphan temporary file: imports (exit 0)"
no_tmp "$TMPDIR_TEST/new.db"
ok $? "over an orphan temporary file: it is removed"

done_testing
