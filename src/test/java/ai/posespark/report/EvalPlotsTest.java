package ai.posespark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.eval.PckhMetric;
import ai.posespark.eval.PoseTrackMetric;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plots a metric declares are drawn from its table when the run has it, and only then. */
class EvalPlotsTest {
  @Test
  void eachMetricsTableGivesItsBarChart(@TempDir Path run) throws Exception {
    SparkSession spark = ai.posespark.run.SparkTestSession.get().newSession();
    List<Row> pckh = new ArrayList<>();
    List<Row> posetrack = new ArrayList<>();
    for (int j = 0; j < 3; j++) {
      pckh.add(RowFactory.create(j, "joint" + j, 10L, 90.0 - j, 40.0 + j, true, false));
      posetrack.add(RowFactory.create(j, "joint" + j, 0.5, 0.9, 0.8, 0.7, 1L, 0L, 2L, 10L, 9L, 0.6, 0.6, 0.7, 10L,
          false));
    }
    spark.createDataFrame(pckh, PckhMetric.PCKH_PER_JOINT).createOrReplaceTempView("pckh_per_joint");
    spark.createDataFrame(posetrack, PoseTrackMetric.POSETRACK_MOTA).createOrReplaceTempView("posetrack_mota");

    List<EvalPlots.Plot> plots = EvalPlots.of(spark, run.toString(), List.of("pckh_per_joint", "posetrack_mota"));
    assertEquals(List.of("MPII PCKh per joint (%)", "PoseTrack MOTA and AP per joint (total = mean over joints)"),
        plots.stream().map(EvalPlots.Plot::title).toList());
    for (EvalPlots.Plot p : plots) {
      assertTrue(ImageIO.read(new ByteArrayInputStream(p.png())).getWidth() > 100, p.title());
    }
    assertEquals(List.of(), EvalPlots.of(spark, run.toString(), List.of("frames")), "no eval table, no plot");
  }
}
