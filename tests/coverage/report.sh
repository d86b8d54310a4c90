#!/bin/sh
# report.sh: line and branch coverage of what make check ran, per layer.
#
# Run by make coverage in a build configured with --enable-coverage,
# after make check has left its .gcda files.  Captures them with lcov
# into coverage/total.info, writes coverage/LAYER.info for each layer of
# src/ (core, render, ui, cli), prints a table of lines, branches and
# functions per layer, and then the least-covered functions (by lines run,
# those of five lines or more), so that the gaps have names.  With
# genhtml, coverage/html/index.html shows it line by line.
set -eu

: "${top_srcdir:=.}"
LCOV=${LCOV:-lcov}
out=coverage
rc="--rc lcov_branch_coverage=1"
mkdir -p "$out"

# shellcheck disable=SC2086
"$LCOV" $rc --quiet --capture --directory . --base-directory "$top_srcdir" \
    --output-file "$out/total.info" 2>/dev/null

printf '%-8s %20s %20s %18s\n' layer lines branches functions
for layer in core render ui cli; do
	# shellcheck disable=SC2086
	"$LCOV" $rc --quiet --extract "$out/total.info" "*/src/$layer/*" \
	    --output-file "$out/$layer.info" 2>/dev/null || continue
	awk -v layer="$layer" '
	/^LF:/ { lf += substr($0, 4) } /^LH:/ { lh += substr($0, 4) }
	/^BRF:/ { bf += substr($0, 5) } /^BRH:/ { bh += substr($0, 5) }
	/^FNF:/ { ff += substr($0, 5) } /^FNH:/ { fh += substr($0, 5) }
	function pct(h, f) { return f ? sprintf("%5.1f%%", 100 * h / f) : "   -" }
	END {
		printf "%-8s %6s %6d/%-6d %6s %6d/%-6d %6s %4d/%-4d\n", layer,
		    pct(lh, lf), lh, lf, pct(bh, bf), bh, bf, pct(fh, ff), fh, ff
	}' "$out/$layer.info"
done

echo
echo "least covered functions (lines run / lines, five lines or more):"
cat "$out"/core.info "$out"/render.info "$out"/ui.info "$out"/cli.info \
    2>/dev/null | awk '
/^SF:/ { file = substr($0, 4); sub(".*/src/", "src/", file); nf = 0; nd = 0 }
/^FN:/ {
	split(substr($0, 4), a, ",")
	fl[nf] = a[1] + 0; fnm[nf] = a[2]; nf++
}
/^DA:/ { split(substr($0, 4), a, ","); dl[nd] = a[1] + 0; dh[nd] = a[2] + 0; nd++ }
/^end_of_record/ {
	for (i = 0; i < nf; i++) {
		lo = fl[i]; hi = 1e9
		for (j = 0; j < nf; j++)
			if (fl[j] > lo && fl[j] < hi)
				hi = fl[j]
		t = 0; h = 0
		for (k = 0; k < nd; k++)
			if (dl[k] >= lo && dl[k] < hi) {
				t++
				if (dh[k] > 0)
					h++
			}
		if (t >= 5)
			printf "%5.1f%% %4d/%-4d %s %s\n", 100 * h / t, h, t,
			    file, fnm[i]
	}
}' | sort -n | head -n "${COVERAGE_WORST:-25}"

if command -v "${GENHTML:-genhtml}" >/dev/null 2>&1; then
	# shellcheck disable=SC2086
	"${GENHTML:-genhtml}" $rc --quiet --branch-coverage \
	    --output-directory "$out/html" "$out/core.info" "$out/render.info" \
	    "$out/ui.info" "$out/cli.info" 2>/dev/null &&
	    echo && echo "line by line: $out/html/index.html"
fi
