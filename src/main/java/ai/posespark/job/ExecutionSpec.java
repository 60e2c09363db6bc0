package ai.posespark.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Job key {@code execution}.
 *
 * @param batchSize  frames decoded and sent to the model together (default 8)
 * @param device     {@code auto} takes a GPU when the executor has one, else the CPU
 * @param partitions number of Spark partitions for inference; null = about 2 per core of the cluster
 */
public record ExecutionSpec(Integer batchSize, Device device, Integer partitions) implements java.io.Serializable {

  public ExecutionSpec {
    batchSize = batchSize == null ? 8 : batchSize;
    device = device == null ? Device.AUTO : device;
  }

  static ExecutionSpec defaults() {
    return new ExecutionSpec(null, null, null);
  }

  /** Where models run. */
  public enum Device {
    @JsonProperty("auto") AUTO,
    @JsonProperty("cpu") CPU,
    @JsonProperty("gpu") GPU
  }
}
