package ai.posespark.pose;

import ai.posespark.pose.ilp.IlpSettings;
import ai.posespark.pose.paf.PafSettings;

/**
 * The bottom-up groupers' constants, job keys {@code model.paf} and {@code model.ilp}; each grouper reads its own.
 *
 * @param paf OpenPose's PAF grouping
 * @param ilp the DeepCut/DeeperCut ILP grouping
 */
public record GrouperSettings(PafSettings paf, IlpSettings ilp) implements java.io.Serializable {
  /** Every grouper at its documented defaults. */
  public static final GrouperSettings DEFAULTS = new GrouperSettings(PafSettings.DEFAULTS, IlpSettings.DEFAULTS);

  public GrouperSettings {
    if (paf == null || ilp == null) {
      throw new IllegalArgumentException("grouper settings: paf and ilp are required");
    }
  }
}
