package ai.posespark.plan;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.not;

import ai.posespark.sink.Columns;
import ai.posespark.sink.OutputSchema;
import ai.posespark.source.FrameIds;
import ai.posespark.source.FrameTask;
import ai.posespark.source.VideoRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The frame rows a run folder already holds, as two sorted id arrays (8 bytes a frame on the driver), and what
 * they mean for the listed tasks of an {@code append} or {@code resume} run: a task whose frames all have a row is
 * skipped, unless a row is {@code error} and {@code execution.retryErrors} is on, or its file was replaced (another
 * size or modification time than the run recorded); a task redone with some rows in the tables (a video range
 * with an error frame, a replaced file) has its old rows removed first. For a listing that stays on the executors
 * the same rule is {@link #join}: joins against the tables instead of id arrays on the driver.
 */
final class PriorFrames {
  private final long[] ok;
  private final long[] failed;
  private final Map<String, String> versions;

  private PriorFrames(long[] ok, long[] failed, Map<String, String> versions) {
    this.ok = ok;
    this.failed = failed;
    this.versions = versions;
  }

  /** No rows: a fresh run folder. */
  static PriorFrames none() {
    return new PriorFrames(new long[0], new long[0], Map.of());
  }

  /**
   * The frame ids of a {@code frames/} table, streamed to the driver a partition at a time, and the input file
   * versions the chunks recorded (the latest chunk's for a file redone), or null for a table without them.
   */
  static PriorFrames of(Dataset<Row> frames, Dataset<Row> inputs) {
    Map<String, String> versions = new HashMap<>();
    if (inputs != null) {
      Iterator<Row> rows = inputs.orderBy(Columns.CHUNK).select(Columns.URI, Columns.VERSION).toLocalIterator();
      while (rows.hasNext()) {
        Row r = rows.next();
        versions.put(r.getString(0), r.getString(1));
      }
    }
    LongList ok = new LongList();
    LongList failed = new LongList();
    Iterator<Row> rows = frames.select(col(Columns.FRAME_ID), col(Columns.STATUS).equalTo(OutputSchema.STATUS_OK))
        .toLocalIterator();
    while (rows.hasNext()) {
      Row r = rows.next();
      (r.getBoolean(1) ? ok : failed).add(r.getLong(0));
    }
    return new PriorFrames(ok.sorted(), failed.sorted(), versions);
  }

  /**
   * Splits the listed tasks.
   *
   * @param retryErrors whether frames whose row is {@code error} are redone
   * @param listed      the listed files' versions: a file whose version differs from the recorded one is redone
   */
  Selection select(List<FrameTask> tasks, boolean retryErrors, Map<String, String> listed) {
    List<FrameTask> todo = new ArrayList<>();
    List<Long> redo = new ArrayList<>();
    Set<String> replacedFiles = new TreeSet<>();
    long skipped = 0;
    for (FrameTask task : tasks) {
      long[] ids = frameIds(task);
      int okRows = 0;
      int errorRows = 0;
      for (long id : ids) {
        if (Arrays.binarySearch(ok, id) >= 0) {
          okRows++;
        } else if (Arrays.binarySearch(failed, id) >= 0) {
          errorRows++;
        }
      }
      int present = okRows + errorRows;
      String recorded = versions.get(task.uri());
      boolean replaced = recorded != null && !recorded.equals(listed.get(task.uri()));
      if (replaced) {
        replacedFiles.add(task.uri());
      }
      if (present == ids.length && (errorRows == 0 || !retryErrors) && !replaced) {
        skipped += ids.length;
        continue;
      }
      todo.add(task);
      if (present > 0) {
        for (long id : ids) {
          redo.add(id);
        }
      }
    }
    return new Selection(todo, skipped, redo, List.copyOf(replacedFiles));
  }

  /**
   * {@link #select}'s rule as Spark joins, for image files listed on the executors: {@code listed}
   * ({@code uri, frame_id, bytes, version}, one frame per file) joined with the frames table's rows (an {@code ok}
   * row wins over an {@code error} row of the same frame, as in {@link #select}) and the version each file's latest
   * chunk recorded. Adds {@code skip} (its row is in the tables and stays) and {@code redo} (run again, its old
   * rows removed first); the rest ({@code !skip && !redo}) are new.
   *
   * @param frames the committed {@code frames/} table, or null for a fresh run folder
   * @param inputs the committed input versions ({@code uri, version, chunk}), or null for none
   */
  static Dataset<Row> join(Dataset<Row> listed, Dataset<Row> frames, Dataset<Row> inputs, boolean retryErrors) {
    Column[] columns = {col(Columns.URI), col(Columns.FRAME_ID), col("bytes"), col(Columns.VERSION)};
    if (frames == null) {
      return listed.select(columns).withColumn("skip", lit(false)).withColumn("redo", lit(false));
    }
    Dataset<Row> prior = frames.groupBy(Columns.FRAME_ID)
        .agg(max(col(Columns.STATUS).equalTo(OutputSchema.STATUS_OK)).as("prior_ok"));
    Dataset<Row> joined = listed.join(prior, Columns.FRAME_ID, "left");
    Column replaced = lit(false);
    if (inputs != null) {
      Dataset<Row> recorded = inputs.groupBy(Columns.URI)
          .agg(max_by(col(Columns.VERSION), col(Columns.CHUNK)).as("recorded"));
      joined = joined.join(recorded, Columns.URI, "left");
      replaced = col("recorded").isNotNull().and(col("recorded").notEqual(col(Columns.VERSION)));
    }
    Column present = col("prior_ok").isNotNull();
    Column skip = present.and(col("prior_ok").or(lit(!retryErrors))).and(not(replaced));
    return joined.select(col(Columns.URI), col(Columns.FRAME_ID), col("bytes"), col(Columns.VERSION), skip.as("skip"),
        present.and(not(skip)).as("redo"));
  }

  /** The ids of the frame rows a task produces (a video range: one per sampled frame). */
  static long[] frameIds(FrameTask task) {
    VideoRange range = task.range();
    if (range == null || range.error() != null) {
      return new long[] {task.frameId()};
    }
    long[] ids = new long[range.sampledFrames()];
    for (int i = 0, f = range.firstSampled(); i < ids.length; i++, f += range.stride()) {
      ids[i] = FrameIds.of(task.uri(), f);
    }
    return ids;
  }

  /**
   * What a run does with the listed tasks.
   *
   * @param todo    the tasks to run
   * @param skipped frames skipped: their rows are already in the tables
   * @param redo    ids of frames whose rows are removed and redone (errors retried, replaced files)
   * @param replaced URIs of files replaced since the run recorded them: all their rows go, also those of frames
   *                 the new file no longer has (a video replaced by a shorter one)
   */
  record Selection(List<FrameTask> todo, long skipped, List<Long> redo, List<String> replaced) {}

  /** A growable array of longs. */
  private static final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    long[] sorted() {
      long[] out = Arrays.copyOf(values, size);
      Arrays.sort(out);
      return out;
    }
  }
}
