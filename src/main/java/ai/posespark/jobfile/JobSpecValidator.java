package ai.posespark.jobfile;

import ai.posespark.pipeline.PipelineException;
import ai.posespark.pipeline.Pipelines;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the rules that types alone cannot say; each failure names its key. */
final class JobSpecValidator {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]+");
  /** The largest Java array, which holds an image file's bytes. */
  private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;
  private static final Set<String> METRICS = Set.of("coco", "pckh", "posetrack");
  private static final Set<String> ANNOTATION_FORMATS = Set.of("coco", "mpii", "aic", "posetrack");

  private JobSpecValidator() {}

  static void validate(JobSpec spec) {
    if (spec.name() == null) {
      throw new JobSpecException("name", "required key missing (the run name; output goes to <output.path>/<name>/)");
    }
    if (!NAME.matcher(spec.name()).matches()) {
      throw new JobSpecException("name", "'" + spec.name() + "' must be letters, digits, '.', '_' or '-' "
          + "(it becomes a folder name)");
    }
    if (spec.input() == null) {
      throw new JobSpecException("input", "required key missing");
    }
    InputSpec input = spec.input();
    if (input.paths().isEmpty()) {
      throw new JobSpecException("input.paths", "required key missing or empty (files, folders or globs)");
    }
    for (int i = 0; i < input.paths().size(); i++) {
      String p = input.paths().get(i);
      if (p == null || p.isBlank()) {
        throw new JobSpecException("input.paths[" + i + "]", "empty path");
      }
      requireNoCredentials("input.paths[" + i + "]", p);
    }
    requireNoCredentials("input.annotations", input.annotations());
    requireNoCredentials("input.detections", input.detections());
    requireNoCredentials("output.path", spec.output().path());
    if (spec.model() != null) {
      requireNoCredentials("model.pose", spec.model().pose());
      requireNoCredentials("model.detector", spec.model().detector());
    }
    for (int i = 0; i < input.extensions().size(); i++) {
      if (!EXTENSION.matcher(input.extensions().get(i)).matches()) {
        throw new JobSpecException("input.extensions[" + i + "]", "'" + input.extensions().get(i)
            + "' is not a file extension (letters and digits, e.g. jpg)");
      }
    }
    if (input.extensions().isEmpty()) {
      throw new JobSpecException("input.extensions", "empty: folders and globs would list nothing");
    }
    if (input.maxPixels() < 1) {
      throw new JobSpecException("input.maxPixels", input.maxPixels() + " must be at least 1");
    }
    if (input.maxDecodePixels() < 1) {
      throw new JobSpecException("input.maxDecodePixels", input.maxDecodePixels() + " must be at least 1");
    }
    if (input.maxFileBytes() < 1 || input.maxFileBytes() > MAX_FILE_BYTES) {
      throw new JobSpecException("input.maxFileBytes", input.maxFileBytes() + " is out of range 1.." + MAX_FILE_BYTES
          + " (an image file is read whole into one array)");
    }
    if (input.decodeTimeoutMs() < 1) {
      throw new JobSpecException("input.decodeTimeoutMs", input.decodeTimeoutMs() + " must be at least 1");
    }
    if (input.annotationsFormat() != null && !ANNOTATION_FORMATS.contains(input.annotationsFormat())) {
      throw new JobSpecException("input.annotationsFormat",
          "'" + input.annotationsFormat() + "' is not one of " + String.join(" | ", ANNOTATION_FORMATS));
    }
    if (input.listing() == InputSpec.Listing.EXECUTORS && input.kind() != InputSpec.Kind.IMAGES) {
      throw new JobSpecException("input.listing", "'executors' lists image inputs (input.kind: images); video "
          + "inputs are probed on the executors already, results and train inputs are single files");
    }
    if (input.kind() == InputSpec.Kind.RESULTS) {
      if (input.paths().size() != 1) {
        throw new JobSpecException("input.paths", "kind 'results' takes exactly one results JSON file");
      }
      if (input.annotations() == null) {
        throw new JobSpecException("input.annotations", "required when input.kind is 'results'");
      }
      if (spec.evaluation().metrics().isEmpty()) {
        throw new JobSpecException("evaluation.metrics", "required when input.kind is 'results'");
      }
      if (spec.evaluation().metrics().contains("posetrack")) {
        throw new JobSpecException("evaluation.metrics", "posetrack evaluates the persons table of a job run "
            + "(track ids), not a results file");
      }
    } else {
      validateModel(spec.model());
    }
    if (input.kind() == InputSpec.Kind.TRAIN) {
      spec.train().validate(input);
    }
    if (spec.tracking().enabled() && input.kind() != InputSpec.Kind.VIDEO) {
      throw new JobSpecException("tracking.enabled", "tracking follows people across a video's frames: it needs "
          + "input.kind: video");
    }
    ExecutionSpec exec = spec.execution();
    if (exec.batchSize() < 1 || exec.batchSize() > 4096) {
      throw new JobSpecException("execution.batchSize", exec.batchSize() + " is out of range 1..4096");
    }
    if (exec.partitions() != null && exec.partitions() < 1) {
      throw new JobSpecException("execution.partitions", exec.partitions() + " must be at least 1");
    }
    if (exec.frameStride() < 1) {
      throw new JobSpecException("execution.frameStride", exec.frameStride() + " must be at least 1 (1: every frame)");
    }
    if (exec.prefetch() < 0 || exec.prefetch() > 64) {
      throw new JobSpecException("execution.prefetch", exec.prefetch() + " is out of range 0..64 (batches ahead)");
    }
    if (exec.framesPerTask() < 1) {
      throw new JobSpecException("execution.framesPerTask", exec.framesPerTask() + " must be at least 1");
    }
    if (spec.output().path().isBlank()) {
      throw new JobSpecException("output.path", "empty path");
    }
    if (spec.output().chunkFrames() < 1) {
      throw new JobSpecException("output.chunkFrames", spec.output().chunkFrames() + " must be at least 1");
    }
    for (int i = 0; i < spec.evaluation().metrics().size(); i++) {
      String m = spec.evaluation().metrics().get(i);
      if (!METRICS.contains(m)) {
        throw new JobSpecException("evaluation.metrics[" + i + "]",
            "'" + m + "' is not one of coco | pckh | posetrack");
      }
    }
    if (!EvaluationSpec.POSETRACK_RULES.contains(spec.evaluation().posetrackRules())) {
      throw new JobSpecException("evaluation.posetrackRules", "'" + spec.evaluation().posetrackRules()
          + "' is not one of " + String.join(" | ", EvaluationSpec.POSETRACK_RULES));
    }
    if (!spec.evaluation().metrics().isEmpty() && input.annotations() == null) {
      throw new JobSpecException("input.annotations", "required when evaluation.metrics is set");
    }
  }

  /** Credentials in a URI would reach logs, messages and results: they belong in Hadoop's fs.s3a.* keys. */
  private static void requireNoCredentials(String key, String location) {
    if (Secrets.hasUserInfo(location)) {
      throw new JobSpecException(key, "'" + Secrets.redact(location) + "': credentials in a URI are refused (they "
          + "would be printed and stored with the path); set fs.s3a.access.key / fs.s3a.secret.key instead");
    }
  }

  private static void validateModel(ModelSpec model) {
    if (model == null || model.pose() == null || model.pose().isBlank()) {
      throw new JobSpecException("model.pose", "required key missing (a catalog name such as movenet-multipose, "
          + "or a path/URI to model.json or .pt)");
    }
    try {
      Pipelines.standard().requireKnown(model.pipeline());
    } catch (PipelineException e) {
      throw new JobSpecException(e.key(), e.reason());
    }
    if (model.minPersonScore() < 0 || model.minPersonScore() > 1) {
      throw new JobSpecException("model.minPersonScore", model.minPersonScore() + " is outside 0..1");
    }
    if (model.minKeypointScore() < 0 || model.minKeypointScore() > 1) {
      throw new JobSpecException("model.minKeypointScore", model.minKeypointScore() + " is outside 0..1");
    }
    if (!(model.cropPadding() >= 1 && model.cropPadding() <= 4)) {
      throw new JobSpecException("model.cropPadding", model.cropPadding() + " is outside 1..4 (1.25: AlphaPose's "
          + "and MMPose's)");
    }
    if (model.refine() < 0 || model.refine() > 2) {
      throw new JobSpecException("model.refine", model.refine() + " is outside 0..2 (extra crop-and-rerun passes)");
    }
    if (model.minDetectionScore() < 0 || model.minDetectionScore() > 1) {
      throw new JobSpecException("model.minDetectionScore", model.minDetectionScore() + " is outside 0..1");
    }
    if (!(model.detectionNmsIou() > 0 && model.detectionNmsIou() <= 1)) {
      throw new JobSpecException("model.detectionNmsIou", model.detectionNmsIou() + " is outside (0, 1]");
    }
    if (model.maxPersons() < 1 || model.maxPersons() > 1000) {
      throw new JobSpecException("model.maxPersons", model.maxPersons() + " is outside 1..1000");
    }
  }
}
