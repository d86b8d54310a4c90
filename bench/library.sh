#!/bin/sh
# library.sh: the benchmark of the library of assessments (make bench,
# after bench/run.sh; `make bench-library` runs it alone).
#
# For each size N (BENCH_LIBRARY_SIZES, "1 20 200"): a library in
# bench/work/library-N (kept for the next run) of N made-up local
# authority assessments (bench/genlib), N/10 made-up ICS assessments of
# the Dorset report's shape (bench/gen -s K, one report each) and the
# built-in Dorset one, each added with `icsbrowse add`; then, over
# BENCH_LIBRARY_RUNS runs each (50), interleaved so that the load of the
# machine falls on all alike:
#   floor    `icsbrowse --version`: exec, start and exit; the baseline
#   list     `icsbrowse list`
#   scores   `icsbrowse scores` of the N local authorities side by side
#   search   `icsbrowse search --all` of a word in every member
#            ("carers") and of one in the built-in Dorset one only
#            ("Vespasian")
#   list_damaged  `icsbrowse list` with a member cut short beside them
#            (exit status 1; the member is removed after)
# as p50 / p99 / max ms (bench/runs), the p50's ratio to the floor's, and
# the peak RSS; then the browser over the library (bench/library_browser.sh:
# the first screen, the outline, the picker, the compare view and the
# search of every assessment; BENCH_LIBRARY_UI=0 skips it).  Writes
# bench/library.md, and appends it to
# bench/results.md when BENCH_LIBRARY_APPEND is set (as make bench does).
#
# Environment: top_srcdir, top_builddir (set by make), BENCH_LIBRARY_SIZES,
# BENCH_LIBRARY_RUNS, BENCH_LIBRARY_BIN (below).
set -eu

src=${top_srcdir:-.}
build=${top_builddir:-.}
sizes=${BENCH_LIBRARY_SIZES:-1 20 200}
runs=${BENCH_LIBRARY_RUNS:-50}
# Absolute: XDG_DATA_HOME must be (a relative one is ignored, and the
# members would be added to the library in $HOME).
work=$(cd "$build" && pwd)/bench/work
# BENCH_LIBRARY_BIN: another build of icsbrowse to measure (one kept
# aside, to compare with this one in the same session; it must have the
# built-in assessment beside it, in its folder's assets/).
bin=${BENCH_LIBRARY_BIN:-$build/icsbrowse}
gen=$build/bench/gen
genlib=$build/bench/genlib
timer=$build/bench/runs
res=$work/library.tsv
out=$build/bench/library.md
LC_ALL=C.UTF-8
export LC_ALL
unset ICSBROWSE_REPORT ICSBROWSE_DB

for p in "$bin" "$gen" "$genlib" "$timer"; do
	[ -x "$p" ] || { echo "bench: $p is not built" >&2; exit 1; }
