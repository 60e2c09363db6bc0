/**
 * The seam every family plugs into: a {@code PosePipeline} turns a batch of decoded frames into people per frame.
 * {@code Pipelines} maps {@code model.pipeline} names to factories that check the job's model keys on the driver and
 * return a serializable {@code PipelinePlan}; on each executor the plan opens a pipeline from cached models.
 * {@code WholeFrameModel} is the whole-frame loop (prepare → {@code ModelStage} batches → outputs read into frame
 * pixels) shared by {@code WholeFramePipeline} and {@code ModelDetector}; {@code TopDownPipeline} adds crops, pose NMS
 * and refinement. {@code PartitionRunner} is the executor loop every pipeline shares: read, decode (prefetched),
 * batch, run, rows, errors and per-stage timings.
 */
package ai.posespark.pipeline;
