package ai.posespark.run;

import static org.apache.spark.sql.functions.col;

import ai.posespark.data.FileNameIndex;
import ai.posespark.eval.EvalReport;
import ai.posespark.eval.EvalSettings;
import ai.posespark.eval.Evaluator;
import ai.posespark.eval.GroundTruth;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.jobfile.OutputSpec;
import ai.posespark.pipeline.InflightMarkers;
import ai.posespark.pipeline.PartitionRunner;
import ai.posespark.pipeline.PipelinePlan;
import ai.posespark.pipeline.RunSettings;
import ai.posespark.plan.GroundTruthImageIds;
import ai.posespark.plan.JobPipeline;
import ai.posespark.plan.RunPlan;
import ai.posespark.report.JobSummary;
import ai.posespark.report.RunFinish;
import ai.posespark.report.RunIncrement;
import ai.posespark.sink.Columns;
import ai.posespark.sink.DeltaSink;
import ai.posespark.sink.OutputSchema;
import ai.posespark.sink.ParquetSink;
import ai.posespark.sink.ResultsJsonWriter;
import ai.posespark.sink.RunTables;
import ai.posespark.source.FrameTask;
import ai.posespark.source.ListingReport;
import ai.posespark.track.TrackingStage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inference run ({@code input.kind} images or video), on the driver: list → infer → track → commit → evaluate.
 * It plans the pipeline, prepares the run folder for {@code output.mode}, lists frames and leaves out those the
 * tables hold (append, resume), spreads the rest over partitions by cost, runs {@link PartitionRunner} on the
 * executors chunk by chunk, committing each chunk's tables, then writes {@code results.json} and the evaluation
 * over the whole run.
 */
final class InferenceRun {
  private static final Logger LOG = LoggerFactory.getLogger(InferenceRun.class);

  private InferenceRun() {}

  /** Runs {@code spec}, an {@code input.kind} of images or video. */
  static JobSummary run(SparkSession spark, JobSpec spec, String runDir) throws IOException {
    long start = System.nanoTime();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    // read once, before the expensive part: a ground truth that does not fit the metrics fails the job here
    GroundTruth gt = spec.input().annotations() == null ? null : GroundTruth.load(spec.input().annotations(),
        spec.input().annotationsFormat(), spec.evaluation().metrics(), conf);
    FileNameIndex imageIds = GroundTruthImageIds.index(gt);
    PipelinePlan plan = JobPipeline.plan(spec, imageIds);
    RunSettings settings = JobPipeline.settings(spec, plan, conf);
    RunFolder folder = RunFolder.prepare(spec, runDir, settings.stages(), conf);
    String workDir = folder.workDir();
    RunTables sink = tables(spark, spec, workDir, conf);
    List<Integer> committed = sink.recover();
    int died = InflightMarkers.of(workDir, conf).adoptLeftovers();
    if (died > 0) {
      LOG.warn("{}: {} frames were being decoded when the run before ended: they get error rows", spec.name(), died);
    }

    ListingReport listing = new ListingReport();
    RunTables prior = spec.output().mode().incremental() && !committed.isEmpty() ? sink : null;
    RunPlan run = RunPlan.of(spark, spec, prior, gt, listing);
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
            progress.counter(), loads, workDir));
        Dataset<Row> inference = estimated;
        if (spec.tracking().enabled()) {
          // a video's frames come from many tasks: regroup them by video, in frame order, for one tracker each
          inference = TrackingStage.apply(estimated, spec.tracking(), spec.execution().frameStride())
              .persist(StorageLevel.MEMORY_AND_DISK());
        }
        commits.commit(inference, run.inputs(k), next++, run.frames(k));
        inference.unpersist();
        estimated.unpersist();
      }
    }
    LOG.info("{}: inference and tables done after {} s", spec.name(), seconds(start));
    Dataset<Row> persons = sink.readPersons(spark).where(col(Columns.RUN).equalTo(spec.name()));
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

  /** The inference rows of one chunk's tasks (a partition per planned one), persisted: both tables come from them. */
  private static Dataset<Row> infer(SparkSession spark, JavaRDD<FrameTask> tasks, RunSettings settings,
                                    PartitionRunner runner) {
    JavaRDD<Row> rows = tasks.mapPartitions(runner);
    return spark.createDataFrame(rows, OutputSchema.inference(settings.stages()))
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  private static String seconds(long startNanos) {
    return String.format("%.1f", (System.nanoTime() - startNanos) / 1e9);
  }
}
