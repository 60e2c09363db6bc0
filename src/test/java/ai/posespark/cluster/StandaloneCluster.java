package ai.posespark.cluster;

import ai.posespark.testing.Skip;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1 from the Maven jars: a Master and Workers, each its own JVM, and a
 * {@code SPARK_HOME} whose {@code jars/} links the Spark jars (what a Worker builds executor command lines from) and
 * whose {@code bin/spark-submit} is Spark's own launcher path ({@code org.apache.spark.launcher.Main} builds the
 * command, as {@code bin/spark-class} does). The Spark jars are those Maven lists for the {@code cluster} profile
 * ({@code target/spark-jars.txt}).
 */
final class StandaloneCluster implements AutoCloseable {
  private final Path home;
  private final String master;
  private final List<Process> processes = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();

  private StandaloneCluster(Path home, String master) {
    this.home = home;
    this.master = master;
  }

  /**
   * Starts a Master and {@code workers} Workers with {@code cores} cores each.
   *
   * @param workerOptions extra JVM options of each Worker (e.g. GPU resources)
   * @param workerPath    folders put first on the Workers' PATH (e.g. a fake {@code nvidia-smi}), or none
   */
  static StandaloneCluster start(Path dir, int workers, int cores, List<String> workerOptions,
                                 List<Path> workerPath) throws Exception {
    Path jarList = Path.of("target/spark-jars.txt");
    Skip.unless(Files.isRegularFile(jarList), "no " + jarList + ": the standalone cluster tests run with "
        + "mvn -Pcluster (as .ci/run does)");
    Path home = sparkHome(dir.resolve("spark-home"), Files.readString(jarList).trim().split(":"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    StandaloneCluster cluster = new StandaloneCluster(home, "spark://127.0.0.1:" + port);
    Path masterLog = dir.resolve("master.log");
    cluster.processes.add(cluster.daemon(List.of(), List.of(), "org.apache.spark.deploy.master.Master", masterLog,
        "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", "0"));
    for (int i = 0; i < workers; i++) {
      Path work = Files.createDirectories(dir.resolve("worker-" + i));
      Process w = cluster.daemon(workerOptions, workerPath, "org.apache.spark.deploy.worker.Worker",
          dir.resolve("worker-" + i + ".log"), "--host", "127.0.0.1", "--cores", String.valueOf(cores), "--memory",
          "6g", "--work-dir", work.toString(), "--webui-port", "0", cluster.master);
      cluster.processes.add(w);
      cluster.workers.add(w);
    }
    cluster.awaitLog(masterLog, "Registering worker", workers, 120);
    return cluster;
  }

  String masterUrl() {
    return master;
  }

  Path sparkHome() {
    return home;
  }

  /** The environment a Spark client or daemon of this cluster runs with. */
  Map<String, String> environment() {
    return Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13",
        "JAVA_HOME", System.getProperty("java.home"));
  }

  /** The executor JVMs the Workers launched, live now. */
  List<ProcessHandle> executors() {
    return workers.stream().flatMap(w -> w.descendants())
        .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")).toList();
  }

  @Override
  public void close() {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Process p : processes) {
      try {
        p.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Process daemon(List<String> options, List<Path> path, String main, Path log, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(moduleOptions());
    cmd.add("-Xmx512m");
    cmd.addAll(options);
    cmd.add("-cp");
    cmd.add(home.resolve("jars") + "/*");
    cmd.add(main);
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    b.environment().putAll(environment());
    for (Path p : path) {
      b.environment().put("PATH", p + ":" + b.environment().get("PATH"));
    }
    return b.start();
  }

  /** Waits until {@code log} has {@code count} lines containing {@code text}. */
  static void awaitLog(Path log, String text, int count, int seconds) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < until) {
      if (Files.exists(log) && Files.readAllLines(log).stream().filter(l -> l.contains(text)).count() >= count) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("'" + text + "' x" + count + " not in " + log + " after " + seconds + " s:\n"
        + (Files.exists(log) ? Files.readString(log) : "(no log)"));
  }

  /** The module flags the test JVM runs with ({@code --add-opens}, …): what Spark's launcher adds on Java 17. */
  static List<String> moduleOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognized")).toList();
  }

  private static Path sparkHome(Path home, String[] jars) throws IOException {
    Path lib = Files.createDirectories(home.resolve("jars"));
    for (String jar : jars) {
      Path target = Path.of(jar);
      Path link = lib.resolve(target.getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, target);
      }
    }
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path submit = bin.resolve("spark-submit");
    Files.writeString(submit, """
        #!/usr/bin/env bash
        # bin/spark-class's way: Spark's launcher prints its messages, a NUL and a newline, then the command
        # (NUL-separated); the launcher's exit code comes last
        CMD=()
        SEEN=0
        while IFS= read -d '' -r ARG; do
          if [ "$SEEN" = 0 ]; then SEEN=1; [ -n "$ARG" ] && echo "$ARG" >&2; continue; fi
          [ "$SEEN" = 1 ] && { SEEN=2; ARG="${ARG#$'\n'}"; }
          CMD+=("$ARG")
        done < <(
          "$JAVA_HOME/bin/java" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main \\
            org.apache.spark.deploy.SparkSubmit "$@"; printf '%d\\0' $?)
        [ "${#CMD[@]}" -gt 0 ] || exit 1
        LAST=$((${#CMD[@]} - 1))
        [ "${CMD[$LAST]}" = 0 ] || exit "${CMD[$LAST]}"
        exec "${CMD[@]:0:$LAST}"
        """);
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }
}
