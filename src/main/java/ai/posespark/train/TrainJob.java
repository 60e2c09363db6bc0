package ai.posespark.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.posespark.data.CocoDataset;
import ai.posespark.eval.GroundTruth;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.jobfile.TrainSpec;
import ai.posespark.model.DevicePreference;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.ModelEntry;
import ai.posespark.model.ModelStager;
import ai.posespark.pose.MoveNetCodec;
import ai.posespark.report.JobSummary;
import ai.posespark.report.TrainingOutcome;
import ai.posespark.source.HadoopConf;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code input.kind: train}: fine-tunes {@code model.pose} on {@code input.annotations}. The driver reads the ground
 * truth and splits its images; executors read, crop and augment ({@link CropTask}); the driver trains
 * ({@link PoseTrainer}), scores validation COCO AP (COCO, AIC) or PCKh (MPII, through {@link MpiiTrainingSet})
 * before and after ({@link ValidationScorer}) and writes
 * {@code model/<name>.json} + shard, {@code training.json} and {@code loss.csv} into the run folder.
 */
public final class TrainJob {
  private static final Logger LOG = LoggerFactory.getLogger(TrainJob.class);

  private TrainJob() {}

  /** The model.pose entry, which must be a MoveNet singlepose TF.js graph. */
  public static ModelEntry model(JobSpec spec) {
    ModelEntry entry = ModelCatalog.bundled().resolve(spec.model().pose()).orElseThrow(() -> new JobSpecException(
        "model.pose", "'" + spec.model().pose() + "' is neither a catalog name nor a file named after one"));
    if (!"movenet-single".equals(entry.decoder()) || !"tfjs".equals(entry.format())) {
      throw new JobSpecException("model.pose", "training supports MoveNet singlepose TF.js graphs "
          + "(movenet-lightning, movenet-thunder), not " + entry.name());
    }
    return entry;
  }

