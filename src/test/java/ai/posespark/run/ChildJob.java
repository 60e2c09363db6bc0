package ai.posespark.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PoseSpark job in its own JVM ({@code SubmitCommand}, embedded Spark {@code local[2]}), started from the test's
 * classpath with the test JVM's module flags, so a test can kill its driver (SIGKILL, SIGTERM) mid-run.
 * Its stdout and stderr go to {@code log}; its temp folder is {@code tmp}, so what a kill leaves there shows.
 */
final class ChildJob {
  private final Process process;
  private final Path log;

  private ChildJob(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static ChildJob start(Path jobFile, Path log, Path tmp) throws IOException {
    return start(jobFile, log, tmp, List.of());
  }

  /** As {@link #start(Path, Path, Path)}, with {@code jvmOptions} after the defaults (a later -Xmx wins). */
  static ChildJob start(Path jobFile, Path log, Path tmp, List<String> jvmOptions) throws IOException {
    Files.createDirectories(tmp);
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-") || arg.startsWith("-XX:+IgnoreUnrecognized") || arg.startsWith("-D")
          && !arg.startsWith("-Djava.io.tmpdir")) {
        cmd.add(arg);
      }
    }
    cmd.add("-Xmx2g");
    cmd.add("-Djava.io.tmpdir=" + tmp);
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("ai.posespark.cli.SubmitCommand");
    cmd.add(jobFile.toString());
    cmd.add("--master");
    cmd.add("local[2]");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ChildJob(p, log);
  }

  /** Waits until {@code path} exists (polling every 20 ms); false when the job ended first or time ran out. */
  boolean awaitPath(Path path, long seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < until) {
      if (Files.exists(path)) {
        return true;
      }
      if (!process.isAlive()) {
        return Files.exists(path);
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** Waits for the JVM to end on its own, at most {@code seconds}; its exit code (-1: still running). */
  int await(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  /** SIGKILL: the JVM dies at once, no shutdown hook runs. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    return process.waitFor();
  }

  /** SIGTERM: shutdown hooks run; waits for the exit. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return process.exitValue();
  }

  boolean alive() {
    return process.isAlive();
  }

  String output() throws IOException {
    return Files.readString(log);
  }
}
