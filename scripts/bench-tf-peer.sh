#!/usr/bin/env bash
# Native TensorFlow beside PoseSpark (figures only; the product never needs Python): JSON lines for bench.sh and
# bench-model.sh, or nothing on stdout and the reason on stderr when TensorFlow cannot be had here.
#
#   scripts/bench-tf-peer.sh model.json golden-dir processes iterations [input.npy]
#
# TensorFlow comes from the pip the user has (its index or local wheel mirror: `pip install tensorflow-cpu`) into
# a throw-away virtualenv of its own, made once ($POSESPARK_TF_PEER_VENV, default ~/.cache/posespark/tf-peer;
# delete it freely). scripts/tf-peer.py imports the graph, checks every golden case under golden-dir, then times:
# one line for batch-1 latency on 1 thread, then `processes` lines ("process": i) from as many single-threaded
# processes run side by side (their rates add up to the machine's throughput).
set -uo pipefail
model="$1" golden="$2" processes="$3" iterations="$4" input="${5:-}"
here="$(cd "$(dirname "$0")" && pwd)"
venv="${POSESPARK_TF_PEER_VENV:-$HOME/.cache/posespark/tf-peer}"
python="$venv/bin/python"
if ! "$python" -c 'import tensorflow' >/dev/null 2>&1; then
  if ! command -v python3 >/dev/null; then echo "bench: TensorFlow peer skipped: no python3" >&2; exit 0; fi
  if [ -e "$venv" ] && [ ! -f "$venv/pyvenv.cfg" ]; then
    echo "bench: TensorFlow peer skipped: $venv exists and is not a virtualenv (left alone)" >&2; exit 0
  fi
  echo "bench: TensorFlow peer: making its virtualenv in $venv (pip install tensorflow-cpu)" >&2
  rm -rf "$venv"
  if ! { python3 -m venv "$venv" && PIP_RETRIES=0 PIP_DISABLE_PIP_VERSION_CHECK=1 \
         "$venv/bin/pip" install -q tensorflow-cpu >&2; } || ! "$python" -c 'import tensorflow' >/dev/null 2>&1; then
    echo "bench: TensorFlow peer skipped: tensorflow-cpu could not be installed into a virtualenv" >&2
    rm -rf "$venv"
    exit 0
  fi
fi
log="$(mktemp)"
trap 'rm -f "$log"*' EXIT
peer() { # extra args...
  TF_CPP_MIN_LOG_LEVEL=2 "$python" "$here/tf-peer.py" --model "$model" --iterations "$iterations" \
    ${input:+--input "$input"} "$@"
}
# the golden check runs once, in the latency run; the parallel processes time the graph it checked
if ! peer --golden "$golden" >"$log.one" 2>"$log"; then
  echo "bench: TensorFlow peer skipped for $(basename "$model"): $(grep -v -e oneDNN -e absl "$log" | tail -3)" >&2
  exit 0
fi
grep '^{' "$log.one"
pids=()
for s in $(seq 1 "$processes"); do
  peer --golden "$golden" >"$log.p$s" 2>&1 &
  pids+=($!)
done
for s in $(seq 1 "$processes"); do
  wait "${pids[$((s - 1))]}" && grep '^{' "$log.p$s" | sed "s/^{/{\"process\":$s,/" \
    || echo "bench: TensorFlow peer process $s failed: $(tail -3 "$log.p$s")" >&2
done
