#!/usr/bin/env bash
# Runs a PoseSpark job:  scripts/submit.sh JOB.yaml [--set key=value]...
# With SPARK_HOME set it calls spark-submit with the deploy jar (Spark comes from the cluster; extra
# spark-submit flags go in SPARK_SUBMIT_ARGS, e.g. "--master yarn --num-executors 4");
# otherwise it runs embedded Spark local[*] on this machine.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/install-models.sh" >/dev/null

if [ -n "${SPARK_HOME:-}" ]; then
  jar="$ROOT/target/posespark-deploy.jar"
  if [ ! -f "$jar" ]; then
    (cd "$ROOT" && mvn -q -B -Pdeploy -DskipTests package >&2)
  fi
  # shellcheck disable=SC2086
  exec "$SPARK_HOME/bin/spark-submit" --class ai.posespark.cli.SubmitCommand \
    --driver-java-options "-Dai.djl.offline=true" \
    --conf "spark.executor.extraJavaOptions=-Dai.djl.offline=true" \
    --conf "spark.executorEnv.DJL_CACHE_DIR=$DJL_CACHE_DIR" \
    --conf "spark.executorEnv.POSESPARK_MODELS_DIR=$POSESPARK_MODELS_DIR" \
    ${SPARK_SUBMIT_ARGS:-} "$jar" "$@"
fi

posespark_build
# a progress bar on a terminal, plain periodic lines in a pipe or a log file
if [ -t 2 ]; then progress=bar; else progress=lines; fi
# shellcheck disable=SC2086
exec java -Dposespark.progress="${POSESPARK_PROGRESS:-$progress}" ${POSESPARK_DRIVER_MEMORY:+-Xmx$POSESPARK_DRIVER_MEMORY} $POSESPARK_JAVA_OPTS \
  -cp "$POSESPARK_CP" ai.posespark.cli.SubmitCommand "$@"
