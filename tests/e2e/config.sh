#!/bin/sh
# config.sh: key bindings and options from the config file: the default
# file, --config FILE, --no-config; a bad line reported as config:LINE:
# while the others apply; the help lists the bindings in force.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/e2e/lib.sh"

CONF=$CONFIG_HOME/icsbrowse/config

# --- a binding of one's own -------------------------------------------
printf '# mine\nbind x quit\n' >"$CONF"
start 100x30 --no-state
wait_status "row 1 of"
keys x
wait_exit
is "$status" 0 "a config with 'bind x quit': x quits, status 0"

# --- a bad line among good ones -----------------------------------------
cat >"$CONF" <<'CONF'
bind F5 help
bind x nosuch-action
set mouse off   # the terminal keeps the mouse
frobnicate all
bind C-k marks
CONF
start 100x70 --no-state
wait_status "config:2: no such action: nosuch-action"
ok $? "a bad line is reported with its line number"
has "config:4:" || press j
wait_status "config:4: frobnicate: not a config command"
ok $? "and the next bad line after a key"
press j
keys F5
wait_for "[Help: "
ok $? "the lines before the bad ones apply: F5 helps"
wait_for "F5, ?, F1"
ok $? "the help lists the user's binding with the others"
keys Escape
wait_gone "[Help: "
keys C-k
wait_for "[Marks:"
ok $? "and the lines after them: C-k lists the marks"
keys Escape
wait_gone "[Marks:"
is "$(t display -p '#{mouse_any_flag}')" "0" "set mouse off leaves the mouse"
keys q
wait_exit
is "$status" 0 "q still quits"

# --- Meta: Esc then a key ----------------------------------------------
printf 'bind M-n next-match\nbind M-q quit\n' >"$CONF"
start 100x30 --no-state
wait_status "row 1 of"
keys M-n
wait_status "No search yet"
ok $? "M-n runs what it is bound to"
keys Escape
wait_gone "No search yet"
keys j
wait_status "row 2 of"
ok $? "Esc alone, then j: each as ever"
keys M-q
wait_exit
is "$status" 0 "M-q quits, status 0"

# --- --config FILE and --no-config ----------------------------------------
printf 'bind y quit\n' >"$TMPDIR_TEST/other"
start 100x30 --no-state --config "$TMPDIR_TEST/other"
wait_status "row 1 of"
keys y
wait_exit
is "$status" 0 "--config FILE reads that file instead"
start 100x30 --no-state --config "$TMPDIR_TEST/absent"
wait_status "config: $TMPDIR_TEST/absent: no such file"
ok $? "--config FILE that is missing says so"
keys q
wait_exit
printf 'bind q help\n' >"$CONF"
start 100x30 --no-state --no-config
wait_status "row 1 of"
keys q
wait_exit
is "$status" 0 "--no-config reads none: q quits as ever"
done_testing
