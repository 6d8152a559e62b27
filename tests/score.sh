#!/usr/bin/env bash
# Score kgx against the gold annotations in ../shared (beside the clone):
#   bash tests/score.sh KGX SRCDIR
# One check, which fails when the core-class micro F1 drops below 0.85 and
# shows the scores; "N passed, M failed, K skipped" (tests/lib.sh). Without
# ../shared (a clone on its own) there is nothing to score against: the
# check is skipped and passes.
usage="KGX SRCDIR"
suite=score
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh" || exit 2
SHARED=$SRC/../shared
pass_log='s/^/#   /p'
log_lines=60

t_score() {
	python3 "$SHARED/tools/score" --kgx "$(printf %q "$KGX")" --corpus "$SHARED/corpus" \
		--gold "$SHARED/gold" --min-core-f1 0.85
}
name="core-class micro F1 against ../shared/gold at least 0.85"
if [ ! -d "$SHARED/tools" ] || [ ! -d "$SHARED/corpus" ] || [ ! -d "$SHARED/gold" ]; then
	skip "$name" "../shared not present"
else
	check "$name" t_score
fi
finish
