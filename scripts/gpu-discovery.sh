#!/usr/bin/env bash
# Spark's GPU discovery script for Workers and executors (spark.worker.resource.gpu.discoveryScript,
# spark.executor.resource.gpu.discoveryScript): prints the GPUs nvidia-smi lists, in Spark's resource format,
#   {"name": "gpu", "addresses": ["0", "1"]}
set -euo pipefail
ids=$(nvidia-smi --query-gpu=index --format=csv,noheader | tr -d ' ' | paste -sd, - | sed 's/,/", "/g')
echo "{\"name\": \"gpu\", \"addresses\": [${ids:+\"$ids\"}]}"
