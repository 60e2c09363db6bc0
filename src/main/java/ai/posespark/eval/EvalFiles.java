package ai.posespark.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * How the metrics write under {@code eval/}: one small Parquet table per breakdown, one indented JSON file per
 * metric with the same numbers. Column names avoid {@code .} and {@code @} so that Spark SQL needs no backticks;
 * a number that is undefined (NaN) is written as null.
 */
final class EvalFiles {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EvalFiles() {}

  static void writeTable(SparkSession spark, List<Row> rows, StructType schema, String path) {
    spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
  }

  static void writeJson(SparkSession spark, ObjectNode json, String path) {
    Path p = new Path(path);
    try (FSDataOutputStream out = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(p, true)) {
      JSON.writeValue((OutputStream) out, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  static void putTable(ObjectNode node, Map<String, Double> table) {
    table.forEach((k, v) -> putNumber(node, k, v));
  }

  static void putNumber(ObjectNode node, String key, double v) {
    if (Double.isNaN(v)) {
      node.putNull(key);
    } else {
      node.put(key, v);
    }
  }

  static Double ratio(long num, long den) {
    return den == 0 ? null : (double) num / den;
  }

  static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
