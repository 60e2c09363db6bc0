package ai.posespark.job;

import ai.posespark.data.AnnotationFormat;
import ai.posespark.data.FileNameIndex;
import ai.posespark.eval.GroundTruth;
import ai.posespark.sink.ResultsJsonWriter;

/** Picks the image ids {@code results.json} uses, so other tools can score it against the same ground truth. */
final class GroundTruthImageIds {
  private GroundTruthImageIds() {}

  /**
   * COCO image ids for results.json: the ground truth's id of the image whose file name ends the frame URI
   * (for COCO and AIC ground truth), else {@link ResultsJsonWriter#defaultImageId}.
   *
   * @param gt the job's ground truth, or null when it has none
   */
  static ResultsJsonWriter.ImageIdResolver resolver(GroundTruth gt) {
    FileNameIndex index = index(gt);
    if (index == null) {
      return ResultsJsonWriter::defaultImageId;
    }
    return (uri, frameId) -> {
      Long id = index.lookup(uri);
      return id != null ? id : ResultsJsonWriter.defaultImageId(uri, frameId);
    };
  }

  /** The file name → image id index of a COCO or AIC ground truth; null for none or another format. */
  static FileNameIndex index(GroundTruth gt) {
    if (gt == null || (gt.format() != AnnotationFormat.COCO && gt.format() != AnnotationFormat.AIC)) {
      return null;
    }
    return FileNameIndex.of(gt.coco());
  }
}
