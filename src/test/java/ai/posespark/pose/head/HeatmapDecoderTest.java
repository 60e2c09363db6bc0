package ai.posespark.pose.head;

import static ai.posespark.pose.head.SyntheticHeads.gaussians;
import static ai.posespark.pose.head.SyntheticHeads.maxError;
import static ai.posespark.pose.head.SyntheticHeads.settings;
import static ai.posespark.pose.head.SyntheticHeads.spreadCentres;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import ai.posespark.pose.PoseDecoders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code heatmap} codec on Gaussians placed at known sub-cell positions: the input position each should decode
 * to is computed here from the construction (MMPose's cell → pixel-centre mapping, + 0.5 for continuous pixels).
 */
class HeatmapDecoderTest {
  private static final int W = 192;
  private static final int H = 256;
  private static final int MW = 48;
  private static final int MH = 64;
  private static final int K = 17;

  private static Person decode(Map<String, Object> codec, float[] maps) {
    List<Person> people = new HeatmapDecoder(settings(W, H, 0, codec)).decode(List.of(maps));
    assertEquals(1, people.size());
    return people.get(0);
  }

  /** Where MSRA cell coordinates {@code (x, y)} lie in continuous input pixels. */
  private static double[][] msraInput(double[][] cells) {
    double[][] out = new double[cells.length][];
    for (int k = 0; k < cells.length; k++) {
      out[k] = new double[] {cells[k][0] * W / MW + 0.5, cells[k][1] * H / MH + 0.5};
    }
    return out;
  }

  @Test
  void darkRecoversASubCellGaussianAndBeatsTheQuarterShift() {
    double[][] centres = spreadCentres(K, MH, MW);
    float[] maps = gaussians(MH, MW, centres, 2.0, 0.9f);
    double[][] expected = msraInput(centres);
    double dark = maxError(decode(Map.of("refine", "dark"), maps), expected);
    double shift = maxError(decode(Map.of(), maps), expected);
    double none = maxError(decode(Map.of("refine", "none"), maps), expected);
    System.out.printf("heatmap σ=2 (stride 4): max error dark %.4f px, shift %.4f px, argmax %.4f px%n", dark, shift,
        none);
    // DARK's own error on a σ = 2 Gaussian (its blur is a truncated discrete kernel, zero-padded at the border):
    // 0.098 px here, the figure a numpy reading of MMPose's refine_keypoints_dark gives on the same maps
    assertTrue(dark < 0.12, "dark error " + dark + " input px");
    assertTrue(dark < shift / 3, "dark " + dark + " vs shift " + shift);
    assertTrue(shift < none, "shift " + shift + " vs argmax " + none);
  }

  @Test
  void darkWithoutBlurIsExactOnAGaussianWhoseLogIsAParabola() {
    double[][] centres = spreadCentres(K, MH, MW);
    Person p = decode(Map.of("refine", "dark", "blurKernel", 1), gaussians(MH, MW, centres, 2.0, 0.9f));
    assertEquals(0, maxError(p, msraInput(centres)), 1e-3);
  }

  @Test
  void udpMapsCellsWithTheInputMinusOneOverHeatmapMinusOneScaleAndRefinesWithItsDark() {
    double[][] centres = spreadCentres(K, MH, MW);
    float[] maps = gaussians(MH, MW, centres, 2.0, 0.9f);
    double[][] expected = new double[K][];
    for (int k = 0; k < K; k++) {
      expected[k] = new double[] {centres[k][0] * (W - 1.0) / (MW - 1) + 0.5,
          centres[k][1] * (H - 1.0) / (MH - 1) + 0.5};
    }
    double udp = maxError(decode(Map.of("udp", true), maps), expected);
    double udpNone = maxError(decode(Map.of("udp", true, "refine", "none"), maps), expected);
    System.out.printf("heatmap UDP σ=2: max error dark-udp %.4f px, argmax %.4f px%n", udp, udpNone);
    assertTrue(udp < 0.12, "dark-udp error " + udp + " input px"); // 0.107 px, as numpy's MMPose reading
    assertTrue(udp < udpNone / 5, "dark-udp " + udp + " vs argmax " + udpNone);
  }

  @Test
  void theQuarterShiftMovesTowardTheHigherNeighbourOnlyInsideMmposesBounds() {
    int h = 8;
    int w = 8;
    float[] maps = new float[K * h * w];
    // keypoint 0 at cell (x 4, y 3): right neighbour higher, lower neighbour higher
    set(maps, h, w, 0, 4, 3, 1f);
    set(maps, h, w, 0, 5, 3, 0.6f);
    set(maps, h, w, 0, 3, 3, 0.2f);
    set(maps, h, w, 0, 4, 4, 0.5f);
    set(maps, h, w, 0, 4, 2, 0.4f);
    // keypoint 1 at (4, 3): left higher, upper higher
    set(maps, h, w, 1, 4, 3, 1f);
    set(maps, h, w, 1, 3, 3, 0.6f);
    set(maps, h, w, 1, 4, 2, 0.6f);
    // keypoint 2 at (1, 3): x = 1 is outside MMPose's 1 < x, so no x shift even with a higher right neighbour
    set(maps, h, w, 2, 1, 3, 1f);
    set(maps, h, w, 2, 2, 3, 0.9f);
    // keypoint 3 at (4, 3): equal neighbours, no shift
    set(maps, h, w, 3, 4, 3, 1f);
    for (int k = 4; k < K; k++) {
      set(maps, h, w, k, 6, 6, 0.5f);
    }
    Person p = new HeatmapDecoder(settings(32, 32, 0, Map.of("heatmapSize", List.of(h, w)))).decode(List.of(maps))
        .get(0);
    assertKeypoint(p.keypoints().get(0), (4 + 0.25) * 4 + 0.5, (3 + 0.25) * 4 + 0.5, 1f);
    assertKeypoint(p.keypoints().get(1), (4 - 0.25) * 4 + 0.5, (3 - 0.25) * 4 + 0.5, 1f);
    assertKeypoint(p.keypoints().get(2), 1 * 4 + 0.5, 3 * 4 + 0.5, 1f);
    assertKeypoint(p.keypoints().get(3), 4 * 4 + 0.5, 3 * 4 + 0.5, 1f);
    assertEquals((4 * 1f + 13 * 0.5f) / K, p.score(), 1e-6, "person score: the mean keypoint score");
  }

  @Test
  void aMapWithoutAPositiveMaximumGivesMmposesSentinelAndTheScoreDecidesThePerson() {
    float[] maps = gaussians(MH, MW, spreadCentres(K, MH, MW), 2.0, 0.5f);
    for (int i = 0; i < MH * MW; i++) {
      maps[i] = -maps[i] - 0.01f; // keypoint 0: all negative
    }
    Person p = decode(Map.of(), maps);
    Keypoint nose = p.keypoints().get(0);
    assertEquals(-1 * 4 + 0.5, nose.x(), 1e-6);
    assertEquals(-1 * 4 + 0.5, nose.y(), 1e-6);
    assertTrue(nose.score() < 0);
    assertTrue(p.bbox().x() > 0, "the box spans the keypoints found, not the sentinel: " + p.bbox());
    float mean = p.score();
    assertEquals(List.of(), new HeatmapDecoder(settings(W, H, mean + 1e-3, Map.of())).decode(List.of(maps)));
  }

  @Test
  void unflipUndoesTheMirrorExactlyWithUdpAndOneInputPixelRightWithMmposesShift() {
    // a person's keypoints in continuous input pixels; the mirrored crop shows keypoint k at (W − x, y) under its
    // partner's name, and a model would put that on its partner's map
    double[][] person = new double[K][];
    double[][] cells = spreadCentres(K, MH, MW);
    for (int k = 0; k < K; k++) {
      person[k] = new double[] {cells[k][0] * 4 + 0.5, cells[k][1] * 4 + 0.5};
    }
    int[] partner = FlipPairs.indices(ai.posespark.pose.Skeleton.COCO_17);
    for (boolean udp : new boolean[] {true, false}) {
      double sx = udp ? (MW - 1.0) / (W - 1) : (double) MW / W;
      double sy = udp ? (MH - 1.0) / (H - 1) : (double) MH / H;
      double[][] mirroredCells = new double[K][];
      for (int k = 0; k < K; k++) {
        double[] kp = person[partner[k]];
        mirroredCells[k] = new double[] {(W - kp[0] - 0.5) * sx, (kp[1] - 0.5) * sy};
      }
      HeatmapDecoder d = new HeatmapDecoder(settings(W, H, 0, Map.of("udp", udp, "refine", "dark")));
      float[] mirrored = gaussians(MH, MW, mirroredCells, 2.0, 0.9f);
      Person p = d.decode(d.unflip(List.of(mirrored))).get(0);
      double[][] expected = new double[K][];
      for (int k = 0; k < K; k++) {
        expected[k] = new double[] {person[k][0] + (udp ? 0 : 1), person[k][1]};
      }
      assertEquals(0, maxError(p, expected), 0.2, "udp " + udp); // DARK's own error, as above
    }
  }

  @Test
  void unflipMirrorsSwapsAndShiftsTheRawMapsAsFlipHeatmaps() {
    int h = 2;
    int w = 3;
    float[] maps = new float[K * h * w];
    for (int i = 0; i < maps.length; i++) {
      maps[i] = i;
    }
    HeatmapDecoder d = new HeatmapDecoder(settings(12, 8, 0, Map.of("heatmapSize", List.of(h, w))));
    float[] out = d.unflip(List.of(maps)).get(0);
    // left_eye (1) takes right_eye's (2) map mirrored, then shifted one column right with column 0 kept
    int re = 2 * h * w;
    assertEquals(List.of(maps[re + 2], maps[re + 2], maps[re + 1]), List.of(out[6], out[7], out[8]));
    assertEquals(List.of(maps[re + 5], maps[re + 5], maps[re + 4]), List.of(out[9], out[10], out[11]));
    // the nose keeps its own map
    assertEquals(List.of(maps[2], maps[2], maps[1]), List.of(out[0], out[1], out[2]));
    assertEquals(0f, maps[0], "the input is not modified");
  }

  @Test
  void badParametersAndOutputsAreNamed() {
    assertMessage(Map.of("refine", "quarter"), "codec.refine");
    assertMessage(Map.of("blurKernel", 4), "codec.blurKernel");
    assertMessage(Map.of("heatmapSize", List.of(64)), "codec.heatmapSize");
    assertMessage(Map.of("udp", "yes"), "codec.udp");
    assertMessage(Map.of("sigma", 2), "codec.sigma");
    HeatmapDecoder d = new HeatmapDecoder(settings(W, H, 0, Map.of()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> d.decode(List.of(new float[133 * MH * MW])));
    assertTrue(e.getMessage().contains("133 maps of 64 × 48") && e.getMessage().contains("17 keypoint maps"),
        e.getMessage());
  }

  @Test
  void registeredAsASinglePersonCodec() {
    PoseDecoders.Entry e = PoseDecoders.STANDARD.get("heatmap");
    assertTrue(e.singlePerson());
    assertTrue(PoseDecoders.STANDARD.require("heatmap").create(settings(W, H, 0, Map.of())) instanceof FlipAware);
  }

  private static void assertMessage(Map<String, Object> codec, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new HeatmapDecoder(settings(W, H, 0, codec)));
    assertTrue(e.getMessage().startsWith("heatmap: " + fragment), e.getMessage());
  }

  private static void set(float[] maps, int h, int w, int k, int x, int y, float v) {
    maps[(k * h + y) * w + x] = v;
  }

  private static void assertKeypoint(Keypoint k, double x, double y, float score) {
    assertEquals(x, k.x(), 1e-5, k.name() + " x");
    assertEquals(y, k.y(), 1e-5, k.name() + " y");
    assertEquals(score, k.score(), 1e-6, k.name() + " score");
  }
}
