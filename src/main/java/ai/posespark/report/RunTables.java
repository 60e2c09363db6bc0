package ai.posespark.report;

import ai.posespark.eval.Metrics;
import ai.posespark.sink.LiteralPath;
import ai.posespark.sink.OutputSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A run folder's tables as Spark SQL views: {@code frames}, {@code persons} and the evaluation tables the run
 * wrote (each registered metric's {@link ai.posespark.eval.Metric#tables}, e.g. {@code coco_summary}).
 */
public final class RunTables {
  private RunTables() {}

  /**
   * Registers the views of {@code runDir}'s tables on {@code spark}.
   *
   * @return the view names registered, in the order above; a results-only run has no frames or persons
   * @throws IOException when {@code runDir} holds none of the tables
   */
  public static List<String> open(SparkSession spark, String runDir) throws IOException {
    List<String> views = new ArrayList<>();
    for (String table : List.of(OutputSchema.FRAMES, OutputSchema.PERSONS)) {
      openIfPresent(spark, runDir + "/" + table, table, views);
    }
    for (String table : Metrics.tables()) {
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
