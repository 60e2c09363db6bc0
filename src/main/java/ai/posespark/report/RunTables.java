package ai.posespark.report;

import ai.posespark.sink.LiteralPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A run folder's tables as Spark SQL views: {@code frames}, {@code persons} and the evaluation tables the run
 * wrote ({@code coco_summary}, {@code coco_per_keypoint}, {@code pckh_per_joint}, {@code posetrack_mota}).
 */
public final class RunTables {
  /** The evaluation tables under {@code eval/}, each a view of the same name when present. */
  public static final List<String> EVAL_TABLES = List.of("coco_summary", "coco_per_keypoint", "pckh_per_joint",
      "posetrack_mota");

  private RunTables() {}

  /**
   * Registers the views of {@code runDir}'s tables on {@code spark}.
   *
   * @return the view names registered, in the order above; a results-only run has no frames or persons
   * @throws IOException when {@code runDir} holds none of the tables
   */
  public static List<String> open(SparkSession spark, String runDir) throws IOException {
    List<String> views = new ArrayList<>();
    openIfPresent(spark, runDir + "/frames", "frames", views);
    openIfPresent(spark, runDir + "/persons", "persons", views);
    for (String table : EVAL_TABLES) {
      openIfPresent(spark, runDir + "/eval/" + table, table, views);
    }
    if (views.isEmpty()) {
      throw new IOException(runDir + " is not a PoseSpark run folder: no frames/, persons/ or eval/ tables");
    }
    return views;
  }

  /** Whether {@code path} exists on its file system. */
  static boolean exists(SparkSession spark, String path) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    return fs.exists(p);
  }

  private static void openIfPresent(SparkSession spark, String path, String view, List<String> views)
      throws IOException {
    if (exists(spark, path)) {
      spark.read().parquet(LiteralPath.of(path)).createOrReplaceTempView(view);
      views.add(view);
    }
  }
}
