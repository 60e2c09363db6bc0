package ai.posespark.cli;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session of the run-folder tools (report, export, SQL): embedded {@code local[*]}, no UI, quiet. */
final class LocalSpark {
  private LocalSpark() {}

  /** A session for {@code tool}; {@code spark.*} system properties (e.g. {@code spark.hadoop.fs.s3a.*}) apply. */
  static SparkSession start(String tool) {
    SparkConf conf = new SparkConf(true);
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    return SparkSession.builder().appName("posespark-" + tool).config(conf).getOrCreate();
  }

  /** {@code dir} as a fully qualified Hadoop URI ({@code out/quickstart} → {@code file:/…/out/quickstart}). */
  static String qualify(SparkSession spark, String dir) throws IOException {
    Path p = new Path(dir);
    return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
  }
}
