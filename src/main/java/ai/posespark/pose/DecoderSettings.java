package ai.posespark.pose;

import java.util.List;

/**
 * What a decoder is built with: the model input it reads (outputs are decoded in its pixels) and the threshold.
 *
 * @param inputWidth     model input width, pixels
 * @param inputHeight    model input height, pixels
 * @param outputNames    the model's output names in output order; empty for formats without names (TorchScript),
 *                       where decoders that find outputs by name assume the npm graph's order
 * @param minPersonScore people scoring below this are dropped
 */
public record DecoderSettings(int inputWidth, int inputHeight, List<String> outputNames, double minPersonScore) {

  public DecoderSettings {
    outputNames = List.copyOf(outputNames);
  }
}
