package ai.posespark.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.posespark.decode.DecodedFrame;
import ai.posespark.decode.ImageDecoder;
import ai.posespark.decode.RgbImage;
import ai.posespark.decode.TestImages;
import ai.posespark.model.ModelCatalog;
import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import ai.posespark.run.TestModels;
import ai.posespark.source.FrameTask;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The whole-frame pipeline on the real MoveNet lightning graph (8 frames per call through the batch split): a batch
 * of 11 frames (two calls) gives every frame the people it gets alone, and each frame is charged its stages.
 */
class WholeFramePipelineTest {
  @Test
  void aBatchOfFramesFindsWhatEachFrameFindsAlone() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    PipelinePlan plan = Pipelines.standard()
        .plan(new PipelineSettings("single", "movenet-lightning", null, null, 0.0), ModelCatalog.bundled());
    PosePipeline pipeline = plan.open(Device.cpu(), new Configuration(false));
    List<DecodedFrame> frames = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      String name = List.of("000000000785.jpg", "messi5.jpg", "basketball1.png").get(i % 3);
      RgbImage image = ImageDecoder.decode(TestImages.read(TestImages.samples().resolve(name)));
      frames.add(DecodedFrame.ok(new FrameTask(name, i, i, 0), image, 0, 0));
    }
    List<List<Person>> batched;
    try (StageContext context = new StageContext(Device.cpu(), plan.stages(), frames.size())) {
      batched = pipeline.run(frames, context);
      for (int f = 0; f < frames.size(); f++) {
        double[] t = context.times(f);
        assertTrue(t[0] > 0 && t[1] > 0 && t[2] > 0, "frame " + f + " was charged every stage");
      }
    }
    assertEquals(frames.size(), batched.size());
    for (int f = 0; f < frames.size(); f++) {
      List<Person> alone;
      try (StageContext context = new StageContext(Device.cpu(), plan.stages(), 1)) {
        alone = pipeline.run(List.of(frames.get(f)), context).get(0);
      }
      assertEquals(1, alone.size(), "singlepose: one person per frame");
      assertEquals(alone.size(), batched.get(f).size());
      Person a = alone.get(0);
      Person b = batched.get(f).get(0);
      assertEquals(a.score(), b.score(), 1e-5, "frame " + f);
      for (int k = 0; k < 17; k++) {
        Keypoint ka = a.keypoints().get(k);
        Keypoint kb = b.keypoints().get(k);
        assertEquals(ka.x(), kb.x(), 1e-3, "frame " + f + " " + ka.name());
        assertEquals(ka.y(), kb.y(), 1e-3, "frame " + f + " " + ka.name());
        assertTrue(ka.x() >= 0 && ka.x() <= frames.get(f).image().width(), "clamped to the frame");
      }
    }
  }
}
