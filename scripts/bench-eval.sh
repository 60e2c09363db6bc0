#!/usr/bin/env bash
# COCO OKS evaluation benchmark: synthetic 100,000 images / 500,000 persons by default.
# Usage: scripts/bench-eval.sh [images] [personsPerImage] [workDir]
# Prints the seconds of each phase; "EVAL SECONDS" is Evaluator.evaluate end to end.
set -euo pipefail
source "$(dirname "$0")/env.sh"
posespark_build_bench
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx8g} $POSESPARK_JAVA_OPTS -cp "$POSESPARK_CP" ai.posespark.eval.bench.EvalBenchmark "$@"
