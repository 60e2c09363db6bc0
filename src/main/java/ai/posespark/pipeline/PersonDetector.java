package ai.posespark.pipeline;

import ai.posespark.decode.DecodedFrame;
import ai.posespark.detect.PersonBox;
import java.util.List;

/** The first stage of a top-down pipeline: frames → person boxes in frame pixels, best first, charged to "detect". */
interface PersonDetector {

  /** Boxes per frame. */
  List<List<PersonBox>> detect(List<DecodedFrame> frames, StageContext context);

  /** The detector's per-frame work ahead of the batch ({@link PosePipeline#prepare}); default nothing. */
  default DecodedFrame prepare(DecodedFrame frame) {
    return frame;
  }
}
