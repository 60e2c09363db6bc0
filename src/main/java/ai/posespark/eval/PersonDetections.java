package ai.posespark.eval;

import ai.posespark.data.FileNameIndex;
import ai.posespark.sink.Columns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * Rows of the job's {@code persons} table → detections. The score is the person's score; the area is the extent
 * of its keypoints (what pycocotools' {@code loadRes} computes for a keypoint result without {@code bbox});
 * {@code person_index} orders score ties inside an image.
 */
public final class PersonDetections {
  private PersonDetections() {}

  /**
   * Detections of the persons whose {@code uri} ends with a ground-truth file name.
   *
   * @param unmatched counts persons of frames that are not in the ground truth (they are left out)
   */
  public static JavaRDD<EvalDetection> of(Dataset<Row> persons, Broadcast<FileNameIndex> index, int categoryId,
      LongAccumulator unmatched) {
    Dataset<Row> rows = persons.select(Columns.URI, Columns.PERSON_INDEX, Columns.SCORE, Columns.KEYPOINTS);
    return rows.javaRDD().flatMap(row -> {
      Long imageId = index.value().lookup(row.getString(0));
      if (imageId == null) {
        unmatched.add(1);
        return Collections.emptyIterator();
      }
      double[] kp = keypoints(row.getList(3));
      double score = ((Number) row.get(2)).doubleValue();
      return List.of(new EvalDetection(imageId, categoryId, row.getInt(1), score, kp,
          EvalDetection.keypointExtentArea(kp))).iterator();
    });
  }

  /** {@code array<struct<name, x, y, score>>} → {@code [x, y, v]×K}, v = the keypoint score. */
  static double[] keypoints(List<Row> points) {
    List<Row> pts = new ArrayList<>(points);
    double[] kp = new double[pts.size() * 3];
    for (int k = 0; k < pts.size(); k++) {
      Row p = pts.get(k);
      kp[3 * k] = ((Number) p.getAs(Columns.X)).doubleValue();
      kp[3 * k + 1] = ((Number) p.getAs(Columns.Y)).doubleValue();
      Object s = p.getAs(Columns.SCORE);
      kp[3 * k + 2] = s == null ? 0 : ((Number) s).doubleValue();
    }
    return kp;
  }
}
