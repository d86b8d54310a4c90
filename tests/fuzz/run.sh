#!/bin/sh
# run.sh: a long run of one fuzzer, as the README's figures were made.
#
#   tests/fuzz/run.sh NAME [SECONDS]      (in a --enable-fuzzing build)
#
# Runs tests/fuzz/fuzz_NAME at the lowest priority for SECONDS (default
# 1200), on a working corpus fuzz-work/NAME seeded from the committed
# tests/fuzz/corpus/NAME (kept between runs), with NAME.dict where there
# is one; crashes go to fuzz-work/NAME-crashes/.  The last lines of the
# log are libFuzzer's final statistics: executions, exec/s, coverage.
# After a run, minimise a finding with -minimize_crash=1 and commit it
# to tests/fuzz/corpus/NAME with its fix: make check replays it.
set -eu

name=${1:?usage: run.sh NAME [SECONDS]}
secs=${2:-1200}
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
bin=tests/fuzz/fuzz_$name
[ -x "$bin" ] || { echo "run.sh: no $bin: make fuzz first" >&2; exit 2; }
work=fuzz-work/$name
mkdir -p "$work" "fuzz-work/$name-crashes"
cp -n "$top_srcdir/tests/fuzz/corpus/$name/"* "$work/" 2>/dev/null || :
dict=
[ -f "$top_srcdir/tests/fuzz/$name.dict" ] &&
    dict=-dict=$top_srcdir/tests/fuzz/$name.dict
# The render target's documents are best small: see fuzz_render.c.
maxlen=
[ "$name" = render ] && maxlen=-max_len=1024
# shellcheck disable=SC2086
exec nice -n 19 "$bin" $dict $maxlen -max_total_time="$secs" \
    -print_final_stats=1 -artifact_prefix="fuzz-work/$name-crashes/" \
    "$work"
