package ai.posespark.job;

import ai.posespark.model.ModelEntry;
import ai.posespark.source.HadoopConf;

/**
 * Everything an executor needs to run inference on its frames, resolved on the driver.
 *
 * @param run            run name (the job's {@code name})
 * @param model          catalog entry of the pose model
 * @param modelLocation  where executors read the model (local path or Hadoop URI)
 * @param batchSize      frames per model call
 * @param device         execution.device
 * @param minPersonScore people below this are dropped
 * @param hadoop         Hadoop settings for reading frames and staging models
 */
public record InferenceSettings(String run, ModelEntry model, String modelLocation, int batchSize,
                                ExecutionSpec.Device device, double minPersonScore, HadoopConf hadoop)
    implements java.io.Serializable {}
