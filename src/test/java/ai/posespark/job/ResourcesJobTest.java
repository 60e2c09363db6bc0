package ai.posespark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.DecodedImage;
import ai.posespark.decode.ImageBytes;
import ai.posespark.decode.ImageDecoder;
import ai.posespark.decode.ImageLimits;
import ai.posespark.decode.TestImages;
import ai.posespark.model.TorchScriptFixture;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resources at the extremes, through the real job with a TorchScript model that costs nothing (the brightest
 * pixel, {@link TorchScriptFixture}), so the loop, decode and tables are what is measured: 10,000 tiny files, and
 * one partition of giant images (81 MP each) whose decode stays bounded by {@code input.maxDecodePixels}.
 * Figures are printed, nothing is timed.
 */
class ResourcesJobTest {
  private static final int TINY_FILES = 10_000;
  private static final int GIANT = 9_000;

  @TempDir
  Path dir;

  @Test
  void tenThousandTinyFilesFinish() throws Exception {
    Path images = Files.createDirectories(dir.resolve("tiny"));
    BufferedImage dot = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
    dot.setRGB(12, 4, Color.WHITE.getRGB());
    byte[] png = TestImages.encode(dot, "png");
    for (int i = 0; i < TINY_FILES; i++) {
      Files.write(images.resolve(String.format("%05d.png", i)), png);
    }
    JobSummary summary = run("tiny", images, 16);
    assertEquals(TINY_FILES, summary.frames());
    assertEquals(0, summary.errors());
    assertEquals(TINY_FILES, summary.persons());
    System.out.printf("10,000 tiny files: %.1f s, %.0f frames/s%n", summary.seconds(), summary.framesPerSecond());
  }

  @Test
  void aPartitionOfGiantImagesStaysWithinTheDecodeBound() throws Exception {
    Path images = Files.createDirectories(dir.resolve("giant"));
    // a 300 px white square at (6000..6300, 3000..3300), written row by row: ~100 KB per 81 MP file
    byte[] white = new byte[3 * GIANT];
    for (int x = 6000; x < 6300; x++) {
      white[3 * x] = (byte) 255;
      white[3 * x + 1] = (byte) 255;
      white[3 * x + 2] = (byte) 255;
    }
    byte[] black = new byte[3 * GIANT];
    byte[] png = ImageBytes.png(GIANT, GIANT, GIANT, y -> y >= 3000 && y < 3300 ? white : black);
    for (int i = 0; i < 3; i++) {
      Files.write(images.resolve("giant" + i + ".png"), png);
    }
    DecodedImage decoded = ImageDecoder.read(png, ImageLimits.DEFAULTS);
    long pixels = (long) decoded.image().width() * decoded.image().height();
    assertTrue(pixels <= ImageLimits.DEFAULT_MAX_DECODE_PIXELS, pixels + " pixels");
    JobSummary summary = run("giant", images, 1);
    assertEquals(3, summary.frames());
    assertEquals(0, summary.errors(), "81 MP is under input.maxPixels");
    List<Row> frames = SparkTestSession.get().read().parquet(summary.runDir() + "/frames")
        .select("width", "height", "decode_ms").collectAsList();
    for (Row f : frames) {
      assertEquals(GIANT, f.getInt(0));
      assertEquals(GIANT, f.getInt(1));
    }
    Row kp = SparkTestSession.get().read().parquet(summary.runDir() + "/persons").select("keypoints").first();
    Row nose = kp.<Row>getList(0).get(0);
    // one input pixel of 192 spans 47 source pixels
    assertEquals(6150, nose.getFloat(1), 60, "x in the giant image's own pixels");
    assertEquals(3150, nose.getFloat(2), 60, "y");
    System.out.printf("3 giant PNGs (%dx%d = %.0f MP, %d KB each): decoded every %d-th pixel (%dx%d, %.0f MB of "
        + "RGB per frame), %.0f ms decode per frame, %.1f s in all%n", GIANT, GIANT, GIANT * (double) GIANT / 1e6,
        png.length / 1024, decoded.subsampling().step(), decoded.image().width(), decoded.image().height(),
        pixels * 3 / 1e6, frames.stream().mapToDouble(r -> r.getDouble(2)).average().orElse(0), summary.seconds());
  }

  private JobSummary run(String name, Path images, int batchSize) throws Exception {
    Path pt = TorchScriptFixture.write(dir.resolve("movenet-lightning.pt"));
    return PoseJob.run(SparkTestSession.get(), JobSpecLoader.parse("""
        name: %s
        input: {paths: [%s]}
        model: {pose: %s, minPersonScore: 0.5}
        execution: {device: cpu, batchSize: %d, partitions: %d}
        output: {path: %s}
        """.formatted(name, images, pt, batchSize, name.equals("giant") ? 1 : 4, dir.resolve("out")), List.of()));
  }
}
