package ai.posespark.pipeline;

import ai.posespark.decode.DecodedFrame;
import ai.posespark.decode.Letterbox;
import ai.posespark.detect.BoxDecoder;
import ai.posespark.detect.PersonBox;
import ai.posespark.model.InputPreprocessor;
import java.util.ArrayList;
import java.util.List;

/** A detector model on the whole letterboxed frame and its box decoder; boxes mapped back through the letterbox. */
final class ModelDetector implements PersonDetector {
  private final InputPreprocessor preprocessor;
  private final ModelStage model;
  private final BoxDecoder decoder;

  ModelDetector(InputPreprocessor preprocessor, ModelStage model, BoxDecoder decoder) {
    this.preprocessor = preprocessor;
    this.model = model;
    this.decoder = decoder;
  }

  @Override
  public DecodedFrame prepare(DecodedFrame frame) {
    return WholeFrameInputs.prepared(frame, preprocessor);
  }

  @Override
  public List<List<PersonBox>> detect(List<DecodedFrame> frames, StageContext context) {
    List<ModelStage.Item<Letterbox>> items = WholeFrameInputs.of(frames, preprocessor, context, "detect");
    List<List<PersonBox>> boxes = new ArrayList<>(frames.size());
    for (ModelStage.Output<Letterbox> out : model.run(items, context)) {
      long t0 = System.nanoTime();
      List<PersonBox> inFrame = new ArrayList<>();
      for (PersonBox b : decoder.decode(out.values())) {
        PersonBox s = b.toSource(out.tag());
        if (s.w() > 0 && s.h() > 0) {
          inFrame.add(s);
        }
      }
      boxes.add(inFrame);
      context.charge("detect", out.frame(), StageContext.millisSince(t0));
    }
    return boxes;
  }
}
