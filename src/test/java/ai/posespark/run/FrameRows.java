package ai.posespark.run;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A run's frame rows as the bad-input tests look them up: by the frame's file name. */
final class FrameRows {
  private FrameRows() {}

  /** The frames table of {@code runDir}, keyed by the last component of each row's URI. */
  static Map<String, Row> byFileName(SparkSession spark, String runDir) {
    return spark.read().parquet(runDir + "/frames").collectAsList().stream()
        .collect(Collectors.toMap(r -> fileName(r.getAs("uri")), r -> r));
  }

  private static String fileName(String uri) {
    return uri.substring(uri.lastIndexOf('/') + 1);
  }
}
