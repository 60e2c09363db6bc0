package ai.posespark.job;

import static org.apache.spark.sql.functions.col;

import ai.posespark.data.FileNameIndex;
import ai.posespark.eval.EvalReport;
import ai.posespark.eval.Evaluator;
import ai.posespark.eval.GroundTruth;
import ai.posespark.eval.ResultsEvaluation;
import ai.posespark.model.ModelCatalog;
import ai.posespark.pipeline.PartitionRunner;
import ai.posespark.pipeline.PipelineException;
import ai.posespark.pipeline.PipelinePlan;
import ai.posespark.pipeline.Pipelines;
import ai.posespark.pipeline.RunSettings;
import ai.posespark.report.RunFinish;
import ai.posespark.sink.DeltaSink;
import ai.posespark.sink.OutputSchema;
import ai.posespark.sink.ParquetSink;
import ai.posespark.sink.ResultsJsonWriter;
import ai.posespark.sink.RunTables;
import ai.posespark.source.CostPartitioner;
import ai.posespark.source.FileVersions;
import ai.posespark.source.FrameLister;
import ai.posespark.source.FrameTask;
import ai.posespark.source.HadoopConf;
import ai.posespark.source.ListingReport;
import ai.posespark.source.VideoLister;
import ai.posespark.track.TrackingStage;
import ai.posespark.train.TrainJob;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver side of a run: plan the pipeline, prepare the run folder for {@code output.mode}, list frames and
 * leave out those the tables hold (append, resume), spread the rest over partitions by cost, run
 * {@link PartitionRunner} on the executors chunk by chunk, committing each chunk's tables, then write
 * {@code results.json} and the evaluation over the whole run.
 */
public final class PoseJob {
  private static final Logger LOG = LoggerFactory.getLogger(PoseJob.class);
  private static final StructType INPUT_VERSIONS = new StructType().add("uri", DataTypes.StringType, false)
      .add("version", DataTypes.StringType, false);

  private PoseJob() {}

