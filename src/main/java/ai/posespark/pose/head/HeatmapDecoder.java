package ai.posespark.pose.head;

import ai.posespark.model.CodecParameters;
import ai.posespark.pose.DecoderSettings;
import ai.posespark.pose.Person;
import ai.posespark.pose.PoseDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code heatmap} codec (MMPose's {@code MSRAHeatmap}, and {@code UDPHeatmap} with {@code codec.udp: true}):
 * one person per input from {@code [K, h, w]} heatmaps, K the skeleton's keypoints. Per keypoint the argmax cell,
 * score the map's maximum (raw, as MMPose reports it); a map whose maximum is not above 0 gives MMPose's sentinel
 * cell (−1, −1), unrefined. Refinement {@code codec.refine}: {@code shift} (default without UDP), {@code dark}
 * (default with UDP; {@code codec.blurKernel} sizes its blur) or {@code none} ({@link HeatmapRefinement}).
 *
 * <p>Coordinates. MMPose places pixel i's centre at i (OpenCV's {@code warpAffine} convention, shared by its crops
 * and keypoint transforms; COCO's keypoints are pixel indices) and maps heatmap cell u to input {@code u·W/w}
 * (MSRA) or {@code u·(W − 1)/(w − 1)} (UDP, whose warp puts the first and last cells on the first and last pixel
 * centres; MMPose's own {@code decode} writes {@code u·W/(w − 1)} because its inverse warp divides by W again).
 * PoseSpark's pixel i covers [i, i + 1), so this decoder adds half a pixel: {@code x = u·W/w + 0.5} — the same
 * convention as {@code PoseNetDecoder} (pixel index + 0.5) and as {@code EfficientPoseDecoder}'s
 * {@code (c + 0.5)·stride} at its stride 1. A cell-centre rule {@code (u + 0.5)·W/w} would instead put every
 * keypoint of a stride-4 model 1.5 input pixels right of and below where the model was trained to put it.
 *
 * <p>{@link #unflip}: MMPose's {@code flip_heatmaps}: maps mirrored in x, left/right channels swapped and, without
 * UDP, shifted one cell right ({@code shift_heatmap=True}, the MSRA configs' test setting; it leaves the decoded
 * mirror one input pixel right of the un-mirrored decode, where no shift would leave it {@code W/w − 1} pixels left).
 */
public final class HeatmapDecoder implements PoseDecoder, FlipAware {
  private static final String NAME = "heatmap";

  private final List<String> names;
  private final int[] flip;
  private final int inputWidth;
  private final int inputHeight;
  private final int mapHeight;
  private final int mapWidth;
  private final boolean udp;
  private final HeatmapRefinement refine;
  private final int blurKernel;
  private final double minPersonScore;

  /** A decoder for the model {@code settings} describes, its parameters from {@code settings.codec()}. */
  public HeatmapDecoder(DecoderSettings settings) {
    CodecParameters p = new CodecParameters(NAME, settings.codec(), "heatmapSize", "udp", "refine", "blurKernel");
    this.names = settings.keypointNames();
    this.flip = FlipPairs.indices(names);
    this.inputWidth = settings.inputWidth();
    this.inputHeight = settings.inputHeight();
    int[] size = p.integers("heatmapSize", new int[] {inputHeight / 4, inputWidth / 4}, 2, 1);
    this.mapHeight = size[0];
    this.mapWidth = size[1];
    this.udp = p.flag("udp", false);
    this.refine = HeatmapRefinement.named(p.choice("refine", udp ? "dark" : "shift", HeatmapRefinement.NAMES));
    this.blurKernel = p.integer("blurKernel", 11, 1);
    if (blurKernel % 2 == 0) {
      throw p.invalid("blurKernel", "must be odd, got " + blurKernel);
    }
    if (udp && (mapWidth < 2 || mapHeight < 2)) {
      throw p.invalid("heatmapSize", "must be at least 2 × 2 with codec.udp, got " + mapHeight + " × " + mapWidth);
    }
    this.minPersonScore = settings.minPersonScore();
  }

  @Override
  public List<Person> decode(List<float[]> outputs) {
    float[] maps = heatmaps(outputs);
    int plane = mapHeight * mapWidth;
    double sx = udp ? (inputWidth - 1.0) / (mapWidth - 1) : (double) inputWidth / mapWidth;
    double sy = udp ? (inputHeight - 1.0) / (mapHeight - 1) : (double) inputHeight / mapHeight;
    double[][] xy = new double[names.size()][];
    double[] scores = new double[names.size()];
    for (int k = 0; k < names.size(); k++) {
      int offset = k * plane;
      int best = offset;
      for (int i = offset + 1; i < offset + plane; i++) {
        if (maps[i] > maps[best]) {
          best = i;
        }
      }
      scores[k] = maps[best];
      double[] cell = scores[k] > 0 ? refined(maps, offset, (best - offset) % mapWidth, (best - offset) / mapWidth)
          : new double[] {-1, -1};
      xy[k] = new double[] {cell[0] * sx + 0.5, cell[1] * sy + 0.5};
    }
    return SinglePerson.of(names, xy, scores, minPersonScore);
  }

  @Override
  public List<float[]> unflip(List<float[]> mirroredOutputs) {
    float[] maps = heatmaps(mirroredOutputs);
    float[] out = new float[maps.length];
    int plane = mapHeight * mapWidth;
    int shift = udp ? 0 : 1;
    for (int k = 0; k < names.size(); k++) {
      int from = flip[k] * plane;
      for (int y = 0; y < mapHeight; y++) {
        for (int x = 0; x < mapWidth; x++) {
          // mirrored column x, then shifted: out[x] = mirrored[x − shift], column 0 keeping its own value
          int source = Math.max(0, x - shift);
          out[k * plane + y * mapWidth + x] = maps[from + y * mapWidth + mapWidth - 1 - source];
        }
      }
    }
    List<float[]> result = new ArrayList<>(mirroredOutputs.size());
    for (float[] o : mirroredOutputs) {
      result.add(o == maps ? out : o.clone());
    }
    return result;
  }

  private double[] refined(float[] maps, int offset, int x, int y) {
    return switch (refine) {
      case SHIFT -> HeatmapRefinement.shift(maps, offset, mapHeight, mapWidth, x, y);
      case DARK -> udp ? HeatmapRefinement.darkUdp(maps, offset, mapHeight, mapWidth, x, y, blurKernel)
          : HeatmapRefinement.dark(maps, offset, mapHeight, mapWidth, x, y, blurKernel);
      case NONE -> new double[] {x, y};
    };
  }

  /** The heatmap output: the only output, or the one of exactly {@code K·h·w} values among several. */
  private float[] heatmaps(List<float[]> outputs) {
    long expected = (long) names.size() * mapHeight * mapWidth;
    for (float[] o : outputs) {
      if (o.length == expected) {
        return o;
      }
    }
    long plane = (long) mapHeight * mapWidth;
    String found = outputs.size() == 1 && outputs.get(0).length % plane == 0
        ? outputs.get(0).length / plane + " maps of " + mapHeight + " × " + mapWidth
        : "outputs of " + outputs.stream().map(o -> String.valueOf(o.length)).toList() + " values";
    throw new IllegalArgumentException(NAME + ": expected " + names.size() + " keypoint maps (the skeleton's) of "
        + mapHeight + " × " + mapWidth + " (codec.heatmapSize, default input / 4) = " + expected
        + " values, got " + found);
  }
}
