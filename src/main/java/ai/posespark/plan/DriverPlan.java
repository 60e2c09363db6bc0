package ai.posespark.plan;

import static org.apache.spark.sql.functions.col;

import ai.posespark.eval.GroundTruth;
import ai.posespark.jobfile.ExecutionSpec;
import ai.posespark.jobfile.InputSpec;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.sink.Columns;
import ai.posespark.sink.RunTables;
import ai.posespark.source.CostPartitioner;
import ai.posespark.source.FileVersions;
import ai.posespark.source.FrameLister;
import ai.posespark.source.FrameTask;
import ai.posespark.source.HadoopConf;
import ai.posespark.source.ListingReport;
import ai.posespark.source.VideoLister;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RunPlan} listed on the driver ({@code input.listing: driver}, small image inputs under {@code auto}, and
 * every video input): every task in a list, the file versions in a map, the prior frames as sorted id arrays
 * ({@link PriorFrames}), partitions balanced exactly by bytes ({@link CostPartitioner}, LPT).
 */
public final class DriverPlan implements RunPlan {
  private static final Logger LOG = LoggerFactory.getLogger(DriverPlan.class);

  private final SparkSession spark;
  private final List<List<List<FrameTask>>> chunks;
  private final Map<String, String> versions;
  private final long frames;
  private final long tasks;
  private final int partitions;
  private final long skipped;
  private final long redone;

  private DriverPlan(SparkSession spark, List<List<List<FrameTask>>> chunks, Map<String, String> versions,
      long tasks, long skipped, long redone) {
    this.spark = spark;
    this.chunks = chunks;
    this.versions = versions;
    this.frames = chunks.stream().flatMap(List::stream).flatMap(List::stream).mapToLong(FrameTask::frameCount).sum();
    this.tasks = tasks;
    this.partitions = chunks.stream().mapToInt(List::size).sum();
    this.skipped = skipped;
    this.redone = redone;
  }

  /**
   * Lists {@code spec}'s inputs, leaves out or redoes what {@code prior}'s tables hold (removing the rows of frames
   * redone), and plans partitions and chunks.
   *
   * @param prior   the run folder's tables when they hold committed chunks of an incremental run, else null
   * @param gt      the ground truth, whose images not listed are counted in {@code listing}; or null
   * @param listing what the listing left out
   */
  public static DriverPlan of(SparkSession spark, JobSpec spec, RunTables prior, GroundTruth gt,
      ListingReport listing) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<FrameTask> listed = listTasks(jsc, spec, conf, listing);
    GroundTruthImageIds.reportUnlisted(gt, listed, listing);
    Map<String, String> versions = FileVersions.of(spec.input().paths(), conf);
    PriorFrames frames = prior == null ? PriorFrames.none()
        : PriorFrames.of(prior.readFrames(spark), prior.readInputs(spark));
    PriorFrames.Selection selection = frames.select(listed, spec.execution().retryErrors(), versions);
    if (!selection.redo().isEmpty() || !selection.replaced().isEmpty()) {
      Dataset<Row> ids = spark.createDataset(selection.redo(), Encoders.LONG()).toDF(Columns.FRAME_ID);
      if (!selection.replaced().isEmpty()) {
        // a replaced video's frames past its new end are in no task: its rows go by URI
        ids = ids.union(prior.readFrames(spark).where(col(Columns.URI).isin(selection.replaced().toArray()))
            .select(Columns.FRAME_ID)).distinct();
      }
      prior.remove(spark, ids);
    }
    List<FrameTask> todo = selection.todo();
    // a video range task produces a row per sampled frame
    int count = todo.stream().mapToInt(FrameTask::frameCount).sum();
    int n = spec.execution().partitions() != null ? spec.execution().partitions()
        : RunPlan.defaultPartitions(count, jsc.defaultParallelism());
    List<List<FrameTask>> parts = todo.isEmpty() ? List.of() : CostPartitioner.split(todo, n);
    // tracking regroups a video's rows across all tasks: such a run commits once
    List<List<List<FrameTask>>> chunks = spec.tracking().enabled() ? List.of(parts)
        : ChunkPlan.split(parts, spec.output().chunkFrames(), jsc.defaultParallelism());
    chunks = chunks.stream().filter(c -> !c.isEmpty()).toList();
    return new DriverPlan(spark, chunks, versions, todo.size(), selection.skipped(), selection.redo().size());
  }

  /**
   * The tasks of the job's inputs: a task per image, or for {@code input.kind: video} the probed videos' frame
   * ranges, numbered-image folders' frames and single images.
   */
  private static List<FrameTask> listTasks(JavaSparkContext jsc, JobSpec spec, Configuration conf,
      ListingReport listing) throws IOException {
    List<String> paths = spec.input().paths();
    if (spec.input().kind() != InputSpec.Kind.VIDEO) {
      List<FrameTask> tasks = FrameLister.list(paths, conf, spec.input().extensions(), listing);
      if (!listing.isEmpty()) {
        LOG.warn("{}: {}", spec.name(), listing);
      }
      if (tasks.isEmpty()) {
        throw noImages(spec, listing);
      }
      return tasks;
    }
    ExecutionSpec exec = spec.execution();
    List<FrameTask> tasks = VideoLister.tasks(jsc, paths, new HadoopConf(conf), exec.framesPerTask(),
        exec.frameStride());
    if (tasks.isEmpty()) {
      throw new JobSpecException("input.paths", "matched no video or image files (" + VideoLister.VIDEO_EXTENSIONS
          + ", " + FrameLister.IMAGE_EXTENSIONS + ")");
    }
    return tasks;
  }

  /** An image input that lists no file to run. */
  static JobSpecException noImages(JobSpec spec, ListingReport listing) {
    return new JobSpecException("input.paths", "matched no image files (input.extensions "
        + spec.input().extensions() + "; " + listing + ")");
  }

  @Override
  public long frames() {
    return frames;
  }

  @Override
  public long tasks() {
    return tasks;
  }

  @Override
  public int partitions() {
    return partitions;
  }

  @Override
  public long skipped() {
    return skipped;
  }

  @Override
  public long redone() {
    return redone;
  }

  @Override
  public int chunks() {
    return chunks.size();
  }

  @Override
  public long frames(int k) {
    return chunks.get(k).stream().flatMap(List::stream).mapToLong(FrameTask::frameCount).sum();
  }

  @Override
  public JavaRDD<FrameTask> tasks(int k) {
    List<List<FrameTask>> parts = chunks.get(k);
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(parts, parts.size())
        .flatMap(List::iterator);
  }

  @Override
  public Dataset<Row> inputs(int k) {
    List<Row> rows = chunks.get(k).stream().flatMap(List::stream).map(FrameTask::uri).distinct()
        .map(uri -> RowFactory.create(uri, versions.getOrDefault(uri, ""))).toList();
    return spark.createDataFrame(rows, INPUT_VERSIONS);
  }
}
