package ai.posespark.job;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import ai.posespark.sink.OutputSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The counts and times of a run's inference rows, computed in one Spark aggregation.
 *
 * @param frames  frame rows
 * @param errors  frames with status error
 * @param persons people found
 * @param modelMs summed pre-processing + inference + post-processing milliseconds
 * @param stageMeans mean milliseconds per stage over ok frames, e.g. {@code read 1.2, decode 8.0, ...}
 */
record RunTotals(long frames, long errors, long persons, double modelMs, String stageMeans) {
  private static final String[] STAGES = {"read", "decode", "preprocess", "inference", "postprocess"};

  static RunTotals of(Dataset<Row> inference) {
    var ok = col("status").equalTo(OutputSchema.STATUS_OK);
    var columns = new org.apache.spark.sql.Column[STAGES.length + 3];
    columns[0] = sum(when(col("status").equalTo(OutputSchema.STATUS_ERROR), 1).otherwise(0));
    columns[1] = sum(col("n_persons"));
    columns[2] = sum(col("preprocess_ms").plus(col("inference_ms")).plus(col("postprocess_ms")));
    for (int i = 0; i < STAGES.length; i++) {
      columns[i + 3] = avg(when(ok, col(STAGES[i] + "_ms")));
    }
    Row r = inference.agg(count("*"), columns).first();
    StringBuilder means = new StringBuilder();
    for (int i = 0; i < STAGES.length; i++) {
      int c = i + 4;
      means.append(i == 0 ? "" : ", ").append(STAGES[i]).append(' ')
          .append(r.isNullAt(c) ? "-" : String.format("%.1f", r.getDouble(c)));
    }
    return new RunTotals(r.getLong(0), r.isNullAt(1) ? 0 : r.getLong(1), r.isNullAt(2) ? 0 : r.getLong(2),
        r.isNullAt(3) ? 0 : r.getDouble(3), means.toString());
  }
}