  /**
   * Runs the training job, writing into {@code workDir} (the run folder being prepared, swapped in as
   * {@code runDir} once the run commits); the written model is named by its place in {@code runDir}.
   */
  public static JobSummary run(SparkSession spark, JobSpec spec, String workDir, String runDir) throws IOException {
    long start = System.nanoTime();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    TrainSpec t = spec.train();
    GroundTruth gt = GroundTruth.load(spec.input().annotations(), spec.input().annotationsFormat(), List.of(), conf);
    // MPII trains through its COCO-17 form and validates with PCKh; COCO and AIC (converted) with COCO AP
    CocoDataset people;
    ValidationMetric metric;
    if (gt.mpii() != null) {
      people = MpiiTrainingSet.toCoco(gt.mpii());
      metric = new PckhValidation(gt.mpii());
    } else if (gt.coco() != null) {
      people = gt.coco();
      metric = new CocoValidation(gt.coco());
    } else {
      throw new JobSpecException("input.annotations", "training reads COCO-style keypoints (coco, aic) or MPII; "
          + spec.input().annotations() + " is " + gt.format());
    }
    ModelCatalog catalog = ModelCatalog.bundled();
    ModelEntry entry = model(spec);
    java.nio.file.Path modelJson = ModelStager.localize(catalog.locate(entry), conf, ModelCatalog.cacheRoot());
    int size = entry.input().size().get(0);
    List<AnnotatedImage> images = TrainingSet.split(people, spec.input().paths().get(0), t.validationFraction(),
        t.minKeypoints(), t.seed());
    TrainSpec.Augment a = t.augment();
    CropTask task = new CropTask(new HadoopConf(conf), size, t.cropPadding(), t.copies(),
        new Augmentation.Settings(a.flip(), a.scale(), a.rotation(), a.colour()), t.seed());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<CropTask.Result> results = jsc.parallelize(images, Math.max(1, Math.min(images.size(),
        jsc.defaultParallelism()))).map(task::apply).collect();
    List<String> errors = new ArrayList<>();
    List<TrainingSample> train = new ArrayList<>();
    List<CropTask.Result> validation = new ArrayList<>();
    for (CropTask.Result r : results) {
      if (r.error() != null) {
        errors.add(r.image().uri() + ": " + r.error());
        LOG.warn("{}: left out: {}", r.image().uri(), r.error());
      } else if (r.image().train()) {
        train.addAll(r.samples());
      } else {
        validation.add(r);
      }
    }
    if (train.isEmpty()) {
      throw new IllegalStateException(spec.name() + ": no training crops (" + errors.size() + " images unreadable)");
    }
    Device device = device(spec.execution().device());
    FineTuneSettings settings = new FineTuneSettings(t.freeze(), t.learningRate(), t.epochs(), t.batchSize(),
        t.seed(), t.sigma());
    TrainingOutcome outcome;
    try (MoveNetTrainingGraph model = MoveNetTrainingGraph.load(modelJson, t.freeze(), device)) {
      ValidationScorer scorer = new ValidationScorer(validation, new PersonCropper(size, t.cropPadding()),
          new MoveNetCodec(size / 4, t.sigma()), metric);
      List<TrainingSample> held = scorer.samples();
      ValidationMetric.Score before = held.isEmpty() ? null : scorer.score(model);
      PoseTrainer trainer = new PoseTrainer(model, settings);
      List<TrainingReport.EpochFigures> curve = new ArrayList<>();
      LOG.info("{}: training {} weights of {} on {} crops ({} validation people) on {}", spec.name(),
          model.trainable().size(), model.name(), train.size(), held.size(), device);
      trainer.train(train, e -> {
        double validationLoss = held.isEmpty() ? Double.NaN : trainer.loss(held);
        curve.add(new TrainingReport.EpochFigures(e, validationLoss));
        LOG.info("{}: epoch {}: train loss {}, validation loss {}, {} ms", spec.name(), e.epoch(),
            String.format("%.4f", e.meanLoss()), String.format("%.4f", validationLoss),
            String.format("%.0f", e.millis()));
      });
      ValidationMetric.Score after = held.isEmpty() ? null : scorer.score(model);
      String written = writeModel(model, workDir, runDir, conf);
      TrainingReport report = new TrainingReport(written, device.toString(), train.size(), held.size(),
          metric.name(), before, after, curve, errors);
      report.write(workDir, t, conf);
      if (before != null) {
        LOG.info("{}: validation {} -> {}; model {}", spec.name(), before.headline(), after.headline(), written);
      }
      String on = device.isGpu() ? "gpu " + device.getDeviceId() : "cpu";
      outcome = new TrainingOutcome(written, on, train.size(), held.size(), curve.size(),
          curve.get(0).epoch().meanLoss(), curve.get(curve.size() - 1).epoch().meanLoss(),
          before == null ? null : before.headline(), after == null ? null : after.headline(), errors.size());
    }
    return JobSummary.ofTraining(runDir, (System.nanoTime() - start) / 1e9, outcome);
  }

  /**
   * Writes the model locally, then into {@code workDir/model} through Hadoop (any file system); returns its
   * model.json's path in {@code runDir}.
   */
  private static String writeModel(MoveNetTrainingGraph model, String workDir, String runDir, Configuration conf)
      throws IOException {
    java.nio.file.Path local = Files.createTempDirectory("posespark-finetune");
    try {
      java.nio.file.Path json = model.write(local);
      Path target = new Path(workDir + "/model");
      FileSystem fs = target.getFileSystem(conf);
      fs.mkdirs(target);
      try (var files = Files.list(local)) {
        for (java.nio.file.Path f : files.toList()) {
          fs.copyFromLocalFile(true, true, new Path(f.toUri()), new Path(target, f.getFileName().toString()));
        }
      }
      return new Path(new Path(runDir + "/model"), json.getFileName().toString()).toString();
    } finally {
      Files.deleteIfExists(local);
    }
  }

  private static Device device(DevicePreference choice) {
    boolean gpu = Engine.getEngine("PyTorch").getGpuCount() > 0;
    if (choice == DevicePreference.GPU && !gpu) {
      throw new JobSpecException("execution.device", "gpu asked for, but PyTorch sees no CUDA device");
    }
    return gpu && choice != DevicePreference.CPU ? Device.gpu() : Device.cpu();
  }
}
