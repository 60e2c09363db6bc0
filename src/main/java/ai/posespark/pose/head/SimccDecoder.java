package ai.posespark.pose.head;

import ai.posespark.model.CodecParameters;
import ai.posespark.model.NamedOutputs;
import ai.posespark.pose.DecoderSettings;
import ai.posespark.pose.Person;
import ai.posespark.pose.PoseDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code simcc} codec (MMPose's {@code SimCCLabel}, RTMPose's head): one person per input from two outputs,
 * {@code simcc_x [K, round(W·r)]} and {@code simcc_y [K, round(H·r)]}, r = {@code codec.splitRatio} (default 2.0),
 * found by those names when the export gives them, else first and second. As {@code get_simcc_maximum}: per axis
 * the argmax bin, location = bin / r; score the smaller of the two maxima; a score not above 0 gives the sentinel
 * bin −1. Coordinates are MMPose's (pixel i's centre at i) plus half a pixel, as {@link HeatmapDecoder} explains.
 * RTMPose's outputs are decoded without a softmax or sigma, as MMPose decodes them.
 *
 * <p>{@link #unflip}: MMPose's {@code flip_vectors}: x vectors reversed, x and y vectors of left/right keypoints
 * swapped, no shift (the decoded mirror lands {@code 1 − 1/r} input pixels right of the un-mirrored decode).
 */
public final class SimccDecoder implements PoseDecoder, FlipAware {
  private static final String NAME = "simcc";

  private final List<String> names;
  private final List<String> outputNames;
  private final int[] flip;
  private final double splitRatio;
  private final int binsX;
  private final int binsY;
  private final double minPersonScore;

  /** A decoder for the model {@code settings} describes, its parameters from {@code settings.codec()}. */
  public SimccDecoder(DecoderSettings settings) {
    CodecParameters p = new CodecParameters(NAME, settings.codec(), "splitRatio");
    this.names = settings.keypointNames();
    this.outputNames = settings.outputNames();
    this.flip = FlipPairs.indices(names);
    this.splitRatio = p.number("splitRatio", 2.0, 0, 1000);
    if (splitRatio == 0) {
      throw p.invalid("splitRatio", "must be above 0");
    }
    this.binsX = (int) Math.round(settings.inputWidth() * splitRatio);
    this.binsY = (int) Math.round(settings.inputHeight() * splitRatio);
    this.minPersonScore = settings.minPersonScore();
  }

  @Override
  public List<Person> decode(List<float[]> outputs) {
    float[] sx = vectors(outputs, "simcc_x", 0, binsX);
    float[] sy = vectors(outputs, "simcc_y", 1, binsY);
    double[][] xy = new double[names.size()][];
    double[] scores = new double[names.size()];
    for (int k = 0; k < names.size(); k++) {
      int bx = argmax(sx, k * binsX, binsX);
      int by = argmax(sy, k * binsY, binsY);
      scores[k] = Math.min(sx[k * binsX + bx], sy[k * binsY + by]);
      if (!(scores[k] > 0)) {
        bx = -1;
        by = -1;
      }
      xy[k] = new double[] {bx / splitRatio + 0.5, by / splitRatio + 0.5};
    }
    return SinglePerson.of(names, xy, scores, minPersonScore);
  }

  @Override
  public List<float[]> unflip(List<float[]> mirroredOutputs) {
    int ix = index(mirroredOutputs, "simcc_x", 0);
    int iy = index(mirroredOutputs, "simcc_y", 1);
    float[] sx = vectors(mirroredOutputs, "simcc_x", 0, binsX);
    float[] sy = vectors(mirroredOutputs, "simcc_y", 1, binsY);
    float[] outX = new float[sx.length];
    float[] outY = new float[sy.length];
    for (int k = 0; k < names.size(); k++) {
      for (int b = 0; b < binsX; b++) {
        outX[k * binsX + b] = sx[flip[k] * binsX + binsX - 1 - b];
      }
      System.arraycopy(sy, flip[k] * binsY, outY, k * binsY, binsY);
    }
    List<float[]> result = new ArrayList<>(mirroredOutputs.size());
    for (int i = 0; i < mirroredOutputs.size(); i++) {
      result.add(i == ix ? outX : i == iy ? outY : mirroredOutputs.get(i).clone());
    }
    return result;
  }

  private int index(List<float[]> outputs, String name, int position) {
    return NamedOutputs.find(outputNames, name, position, outputs.size(), NAME);
  }

  private float[] vectors(List<float[]> outputs, String name, int position, int bins) {
    float[] v = outputs.get(index(outputs, name, position));
    if (v.length != names.size() * bins) {
      throw new IllegalArgumentException(NAME + ": " + name + " has " + v.length + " values, expected "
          + names.size() + " keypoints (the skeleton's) × " + bins + " bins (input × codec.splitRatio "
          + splitRatio + ")");
    }
    return v;
  }

  /** The first bin holding the largest value, as {@code np.argmax}. */
  private static int argmax(float[] v, int offset, int length) {
    int best = 0;
    for (int i = 1; i < length; i++) {
      if (v[offset + i] > v[offset + best]) {
        best = i;
      }
    }
    return best;
  }
}
