package ai.posespark.source;

/**
 * One frame to process, as listed on the driver and shipped to an executor.
 *
 * @param uri        fully qualified Hadoop URI of the file ({@code file:/…}, {@code hdfs://…}, {@code s3a://…})
 * @param frameIndex frame number within the file (0 for still images)
 * @param frameId    stable id, {@link FrameIds#of(String, int)}
 * @param bytes      file size, the cost estimate used to balance partitions
 */
public record FrameTask(String uri, int frameIndex, long frameId, long bytes) implements java.io.Serializable {}
