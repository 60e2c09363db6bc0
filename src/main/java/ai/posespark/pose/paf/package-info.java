/**
 * OpenPose's bottom-up codec: part confidence maps and Part Affinity Fields (Cao et al., CVPR 2017), encoded from
 * ground truth as training targets and decoded into people by PAF grouping.
 *
 * <ul>
 *   <li>{@link ai.posespark.pose.paf.PafTopology}: COCO_18 and BODY_25, their limbs, PAF channels and COCO-17
 *       mapping.</li>
 *   <li>{@link ai.posespark.pose.paf.PafCodec}: {@code encode} (maps {@code (H, W, K)}, PAFs {@code (H, W, 2L)})
 *       and {@code decode} (COCO-17 people in model-input pixels), side by side.</li>
 *   <li>Decoding steps: {@link ai.posespark.pose.paf.PartPeak} candidates, {@code LimbScorer} line integrals,
 *       {@link ai.posespark.pose.paf.Assignment} per limb (greedy, or Hungarian by
 *       {@link ai.posespark.OptimalAssignment}),
 *       {@code PersonAssembler} subset merging; thresholds in {@link ai.posespark.pose.paf.PafSettings}.</li>
 *   <li>{@link ai.posespark.pose.paf.OpenPoseDecoder}: the {@link ai.posespark.pose.PoseDecoder} for a model's two
 *       outputs as {@link ai.posespark.pose.paf.OpenPoseLayout} describes them.</li>
 * </ul>
 */
package ai.posespark.pose.paf;
