# e2e/lib.sh: drive the real browser in tmux and look at the screen.
#
# Source it after tests/lib.sh.  Each test file gets its own tmux server
# (-L icsb$$), killed on exit, its own state directory and its own config
# directory ($CONFIG_HOME/icsbrowse, empty: no config).  Nothing here
# sleeps for a fixed time: wait_for polls the screen until what is wanted
# shows, or fails after a timeout.
#
#   start COLSxLINES [ARGS...]   start the browser (env: E2E_ENV)
#   keys KEY...                  tmux send-keys
#   screen                       the screen as text (to stdout)
#   wait_for TEXT [SECONDS]      until the screen holds TEXT (fixed string)
#   wait_gone TEXT [SECONDS]     until it does not
#   wait_match RE [SECONDS]      until a line of the screen matches RE
#                                (grep): what a check then reads is there
#   wait_exit [SECONDS]          until the browser has exited; sets $status
#   resize COLS LINES            resize the window

TMUX_BIN=${TMUX_BIN:-$(command -v tmux)}
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
	if [ -n "${CI:-}" ]; then
		echo "Bail out! tmux is not installed (./bootstrap installs it)"
		exit 1
	fi
	skip_all "tmux is not installed (./bootstrap installs it)"
fi
SOCK=icsb$$
STATE_HOME=$TMPDIR_TEST/state
CONFIG_HOME=$TMPDIR_TEST/config
mkdir -p "$STATE_HOME" "$CONFIG_HOME/icsbrowse"
# No status line from the start, so that the pane is the whole window
# before the browser starts (not one line shorter, then resized).
echo 'set-option -g status off' >"$TMPDIR_TEST/tmux.conf"
# tmux leaves its socket file behind when its server is killed: remove it.
SOCK_PATH=
trap '"$TMUX_BIN" -L "$SOCK" kill-server 2>/dev/null
	[ -n "$SOCK_PATH" ] && rm -f "$SOCK_PATH"
	rm -rf "$TMPDIR_TEST"' EXIT

t() { "$TMUX_BIN" -L "$SOCK" "$@"; }

# start COLSxLINES [ARGS...]: run the browser in a new tmux server.  Its exit
# status is written to $TMPDIR_TEST/status when it ends.
start() {
	size=$1; shift
	t kill-server 2>/dev/null
	# A server told to stop may still hold its socket for a moment: a new
	# session asked of it then fails ("server exited unexpectedly").  Wait
	# until it is gone, and try again if the new session fails all the same.
	n=100
	while [ "$n" -gt 0 ] && t list-sessions >/dev/null 2>&1; do
		n=$((n - 1))
		sleep 0.05
	done
	rm -f "$TMPDIR_TEST/status" "$TMPDIR_TEST/exit-told"
	cmd="env TERM=${E2E_TERM:-screen} LC_ALL=C.UTF-8 XDG_STATE_HOME='$STATE_HOME' XDG_CONFIG_HOME='$CONFIG_HOME' ${E2E_ENV:-} '$BIN'"
	for a in "$@"; do cmd="$cmd '$a'"; done
	n=40
	until t -f "$TMPDIR_TEST/tmux.conf" new-session -d -x "${size%x*}" -y "${size#*x}" \
		"$cmd 2>'$TMPDIR_TEST/stderr'; echo \$? >'$TMPDIR_TEST/status'; sleep 60" \
		2>"$TMPDIR_TEST/tmux-err"; do
		n=$((n - 1))
		if [ "$n" -le 0 ]; then
			sed 's/^/# tmux: /' "$TMPDIR_TEST/tmux-err"
			return 1
		fi
		sleep 0.05
	done
	t set-option -g status off >/dev/null 2>&1
	SOCK_PATH=$(t display -p '#{socket_path}' 2>/dev/null)
}

