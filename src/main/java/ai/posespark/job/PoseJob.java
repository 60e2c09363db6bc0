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
import ai.posespark.sink.OutputSchema;
import ai.posespark.sink.ParquetSink;
import ai.posespark.sink.ResultsJsonWriter;
import ai.posespark.source.CostPartitioner;
import ai.posespark.source.FrameLister;
import ai.posespark.source.FrameTask;
import ai.posespark.source.HadoopConf;
import ai.posespark.source.VideoLister;
import ai.posespark.track.TrackingStage;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver side of a run: plan the pipeline, list frames, spread them over partitions by cost, run
 * {@link PartitionRunner} on the executors, write the tables, {@code results.json} and the evaluation.
 */
public final class PoseJob {
  private static final Logger LOG = LoggerFactory.getLogger(PoseJob.class);

  private PoseJob() {}

  /** Runs {@code spec} on {@code spark}; throws {@link JobSpecException} for what the job file got wrong. */
  public static JobSummary run(SparkSession spark, JobSpec spec) throws IOException {
    long start = System.nanoTime();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String runDir = qualify(spec.runDir(), conf);
    if (spec.input().kind() == InputSpec.Kind.RESULTS) {
      return evaluateResults(spark, spec, runDir, start);
    }
    prepareOutput(runDir, spec.output().mode(), conf);
    // read once, before the expensive part: a ground truth that does not fit the metrics fails the job here
    GroundTruth gt = spec.input().annotations() == null ? null : GroundTruth.load(spec.input().annotations(),
        spec.input().annotationsFormat(), spec.evaluation().metrics(), conf);
    FileNameIndex imageIds = GroundTruthImageIds.index(gt);
    PipelinePlan plan = plan(spec, imageIds);

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<FrameTask> tasks = listTasks(jsc, spec, conf);
    // a video range task produces a row per sampled frame
    int frames = tasks.stream().mapToInt(FrameTask::frameCount).sum();
    int partitions = spec.execution().partitions() != null ? spec.execution().partitions()
        : defaultPartitions(frames, jsc.defaultParallelism());
    List<List<FrameTask>> parts = CostPartitioner.split(tasks, partitions);
    LOG.info("{}: {} frames ({} tasks) in {} partitions, pipeline {} ({}), stages {}", spec.name(), frames,
        tasks.size(), parts.size(), spec.model().pipeline(), plan.model(), plan.stages());

    RunSettings settings = new RunSettings(spec.name(), plan, spec.execution().batchSize(), spec.execution().device(),
        new HadoopConf(conf));
    Dataset<Row> inference;
    try (RunProgress progress = new RunProgress(spark.sparkContext(), spec.name(), frames)) {
      JavaRDD<Row> rows = jsc.parallelize(parts, parts.size())
          .flatMap(List::iterator)
          .mapPartitions(new PartitionRunner(settings, progress.counter()));
      inference = spark.createDataFrame(rows, OutputSchema.inference(settings.stages()))
          .persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> estimated = inference;
      if (spec.tracking().enabled()) {
        // a video's frames come from many tasks: regroup them by video, in frame order, for one tracker each
        inference = TrackingStage.apply(estimated, spec.tracking().settings(), spec.execution().frameStride())
            .persist(StorageLevel.MEMORY_AND_DISK());
      }
      ParquetSink.write(inference, runDir, saveMode(spec.output().mode()));
      if (estimated != inference) {
        estimated.unpersist();
      }
    }
    LOG.info("{}: inference and tables done after {} s", spec.name(), seconds(start));
    try {
      Dataset<Row> persons = spark.read().parquet(runDir + "/persons")
          .where(col("run").equalTo(spec.name()));
      ResultsJsonWriter.write(persons, runDir + "/results.json", conf, GroundTruthImageIds.resolver(imageIds),
          spec.model().minKeypointScore());
      LOG.info("{}: results.json done after {} s", spec.name(), seconds(start));
      RunTotals totals = RunTotals.of(inference, settings);
      LOG.info("{}: mean ms per ok frame: {}", spec.name(), totals.stageMeans());
      EvalReport report = null;
      if (!spec.evaluation().metrics().isEmpty()) {
        report = Evaluator.evaluate(spark, persons, gt, spec.evaluation().metrics(), runDir + "/eval",
            spec.model().minKeypointScore(), spec.evaluation().posetrack());
        LOG.info("{}", report);
      }
      JobSummary summary = new JobSummary(runDir, totals.frames(), totals.errors(), totals.persons(),
          (System.nanoTime() - start) / 1e9, totals.modelMs(), report);
      return RunFinish.finish(spark, spec, summary);
    } finally {
      inference.unpersist();
    }
  }

  /**
   * The tasks of the job's inputs: a task per image, or for {@code input.kind: video} the probed videos' frame
   * ranges, numbered-image folders' frames and single images.
   */
  private static List<FrameTask> listTasks(JavaSparkContext jsc, JobSpec spec, Configuration conf)
      throws IOException {
    List<String> paths = spec.input().paths();
    if (spec.input().kind() != InputSpec.Kind.VIDEO) {
      List<FrameTask> tasks = FrameLister.list(paths, conf);
      if (tasks.isEmpty()) {
        throw new JobSpecException("input.paths", "matched no image files (" + FrameLister.IMAGE_EXTENSIONS + ")");
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
    prepareOutput(runDir, spec.output().mode(), spark.sparkContext().hadoopConfiguration());
    EvalReport report = ResultsEvaluation.evaluateResultsFile(spark, spec.input().paths().get(0),
        spec.input().annotations(), spec.input().annotationsFormat(), spec.evaluation().metrics(), runDir + "/eval");
    LOG.info("{}", report);
    return RunFinish.finish(spark, spec, new JobSummary(runDir, 0, 0, 0, (System.nanoTime() - start) / 1e9, 0,
        report));
  }

  /**
   * The checks that need no Spark (pipeline, models, decoders, grouping): run before a session starts so a bad job
   * file fails in a second, naming its key.
   */
  public static void checkBeforeStart(JobSpec spec) {
    if (spec.input().kind() != InputSpec.Kind.RESULTS) {
      plan(spec, null);
    }
  }

  /**
   * The job's pipeline resolved against the bundled catalog; what the model keys get wrong names its key.
   *
   * @param imageIds the ground truth's file name → image id index (detection files are keyed by image id), or null
   */
  static PipelinePlan plan(JobSpec spec, FileNameIndex imageIds) {
    try {
      return Pipelines.standard().plan(spec.model().pipelineSettings(spec.input().detections(), imageIds),
          ModelCatalog.bundled());
    } catch (PipelineException e) {
      throw new JobSpecException(e.key(), e.reason());
    }
  }

  private static SaveMode saveMode(OutputSpec.Mode mode) {
    return switch (mode) {
      case APPEND -> SaveMode.Append;
      case ERROR -> SaveMode.ErrorIfExists;
      case OVERWRITE -> SaveMode.Overwrite;
    };
  }

  private static void prepareOutput(String runDir, OutputSpec.Mode mode, Configuration conf) throws IOException {
    Path dir = new Path(runDir);
    FileSystem fs = dir.getFileSystem(conf);
    if (!fs.exists(dir)) {
      return;
    }
    switch (mode) {
      case ERROR -> throw new JobSpecException("output.mode", "'error' and " + runDir + " already exists");
      case OVERWRITE -> fs.delete(dir, true);
      case APPEND -> { }
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
