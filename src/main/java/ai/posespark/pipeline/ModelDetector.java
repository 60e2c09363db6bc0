package ai.posespark.pipeline;

import ai.posespark.decode.DecodedFrame;
import ai.posespark.detect.BoxDecoder;
import ai.posespark.detect.PersonBox;
import ai.posespark.model.InputPreprocessor;
import java.util.ArrayList;
import java.util.List;

/** A detector model on the whole letterboxed frame and its box decoder; boxes mapped back through the letterbox. */
final class ModelDetector implements PersonDetector {
  private final WholeFrameModel<PersonBox> model;

  ModelDetector(InputPreprocessor preprocessor, ModelStage model, BoxDecoder decoder) {
    this.model = new WholeFrameModel<>(preprocessor, model, (outputs, toFrame, note) -> {
      List<PersonBox> inFrame = new ArrayList<>();
      for (PersonBox b : decoder.decode(outputs)) {
        PersonBox s = b.toSource(toFrame);
        if (s.w() > 0 && s.h() > 0) {
          inFrame.add(s);
        }
      }
      return inFrame;
    }, "detect", "detect");
  }

  @Override
  public DecodedFrame prepare(DecodedFrame frame) {
    return model.prepare(frame);
  }

  @Override
  public List<List<PersonBox>> detect(List<DecodedFrame> frames, StageContext context) {
    return model.run(frames, context);
  }
}
