package ai.posespark.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Job key {@code model}.
 *
 * @param pipeline          how people are found: bottom-up, top-down (detector then pose per person) or single
 * @param pose              catalog name ({@code conf/models.yaml}) or a path/URI to a model.json or .pt file
 * @param detector          person detector for {@code top-down}
 * @param minPersonScore    people scoring below this are dropped (default 0.1)
 * @param minKeypointScore  keypoints scoring below this keep their position but are flagged in
 *                          {@code results.json} with visibility 0 (default 0.0: keep all)
 */
public record ModelSpec(
    Pipeline pipeline, String pose, String detector, Double minPersonScore, Double minKeypointScore)
    implements java.io.Serializable {

  public ModelSpec {
    pipeline = pipeline == null ? Pipeline.BOTTOM_UP : pipeline;
    minPersonScore = minPersonScore == null ? 0.1 : minPersonScore;
    minKeypointScore = minKeypointScore == null ? 0.0 : minKeypointScore;
  }

  /** How a model finds several people in a frame. */
  public enum Pipeline {
    @JsonProperty("bottom-up") BOTTOM_UP,
    @JsonProperty("top-down") TOP_DOWN,
    @JsonProperty("single") SINGLE
  }
}
