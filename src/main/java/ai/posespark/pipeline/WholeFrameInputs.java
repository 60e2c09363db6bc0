package ai.posespark.pipeline;

import ai.posespark.decode.DecodedFrame;
import ai.posespark.decode.Letterbox;
import ai.posespark.decode.LetterboxRaster;
import ai.posespark.model.InputPreprocessor;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole frames as a model stage's items: each letterboxed (or its input taken as the decode thread made it), tagged
 * with its letterbox, charged to its frame.
 */
final class WholeFrameInputs {
  private WholeFrameInputs() {}

  /** One item per frame, in frame order; each frame's preparation is charged under {@code stage}. */
  static List<ModelStage.Item<Letterbox>> of(List<DecodedFrame> frames, InputPreprocessor preprocessor,
                                             StageContext context, String stage) {
    List<ModelStage.Item<Letterbox>> items = new ArrayList<>(frames.size());
    for (int f = 0; f < frames.size(); f++) {
      long t0 = System.nanoTime();
      DecodedFrame frame = frames.get(f);
      LetterboxRaster.Raster r = frame.input() != null && preprocessor.made(frame.input()) ? frame.input()
          : preprocessor.raster(frame.image());
      items.add(new ModelStage.Item<>(f, r.letterbox(), r.toNDArray(context.scope())));
      double ahead = r == frame.input() ? frame.prepareMs() : 0;
      context.charge(stage, f, ahead + StageContext.millisSince(t0));
    }
    return items;
  }

  /** {@code frame} with its model input made ahead of the batch ({@link PosePipeline#prepare}). */
  static DecodedFrame prepared(DecodedFrame frame, InputPreprocessor preprocessor) {
    long t0 = System.nanoTime();
    return frame.withInput(preprocessor.raster(frame.image()), StageContext.millisSince(t0));
  }
}
