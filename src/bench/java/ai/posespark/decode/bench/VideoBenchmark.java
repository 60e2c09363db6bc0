package ai.posespark.decode.bench;

import ai.posespark.decode.DecodedFrame;
import ai.posespark.decode.TestVideos;
import ai.posespark.decode.VideoRangeDecoder;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import ai.posespark.run.PoseJob;
import ai.posespark.source.FrameTask;
import ai.posespark.source.VideoIndex;
import ai.posespark.source.VideoProbe;
import ai.posespark.source.VideoRanges;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Video throughput (figures printed, nothing asserted): renders a video of the moving COCO skier, then frames/s
 * for probing (packets only), for decoding alone (every range, one thread, then a thread per core over the
 * ranges), and for the whole job (embedded Spark local[*], the pose model), with the number of range tasks.
 *
 * <pre>scripts/bench-video.sh [frames=3000] [codec=MPEG4_AVI] [model=movenet-lightning] [framesPerTask=256]</pre>
 */
public final class VideoBenchmark {
  private VideoBenchmark() {}

  public static void main(String[] args) throws Exception {
    int frames = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    TestVideos.Codec codec = TestVideos.Codec.valueOf(args.length > 1 ? args[1] : "MPEG4_AVI");
    String model = args.length > 2 ? args[2] : "movenet-lightning";
    int framesPerTask = args.length > 3 ? Integer.parseInt(args[3]) : 256;
    Path work = Path.of(args.length > 4 ? args[4] : Files.createTempDirectory("posespark-bench-video").toString());
    int width = 640;
    int height = 480;
    double fps = 25;
    int gop = 50;
    int cores = Runtime.getRuntime().availableProcessors();

    TestVideos.Sprite skier = TestVideos.skier(1);
    TestVideos.SpritePainter painter = new TestVideos.SpritePainter(List.of(skier),
        List.of(TestVideos.line(0, 40, width - skier.pixels().width(), 100, frames)));
    long t0 = System.nanoTime();
    Path video = TestVideos.render(work.resolve("in"), "bench", new TestVideos.Spec(width, height, fps, frames,
        codec, gop), painter);
    double renderS = seconds(t0);
    System.out.printf("bench-video: %d frames %dx%d %s (GOP %d, %.1f MB), %d cores; rendered in %.1f s%n", frames,
        width, height, codec, gop, Files.size(video) / 1e6, cores, renderS);

    Configuration conf = new Configuration();
    String uri = video.toUri().toString();
    VideoProbe.probe(uri, Files.size(video), conf); // loads the natives
    t0 = System.nanoTime();
    VideoIndex index = VideoProbe.probe(uri, Files.size(video), conf);
    double probeS = seconds(t0);
    System.out.printf("probe:  %d frames, %d keyframes in %.3f s = %.0f frames/s%n", index.frames(),
        index.keyframes().length, probeS, index.frames() / probeS);

    List<FrameTask> tasks = VideoRanges.split(index, framesPerTask, 1);
    t0 = System.nanoTime();
    int decoded = decode(tasks, conf);
    double decodeS = seconds(t0);
    System.out.printf("decode: %d frames (RGB) in %d ranges, 1 thread: %.1f s = %.0f frames/s%n", decoded,
        tasks.size(), decodeS, decoded / decodeS);
    t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(cores);
    AtomicInteger total = new AtomicInteger();
    List<Future<Integer>> done = tasks.stream()
        .map(t -> pool.submit(() -> total.addAndGet(decode(List.of(t), conf)))).toList();
    for (Future<Integer> f : done) {
      f.get();
    }
    pool.shutdown();
    double parallelS = seconds(t0);
    System.out.printf("decode: %d frames, %d threads over the ranges: %.1f s = %.0f frames/s%n", total.get(),
        cores, parallelS, total.get() / parallelS);

    SparkSession spark = SparkSession.builder().master("local[*]").appName("bench-video")
        .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate();
    t0 = System.nanoTime();
    JobSummary summary = PoseJob.run(spark, JobSpecLoader.parse("""
        name: bench-video
        input: {paths: [%s], kind: video}
        model: {pose: %s}
        execution: {device: cpu, framesPerTask: %d}
        output: {path: %s}
        """.formatted(work.resolve("in"), model, framesPerTask, work.resolve("out")), List.of()));
    double jobS = seconds(t0);
    System.out.printf("job:    %d frames (%d errors), %d persons, %d range tasks, %s: %.1f s = %.1f frames/s "
        + "(incl. listing, probe job, model load, Parquet, results.json)%n", summary.frames(), summary.errors(),
        summary.persons(), tasks.size(), model, jobS, summary.frames() / jobS);
    spark.stop();
  }

  private static int decode(List<FrameTask> tasks, Configuration conf) {
    VideoRangeDecoder decoder = new VideoRangeDecoder(conf);
    int n = 0;
    for (FrameTask t : tasks) {
      Iterator<DecodedFrame> it = decoder.frames(t);
      while (it.hasNext()) {
        n += it.next().isOk() ? 1 : 0;
      }
    }
    return n;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
