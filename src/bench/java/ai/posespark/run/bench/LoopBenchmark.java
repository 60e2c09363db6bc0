package ai.posespark.run.bench;

import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.model.ModelCache;
import ai.posespark.pipeline.PartitionRunner;
import ai.posespark.pipeline.PipelinePlan;
import ai.posespark.pipeline.RunSettings;
import ai.posespark.plan.JobPipeline;
import ai.posespark.sink.OutputSchema;
import ai.posespark.source.CostPartitioner;
import ai.posespark.source.FrameLister;
import ai.posespark.source.FrameTask;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The executor loop without Spark, for {@code scripts/bench.sh}: {@link PartitionRunner} itself — read, decode,
 * prepare, model, pose decoding, rows — on S plain threads sharing one model, as S task slots of one executor do,
 * over partitions cut as a job cuts them (2 per stream, {@link CostPartitioner}) and taken from a queue as Spark
 * schedules them. Prints one JSON line: images/s, mean ms per stage over ok frames, CPU utilisation of the process,
 * peak RSS, model loads. Nothing asserted.
 *
 * <pre>
 * LoopBenchmark --job jobs/quickstart.yaml [--set key=value]... [--streams 2] [--warmup 16] images-folder...
 * </pre>
 */
public final class LoopBenchmark {
  private LoopBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path job = Path.of("jobs/quickstart.yaml");
    List<String> overrides = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    int streams = 2;
    int warmup = 16;
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--job" -> job = Path.of(args[++k]);
        case "--set" -> overrides.add(args[++k]);
        case "--streams" -> streams = Integer.parseInt(args[++k]);
        case "--warmup" -> warmup = Integer.parseInt(args[++k]);
        default -> paths.add(args[k]);
      }
    }
    JobSpec spec = JobSpecLoader.load(job, overrides);
    Configuration conf = new Configuration();
    PipelinePlan plan = JobPipeline.plan(spec, null);
    RunSettings settings = JobPipeline.settings(spec, plan, conf);
    List<FrameTask> tasks = FrameLister.list(paths.isEmpty() ? spec.input().paths() : paths, conf);
    StructType schema = OutputSchema.inference(settings.stages());

    // warm-up: every stream loads (the one shared) model and runs a few frames, untimed
    List<List<FrameTask>> warm = new ArrayList<>();
    for (int s = 0; s < streams; s++) {
      warm.add(tasks.subList(0, Math.min(tasks.size(), warmup)));
    }
    run(settings, warm, streams, schema);

    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    Figures f = run(settings, CostPartitioner.split(tasks, 2 * streams), streams, schema);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;

    ObjectNode out = new ObjectMapper().createObjectNode();
    out.put("benchmark", "loop");
    out.put("model", plan.model());
    out.put("streams", streams);
    out.put("batchSize", settings.batchSize());
    out.put("prefetch", settings.prefetch());
    out.put("reducedDecode", settings.reducedDecode());
    out.put("images", f.frames.get());
    out.put("ok", f.ok.get());
    out.put("seconds", seconds);
    out.put("imagesPerSecond", f.frames.get() / seconds);
    ObjectNode stages = out.putObject("msPerStage");
    for (int i = 0; i < settings.stages().size(); i++) {
      stages.put(settings.stages().get(i), f.stageNanos[i].get() / 1e6 / Math.max(1, f.ok.get()));
    }
    out.put("cpuUtilisation", cpu / (seconds * Runtime.getRuntime().availableProcessors()));
    out.put("peakRssMb", peakRssKb() / 1024.0);
    out.put("modelLoads", ModelCache.loads());
    System.out.println(out);
    System.exit(0); // PyTorch's and the prefetch threads are daemons, but DJL's engine keeps one that is not
  }

  /** Frames and stage time summed over every ok row. */
  private record Figures(AtomicLong frames, AtomicLong ok, AtomicLong[] stageNanos) {}

  private static Figures run(RunSettings settings, List<List<FrameTask>> parts, int streams, StructType schema)
      throws InterruptedException {
    ConcurrentLinkedQueue<List<FrameTask>> queue = new ConcurrentLinkedQueue<>(parts);
    List<String> stages = settings.stages();
    AtomicLong[] nanos = new AtomicLong[stages.size()];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = new AtomicLong();
    }
    Figures f = new Figures(new AtomicLong(), new AtomicLong(), nanos);
    int status = schema.fieldIndex("status");
    int[] columns = stages.stream().mapToInt(s -> schema.fieldIndex(OutputSchema.stageColumn(s))).toArray();
    List<Thread> threads = new ArrayList<>();
    ConcurrentLinkedQueue<Throwable> failed = new ConcurrentLinkedQueue<>();
    for (int s = 0; s < streams; s++) {
      Thread t = new Thread(() -> {
        PartitionRunner runner = new PartitionRunner(settings, null, null);
        List<FrameTask> part;
        while ((part = queue.poll()) != null) {
          Iterator<Row> rows = runner.call(part.iterator());
          while (rows.hasNext()) {
            Row r = rows.next();
            f.frames.incrementAndGet();
            if (OutputSchema.STATUS_OK.equals(r.getString(status))) {
              f.ok.incrementAndGet();
              for (int i = 0; i < columns.length; i++) {
                f.stageNanos[i].addAndGet((long) (r.getDouble(columns[i]) * 1e6));
              }
            }
          }
        }
      }, "loop-stream-" + s);
      t.setUncaughtExceptionHandler((th, e) -> failed.add(e));
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException("a stream failed", failed.peek());
    }
    return f;
  }

  /** CPU time of this process, all threads. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** VmHWM of this process, kB (0 where /proc is absent). */
  static long peakRssKb() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return 0;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    return 0;
  }
}
