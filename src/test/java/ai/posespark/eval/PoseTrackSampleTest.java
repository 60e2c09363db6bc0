package ai.posespark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.data.ImageInfo;
import ai.posespark.data.PersonAnnotation;
import ai.posespark.data.SharedFixtures;
import ai.posespark.sink.OutputSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PoseTrack18 sample (3 videos, one labelled frame each, 14 people) with its own ground truth as the
 * predictions, through the job's evaluation path (persons table → {@link Evaluator} → eval/ files).
 */
class PoseTrackSampleTest {
  static final String GT = "data/posetrack18/annotations/test_posetrack18_val.json";
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = ai.posespark.run.SparkTestSession.get();
  }

  @Test
  void groundTruthAsPredictionsScoresOne(@TempDir Path tmp) throws Exception {
    String uri = SharedFixtures.uri(GT);
    GroundTruth gt = GroundTruth.load(uri, null, List.of("posetrack"), SharedFixtures.CONF);
    Dataset<Row> persons = personsFromGroundTruth(gt);
    String out = tmp.resolve("eval").toUri().toString();
    EvalReport r = Evaluator.evaluate(spark, persons, gt, List.of("posetrack"), out, 0.5);
    PoseTrackMetrics m = r.posetrack();
    assertEquals(3, m.counts().sequences);
    assertEquals(3, m.counts().frames);
    // poseval leaves each sequence's last frame out of MOTA: with one labelled frame per video nothing is left
    assertEquals(0, m.counts().framesInMot);
    assertTrue(Double.isNaN(m.motaTotal()));
    assertEquals(1, m.apTotal(), 1e-12);
    JsonNode json = new ObjectMapper().readTree(tmp.resolve("eval/posetrack.json").toFile());
    assertTrue(json.get("mota_total").isNull());
    assertEquals(1, json.get("ap_total").asDouble(), 1e-12);
    List<Row> table = spark.read().parquet(out + "/posetrack_mota").orderBy("joint_index").collectAsList();
    assertEquals(16, table.size());
    assertEquals("total", table.get(15).getString(1));

    // every frame counted: the ground truth tracks itself perfectly
    PoseTrackMetrics all = PoseTrackEvaluation.evaluatePersons(spark, persons, gt.posetrack(), 0.5,
        PoseTrackRules.ALL_FRAMES, spark.sparkContext().longAccumulator());
    assertEquals(1, all.motaTotal(), 1e-12);
    assertEquals(1, all.motpTotal(), 1e-6, "the persons table keeps float32 pixels");
    assertEquals(1, all.precisionTotal(), 1e-12);
    assertEquals(1, all.recallTotal(), 1e-12);
    assertEquals(1, all.apTotal(), 1e-12);
    long joints = 0;
    for (long n : all.counts().groundTruth) {
      joints += n;
    }
    System.out.printf("PoseTrack18 sample, ground truth as predictions: %d GT joints after ignore regions, "
        + "AP %.4f, MOTA (all frames) %.4f, MOTA (poseval) %s%n", joints, all.apTotal(), all.motaTotal(),
        m.motaTotal());
  }

  /** The persons table a perfect tracker would write: GT keypoints (score 1, unannotated 0), GT track ids. */
  static Dataset<Row> personsFromGroundTruth(GroundTruth gt) {
    List<String> names = gt.coco().keypointNames();
    Map<Long, String> files = new HashMap<>();
    for (ImageInfo im : gt.coco().images()) {
      files.put(im.id(), im.fileName());
    }
    Map<Long, Integer> index = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (PersonAnnotation a : gt.coco().annotations()) {
      String uri = "file:/data/posetrack18/" + files.get(a.imageId());
      int personIndex = index.merge(a.imageId(), 1, Integer::sum) - 1;
      List<Row> points = new ArrayList<>();
      double[] kp = a.keypoints();
      for (int k = 0; k < names.size(); k++) {
        boolean annotated = !(kp[3 * k] == 0 && kp[3 * k + 1] == 0 && kp[3 * k + 2] == 0);
        points.add(RowFactory.create(names.get(k), (float) kp[3 * k], (float) kp[3 * k + 1], annotated ? 1f : 0f));
      }
      rows.add(RowFactory.create("test", (long) uri.hashCode(), uri, 0, personIndex, a.trackId(), 1f,
          RowFactory.create(0f, 0f, 0f, 0f), points, null, null, null));
    }
    return spark.createDataFrame(rows, OutputSchema.PERSONS_TABLE);
  }
}
