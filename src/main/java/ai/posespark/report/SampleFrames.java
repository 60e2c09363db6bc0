package ai.posespark.report;

import ai.posespark.sink.Columns;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Frames of a run drawn with their people: chosen by a SQL predicate over {@code frames}, decoded again from their
 * files ({@link FrameImages}), painted ({@link SkeletonPainter}). Shared by the report's grid and the overlay
 * export.
 */
final class SampleFrames {
  /** A drawn frame: its {@code frames} row and the picture. */
  record Drawn(Row frame, BufferedImage image, boolean decoded) {}

  private SampleFrames() {}

  /** Takes drawn frames one at a time. */
  interface DrawnSink {
    void accept(Drawn drawn) throws IOException;
  }

  /**
   * Draws the ok frames matching {@code where} (a predicate over {@code frames}' columns, or null for all) in
   * {@code order}, at most {@code limit} (0: all), each scaled to at most {@code maxWidth} pixels wide (0: original
   * size).
   */
  static List<Drawn> draw(SparkSession spark, String where, String order, int limit, int maxWidth) {
    List<Row> frames = spark.sql(select(where, order, limit)).collectAsList();
    return frames.isEmpty() ? List.of() : drawn(spark, frames, maxWidth);
  }

  /**
   * Draws the same frames as {@link #draw}, handing each to {@code sink} in order and holding at most {@code chunk}
   * frames' rows, people and pictures at a time: an export may cover a whole run. Returns how many it drew.
   */
  static long forEach(SparkSession spark, String where, String order, int limit, int maxWidth, int chunk,
                      DrawnSink sink) throws IOException {
    Iterator<Row> rows = spark.sql(select(where, order, limit)).toLocalIterator();
    long n = 0;
    List<Row> batch = new ArrayList<>(chunk);
    while (rows.hasNext()) {
      batch.add(rows.next());
      if (batch.size() == chunk || !rows.hasNext()) {
        for (Drawn d : drawn(spark, batch, maxWidth)) {
          sink.accept(d);
          n++;
        }
        batch.clear();
      }
    }
    return n;
  }

  private static String select(String where, String order, int limit) {
    return "SELECT frame_id, uri, frame_index, timestamp_ms, width, height, n_persons FROM frames "
        + "WHERE status = 'ok'" + (where == null ? "" : " AND (" + where + ")") + " ORDER BY " + order
        + (limit > 0 ? " LIMIT " + limit : "");
  }

  /** {@code frames} (rows of {@link #select}) decoded again and painted with their people, in order. */
  private static List<Drawn> drawn(SparkSession spark, List<Row> frames, int maxWidth) {
    String ids = frames.stream().map(r -> Long.toString(r.getLong(0))).collect(Collectors.joining(","));
    Map<Long, List<Row>> persons = new HashMap<>();
    for (Row p : spark.sql("SELECT * FROM persons WHERE frame_id IN (" + ids + ") ORDER BY person_index")
        .collectAsList()) {
      persons.computeIfAbsent(p.getLong(p.fieldIndex(Columns.FRAME_ID)), k -> new ArrayList<>()).add(p);
    }
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    FrameImages images = new FrameImages(conf);
    Map<String, Map<Integer, BufferedImage>> videos = new LinkedHashMap<>();
    Map<String, Set<Integer>> wanted = new LinkedHashMap<>();
    for (Row f : frames) {
      if (!f.isNullAt(3)) {
        wanted.computeIfAbsent(f.getString(1), k -> new TreeSet<>()).add(f.getInt(2));
      }
    }
    wanted.forEach((uri, indices) -> videos.put(uri, images.videoFrames(uri, indices)));
    List<Drawn> out = new ArrayList<>();
    for (Row f : frames) {
      BufferedImage pixels = f.isNullAt(3) ? images.image(f.getString(1))
          : videos.get(f.getString(1)).get(f.getInt(2));
      boolean decoded = pixels != null;
      if (!decoded) {
        pixels = blank(f);
      }
      double scale = maxWidth > 0 ? Math.min(1.0, maxWidth / (double) pixels.getWidth()) : 1.0;
      out.add(new Drawn(f, SkeletonPainter.paint(pixels, persons.getOrDefault(f.getLong(0), List.of()), scale),
          decoded));
    }
    return out;
  }

  /** A grey canvas of the frame's size, for a frame whose file no longer decodes. */
  private static BufferedImage blank(Row f) {
    int w = f.isNullAt(4) ? 640 : f.getInt(4);
    int h = f.isNullAt(5) ? 480 : f.getInt(5);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.DARK_GRAY);
    g.fillRect(0, 0, w, h);
    g.dispose();
    return img;
  }
}
