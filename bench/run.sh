#!/bin/sh
# run.sh: the benchmark (make bench; never part of make check).
#
# For each size (BENCH_SIZES, "1 50 1000" times the Dorset report):
# generates the dataset with bench/gen into bench/work/Nx (kept for the
# next run), then measures
#   import      `icsbrowse import` against sqlite3's .import of the same
#               CSV plus the same FTS5 build (bench/sqlite-import.sql);
#   first       exec to the first full screen of `icsbrowse --db DB` in a
#               100x30 pseudo-terminal, against bench/floor, interleaved
#               run by run (median of BENCH_RUNS), and bench/floor-sqlite
#               on the same database in the same turns (the floor linked
#               with SQLite, reading the outline's first rows: what no
#               browser on SQLite saves);
#   search      bench/queries.txt typed a letter at a time into `/`;
#   keys        j/k in the outline; the largest node opened by a search;
#               PgDn/PgUp through it end to end, End/Home, j/k; each key's
#               CPU and run-queue time beside its wall time;
#   complete    Tab on the `:` line after ":open " and the prefixes of the
#               largest node's path (measure_complete);
#   RSS         ru_maxrss of the browser after q;
#   anchors     less on the report's text, lnav and VisiData on blocks.csv;
# and, once, reading reports (measure_reports below: the Dorset text and
# one 10 times as long, and their PDFs, against pdftotext);
# then prints a table and writes it to bench/results.md.
#
# Environment: top_srcdir, top_builddir (set by make), BENCH_SIZES,
# BENCH_RUNS (20), BENCH_SIZE (100x30), BENCH_REPORTS (0: no reports).
set -eu

src=${top_srcdir:-.}
build=${top_builddir:-.}
sizes=${BENCH_SIZES:-1 50 1000}
runs=${BENCH_RUNS:-20}
size=${BENCH_SIZE:-100x30}
work=$build/bench/work
bin=$build/icsbrowse
gen=$build/bench/gen
pty=$build/bench/ptyrun
floor=$build/bench/floor
floorsql=$build/bench/floor-sqlite
res=$work/results.tsv
out=$build/bench/results.md
LC_ALL=C.UTF-8
export LC_ALL

for p in "$bin" "$gen" "$pty" "$floor" "$floorsql"; do
	[ -x "$p" ] || { echo "bench: $p is not built" >&2; exit 1; }
done
command -v sqlite3 >/dev/null 2>&1 ||
	{ echo "bench: sqlite3 (the shell) is needed: apt-get install sqlite3" >&2; exit 1; }
mkdir -p "$work" "$work/home"

say() { echo "bench: $*" >&2; }
put() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$res"; }
get() { awk -F'\t' -v n="$1" -v k="$2" '$1 == n && $2 == k { v = $3 } END { print v }' "$res"; }
# median of the numbers on standard input (the lower middle one)
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

# "MEDIAN RSS" of a first-screen line of ptyrun.
first_rss() { awk -F'\t' '{ print $3 " " $6 }' "$1"; }

# The runs of the slow measures at a size: fewer at 1000x.
import_runs() { if [ "$1" -ge 1000 ]; then echo 3; elif [ "$1" -ge 50 ]; then echo 3; else echo 5; fi; }
anchor_runs() { if [ "$1" -ge 1000 ]; then echo 10; else echo "$runs"; fi; }
outline_moves() { if [ "$1" -ge 1000 ]; then echo 100; else echo 200; fi; }

# The `:` line's completion of paths: Tab after ":open " and prefixes of
# the path (ptyrun -x complete), -k rounds of them.
measure_complete() {
	n=$1 db=$2 path=$3
	say "${n}x: Tab completion of paths"
	"$pty" -s "$size" -S -x complete -k 5 -P "$path" -- \
	    "$bin" --db "$db" >"$work/out"
	awk -F'\t' -v n="$n" '$1 == "series" { print n "\t" $2 "\t" $3 " " $4 " " $5 " " $6 }' \
	    "$work/out" >>"$res"
	put "$n" complete_rss "$(awk -F'\t' '$1 == "rss" { print $2 }' "$work/out")"
}

