package ai.posespark.report;

import java.io.IOException;
import java.io.OutputStream;
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

  /** Frames drawn, encoded and let go at a time: full-size pictures, so few. */
  static final int CHUNK = 16;

  /**
   * Writes at most {@code limit} overlays of the frames matching {@code where} (0: all); returns how many. Frames are
   * drawn {@link #CHUNK} at a time and a video's frames go to its overlay video as they come (frames are ordered by
   * uri and index), so memory does not grow with the number of frames exported.
   */
  static long write(SparkSession spark, String where, String outDir, int limit) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    ExportedFrames.FileNames names = new ExportedFrames.FileNames(6);
    try (VideoOverlays videos = new VideoOverlays(outDir, conf)) {
      return SampleFrames.forEach(spark, where, "uri, frame_index", limit, 0, CHUNK, d -> {
        Path file = ExportedFrames.child(outDir, names.next(d.frame(), "_overlay.jpg"));
        try (OutputStream out = RunFiles.create(file, conf)) {
          ImageIO.write(d.image(), "jpg", out);
        }
        videos.add(d);
      });
    }
  }

  /** A video's frames, arriving together in frame order, become one annotated video; other frames are passed by. */
  private static final class VideoOverlays implements AutoCloseable {
    private final String outDir;
    private final Configuration conf;
    private OverlayVideo open;
    private String openUri;

    VideoOverlays(String outDir, Configuration conf) {
      this.outDir = outDir;
      this.conf = conf;
    }

    void add(SampleFrames.Drawn d) throws IOException {
      if (d.frame().isNullAt(3)) {
        return;
      }
      String uri = d.frame().getString(1);
      if (!uri.equals(openUri)) {
        close();
        open = new OverlayVideo(ExportedFrames.child(outDir, ExportedFrames.stem(uri) + "_overlay.mp4").toString(),
            conf);
        openUri = uri;
      }
      open.add(d);
    }

    @Override
    public void close() throws IOException {
      if (open != null) {
        open.close();
        open = null;
      }
    }
  }
}
