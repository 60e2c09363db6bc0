package ai.posespark.report;

import ai.posespark.sink.Columns;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
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

  /**
   * Draws the ok frames matching {@code where} (a predicate over {@code frames}' columns, or null for all), most
   * people first, at most {@code limit}, each scaled to at most {@code maxWidth} pixels wide (0: original size).
   */
  static List<Drawn> draw(SparkSession spark, String where, String order, int limit, int maxWidth) {
    String sql = "SELECT frame_id, uri, frame_index, timestamp_ms, width, height, n_persons FROM frames "
        + "WHERE status = 'ok'" + (where == null ? "" : " AND (" + where + ")") + " ORDER BY " + order
        + (limit > 0 ? " LIMIT " + limit : "");
    List<Row> frames = spark.sql(sql).collectAsList();
    if (frames.isEmpty()) {
      return List.of();
    }
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
