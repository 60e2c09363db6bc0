package ai.posespark.pose;

import ai.posespark.decode.InputTransform;
import java.util.List;

/** Decodes as the pipeline does: people in model-input pixels, then mapped to the frame through its transform. */
final class InSource {
  private InSource() {}

  static List<Person> decode(PoseDecoder decoder, List<float[]> outputs, InputTransform transform) {
    return decoder.decode(outputs).stream().map(p -> p.toSource(transform)).toList();
  }
}
