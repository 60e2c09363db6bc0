package ai.posespark.job;

import java.util.List;

/**
 * Job key {@code input}.
 *
 * @param paths             files, folders or globs (local paths, {@code file:}, {@code hdfs://}, {@code s3a://});
 *                          for {@code kind: results} the one results JSON to evaluate
 * @param kind              what the paths hold
 * @param annotations       optional ground truth for evaluation
 * @param annotationsFormat {@code coco | mpii | aic | posetrack}; null means detect from the file
 * @param detections        COCO detection results file for {@code model.detector: file} (top-down)
 */
public record InputSpec(List<String> paths, Kind kind, String annotations, String annotationsFormat,
                        String detections) implements java.io.Serializable {

  public InputSpec {
    paths = paths == null ? List.of() : List.copyOf(paths);
    kind = kind == null ? Kind.IMAGES : kind;
  }

  /** What {@code input.paths} holds. */
  public enum Kind {
    @com.fasterxml.jackson.annotation.JsonProperty("images") IMAGES,
    @com.fasterxml.jackson.annotation.JsonProperty("video") VIDEO,
    @com.fasterxml.jackson.annotation.JsonProperty("results") RESULTS,
    /** COCO-style annotations ({@code input.annotations}) and their images: fine-tune {@code model.pose}. */
    @com.fasterxml.jackson.annotation.JsonProperty("train") TRAIN
  }
}
