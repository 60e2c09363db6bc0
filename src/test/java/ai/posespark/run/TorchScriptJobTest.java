package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.plan.Preflight;
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
 * A TorchScript model given by path runs through the same job and decoder as the TF.js graph it stands in for:
 * {@code movenet-lightning.pt} takes the movenet-lightning recipe (192×192 int32 letterbox, singlepose decoder).
 * The module puts every keypoint on the brightest pixel, so the decoded keypoints must land on the dot the
 * test drew, back in original pixels.
 */
class TorchScriptJobTest {
  @TempDir
  Path dir;

  @Test
  void torchScriptModelPlugsIntoTheCatalogDecoder() throws Exception {
    Path pt = ai.posespark.model.TorchScriptFixture.write(dir.resolve("movenet-lightning.pt"));
    BufferedImage img = new BufferedImage(400, 200, BufferedImage.TYPE_3BYTE_BGR);
    var g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(300, 150, 4, 4); // a 4×4 dot whose centre is (302, 152)
    g.dispose();
    Files.createDirectories(dir.resolve("img"));
    Files.write(dir.resolve("img/dot.png"), TestImages.encode(img, "png"));
    JobSpec spec = JobSpecLoader.parse("""
        name: ts
        input: {paths: [%s]}
        model: {pose: %s, minPersonScore: 0.5, trustTorchScript: true}
        execution: {device: cpu}
        output: {path: %s}
        """.formatted(dir.resolve("img"), pt, dir.resolve("out")), List.of());
    JobSummary summary = PoseJob.run(SparkTestSession.get(), spec);
    assertEquals(1, summary.persons());
    Row p = SparkTestSession.get().read().parquet(summary.runDir() + "/persons")
        .select("keypoints", "score").first();
    assertEquals(1f, p.getFloat(1), 1e-6);
    List<Row> kps = p.getList(0);
    // 400 px map to 192 input pixels: one input pixel spans 2.08 source pixels
    assertEquals(302, kps.get(9).getFloat(1), 2.1);
    assertEquals(152, kps.get(9).getFloat(2), 2.1);
    Row frame = SparkTestSession.get().read().parquet(summary.runDir() + "/frames").select("model").first();
    assertEquals("movenet-lightning", frame.getString(0));
  }

  /** A .pt named by path is code from wherever the job file points: refused before Spark unless trusted. */
  @Test
  void torchScriptByPathNeedsTrustTorchScript() throws Exception {
    Path pt = ai.posespark.model.TorchScriptFixture.write(dir.resolve("movenet-lightning.pt"));
    String yaml = """
        name: ts
        input: {paths: [%s]}
        model: {pose: %s%s}
        output: {path: %s}
        """;
    JobSpec untrusted = JobSpecLoader.parse(yaml.formatted(dir, pt, "", dir.resolve("out")), List.of());
    JobSpecException e = assertThrows(JobSpecException.class, () -> Preflight.checkKeys(untrusted));
    System.out.println("untrusted TorchScript: " + e.getMessage());
    assertEquals("model.pose", e.key());
    assertTrue(e.getMessage().contains("'" + pt + "' is a TorchScript file named by path"), e.getMessage());
    assertTrue(e.getMessage().contains("set model.trustTorchScript: true"), e.getMessage());
    assertThrows(JobSpecException.class, () -> PoseJob.run(SparkTestSession.get(), untrusted), "the run refuses too");
    assertFalse(java.nio.file.Files.exists(dir.resolve("out/ts")), "nothing written");

    Preflight.checkKeys(JobSpecLoader.parse(yaml.formatted(dir, pt, ", trustTorchScript: true",
        dir.resolve("out")), List.of()));
    // the bundled catalog's entries are trusted by name, and a model.json by path is data, not code
    Preflight.checkKeys(JobSpecLoader.parse(yaml.formatted(dir, "movenet-lightning", "", dir.resolve("out")),
        List.of()));
    Preflight.checkKeys(JobSpecLoader.parse(yaml.formatted(dir, dir.resolve("movenet-lightning.json"), "",
        dir.resolve("out")), List.of()));
  }
}