measure_size() {
	n=$1
	dir=$work/${n}x
	db=$work/${n}x.db
	sdb=$work/${n}x-sqlite.db

	# The dataset, kept while bench/gen is older than it.
	if [ ! -f "$dir/largest.txt" ] || [ "$gen" -nt "$dir/largest.txt" ]; then
		say "${n}x: generating the dataset"
		rm -rf "$dir" "$dir.tmp"
		mkdir -p "$dir.tmp"
		"$gen" "$src/assets" "$n" "$dir.tmp" >"$dir.tmp/largest.txt.tmp"
		mv "$dir.tmp/largest.txt.tmp" "$dir.tmp/largest.txt"
		mv "$dir.tmp" "$dir"
	fi
	path=$(cut -f2 "$dir/largest.txt")
	find=$(cut -f3 "$dir/largest.txt")
	rows=0
	bytes=0
	for t in meta sources nodes blocks places figures mentions; do
		r=$(($(wc -l <"$dir/$t.csv") - 1))
		b=$(wc -c <"$dir/$t.csv")
		rows=$((rows + r))
		bytes=$((bytes + b))
		put "$n" "rows_$t" "$r"
	done
	put "$n" rows "$rows"
	put "$n" bytes "$bytes"

	# Import, against sqlite3's .import and the same FTS5 build.
	ir=$(import_runs "$n")
	say "${n}x: import ($ir runs each)"
	"$pty" -x time -n "$ir" -- "$bin" import --force "$dir" --output "$db" >"$work/out" ||
		{ say "icsbrowse import failed"; return 1; }
	put "$n" import_runs "$ir"
	put "$n" import_ms "$(cut -f3 "$work/out")"
	put "$n" import_rss "$(cut -f6 "$work/out")"
	"$pty" -x time -n "$ir" -- sh -c 'cd "$1" && rm -f "$2" &&
	    exec sqlite3 "$2" <"$3" >/dev/null' sh "$dir" "$sdb" \
	    "$(cd "$src/bench" && pwd)/sqlite-import.sql" >"$work/out" ||
		{ say "sqlite3 import failed"; return 1; }
	put "$n" sqlite_ms "$(cut -f3 "$work/out")"
	put "$n" sqlite_rss "$(cut -f6 "$work/out")"
	rm -f "$sdb"

	# First full screen, the browser and the floor in turn.
	say "${n}x: first screen ($runs runs each)"
	: >"$work/first.b"
	: >"$work/first.f"
	: >"$work/first.s"
	i=0
	while [ "$i" -lt "$runs" ]; do
		"$pty" -s "$size" -n 1 -m "floor ready" -- "$floor" >>"$work/first.f"
		"$pty" -s "$size" -n 1 -m "floor ready" -- "$floorsql" "$db" >>"$work/first.s"
		"$pty" -s "$size" -S -n 1 -m "row 1 of" -- "$bin" --db "$db" >>"$work/first.b"
		i=$((i + 1))
	done
	put "$n" first_runs "$runs"
	put "$n" first_ms "$(cut -f3 "$work/first.b" | median)"
	put "$n" first_max "$(cut -f3 "$work/first.b" | sort -g | tail -1)"
	put "$n" floor_ms "$(cut -f3 "$work/first.f" | median)"
	put "$n" floorsql_ms "$(cut -f3 "$work/first.s" | median)"
	put "$n" first_rss "$(cut -f6 "$work/first.b" | median)"
	put "$n" floor_rss "$(cut -f6 "$work/first.f" | median)"

	# Search as you type.
	say "${n}x: search as you type"
	"$pty" -s "$size" -S -x search -f "$src/bench/queries.txt" -- \
	    "$bin" --db "$db" >"$work/out"
	put "$n" queries "$(awk -F'\t' '$1 == "queries" { print $2 "/" $3 }' "$work/out")"
	awk -F'\t' -v n="$n" '$1 == "series" { print n "\t" $2 "\t" $3 " " $4 " " $5 " " $6 }' \
	    "$work/out" >>"$res"
	put "$n" search_rss "$(awk -F'\t' '$1 == "rss" { print $2 }' "$work/out")"

	# Keys: the outline, the largest node, the reading pane.
	mv=$(outline_moves "$n")
	say "${n}x: keys (outline: $mv moves each way)"
	"$pty" -s "$size" -S -x browse -k "$mv" -P "$path" -F "$find" -- \
	    "$bin" --db "$db" >"$work/out"
	put "$n" outline_moves "$mv"
	awk -F'\t' -v n="$n" '$1 == "series" { print n "\t" $2 "\t" $3 " " $4 " " $5 " " $6 }' \
	    "$work/out" >>"$res"
	put "$n" browse_rss "$(awk -F'\t' '$1 == "rss" { print $2 }' "$work/out")"
	put "$n" largest "$path ($(cut -f4 "$dir/largest.txt") bytes)"
	measure_complete "$n" "$db" "$path"

	# Anchors.
	ar=$(anchor_runs "$n")
	say "${n}x: anchors ($ar runs each)"
	put "$n" anchor_runs "$ar"
	if [ ! -f "$dir/report.txt" ] || [ "$db" -nt "$dir/report.txt" ]; then
		sqlite3 "$db" "SELECT text FROM blocks ORDER BY rowid" >"$dir/report.txt"
	fi
	"$pty" -s "$size" -n "$ar" -m "report.txt" -- less "$dir/report.txt" >"$work/out"
	put "$n" less "$(first_rss "$work/out")"
	last=$(tail -n 1 "$dir/blocks.csv" | cut -d, -f1-2),
	if command -v lnav >/dev/null 2>&1; then
		"$pty" -s "$size" -H "$work/home" -a -n 1 -m "$last" -- lnav "$dir/blocks.csv" >/dev/null 2>&1 || :
		if "$pty" -s "$size" -H "$work/home" -a -n "$ar" -m "$last" -- \
		    lnav "$dir/blocks.csv" >"$work/out" 2>"$work/err"; then
			put "$n" lnav "$(first_rss "$work/out")"
		else
			put "$n" lnav "failed: $(tail -n 1 "$work/err")"
		fi
	else
		put "$n" lnav "not installed"
	fi
	if command -v vd >/dev/null 2>&1; then
		if "$pty" -s "$size" -H "$work/home" -a -n "$ar" -Q gq \
		    -m "$(get "$n" rows_blocks) rows" -- vd "$dir/blocks.csv" \
		    >"$work/out" 2>"$work/err"; then
			put "$n" vd "$(first_rss "$work/out")"
		else
			put "$n" vd "failed: $(tail -n 1 "$work/err")"
		fi
	else
		put "$n" vd "not installed"
	fi
	rm -f "$db"
}

