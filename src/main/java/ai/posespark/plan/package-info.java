/**
 * What a run will do, decided on the driver before any model runs: {@code Preflight} (keys, paths and models
 * checked before Spark starts), {@code JobPipeline} (the job's pipeline resolved against its model catalog),
 * {@code RunPlan} (frames listed on the driver, {@code DriverPlan}, or on the executors, {@code ExecutorPlan}; those
 * the tables hold skipped or redone, {@code PriorFrames}; partitions balanced by cost and cut into committed chunks,
 * {@code ChunkPlan}).
 */
package ai.posespark.plan;
