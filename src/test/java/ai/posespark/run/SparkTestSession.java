package ai.posespark.run;

import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session shared by the test classes of a JVM (starting Spark costs seconds). A test that runs
 * the CLI stops the session it finds (as the CLI must), so a stopped session is replaced.
 */
public final class SparkTestSession {
  private static SparkSession spark;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (spark == null || spark.sparkContext().isStopped()) {
      spark = SparkSession.builder().master("local[2]").appName("posespark-test")
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .getOrCreate();
    }
    return spark;
  }
}
