package ai.posespark.jobfile;

import ai.posespark.track.TrackingSettings;

/**
 * A validated job file: what to read, which model to run, how, where to write and what to evaluate.
 * Bound from YAML by {@link JobSpecLoader}; every key is documented in README.md ("Job file").
 *
 * @param name       run name; output goes to {@code <output.path>/<name>/}
 * @param input      what to read
 * @param model      which pipeline and models to run
 * @param execution  batch size, device, partitioning
 * @param tracking   video tracking: the switch and PoseFlow's constants
 * @param output     where and how to write
 * @param evaluation which metrics to compute against {@code input.annotations}
 * @param train      fine-tuning settings for {@code input.kind: train} (null: defaults)
 */
public record JobSpec(
    String name,
    InputSpec input,
    ModelSpec model,
    ExecutionSpec execution,
    TrackingSettings tracking,
    OutputSpec output,
    EvaluationSpec evaluation,
    TrainSpec train) implements java.io.Serializable {

  public JobSpec {
    execution = execution == null ? ExecutionSpec.defaults() : execution;
    tracking = tracking == null ? TrackingSettings.DEFAULTS : tracking;
    output = output == null ? new OutputSpec(null, null, null, null) : output;
    evaluation = evaluation == null ? new EvaluationSpec(null, null) : evaluation;
    train = (train == null ? new TrainSpec(null, null, null, null, null, null, null, null, null, null, null) : train)
        .orDefaults();
  }

  /** The folder this run writes to: {@code <output.path>/<name>}. */
  public String runDir() {
    String base = output.path();
    return base.endsWith("/") ? base + name : base + "/" + name;
  }
}
