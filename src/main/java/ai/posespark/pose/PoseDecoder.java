package ai.posespark.pose;

import ai.posespark.decode.Letterbox;
import java.util.List;

/**
 * Turns a model's raw outputs for one frame into people in original-image pixels. The letterbox carries the
 * exact inverse of the pre-processing, so decoders never see the original image.
 */
public interface PoseDecoder extends java.io.Serializable {

  /**
   * @param outputs   the model's outputs for one frame, in the model's output order, as flat float arrays
   * @param letterbox how the frame was placed in the model input
   * @return people scoring at least the decoder's threshold, best first
   */
  List<Person> decode(List<float[]> outputs, Letterbox letterbox);
}
