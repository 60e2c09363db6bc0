#!/usr/bin/env bash
# COCO OKS evaluation benchmark: synthetic 100,000 images / 500,000 persons by default.
# Usage: scripts/bench-eval.sh [images] [personsPerImage] [workDir]
# Prints the seconds of each phase; "EVAL SECONDS" is Evaluator.evaluate end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
opens="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector"
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
opens="$opens --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"
opens="$opens -Dio.netty.tryReflectionSetAccessible=true"
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx8g} $opens \
  -cp "target/classes:$(cat target/bench-classpath.txt)" ai.posespark.eval.bench.EvalBenchmark "$@"
