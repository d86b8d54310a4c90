#!/bin/sh
# completion.sh: the shell completion, as bash runs it, and the program's
# own answers (icsbrowse complete) behind it.
#
# The script is sourced in bash, and in zsh through bashcompinit where zsh
# is installed; partial lines are completed as the shell would (COMP_WORDS
# split at '=' as bash splits them).  The commands and options offered are
# checked against --help, so that completion cannot drift from the program.
. "${top_srcdir:-.}/tests/lib.sh"

[ -r "$DB" ] || skip_all "no built database $DB (run make)"
command -v bash >/dev/null 2>&1 || skip_all "no bash"
SCRIPT=$top_srcdir/contrib/bash-completion/icsbrowse

# A dataset with a section the built-in one lacks: --db must be honoured.
D=$TMPDIR_TEST/other
"$BIN" export "$D" >/dev/null 2>&1
printf '116,1,section,zzextra,Extra section,Extra section,,cqc\n' >>"$D/nodes.csv"
"$BIN" import "$D" --output "$TMPDIR_TEST/other.db" >/dev/null 2>&1
mkdir "$TMPDIR_TEST/files" "$TMPDIR_TEST/files/subdir"
: >"$TMPDIR_TEST/files/notes.txt"

# comp WORD...: the completions bash offers for the line, the last word
# being the one under the cursor; one line, space-separated.
comp() {
	bash -c '. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMPREPLY=(); _icsbrowse; printf "%s\n" "${COMPREPLY[*]}"' \
	    comp "$SCRIPT" "$BIN" "$@" 2>&1
}

is "$(comp s)" "show search scores" "a command from its first letter"
is "$(comp '')" "tree show search places compare print import scores export query add list remove" \
	"every command for an empty word, complete hidden"
is "$(comp show leadership/sh)" "leadership/shared-direction-and-culture" \
	"a section path, one level at a time"
is "$(comp show leadership/ | wc -w | tr -d ' ')" \
	"$("$BIN" tree | cut -f1 | grep -c '^leadership/[^/]*$')" \
	"the children of a part after its slash"
is "$(comp show tangible)" \
	"leadership/learning-improvement-and-innovation/tangible-and-measurable-improvements-in-quality-performance-and-outcomes" \
	"a unique ending of a path becomes the whole path"
is "$(comp show learning-cul)" "" "an ambiguous ending offers nothing"
is "$(comp compare eng)" "england" "a place code"
is "$(comp compare --format '')" "text tsv json" "compare's formats"
is "$(comp tree --f)" "--format" "an option from its start"
is "$(comp query --format = c)" "csv" "--format=c, as bash splits it"
is "$(comp query --format =)" "=tsv =csv =json" "just after the '='"
is "$(comp --color '')" "auto always never" "--color's values"
is "$(comp print --format '')" "text markdown html pdf" "print's formats"
is "$(comp show zz)" "" "no such section in the built-in database"
is "$(comp --db "$TMPDIR_TEST/other.db" show overview/zz)" "overview/zzextra" \
	"--db on the line picks the database"
is "$(comp --db="$TMPDIR_TEST/other.db" show zz)" "overview/zzextra" \
	"and --db=FILE"
is "$(comp --db "$TMPDIR_TEST/none.db" show ov)" "" \
	"a database that cannot open offers nothing, quietly"
# Assessments of a library of its own: the other dataset, added.
XDG_DATA_HOME=$TMPDIR_TEST/data
export XDG_DATA_HOME
"$BIN" add --name other-2024 "$TMPDIR_TEST/other.db" >/dev/null 2>&1
is "$(comp --report '')" "dorset-2024 other-2024" \
	"--report offers the library's assessments"
is "$(comp remove o)" "other-2024" "remove offers an assessment's name"
is "$(comp scores '')" "dorset-2024 other-2024" "scores offers assessments"
is "$(comp --report other-2024 show overview/zz)" "overview/zzextra" \
	"--report on the line picks the assessment's sections"
is "$(comp --report=other-2024 show zz)" "overview/zzextra" \
	"and --report=NAME"
is "$(comp --report none-1999 show zz)" "" \
	"an assessment the library lacks offers nothing, quietly"
is "$(comp print --output "$TMPDIR_TEST/files/no")" "$TMPDIR_TEST/files/notes.txt" \
	"--output completes a file name"
is "$(comp export "$TMPDIR_TEST/files/")" "$TMPDIR_TEST/files/subdir" \
	"export completes a folder name"
is "$(comp nosuch '')" "" "nothing after an unknown command"
is "$(comp show -- --f)" "" "after --, no options"

# The program's side alone, its exit status checked (under valgrind, an
# error would show here; the script keeps quiet whatever happens).
for line in "show|leadership/sh" "show|tangible" "compare|--format|" \
    "--db|$TMPDIR_TEST/other.db|show|zz" "--db=$TMPDIR_TEST/none.db|show|x" \
    "query|--format=j" "print|--output|x" "nosuch|x" ""; do
	(IFS='|'; set -f; exec "$BIN" complete -- $line) \
	    >"$TMPDIR_TEST/out" 2>"$TMPDIR_TEST/err"
	is "$?:$(cat "$TMPDIR_TEST/err")" "0:" "complete -- $line: exit 0, quietly"
done

# --- drift --------------------------------------------------------------
help_cmds=$("$BIN" --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p' | uniq | tr '\n' ' ')
is "$("$BIN" complete -- '' | tr '\n' ' ')" "$help_cmds" \
	"the commands offered are those of --help, in its order"
"$BIN" --help | grep -q '^  complete '
is $? 1 "complete is not in --help"
for c in $help_cmds; do
	missing=
	for o in $("$BIN" "$c" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		"$BIN" complete -- "$c" -- | grep -qx -- "$o" || missing="$missing $o"
	done
	is "$missing" "" "$c: every option of its usage is offered"
done
missing=
for o in $("$BIN" --help | sed -n '/^Options:/,/^$/p' |
    grep -o -- '--[a-z][a-z-]*' | sort -u); do
	"$BIN" complete -- -- | grep -qx -- "$o" || missing="$missing $o"
done
is "$missing" "" "every global option of --help is offered"

# --- zsh, through bashcompinit -----------------------------------------
if command -v zsh >/dev/null 2>&1; then
	got=$(zsh -f -c 'autoload -U +X compinit && compinit -u -D
		autoload -U +X bashcompinit && bashcompinit
		source "$1"
		COMP_WORDS=("$2" show leadership/sh); COMP_CWORD=2
		_icsbrowse; print -r -- "${COMPREPLY[@]}"' zsh "$SCRIPT" "$BIN" 2>&1)
	is "$got" "leadership/shared-direction-and-culture" \
		"zsh completes through bashcompinit"
fi

done_testing
