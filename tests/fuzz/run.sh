#!/usr/bin/env bash
# Run the libFuzzer targets of a fuzz build for a while each, from a copy of
# their seed corpora (tests/fuzz/corpus is not modified), as CI does.
#
#   bash tests/fuzz/run.sh BUILD-DIR [SECONDS [TARGET...]]
#
# BUILD-DIR was configured with -DKGX_FUZZ=ON (see README); SECONDS defaults
# to 60; the targets default to all five. They run KGX_FUZZ_JOBS (default:
# the number of CPUs) at a time. A crash, a leak, a sanitizer report, a
# failed check or an input that takes more than 25 s fails the run; the
# input that did it is kept in BUILD-DIR/fuzz-artifacts/TARGET/ and its
# report printed. Each run prints its -seed; KGX_FUZZ_SEED=N fixes it.
set -u

if [ $# -lt 1 ]; then
	echo "usage: $0 BUILD-DIR [SECONDS [TARGET...]]" >&2
	exit 2
fi
B=$(cd "$1" && pwd) || exit 2
secs=${2:-60}
shift
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_norm fuzz_sent fuzz_rules fuzz_pipeline fuzz_read fuzz_scale)
SRC=$(cd "$(dirname "$0")/../.." && pwd)
jobs=${KGX_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}

art=$B/fuzz-artifacts
rm -rf "$art"
mkdir -p "$art"
T=$(mktemp -d "${TMPDIR:-/tmp}/kgx-fuzz.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT

for t in "${targets[@]}"; do
	[ -x "$B/tests/fuzz/$t" ] || { echo "$0: no $B/tests/fuzz/$t: build it first (README)" >&2; exit 2; }
	[ -d "$SRC/tests/fuzz/corpus/$t" ] || { echo "$0: no seeds in tests/fuzz/corpus/$t" >&2; exit 2; }
done

run_one() {
	local t=$1
	mkdir -p "$T/$t" "$art/$t"
	cp "$SRC/tests/fuzz/corpus/$t"/* "$T/$t/"
	KGX_RULES=$SRC/rules "$B/tests/fuzz/$t" -max_total_time="$secs" -timeout=25 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$art/$t/" ${KGX_FUZZ_SEED:+-seed="$KGX_FUZZ_SEED"} \
		"$T/$t" >"$art/$t.log" 2>&1
	echo $? >"$art/$t.rc"
}

echo "fuzz: ${targets[*]}, $secs s each, $jobs at a time"
running=0
for t in "${targets[@]}"; do
	if [ $running -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
	run_one "$t" &
	running=$((running + 1))
done
wait

failed=0
for t in "${targets[@]}"; do
	rc=$(cat "$art/$t.rc" 2>/dev/null || echo "?")
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$art/$t.log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$art/$t.log" | tail -n 1)
	corpus=$(ls "$T/$t" | wc -l)
	seed=$(sed -n 's/^INFO: Seed: //p' "$art/$t.log" | head -n 1)
	if [ "$rc" = 0 ]; then
		echo "ok - $t: ${execs:-?} runs in $secs s, ${cov:-cov: ?}, corpus $corpus inputs (-seed=${seed:-?})"
	else
		failed=$((failed + 1))
		echo "not ok - $t: exit $rc after ${execs:-?} runs (-seed=${seed:-?})"
		# the report: from the sanitizer's or libFuzzer's first line on
		awk '/^==[0-9]+==|^fuzz check failed|^ALARM|^ERROR: libFuzzer|out-of-memory|runtime error/ { p = 1 } p' \
			"$art/$t.log" | head -n 60 | sed 's/^/#   /'
		for f in "$art/$t"/*; do
			[ -f "$f" ] || continue
			echo "#   input $f ($(wc -c <"$f") bytes), first 256 as C escapes:"
			head -c 256 "$f" | od -An -c | head -n 16 | sed 's/^/#   /'
		done
	fi
done
echo "fuzz: $((${#targets[@]} - failed)) passed, $failed failed"
[ $failed -eq 0 ]
