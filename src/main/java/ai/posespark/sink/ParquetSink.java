package ai.posespark.sink;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.explode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code frames/} and {@code persons/} Parquet tables of a run folder (and {@code inputs/}, the input file
 * versions), committed chunk by chunk. Chunk k is the folders {@code frames/chunk=k}, {@code persons/chunk=k} and
 * {@code inputs/chunk=k} (Spark reads {@code chunk} as a column). A chunk is written under hidden
 * {@code _pending-k} names, then renamed into place, frames last: the frames rename is the commit (one folder
 * rename: atomic on local disks and HDFS, a copy on S3). A crash leaves at most hidden pending folders and persons
 * or inputs chunks without their frames, which {@link #recover} removes. The inference rows must be persisted by
 * the caller so the model runs once for both tables.
 */
public final class ParquetSink implements RunTables {
  private static final String PENDING = "_pending-";
  private static final String REWRITE = "_rewrite-";
  private static final String OLD = "_old-";
  private static final String CHUNK = Columns.CHUNK + "=";
  private static final String FRAMES = OutputSchema.FRAMES;
  private static final String PERSONS = OutputSchema.PERSONS;
  /** Which version (size, modification time) of each input file a chunk holds: a replaced file is redone. */
  private static final String INPUTS = OutputSchema.INPUTS;
  private static final List<String> TABLES = List.of(INPUTS, PERSONS, FRAMES);

  private final Path run;
  private final FileSystem fs;

  public ParquetSink(String runDir, Configuration conf) throws IOException {
    this.run = new Path(runDir);
    this.fs = run.getFileSystem(conf);
  }

  /** The {@code frames/} table: every frame, failed ones included; every inference column but the people. */
  public static Dataset<Row> frames(Dataset<Row> inference) {
    Column[] cols = Arrays.stream(inference.columns()).filter(c -> !c.equals(Columns.PERSONS)).map(c -> col(c))
        .toArray(Column[]::new);
    return inference.select(cols);
  }

  /** The {@code persons/} table: one row per person. */
  public static Dataset<Row> persons(Dataset<Row> inference) {
    List<Column> key = OutputSchema.FRAME_KEY.stream().map(f -> col(f.name())).toList();
    List<Column> exploded = new ArrayList<>(key);
    exploded.add(explode(col(Columns.PERSONS)).as("p"));
    List<Column> flat = new ArrayList<>(key);
    flat.add(col("p.*"));
    return inference.select(exploded.toArray(Column[]::new)).select(flat.toArray(Column[]::new));
  }

  /**
   * Removes what an interrupted run left half done (pending folders, a persons chunk whose frames never
   * committed) and moves the files of a table written before chunks existed into chunk 0.
   *
   * @return the committed chunks, ascending
   */
  @Override
  public List<Integer> recover() throws IOException {
    discardPending();
    for (String table : List.of(PERSONS, FRAMES)) {
      finishRewrites(table);
    }
    List<Integer> committed = chunks(FRAMES);
    for (String table : List.of(INPUTS, PERSONS)) {
      for (int k : chunks(table)) {
        if (!committed.contains(k)) {
          fs.delete(chunkPath(table, k), true);
        }
      }
    }
    if (committed.isEmpty() && adoptUnchunked()) {
      committed = chunks(FRAMES);
    }
    return committed;
  }

  /** Deletes the pending folders of chunks not committed (an interrupted run's, or the one in flight). */
  @Override
  public void discardPending() throws IOException {
    for (String table : TABLES) {
      Path dir = new Path(run, table);
      if (fs.exists(dir)) {
        for (FileStatus s : fs.listStatus(dir)) {
          if (s.getPath().getName().startsWith(PENDING)) {
            fs.delete(s.getPath(), true);
          }
        }
      }
    }
  }

  /**
   * Writes chunk {@code k}'s tables under pending names until {@link #publish}.
   *
   * @param inference the chunk's inference rows
   * @param inputs    the chunk's input files: {@code uri}, {@code version}
   */
  @Override
  public void stage(Dataset<Row> inference, Dataset<Row> inputs, int k) {
    inputs.coalesce(1).write().parquet(pendingPath(INPUTS, k).toString());
    persons(inference).write().parquet(pendingPath(PERSONS, k).toString());
    frames(inference).write().parquet(pendingPath(FRAMES, k).toString());
  }

  /** Renames staged chunk {@code k} into place, inputs and persons before frames (the commit). */
  @Override
  public void publish(int k) throws IOException {
    for (String table : TABLES) {
      rename(pendingPath(table, k), chunkPath(table, k));
    }
  }

  /**
   * Removes the rows of {@code frameIds} (frames to be redone) from the committed chunks that hold them: each
   * chunk is rewritten aside and swapped in, persons before frames, so an interrupted removal is found again from
   * the frames table and finished by the next run.
   */
  @Override
  public void remove(SparkSession spark, Dataset<Row> frameIds) throws IOException {
    Dataset<Row> ids = broadcast(frameIds.select(Columns.FRAME_ID).distinct());
    List<Integer> touched = readFrames(spark).join(ids, Columns.FRAME_ID).select(Columns.CHUNK).distinct()
        .collectAsList().stream().map(r -> r.getInt(0)).sorted().toList();
    for (int k : touched) {
      for (String table : List.of(PERSONS, FRAMES)) {
        Path chunk = chunkPath(table, k);
        if (!fs.exists(chunk)) {
          continue;
        }
        Path rewrite = new Path(chunk.getParent(), REWRITE + k);
        Dataset<Row> rows = spark.read().parquet(LiteralPath.of(chunk.toString()));
        // a USING join puts frame_id first: the rewritten chunk keeps the table's column order
        Column[] order = Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new);
        rows.join(ids, Columns.FRAME_ID, "left_anti").select(order).write().mode(SaveMode.Overwrite)
            .parquet(rewrite.toString());
        Path old = new Path(chunk.getParent(), OLD + k);
        rename(chunk, old);
        rename(rewrite, chunk);
        fs.delete(old, true);
      }
    }
  }

  /** Completes chunk swaps a crash interrupted (old renamed away, rewrite not yet in place) and drops the rest. */
  private void finishRewrites(String table) throws IOException {
    Path dir = new Path(run, table);
    if (!fs.exists(dir)) {
      return;
    }
    for (FileStatus s : fs.listStatus(dir, p -> p.getName().startsWith(OLD))) {
      int k = Integer.parseInt(s.getPath().getName().substring(OLD.length()));
      Path rewrite = new Path(dir, REWRITE + k);
      if (!fs.exists(chunkPath(table, k))) {
        // the old chunk went away only after its rewrite was complete
        rename(fs.exists(rewrite) ? rewrite : s.getPath(), chunkPath(table, k));
      }
      fs.delete(s.getPath(), true);
    }
    for (FileStatus s : fs.listStatus(dir, p -> p.getName().startsWith(REWRITE))) {
      fs.delete(s.getPath(), true);
    }
  }

  @Override
  public Dataset<Row> readFrames(SparkSession spark) {
    return spark.read().parquet(LiteralPath.of(new Path(run, FRAMES).toString()));
  }

  /** The input file versions of the committed chunks ({@code uri, version, chunk}); null before any. */
  @Override
  public Dataset<Row> readInputs(SparkSession spark) throws IOException {
    return chunks(INPUTS).isEmpty() ? null : spark.read().parquet(LiteralPath.of(new Path(run, INPUTS).toString()));
  }

  /** The committed {@code persons/} table (with its {@code chunk} column). */
  @Override
  public Dataset<Row> readPersons(SparkSession spark) {
    return spark.read().parquet(LiteralPath.of(new Path(run, PERSONS).toString()));
  }

  /** The committed chunk numbers of {@code table}, ascending. */
  private List<Integer> chunks(String table) throws IOException {
    Path dir = new Path(run, table);
    TreeSet<Integer> found = new TreeSet<>();
    if (fs.exists(dir)) {
      for (FileStatus s : fs.listStatus(dir)) {
        String name = s.getPath().getName();
        if (s.isDirectory() && name.startsWith(CHUNK)) {
          found.add(Integer.parseInt(name.substring(CHUNK.length())));
        }
      }
    }
    return new ArrayList<>(found);
  }

  /** A table written in one piece (data files directly in the folder) becomes chunk 0 of both tables. */
  private boolean adoptUnchunked() throws IOException {
    Path frames = new Path(run, FRAMES);
    if (!fs.exists(frames) || fs.listStatus(frames, p -> p.getName().endsWith(".parquet")).length == 0) {
      return false;
    }
    for (String table : List.of(PERSONS, FRAMES)) {
      Path dir = new Path(run, table);
      Path chunk = chunkPath(table, 0);
      fs.mkdirs(chunk);
      for (FileStatus s : fs.listStatus(dir, p -> !p.getName().startsWith(CHUNK))) {
        rename(s.getPath(), new Path(chunk, s.getPath().getName()));
      }
    }
    return true;
  }

  private void rename(Path from, Path to) throws IOException {
    fs.mkdirs(to.getParent());
    if (!fs.rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to);
    }
  }

  private Path chunkPath(String table, int k) {
    return new Path(new Path(run, table), CHUNK + k);
  }

  private Path pendingPath(String table, int k) {
    return new Path(new Path(run, table), PENDING + k);
  }
}
