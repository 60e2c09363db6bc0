package ai.posespark.jobfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.model.DevicePreference;
import ai.posespark.pose.ParametricPoseNms;
import ai.posespark.pose.PoseNmsChoice;
import ai.posespark.pose.paf.PafSettings;
import ai.posespark.track.TrackingSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobSpecLoaderTest {
  private static final String VALID = """
      name: coco-sample
      input:
        paths: [data/samples/coco]
        kind: images
        annotations: data/samples/coco/person_keypoints.json
      model:
        pipeline: bottom-up
        pose: movenet-multipose
      execution:
        batchSize: 8
        device: auto
      tracking: {enabled: false}
      output:
        path: out
        mode: overwrite
      evaluation:
        metrics: [coco]
      """;

  private static JobSpecException failure(String yaml, String... overrides) {
    return assertThrows(JobSpecException.class, () -> JobSpecLoader.parse(yaml, List.of(overrides)));
  }

  @Test
  void bindsTheDesignExampleWithItsValues() {
    JobSpec spec = JobSpecLoader.parse(VALID, List.of());
    assertEquals("coco-sample", spec.name());
    assertEquals(List.of("data/samples/coco"), spec.input().paths());
    assertEquals(InputSpec.Kind.IMAGES, spec.input().kind());
    assertEquals("bottom-up", spec.model().pipeline());
    assertEquals(8, spec.execution().batchSize());
    assertEquals(DevicePreference.AUTO, spec.execution().device());
    assertEquals(OutputSpec.Mode.OVERWRITE, spec.output().mode());
    assertEquals(List.of("coco"), spec.evaluation().metrics());
    assertEquals("out/coco-sample", spec.runDir());
  }

  @Test
  void fillsDefaultsForOptionalSections() {
    JobSpec spec = JobSpecLoader.parse("name: a\ninput: {paths: [x]}\nmodel: {pose: movenet-lightning}\n", List.of());
    assertEquals(8, spec.execution().batchSize());
    assertEquals("out", spec.output().path());
    assertEquals(0.1, spec.model().minPersonScore());
    assertTrue(spec.evaluation().metrics().isEmpty());
  }

  @Test
  void overridesSetScalarsListsAndNewSections() {
    JobSpec spec = JobSpecLoader.parse(VALID, List.of("execution.batchSize=16", "input.paths=[a, b]",
        "execution.partitions=3", "model.minPersonScore=0.5"));
    assertEquals(16, spec.execution().batchSize());
    assertEquals(List.of("a", "b"), spec.input().paths());
    assertEquals(3, spec.execution().partitions());
    assertEquals(0.5, spec.model().minPersonScore());
  }

  @Test
  void unknownKeyIsNamedWithItsPath() {
    JobSpecException e = failure(VALID.replace("batchSize: 8", "batchSize: 8\n  bachSize: 9"));
    assertEquals("execution.bachSize", e.key());
    assertTrue(e.getMessage().contains("unknown key"), e.getMessage());
    assertTrue(e.getMessage().contains("batchSize"), "lists the known keys: " + e.getMessage());
  }

  @Test
  void wrongTypeIsNamed() {
    JobSpecException e = failure(VALID.replace("batchSize: 8", "batchSize: eight"));
    assertEquals("execution.batchSize", e.key());
    assertTrue(e.getMessage().contains("integer"), e.getMessage());
  }

  @Test
  void badEnumValueListsTheChoices() {
    JobSpecException e = failure(VALID, "output.mode=replace");
    assertEquals("output.mode", e.key());
    assertTrue(e.getMessage().contains("overwrite | error | append"), e.getMessage());
  }

  @Test
  void missingRequiredKeysAreNamed() {
    assertEquals("name", failure(VALID.replace("name: coco-sample\n", "")).key());
    assertEquals("input.paths", failure(VALID, "input.paths=[]").key());
    assertEquals("model.pose", failure(VALID.replace("  pose: movenet-multipose\n", "")).key());
    assertEquals("input.annotations", failure(VALID, "input.annotations=").key());
  }

  @Test
  void rangeAndRuleViolationsAreNamed() {
    assertEquals("execution.batchSize", failure(VALID, "execution.batchSize=0").key());
    assertEquals("evaluation.metrics[0]", failure(VALID, "evaluation.metrics=[oks]").key());
    assertEquals("model.minPersonScore", failure(VALID, "model.minPersonScore=1.5").key());
    assertEquals("name", failure(VALID, "name=../escape").key());
    assertEquals("tracking.enabled", failure(VALID, "tracking.enabled=true").key());
    assertEquals("execution.frameStride", failure(VALID, "input.kind=video", "execution.frameStride=0").key());
    assertEquals("execution.framesPerTask", failure(VALID, "execution.framesPerTask=0").key());
    assertEquals("execution.prefetch", failure(VALID, "execution.prefetch=-1").key());
    assertEquals("model.pipeline", failure(VALID, "model.pipeline=openpose").key());
  }

  /** The run folder is {@code <output.path>/<name>}: no name may climb out of it or start a hidden folder. */
  @Test
  void namesCannotEscapeTheOutputRoot() {
    for (String name : List.of("..", "../x", "/etc", "a/../../b", ".hidden", "_temporary", "a\\b", "~root")) {
      JobSpecException e = failure(VALID, "name='" + name + "'");
      assertEquals("name", e.key(), name);
    }
    assertEquals("coco-sample.v2", JobSpecLoader.parse(VALID, List.of("name=coco-sample.v2")).name());
  }

  @Test
  void imageInputKeysAreValidated() {
    JobSpec spec = JobSpecLoader.parse(VALID, List.of("input.extensions=[.JPG, webp]", "input.maxPixels=5000"));
    assertEquals(List.of("jpg", "webp"), spec.input().extensions());
    assertEquals(5000, spec.input().limits().maxPixels());
    assertEquals("input.extensions[0]", failure(VALID, "input.extensions=['*.jpg']").key());
    assertEquals("input.extensions", failure(VALID, "input.extensions=[]").key());
    assertEquals("input.maxPixels", failure(VALID, "input.maxPixels=0").key());
    assertEquals("input.maxDecodePixels", failure(VALID, "input.maxDecodePixels=-1").key());
    JobSpec bounded = JobSpecLoader.parse(VALID, List.of("input.maxFileBytes=1000", "input.decodeTimeoutMs=250"));
    assertEquals(1000, bounded.input().limits().maxFileBytes());
    assertEquals(250, bounded.input().limits().decodeTimeoutMs());
    assertEquals(512L << 20, spec.input().limits().maxFileBytes(), "default");
    assertEquals(60_000, spec.input().limits().decodeTimeoutMs(), "default");
    assertEquals("input.maxFileBytes", failure(VALID, "input.maxFileBytes=0").key());
    assertEquals("input.maxFileBytes", failure(VALID, "input.maxFileBytes=4000000000").key());
    assertEquals("input.decodeTimeoutMs", failure(VALID, "input.decodeTimeoutMs=0").key());
    assertTrue(failure(VALID, "input.maxPixels=lots").getMessage().contains("input.maxPixels: 'lots' is not an "
        + "integer"), failure(VALID, "input.maxPixels=lots").getMessage());
  }

  @Test
  void credentialsInUrisAreRefusedMasked() {
    JobSpecException e = failure(VALID, "output.path=s3a://AKIAX:s3cr3t@bucket/out");
    assertEquals("output.path", e.key());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
  }

  @Test
  void grouperConstantsAreKeysWithDefaultsAndNamedFailures() {
    JobSpec spec = JobSpecLoader.parse(VALID, List.of("model.ilp.maxCandidates=40", "model.ilp.incremental=false",
        "model.paf.assignment=hungarian", "model.paf.minParts=3"));
    var groupers = spec.model().pipelineSettings(null, null).groupers();
    assertEquals(40, groupers.ilp().maxCandidates());
    assertEquals(false, groupers.ilp().incremental());
    assertEquals(ai.posespark.pose.ilp.IlpSettings.DEFAULTS.timeLimitMs(), groupers.ilp().timeLimitMs());
    assertEquals(ai.posespark.pose.paf.Assignment.HUNGARIAN, groupers.paf().assignment());
    assertEquals(3, groupers.paf().minParts());
    assertEquals(ai.posespark.pose.paf.PafSettings.DEFAULTS.minSuccessRatio(), groupers.paf().minSuccessRatio());
    assertEquals("model.ilp", failure(VALID, "model.ilp.timeLimitMs=0").key());
    assertEquals("model.paf", failure(VALID, "model.paf.minSuccessRatio=1.5").key());
    assertEquals("model.paf.assignment", failure(VALID, "model.paf.assignment=optimal").key());
    assertEquals("model.ilp.budget", failure(VALID, "model.ilp.budget=3").key());
  }

  @Test
  void keyGroupsBindOntoTheirRecordsOverTheDefaults() {
    JobSpec spec = JobSpecLoader.parse(VALID, List.of("model.poseNms={method: parametric, gamma: 20}",
        "tracking.lookBack=7", "tracking.mergeGap=", "model.paf.partThreshold=0.2"));
    assertEquals(new ParametricPoseNms.Settings(1, 1.7, 2.65, 20, 0.3, 5, 0.1, 0), spec.model().poseNms().parametric(),
        "AlphaPose's constants, gamma changed");
    assertEquals("parametric", spec.model().poseNms().method());
    assertEquals(TrackingSettings.DEFAULTS.withLookBack(7), spec.tracking(), "null keeps the default mergeGap");
    assertEquals(0.2f, spec.model().paf().partThreshold());
    assertEquals(PafSettings.DEFAULTS.midSamples(), spec.model().paf().midSamples());
    assertEquals(PoseNmsChoice.named("none"), JobSpecLoader.parse(VALID, List.of("model.poseNms=none"))
        .model().poseNms(), "a method name alone");
    assertEquals(PoseNmsChoice.DEFAULT, JobSpecLoader.parse(VALID, List.of()).model().poseNms());
    assertEquals(TrackingSettings.DEFAULTS, JobSpecLoader.parse(VALID, List.of()).tracking(), "tracking off");

    JobSpecException range = failure(VALID, "model.poseNms.oksThreshold=1.5");
    assertEquals("model.poseNms", range.key());
    assertTrue(range.getMessage().contains("oksThreshold 1.5 is outside (0, 1]"), range.getMessage());
    JobSpecException lookBack = failure(VALID, "tracking.lookBack=0");
    assertEquals("tracking", lookBack.key());
    assertTrue(lookBack.getMessage().contains("tracking.lookBack: 0 must be at least 1"), lookBack.getMessage());
    JobSpecException unknown = failure(VALID, "tracking.lookback=3");
    assertEquals("tracking.lookback", unknown.key());
    assertTrue(unknown.getMessage().contains("lookBack"), "lists the known keys: " + unknown.getMessage());
    assertEquals("model.poseNms.gamma", failure(VALID, "model.poseNms.gamma=high").key());
  }

  @Test
  void videoJobsTakeAStrideAndFramesPerTask() {
    JobSpec spec = JobSpecLoader.parse(VALID, List.of("input.kind=video", "execution.frameStride=3"));
    assertEquals(InputSpec.Kind.VIDEO, spec.input().kind());
    assertEquals(3, spec.execution().frameStride());
    assertEquals(256, spec.execution().framesPerTask(), "the default");
    assertEquals(1, spec.execution().prefetch(), "one batch decoded ahead by default");
    assertTrue(spec.input().reducedDecode(), "reduced JPEG decoding by default");
    assertEquals(1, JobSpecLoader.parse(VALID, List.of()).execution().frameStride(), "every frame by default");
  }

  @Test
  void posetrackIsAMetricOfJobRunsNotOfResultsFiles() {
    JobSpec spec = JobSpecLoader.parse(VALID, List.of("evaluation.metrics=[coco, posetrack]"));
    assertEquals(List.of("coco", "posetrack"), spec.evaluation().metrics());
    JobSpecException e = failure(VALID, "input.kind=results", "input.paths=[dt.json]",
        "evaluation.metrics=[posetrack]");
    assertEquals("evaluation.metrics", e.key());
  }

  @Test
  void overrideBelowAScalarIsRejected() {
    assertEquals("name", failure(VALID, "name.x=1").key());
    assertEquals("execution.batchSize", failure(VALID, "execution.batchSize").key());
  }

  @Test
  void brokenYamlFailsAsTheFile() {
    assertEquals("(file)", failure("name: [unclosed").key());
    assertEquals("(file)", failure("- a\n- b\n").key());
  }
}