done
mkdir -p "$work"
case $work in /*) ;; *) echo "bench: $work is not absolute" >&2; exit 1 ;; esac

say() { echo "bench: $*" >&2; }
. "$src/bench/library_browser.sh"
put() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$res"; }

# The library of size n, made once: its XDG_DATA_HOME is $work/library-n.
make_library() {
	n=$1
	lib=$work/library-$n
	ics=$((n / 10))
	if [ -f "$lib/done" ] && [ "$lib/done" -nt "$genlib" ]; then
		return 0
	fi
	say "library of $n: $n local authorities, $ics ICS and Dorset"
	rm -rf "$lib"
	mkdir -p "$lib/in"
	"$genlib" "$lib/in" 1 "$n"
	k=1
	while [ "$k" -le "$n" ]; do
		XDG_DATA_HOME=$lib "$bin" add --name "la-$k-2025" "$lib/in/la-$k" >/dev/null
		k=$((k + 1))
	done
	k=1
	while [ "$k" -le "$ics" ]; do
		mkdir -p "$lib/in/ics-$k"
		"$gen" -s "$k" "$src/assets" 1 "$lib/in/ics-$k" >/dev/null
		XDG_DATA_HOME=$lib "$bin" add --name "ics-$k-2025" "$lib/in/ics-$k" >/dev/null
		k=$((k + 1))
	done
	rm -rf "$lib/in"
	: >"$lib/done"
}

# measure KEY [-s STATUS] COMMAND...: bench/runs of COMMAND (exiting with
# STATUS, 0 unless said) in the library of n, as KEY.
measure() {
	m=$1
	shift
	want=0
	if [ "$1" = -s ]; then
		want=$2
		shift 2
	fi
	line=$(XDG_DATA_HOME=$lib "$timer" -n "$runs" -s "$want" -- "$@")
	put "$n" "$m" "$line"
}

measure_size() {
	n=$1
	make_library "$n"
	lib=$work/library-$n
	members=$(XDG_DATA_HOME=$lib "$bin" list | wc -l)
	put "$n" members "$members"
	names=$(XDG_DATA_HOME=$lib "$bin" list | awk -F'\t' '$2 == "la" { print $1 }')
	put "$n" scored "$(printf '%s\n' "$names" | wc -l)"
	say "library of $n ($members members): $runs runs of each"
	# shellcheck disable=SC2086
	measure floor "$bin" --version
	measure list "$bin" list
	# shellcheck disable=SC2086
	measure scores "$bin" scores $names
	measure search_common "$bin" search --all carers
	measure search_rare "$bin" search --all Vespasian
	put "$n" hits_common "$(XDG_DATA_HOME=$lib "$bin" search --all carers | wc -l)"
	# A member that cannot be read (cut short), which every command
	# looks at again and the catalogue leaves out; set aside after.
	broken=$lib/icsbrowse/library/zz-damaged-2020.db
	head -c 3000 "$lib/icsbrowse/library/la-1-2025.db" >"$broken"
	measure list_damaged -s 1 "$bin" list
	rm -f "$broken"
	XDG_DATA_HOME=$lib "$bin" list >/dev/null
	put "$n" bytes "$(du -sk "$lib/icsbrowse/library" | cut -f1)"
	[ "${BENCH_LIBRARY_UI:-1}" = 0 ] || measure_browser
}

: >"$res"
put 0 date "$(date -u '+%Y-%m-%d %H:%M UTC')"
put 0 load0 "$(cut -d' ' -f1-3 /proc/loadavg)"
for n in $sizes; do
	measure_size "$n"
done
put 0 load1 "$(cut -d' ' -f1-3 /proc/loadavg)"

# --- the table: reads $res only ----------------------------------------
{
	echo "## The library of assessments"
	echo
	echo "Made by \`make bench\` (bench/library.sh," \
	    "BENCH_LIBRARY_SIZES=\"$sizes\" BENCH_LIBRARY_RUNS=$runs) on" \
	    "$(awk -F'\t' '$2 == "date" { print $3 }' "$res"), load average" \
	    "$(awk -F'\t' '$2 == "load0" { print $3 }' "$res") at the start," \
	    "$(awk -F'\t' '$2 == "load1" { print $3 }' "$res") at the end;" \
	    "\`$(uname -srm)\`, $(nproc 2>/dev/null || echo "?") cores;" \
	    "the binary $bin."
	echo
	awk -F'\t' -v sizes="$sizes" '
	function v(n, k) { return (n SUBSEP k) in V ? V[n, k] : "" }
	function ms(x) { return x == "" ? "-" : sprintf(x < 10 ? "%.2f" : x < 100 ? "%.1f" : "%.0f", x) }
	function f(n, k,   a) {	# "RUNS P50 P99 MAX RSS FAILED"
		if (v(n, k) == "") return "-"
		split(v(n, k), a, "\t")
		s = ms(a[2]) " / " ms(a[3]) " / " ms(a[4])
		if (k != "floor") { split(v(n, "floor"), b, "\t"); s = s sprintf(" (%.1fx)", a[2] / b[2]) }
		if (a[6] > 0) s = s " **" a[6] " failed**"
		return s
	}
	function p99(n, k,   a) { split(v(n, k), a, "\t"); return a[3] + 0 }
	function rss(n, k,   a) { split(v(n, k), a, "\t"); return a[5] + 0 }
	function row(label, F,   i, s) {
		s = "| " label
		for (i = 1; i <= ns; i++) s = s " | " F[S[i]]
		print s " |"
	}
	{ V[$1, $2] = $3; for (i = 4; i <= NF; i++) V[$1, $2] = V[$1, $2] "\t" $i }
	END {
		ns = split(sizes, S, " ")
		h = "| measure"; d = "|---"
		for (i = 1; i <= ns; i++) { h = h " | " S[i]; d = d "|---:" }
		print h " |"; print d "|"
		for (i = 1; i <= ns; i++) { n = S[i]
			a1[n] = v(n, "members") " (" v(n, "scored") " scored), " sprintf("%.1f", v(n, "bytes") / 1024) " MiB"
			a2[n] = f(n, "floor"); a3[n] = f(n, "list"); a4[n] = f(n, "scores")
			a5[n] = f(n, "search_common") ", " v(n, "hits_common") " hits"
			a6[n] = f(n, "search_rare")
			a8[n] = f(n, "list_damaged")
			m = 0
			split("floor list scores search_common search_rare", K, " ")
			for (j = 1; j <= 5; j++) if (rss(n, K[j]) > m) m = rss(n, K[j])
			a7[n] = sprintf("%.1f", m / 1024); peak[n] = m
		}
		row("members (of which local authorities), size on disk", a1)
		row("baseline: `icsbrowse --version`, ms p50 / p99 / max", a2)
		row("`list`, ms p50 / p99 / max (p50 / baseline)", a3)
		row("`scores` of every local authority, ms (ratio)", a4)
		row("`search --all carers` (every member), ms (ratio)", a5)
		row("`search --all Vespasian` (one member), ms (ratio)", a6)
		row("`list` with one member damaged (exit status 1), ms (ratio)", a8)
		row("peak RSS MiB, the worst of the above", a7)
		print ""
		print "Targets of issues 12 and 15:"
		print ""
		for (i = 1; i <= ns; i++) { n = S[i]
			printf "- `scores` over all at %s: p99 %s ms, %s\n", n, ms(p99(n, "scores")), (p99(n, "scores") <= 16 ? "met" : "**missed**")
			w = p99(n, "search_common")
			printf "- library-wide search of a word in every member (every hit printed) at %s: p99 %s ms, %s\n", n, ms(w), (w <= 16 ? "met" : "**missed**")
			w = p99(n, "search_rare")
			printf "- library-wide search of a word in one member at %s: p99 %s ms, %s\n", n, ms(w), (w <= 16 ? "met" : "**missed**")
			printf "- peak RSS at %s: %.1f MiB, %s\n", n, peak[n] / 1024, (peak[n] <= 32768 ? "met" : "**missed**")
		}
	}' "$res"
	echo
	echo "How: each command run as a whole process (fork, exec, exit; its" \
	    "output to /dev/null) by bench/runs, once unmeasured, then" \
	    "$runs times; nearest-rank percentiles on CLOCK_MONOTONIC; peak" \
	    "RSS from wait4. The targets are of the whole command, exec and" \
	    "exit included (the baseline row is what that costs alone)."
	echo "Made-up members: a council's 9 statements with their scores and" \
	    "some 40 kB of key findings drawn from a vocabulary (bench/genlib.c);" \
	    "an ICS of the Dorset report's shape and size (bench/gen.c, one" \
	    "report, seeded by its number)."
	[ "${BENCH_LIBRARY_UI:-1}" = 0 ] || browser_table
} >"$out"
cat "$out"
if [ -n "${BENCH_LIBRARY_APPEND:-}" ] && [ -f "$build/bench/results.md" ]; then
	{ echo; cat "$out"; } >>"$build/bench/results.md"
fi
