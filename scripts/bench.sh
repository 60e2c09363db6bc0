#!/usr/bin/env bash
# PoseSpark's performance side by side, in one run on the same images (figures only, nothing asserted; not part of
# the tests). Per model:
#   (1) model   the model alone: S streams sharing one loaded model, each sending the batch a job sends per call
#               (BatchSpeedBenchmark; input: the model's golden input.npy, a COCO image)
#   (2) loop    the executor loop without Spark: PartitionRunner itself (read, decode, prepare, model, pose
#               decoding) on S threads over the images (LoopBenchmark)
#   (3) job     the PoseSpark job in local mode, local[S], on the same images, warm (JobBenchmark): the marginal
#               rate of a run on all images over one on a quarter of them, the fixed part (report, session work)
#               shown on its own
#   (4) TF.js   TensorFlow.js 4.22 wasm on the same input, S single-threaded processes side by side
#   (5) TF      native TensorFlow (CPU, oneDNN) on the same graph and input, imported by scripts/tf-peer.py and
#               checked against the golden outputs first; S single-threaded processes (scripts/bench-tf-peer.sh;
#               skipped with a printed reason where tensorflow-cpu cannot be pip-installed)
# with images/s, ms per stage, peak RSS, model loads, CPU utilisation, the ratios (3)/(2), (2)/(1), (1)/(4), GFLOP
# per image counted from the graph's convolutions and matrix products, and GFLOP/s against the cores' FP32 peak.
#
#   scripts/bench.sh [--images N] [--models "m1 m2"] [--scaling] [--listing FILES]
#     --images N      images per run (default 2400: copies of the COCO sample, else of data/samples; short runs
#                     read low: on this machine figures keep rising for the first ~1,000 images of a JVM)
#     --models        default "movenet-lightning movenet-thunder movenet-multipose"
#     --scaling       also: lightning with 1 and 2 task slots, and job wall time + peak RSS at 1k and 10k images
#                     (POSESPARK_BENCH_SIZES="1000 10000 100000" for more), those in a fixed pre-touched heap
#                     (POSESPARK_RSS_HEAP, default "-Xms3g -Xmx3g -XX:+AlwaysPreTouch") so RSS growth is native
#     --listing F     also: F empty files in F/1000 folders listed and planned on the executors in a 512 MB JVM
#                     (scripts/bench-listing.sh; the files are made once under /tmp and kept)
# S = the machine's cores (nproc). Quiet machine wanted: the script prints the load average before and after.
set -euo pipefail
source "$(dirname "$0")/env.sh"
models_dir="$("$ROOT/scripts/install-models.sh")"
posespark_build_bench
shared="${POSESPARK_SHARED:-$ROOT/../shared}"
reference="$ROOT/bench/tfjs-reference"
if [ ! -d "$reference/node_modules/@tensorflow/tfjs-backend-wasm" ]; then
  echo "bench: installing the TF.js reference (npm ci)" >&2
  (cd "$reference" && npm ci --silent --no-audit --no-fund >&2)
fi

images=2400
models="movenet-lightning movenet-thunder movenet-multipose"
topdown_images=400                          # the top-down rows (jobs/topdown.yaml's models); 0 leaves them out
scaling=false
listing=""
while [ $# -gt 0 ]; do
  case "$1" in
    --images) images="$2"; shift 2 ;;
    --models) models="$2"; shift 2 ;;
    --topdown-images) topdown_images="$2"; shift 2 ;;
    --scaling) scaling=true; shift ;;
    --listing) listing="$2"; shift 2 ;;
    *) echo "bench: unknown argument $1" >&2; exit 2 ;;
  esac
done
cores="$(nproc)"
iterations="${BENCH_ITERATIONS:-640}"      # model alone: images per stream and batch size
tfjs_iterations="${BENCH_TFJS_ITERATIONS:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
results="$work/results.jsonl"
: >"$results"

