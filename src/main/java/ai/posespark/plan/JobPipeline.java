package ai.posespark.plan;

import ai.posespark.data.FileNameIndex;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.model.ModelCatalog;
import ai.posespark.pipeline.PipelineException;
import ai.posespark.pipeline.PipelinePlan;
import ai.posespark.pipeline.Pipelines;
import ai.posespark.pipeline.RunSettings;
import ai.posespark.source.HadoopConf;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;

/**
 * The pipeline a job file's {@code model} keys describe, resolved against its model catalog, and what the
 * executors need to run it. What the model keys get wrong fails as a {@link JobSpecException} naming the key.
 */
public final class JobPipeline {
  private JobPipeline() {}

  /**
   * The job's pipeline resolved against the job's catalog ({@link #catalog}).
   *
   * @param imageIds the ground truth's file name → image id index (detection files are keyed by image id), or null
   */
  public static PipelinePlan plan(JobSpec spec, FileNameIndex imageIds) {
    ModelCatalog catalog = catalog(spec);
    TorchScriptTrust.check(spec, catalog);
    try {
      return Pipelines.plan(spec.model().pipelineSettings(spec.input().detections(), imageIds), catalog);
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
    } catch (IOException e) {
      throw new JobSpecException("model.catalog", e.getMessage());
    }
  }

  /** What the executors need of {@code spec} to run {@code plan}'s frames (the loop benchmark builds the same). */
  public static RunSettings settings(JobSpec spec, PipelinePlan plan, Configuration conf) {
    return new RunSettings(spec.name(), plan, spec.execution().batchSize(), spec.execution().device(),
        new HadoopConf(conf), spec.input().limits(), spec.input().reducedDecode(), spec.execution().prefetch());
  }
}
