/**
 * Tracking: PoseFlow-style track ids for the people of one video ({@link ai.posespark.track.PoseFlowTracker}),
 * its constants ({@link ai.posespark.track.TrackingSettings}, job keys {@code tracking.<name>}) and the optimal
 * assignment it and the PoseTrack evaluation share ({@link ai.posespark.OptimalAssignment}, OR-Tools).
 *
 * <p>Flow: frames in {@code frame_index} order → online pose-flow building (box IoU + pose IoU grades, Hungarian
 * assignment per frame, look-back window) → flow NMS (fragment merging, flicker dropping) → ids 0, 1, 2… by first
 * appearance, -1 for dropped flows.
 */
package ai.posespark.track;
