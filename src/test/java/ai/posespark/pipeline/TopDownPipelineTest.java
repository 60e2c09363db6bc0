package ai.posespark.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.posespark.data.CocoDataset;
import ai.posespark.data.CocoKeypointsReader;
import ai.posespark.data.PersonAnnotation;
import ai.posespark.decode.DecodedFrame;
import ai.posespark.decode.ImageDecoder;
import ai.posespark.decode.RgbImage;
import ai.posespark.decode.TestImages;
import ai.posespark.model.ModelCatalog;
import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import ai.posespark.source.FrameTask;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The top-down pipeline on the models that ship in the repository (RTMDet-nano boxes, PP-TinyPose crops, both
 * ONNX: no npm package, no ../shared): a batch of frames, whose crops go through the pose model together, gives
 * every frame the people it gets alone; each stage is charged; and the annotated skier of the sample image is found
 * with its keypoints where the COCO annotation puts them.
 */
class TopDownPipelineTest {
  private static final String SKIER = "000000000785.jpg";

  @Test
  void aBatchFindsWhatEachFrameFindsAloneAndTheSkierWhereAnnotated() throws Exception {
    PipelinePlan plan = Pipelines.plan(new PipelineSettings("top-down", "pp-tinypose-256x192",
        "rtmdet-nano-person-heads", null, 0.05), ModelCatalog.bundled());
    assertEquals(TopDownPipeline.STAGES, plan.stages());
    PosePipeline pipeline = plan.open(Device.cpu(), new Configuration(false));
    List<DecodedFrame> frames = new ArrayList<>();
    List<String> names = List.of(SKIER, "messi5.jpg", "basketball1.png", SKIER);
    for (int i = 0; i < names.size(); i++) {
      RgbImage image = ImageDecoder.decode(TestImages.read(TestImages.samples().resolve(names.get(i))));
      frames.add(DecodedFrame.ok(new FrameTask(names.get(i), i, i, 0), image, 0, 0));
    }
    List<List<Person>> batched;
    try (StageContext context = new StageContext(Device.cpu(), plan.stages(), frames.size())) {
      batched = pipeline.run(frames, context);
      for (int f = 0; f < frames.size(); f++) {
        double[] t = context.times(f);
        assertTrue(t[0] > 0 && t[1] > 0 && t[2] > 0, "frame " + f + " charged detect, crop and pose");
      }
    }
    for (int f = 0; f < frames.size(); f++) {
      List<Person> alone;
      try (StageContext context = new StageContext(Device.cpu(), plan.stages(), 1)) {
        alone = pipeline.run(List.of(frames.get(f)), context).get(0);
      }
      assertEquals(alone.size(), batched.get(f).size(), names.get(f));
      for (int p = 0; p < alone.size(); p++) {
        for (int k = 0; k < 17; k++) {
          assertEquals(alone.get(p).keypoints().get(k).x(), batched.get(f).get(p).keypoints().get(k).x(), 1e-2,
              names.get(f) + " person " + p + " keypoint " + k);
          assertEquals(alone.get(p).keypoints().get(k).y(), batched.get(f).get(p).keypoints().get(k).y(), 1e-2);
        }
      }
    }

    CocoDataset gt = CocoKeypointsReader.read(TestImages.samples().resolve("person_keypoints.json").toString(),
        new Configuration(false));
    PersonAnnotation skier = gt.annotations().get(0);
    Person best = batched.get(0).stream().max(java.util.Comparator.comparingDouble(Person::score)).orElseThrow();
    double[] truth = skier.keypoints();
    // the box's diagonal sets the scale: every visible joint within 10 % of it (COCO's OKS is far stricter on the face)
    double diagonal = Math.hypot(skier.bbox()[2], skier.bbox()[3]);
    for (int k = 0; k < 17; k++) {
      if (truth[3 * k + 2] > 0) {
        Keypoint found = best.keypoints().get(k);
        double miss = Math.hypot(found.x() - truth[3 * k], found.y() - truth[3 * k + 1]);
        assertTrue(miss < 0.1 * diagonal, found.name() + " missed by " + miss + " px");
      }
    }
    assertEquals(batched.get(0).size(), batched.get(3).size(), "the same image twice in a batch");
  }
}
