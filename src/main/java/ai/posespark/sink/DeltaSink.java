package ai.posespark.sink;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * {@code output.format: delta}: the run's tables as Delta Lake tables, each chunk an ACID append per table with its
 * {@code chunk} column, frames last; rows of redone frames leave through a {@code MERGE … WHEN MATCHED THEN DELETE}
 * by {@code frame_id}, and every commit stays in the table history. A chunk is staged as Parquet under
 * {@code _staging/} first, so its commit (three appends of staged files) is short and an interrupt never waits for
 * inference. The session needs Delta's SQL extension and catalog ({@link #SESSION_CONF}).
 */
public final class DeltaSink implements RunTables {
  /** The Spark settings Delta needs, set before the session starts. */
  public static final List<String[]> SESSION_CONF = List.of(
      new String[] {"spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension"},
      new String[] {"spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog"});
  private static final List<String> TABLES = List.of(OutputSchema.INPUTS, OutputSchema.PERSONS, OutputSchema.FRAMES);

  private final Path run;
  private final FileSystem fs;
  private final SparkSession spark;

  public DeltaSink(String runDir, Configuration conf, SparkSession spark) throws IOException {
    this.run = new Path(runDir);
    this.fs = run.getFileSystem(conf);
    this.spark = spark;
  }

  /** Whether {@code spark} was started with Delta's extension. */
  public static boolean configured(SparkSession spark) {
    return spark.conf().get("spark.sql.extensions", "").contains("DeltaSparkSessionExtension");
  }

  @Override
  public List<Integer> recover() throws IOException {
    discardPending();
    List<Integer> committed = exists(OutputSchema.FRAMES)
        ? readFrames(spark).select(Columns.CHUNK).distinct().collectAsList().stream().map(r -> r.getInt(0)).sorted()
            .toList()
        : List.of();
    int last = committed.isEmpty() ? 0 : committed.get(committed.size() - 1);
    for (String table : List.of(OutputSchema.INPUTS, OutputSchema.PERSONS)) {
      if (exists(table)) {
        DeltaTable.forPath(spark, path(table)).delete(col(Columns.CHUNK).gt(last));
      }
    }
    return committed;
  }

  @Override
  public void discardPending() throws IOException {
    fs.delete(new Path(run, "_staging"), true);
  }

  @Override
  public void stage(Dataset<Row> inference, Dataset<Row> inputs, int k) {
    inputs.coalesce(1).write().mode(SaveMode.Overwrite).parquet(staged(OutputSchema.INPUTS, k));
    ParquetSink.persons(inference).write().mode(SaveMode.Overwrite).parquet(staged(OutputSchema.PERSONS, k));
    ParquetSink.frames(inference).write().mode(SaveMode.Overwrite).parquet(staged(OutputSchema.FRAMES, k));
  }

  @Override
  public void publish(int k) throws IOException {
    for (String table : TABLES) {
      spark.read().parquet(LiteralPath.of(staged(table, k))).withColumn(Columns.CHUNK, lit(k)).write()
          .format("delta").mode(SaveMode.Append).save(path(table));
    }
    discardPending();
  }

  @Override
  public void remove(SparkSession session, Dataset<Row> frameIds) throws IOException {
    Dataset<Row> ids = frameIds.select(Columns.FRAME_ID).distinct();
    for (String table : List.of(OutputSchema.PERSONS, OutputSchema.FRAMES)) {
      if (exists(table)) {
        DeltaTable.forPath(session, path(table)).as("t")
            .merge(ids.as("s"), "t." + Columns.FRAME_ID + " = s." + Columns.FRAME_ID).whenMatched().delete().execute();
      }
    }
  }

  @Override
  public Dataset<Row> readFrames(SparkSession session) {
    return session.read().format("delta").load(path(OutputSchema.FRAMES));
  }

  @Override
  public Dataset<Row> readPersons(SparkSession session) {
    return session.read().format("delta").load(path(OutputSchema.PERSONS));
  }

  @Override
  public Dataset<Row> readInputs(SparkSession session) throws IOException {
    return exists(OutputSchema.INPUTS) ? session.read().format("delta").load(path(OutputSchema.INPUTS)) : null;
  }

  private boolean exists(String table) throws IOException {
    return fs.exists(new Path(new Path(run, table), "_delta_log"));
  }

  private String path(String table) {
    return new Path(run, table).toString();
  }

  private String staged(String table, int k) {
    return new Path(new Path(run, "_staging"), table + "-" + k).toString();
  }
}
