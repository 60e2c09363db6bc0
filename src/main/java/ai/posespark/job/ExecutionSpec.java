package ai.posespark.job;

import ai.posespark.model.DevicePreference;

/**
 * Job key {@code execution}.
 *
 * @param batchSize  frames decoded and sent to the model together (default 8)
 * @param device     {@code auto} takes a GPU when the executor has one, else the CPU
 * @param partitions number of Spark partitions for inference; null = about 2 per core of the cluster
 */
public record ExecutionSpec(Integer batchSize, DevicePreference device, Integer partitions)
    implements java.io.Serializable {

  public ExecutionSpec {
    batchSize = batchSize == null ? 8 : batchSize;
    device = device == null ? DevicePreference.AUTO : device;
  }

  static ExecutionSpec defaults() {
    return new ExecutionSpec(null, null, null);
  }
}
