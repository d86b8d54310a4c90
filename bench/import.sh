#!/bin/sh
# import.sh: the import alone, against its yardstick, in CPU time as well
# as wall time (make bench times wall only; on a machine others share,
# CPU seconds are the steadier figure).
#
#   bench/import.sh SIZE RUNS ICSBROWSE...
#
# For the dataset bench/work/SIZEx (made by make bench, or by bench/gen),
# runs each icsbrowse given (an older build beside this one, say) and
# sqlite3 with bench/sqlite-import.sql in turn, RUNS times, and prints for
# each its wall and CPU (user + system) seconds, their medians, peak RSS,
# and the yardstick's median over its own (the ratio of make bench), and
# the load average before and after.  IMPORT_LOOP=N times N imports in a
# row as one run and gives the figures of one (time's 10 ms steps are too
# coarse for the 20 ms of an import at 1x: IMPORT_LOOP=20 there).
set -eu

size=${1:?usage: import.sh SIZE RUNS ICSBROWSE...}
runs=${2:?usage: import.sh SIZE RUNS ICSBROWSE...}
shift 2
src=$(cd "$(dirname "$0")/.." && pwd)
dir=${BENCH_WORK:-bench/work}/${size}x
[ -f "$dir/nodes.csv" ] || { echo "import.sh: no $dir: run make bench, or bench/gen assets $size $dir" >&2; exit 2; }
loop=${IMPORT_LOOP:-1}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/icsb-import.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
i=0
while [ "$i" -lt "$runs" ]; do
	for b in "$@" sqlite3; do
		if [ "$b" = sqlite3 ]; then
			( cd "$dir" && /usr/bin/time -f "sqlite3 %e %U %S %M" \
			    sh -c 'n=0; while [ $n -lt "$1" ]; do rm -f "$2";
			    sqlite3 "$2" <"$3" || exit 1; n=$((n + 1)); done' \
			    sh "$loop" "$tmp/s.db" "$src/bench/sqlite-import.sql" \
			    2>&1 >/dev/null | tail -n 1 )
		else
			/usr/bin/time -f "$b %e %U %S %M" sh -c 'n=0
			    while [ $n -lt "$1" ]; do "$2" import --force "$3" \
			    --output "$4" || exit 1; n=$((n + 1)); done' \
			    sh "$loop" "$b" "$dir" "$tmp/i.db" 2>&1 >/dev/null |
			    tail -n 1
		fi
	done
	i=$((i + 1))
done | awk -v loop="$loop" '
function median(s,   a, n, i, j, t) {
	n = split(s, a, " ")
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
		if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
	return a[int((n + 1) / 2)]
}
{ if (!($1 in w)) order[++k] = $1
  w[$1] = w[$1] " " ($2 / loop); c[$1] = c[$1] " " (($3 + $4) / loop); m[$1] = $5 }
END {
	sw = median(w["sqlite3"]); sc = median(c["sqlite3"])
	for (i = 1; i <= k; i++) { b = order[i]
		mw = median(w[b]); mc = median(c[b])
		printf "%s: wall %.4f s, CPU %.4f s, RSS %.1f MiB", b, mw, mc, m[b] / 1024
		if (b != "sqlite3") printf "; ratio wall %.2f, CPU %.2f", sw / mw, (mc > 0 ? sc / mc : 0)
		printf "\n"
	}
}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
