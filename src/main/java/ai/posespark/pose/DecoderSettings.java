package ai.posespark.pose;

import ai.posespark.model.CodecParameters;
import ai.posespark.model.ModelOutputSpec;
import java.util.List;
import java.util.Map;

/**
 * What a decoder is built with: the model input it reads (outputs are decoded in its pixels), the threshold, the
 * catalog's output layout, the groupers' constants, the skeleton and the head's own parameters.
 *
 * @param inputWidth     model input width, pixels
 * @param inputHeight    model input height, pixels
 * @param outputNames    the model's output names in output order; empty for formats without names (TorchScript),
 *                       where decoders that find outputs by name assume the npm graph's order
 * @param minPersonScore people scoring below this are dropped
 * @param outputLayout   the catalog entry's {@code output} key (OpenPose-style models), else null
 * @param groupers       the bottom-up groupers' constants
 * @param keypointNames  the model's keypoints in output order (the codecs of {@code pose.head} name their keypoints
 *                       and pair left with right by them); COCO-17's when not given
 * @param codec          the catalog entry's {@code codec:} key as parsed YAML (numbers, strings, lists): the head's
 *                       parameters, each decoder reading its own ({@link ai.posespark.pose.head.CodecParameters});
 *                       empty when not given
 */
public record DecoderSettings(int inputWidth, int inputHeight, List<String> outputNames, double minPersonScore,
                              ModelOutputSpec outputLayout, GrouperSettings groupers, List<String> keypointNames,
                              Map<String, Object> codec) {

  public DecoderSettings {
    outputNames = List.copyOf(outputNames);
    groupers = groupers == null ? GrouperSettings.DEFAULTS : groupers;
    keypointNames = keypointNames == null ? Skeleton.COCO_17 : List.copyOf(keypointNames);
    codec = CodecParameters.copyOf(codec);
  }

  /** Settings with COCO-17 keypoints and no codec parameters. */
  public DecoderSettings(int inputWidth, int inputHeight, List<String> outputNames, double minPersonScore,
                         ModelOutputSpec outputLayout, GrouperSettings groupers) {
    this(inputWidth, inputHeight, outputNames, minPersonScore, outputLayout, groupers, null, null);
  }

  /** Settings with no output layout and the groupers' defaults. */
  public DecoderSettings(int inputWidth, int inputHeight, List<String> outputNames, double minPersonScore) {
    this(inputWidth, inputHeight, outputNames, minPersonScore, null, GrouperSettings.DEFAULTS);
  }
}
