#!/usr/bin/env bash
# Listing and planning at scale (no model run): FILES empty .jpg files in FOLDERS folders, created once under
# /tmp/posespark-listing-FILES-FOLDERS (reused), listed and planned on the executors (or the driver), in a JVM with
# a small heap (BENCH_XMX, default 512m). Prints listing s, planning s, heap kept and the peak RSS (VmHWM).
#   scripts/bench-listing.sh [files=1000000] [folders=1000] [executors|driver]
set -euo pipefail
source "$(dirname "$0")/env.sh"
posespark_build_bench
files="${1:-1000000}"
folders="${2:-1000}"
mode="${3:-executors}"
# shellcheck disable=SC2086
exec java -Xmx"${BENCH_XMX:-512m}" $POSESPARK_JAVA_OPTS -cp "$POSESPARK_CP" ai.posespark.run.bench.ListingBenchmark \
  "$files" "$folders" "/tmp/posespark-listing-$files-$folders" "$mode"
