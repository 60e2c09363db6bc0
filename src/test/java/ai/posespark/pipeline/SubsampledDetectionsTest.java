package ai.posespark.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.posespark.decode.DecodedFrame;
import ai.posespark.decode.RgbImage;
import ai.posespark.decode.Subsampling;
import ai.posespark.detect.PersonBox;
import ai.posespark.source.FrameTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A detection file's boxes are in the image's own pixels; on a frame decoded every 4th pixel they shrink by 4. */
class SubsampledDetectionsTest {
  @TempDir
  Path dir;

  @Test
  void fileBoxesFollowTheDecodedPixels() throws Exception {
    Path dets = Files.writeString(dir.resolve("dets.json"),
        "[{\"image_id\": 42, \"category_id\": 1, \"bbox\": [400, 800, 200, 120], \"score\": 0.9}]");
    TopDownSettings d = TopDownSettings.DEFAULTS;
    FileDetector detector = new FileDetector(new TopDownSettings(dets.toString(), null, d.cropPadding(), d.refine(),
        d.flipTest(), d.poseNms(), d.minDetectionScore(), d.detectionNmsIou(), d.maxPersons()), new Configuration());
    RgbImage small = new RgbImage(1000, 500, new byte[1000 * 500 * 3]);
    FrameTask task = new FrameTask("file:/data/42.jpg", 0, 7, 0);
    DecodedFrame full = DecodedFrame.ok(task, small, 0, 0);
    DecodedFrame quarter = new DecodedFrame(task, small, null, 0, 0, new Subsampling(4, 4000, 2000, 1000, 500),
        null);
    try (StageContext context = new StageContext(Device.cpu(), List.of("detect"), 2)) {
      List<List<PersonBox>> boxes = detector.detect(List.of(full, quarter), context);
      assertEquals(new PersonBox(400, 800, 200, 120, 0.9f), boxes.get(0).get(0));
      assertEquals(new PersonBox(100, 200, 50, 30, 0.9f), boxes.get(1).get(0));
    }
  }
}
