package ai.posespark.run;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import ai.posespark.pipeline.RunSettings;
import ai.posespark.sink.OutputSchema;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The counts and times of a run's inference rows, computed in one Spark aggregation.
 *
 * @param frames  frame rows
 * @param errors  frames with status error
 * @param persons people found
 * @param modelMs summed milliseconds of the pipeline's stages (all but the executor loop's read and decode)
 * @param stageMeans mean milliseconds per stage over ok frames, e.g. {@code read 1.2, decode 8.0, ...}
 */
record RunTotals(long frames, long errors, long persons, double modelMs, String stageMeans) {

  /** Totals over the {@code inference} rows of a run with {@code settings}. */
  static RunTotals of(Dataset<Row> inference, RunSettings settings) {
    List<String> stages = settings.stages();
    List<String> pipelineStages = settings.plan().stages();
    var ok = col("status").equalTo(OutputSchema.STATUS_OK);
    Column[] columns = new Column[stages.size() + 3];
    columns[0] = sum(when(col("status").equalTo(OutputSchema.STATUS_ERROR), 1).otherwise(0));
    columns[1] = sum(col("n_persons"));
    Column pipelineMs = lit(0.0);
    for (String stage : pipelineStages) {
      pipelineMs = pipelineMs.plus(col(OutputSchema.stageColumn(stage)));
    }
    columns[2] = sum(pipelineMs);
    for (int i = 0; i < stages.size(); i++) {
      columns[i + 3] = avg(when(ok, col(OutputSchema.stageColumn(stages.get(i)))));
    }
    Row r = inference.agg(count("*"), columns).first();
    StringBuilder means = new StringBuilder();
    for (int i = 0; i < stages.size(); i++) {
      int c = i + 4;
      means.append(i == 0 ? "" : ", ").append(stages.get(i)).append(' ')
          .append(r.isNullAt(c) ? "-" : String.format("%.1f", r.getDouble(c)));
    }
    return new RunTotals(r.getLong(0), r.isNullAt(1) ? 0 : r.getLong(1), r.isNullAt(2) ? 0 : r.getLong(2),
        r.isNullAt(3) ? 0 : r.getDouble(3), means.toString());
  }
}
