package ai.posespark.report;

import ai.posespark.pose.Skeleton;
import ai.posespark.sink.Columns;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Draws people on a frame with Java2D: box, skeleton ({@link Skeleton#POSENET_EDGES} plus the shoulder and hip
 * bars), keypoints whose score reaches {@link #MIN_KEYPOINT_SCORE}, and a label with the person's index, score and
 * track id. People are coloured by track id when tracked, else by index, so one person keeps one colour.
 */
public final class SkeletonPainter {
  /** Keypoints scoring below are not drawn (nor their edges). */
  public static final float MIN_KEYPOINT_SCORE = 0.3f;

  private static final int[][] BARS = {{5, 6}, {11, 12}};
  private static final Color[] PALETTE = {new Color(0xe6194b), new Color(0x3cb44b), new Color(0x4363d8),
      new Color(0xf58231), new Color(0x911eb4), new Color(0x42d4f4), new Color(0xf032e6), new Color(0xbfef45),
      new Color(0xfabed4), new Color(0x469990)};

  private SkeletonPainter() {}

  /**
   * Paints {@code persons} (rows with the {@code persons/} table's {@code person_index, track_id, score, bbox,
   * keypoints}) onto a copy of {@code frame} scaled by {@code scale}.
   */
  public static BufferedImage paint(BufferedImage frame, List<Row> persons, double scale) {
    int w = Math.max(1, (int) Math.round(frame.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(frame.getHeight() * scale));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.drawImage(frame, 0, 0, w, h, null);
      float line = (float) Math.max(2, Math.min(w, h) / 200.0);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(11, (int) (line * 6))));
      for (Row p : persons) {
        paintPerson(g, p, scale, line);
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  private static void paintPerson(Graphics2D g, Row p, double scale, float line) {
    int index = p.getInt(p.fieldIndex(Columns.PERSON_INDEX));
    Long track = p.isNullAt(p.fieldIndex(Columns.TRACK_ID)) ? null : p.getLong(p.fieldIndex(Columns.TRACK_ID));
    boolean tracked = track != null && track >= 0;
    Color colour = PALETTE[(int) Math.floorMod(tracked ? track : index, PALETTE.length)];
    g.setColor(colour);
    Row box = p.getStruct(p.fieldIndex(Columns.BBOX));
    double bx = box.getFloat(0) * scale;
    double by = box.getFloat(1) * scale;
    g.setStroke(new BasicStroke(line / 2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
    g.draw(new Rectangle2D.Double(bx, by, box.getFloat(2) * scale, box.getFloat(3) * scale));
    List<Row> kps = p.getList(p.fieldIndex(Columns.KEYPOINTS));
    g.setStroke(new BasicStroke(line, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    if (kps.size() == Skeleton.COCO_17.size()) {
      for (int[] edge : Skeleton.POSENET_EDGES) {
        drawEdge(g, kps, edge, scale);
      }
      for (int[] edge : BARS) {
        drawEdge(g, kps, edge, scale);
      }
    }
    for (Row k : kps) {
      if (k.getFloat(3) >= MIN_KEYPOINT_SCORE) {
        double r = line * 1.5;
        g.fill(new Ellipse2D.Double(k.getFloat(1) * scale - r, k.getFloat(2) * scale - r, 2 * r, 2 * r));
      }
    }
    String label = String.format("#%d %.2f%s", index, p.getFloat(p.fieldIndex(Columns.SCORE)),
        tracked ? " t" + track : "");
    g.drawString(label, (float) bx + 2, (float) Math.max(by - 3, g.getFont().getSize()));
  }

  private static void drawEdge(Graphics2D g, List<Row> kps, int[] edge, double scale) {
    Row a = kps.get(edge[0]);
    Row b = kps.get(edge[1]);
    if (a.getFloat(3) >= MIN_KEYPOINT_SCORE && b.getFloat(3) >= MIN_KEYPOINT_SCORE) {
      g.draw(new Line2D.Double(a.getFloat(1) * scale, a.getFloat(2) * scale, b.getFloat(1) * scale,
          b.getFloat(2) * scale));
    }
  }
}
