# shellcheck shell=bash
# tests/lib.sh: the harness of the shell test scripts (tests/cli.sh,
# tests/bad/run.sh, tests/stores/run.sh, tests/score.sh and the driver
# tests/valgrind/run.sh). Sourced, never run. A script sets two variables
# and sources it with its arguments untouched:
#
#   usage="KGX SRCDIR"   # its arguments, one word each: their count is checked
#   suite=cli            # names the temporary directory, kgx-SUITE.XXXXXX
#   . "$(dirname "$0")/lib.sh" || exit 2
#
# Sourcing it sets -u, checks the number of arguments ("usage: ..." and
# exit 2), sets KGX (made absolute; it must be executable) and SRC (made
# absolute) from $1 and $2, exports KGX_RULES (SRC/rules unless set) and
# LC_ALL=C, and makes T, a temporary directory removed on exit; the script
# may define on_exit (run first) and set keep_tmp=1 (T is kept).
#
# Check functions print why they fail on stderr and return non-zero.
#   check NAME FUNCTION ARGS...  runs a check: "ok N - NAME" or "not ok N -
#                                NAME" and the first lines of its output
#   skip NAME REASON             "ok N - NAME # SKIP REASON"
#   known NAME FUNCTION ARGS...  a check that documents an open bug: run
#                                only with KGX_KNOWN_BUGS=1, else skipped
#   finish                       "N passed, M failed, K skipped"; returns 1
#                                if a check failed: the script's last command
#   fail MESSAGE...              MESSAGE on stderr, return 1; the check
#                                fails even if its function goes on
#   need COMMAND [WHAT]          exit 2 unless COMMAND is installed
#   run STATUS ARGS...           kgx ARGS, stdin /dev/null, stdout in
#                                $W/out, stderr in $W/err; fails unless it
#                                exits with STATUS
#   parses FORMAT FILE           rapper reads FILE without an error or a
#                                warning, FILE is UTF-8; prints the triples
#   ntset FORMAT FILE OUT        FILE as sorted unique N-Triples in OUT
#
# Settings, changed after sourcing:
#   W          where check logs and run's output go (default $T)
#   TO         seconds run gives kgx (default 0: no limit)
#   log_lines  lines of a check's output shown (default 25)
#   pass_log   a sed -n script for what a passing check shows of its
#              output (default none: only a failure needs explaining)

set -u

usage_error() {
	echo "usage: $0 ${usage:?}" >&2
	exit 2
}

# The check fails also when its function goes on after a failed condition
# and returns 0: 'cond || fail why' without '|| return 1' is a common line,
# and with only the status to go by, all but its last such line were lost.
fail() {
	echo "$*" >&2
	_lib_failing=1
	return 1
}

need() {
	command -v "$1" >/dev/null || { echo "$0: ${2:-$1} is required" >&2; exit 2; }
}

n=0
passed=0
failed=0
skipped=0
log_lines=25
pass_log=
TO=0

check() {
	local name=$1
	shift
	n=$((n + 1))
	_lib_failing=0
	if "$@" >"$W/.log" 2>&1 && [ "$_lib_failing" = 0 ]; then
		passed=$((passed + 1))
		echo "ok $n - $name"
		[ -z "$pass_log" ] || sed -n -e "$pass_log" "$W/.log" | head -n "$log_lines"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name"
		sed -e 's/^/#   /' "$W/.log" | head -n "$log_lines"
	fi
}

skip() {
	n=$((n + 1))
	skipped=$((skipped + 1))
	echo "ok $n - $1 # SKIP $2"
}

# Skipped rather than left out, so that the bug stays in every report and the
# numbering does not depend on KGX_KNOWN_BUGS (-DKGX_KNOWN_BUGS=ON sets it).
known() {
	local name=$1
	shift
	if [ "${KGX_KNOWN_BUGS:-0}" = 1 ]; then
		check "known bug: $name" "$@"
	else
		skip "known bug: $name" "open bug; KGX_KNOWN_BUGS=1 runs it"
	fi
}

