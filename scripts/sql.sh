#!/usr/bin/env bash
# Spark SQL over a run's tables:  scripts/sql.sh RUN_DIR ["SELECT ..."]
# Views: frames, persons, and the eval/ tables the run wrote (coco_summary, coco_per_keypoint, pckh_per_joint,
# posetrack_mota). Without a query: a prompt reading statements that end in ';'. See README, "SQL cookbook".
set -euo pipefail
source "$(dirname "$0")/env.sh"
posespark_build
# shellcheck disable=SC2086
exec java ${POSESPARK_DRIVER_MEMORY:+-Xmx$POSESPARK_DRIVER_MEMORY} $POSESPARK_JAVA_OPTS \
  -cp "$POSESPARK_CP" ai.posespark.cli.SqlCommand "$@"
