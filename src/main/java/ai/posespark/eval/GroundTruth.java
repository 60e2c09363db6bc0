package ai.posespark.eval;

import ai.posespark.data.AicToCoco;
import ai.posespark.data.AnnotationFormat;
import ai.posespark.data.CocoDataset;
import ai.posespark.data.CocoKeypointsReader;
import ai.posespark.data.MpiiDataset;
import ai.posespark.data.MpiiReader;
import ai.posespark.data.PoseTrackReader;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/**
 * Ground truth loaded for the requested metrics: COCO-like (COCO, AIC converted to COCO-17, PoseTrack18) for
 * {@code coco}, MPII for {@code pckh}.
 *
 * @param format the format read
 * @param coco   the COCO-like ground truth, or null for MPII
 * @param mpii   the MPII ground truth, or null
 */
public record GroundTruth(AnnotationFormat format, CocoDataset coco, MpiiDataset mpii) {
  static final String COCO = "coco", PCKH = "pckh";

  /**
   * Reads {@code uri} in {@code format} (null: detected) and checks the metrics fit it.
   *
   * @throws IllegalArgumentException naming the metric and format that do not go together
   */
  public static GroundTruth load(String uri, String format, List<String> metrics, Configuration conf) {
    AnnotationFormat f = format == null || format.isBlank()
        ? AnnotationFormat.detect(uri, conf) : AnnotationFormat.parse(format);
    for (String metric : metrics) {
      String m = metric.toLowerCase(Locale.ROOT);
      if (!m.equals(COCO) && !m.equals(PCKH)) {
        throw new IllegalArgumentException("evaluation.metrics: unknown metric '" + metric
            + "' (expected coco or pckh)");
      }
      if (m.equals(PCKH) != (f == AnnotationFormat.MPII)) {
        throw new IllegalArgumentException("evaluation.metrics: " + m + " cannot be computed on "
            + f.name().toLowerCase(Locale.ROOT) + " ground truth (" + uri + "); pckh needs MPII head boxes, "
            + "coco needs COCO-style keypoint annotations");
      }
    }
    return switch (f) {
      case MPII -> new GroundTruth(f, null, MpiiReader.read(uri, conf));
      case COCO -> new GroundTruth(f, CocoKeypointsReader.read(uri, conf), null);
      case AIC -> new GroundTruth(f, AicToCoco.convert(CocoKeypointsReader.read(uri, conf)), null);
      case POSETRACK -> new GroundTruth(f, PoseTrackReader.read(uri, conf).coco(), null);
    };
  }

  static boolean wants(List<String> metrics, String metric) {
    return metrics.stream().anyMatch(m -> m.equalsIgnoreCase(metric));
  }
}