keys() { t send-keys "$@"; }
screen() { t capture-pane -p; }
# resize COLS LINES: tmux 3.3 gives a pane's terminal its new size later
# (after a timer that a resize shortly before started), and has been seen
# to hold it until the next resize: keys sent meanwhile reach a browser of
# the old size, whose screen the capture then cuts.  Wait until the
# terminal has the size, asking again now and then; where stty cannot tell
# (no -F), go on at once.
resize() {
	t resize-window -x "$1" -y "$2"
	rtty=$(t display -p '#{pane_tty}' 2>/dev/null)
	stty -F "$rtty" size >/dev/null 2>&1 || return 0
	n=200
	while [ "$n" -gt 0 ]; do
		[ "$(stty -F "$rtty" size 2>/dev/null)" = "$2 $1" ] && return 0
		n=$((n - 1))
		[ $((n % 20)) -eq 0 ] && t resize-window -x "$1" -y "$2"
		sleep 0.05
	done
	echo "# the pane's terminal did not take the size ${1}x$2"
	return 1
}

# exited: the browser has ended (its status is written); say so, once.
exited() {
	[ -s "$TMPDIR_TEST/status" ] || return 1
	if [ ! -e "$TMPDIR_TEST/exit-told" ]; then
		echo "# the browser has exited, status $(cat "$TMPDIR_TEST/status")"
		sed 's/^/# stderr: /' "$TMPDIR_TEST/stderr" 2>/dev/null
		: >"$TMPDIR_TEST/exit-told"
	fi
	return 0
}

# wait_for TEXT [SECONDS]: fails at once if the browser has exited, not
# after the whole timeout (a browser that did not start fails fast).
wait_for() {
	n=$(( ${2:-10} * 20 ))
	while [ "$n" -gt 0 ]; do
		screen | grep -qF -- "$1" && return 0
		exited && n=1
		n=$((n - 1))
		[ "$n" -gt 0 ] && sleep 0.05
	done
	echo "# timed out waiting for: $1"
	screen | sed 's/^/# | /'
	return 1
}

# wait_match RE [SECONDS]: a screen captured as soon as a title shows may
# be one the browser is still writing (its lines reach tmux in several
# writes, slowly under a sanitizer): wait for the line the check is about.
wait_match() {
	n=$(( ${2:-10} * 20 ))
	while [ "$n" -gt 0 ]; do
		screen | grep -q -- "$1" && return 0
		exited && n=1
		n=$((n - 1))
		[ "$n" -gt 0 ] && sleep 0.05
	done
	echo "# timed out waiting for a line matching: $1"
	screen | sed 's/^/# | /'
	return 1
}

wait_gone() {
	n=$(( ${2:-10} * 20 ))
	while [ "$n" -gt 0 ]; do
		screen | grep -qF -- "$1" || return 0
		n=$((n - 1))
		sleep 0.05
	done
	echo "# timed out waiting for this to go: $1"
	return 1
}

wait_exit() {
	n=$(( ${1:-10} * 20 ))
	while [ "$n" -gt 0 ]; do
		if [ -s "$TMPDIR_TEST/status" ]; then
			status=$(cat "$TMPDIR_TEST/status")
			return 0
		fi
		n=$((n - 1))
		sleep 0.05
	done
	echo "# timed out waiting for the browser to exit"
	status=
	return 1
}

# --- used by most tests --------------------------------------------------
# sline: the status line.  has TEXT: the screen holds TEXT.
# wait_status TEXT: until the status line holds TEXT.
# press KEY...: send keys and wait until the status line changes.
# wait_until CMD...: until CMD succeeds (polled).
sline() { screen | tail -n 1; }
has() { screen | grep -qF -- "$1"; }

wait_status() {
	n=200
	while [ "$n" -gt 0 ]; do
		sline | grep -qF -- "$1" && return 0
		exited && n=1
		n=$((n - 1))
		[ "$n" -gt 0 ] && sleep 0.05
	done
	echo "# timed out waiting for the status line to hold: $1"
	sline | sed 's/^/# | /'
	return 1
}

press() {
	prev=$(sline)
	keys "$@"
	n=200
	while [ "$n" -gt 0 ]; do
		[ "$(sline)" != "$prev" ] && return 0
		exited && n=1
		n=$((n - 1))
		[ "$n" -gt 0 ] && sleep 0.05
	done
	echo "# the status line did not change after: $*"
	return 1
}

wait_until() {
	n=200
	while [ "$n" -gt 0 ]; do
		"$@" && return 0
		exited && n=1
		n=$((n - 1))
		[ "$n" -gt 0 ] && sleep 0.05
	done
	echo "# timed out waiting for: $*"
	return 1
}