# the same images for every figure: hard links under different names (copies where links fail), so 100,000
# "images" cost no disk and every one is a file of its own to list, read and decode
copy_images() { # dir count
  mkdir -p "$1"
  local src=("$shared"/data/coco/*.jpg)
  [ -e "${src[0]}" ] || src=("$ROOT"/data/samples/*.jpg "$ROOT"/data/samples/*.png)
  local i=0
  while [ "$i" -lt "$2" ]; do
    for f in "${src[@]}"; do
      [ "$i" -lt "$2" ] || break
      ln "$f" "$1/$i-$(basename "$f")" 2>/dev/null || cp "$f" "$1/$i-$(basename "$f")"
      i=$((i + 1))
    done
  done
}
copy_images "$work/images" "$images"
copy_images "$work/warm" 200
copy_images "$work/small" $((images / 4))
echo "bench: $images images ($(ls "$work/images" | sed 's/^[0-9]*-//' | sort -u | tr '\n' ' ')), $cores cores," \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

java_bench() { # class args...
  # shellcheck disable=SC2086
  java $POSESPARK_JAVA_OPTS ${bench_heap:-} -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
    -Dlog4j2.level=WARN -cp "$POSESPARK_CP" "$@" 2>"$work/log" | grep '^{' || { tail -30 "$work/log" >&2; exit 1; }
}
pipeline_of() { case "$1" in movenet-multipose|posenet) echo bottom-up ;; *) echo single ;; esac; }

for model in $models; do
  set_model=(--set "model.pose=$model" --set "model.pipeline=$(pipeline_of "$model")")
  input="$(ls "$shared"/golden/tfjs/"$model"/*/input.npy 2>/dev/null | head -1 || true)"
  echo "bench: $model: model alone" >&2
  java_bench ai.posespark.model.tfjs.bench.BatchSpeedBenchmark --batch 1,8 --iterations "$iterations" \
    --streams "$cores" ${input:+--input "$input"} "$model" >>"$results"
  echo "bench: $model: executor loop without Spark" >&2
  java_bench ai.posespark.run.bench.LoopBenchmark "${set_model[@]}" --streams "$cores" --warmup 200 "$work/images" \
    >>"$results"
  echo "bench: $model: job, local[$cores]" >&2
  java_bench ai.posespark.run.bench.JobBenchmark "${set_model[@]}" --slots "$cores" --warmup "$work/warm" \
    --small "$work/small" "$work/images" "$work/out" >>"$results"
  echo "bench: $model: TF.js wasm, $cores processes" >&2
  pids=()
  for s in $(seq 1 "$cores"); do
    node "$reference/bench.mjs" --model "$models_dir/$model.json" --warmup 10 --iterations "$tfjs_iterations" \
      ${input:+--input "$input"} >"$work/tfjs$s" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || { cat "$work"/tfjs*; exit 1; }; done
  for s in $(seq 1 "$cores"); do grep '^{' "$work/tfjs$s" | sed "s/^{/{\"process\":$s,/" >>"$results"; done
  echo "bench: $model: native TensorFlow, batch 1 then $cores processes" >&2
  "$ROOT/scripts/bench-tf-peer.sh" "$models_dir/$model.json" "$shared/golden/tfjs/$model" "$cores" \
    "$tfjs_iterations" ${input:+"$input"} >>"$results"
done

# top-down (jobs/topdown.yaml: the shipped RTMDet-nano and PP-TinyPose, flip test): the detector alone on frames,
# the pose model alone on crops, the executor loop and the job, all tagged "topdown"
if [ "$topdown_images" -gt 0 ]; then
  copy_images "$work/td" "$topdown_images"
  copy_images "$work/tdsmall" $((topdown_images / 4))
  copy_images "$work/tdwarm" 40
  td_job=(--job "$ROOT/jobs/topdown.yaml" --set input.annotations= --set 'evaluation.metrics=[]')
  td_detector="$(awk '/^  detector:/ {print $2}' "$ROOT/jobs/topdown.yaml")"
  td_pose="$(awk '/^  pose:/ {print $2}' "$ROOT/jobs/topdown.yaml")"
  tag='s/^{/{"topdown":true,/'
  echo "bench: top-down: $td_detector alone" >&2
  java_bench ai.posespark.model.bench.CatalogModelBenchmark --role detector --batch 1 --iterations 64 \
    --streams "$cores" "$td_detector" | sed "$tag" >>"$results"
  echo "bench: top-down: $td_pose alone on crops" >&2
  java_bench ai.posespark.model.bench.CatalogModelBenchmark --role pose --batch 1,8 --iterations 256 \
    --streams "$cores" "$td_pose" | sed "$tag" >>"$results"
  echo "bench: top-down: executor loop without Spark" >&2
  java_bench ai.posespark.run.bench.LoopBenchmark "${td_job[@]}" --streams "$cores" --warmup 40 "$work/td" \
    | sed "$tag" >>"$results"
  echo "bench: top-down: job, local[$cores]" >&2
  java_bench ai.posespark.run.bench.JobBenchmark "${td_job[@]}" --slots "$cores" --warmup "$work/tdwarm" \
    --small "$work/tdsmall" "$work/td" "$work/out" | sed "$tag" >>"$results"
fi

# the levers, each switched off on its own (movenet-lightning, the loop): what each one is worth
lever_model="$(echo "$models" | awk '{print $1}')"
for lever in execution.prefetch=0 input.reducedDecode=false; do
  echo "bench: lever: $lever_model loop with $lever" >&2
  java_bench ai.posespark.run.bench.LoopBenchmark --set "model.pose=$lever_model" \
    --set "model.pipeline=$(pipeline_of "$lever_model")" --set "$lever" --streams "$cores" --warmup 200 "$work/images" \
    | sed "s/^{/{\"lever\":\"$lever\",/" >>"$results"
done

if $scaling; then
  model=movenet-lightning
  set_model=(--set "model.pose=$model" --set "model.pipeline=single")
  for slots in 1 2; do
    echo "bench: scaling: $model, $slots task slot(s)" >&2
    java_bench ai.posespark.run.bench.JobBenchmark "${set_model[@]}" --slots "$slots" --warmup "$work/warm" \
      "$work/images" "$work/out" | sed 's/^{/{"scaling":"slots",/' >>"$results"
  done
  for n in ${POSESPARK_BENCH_SIZES:-1000 10000}; do
    echo "bench: scaling: $model, $n images" >&2
    rm -rf "$work/many"
    copy_images "$work/many" "$n"
    # a fixed, pre-touched heap: the JVM's share of RSS stays put, so what grows with the images is native memory
    # shellcheck disable=SC2086
    bench_heap="${POSESPARK_RSS_HEAP:--Xms3g -Xmx3g -XX:+AlwaysPreTouch}" \
      java_bench ai.posespark.run.bench.JobBenchmark "${set_model[@]}" --slots "$cores" --warmup "$work/warm" \
      "$work/many" "$work/out" | sed 's/^{/{"scaling":"size",/' >>"$results"
  done
  rm -rf "$work/many"
fi
if [ -n "$listing" ]; then
  echo "bench: listing and planning $listing empty files in $((listing / 1000)) folders (scripts/bench-listing.sh)" >&2
  "$ROOT/scripts/bench-listing.sh" "$listing" "$((listing / 1000))" executors 2>/dev/null \
    | grep -E '^\||^columns' >"$work/listing.txt" || true
fi
echo "bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# FP32 peak: cores × clock × 2 FMA units × 16 lanes (AVX-512) × 2 FLOP per FMA; the clock is the one the kernel
# reports (under a hypervisor, the TSC's: turbo would raise the real peak)
mhz="$(awk -F: '/^cpu MHz/ {print $2; exit}' /proc/cpuinfo | tr -d ' ')"
fma="$(grep -qw avx512f /proc/cpuinfo && echo 16 || echo 8)"
"$ROOT/scripts/bench-cpu.sh"
node "$ROOT/scripts/bench-table.mjs" "$results" "$cores" "${mhz:-0}" "$fma" "$(grep -m1 'model name' /proc/cpuinfo \
  | cut -d: -f2 | sed 's/^ //')"
if [ -s "$work/listing.txt" ]; then
  printf '\n### Listing and planning at scale (no model run)\n\n'
  cat "$work/listing.txt"
fi
