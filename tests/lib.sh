# lib.sh: shared by the shell tests; source it, then write checks.
#
# Tests print TAP (ok / not ok lines, then a plan) for automake's
# tap-driver.sh.  The build sets top_srcdir and top_builddir; the binary
# under test is $BIN and the built-in database $DB.
#
# Checks:
#   run CMD...            run CMD, keeping $out, $err and $rc
#   is GOT WANT NAME      the strings are equal
#   ok COND-STATUS NAME   pass if the previous command's status is 0
#   golden FILE NAME      $out equals tests/golden/FILE (GENERATE=1 rewrites)
#   skip_all WHY          skip the whole file
#   done_testing          print the plan; the exit status says if all passed

: "${top_srcdir:=.}" "${top_builddir:=.}"
BIN=${BIN:-$top_builddir/icsbrowse}
DB=${DB:-$top_builddir/assets/dorset.db}
GOLDEN=$top_srcdir/tests/golden
export LC_ALL=C.UTF-8
unset ICSBROWSE_DB

tap_n=0
tap_failed=0
TMPDIR_TEST=$(mktemp -d "${TMPDIR:-/tmp}/icsb-test.XXXXXX")
trap 'rm -rf "$TMPDIR_TEST"' EXIT

_pass() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1"; }
_fail() {
	tap_n=$((tap_n + 1)); tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
}

# run CMD...: run it, capturing standard output, standard error and status.
run() {
	"$@" >"$TMPDIR_TEST/out" 2>"$TMPDIR_TEST/err"
	rc=$?
	out=$(cat "$TMPDIR_TEST/out")
	err=$(cat "$TMPDIR_TEST/err")
}

is() {
	if [ "$1" = "$2" ]; then
		_pass "$3"
	else
		_fail "$3"
		printf '%s\n' "$1" | sed 's/^/#      got: /'
		printf '%s\n' "$2" | sed 's/^/# expected: /'
	fi
}

# ok STATUS NAME: pass when STATUS is 0 (as in: cond; ok $? name).
ok() {
	if [ "$1" -eq 0 ]; then _pass "$2"; else _fail "$2"; fi
}

# golden FILE NAME: compare the last run's standard output with a file.
golden() {
	if [ -n "${GENERATE:-}" ]; then
		cp "$TMPDIR_TEST/out" "$GOLDEN/$1"
	fi
	if cmp -s "$TMPDIR_TEST/out" "$GOLDEN/$1"; then
		_pass "$2"
	else
		_fail "$2"
		diff "$GOLDEN/$1" "$TMPDIR_TEST/out" 2>&1 | head -20 | sed 's/^/# /'
	fi
}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
