package ai.posespark.job;

import ai.posespark.data.AnnotationFormat;
import ai.posespark.data.FileNameIndex;
import ai.posespark.eval.GroundTruth;
import ai.posespark.sink.ResultsJsonWriter;

/** Picks the image ids {@code results.json} uses, so other tools can score it against the same ground truth. */
final class GroundTruthImageIds {
  private GroundTruthImageIds() {}

  /**
   * COCO image ids for results.json ({@link ResultsJsonWriter#imageId}).
   *
   * @param index the ground truth's file names ({@link #index}), or null
   */
  static ResultsJsonWriter.ImageIdResolver resolver(FileNameIndex index) {
    return (uri, frameId) -> ResultsJsonWriter.imageId(index, uri, frameId);
  }

  /** The file name → image id index of a COCO or AIC ground truth; null for none or another format. */
  static FileNameIndex index(GroundTruth gt) {
    if (gt == null || (gt.format() != AnnotationFormat.COCO && gt.format() != AnnotationFormat.AIC)) {
      return null;
    }
    return FileNameIndex.of(gt.coco());
  }
}
