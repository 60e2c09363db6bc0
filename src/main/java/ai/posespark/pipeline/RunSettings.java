package ai.posespark.pipeline;

import ai.posespark.decode.DecodeTarget;
import ai.posespark.decode.ImageLimits;
import ai.posespark.model.DevicePreference;
import ai.posespark.source.HadoopConf;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything an executor needs to run a job's frames, resolved on the driver.
 *
 * @param run       run name (the job's {@code name})
 * @param plan      the pipeline
 * @param batchSize frames decoded and sent through the pipeline together
 * @param device    {@code execution.device}
 * @param hadoop    Hadoop settings for reading frames and staging models
 * @param limits    what decoding one frame may cost ({@code input.maxPixels}, {@code maxDecodePixels},
 *                  {@code maxFileBytes}, {@code decodeTimeoutMs})
 * @param reducedDecode {@code input.reducedDecode}: JPEGs may decode reduced to the plan's {@link DecodeTarget}
 * @param prefetch  {@code execution.prefetch}: batches decoded ahead of the model per task (0: none)
 */
public record RunSettings(String run, PipelinePlan plan, int batchSize, DevicePreference device, HadoopConf hadoop,
                          ImageLimits limits, boolean reducedDecode, int prefetch) implements java.io.Serializable {

  /** The size frames may be decoded down to, or null for full size. */
  public DecodeTarget decodeTarget() {
    return reducedDecode ? plan.decodeTarget() : null;
  }

  /** Stages the executor loop itself times, before the pipeline's. */
  public static final List<String> LOOP_STAGES = List.of("read", "decode");

  /** Every stage a frame row reports, in column order: the loop's, then the pipeline's. */
  public List<String> stages() {
    return stagesOf(plan);
  }

  /** The stages of a run of {@code plan}. */
  public static List<String> stagesOf(PipelinePlan plan) {
    List<String> all = new ArrayList<>(LOOP_STAGES);
    all.addAll(plan.stages());
    return List.copyOf(all);
  }
}
