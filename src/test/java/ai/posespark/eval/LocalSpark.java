package ai.posespark.eval;

import org.apache.spark.sql.SparkSession;

/** The small local Spark session the eval tests share (one per test class: start in @BeforeAll, stop after). */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession start() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("posespark-eval-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }
}
