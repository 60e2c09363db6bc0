/**
 * The job file: one record per key group ({@code JobSpec} → {@code InputSpec}, {@code ModelSpec},
 * {@code ExecutionSpec}, {@code OutputSpec}, {@code EvaluationSpec}, {@code TrainSpec}; the stage-owned groups
 * {@code model.paf}, {@code model.ilp}, {@code model.poseNms} and {@code tracking} bind straight onto their stage's
 * settings record through {@code KeyGroups}), {@code JobSpecLoader} (YAML and {@code --set}),
 * {@code JobSpecValidator} (rules that span groups) and {@code JobSpecException}, which always names the key. It knows
 * no Spark session and no run.
 */
package ai.posespark.jobfile;
