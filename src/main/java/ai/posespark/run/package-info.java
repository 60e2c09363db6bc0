/**
 * Running a job: {@code PoseJob} dispatches on {@code input.kind} to {@code InferenceRun} (list → infer on the
 * executors → track → commit chunk by chunk → results.json → evaluate → report), {@code TrainingRun} or
 * {@code ResultsRun}. {@code RunFolder} owns the output modes and the run folder's swap-in, {@code ChunkCommits} the
 * commit loop and its SIGTERM hook, {@code RunProgress} the progress line.
 */
package ai.posespark.run;
