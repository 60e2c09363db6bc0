package ai.posespark.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.Registry;
import ai.posespark.model.ModelCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelinesTest {
  private static PipelineException failure(String pipeline, String pose, String grouping) {
    return assertThrows(PipelineException.class, () -> Pipelines.plan(
        new PipelineSettings(pipeline, pose, null, grouping, 0.1), ModelCatalog.bundled()));
  }

  @Test
  void theBuiltInPipelinesPlanWithTheirStages() {
    PipelinePlan plan = Pipelines.plan(
        new PipelineSettings("bottom-up", "movenet-multipose", null, null, 0.1), ModelCatalog.bundled());
    assertEquals("movenet-multipose", plan.model());
    assertEquals(List.of("preprocess", "inference", "postprocess"), plan.stages());
    assertEquals(List.of("read", "decode", "preprocess", "inference", "postprocess"), RunSettings.stagesOf(plan));
    PipelinePlan greedy = Pipelines.plan(
        new PipelineSettings("bottom-up", "posenet", null, "greedy", 0.1), ModelCatalog.bundled());
    assertEquals("posenet", greedy.model());
    PipelinePlan ilp = Pipelines.plan(
        new PipelineSettings("bottom-up", "posenet", null, "ilp", 0.1), ModelCatalog.bundled());
    assertEquals("posenet", ilp.model());
    assertEquals("posenet-ilp", ((WholeFramePipeline.Plan) ilp).decoder());
    // a user's OpenPose export, named by path: the catalog entry openpose-coco18 says how to feed and read it
    PipelinePlan paf = Pipelines.plan(new PipelineSettings("bottom-up", "s3a://models/openpose-coco18.pt",
        null, null, 0.1), ModelCatalog.bundled());
    assertEquals("openpose", ((WholeFramePipeline.Plan) paf).decoder());
    PipelinePlan pafIlp = Pipelines.plan(new PipelineSettings("bottom-up", "/m/openpose-body25.pt", null,
        "ilp", 0.1), ModelCatalog.bundled());
    assertEquals("openpose-ilp", ((WholeFramePipeline.Plan) pafIlp).decoder());
  }

  @Test
  void anUnknownPipelineNamesTheKeyAndListsWhatExists() {
    PipelineException e = failure("openpose", "movenet-thunder", null);
    assertEquals("model.pipeline", e.key());
    assertTrue(e.reason().contains("bottom-up | single | top-down"), e.reason());
  }

  @Test
  void modelsAndGroupingsThatDoNotFitFailOnTheirKeys() {
    PipelineException unknown = failure("single", "hrnet", null);
    assertEquals("model.pose", unknown.key());
    assertTrue(unknown.reason().contains("movenet-thunder"), "lists the catalog: " + unknown.reason());
    PipelineException detector = failure("single", "centernet", null);
    assertEquals("model.pose", detector.key());
    assertTrue(detector.reason().contains("decoder 'centernet'"), detector.reason());
    PipelineException grouping = failure("bottom-up", "movenet-multipose", "paf");
    assertEquals("model.grouping", grouping.key());
    assertTrue(grouping.reason().contains("movenet-multipose"), grouping.reason());
    PipelineException paf = failure("bottom-up", "posenet", "paf");
    assertEquals("model.grouping", paf.key());
    assertTrue(paf.reason().contains("greedy | ilp"), paf.reason());
    PipelineException greedy = failure("bottom-up", "/m/openpose-coco18.pt", "greedy");
    assertTrue(greedy.reason().contains("paf | ilp"), greedy.reason());
  }

  @Test
  void aNameRegisteredTwiceIsRejected() {
    Pipelines.Entry one = new Pipelines.Entry("x", (s, c) -> null);
    assertThrows(IllegalStateException.class, () -> new Registry<>("pipeline", List.of(one, one),
        Pipelines.Entry::name));
  }
}
