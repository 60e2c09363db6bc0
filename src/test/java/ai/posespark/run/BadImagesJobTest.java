package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.ImageZoo;
import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of every broken and unusual image {@link ImageZoo} makes, plus a huge photo, a text file and a hidden
 * file, through the real job (MoveNet lightning): one frame row per file listed, each with the outcome its case
 * says, nothing else lost (the rest is reported as skipped, as is the annotated image the folder lacks), and poses
 * on the huge photo where they are on the small one.
 */
class BadImagesJobTest {
  /** The skier photo scaled 8×: 5120×3400 = 17.4 MP, decoded every 2nd row and column. */
  private static final int SCALE = 8;

  @TempDir
  static Path dir;
  static JobSummary summary;
  static Map<String, Row> frames;
  static SparkSession spark;

  @BeforeAll
  static void runJob() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    Path images = Files.createDirectories(dir.resolve("images"));
    ImageZoo.write(images);
    Files.copy(TestImages.samples().resolve("000000000785.jpg"), images.resolve("skier.jpg"));
    BufferedImage skier = ImageIO.read(TestImages.samples().resolve("000000000785.jpg").toFile());
    BufferedImage huge = new BufferedImage(skier.getWidth() * SCALE, skier.getHeight() * SCALE,
        BufferedImage.TYPE_3BYTE_BGR);
    var g = huge.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(skier, 0, 0, huge.getWidth(), huge.getHeight(), null);
    g.dispose();
    Files.write(images.resolve("skier-huge.jpg"), TestImages.encode(huge, "jpg"));
    Files.writeString(images.resolve("README.txt"), "not an image");
    Files.writeString(images.resolve(".DS_Store"), "hidden");
    spark = SparkTestSession.get();
    summary = PoseJob.run(spark, JobSpecLoader.parse("""
        name: bad-images
        input: {paths: [%s], annotations: %s}
        model: {pose: movenet-lightning, minPersonScore: 0.2}
        execution: {batchSize: 4, device: cpu}
        output: {path: %s}
        """.formatted(images, TestImages.samples().resolve("person_keypoints.json"), dir.resolve("out")), List.of()));
    frames = FrameRows.byFileName(spark, summary.runDir());
  }

  @Test
  void everyListedFileHasItsRowAndTheRestIsReported() throws Exception {
    List<ImageZoo.Case> cases = ImageZoo.cases();
    assertEquals(cases.size() + 2, frames.size(), "one row per image file listed");
    assertEquals(frames.size(), summary.frames());
    assertEquals(1, summary.listing().skipped(), "README.txt");
    assertEquals(1, summary.listing().hidden(), ".DS_Store");
    assertTrue(summary.toString().contains("README.txt"), summary.toString());
    assertEquals(1, summary.listing().annotatedNotListed(), "the ground truth's 000000000785.jpg is not listed");
    assertTrue(summary.toString().contains("1 annotated images not in the input, evaluated as missed "
        + "(000000000785.jpg)"), summary.toString());
    long ok = 0;
    long notes = 0;
    for (ImageZoo.Case c : cases) {
      Row row = frames.get(c.file());
      assertNotNull(row, c.file());
      String status = row.getAs("status");
      String error = row.getAs("error");
      String note = row.getAs("note");
      switch (c.outcome()) {
        case ERROR -> {
          assertEquals("error", status, c.file());
          assertTrue(error.contains(c.detail()), c.file() + ": " + error);
        }
        case OK -> {
          assertEquals("ok", status, c.file() + ": " + error);
          assertEquals(c.detail(), row.getAs("width") + "x" + row.getAs("height"), c.file());
          assertNull(note, c.file());
          ok++;
        }
        case OK_WITH_NOTE -> {
          assertEquals("ok", status, c.file() + ": " + error);
          assertTrue(note != null && note.contains(c.detail()), c.file() + ": " + note);
          notes++;
        }
        default -> throw new AssertionError(c.outcome());
      }
    }
    long errors = cases.size() - ok - notes;
    assertEquals(errors, summary.errors());
    System.out.printf("bad images: %d inputs tried, %d ok rows (%d with a decoder note), %d error rows, "
        + "%d skipped, %d hidden, 0 crashes%n", cases.size() + 4, ok + notes + 2, notes, errors,
        summary.listing().skipped(), summary.listing().hidden());
  }

  /** The huge photo's row has its own size, and its person where the small photo's is, scaled. */
  @Test
  void hugePhotoIsPosedInItsOwnPixels() {
    Row huge = frames.get("skier-huge.jpg");
    assertEquals("ok", huge.getAs("status"));
    assertEquals(640 * SCALE, (int) huge.getAs("width"));
    assertEquals(425 * SCALE, (int) huge.getAs("height"));
    List<Row> small = keypoints("skier.jpg");
    List<Row> big = keypoints("skier-huge.jpg");
    double sum = 0;
    for (int k = 0; k < small.size(); k++) {
      sum += Math.hypot(big.get(k).getFloat(1) / SCALE - small.get(k).getFloat(1),
          big.get(k).getFloat(2) / SCALE - small.get(k).getFloat(2));
    }
    double mean = sum / small.size();
    System.out.printf("huge photo (%dx%d, decoded at 1/2): mean keypoint distance to the small photo's, scaled, "
        + "%.2f px of 640%n", 640 * SCALE, 425 * SCALE, mean);
    assertTrue(mean < 6, "mean " + mean);
  }

  private static List<Row> keypoints(String file) {
    List<Row> persons = spark.read().parquet(summary.runDir() + "/persons")
        .where("uri like '%/" + file + "'").orderBy(org.apache.spark.sql.functions.desc("score"))
        .collectAsList();
    assertTrue(!persons.isEmpty(), file + " has a person");
    return persons.get(0).getList(persons.get(0).fieldIndex("keypoints"));
  }
}
