package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDManager;

/**
 * What a kernel may use during one run.
 *
 * @param manager the run's manager: arrays a kernel creates from scratch ({@code manager.create}) go here, and
 *     everything still attached to it is freed when the run ends
 */
public record RunContext(NDManager manager) {}
