#!/usr/bin/env bash
# Shows or runs one model outside a job (like TensorFlow's saved_model_cli):
#   scripts/model-cli.sh show --model M
#   scripts/model-cli.sh run  --model M --inputs NAME=FILE.npy[,NAME2=FILE2.npy] --outdir DIR
# M: catalog name (conf/models.yaml), path to model.json / .pt, or a file:, hdfs://, s3a:// URI.
# Options: --device cpu|gpu|auto (default cpu). Exit codes: 0 ok, 2 usage mistake, 1 failure.
# A remote M takes Hadoop settings as -Dspark.hadoop.* in POSESPARK_JVM_EXTRA (README: S3).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/install-models.sh" >/dev/null
posespark_build
# shellcheck disable=SC2086
exec java $POSESPARK_JAVA_OPTS -cp "$POSESPARK_CP" ai.posespark.cli.ModelCommand "$@"
