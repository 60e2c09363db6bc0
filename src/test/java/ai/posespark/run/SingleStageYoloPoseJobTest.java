package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.model.TorchScriptArchive;
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
 * The single-stage pipeline with a YOLO-pose head, end to end: a TorchScript module (written without Python) that
 * speaks Ultralytics' pose export — {@code [1, 3, 640, 640]} RGB 0..1 in, {@code [1, 5 + 3·17, N]} out — and puts
 * a 40-pixel person with all keypoints on the brightest input pixel, twice (the copy scoring lower, for NMS to
 * drop). Its catalog entry is a user's file (no code); the frame is letterboxed centred with padding 114, so the
 * person comes back through the letterbox's inverse, box kept.
 */
class SingleStageYoloPoseJobTest {
  private static final String CODE = """
      class BrightestPerson(Module):
        __parameters__ = []
        __buffers__ = []
        training : bool
        def forward(self: __torch__.BrightestPerson,
          x: Tensor) -> Tensor:
          g = torch.sum(x, [1])
          w = torch.size(g, 2)
          idx = torch.argmax(torch.reshape(g, [1, -1]), 1)
          row = torch.div(idx, w, rounding_mode="floor")
          col = torch.sub(idx, torch.mul(row, w))
          cy = torch.add(torch.to(row, 6), 0.5)
          cx = torch.add(torch.to(col, 6), 0.5)
          size = torch.mul(torch.ones_like(cx), 40.0)
          vis = torch.mul(torch.ones_like(cx), 0.9)
          kp = torch.reshape(torch.stack([cx, cy, vis], 1), [1, 3, 1])
          kps = torch.reshape(torch.expand(torch.reshape(kp, [1, 1, 3, 1]), [1, 17, 3, 1]), [1, 51, 1])
          one = torch.cat([torch.reshape(torch.stack([cx, cy, size, size], 1), [1, 4, 1]),
              torch.reshape(vis, [1, 1, 1]), kps], 1)
          copy = torch.cat([torch.narrow(one, 1, 0, 4), torch.mul(torch.narrow(one, 1, 4, 1), 0.8),
              torch.narrow(one, 1, 5, 51)], 1)
          return torch.cat([one, copy], 2)
      """;

  @TempDir
  Path dir;

  @Test
  void peopleComeBackThroughTheLetterboxWithTheirBoxes() throws Exception {
    Path model = Files.write(dir.resolve("brightest-pose.pt"), TorchScriptArchive.of("BrightestPerson", CODE));
    Path catalog = Files.writeString(dir.resolve("catalog.yaml"), """
        models:
          brightest-pose:
            file: brightest-pose.pt
            format: torchscript
            input: {size: [640, 640], dtype: float32, layout: nchw, range: "0..1", channels: rgb, pad: 114}
            resize: letterbox
            decoder: yolo-pose
            codec: {nmsIou: 0.7}
            keypoints: coco17
            batch: 1
        """);
    Path images = Files.createDirectories(dir.resolve("images"));
    BufferedImage frame = new BufferedImage(800, 500, BufferedImage.TYPE_3BYTE_BGR);
    var g = frame.createGraphics();
    g.setColor(new Color(60, 60, 60));
    g.fillRect(0, 0, 800, 500);
    g.setColor(Color.WHITE);
    g.fillRect(300, 200, 4, 4); // centre (302, 202) in continuous pixels
    g.dispose();
    Files.write(images.resolve("dot.png"), TestImages.encode(frame, "png"));
    JobSpec spec = JobSpecLoader.parse("""
        name: yolo
        input: {paths: ["%s"]}
        model: {pipeline: single, pose: brightest-pose, catalog: "%s", minPersonScore: 0.5}
        execution: {device: cpu}
        output: {path: %s}
        """.formatted(images, catalog, dir.resolve("out")), List.of());
    JobSummary s = PoseJob.run(SparkTestSession.get(), spec);
    assertEquals(1, s.frames());
    assertEquals(0, s.errors());
    assertEquals(1, s.persons(), "the lower-scoring copy is suppressed");
    Row p = SparkTestSession.get().read().parquet(s.runDir() + "/persons")
        .selectExpr("score", "bbox.x", "bbox.y", "bbox.w", "bbox.h", "keypoints[0].x", "keypoints[16].y").first();
    // 800×500 letterboxed into 640×640: scale 0.8, 120 rows of padding on top; 40 input pixels are 50 frame pixels
    assertEquals(0.9f, p.getFloat(0), 1e-4);
    assertEquals(50, p.getFloat(3), 0.01);
    assertEquals(50, p.getFloat(4), 0.01);
    assertEquals(302 - 25, p.getFloat(1), 1.5);
    assertEquals(202 - 25, p.getFloat(2), 1.5);
    assertEquals(302, p.getFloat(5), 1.5);
    assertEquals(202, p.getFloat(6), 1.5);
  }
}