# --- reading reports (issue 15) ------------------------------------------
# The Dorset web text, and the same text with its sections repeated 20
# times (tests/reports/longer.sh: about 10 times as long); each imported,
# read back and set in a PDF by groff -ms (tests/reports/dataset2ms.sh, as
# tests/cli/reader.sh does), and each PDF imported and run through
# pdftotext (plain, and -bbox-layout, which the reader runs itself), run
# for run in the same minutes.  Skipped without the report's text
# (ICSB_SOURCE_DIR, or ../shared/source), groff -Tpdf or pdftotext.
# BENCH_REPORTS=0 skips it.
report_runs() { if [ "$1" -ge 10 ]; then echo 5; else echo "$runs"; fi; }
measure_reports() {
	rsrc=${ICSB_SOURCE_DIR:-$src/../shared/source}/cqc-dorset-ics-assessment-2024.txt
	if [ ! -r "$rsrc" ] || ! command -v pdftotext >/dev/null 2>&1 ||
	    ! groff -Tpdf -ms </dev/null >/dev/null 2>&1; then
		put 0 reports "skipped: no $rsrc, pdftotext or groff -Tpdf"
		return 0
	fi
	rw=$work/reports
	mkdir -p "$rw"
	for k in 1 10; do
		if [ "$k" = 1 ]; then
			cp "$rsrc" "$rw/r$k.txt"
		else
			sh "$src/tests/reports/longer.sh" "$rsrc" 20 >"$rw/r$k.txt"
		fi
		"$bin" import --force "$rw/r$k.txt" --output "$rw/r$k.db" \
		    2>/dev/null || { say "reports: import of r$k.txt failed"; return 1; }
		sh "$src/tests/reports/dataset2ms.sh" "$rw/r$k.db" >"$rw/r$k.ms"
		groff -k -ms -Tpdf "$rw/r$k.ms" >"$rw/r$k.pdf"
		put 0 "rep_bytes_$k" "$(wc -c <"$rw/r$k.txt")"
		put 0 "rep_pdf_bytes_$k" "$(wc -c <"$rw/r$k.pdf")"
		put 0 "rep_pages_$k" "$(pdftotext "$rw/r$k.pdf" - | tr -cd '\f' | wc -c)"
		rr=$(report_runs "$k")
		say "reports: ${k}x ($rr runs each)"
		: >"$rw/t.text"; : >"$rw/t.pdf"; : >"$rw/t.plain"; : >"$rw/t.bbox"
		i=0
		while [ "$i" -lt "$rr" ]; do
			"$pty" -x time -n 1 -- "$bin" import --force "$rw/r$k.txt" \
			    --output "$rw/o.db" >>"$rw/t.text"
			"$pty" -x time -n 1 -- "$bin" import --force "$rw/r$k.pdf" \
			    --output "$rw/o.db" >>"$rw/t.pdf"
			"$pty" -x time -n 1 -- pdftotext "$rw/r$k.pdf" "$rw/o.txt" \
			    >>"$rw/t.plain"
			"$pty" -x time -n 1 -- pdftotext -bbox-layout "$rw/r$k.pdf" \
			    "$rw/o.html" >>"$rw/t.bbox"
			i=$((i + 1))
		done
		put 0 rep_runs_$k "$rr"
		for m in text pdf plain bbox; do
			put 0 "rep_${m}_$k" "$(cut -f3 "$rw/t.$m" | median)"
			put 0 "rep_${m}_rss_$k" "$(cut -f6 "$rw/t.$m" | sort -g | tail -n 1)"
		done
	done
	rm -f "$rw/o.db" "$rw/o.txt" "$rw/o.html"
}

