#!/usr/bin/env bash
# Video benchmark (figures printed, nothing asserted): renders a 640x480 video of the moving COCO skier, then prints
# frames/s for probing (packets only), for decoding alone (one thread, then one per core over the ranges), and for
# the whole job (embedded Spark local[*], the pose model), and how many range tasks the video was split into.
#   scripts/bench-video.sh [frames=3000] [codec=MPEG4_AVI] [model=movenet-lightning] [framesPerTask=256]
# codec: MPEG4_AVI MPEG4_MP4 H264_MP4 MJPEG_AVI MPEG2_TS MPEG2_PS VP9_WEBM (see TestVideos.Codec)
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/install-models.sh" >/dev/null
posespark_build_bench
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:--Xmx6g} $POSESPARK_JAVA_OPTS -cp "$POSESPARK_CP" ai.posespark.decode.bench.VideoBenchmark \
  "${1:-3000}" "${2:-MPEG4_AVI}" "${3:-movenet-lightning}" "${4:-256}" "$work" 2>&1 \
  | grep -E "^(bench-video|probe|decode|job):|frames \(.*tasks\) in"
