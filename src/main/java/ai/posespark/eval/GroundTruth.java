package ai.posespark.eval;

import ai.posespark.data.AicToCoco;
import ai.posespark.data.AnnotationFormat;
import ai.posespark.data.CocoDataset;
import ai.posespark.data.CocoKeypointsReader;
import ai.posespark.data.MpiiDataset;
import ai.posespark.data.MpiiReader;
import ai.posespark.data.PoseTrackDataset;
import ai.posespark.data.PoseTrackReader;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/**
 * Ground truth loaded for the requested metrics: COCO-like (COCO, AIC converted to COCO-17, PoseTrack18) for
 * {@code coco}, MPII for {@code pckh}, PoseTrack18 for {@code posetrack}.
 *
 * @param format    the format read
 * @param coco      the COCO-like ground truth, or null for MPII
 * @param mpii      the MPII ground truth, or null
 * @param posetrack the PoseTrack18 ground truth (videos, head boxes, ignore regions), or null
 */
public record GroundTruth(AnnotationFormat format, CocoDataset coco, MpiiDataset mpii, PoseTrackDataset posetrack) {
  static final String COCO = "coco", PCKH = "pckh", POSETRACK = "posetrack";

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
      if (!m.equals(COCO) && !m.equals(PCKH) && !m.equals(POSETRACK)) {
        throw new IllegalArgumentException("evaluation.metrics: unknown metric '" + metric
            + "' (expected coco, pckh or posetrack)");
      }
      if (m.equals(POSETRACK) && f != AnnotationFormat.POSETRACK) {
        throw new IllegalArgumentException("evaluation.metrics: posetrack needs PoseTrack18 ground truth (track ids, "
            + "head boxes); " + uri + " is " + f.name().toLowerCase(Locale.ROOT));
      }
      if (!m.equals(POSETRACK) && m.equals(PCKH) != (f == AnnotationFormat.MPII)) {
        throw new IllegalArgumentException("evaluation.metrics: " + m + " cannot be computed on "
            + f.name().toLowerCase(Locale.ROOT) + " ground truth (" + uri + "); pckh needs MPII head boxes, "
            + "coco needs COCO-style keypoint annotations");
      }
    }
    return switch (f) {
      case MPII -> new GroundTruth(f, null, MpiiReader.read(uri, conf), null);
      case COCO -> new GroundTruth(f, CocoKeypointsReader.read(uri, conf), null, null);
      case AIC -> new GroundTruth(f, AicToCoco.convert(CocoKeypointsReader.read(uri, conf)), null, null);
      case POSETRACK -> {
        PoseTrackDataset d = PoseTrackReader.read(uri, conf);
        yield new GroundTruth(f, d.coco(), null, d);
      }
    };
  }

  static boolean wants(List<String> metrics, String metric) {
    return metrics.stream().anyMatch(m -> m.equalsIgnoreCase(metric));
  }
}
