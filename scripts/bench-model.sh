#!/usr/bin/env bash
# Model speed and memory benchmarks (figures only, nothing asserted).
#
#   scripts/bench-model.sh [--threads N] [--streams S] [--all | model...]   speed table
#      (default models: movenet-lightning movenet-multipose)
#   scripts/bench-model.sh --profile [model] [--by op|node]   where batch-1 time goes per op family (lightning)
#   scripts/bench-model.sh --rss [model] [--runs N] [--malloc-tuning]   RSS over 2,000 inferences (movenet-lightning)
#      with a fixed pre-touched heap (POSESPARK_RSS_HEAP, default "-Xms256m -Xmx256m -XX:+AlwaysPreTouch")
#
# Speed: per model one Markdown row with PoseSpark's ms/image at batch 1 and batch 8 (graphs that pin batch 1 run
# the batch item by item, as a job does) and TensorFlow.js 4.22's (wasm backend, single-threaded: its only mode
# under Node) on the same input, measured back to back on this machine, and the speed-up TF.js ms / PoseSpark ms.
# Input: the model's first golden input.npy under $POSESPARK_SHARED (default ../shared from the project root),
# else random values. PoseSpark uses --threads PyTorch threads (default 1, like-for-like with TF.js wasm).
# BENCH_ITERATIONS (default 30) sets the timed runs per figure.
#
# Throughput (--streams S, default 2 = one per core of the 2-core dev machine; 0 leaves it out): S threads share
# one loaded model and run inferences back to back, each the batch a job sends per model call (the catalog's batch
# or splitBatch), as S Spark tasks of one executor do, each PyTorch op on its own thread (--threads 1); TF.js
# runs as S single-threaded processes side by side, its best use of S cores. The columns give images/s of all streams / processes together.
set -euo pipefail
source "$(dirname "$0")/env.sh"
models_dir="$("$ROOT/scripts/install-models.sh")"
posespark_build_bench
shared="${POSESPARK_SHARED:-$ROOT/../shared}"
java_run() {
  # shellcheck disable=SC2086
  java $POSESPARK_JAVA_OPTS -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
    -cp "$POSESPARK_CP" "$@"
}

threads=1
streams=2
models=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rss) shift
           # a fixed, pre-touched heap keeps the JVM's share of RSS constant, so growth would be native memory
           # shellcheck disable=SC2086
           exec java ${POSESPARK_RSS_HEAP:--Xms256m -Xmx256m -XX:+AlwaysPreTouch} $POSESPARK_JAVA_OPTS \
             -cp "$POSESPARK_CP" ai.posespark.model.tfjs.bench.RssBenchmark "$@" ;;
    --profile) shift
           # where one batch-1 inference's time goes, per op family (ProfileBenchmark; --by op|node for finer)
           profiled="${1:-movenet-lightning}"
           input="$(ls "$shared"/golden/tfjs/"${1:-movenet-lightning}"/*/input.npy 2>/dev/null | head -1 || true)"
           "$ROOT/scripts/bench-cpu.sh"; echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
           java_run ai.posespark.model.tfjs.bench.ProfileBenchmark ${input:+--input "$input"} \
             "${@:2}" "${1:-movenet-lightning}" 2>/dev/null
           # TensorFlow's own kernel times per family on the same graph, when the peer can be had
           venv="${POSESPARK_TF_PEER_VENV:-$HOME/.cache/posespark/tf-peer}"
           if [ -x "$venv/bin/python" ]; then
             TF_CPP_MIN_LOG_LEVEL=2 "$venv/bin/python" "$ROOT/scripts/tf-peer.py" --profile 200 \
               --model "$models_dir/$profiled.json" --golden "$shared/golden/tfjs/$profiled" \
               2>/dev/null
           fi
           exit ;;
    --threads) threads="$2"; shift 2 ;;
    --streams) streams="$2"; shift 2 ;;
    --all) models+=(movenet-lightning movenet-thunder movenet-multipose posenet blazepose-detector blazepose-lite
                    blazepose-full blazepose-heavy efficientpose centernet nanodet); shift ;;
    *) models+=("$1"); shift ;;
  esac