  /** Runs {@code spec} on {@code spark}; throws {@link JobSpecException} for what the job file got wrong. */
  public static JobSummary run(SparkSession spark, JobSpec spec) throws IOException {
    long start = System.nanoTime();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String runDir = qualify(spec.runDir(), conf);
    if (spec.input().kind() == InputSpec.Kind.RESULTS) {
      return evaluateResults(spark, spec, runDir, start);
    }
    if (spec.input().kind() == InputSpec.Kind.TRAIN) {
      RunFolder folder = RunFolder.prepare(spec, runDir, List.of(), conf);
      JobSummary trained = TrainJob.run(spark, spec, folder.workDir(), runDir);
      folder.commit();
      return RunFinish.finish(spark, spec, trained);
    }
    // read once, before the expensive part: a ground truth that does not fit the metrics fails the job here
    GroundTruth gt = spec.input().annotations() == null ? null : GroundTruth.load(spec.input().annotations(),
        spec.input().annotationsFormat(), spec.evaluation().metrics(), conf);
    FileNameIndex imageIds = GroundTruthImageIds.index(gt);
    PipelinePlan plan = plan(spec, imageIds);
    RunSettings settings = new RunSettings(spec.name(), plan, spec.execution().batchSize(), spec.execution().device(),
        new HadoopConf(conf), spec.input().limits(), spec.input().reducedDecode(), spec.execution().prefetch());
    RunFolder folder = RunFolder.prepare(spec, runDir, settings.stages(), conf);
    String workDir = folder.workDir();
    RunTables sink = tables(spark, spec, workDir, conf);
    List<Integer> committed = sink.recover();

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    ListingReport listing = new ListingReport();
    List<FrameTask> listed = listTasks(jsc, spec, conf, listing);
    GroundTruthImageIds.reportUnlisted(gt, listed, listing);
    Map<String, String> versions = FileVersions.of(spec.input().paths(), conf);
    PriorFrames prior = spec.output().mode().incremental() && !committed.isEmpty()
        ? PriorFrames.of(sink.readFrames(spark), sink.readInputs(spark)) : PriorFrames.none();
    PriorFrames.Selection selection = prior.select(listed, spec.execution().retryErrors(), versions);
    if (!selection.redo().isEmpty()) {
      sink.remove(spark, spark.createDataset(selection.redo(), Encoders.LONG()).toDF("frame_id"));
    }
    List<FrameTask> tasks = selection.todo();
    // a video range task produces a row per sampled frame
    int frames = tasks.stream().mapToInt(FrameTask::frameCount).sum();
    int partitions = spec.execution().partitions() != null ? spec.execution().partitions()
        : defaultPartitions(frames, jsc.defaultParallelism());
    List<List<FrameTask>> parts = tasks.isEmpty() ? List.of() : CostPartitioner.split(tasks, partitions);
    // tracking regroups a video's rows across all tasks: such a run commits once
    List<List<List<FrameTask>>> chunks = spec.tracking().enabled() ? List.of(parts)
        : ChunkPlan.split(parts, spec.output().chunkFrames(), jsc.defaultParallelism());
    LOG.info("{}: {} frames ({} tasks) in {} partitions and {} chunks, pipeline {} ({}), stages {}; {} frames "
        + "skipped (already in {})", spec.name(), frames, tasks.size(), parts.size(), parts.isEmpty() ? 0
        : chunks.size(), spec.model().pipeline(), plan.model(), plan.stages(), selection.skipped(), workDir);

    int next = committed.isEmpty() ? 1 : committed.get(committed.size() - 1) + 1;
    CollectionAccumulator<String> loads = spark.sparkContext().collectionAccumulator("posespark.modelLoads");
    try (RunProgress progress = new RunProgress(spark.sparkContext(), spec.name(), frames);
         ChunkCommits commits = new ChunkCommits(spark.sparkContext(), sink, folder, chunks.size())) {
      for (List<List<FrameTask>> chunk : chunks) {
        if (chunk.isEmpty()) {
          continue;
        }
        Dataset<Row> estimated = infer(spark, jsc, chunk, settings, new PartitionRunner(settings,
            progress.counter(), loads));
        Dataset<Row> inference = estimated;
        if (spec.tracking().enabled()) {
          // a video's frames come from many tasks: regroup them by video, in frame order, for one tracker each
          inference = TrackingStage.apply(estimated, spec.tracking().settings(), spec.execution().frameStride())
              .persist(StorageLevel.MEMORY_AND_DISK());
        }
        commits.commit(inference, inputs(spark, chunk, versions), next++,
            chunk.stream().flatMap(List::stream).mapToInt(FrameTask::frameCount).sum());
        inference.unpersist();
        estimated.unpersist();
      }
    }
    LOG.info("{}: inference and tables done after {} s", spec.name(), seconds(start));
    Dataset<Row> persons = sink.readPersons(spark).where(col("run").equalTo(spec.name()));
    ResultsJsonWriter.write(persons, workDir + "/results.json", conf, GroundTruthImageIds.resolver(imageIds),
        spec.model().minKeypointScore());
    LOG.info("{}: results.json done after {} s", spec.name(), seconds(start));
    RunTotals totals = RunTotals.of(sink.readFrames(spark), settings);
    LOG.info("{}: mean ms per ok frame: {}", spec.name(), totals.stageMeans());
    EvalReport report = null;
    if (!spec.evaluation().metrics().isEmpty()) {
      report = Evaluator.evaluate(spark, persons, gt, spec.evaluation().metrics(), workDir + "/eval",
          spec.model().minKeypointScore(), spec.evaluation().posetrack());
      LOG.info("{}", report);
    }
    folder.commit();
    JobSummary summary = new JobSummary(runDir, totals.frames(), totals.errors(), totals.persons(),
        (System.nanoTime() - start) / 1e9, totals.modelMs(), report,
        new RunIncrement(frames, selection.skipped(), selection.redo().size(), perExecutor(loads.value())), listing);
    return RunFinish.finish(spark, spec, summary);
  }

  /** The run's tables in {@code output.format}. */
  private static RunTables tables(SparkSession spark, JobSpec spec, String dir, Configuration conf)
      throws IOException {
    if (spec.output().format() == OutputSpec.Format.PARQUET) {
      return new ParquetSink(dir, conf);
    }
    if (!DeltaSink.configured(spark)) {
      throw new JobSpecException("output.format", "'delta' needs a Spark session started with "
          + "spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension and spark.sql.catalog.spark_catalog="
          + "org.apache.spark.sql.delta.catalog.DeltaCatalog (scripts/submit.sh sets both)");
    }
    return new DeltaSink(dir, conf, spark);
  }

