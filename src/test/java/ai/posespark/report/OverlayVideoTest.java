package ai.posespark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.RowFactory;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annotated video: every drawn frame encoded, at the size and rate of the frames, readable by FFmpeg. */
class OverlayVideoTest {
  @TempDir
  Path dir;

  @Test
  void encodesEachFrameAtItsRate() throws Exception {
    List<SampleFrames.Drawn> frames = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      BufferedImage img = new BufferedImage(161, 120, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(i * 10, 40, 30, 30);
      g.dispose();
      // 10 frames per second: 100 ms apart
      frames.add(new SampleFrames.Drawn(RowFactory.create(7L, "file:/v.mp4", i, i * 100L, 161, 120, 1), img, true));
    }
    Path file = dir.resolve("v_overlay.mp4");
    OverlayVideo.write(frames, file.toUri().toString(), new Configuration());
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.start();
      assertEquals(160, grabber.getImageWidth(), "even width: the odd column dropped");
      assertEquals(120, grabber.getImageHeight());
      assertEquals(10, grabber.getFrameRate(), 0.01);
      int n = 0;
      for (Frame f; (f = grabber.grabImage()) != null; ) {
        n++;
      }
      assertEquals(12, n, "every frame");
      grabber.stop();
    }
    assertTrue(file.toFile().length() > 1000);
  }
}
