package ai.posespark.source;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * {@link FrameLister}'s listing done on the executors, so the driver's memory does not grow with the number of files
 * (as Spark's own file index lists many folders with a Spark job, but without collecting the result). The driver
 * expands {@code input.paths} only down to folders: globs are expanded, and folders are split level by level (each
 * level listed by a small Spark job that returns subfolder names only) until there are enough of them to spread
 * over the cluster. Each resulting work unit (a folder tree, the files directly in a split folder, a file a path
 * named) is then listed by an executor with FrameLister's own rules (extensions, hidden {@code .}/{@code _}
 * entries, explicit files always taken, {@link FrameIds#of} ids), giving a {@link #SCHEMA} Dataset that never sits
 * on the driver; the {@link ListingReport} counts come back through a {@link ListingAccumulator}, the file count and
 * bytes as one aggregate.
 *
 * <p>A unit's files are gathered in its executor task before they are emitted: an executor holds the largest
 * folder's listing (split folders: the files directly in one folder), the driver one entry per folder.
 */
public final class ExecutorListing {
  /** A listed file: {@code uri}, {@code frame_id}, {@code bytes} (the cost estimate), {@code version}. */
  public static final StructType SCHEMA = new StructType()
      .add("uri", DataTypes.StringType, false)
      .add("frame_id", DataTypes.LongType, false)
      .add("bytes", DataTypes.LongType, false)
      .add("version", DataTypes.StringType, false);

  /** Folder levels split at most, so a deep chain of single folders costs a bounded number of small jobs. */
  static final int MAX_SPLIT_DEPTH = 4;

  /** What an executor lists for one unit. */
  enum Kind {
    /** A folder and everything below it ({@link FrameLister#walk}). */
    TREE,
    /** The files directly in a folder whose subfolders are units of their own ({@link FrameLister#filesIn}). */
    FILES_IN,
    /** A hidden folder off a local disk: each file below counts as hidden ({@link FrameLister#countHidden}). */
    HIDDEN_TREE,
    /** A file {@code input.paths} names: taken whatever its extension. */
    FILE,
    /** A file a glob matched: taken by its extension. */
    GLOB_FILE
  }

  /** One unit of listing work; files carry their status so the executor needs no request for them. */
  record Unit(Kind kind, String uri, long bytes, long modified) implements Serializable {
    static Unit folder(Kind kind, Path dir) {
      return new Unit(kind, dir.toString(), 0, 0);
    }
  }

  private final List<Unit> units;
  private final boolean overlapping;
  private final ListingReport driverReport;
  private final HadoopConf conf;
  private final List<String> extensions;

  private ExecutorListing(List<Unit> units, boolean overlapping, ListingReport driverReport, HadoopConf conf,
      List<String> extensions) {
    this.units = units;
    this.overlapping = overlapping;
    this.driverReport = driverReport;
    this.conf = conf;
    this.extensions = extensions;
  }

  /**
   * The work units of {@code paths}: globs expanded on the driver, folders split on the executors until there are
   * at least {@code targetUnits} units (or {@link #MAX_SPLIT_DEPTH} levels). Fails naming the path when one
   * matches nothing.
   */
  public static ExecutorListing plan(SparkSession spark, List<String> paths, Configuration conf,
      Collection<String> extensions, int targetUnits) throws IOException {
    ListingReport report = new ListingReport();
    List<Unit> units = new ArrayList<>();
    List<String> frontier = new ArrayList<>();
    List<Path> roots = new ArrayList<>();
    for (String p : paths) {
      for (FrameLister.Match m : FrameLister.matches(p, conf, report)) {
        FileStatus s = m.status();
        roots.add(s.getPath());
        if (s.isDirectory()) {
          frontier.add(s.getPath().toString());
        } else {
          units.add(new Unit(m.explicit() ? Kind.FILE : Kind.GLOB_FILE, s.getPath().toString(), s.getLen(),
              s.getModificationTime()));
        }
      }
    }
    HadoopConf hadoop = new HadoopConf(conf);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    ListingAccumulator splitReport = new ListingAccumulator();
    spark.sparkContext().register(splitReport, "posespark.listing.split");
    for (int depth = 0; !frontier.isEmpty() && units.size() + frontier.size() < targetUnits
        && depth < MAX_SPLIT_DEPTH; depth++) {
      List<String> level = frontier;
      List<List<Unit>> found = jsc.parallelize(level, Math.min(level.size(), jsc.defaultParallelism() * 4))
          .map(dir -> split(dir, hadoop, splitReport)).collect();
      frontier = new ArrayList<>();
      for (List<Unit> next : found) {
        for (Unit u : next) {
          if (u.kind() == Kind.TREE) {
            frontier.add(u.uri());
          } else {
            units.add(u);
          }
        }
      }
    }
    for (String dir : frontier) {
      units.add(new Unit(Kind.TREE, dir, 0, 0));
    }
    report.add(splitReport.value());
    return new ExecutorListing(List.copyOf(units), overlaps(roots), report, hadoop, List.copyOf(extensions));
  }

  /** One level of a folder: its files as a {@link Kind#FILES_IN} unit, its subfolders as {@link Kind#TREE}s. */
  private static List<Unit> split(String dir, HadoopConf conf, ListingAccumulator accumulator) throws IOException {
    Path path = new Path(dir);
    FileSystem fs = path.getFileSystem(conf.get());
    List<Unit> next = new ArrayList<>();
    next.add(Unit.folder(Kind.FILES_IN, path));
    ListingReport report = new ListingReport();
    FrameLister.subfolders(fs, path, p -> next.add(Unit.folder(Kind.TREE, p)),
        p -> next.add(Unit.folder(Kind.HIDDEN_TREE, p)), report);
    accumulator.add(report);
    return next;
  }

  /** True when one path the user gave lies inside (or is) another: then a file may be listed twice. */
  private static boolean overlaps(List<Path> roots) {
    List<String> sorted = roots.stream().map(p -> p.toString().endsWith("/") ? p.toString() : p + "/").sorted()
        .toList();
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).startsWith(sorted.get(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /** Work units: folders (whole trees or one level) and named files. */
  public int units() {
    return units.size();
  }

  /** The units that are folders: how far the inputs spread (what {@code input.listing: auto} decides by). */
  public int folders() {
    return (int) units.stream().filter(u -> u.kind() != Kind.FILE && u.kind() != Kind.GLOB_FILE).count();
  }

  /**
   * Lists the units on the executors: a {@link #SCHEMA} Dataset, each URI once, persisted (memory and disk) and
   * counted. What the listing left out is added to {@code report}.
   */
  public Listed list(SparkSession spark, ListingReport report) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    ListingAccumulator left = new ListingAccumulator();
    spark.sparkContext().register(left, "posespark.listing");
    int slices = Math.max(1, Math.min(units.size(), jsc.defaultParallelism() * 8));
    HadoopConf hadoop = conf;
    List<String> taken = extensions;
    JavaRDD<Row> rows = jsc.parallelize(units, slices).mapPartitions(it -> rows(it, hadoop, taken, left));
    Dataset<Row> files = spark.createDataFrame(rows, SCHEMA);
    if (overlapping) {
      files = files.dropDuplicates("uri");
    }
    files = files.persist(StorageLevel.MEMORY_AND_DISK());
    Row totals = files.agg(count(lit(1)), sum(col("bytes"))).first();
    report.add(driverReport);
    report.add(left.value());
    return new Listed(files, totals.getLong(0), totals.isNullAt(1) ? 0 : totals.getLong(1));
  }

  /** An executor's rows for its units. */
  private static Iterator<Row> rows(Iterator<Unit> it, HadoopConf conf, List<String> extensions,
      ListingAccumulator accumulator) {
    Predicate<Path> taken = FrameLister.takes(extensions);
    List<Row> out = new ArrayList<>();
    ListingReport report = new ListingReport();
    try {
      while (it.hasNext()) {
        Unit u = it.next();
        Path path = new Path(u.uri());
        switch (u.kind()) {
          case FILE -> out.add(row(u.uri(), u.bytes(), u.modified()));
          case GLOB_FILE -> {
            if (taken.test(path)) {
              out.add(row(u.uri(), u.bytes(), u.modified()));
            } else {
              report.skipped(u.uri());
            }
          }
          case TREE -> FrameLister.walk(path.getFileSystem(conf.get()), path, taken, f -> out.add(row(f)), report);
          case FILES_IN -> FrameLister.filesIn(path.getFileSystem(conf.get()), path, taken, f -> out.add(row(f)),
              report);
          case HIDDEN_TREE -> FrameLister.countHidden(path.getFileSystem(conf.get()), path, report);
          default -> throw new IllegalStateException(u.kind().toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("listing input.paths on an executor: " + e.getMessage(), e);
    }
    accumulator.add(report);
    return out.iterator();
  }

  private static Row row(FileStatus f) {
    return row(f.getPath().toString(), f.getLen(), f.getModificationTime());
  }

  private static Row row(String uri, long bytes, long modified) {
    return RowFactory.create(uri, FrameIds.of(uri, 0), bytes, FileVersions.version(bytes, modified));
  }

  /** A row of {@link #SCHEMA} as the task an executor runs. */
  public static FrameTask task(Row row) {
    return new FrameTask(row.getString(0), 0, row.getLong(1), row.getLong(2));
  }

  /**
   * The listed files on the executors and their aggregates.
   *
   * @param files {@link #SCHEMA} rows, persisted: {@link Dataset#unpersist()} when planned
   * @param count files listed
   * @param bytes their total size
   */
  public record Listed(Dataset<Row> files, long count, long bytes) {}
}
