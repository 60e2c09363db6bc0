#!/usr/bin/env bash
# Job throughput benchmark: runs the whole job (list, decode, model, decode poses, Parquet, results.json) on
# COPIES copies of the shipped sample images and prints images/s and mean ms per stage.
#   scripts/bench-job.sh [copies=40] [model=movenet-multipose] [extra --set overrides...]
set -euo pipefail
copies="${1:-40}"
model="${2:-movenet-multipose}"
shift $(( $# > 2 ? 2 : $# ))
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/images"
for i in $(seq 1 "$copies"); do
  for f in "$root"/data/samples/*.jpg "$root"/data/samples/*.png; do
    cp "$f" "$work/images/$i-$(basename "$f")"
  done
done
echo "bench-job: $(ls "$work/images" | wc -l) images, model $model, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/scripts/submit.sh" "$root/jobs/quickstart.yaml" --set name=bench-job --set "input.paths=[$work/images]" \
  --set input.annotations= --set evaluation.metrics=[] --set "model.pose=$model" \
  --set "output.path=$work/out" "$@" 2>&1 | grep -E "mean ms per ok frame|images/s" | grep -v "^file:"
