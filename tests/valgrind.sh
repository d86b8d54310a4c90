#!/bin/sh
# valgrind.sh: run icsbrowse under valgrind memcheck, for the tests.
#
# .ci/run points the command-line tests at this script (BIN=...), with
# ICSB_REAL_BIN naming the program and VALGRIND valgrind itself (by an
# absolute path: some tests run the program with an empty PATH, so this
# script uses no command from PATH).  Any memory error or definite leak
# makes the program exit 99, which fails the test that ran it; valgrind
# itself prints nothing when all is well (-q), so the tests' checks on
# standard error still hold.
here=${0%/*}
exec "${VALGRIND:-valgrind}" -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \
	--suppressions="$here/valgrind.supp" "$ICSB_REAL_BIN" "$@"