done
[ ${#models[@]} -gt 0 ] || models=(movenet-lightning movenet-multipose)

reference="$ROOT/bench/tfjs-reference"
if [ ! -d "$reference/node_modules/@tensorflow/tfjs-backend-wasm" ]; then
  echo "bench-model: installing the TF.js reference (npm ci)" >&2
  (cd "$reference" && npm ci --silent --no-audit --no-fund >&2)
fi

iterations="${BENCH_ITERATIONS:-30}"
results="$(mktemp)"
log="$(mktemp)"
trap 'rm -f "$results" "$log"' EXIT
# runs a benchmark command, keeping its JSON lines; on failure shows its log
collect() {
  "$@" >"$log.out" 2>"$log" || { cat "$log.out" "$log" >&2; rm -f "$log.out"; exit 1; }
  grep '^{' "$log.out" >>"$results"; rm -f "$log.out"
}
echo "bench-model: load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2
"$ROOT/scripts/bench-cpu.sh"
for model in "${models[@]}"; do
  input="$(ls "$shared"/golden/tfjs/"$model"/*/input.npy 2>/dev/null | head -1 || true)"
  echo "bench-model: $model (input: ${input:-random})" >&2
  collect java_run ai.posespark.model.tfjs.bench.BatchSpeedBenchmark --batch 1,8 --iterations "$iterations" \
    --streams "$streams" ${input:+--input "$input"} "$model"
  collect node "$reference/bench.mjs" --model "$models_dir/$model.json" --warmup 5 --iterations "$iterations" \
    ${input:+--input "$input"}
  if [ "$streams" -gt 0 ]; then
    # TF.js at its best on S cores: S single-threaded processes side by side, each on its own copy of the model
    pids=()
    for s in $(seq 1 "$streams"); do
      node "$reference/bench.mjs" --model "$models_dir/$model.json" --warmup 5 --iterations "$iterations" \
        ${input:+--input "$input"} >"$log.tfjs$s" 2>&1 &
      pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || { cat "$log".tfjs*; exit 1; }; done
    for s in $(seq 1 "$streams"); do
      grep '^{' "$log.tfjs$s" | sed "s/^{/{\"process\":$s,/" >>"$results"; rm -f "$log.tfjs$s"
    done
  fi
  # native TensorFlow on the same graph and input: batch-1 latency, then S processes side by side
  "$ROOT/scripts/bench-tf-peer.sh" "$models_dir/$model.json" "$shared/golden/tfjs/$model" \
    "$streams" "$iterations" ${input:+"$input"} >>"$results"
done
echo "bench-model: load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

node - "$results" "$threads" "$streams" <<'JS'
const fs = require('fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').filter(Boolean).map(JSON.parse);
const threads = process.argv[3];
const streams = Number(process.argv[4]);
// bench.mjs lines carry "tfjs" (its version); BatchSpeedBenchmark lines carry "path"
rows.forEach((x) => { x.tfjsReference = x.tfjs !== undefined || x.tensorflow !== undefined; });
const f = (x) => (x === undefined ? 'n/a' : x.toFixed(1));
const r = (a, b) => (a === undefined || b === undefined ? 'n/a' : (a / b).toFixed(2) + '×');
const cell = (x) => (x ? `${f(x.msPerImage)} (${f(x.cpuMsPerImage)})` : 'n/a');
const tput = streams > 0;
const ips = (x) => (x ? 1000 / x.msPerImage : undefined);
const g = (x) => (x === undefined ? 'n/a' : x.toFixed(1));
console.log('| model | PoseSpark batch 1 | PoseSpark batch 8 | TF.js wasm batch 1 | speed-up batch 1 | speed-up batch 8 |'
  + (tput ? ` PoseSpark ${streams} streams img/s (batch per call) | TF.js ${streams} processes img/s | throughput ratio |`
    : ''));
console.log('|---|---:|---:|---:|---:|---:|' + (tput ? '---:|---:|---:|' : ''));
const tfRows = [];
for (const model of [...new Set(rows.map((x) => x.model))]) {
  const ps = (b) => rows.find((x) => x.model === model && !x.tfjsReference && x.batch === b && !x.streams);
  const st = rows.find((x) => x.model === model && !x.tfjsReference && x.streams);
  const tfjs = rows.find((x) => x.model === model && x.tfjs !== undefined && !x.process);
  const procs = rows.filter((x) => x.model === model && x.tfjs !== undefined && x.process);
  const tf = rows.find((x) => x.model === model && x.tensorflow !== undefined && !x.process);
  const tfProcs = rows.filter((x) => x.model === model && x.tensorflow !== undefined && x.process);
  const tfTput = tfProcs.length ? tfProcs.reduce((sum, x) => sum + 1000 / x.msPerImage, 0) : undefined;
  tfRows.push(`| ${model} | ${cell(ps(1))} | ${cell(tf)} | ${r(tf?.msPerImage, ps(1)?.msPerImage)} |`
    + (tput ? ` ${g(ips(st))} | ${g(tfTput)} | ${r(ips(st), tfTput)} |` : '')
    + ` ${tf ? tf.goldenCases + ' cases, ' + tf.goldenMaxDiff.toExponential(1) : 'skipped'} |`);
  const tfjsTput = procs.length ? procs.reduce((sum, x) => sum + 1000 / x.msPerImage, 0) : undefined;
  const split = ps(8)?.path === 'runSplitBatch' ? ' split' : '';
  console.log(`| ${model} | ${cell(ps(1))} | ${cell(ps(8))}${split} | ${cell(tfjs)} |`
    + ` ${r(tfjs?.msPerImage, ps(1)?.msPerImage)} | ${r(tfjs?.msPerImage, ps(8)?.msPerImage)} |`
    + (tput ? ` ${g(ips(st))} (${st?.batch}) | ${g(tfjsTput)} | ${r(ips(st), tfjsTput)} |` : ''));
}
console.log(`\nms/image, median wall time (median CPU time in parentheses). PoseSpark: DJL PyTorch CPU,`
  + ` ${threads} thread(s); "split": the graph pins batch 1, so the part that acts per image runs batched and`
  + ' the rest image by image (runSplitBatch). TF.js 4.22 wasm backend, 1 thread (its only mode under Node).'
  + ' Speed-up = TF.js wall ms / PoseSpark wall ms.'
  + (tput ? ` Throughput, the whole machine: ${streams} concurrent streams sharing one model, each sending the`
    + ` batch a job sends per model call (catalog batch / splitBatch; ${streams} Spark tasks, execution.batchSize 8),`
    + ` ${threads} PyTorch thread(s) each, against ${streams} TF.js`
    + ' processes side by side; images/s of all together.' : ''));
if (tfRows.some((x) => !x.endsWith('skipped |'))) {
  console.log(`\n### PoseSpark against native TensorFlow (${tfVersion(rows)}, CPU, oneDNN on) on the same graph\n`);
  console.log('| model | PoseSpark batch 1 | TensorFlow batch 1 | latency ratio |'
    + (tput ? ` PoseSpark ${streams} streams img/s | TensorFlow ${streams} processes img/s | throughput ratio |` : '')
    + ' TF golden check (max diff) |');
  console.log('|---|---:|---:|---:|' + (tput ? '---:|---:|---:|' : '') + '---|');
  tfRows.forEach((x) => console.log(x));
  console.log('\nTensorFlow: scripts/tf-peer.py imports model.json as a GraphDef, checks its outputs on every golden'
    + ' case, then runs 1 intra-op and 1 inter-op thread per process. Ratios: TensorFlow ms / PoseSpark ms and'
    + ' PoseSpark img/s / TensorFlow img/s (above 1: PoseSpark faster).');
}
function tfVersion(all) { return 'TensorFlow ' + (all.find((x) => x.tensorflow)?.tensorflow ?? '?'); }
JS
