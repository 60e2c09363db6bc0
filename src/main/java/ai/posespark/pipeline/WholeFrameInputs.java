package ai.posespark.pipeline;

import ai.posespark.decode.DecodedFrame;
import ai.posespark.decode.Letterbox;
import ai.posespark.model.InputPreprocessor;
import java.util.ArrayList;
import java.util.List;

/** Whole frames as a model stage's items: each letterboxed, tagged with its letterbox, charged to its frame. */
final class WholeFrameInputs {
  private WholeFrameInputs() {}

  /** One item per frame, in frame order; each frame's preparation is charged under {@code stage}. */
  static List<ModelStage.Item<Letterbox>> of(List<DecodedFrame> frames, InputPreprocessor preprocessor,
                                             StageContext context, String stage) {
    List<ModelStage.Item<Letterbox>> items = new ArrayList<>(frames.size());
    for (int f = 0; f < frames.size(); f++) {
      long t0 = System.nanoTime();
      InputPreprocessor.Prepared p = preprocessor.prepare(frames.get(f).image(), context.scope());
      items.add(new ModelStage.Item<>(f, p.letterbox(), p.input()));
      context.charge(stage, f, StageContext.millisSince(t0));
    }
    return items;
  }
}
