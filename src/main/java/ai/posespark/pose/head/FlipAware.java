package ai.posespark.pose.head;

import java.util.List;

/**
 * A decoder whose raw outputs can be averaged over the flip test, as MMPose does: the pipeline runs the crop and its
 * horizontal mirror, turns the mirror's outputs into outputs as seen un-mirrored with {@link #unflip}, averages the
 * two element by element and decodes once.
 */
public interface FlipAware {

  /**
   * The outputs the model would give for the un-mirrored input, from its outputs for the mirrored one: maps mirrored
   * in x, left and right keypoints swapped ({@link FlipPairs}), aligned as the upstream codec aligns them.
   *
   * @param mirroredOutputs the model's outputs for the mirrored input, in output order (not modified)
   * @return new arrays, same order and sizes
   */
  List<float[]> unflip(List<float[]> mirroredOutputs);
}
