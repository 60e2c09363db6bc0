/**
 * Where frames come from: listing through Hadoop's FileSystem (local, {@code hdfs://}, {@code s3a://}) on the driver
 * ({@code FrameLister}) or the executors ({@code ExecutorListing}), with a {@code ListingReport} of everything left
 * out; videos probed and cut into keyframe ranges; stable frame ids ({@code FrameIds}); {@code FrameTask}s balanced
 * over partitions by cost.
 */
package ai.posespark.source;
