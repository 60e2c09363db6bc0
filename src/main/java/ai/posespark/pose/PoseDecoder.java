package ai.posespark.pose;

import java.util.List;

/**
 * Turns a model's raw outputs for one model input (a whole frame, a crop) into people in <b>model-input pixels</b>
 * (continuous: pixel i covers [i, i+1)), as MMPose codecs decode. The pipeline maps them to the frame through the
 * input's {@link ai.posespark.decode.InputTransform} ({@link Person#toSource}), which also clamps: a decoder neither
 * knows the frame nor clamps.
 */
public interface PoseDecoder {

  /**
   * @param outputs the model's outputs for one input, in the model's output order, as flat float arrays
   * @return people scoring at least the decoder's threshold, best first
   */
  List<Person> decode(List<float[]> outputs);

  /** {@link #decode} with the reason a fallback stood in, for decoders that have one (none by default). */
  default GroupingResult group(List<float[]> outputs) {
    return new GroupingResult(decode(outputs), null);
  }
}
