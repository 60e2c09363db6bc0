package ai.posespark.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Overlay images for a chosen subset: each ok frame matching the predicate at its own size with its people drawn
 * ({@link SkeletonPainter}), as {@code <stem>[_<frame index>]_overlay.jpg}; a video's frames also as one annotated
 * video, {@code <video stem>_overlay.mp4} ({@link OverlayVideo}).
 */
final class OverlayExport {
  private OverlayExport() {}

  /** Writes at most {@code limit} overlays of the frames matching {@code where}; returns how many. */
  static long write(SparkSession spark, String where, String outDir, int limit) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<SampleFrames.Drawn> drawn = SampleFrames.draw(spark, where, "uri, frame_index", limit, 0);
    ExportedFrames.FileNames names = new ExportedFrames.FileNames(6);
    for (SampleFrames.Drawn d : drawn) {
      Path file = ExportedFrames.child(outDir, names.next(d.frame(), "_overlay.jpg"));
      try (OutputStream out = RunFiles.create(file, conf)) {
        ImageIO.write(d.image(), "jpg", out);
      }
    }
    // frames of a video also become one annotated video, in frame order
    Map<String, List<SampleFrames.Drawn>> videos = new LinkedHashMap<>();
    for (SampleFrames.Drawn d : drawn) {
      if (!d.frame().isNullAt(3)) {
        videos.computeIfAbsent(d.frame().getString(1), k -> new ArrayList<>()).add(d);
      }
    }
    for (Map.Entry<String, List<SampleFrames.Drawn>> v : videos.entrySet()) {
      String video = ExportedFrames.child(outDir, ExportedFrames.stem(v.getKey()) + "_overlay.mp4").toString();
      OverlayVideo.write(v.getValue(), video, conf);
    }
    return drawn.size();
  }
}
