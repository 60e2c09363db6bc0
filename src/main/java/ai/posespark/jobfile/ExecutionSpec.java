package ai.posespark.jobfile;

import ai.posespark.model.DevicePreference;

/**
 * Job key {@code execution}.
 *
 * @param batchSize     frames decoded and sent to the model together (default 8)
 * @param device        {@code auto} takes a GPU when the executor has one, else the CPU
 * @param partitions    number of Spark partitions for inference; null = about 2 per core of the cluster
 * @param frameStride   video jobs: every n-th frame by the video's own index (default 1, every frame)
 * @param framesPerTask video jobs: target sampled frames per video range task (default 256), cut at keyframes
 * @param retryErrors   {@code output.mode} append / resume: also redo the frames whose row is {@code error}
 * @param prefetch      batches each task reads, decodes and prepares ahead of the model on a thread of its own
 *                      (default 1; 0 decodes on the task's thread, between batches)
 */
public record ExecutionSpec(Integer batchSize, DevicePreference device, Integer partitions, Integer frameStride,
                            Integer framesPerTask, Boolean retryErrors, Integer prefetch)
    implements java.io.Serializable {

  public ExecutionSpec {
    batchSize = batchSize == null ? 8 : batchSize;
    device = device == null ? DevicePreference.AUTO : device;
    frameStride = frameStride == null ? 1 : frameStride;
    framesPerTask = framesPerTask == null ? 256 : framesPerTask;
    retryErrors = retryErrors != null && retryErrors;
    prefetch = prefetch == null ? 1 : prefetch;
  }

  static ExecutionSpec defaults() {
    return new ExecutionSpec(null, null, null, null, null, null, null);
  }
}
