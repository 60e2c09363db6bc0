package ai.posespark.pose;

import ai.posespark.model.ModelOutputSpec;
import java.util.List;

/**
 * What a decoder is built with: the model input it reads (outputs are decoded in its pixels), the threshold, the
 * catalog's output layout and the groupers' constants.
 *
 * @param inputWidth     model input width, pixels
 * @param inputHeight    model input height, pixels
 * @param outputNames    the model's output names in output order; empty for formats without names (TorchScript),
 *                       where decoders that find outputs by name assume the npm graph's order
 * @param minPersonScore people scoring below this are dropped
 * @param outputLayout   the catalog entry's {@code output} key (OpenPose-style models), else null
 * @param groupers       the bottom-up groupers' constants
 */
public record DecoderSettings(int inputWidth, int inputHeight, List<String> outputNames, double minPersonScore,
                              ModelOutputSpec outputLayout, GrouperSettings groupers) {

  public DecoderSettings {
    outputNames = List.copyOf(outputNames);
    groupers = groupers == null ? GrouperSettings.DEFAULTS : groupers;
  }

  /** Settings with no output layout and the groupers' defaults. */
  public DecoderSettings(int inputWidth, int inputHeight, List<String> outputNames, double minPersonScore) {
    this(inputWidth, inputHeight, outputNames, minPersonScore, null, GrouperSettings.DEFAULTS);
  }
}
