package ai.posespark.pipeline;

import ai.djl.Device;
import ai.posespark.decode.DecodeTarget;
import java.io.Serializable;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * A pipeline as the driver resolved it from the job's {@code model.*} keys ({@link Pipelines}): models located,
 * decoders checked, stage names known before Spark starts (they become the frame table's {@code <stage>_ms}
 * columns). It travels to the executors, where {@link #open} builds the pipeline from cached models.
 */
public interface PipelinePlan extends Serializable {

  /** What the frame rows' {@code model} column says, e.g. {@code movenet-multipose}. */
  String model();

  /** This pipeline's stage names, in the order they run. */
  List<String> stages();

  /**
   * The size the pipeline shrinks whole frames to first, when that is all it reads of them (a JPEG may then decode
   * reduced, {@link DecodeTarget}); null when it needs the frame's full resolution (crops).
   */
  default DecodeTarget decodeTarget() {
    return null;
  }

  /** The pipeline on {@code device}; models load once per executor JVM ({@link ai.posespark.model.ModelCache}). */
  PosePipeline open(Device device, Configuration hadoop);
}
