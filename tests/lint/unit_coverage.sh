#!/bin/sh
# unit_coverage.sh: every module of the core library has its unit test.
#
# For each src/core/MODULE.c (the generated schema_sql.c aside), the file
# tests/unit/test_MODULE.c must exist and be built and run by make check
# (named in Makefile.am's UNIT_TESTS).  A new core module without a test
# fails here, by name.
. "${top_srcdir:-.}/tests/lib.sh"

n=0
for src in "$top_srcdir"/src/core/*.c; do
	module=$(basename "$src" .c)
	[ "$module" = schema_sql ] && continue
	n=$((n + 1))
	test=tests/unit/test_$module
	[ -f "$top_srcdir/$test.c" ]
	ok $? "$module: $test.c exists"
	# In UNIT_TESTS = or +=, lines of names, continued by a final "\".
	sed -n '/^UNIT_TESTS +\{0,1\}= /,/[^\\]$/p' "$top_srcdir/Makefile.am" |
	    tr ' \t\\' '\n\n\n' | grep -qx "$test"
	ok $? "$module: make check runs $test"
done
[ "$n" -gt 0 ]
ok $? "src/core has modules ($n)"

done_testing
