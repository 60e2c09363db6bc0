package ai.posespark.job;

import ai.posespark.data.AnnotationFormat;
import ai.posespark.data.CocoKeypointsReader;
import ai.posespark.data.ImageInfo;
import ai.posespark.eval.FileNameIndex;
import ai.posespark.sink.ResultsJsonWriter;
import org.apache.hadoop.conf.Configuration;

/** Picks the image ids {@code results.json} uses, so other tools can score it against the same ground truth. */
final class GroundTruthImageIds {
  private GroundTruthImageIds() {}

  /**
   * COCO image ids for results.json: the ground truth's id of the image whose file name ends the frame URI
   * (when COCO-like annotations are given), else {@link ResultsJsonWriter#defaultImageId}.
   */
  static ResultsJsonWriter.ImageIdResolver resolver(InputSpec input, Configuration conf) {
    if (input.annotations() == null) {
      return ResultsJsonWriter::defaultImageId;
    }
    AnnotationFormat format = input.annotationsFormat() != null
        ? AnnotationFormat.parse(input.annotationsFormat()) : AnnotationFormat.detect(input.annotations(), conf);
    if (format != AnnotationFormat.COCO && format != AnnotationFormat.AIC) {
      return ResultsJsonWriter::defaultImageId;
    }
    FileNameIndex index = new FileNameIndex();
    for (ImageInfo image : CocoKeypointsReader.read(input.annotations(), conf).images()) {
      index.put(image.fileName(), image.id());
    }
    return (uri, frameId) -> {
      Long id = index.lookup(uri);
      return id != null ? id : ResultsJsonWriter.defaultImageId(uri, frameId);
    };
  }

}
