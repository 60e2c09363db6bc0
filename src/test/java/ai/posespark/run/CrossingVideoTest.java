package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestVideos;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two people who cross: a video the test renders itself (H.264) with the skier pasted twice, walking towards each
 * other one a little lower than the other (a depth offset, as people crossing in a street), estimated by several
 * tasks with movenet-multipose and tracked. Every person found is assigned to the painted skier nearest to it; each
 * skier must keep one track id through the crossing, and the two ids must differ.
 */
class CrossingVideoTest {
  private static final int FRAMES = 60;

  @TempDir
  static Path dir;

  @Test
  void crossingPeopleKeepTheirIds() throws Exception {
    TestModels.assumeInstalled("movenet-multipose");
    Path input = Files.createDirectories(dir.resolve("in"));
    TestVideos.Sprite skier = TestVideos.skier(2);
    int travel = 480 - skier.pixels().width() - 20;
    TestVideos.SpritePainter painter = new TestVideos.SpritePainter(List.of(skier, skier),
        List.of(TestVideos.line(10, 10, 10 + travel, 10, FRAMES), TestVideos.line(10 + travel, 60, 10, 60, FRAMES)));
    TestVideos.render(input, "crossing", new TestVideos.Spec(480, 270, 10, FRAMES, TestVideos.Codec.H264_MP4, 15),
        painter);
    SparkSession spark = SparkTestSession.get();
    JobSummary s = PoseJob.run(spark, JobSpecLoader.parse("""
        name: crossing
        input: {paths: [%s], kind: video}
        model: {pose: movenet-multipose, minPersonScore: 0.2}
        execution: {batchSize: 4, device: cpu, framesPerTask: 15}
        tracking: {enabled: true}
        output: {path: %s}
        """.formatted(input.resolve("crossing.mp4"), dir.resolve("out")), List.of()));
    assertEquals(FRAMES, s.frames());
    List<Row> persons = spark.read().parquet(s.runDir() + "/persons")
        .selectExpr("frame_index", "track_id", "bbox.x + bbox.w / 2", "bbox.y + bbox.h / 2").collectAsList();
    // per skier: how often each track id was the one nearest to it
    List<Map<Long, Integer>> votes = List.of(new HashMap<>(), new HashMap<>());
    int assigned = 0;
    for (Row p : persons) {
      int f = p.getInt(0);
      double best = Double.MAX_VALUE;
      int who = -1;
      for (int k = 0; k < 2; k++) {
        int[] at = painter.offset(f, k);
        double cx = at[0] + skier.pixels().width() / 2.0;
        double cy = at[1] + skier.pixels().height() / 2.0;
        double d = Math.hypot(p.getDouble(2) - cx, p.getDouble(3) - cy);
        if (d < best) {
          best = d;
          who = k;
        }
      }
      if (best < skier.pixels().width() / 2.0) {
        votes.get(who).merge(p.getLong(1), 1, Integer::sum);
        assigned++;
      }
    }
    System.out.println("crossing: per skier, track id -> frames " + votes + " (" + assigned + " of " + persons.size()
        + " persons near a skier)");
    long[] ids = new long[2];
    for (int k = 0; k < 2; k++) {
      Map.Entry<Long, Integer> top = votes.get(k).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      ids[k] = top.getKey();
      int total = votes.get(k).values().stream().mapToInt(Integer::intValue).sum();
      assertTrue(top.getKey() >= 0, "skier " + k + " is tracked");
      assertTrue(top.getValue() >= 0.9 * total, "skier " + k + " keeps one id: " + votes.get(k));
      assertTrue(total >= 0.75 * FRAMES, "skier " + k + " is found in most frames: " + total);
    }
    assertNotEquals(ids[0], ids[1], "two people, two ids");
  }
}
