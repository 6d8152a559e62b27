#!/usr/bin/env bash
# Score kgx against the gold annotations in ../shared (beside the clone):
#   bash tests/score.sh KGX SRCDIR
# Fails when the core-class micro F1 drops below 0.85. Without ../shared
# (a clone on its own) there is nothing to score against: the check is
# skipped and passes.
set -u
if [ $# -ne 2 ]; then
	echo "usage: $0 KGX SRCDIR" >&2
	exit 2
fi
KGX=$1
SRC=$2
case $KGX in /*) ;; *) KGX=$PWD/$KGX ;; esac
SHARED=$SRC/../shared
if [ ! -d "$SHARED/tools" ] || [ ! -d "$SHARED/corpus" ] || [ ! -d "$SHARED/gold" ]; then
	echo "skipped: ../shared not present"
	exit 0
fi
export KGX_RULES=${KGX_RULES:-$SRC/rules}
exec python3 "$SHARED/tools/score" --kgx "$(printf %q "$KGX")" --corpus "$SHARED/corpus" \
	--gold "$SHARED/gold" --min-core-f1 0.85
