package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.DecodedImage;
import ai.posespark.decode.ImageBytes;
import ai.posespark.decode.ImageDecoder;
import ai.posespark.decode.ImageLimits;
import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.model.TorchScriptFixture;
import ai.posespark.report.JobSummary;
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
 * one partition of giant images (36 MP each) whose decode stays bounded by {@code input.maxDecodePixels}.
 * Figures are printed, nothing is timed.
 */
class ResourcesJobTest {
  private static final int TINY_FILES = 10_000;
  private static final int GIANT = 6_000;

  @TempDir
  Path dir;

  /**
   * 10,000 tiny files as a scraped folder has them: 2,000 16×16 images with a dot, and 8,000 broken ones (empty,
   * text, cut PNGs) that cost no model time, so the run stays short while listing, partitioning, decoding and the
   * tables see 10,000 files.
   */
  @Test
  void tenThousandTinyFilesFinish() throws Exception {
    Path images = Files.createDirectories(dir.resolve("tiny"));
    BufferedImage dot = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
    dot.setRGB(12, 4, Color.WHITE.getRGB());
    byte[] png = TestImages.encode(dot, "png");
    byte[][] broken = {new byte[0], "<html>404</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        ImageBytes.truncated(png, 0.5), ImageBytes.truncated(png, 0.9)};
    for (int i = 0; i < TINY_FILES; i++) {
      Files.write(images.resolve(String.format("%05d.png", i)), i % 5 == 0 ? png : broken[i % 4]);
    }
    JobSummary summary = run("tiny", images, 64);
    assertEquals(TINY_FILES, summary.frames(), "a row per file");
    assertEquals(TINY_FILES * 4 / 5, summary.errors());
    assertEquals(TINY_FILES / 5, summary.persons());
    System.out.printf("10,000 tiny files (2,000 images, 8,000 broken): %.1f s, %.0f frames/s (mean ms per ok "
        + "frame: %s)%n", summary.seconds(), summary.framesPerSecond(), stageMeans(summary));
  }

  @Test
  void aPartitionOfGiantImagesStaysWithinTheDecodeBound() throws Exception {
    Path images = Files.createDirectories(dir.resolve("giant"));
    // a 300 px white square at (4000..4300, 2000..2300), written row by row: ~50 KB per 36 MP file
    byte[] white = new byte[3 * GIANT];
    for (int x = 4000; x < 4300; x++) {
      white[3 * x] = (byte) 255;
      white[3 * x + 1] = (byte) 255;
      white[3 * x + 2] = (byte) 255;
    }
    byte[] black = new byte[3 * GIANT];
    byte[] png = ImageBytes.png(GIANT, GIANT, GIANT, y -> y >= 2000 && y < 2300 ? white : black);
    for (int i = 0; i < 2; i++) {
      Files.write(images.resolve("giant" + i + ".png"), png);
    }
    DecodedImage decoded = ImageDecoder.read(png, ImageLimits.DEFAULTS);
    long pixels = (long) decoded.image().width() * decoded.image().height();
    assertTrue(pixels <= ImageLimits.DEFAULT_MAX_DECODE_PIXELS, pixels + " pixels");
    JobSummary summary = run("giant", images, 1);
    assertEquals(2, summary.frames());
    assertEquals(0, summary.errors(), "36 MP is under input.maxPixels");
    List<Row> frames = SparkTestSession.get().read().parquet(summary.runDir() + "/frames")
        .select("width", "height", "decode_ms").collectAsList();
    for (Row f : frames) {
      assertEquals(GIANT, f.getInt(0));
      assertEquals(GIANT, f.getInt(1));
    }
    Row kp = SparkTestSession.get().read().parquet(summary.runDir() + "/persons").select("keypoints").first();
    Row nose = kp.<Row>getList(0).get(0);
    // the model picks the square's first brightest input pixel; one input pixel of 192 spans 31 source pixels
    assertTrue(nose.getFloat(1) > 4000 - 40 && nose.getFloat(1) < 4300, "x in the giant image's own pixels: " + nose);
    assertTrue(nose.getFloat(2) > 2000 - 40 && nose.getFloat(2) < 2300, "y: " + nose);
    System.out.printf("2 giant PNGs (%dx%d = %.0f MP, %d KB each): decoded every %d-th pixel (%dx%d, %.0f MB of "
        + "RGB per frame), %.0f ms decode per frame, %.1f s in all%n", GIANT, GIANT, GIANT * (double) GIANT / 1e6,
        png.length / 1024, decoded.subsampling().step(), decoded.image().width(), decoded.image().height(),
        pixels * 3 / 1e6, frames.stream().mapToDouble(r -> r.getDouble(2)).average().orElse(0), summary.seconds());
  }

  private static String stageMeans(JobSummary summary) {
    Row r = SparkTestSession.get().read().parquet(summary.runDir() + "/frames")
        .where("status = 'ok'").selectExpr("avg(read_ms)", "avg(decode_ms)", "avg(preprocess_ms)",
            "avg(inference_ms)").first();
    return String.format("read %.2f, decode %.2f, preprocess %.2f, inference %.2f", r.getDouble(0), r.getDouble(1),
        r.getDouble(2), r.getDouble(3));
  }

  private JobSummary run(String name, Path images, int batchSize) throws Exception {
    Path pt = TorchScriptFixture.write(dir.resolve("movenet-lightning.pt"));
    return PoseJob.run(SparkTestSession.get(), JobSpecLoader.parse("""
        name: %s
        input: {paths: [%s]}
        model: {pose: %s, minPersonScore: 0.5, trustTorchScript: true}
        execution: {device: cpu, batchSize: %d, partitions: %d}
        output: {path: %s}
        """.formatted(name, images, pt, batchSize, name.equals("giant") ? 1 : 4, dir.resolve("out")), List.of()));
  }
}
