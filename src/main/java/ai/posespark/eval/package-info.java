/**
 * Evaluation: COCO keypoint OKS AP/AR exactly as pycocotools, MPII PCKh exactly as the official MPII evaluation,
 * PoseTrack MOTA/MOTP/AP as poseval, and per-keypoint diagnostics, at Spark scale.
 *
 * <p>Layout (pure functions + stateful metrics + Spark plumbing):
 * <ul>
 *   <li>pure: {@link ai.posespark.eval.Oks} (computeOks), {@link ai.posespark.eval.ImageEvaluator} (evaluateImg),
 *       {@link ai.posespark.eval.OksParams}, numpy's summation and grids in {@code NumpyMath};
 *       {@link ai.posespark.eval.PoseTrackSequence} (poseval's assignGTmulti per frame), {@code MotAccumulator}
 *       (py-motmetrics' update);</li>
 *   <li>metrics: {@link ai.posespark.eval.CocoAccumulator} (accumulate + summarize, mergeable),
 *       {@link ai.posespark.eval.PckhCounts}, {@link ai.posespark.eval.KeypointStats},
 *       {@link ai.posespark.eval.PoseTrackCounts} → {@link ai.posespark.eval.PoseTrackMetrics};</li>
 *   <li>Spark: {@link ai.posespark.eval.SparkCocoEvaluation} (co-group by image, evaluate on executors, aggregate),
 *       {@link ai.posespark.eval.PckhEvaluation}, {@link ai.posespark.eval.PoseTrackEvaluation} (one sequence per
 *       task);</li>
 *   <li>entry points: {@link ai.posespark.eval.Evaluator} (after inference, on the persons table),
 *       {@link ai.posespark.eval.ResultsEvaluation} ({@code input.kind: results}), {@link ai.posespark.eval.EvalCli};
 *       outputs in each {@link ai.posespark.eval.Metric} ({@link ai.posespark.eval.Metrics}, the registered ones).</li>
 * </ul>
 *
 * <p>Choices a user should know:
 * <ul>
 *   <li>Persons → GT image: the GT {@code file_name} must be a suffix of the person's {@code uri} at a path
 *       boundary. GT images without persons are images with no detections; persons of other frames are counted
 *       and left out (pycocotools would refuse them).</li>
 *   <li>A person's OKS area is its keypoint extent, as pycocotools' {@code loadRes} computes it for keypoint
 *       results without {@code bbox}; {@code person_index} orders score ties inside an image.</li>
 *   <li>An empty results list scores 0 (pycocotools crashes on it).</li>
 *   <li>AIC ground truth: synthesised face points are not scored. PoseTrack18 under {@code coco}: COCO sigmas,
 *       box-derived area, ignore regions not applied (pycocotools has no such notion); under {@code posetrack}:
 *       poseval's rules, ignore regions applied ({@link ai.posespark.eval.PoseTrackRules}).</li>
 *   <li>PCKh from COCO-17 models: pelvis, thorax, upper_neck and head_top are approximated
 *       ({@link ai.posespark.data.Mpii16#fromCoco17}) and flagged {@code approximated}; predictions are shifted by
 *       the GT's coordinate origin (MPII is 1-based); inside an image GT persons and persons are paired greedily
 *       by mean head-normalised distance. A GT person left without a prediction counts as all wrong.</li>
 * </ul>
 */
package ai.posespark.eval;
