package ai.posespark.run.bench;

import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.plan.DriverPlan;
import ai.posespark.plan.ExecutorPlan;
import ai.posespark.plan.RunPlan;
import ai.posespark.source.ExecutorListing;
import ai.posespark.source.ListingReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Listing and planning at scale, without running a model: {@code files} empty {@code .jpg} files in {@code folders}
 * folders (created once under {@code root} and reused), listed and planned as a job does, then the seconds of each
 * phase and the process's peak resident memory ({@code VmHWM} of {@code /proc/self/status}). In local mode the
 * executors run in the driver's JVM, so that peak holds both; the heap still used after planning (after a GC, the
 * plan held) is what the driver keeps, and a small {@code -Xmx} shows what the whole run needs.
 * Arguments: {@code files folders root [executors|driver]}.
 */
public final class ListingBenchmark {
  private ListingBenchmark() {}

  /** Runs the benchmark and prints one line of figures. */
  public static void main(String[] args) throws IOException {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int folders = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    Path root = Path.of(args.length > 2 ? args[2] : "/tmp/posespark-listing-" + files + "-" + folders);
    String mode = args.length > 3 ? args[3] : "executors";
    long made = System.nanoTime();
    boolean created = create(root, files, folders);
    if (created) {
      System.out.printf("created %,d empty files in %,d folders under %s in %.1f s%n", files, folders, root,
          secs(made));
    }
    SparkSession spark = SparkSession.builder().appName("posespark-listing-bench")
        .master(System.getProperty("spark.master", "local[2]")).config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false").getOrCreate();
    if (System.getenv("BENCH_VERBOSE") == null) {
      spark.sparkContext().setLogLevel("WARN");
    }
    JobSpec spec = JobSpecLoader.parse("""
        name: bench-listing
        input: {paths: [%s/images], listing: %s}
        model: {pose: movenet-lightning}
        output: {path: %s/out}
        """.formatted(root, mode, root), List.of());
    ListingReport report = new ListingReport();
    long t0 = System.nanoTime();
    double listing;
    double planning;
    RunPlan plan;
    if (mode.equals("driver")) {
      plan = DriverPlan.of(spark, spec, null, null, report);
      listing = secs(t0);
      planning = 0;
    } else {
      int target = Math.max(32, spark.sparkContext().defaultParallelism() * 4);
      ExecutorListing units = ExecutorListing.plan(spark, spec.input().paths(),
          spark.sparkContext().hadoopConfiguration(), spec.input().extensions(), target);
      System.out.printf("folders split into %,d units in %.1f s%n", units.units(), secs(t0));
      ExecutorListing.Listed listed = units.list(spark, report);
      listing = secs(t0);
      long t1 = System.nanoTime();
      plan = ExecutorPlan.of(spark, spec, listed, null, null, report);
      planning = secs(t1);
    }
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long heapUsed = rt.totalMemory() - rt.freeMemory();
    System.out.printf("| %s | %,d | %,d | %.1f | %s | %d | %d | %.0f MB | %.0f MB | %.0f MB |%n", mode, plan.frames(),
        folders, listing, mode.equals("driver") ? "(in listing)" : String.format("%.1f", planning),
        plan.partitions(), plan.chunks(), heapUsed / 1e6, rt.maxMemory() / 1e6, peakRssKb() / 1e3);
    System.out.println("columns: listing | files | folders | listing s | planning s | partitions | chunks "
        + "| heap used after planning (GC'd, plan held) | -Xmx | peak RSS (VmHWM, driver + local executors)");
    spark.stop();
  }

  /** Creates the tree unless a previous run completed it (a marker file says so). */
  private static boolean create(Path root, int files, int folders) throws IOException {
    Path done = root.resolve("_complete");
    if (Files.exists(done)) {
      return false;
    }
    Path images = root.resolve("images");
    for (int f = 0; f < folders; f++) {
      Path dir = images.resolve(String.format("f%05d", f));
      Files.createDirectories(dir);
      for (int i = f; i < files; i += folders) {
        Path file = dir.resolve(String.format("i%08d.jpg", i));
        if (!Files.exists(file)) {
          Files.createFile(file);
        }
      }
    }
    Files.writeString(done, files + " files in " + folders + " folders\n");
    return true;
  }

  /** The process's peak resident set, kB ({@code VmHWM}); -1 where /proc is absent. */
  static long peakRssKb() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static double secs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