# The reports' table, from $res.
report_table() {
	[ -n "$(get 0 rep_text_1)" ] || { r=$(get 0 reports); [ -z "$r" ] ||
	    printf '\nReading reports: %s\n' "$r"; return 0; }
	awk -F'\t' '
	function v(k) { return (0 SUBSEP k) in V ? V[0, k] : "" }
	function ms(x) { return sprintf(x < 10 ? "%.2f" : x < 100 ? "%.1f" : "%.0f", x) }
	{ V[$1, $2] = $3 }
	END {
		print ""
		print "Reading reports (median ms of " v("rep_runs_1") " runs at 1x, " v("rep_runs_10") " at 10x; peak RSS MiB):"
		print ""
		print "| measure | Dorset (1x) | 10x |"
		print "|---|---:|---:|"
		printf "| text: bytes | %d | %d |\n", v("rep_bytes_1"), v("rep_bytes_10")
		printf "| PDF by groff: pages, bytes | %d, %d | %d, %d |\n", v("rep_pages_1"), v("rep_pdf_bytes_1"), v("rep_pages_10"), v("rep_pdf_bytes_10")
		n = split("text:icsbrowse import of the text,pdf:icsbrowse import of the PDF,plain:pdftotext (plain) on the PDF,bbox:pdftotext -bbox-layout on the PDF", M, ",")
		for (i = 1; i <= n; i++) { split(M[i], a, ":")
			printf "| %s | %s ms, %.1f | %s ms, %.1f |\n", a[2], ms(v("rep_" a[1] "_1")), v("rep_" a[1] "_rss_1") / 1024, ms(v("rep_" a[1] "_10")), v("rep_" a[1] "_rss_10") / 1024 }
		for (k = 1; k <= 10; k += 9) {
			p[k] = v("rep_pdf_" k) / v("rep_plain_" k); b[k] = v("rep_pdf_" k) / v("rep_bbox_" k)
			q[k] = v("rep_bbox_" k) / v("rep_plain_" k)
		}
		printf "| PDF import / pdftotext plain | **%.2f** | **%.2f** |\n", p[1], p[10]
		printf "| PDF import / pdftotext -bbox-layout | %.2f | %.2f |\n", b[1], b[10]
		printf "| pdftotext -bbox-layout / plain | %.2f | %.2f |\n", q[1], q[10]
		print ""
		print "Targets of issue 15:"
		print ""
		printf "- PDF import <= 1.5x pdftotext at 1x: %.2f, %s\n", p[1], p[1] <= 1.5 ? "met" : "**missed**"
		printf "- text import <= 50 ms at 1x: %s ms, %s\n", ms(v("rep_text_1")), v("rep_text_1") <= 50 ? "met" : "**missed**"
	}' "$res"
}

