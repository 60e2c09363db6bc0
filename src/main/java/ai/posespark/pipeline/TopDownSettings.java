package ai.posespark.pipeline;

import ai.posespark.data.FileNameIndex;
import ai.posespark.decode.AffineCrop;
import ai.posespark.pose.PoseNmsChoice;

/**
 * The top-down pipeline's own keys ({@code model.*} and {@code input.detections}), as the driver checked them.
 *
 * @param detections        COCO detection results file for {@code model.detector: file}; null otherwise
 * @param imageIds          the ground truth's file name → image id index, to find a frame's boxes in the detection
 *                          file; null: the image id is the frame file's numeric stem (COCO file names)
 * @param cropPadding       person box → crop scale factor ({@code model.cropPadding}, default 1.25)
 * @param refine            extra crop-and-rerun passes ({@code model.refine}, 0..2)
 * @param flipTest          also run the mirrored crop and average ({@code model.flipTest})
 * @param poseNms           pose NMS ({@code model.poseNms})
 * @param minDetectionScore boxes scoring below are dropped ({@code model.minDetectionScore})
 * @param detectionNmsIou   box NMS IoU of the detector's decoder ({@code model.detectionNmsIou})
 * @param maxPersons        most boxes per frame, best first ({@code model.maxPersons})
 */
public record TopDownSettings(String detections, FileNameIndex imageIds, double cropPadding, int refine,
                              boolean flipTest, PoseNmsChoice poseNms, double minDetectionScore,
                              double detectionNmsIou, int maxPersons) implements java.io.Serializable {

  /**
   * The defaults: AlphaPose's detector thresholds (score 0.05, IoU 0.6), padding 1.25, OKS pose NMS (MMPose's; see
   * {@link PoseNmsChoice#DEFAULT} for why not the parametric one).
   */
  public static final TopDownSettings DEFAULTS = new TopDownSettings(null, null, AffineCrop.DEFAULT_PADDING, 0, false,
      PoseNmsChoice.DEFAULT, 0.05, 0.6, 20);
}
