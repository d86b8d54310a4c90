#!/bin/sh
# layers.sh: the layers and the browser's structure hold.
#
# - No file of src/core or src/render (nor their headers) includes a ui
#   or cli header: the library knows no curses and no command line.
# - In src/ui, a feature file (pane_*, view_*, dlg_*) is reached only
#   through the registry: no other object file uses a symbol a feature
#   file defines, registry.o aside.  So a feature never names another
#   feature, and the loop names none; and no mode includes ui_priv.h.
# The second check reads the object files' symbols (nm), and is first
# tried on two small objects where a feature does name another.
. "${top_srcdir:-.}/tests/lib.sh"

NM=${NM:-nm}
CC=${CC:-cc}
command -v "$NM" >/dev/null 2>&1 || { echo "Bail out! no $NM"; exit 1; }

# --- the includes ---------------------------------------------------------
bad=$(cd "$top_srcdir" && grep -l '^#include "\(ui\|cli\)/' \
	src/core/*.c src/render/*.c include/core/*.h include/render/*.h \
	2>/dev/null | tr '\n' ' ')
is "$bad" "" "no core or render file includes a ui or cli header"
bad=$(cd "$top_srcdir" && grep -l '^#include <curses.h>' \
	src/core/*.c src/render/*.c include/core/*.h include/render/*.h \
	2>/dev/null | tr '\n' ' ')
is "$bad" "" "no core or render file includes curses"

# The browser's own state is the loop's: no mode includes ui_priv.h.
bad=$(cd "$top_srcdir" && grep -l '^#include "ui/ui_priv.h"' \
	src/ui/pane_*.c src/ui/view_*.c src/ui/dlg_*.c src/ui/picker.c \
	src/ui/docview.c src/ui/textview.c src/ui/search.c 2>/dev/null |
	tr '\n' ' ')
is "$bad" "" "no mode reaches into the browser's state (ui_priv.h)"

# cross_refs DIR [SRCDIR]: lines "USER uses SYMBOL of FEATURE" for the
# objects in DIR (named for their sources: icsbrowse-pane_x.o), those of a
# source in SRCDIR only (an object left by a file since gone is no part).
objects() {
	for f in "$1"/*.o; do
		base=${f##*/}; base=${base#icsbrowse-}; base=${base%.o}
		[ -z "$2" ] || [ -f "$2/$base.c" ] && echo "$f $base"
	done
}
cross_refs() {
	objects "$1" "$2" | while read -r f base; do
		case $base in
		pane_*|view_*|dlg_*)
			"$NM" -g --defined-only "$f" | awk -v b="$base" \
				'NF == 3 { print $3, b }' ;;
		esac
	done | sort >"$TMPDIR_TEST/defined"
	objects "$1" "$2" | while read -r f base; do
		[ "$base" = registry ] && continue
		"$NM" -u "$f" | awk -v b="$base" '{ print $NF, b }'
	done | sort >"$TMPDIR_TEST/used"
	join "$TMPDIR_TEST/used" "$TMPDIR_TEST/defined" |
		awk '$2 != $3 { print $2, "uses", $1, "of", $3 }'
}

# --- the check checked: a feature that names another is found -----------
mkdir -p "$TMPDIR_TEST/fake"
printf 'int view_b_thing(void) { return 1; }\n' >"$TMPDIR_TEST/view_b.c"
printf 'int view_b_thing(void);\nint pane_a(void) { return view_b_thing(); }\n' \
	>"$TMPDIR_TEST/pane_a.c"
printf 'int pane_a(void);\nint registry_x(void) { return pane_a(); }\n' \
	>"$TMPDIR_TEST/registry.c"
for s in view_b pane_a registry; do
	"$CC" -c -o "$TMPDIR_TEST/fake/icsbrowse-$s.o" "$TMPDIR_TEST/$s.c" ||
		{ echo "Bail out! $CC cannot build the check's objects"; exit 1; }
done
is "$(cross_refs "$TMPDIR_TEST/fake")" "pane_a uses view_b_thing of view_b" \
	"the check finds a feature that names another (and lets the registry)"

# --- the browser's objects ----------------------------------------------
n=$(ls "$top_builddir"/src/ui/icsbrowse-*.o 2>/dev/null | wc -l)
[ "$n" -ge 20 ]
ok $? "the browser's objects are built ($n)"
is "$(cross_refs "$top_builddir/src/ui" "$top_srcdir/src/ui")" "" \
	"no ui file but the registry uses a feature file's symbols"
n=$(cross_refs "$top_builddir/src/ui" "$top_srcdir/src/ui" >/dev/null
	wc -l <"$TMPDIR_TEST/defined")
[ "$n" -ge 10 ]
ok $? "the feature files define their modes ($n symbols)"
done_testing
