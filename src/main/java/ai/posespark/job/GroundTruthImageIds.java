package ai.posespark.job;

import ai.posespark.data.AnnotationFormat;
import ai.posespark.eval.FileNameIndex;
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
    if (gt == null || (gt.format() != AnnotationFormat.COCO && gt.format() != AnnotationFormat.AIC)) {
      return ResultsJsonWriter::defaultImageId;
    }
    FileNameIndex index = FileNameIndex.of(gt.coco());
    return (uri, frameId) -> {
      Long id = index.lookup(uri);
      return id != null ? id : ResultsJsonWriter.defaultImageId(uri, frameId);
    };
  }
}
