package ai.posespark.detect;

import java.util.List;

/**
 * Turns a person detector's raw outputs for one model input into person boxes in <b>model-input pixels</b>
 * (continuous: pixel i covers [i, i+1)); the pipeline maps them to the frame with {@link PersonBox#toSource},
 * which also clamps, so a decoder neither knows the frame nor clamps.
 */
public interface BoxDecoder {

  /**
   * @param outputs the model's outputs for one input, in the model's output order, as flat float arrays
   * @return person boxes scoring at least the decoder's threshold after box NMS, best first
   */
  List<PersonBox> decode(List<float[]> outputs);
}
