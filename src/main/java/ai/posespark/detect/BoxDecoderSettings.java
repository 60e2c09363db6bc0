package ai.posespark.detect;

import ai.posespark.model.CodecParameters;
import java.util.List;
import java.util.Map;

/**
 * What a box decoder is built with, checked here so every decoder can trust it.
 *
 * @param inputWidth  model input width, pixels (boxes are decoded in these pixels)
 * @param inputHeight model input height, pixels
 * @param outputNames the model's output names in output order; empty for formats without names (TorchScript),
 *                    where a decoder that finds an output by name assumes the npm graph's order
 * @param minScore    boxes scoring below this are dropped (0..1)
 * @param nmsIou      a box overlapping a better one by more than this IoU is dropped (0..1)
 * @param maxBoxes    most boxes per input (at least 1)
 * @param codec       the catalog entry's {@code codec:} key as parsed YAML: the head's parameters, each decoder
 *                    reading its own ({@link ai.posespark.pose.head.CodecParameters}); empty when not given
 */
public record BoxDecoderSettings(int inputWidth, int inputHeight, List<String> outputNames, double minScore,
                                 double nmsIou, int maxBoxes, Map<String, Object> codec) {

  /** Checks the ranges above and copies the names and parameters. */
  public BoxDecoderSettings {
    if (inputWidth <= 0 || inputHeight <= 0) {
      throw new IllegalArgumentException("box decoder: input " + inputWidth + "×" + inputHeight + " is empty");
    }
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("box decoder: minScore " + minScore + " is outside 0..1");
    }
    if (!(nmsIou >= 0 && nmsIou <= 1)) {
      throw new IllegalArgumentException("box decoder: nmsIou " + nmsIou + " is outside 0..1");
    }
    if (maxBoxes < 1) {
      throw new IllegalArgumentException("box decoder: maxBoxes " + maxBoxes + " is below 1");
    }
    outputNames = List.copyOf(outputNames);
    codec = CodecParameters.copyOf(codec);
  }

  /** Settings without codec parameters. */
  public BoxDecoderSettings(int inputWidth, int inputHeight, List<String> outputNames, double minScore,
                            double nmsIou, int maxBoxes) {
    this(inputWidth, inputHeight, outputNames, minScore, nmsIou, maxBoxes, null);
  }
}