  /** The versions of a chunk's input files, recorded with it. */
  private static Dataset<Row> inputs(SparkSession spark, List<List<FrameTask>> parts, Map<String, String> versions) {
    List<Row> rows = parts.stream().flatMap(List::stream).map(FrameTask::uri).distinct()
        .map(uri -> RowFactory.create(uri, versions.getOrDefault(uri, ""))).toList();
    return spark.createDataFrame(rows, INPUT_VERSIONS);
  }

  /** Each executor's last reported model loads ({@code id=count}, counts only grow): the largest. */
  private static Map<String, Long> perExecutor(List<String> reports) {
    Map<String, Long> loads = new TreeMap<>();
    for (String r : reports) {
      int eq = r.lastIndexOf('=');
      loads.merge(r.substring(0, eq), Long.parseLong(r.substring(eq + 1)), Math::max);
    }
    return loads;
  }

  /** The inference rows of one chunk's partitions, persisted: both tables are written from them. */
  private static Dataset<Row> infer(SparkSession spark, JavaSparkContext jsc, List<List<FrameTask>> parts,
                                    RunSettings settings, PartitionRunner runner) {
    JavaRDD<Row> rows = jsc.parallelize(parts, parts.size())
        .flatMap(List::iterator)
        .mapPartitions(runner);
    return spark.createDataFrame(rows, OutputSchema.inference(settings.stages()))
        .persist(StorageLevel.MEMORY_AND_DISK());
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
        throw new JobSpecException("input.paths", "matched no image files (input.extensions "
            + spec.input().extensions() + "; " + listing + ")");
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

  /** {@code input.kind: results}: evaluates an existing results file, no model run. */
  private static JobSummary evaluateResults(SparkSession spark, JobSpec spec, String runDir, long start)
      throws IOException {
    RunFolder folder = RunFolder.prepare(spec, runDir, List.of(), spark.sparkContext().hadoopConfiguration());
    EvalReport report = ResultsEvaluation.evaluateResultsFile(spark, spec.input().paths().get(0),
        spec.input().annotations(), spec.input().annotationsFormat(), spec.evaluation().metrics(),
        folder.workDir() + "/eval");
    folder.commit();
    LOG.info("{}", report);
    return RunFinish.finish(spark, spec, new JobSummary(runDir, 0, 0, 0, (System.nanoTime() - start) / 1e9, 0,
        report));
  }

  /**
   * The checks that need no Spark (pipeline, models, decoders, grouping): run before a session starts so a bad job
   * file fails in a second, naming its key.
   */
  public static void checkBeforeStart(JobSpec spec) {
    if (spec.input().kind() == InputSpec.Kind.TRAIN) {
      TrainJob.model(spec);
    } else if (spec.input().kind() != InputSpec.Kind.RESULTS) {
      plan(spec, null);
    }
  }

  /**
   * The job's pipeline resolved against the bundled catalog; what the model keys get wrong names its key.
   *
   * @param imageIds the ground truth's file name → image id index (detection files are keyed by image id), or null
   */
  public static PipelinePlan plan(JobSpec spec, FileNameIndex imageIds) {
    try {
      return Pipelines.standard().plan(spec.model().pipelineSettings(spec.input().detections(), imageIds),
          ModelCatalog.bundled());
    } catch (PipelineException e) {
      throw new JobSpecException(e.key(), e.reason());
    }
  }

  private static String seconds(long startNanos) {
    return String.format("%.1f", (System.nanoTime() - startNanos) / 1e9);
  }

  private static String qualify(String path, Configuration conf) throws IOException {
    Path p = new Path(path);
    return p.getFileSystem(conf).makeQualified(p).toString();
  }

  /**
   * Partitions when the job file sets none: at least 2 tasks per core for balance, at most ~256 frames per task so
   * progress and retries stay fine, and a whole number of waves over the cores: 5 partitions on 2 cores would
   * leave one core idle through the last wave (1,200 frames: 5 → 6).
   */
  static int defaultPartitions(int frames, int parallelism) {
    int cores = Math.max(1, parallelism);
    int wanted = Math.max(cores * 2, (frames + 255) / 256);
    return (wanted + cores - 1) / cores * cores;
  }
}
