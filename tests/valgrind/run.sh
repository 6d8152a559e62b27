#!/usr/bin/env bash
# kgx under valgrind's memcheck: the command-line tests (tests/cli.sh) and
# the hostile inputs (tests/bad/run.sh), with every kgx they start run in
# valgrind --leak-check=full. Any memcheck error or leak fails, as does any
# failing check.
#
#   bash tests/valgrind/run.sh KGX SRCDIR
#
# KGX should be a build without sanitizers (build/kgx). PCRE2's JIT is
# switched off with an LD_PRELOAD shim (tests/valgrind/nojit.c): memcheck
# cannot see into JIT code and floods the log with false "uninitialised
# value" reports from it. A valgrind error makes kgx exit 99, which no check
# expects, and its report is kept; all reports are printed at the end.
usage="KGX SRCDIR"
suite=valgrind
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$(dirname "$0")/../lib.sh" || exit 2
need valgrind
CC=${CC:-cc}

mkdir -p "$T/logs"
"$CC" -shared -fPIC -O2 -o "$T/nojit.so" "$SRC/tests/valgrind/nojit.c" || exit 2

cat >"$T/kgx" <<EOF
#!/bin/sh
LD_PRELOAD="$T/nojit.so\${LD_PRELOAD:+ \$LD_PRELOAD}" exec valgrind -q --error-exitcode=99 \\
	--leak-check=full --show-leak-kinds=definite,indirect,possible \\
	--errors-for-leak-kinds=definite,indirect,possible --num-callers=30 \\
	--log-file="$T/logs/vg.%p" "$KGX" "\$@"
EOF
chmod +x "$T/kgx"

# The two suites side by side (memcheck runs a process on one core).
# KGX_BAD_SLOW: no 100 MB line, no timing checks, longer timeouts.
KGX_STRESS_RUNS=${KGX_STRESS_RUNS:-2} bash "$SRC/tests/cli.sh" "$T/kgx" "$SRC" >"$T/cli.out" 2>&1 &
cli=$!
KGX_BAD_SLOW=1 bash "$SRC/tests/bad/run.sh" "$T/kgx" "$SRC" >"$T/bad.out" 2>&1 &
bad=$!
status=0
wait $cli || status=1
wait $bad || status=1
echo "== tests/cli.sh under valgrind"
cat "$T/cli.out"
echo "== tests/bad/run.sh under valgrind"
cat "$T/bad.out"

# valgrind writes a log per process; only reports make one non-empty
reports=0
for f in "$T"/logs/vg.*; do
	[ -s "$f" ] || continue
	reports=$((reports + 1))
	if [ $reports -le 10 ]; then
		echo "== valgrind report ${f##*/}"
		head -n 60 "$f"
	fi
done
runs=$(ls "$T/logs" | wc -l)
echo "valgrind: $runs kgx runs, $reports with a memcheck report"
[ $reports -eq 0 ] || status=1
exit $status