# Returns rather than exits: shellcheck takes every function that check runs
# for unreachable when a script ends in exit.
finish() {
	echo "$passed passed, $failed failed, $skipped skipped"
	[ "$failed" -eq 0 ]
}

# KGX_WRAP: words put before kgx in run, empty unless a suite sets it
# (tests/bad/run.sh, as root: setpriv without the file-access capabilities).
KGX_WRAP=()

run() {
	local want=$1 rc
	shift
	# without a limit, kgx is not put in timeout's own process group
	if [ "$TO" -gt 0 ]; then
		timeout "$TO" ${KGX_WRAP[@]+"${KGX_WRAP[@]}"} "$KGX" "$@"
	else
		${KGX_WRAP[@]+"${KGX_WRAP[@]}"} "$KGX" "$@"
	fi >"$W/out" 2>"$W/err" </dev/null
	rc=$?
	[ "$rc" -ne "$want" ] || return 0
	if [ "$rc" -eq 124 ] && [ "$TO" -gt 0 ]; then
		echo "kgx $* did not finish in $TO s" >&2
	else
		case $rc in
		0 | 1 | 2 | 3) echo "kgx $* exited $rc, expected $want; stderr:" >&2 ;;
		# a sanitizer, valgrind (99) or a signal, never kgx itself
		*) echo "kgx $* crashed or was killed: exit $rc (not a documented status); stderr:" >&2 ;;
		esac
	fi
	head -n 20 "$W/err" >&2
	return 1
}

parses() {
	local err rc
	err=$(rapper -i "$1" -c "$2" 2>&1 >/dev/null)
	rc=$?
	# rapper exits 0 after mere warnings, and a warning is a defect in kgx output
	if [ $rc -ne 0 ] || grep -q -e 'Error' -e 'Warning' <<<"$err"; then
		echo "rapper -i $1 $2 (exit $rc): $(head -c 600 <<<"$err")" >&2
		return 1
	fi
	# rapper lets ill-formed UTF-8 through
	iconv -f UTF-8 -t UTF-8 "$2" >/dev/null 2>&1 || fail "$2 is not valid UTF-8" || return 1
	sed -n 's/^rapper: Parsing returned \([0-9][0-9]*\) triple.*/\1/p' <<<"$err"
}

ntset() {
	rapper -q -i "$1" -o ntriples "$2" >"$W/.nt" || fail "rapper cannot read $2 as $1" || return 1
	sort -u "$W/.nt" >"$3"
}

_lib_exit() {
	if declare -F on_exit >/dev/null; then
		on_exit
	fi
	if [ "${keep_tmp:-0}" = 1 ]; then
		echo "# kept $T"
	else
		# a test may take permissions away (tests/bad/gen.sh: a mode-000
		# file), and a directory without them cannot be emptied
		chmod -R u+rwX "$T" 2>/dev/null
		rm -rf "$T"
	fi
}

_lib_init() {
	local words
	read -ra words <<<"${usage:?}"
	[ $# -eq ${#words[@]} ] || usage_error
	KGX=$1
	SRC=$2
	case $KGX in /*) ;; *) KGX=$PWD/$KGX ;; esac
	case $SRC in /*) ;; *) SRC=$PWD/$SRC ;; esac
	[ -x "$KGX" ] || { echo "$0: $KGX is not executable" >&2; exit 2; }
	export KGX_RULES=${KGX_RULES:-$SRC/rules}
	export LC_ALL=C
	T=$(mktemp -d "${TMPDIR:-/tmp}/kgx-${suite:?}.XXXXXX") || exit 2
	W=$T
	trap _lib_exit EXIT
	# a signal ends the script by exit, so the EXIT trap (on_exit: Virtuoso)
	# runs whichever shell and however the script was started
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

_lib_init "$@"
