#!/usr/bin/env bash
# PoseNet grouping benchmark: greedy vs the ILP (one program, incremental) on the TF.js golden outputs in
# ../shared/golden/tfjs/posenet. Usage: scripts/bench-grouping.sh [rounds=20]
# Prints ms per frame (grouping alone, after a warm-up), people per pass over the frames and fallbacks.
set -euo pipefail
source "$(dirname "$0")/env.sh"
posespark_build_bench
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx2g} $POSESPARK_JAVA_OPTS -Dposespark.shared="$ROOT/../shared" -cp "$POSESPARK_CP" \
  ai.posespark.pose.bench.GroupingBenchmark "$@"
