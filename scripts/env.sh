# Shared settings of PoseSpark's launch scripts (sourced, not run).
# Builds the project when sources changed and exposes: ROOT, POSESPARK_CP, POSESPARK_JAVA_OPTS.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.cache/posespark/djl}"
export POSESPARK_MODELS_DIR="${POSESPARK_MODELS_DIR:-$HOME/.cache/posespark/models}"

# The JVM flags spark-submit adds on Java 17 (spark-launcher's JavaModuleOptions), plus DJL offline:
# libtorch comes from the Maven jars, never from a download.
POSESPARK_JAVA_OPTS="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector \
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
--add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false \
-Dio.netty.tryReflectionSetAccessible=true -Dai.djl.offline=true ${POSESPARK_JVM_EXTRA:-}"

# Compiles and records the runtime classpath unless nothing changed since the last build.
posespark_build() {
  local stamp="$ROOT/target/.posespark-build"
  if [ ! -f "$stamp" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/conf" "$ROOT/pom.xml" -newer "$stamp" -print -quit)" ]; then
    echo "posespark: building (mvn compile)" >&2
    (cd "$ROOT" && mvn -q -B -DskipTests compile dependency:build-classpath \
        -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2)
    touch "$stamp"
  fi
  POSESPARK_CP="$ROOT/target/classes:$(cat "$ROOT/target/classpath.txt")"
}

# For the benchmark scripts: compiles main and test classes (src/bench/java is a test source root, so the
# benchmarks are not in target/classes or the jar) and records the test-scope classpath, unless nothing changed
# since the last such build.
posespark_build_bench() {
  local stamp="$ROOT/target/.posespark-build-bench"
  if [ ! -f "$stamp" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/src/test" "$ROOT/src/bench" "$ROOT/conf" "$ROOT/pom.xml" \
      -newer "$stamp" -print -quit)" ]; then
    echo "posespark: building (mvn test-compile)" >&2
    (cd "$ROOT" && mvn -q -B test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/classpath-test.txt -Dmdep.includeScope=test >&2)
    touch "$stamp"
  fi
  POSESPARK_CP="$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$ROOT/target/classpath-test.txt")"
}
