#!/usr/bin/env bash
# Exports a run's results for other tools:
#   scripts/export.sh RUN_DIR --format coco|openpose|review|overlays [--where "SQL predicate"] [--out DIR]
# The predicate is over the frames table's columns (e.g. "n_persons >= 2", "uri LIKE '%cam1%'"); output goes to
# RUN_DIR/exports/<format>/ unless --out says otherwise. See README, "Exports".
set -euo pipefail
source "$(dirname "$0")/env.sh"
posespark_build
# shellcheck disable=SC2086
exec java ${POSESPARK_DRIVER_MEMORY:+-Xmx$POSESPARK_DRIVER_MEMORY} $POSESPARK_JAVA_OPTS \
  -cp "$POSESPARK_CP" ai.posespark.cli.ExportCommand "$@"
