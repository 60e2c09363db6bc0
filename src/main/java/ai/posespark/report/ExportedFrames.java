package ai.posespark.report;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The ok frames an export covers, one row each with its people: {@code frame_id, uri, frame_index, timestamp_ms,
 * width, height, people} where {@code people} holds {@code person_index, track_id, score, bbox, keypoints} in
 * person order. Streamed to the driver a partition at a time, never collected whole.
 */
final class ExportedFrames {
  private ExportedFrames() {}

  /**
   * The frames matching {@code where} (a SQL predicate over {@code frames}' columns, or null), ordered by
   * {@code uri, frame_index}; the run's tables must be open as views ({@link RunTables#open}).
   */
  static Iterator<Row> select(SparkSession spark, String where) {
    return spark.sql("WITH f AS (SELECT * FROM frames WHERE status = 'ok'" + (where == null ? "" : " AND ("
        + where + ")") + ") SELECT f.frame_id, f.uri, f.frame_index, f.timestamp_ms, f.width, f.height, "
        + "sort_array(filter(collect_list(struct(p.person_index, p.track_id, p.score, p.bbox, p.keypoints)), "
        + "x -> x.person_index IS NOT NULL)) AS people FROM f LEFT JOIN persons p ON p.frame_id = f.frame_id "
        + "AND p.run = f.run GROUP BY f.frame_id, f.uri, f.frame_index, f.timestamp_ms, f.width, f.height "
        + "ORDER BY f.uri, f.frame_index").toLocalIterator();
  }

  /**
   * The file {@code name} in folder {@code dir}, taken as a name whatever it holds: Hadoop's {@code Path(dir, name)}
   * parses {@code 2024-05-01T10:22:33.jpg} as a URI with scheme {@code 2024-05-01T10} and fails.
   */
  static org.apache.hadoop.fs.Path child(org.apache.hadoop.fs.Path dir, String name) {
    return new org.apache.hadoop.fs.Path(dir, new org.apache.hadoop.fs.Path(null, null, name));
  }

  /** {@link #child(org.apache.hadoop.fs.Path, String)} of a folder given as a string. */
  static org.apache.hadoop.fs.Path child(String dir, String name) {
    return child(new org.apache.hadoop.fs.Path(dir), name);
  }

  /** The frame's file name without folder and extension: {@code 000000000785}. */
  static String stem(String uri) {
    String name = uri.substring(uri.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Names an export's per-frame files, each once: {@code <stem><suffix>}, a video frame's stem followed by its
   * index zero-padded to {@code indexDigits}; a name taken already gets the frame id appended to the stem.
   * Reads {@code frame_id, uri, frame_index, timestamp_ms} as the first four columns of a frame row.
   */
  static final class FileNames {
    private final int indexDigits;
    private final Set<String> taken = new HashSet<>();

    FileNames(int indexDigits) {
      this.indexDigits = indexDigits;
    }

    /** The file name of frame {@code f} ending in {@code suffix}. */
    String next(Row f, String suffix) {
      String base = stem(f.getString(1)) + (f.isNullAt(3) ? "" : String.format("_%0" + indexDigits + "d",
          f.getInt(2)));
      String name = taken.add(base + suffix) ? base + suffix : base + "_" + f.getLong(0) + suffix;
      taken.add(name);
      return name;
    }
  }
}
