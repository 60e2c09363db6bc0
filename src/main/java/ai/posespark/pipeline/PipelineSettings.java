package ai.posespark.pipeline;

import ai.posespark.pose.GrouperSettings;

/**
 * The job's {@code model.*} keys as pipelines read them (the job package maps its spec onto this record, so the
 * pipeline package needs nothing from it).
 *
 * @param pipeline       registered pipeline name ({@code model.pipeline})
 * @param pose           catalog name or path/URI of the pose model ({@code model.pose})
 * @param detector       person detector for top-down ({@code model.detector}); null if none
 * @param grouping       bottom-up grouping ({@code model.grouping}); null = the model's own
 * @param minPersonScore people scoring below this are dropped ({@code model.minPersonScore})
 * @param topDown        the top-down keys (ignored by the other pipelines)
 * @param groupers       the bottom-up groupers' constants ({@code model.paf}, {@code model.ilp})
 */
public record PipelineSettings(String pipeline, String pose, String detector, String grouping,
                               double minPersonScore, TopDownSettings topDown, GrouperSettings groupers) {

  /** Settings with the top-down and groupers' defaults. */
  public PipelineSettings(String pipeline, String pose, String detector, String grouping, double minPersonScore) {
    this(pipeline, pose, detector, grouping, minPersonScore, TopDownSettings.DEFAULTS, GrouperSettings.DEFAULTS);
  }
}
