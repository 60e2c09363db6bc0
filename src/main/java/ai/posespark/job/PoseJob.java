package ai.posespark.job;

import static org.apache.spark.sql.functions.col;

import ai.posespark.data.FileNameIndex;
import ai.posespark.eval.EvalReport;
import ai.posespark.eval.EvalSettings;
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
import ai.posespark.source.ExecutorListing;
import ai.posespark.source.FrameTask;
import ai.posespark.source.HadoopConf;
import ai.posespark.source.ListingReport;
import ai.posespark.track.TrackingStage;
import ai.posespark.train.TrainJob;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
  private static final String DISCOVERY_THRESHOLD = "spark.sql.sources.parallelPartitionDiscovery.threshold";

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
    RunSettings settings = settings(spec, plan, conf);
    RunFolder folder = RunFolder.prepare(spec, runDir, settings.stages(), conf);
    String workDir = folder.workDir();
    RunTables sink = tables(spark, spec, workDir, conf);
    List<Integer> committed = sink.recover();

    ListingReport listing = new ListingReport();
    RunTables prior = spec.output().mode().incremental() && !committed.isEmpty() ? sink : null;
    RunPlan run = plan(spark, spec, prior, gt, listing);
    long frames = run.frames();
    LOG.info("{}: {} frames ({} tasks) in {} partitions and {} chunks, pipeline {} ({}), stages {}; {} frames "
        + "skipped (already in {})", spec.name(), frames, run.tasks(), run.partitions(), run.chunks(),
        spec.model().pipeline(), plan.model(), plan.stages(), run.skipped(), workDir);

    int next = committed.isEmpty() ? 1 : committed.get(committed.size() - 1) + 1;
    CollectionAccumulator<String> loads = spark.sparkContext().collectionAccumulator("posespark.modelLoads");
    try (RunProgress progress = new RunProgress(spark.sparkContext(), spec.name(), (int) frames);
         ChunkCommits commits = new ChunkCommits(spark.sparkContext(), sink, folder, run.chunks())) {
      for (int k = 0; k < run.chunks(); k++) {
        Dataset<Row> estimated = infer(spark, run.tasks(k), settings, new PartitionRunner(settings,
            progress.counter(), loads));
        Dataset<Row> inference = estimated;
        if (spec.tracking().enabled()) {
          // a video's frames come from many tasks: regroup them by video, in frame order, for one tracker each
          inference = TrackingStage.apply(estimated, spec.tracking().settings(), spec.execution().frameStride())
              .persist(StorageLevel.MEMORY_AND_DISK());
        }
        commits.commit(inference, run.inputs(k), next++, run.frames(k));
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
          new EvalSettings(spec.model().minKeypointScore(), spec.evaluation().posetrack()));
      LOG.info("{}", report);
    }
    folder.commit();
    JobSummary summary = new JobSummary(runDir, totals.frames(), totals.errors(), totals.persons(),
        (System.nanoTime() - start) / 1e9, totals.modelMs(), report,
        new RunIncrement(frames, run.skipped(), run.redone(), perExecutor(loads.value())), listing);
    return RunFinish.finish(spark, spec, summary);
  }

  /** What the executors need of {@code spec} to run {@code plan}'s frames (the loop benchmark builds the same). */
  public static RunSettings settings(JobSpec spec, PipelinePlan plan, Configuration conf) {
    return new RunSettings(spec.name(), plan, spec.execution().batchSize(), spec.execution().device(),
        new HadoopConf(conf), spec.input().limits(), spec.input().reducedDecode(), spec.execution().prefetch());
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

  /** Each executor's last reported model loads ({@code id=count}, counts only grow): the largest. */
  private static Map<String, Long> perExecutor(List<String> reports) {
    Map<String, Long> loads = new TreeMap<>();
    for (String r : reports) {
      int eq = r.lastIndexOf('=');
      loads.merge(r.substring(0, eq), Long.parseLong(r.substring(eq + 1)), Math::max);
    }
    return loads;
  }

  /**
   * Lists and plans the run: on the executors ({@link ExecutorPlan}) for image inputs when {@code input.listing}
   * says so or, under {@code auto}, when the inputs split into at least Spark's parallel discovery threshold of
   * folders ({@code spark.sql.sources.parallelPartitionDiscovery.threshold}, 32: where Spark's own file sources
   * list with a job); else on the driver ({@link DriverPlan}).
   */
  static RunPlan plan(SparkSession spark, JobSpec spec, RunTables prior, GroundTruth gt, ListingReport listing)
      throws IOException {
    InputSpec input = spec.input();
    if (input.kind() != InputSpec.Kind.IMAGES || input.listing() == InputSpec.Listing.DRIVER) {
      return DriverPlan.of(spark, spec, prior, gt, listing);
    }
    int threshold = Integer.parseInt(spark.conf().get(DISCOVERY_THRESHOLD, "32"));
    int parallelism = spark.sparkContext().defaultParallelism();
    ExecutorListing units = ExecutorListing.plan(spark, input.paths(), spark.sparkContext().hadoopConfiguration(),
        input.extensions(), Math.max(threshold, parallelism * 4));
    if (input.listing() == InputSpec.Listing.AUTO && units.folders() < threshold) {
      return DriverPlan.of(spark, spec, prior, gt, listing);
    }
    return ExecutorPlan.of(spark, spec, units, prior, gt, listing);
  }

  /** The inference rows of one chunk's tasks (a partition per planned one), persisted: both tables come from them. */
  private static Dataset<Row> infer(SparkSession spark, JavaRDD<FrameTask> tasks, RunSettings settings,
                                    PartitionRunner runner) {
    JavaRDD<Row> rows = tasks.mapPartitions(runner);
    return spark.createDataFrame(rows, OutputSchema.inference(settings.stages()))
        .persist(StorageLevel.MEMORY_AND_DISK());
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
   * The job's pipeline resolved against the job's catalog ({@link #catalog}); what the model keys get wrong
   * names its key.
   *
   * @param imageIds the ground truth's file name → image id index (detection files are keyed by image id), or null
   */
  public static PipelinePlan plan(JobSpec spec, FileNameIndex imageIds) {
    try {
      return Pipelines.plan(spec.model().pipelineSettings(spec.input().detections(), imageIds),
          catalog(spec));
    } catch (PipelineException e) {
      throw new JobSpecException(e.key(), e.reason());
    }
  }

  /** The bundled catalog, with the job's own catalog file ({@code model.catalog}) laid over it. */
  public static ModelCatalog catalog(JobSpec spec) {
    String own = spec.model() == null ? null : spec.model().catalog();
    if (own == null || own.isBlank()) {
      return ModelCatalog.bundled();
    }
    try {
      return ModelCatalog.bundled().withUserFile(own, new Configuration());
    } catch (java.io.IOException e) {
      throw new JobSpecException("model.catalog", e.getMessage());
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