# BENCH_TABLE_ONLY=1 makes the table again from the last run's results.
if [ -z "${BENCH_TABLE_ONLY:-}" ]; then
	: >"$res"
	started=$(date +%s)
	put 0 load0 "$(cut -d' ' -f1-3 /proc/loadavg)"
	put 0 date "$(date -u '+%Y-%m-%d %H:%M UTC')"
	for n in $sizes; do
		measure_size "$n"
	done
	[ "${BENCH_REPORTS:-1}" = 0 ] || measure_reports
	put 0 elapsed $(($(date +%s) - started))
	put 0 load1 "$(cut -d' ' -f1-3 /proc/loadavg)"
fi

# --- the table ---------------------------------------------------------
# Everything below reads $res only.
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
cores=$(nproc 2>/dev/null || echo "?")
{
	echo "# icsbrowse benchmark"
	echo
	echo "Made by \`make bench\` (BENCH_SIZES=\"$sizes\" BENCH_RUNS=$runs" \
	    "BENCH_SIZE=$size) on $(get 0 date), in $(get 0 elapsed) s."
	echo
	echo "- machine: \`$(uname -a)\`"
	echo "- CPU: $cpu, $cores cores; load average $(get 0 load0) at the" \
	    "start, $(get 0 load1) at the end"
	echo "- $("$bin" --version 2>/dev/null | head -n 1)," \
	    "sqlite3 $(sqlite3 --version | cut -d' ' -f1)," \
	    "$(less --version | head -n 1)"
	echo
	awk -F'\t' -v sizes="$sizes" '
	function v(n, k) { return (n SUBSEP k) in V ? V[n, k] : "" }
	function ms(x) { return x == "" ? "-" : sprintf(x < 10 ? "%.2f" : x < 100 ? "%.1f" : "%.0f", x) }
	function mib(k) { return k == "" ? "-" : sprintf("%.1f", k / 1024) }
	function ser(n, k,   a) {	# "N p50 p99 max" -> "p50 / p99 / max"
		if (v(n, k) == "") return "-"
		split(v(n, k), a, " ")
		return ms(a[2]) " / " ms(a[3]) " / " ms(a[4])
	}
	function p99(n, k,   a) { split(v(n, k), a, " "); return a[3] + 0 }
	function worst(n, suffix,   j, w) {	# the worst p99 of the keys
		w = 0
		for (j = 1; j <= 5; j++) if (p99(n, K[j] suffix) > w) w = p99(n, K[j] suffix)
		return w
	}
	function row(label, f,   i, s) {
		s = "| " label
		for (i = 1; i <= ns; i++) s = s " | " f[S[i]]
		print s " |"
	}
	{ V[$1, $2] = $3 }
	END {
		ns = split(sizes, S, " ")
		h = "| measure"; d = "|---"
		for (i = 1; i <= ns; i++) { h = h " | " S[i] "x"; d = d "|---:" }
		print h " |"; print d "|"
		for (i = 1; i <= ns; i++) { n = S[i]
			f1[n] = v(n, "rows_nodes") " / " v(n, "rows_blocks") " / " sprintf("%.1f", v(n, "bytes") / 1e6)
			t = v(n, "import_ms") / 1000; u = v(n, "sqlite_ms") / 1000
			f2[n] = sprintf("%.3g s: %.0f rows/s, %.1f MB/s", t, v(n, "rows") / t, v(n, "bytes") / 1e6 / t)
			f3[n] = sprintf("%.3g s: %.0f rows/s, %.1f MB/s", u, v(n, "rows") / u, v(n, "bytes") / 1e6 / u)
			ir[n] = u / t
			f4[n] = sprintf("**%.2f**", ir[n])
			f5[n] = v(n, "import_runs") "; " mib(v(n, "import_rss")) " / " mib(v(n, "sqlite_rss"))
			f6[n] = ms(v(n, "first_ms")) " (max " ms(v(n, "first_max")) ")"
			f7[n] = ms(v(n, "floor_ms"))
			fr[n] = v(n, "first_ms") / v(n, "floor_ms")
			f8[n] = sprintf("**%.2f**", fr[n])
			sr[n] = v(n, "floorsql_ms") / v(n, "floor_ms")
			f26[n] = ms(v(n, "floorsql_ms")) ": " sprintf("%.2f", sr[n]) "x the floor"
			f9[n] = ser(n, "search echo")
			f10[n] = ser(n, "search results")
			f11[n] = v(n, "queries")
			f12[n] = ser(n, "outline j")
			f13[n] = ser(n, "outline k")
			f14[n] = ms(p99(n, "open largest"))
			f15[n] = ser(n, "reader PgDn/PgUp")
			f16[n] = ser(n, "reader End/Home")
			f17[n] = ser(n, "reader j/k")
			f23[n] = ser(n, "complete Tab")
			f24[n] = ser(n, "complete Tab cpu")
			rss[n] = v(n, "first_rss")
			if (v(n, "complete_rss") > rss[n]) rss[n] = v(n, "complete_rss")
			if (v(n, "search_rss") > rss[n]) rss[n] = v(n, "search_rss")
			if (v(n, "browse_rss") > rss[n]) rss[n] = v(n, "browse_rss")
			f18[n] = mib(v(n, "first_rss")) " / " mib(v(n, "search_rss")) " / " mib(v(n, "browse_rss")) " (floor " mib(v(n, "floor_rss")) ")"
			split(v(n, "less"), a, " "); f19[n] = ms(a[1]) " ms, " mib(a[2]) " MiB"
			if (v(n, "lnav") ~ /^[0-9]/) { split(v(n, "lnav"), a, " "); f20[n] = ms(a[1]) " ms, " mib(a[2]) " MiB" } else f20[n] = v(n, "lnav")
			if (v(n, "vd") ~ /^[0-9]/) { split(v(n, "vd"), a, " "); f21[n] = ms(a[1]) " ms, " mib(a[2]) " MiB" } else f21[n] = v(n, "vd")
			f22[n] = v(n, "first_runs") " / " v(n, "anchor_runs") " / " v(n, "outline_moves")
			keyp99[n] = 0
			split("outline j,outline k,reader PgDn/PgUp,reader End/Home,reader j/k", K, ",")
			for (j = 1; j <= 5; j++) if (p99(n, K[j]) + 0 > keyp99[n]) keyp99[n] = p99(n, K[j]) + 0
			f25[n] = ms(worst(n, " cpu")) " / " ms(worst(n, " wait"))
		}
		row("dataset: nodes / blocks / CSV MB", f1)
		row("import, icsbrowse", f2)
		row("import, sqlite3 .import + FTS5 build", f3)
		row("import throughput ratio (icsbrowse / sqlite3)", f4)
		row("import runs (median); peak RSS MiB icsbrowse / sqlite3", f5)
		row("first screen, icsbrowse, median ms", f6)
		row("first screen, floor, median ms", f7)
		row("first screen ratio (icsbrowse / floor)", f8)
		row("first screen, the floor with SQLite (bench/floor-sqlite), median ms", f26)
		row("search keystroke to echo, ms p50 / p99 / max", f9)
		row("search keystroke to results, ms p50 / p99 / max", f10)
		row("search: queries / keystrokes", f11)
		row("outline j, ms p50 / p99 / max", f12)
		row("outline k, ms p50 / p99 / max", f13)
		row("open the largest node (Enter on its search result), ms", f14)
		row("reader PgDn/PgUp through it, ms p50 / p99 / max", f15)
		row("reader End/Home, ms p50 / p99 / max", f16)
		row("reader j/k, ms p50 / p99 / max", f17)
		row("keys: worst p99 of CPU / of run-queue wait, ms", f25)
		row("`:` Tab completing a path, ms p50 / p99 / max", f23)
		row("`:` Tab, CPU ms p50 / p99 / max", f24)
		row("peak RSS MiB: first screen / search / keys", f18)
		row("anchor: less on the report text, first screen, RSS", f19)
		row("anchor: lnav on blocks.csv, first screen, RSS", f20)
		row("anchor: VisiData on blocks.csv, first screen, RSS", f21)
		row("runs: first screen / anchors; outline moves each way", f22)
		print ""
		print "Targets of issue 7:"
		print ""
		ok = "met"; bad = "**missed**"
		for (i = 1; i <= ns; i++) { n = S[i]
			if (n == 1) printf "- first screen <= 1.2x the floor at 1x: %.2f, %s (the floor with SQLite: %.2f)\n", fr[n], (fr[n] <= 1.2 ? ok : bad), sr[n]
			if (n == 1000) printf "- first screen <= 1.5x the floor at 1000x: %.2f, %s (the floor with SQLite: %.2f)\n", fr[n], (fr[n] <= 1.5 ? ok : bad), sr[n]
			if (n == 1) printf "- search keystroke p99 <= 5 ms at 1x: %s ms, %s\n", ms(p99(n, "search results")), (p99(n, "search results") <= 5 ? ok : bad)
			if (n == 1000) printf "- every keystroke answered <= 16 ms p99 at 1000x: %s ms, %s\n", ms(p99(n, "search echo")), (p99(n, "search echo") <= 16 ? ok : bad)
			if (n == 1000) printf "- ranked results <= 100 ms p99 at 1000x: %s ms, %s\n", ms(p99(n, "search results")), (p99(n, "search results") <= 100 ? ok : bad)
			printf "- any key in the outline or reader <= 2 ms p99 at %sx: worst p99 %s ms, %s\n", n, ms(keyp99[n]), (keyp99[n] <= 2 ? ok : bad)
			if (n == 1) printf "- peak RSS <= 16 MiB at 1x: %s MiB, %s\n", mib(rss[n]), (rss[n] <= 16384 ? ok : bad)
			if (n == 1000) printf "- peak RSS <= 32 MiB at 1000x: %s MiB, %s\n", mib(rss[n]), (rss[n] <= 32768 ? ok : bad)
			printf "- import >= 1.2x sqlite3 at %sx: %.2f, %s\n", n, ir[n], (ir[n] >= 1.2 ? ok : bad)
		}
		print ""
		print "Targets of issue 15 (the browser):"
		print ""
		for (i = 1; i <= ns; i++) { n = S[i]
			if (n == 1000) printf "- `:` Tab completing a path <= 16 ms p99 at 1000x: %s ms, %s\n", ms(p99(n, "complete Tab")), (p99(n, "complete Tab") <= 16 ? ok : bad)
			printf "- peak RSS <= 32 MiB at %sx (every measure): %s MiB, %s\n", n, mib(rss[n]), (rss[n] <= 32768 ? ok : bad)
		}
	}' "$res"
	echo
	echo "How: times on CLOCK_MONOTONIC; the browser in a ${size} pseudo-terminal" \
	    "(forkpty, TERM=xterm-256color, LC_ALL=C.UTF-8, a fresh XDG_STATE_HOME" \
	    "each run), followed by bench/ptyrun's VT100 screen model."
	echo "First screen: fork to the read that brings the marker onto the last" \
	    "line (\"row 1 of\"; the floor's \"floor ready\"; the floor with" \
	    "SQLite is the floor linked with SQLite, its left window the titles" \
	    "of the database's first top-level nodes, one query). A key: its write" \
	    "to the last byte before 30 ms of quiet, once the status line has" \
	    "changed. Search: echo = the query and the cursor after it on the" \
	    "box's query line; results = the last byte before 30 ms of quiet, the" \
	    "count line reading \"N results\". RSS: ru_maxrss from wait4 after q." \
	    "Import: wall time of the whole command, the CSV's data rows and bytes" \
	    "divided by it. Anchors: less until its prompt (the file name) shows;" \
	    "lnav until the last line of blocks.csv shows; VisiData until" \
	    "\"N rows\" reads the whole file."
	echo "Fewer repetitions at 1000x, to keep a run under 10 minutes: import" \
	    "3 runs (5 at 1x), anchors 10 runs (20), outline 100 moves each way" \
	    "(200). Datasets: bench/gen, N made-up reports of the Dorset" \
	    "report's shape (CSV bytes scale with the real files: 109 kB at 1x)."
	echo "Other work on the machine shows in the load average above:" \
	    "the floor runs in the same minutes as the browser, run for run."
	report_table
} >"$out"
cat "$out"
