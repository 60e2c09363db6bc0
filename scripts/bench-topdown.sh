#!/usr/bin/env bash
# Top-down benchmarks (figures printed, nothing asserted).
#
#   scripts/bench-topdown.sh table [shared [row [regex]]]
#                                               README's accuracy table: COCO AP/AR on <shared>/data/coco (default
#                                               ../shared) per detector × pose model, thunder's refine / flip test /
#                                               pose-NMS variants, the ONNX models (RTMDet, YOLOX, PP-TinyPose with
#                                               DARK / shift / UDP, flip test), with pipeline ms per image; regex
#                                               keeps the rows whose label matches (e.g. 'tinypose|rtmdet|yolox')
#   scripts/bench-topdown.sh people [copies=40] [pose=movenet-thunder]
#                                               cost per stage as people per image grow: the job on <copies> copies
#                                               of a shipped sample with 1, 5 and 20 person boxes per image (a
#                                               detection file, so the count is exact), then with centernet
set -euo pipefail
source "$(dirname "$0")/env.sh"
mode="${1:-people}"
shift || true
if [ "$mode" = table ]; then
  "$ROOT/scripts/install-models.sh" >/dev/null
  posespark_build_bench
  # shellcheck disable=SC2086
  exec java ${BENCH_JAVA_OPTS:--Xmx6g} $POSESPARK_JAVA_OPTS -cp "$POSESPARK_CP" ai.posespark.run.bench.TopDownTable \
    "${1:-$ROOT/../shared}" ${2:-} ${3:+"$3"}
fi
copies="${1:-40}"
pose="${2:-movenet-thunder}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/images"
for i in $(seq 1 "$copies"); do cp "$ROOT/data/samples/basketball1.png" "$work/images/$i.png"; done
run() { # label, extra --set overrides...
  local label="$1"
  shift
  echo "== $label"
  "$ROOT/scripts/submit.sh" "$ROOT/jobs/quickstart.yaml" --set name=bench-topdown \
    --set "input.paths=[$work/images]" --set input.annotations= --set evaluation.metrics=[] \
    --set model.pipeline=top-down --set "model.pose=$pose" --set model.minPersonScore=0 \
    --set "output.path=$work/out" "$@" 2>&1 | grep -E "mean ms per ok frame|images/s" | grep -v "^file:" \
    | sed -E 's/^.*INFO PoseJob: (bench-topdown: )?//'
}
echo "bench-topdown: $copies images (basketball1.png, 640x480), pose $pose, $(nproc) cores"
for people in 1 5 20; do
  # a grid of distinct 100x200 boxes per image (the 20-box grid overlaps the frame edge: crops read zeros there)
  {
    echo "["
    sep=""
    for i in $(seq 1 "$copies"); do
      for p in $(seq 0 $((people - 1))); do
        x=$(( (p % 5) * 120 + 10 )); y=$(( (p / 5) * 110 + 10 ))
        printf '%s{"image_id": %d, "category_id": 1, "bbox": [%d, %d, 100, 200], "score": 0.9}\n' "$sep" "$i" "$x" "$y"
        sep=","
      done
    done
    echo "]"
  } > "$work/dets-$people.json"
  run "$people people per image (detection file)" --set model.detector=file \
    --set "input.detections=$work/dets-$people.json" --set model.maxPersons=20 --set model.poseNms=none
done
run "centernet detector, parametric pose NMS" --set model.detector=centernet
