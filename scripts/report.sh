#!/usr/bin/env bash
# Rebuilds a run's report.html from its tables:  scripts/report.sh RUN_DIR   (e.g. out/quickstart)
# Open RUN_DIR/report.html in a browser: it is one self-contained file.
set -euo pipefail
source "$(dirname "$0")/env.sh"
posespark_build
# shellcheck disable=SC2086
exec java ${POSESPARK_DRIVER_MEMORY:+-Xmx$POSESPARK_DRIVER_MEMORY} $POSESPARK_JAVA_OPTS \
  -cp "$POSESPARK_CP" ai.posespark.cli.ReportCommand "$@"
