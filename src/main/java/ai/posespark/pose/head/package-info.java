/**
 * The heads of the models users export (MMPose, rtmlib, Ultralytics) as decoders configured from the catalog's
 * {@code codec:} key: heatmaps (shift, DARK, UDP), SimCC, YOLO-pose; flip-back for flip testing.
 */
package ai.posespark.pose.head;
