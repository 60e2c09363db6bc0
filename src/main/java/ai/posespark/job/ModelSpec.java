package ai.posespark.job;

import ai.posespark.pipeline.PipelineSettings;

/**
 * Job key {@code model}.
 *
 * @param pipeline          how people are found: a registered pipeline ({@code bottom-up}, {@code single}); default
 *                          {@code bottom-up}
 * @param pose              catalog name ({@code conf/models.yaml}) or a path/URI to a model.json or .pt file
 * @param detector          person detector for {@code top-down}
 * @param grouping          bottom-up grouping of parts into people; default the model's own
 * @param minPersonScore    people scoring below this are dropped (default 0.1)
 * @param minKeypointScore  keypoints scoring below this keep their position but are flagged in
 *                          {@code results.json} with visibility 0 (default 0.0: keep all)
 */
public record ModelSpec(
    String pipeline, String pose, String detector, String grouping, Double minPersonScore, Double minKeypointScore)
    implements java.io.Serializable {

  /** The pipeline when the job file names none. */
  public static final String DEFAULT_PIPELINE = "bottom-up";

  public ModelSpec {
    pipeline = pipeline == null ? DEFAULT_PIPELINE : pipeline;
    minPersonScore = minPersonScore == null ? 0.1 : minPersonScore;
    minKeypointScore = minKeypointScore == null ? 0.0 : minKeypointScore;
  }

  /** These keys as the pipeline package reads them. */
  public PipelineSettings pipelineSettings() {
    return new PipelineSettings(pipeline, pose, detector, grouping, minPersonScore);
  }
}
