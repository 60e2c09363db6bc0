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
import org.apache.hadoop.conf.Configuration;

/**
 * Ground truth loaded for the requested metrics, each of which checks the format fits it
 * ({@link Metric#checkGroundTruth}): COCO-like (COCO, AIC converted to COCO-17, PoseTrack18), MPII or PoseTrack18.
 *
 * @param format    the format read
 * @param coco      the COCO-like ground truth, or null for MPII
 * @param mpii      the MPII ground truth, or null
 * @param posetrack the PoseTrack18 ground truth (videos, head boxes, ignore regions), or null
 */
public record GroundTruth(AnnotationFormat format, CocoDataset coco, MpiiDataset mpii, PoseTrackDataset posetrack) {
  /**
   * Reads {@code uri} in {@code format} (null: detected) and checks the metrics fit it.
   *
   * @throws IllegalArgumentException naming the metric and format that do not go together
   */
  public static GroundTruth load(String uri, String format, List<String> metrics, Configuration conf) {
    AnnotationFormat f = format == null || format.isBlank()
        ? AnnotationFormat.detect(uri, conf) : AnnotationFormat.parse(format);
    for (String metric : metrics) {
      Metrics.require(metric).checkGroundTruth(f, uri);
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
}
