package ai.posespark.pose.paf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.data.Coco17;
import ai.posespark.pose.FeatureGrid;
import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The codec on hand-built people: no {@code ../shared} needed. */
class PafCodecTest {
  static final int STRIDE = PafScenes.STRIDE;
  static final double TOLERANCE = STRIDE / 2.0;

  static PafCodec codec(PafTopology topology, int width, int height, PafSettings settings) {
    return PafCodec.forInput(topology, STRIDE, width, height, settings);
  }

  @Test
  void encodeRendersGaussianPeaksAndUnitVectorsInTheDocumentedShapes() {
    PafCodec codec = codec(PafTopology.COCO_18, 368, 368, PafSettings.DEFAULTS);
    double[][] kp = PafScenes.standing(180, 40, 240);
    // the nose on the centre of cell (10, 20): input pixel (20.5 · 8, 10.5 · 8)
    kp[Coco17.NOSE] = new double[] {164, 84};
    double[][] v = PafScenes.allVisible(1);
    v[0][Coco17.LEFT_EAR] = 0;
    PafTargets t = codec.encode(new double[][][] {kp}, v);
    assertEquals(46, t.height());
    assertEquals(46, t.width());
    assertEquals(46 * 46 * 18, t.heatmaps().length);
    assertEquals(46 * 46 * 38, t.pafs().length);
    FeatureGrid heat = t.heatmapGrid();
    assertEquals(1f, heat.get(10, 20, 0), 1e-6);
    assertEquals(Math.exp(-64 / (2 * 49.0)), heat.get(10, 21, 0), 1e-6);
    assertEquals(0f, heat.get(10, 24, 0), "beyond exp(-x) = 1 %: not rendered");
    float ear = 0;
    for (int i = 17; i < t.heatmaps().length; i += 18) {
      ear = Math.max(ear, t.heatmaps()[i]);
    }
    assertEquals(0f, ear, "an unlabelled part is not rendered");

    // neck → right hip (channels 0, 1): the unit vector along the segment, nothing two cells off it
    double[][] parts = PafTopology.COCO_18.partsFromCoco17(kp, v[0]);
    double dx = parts[8][0] - parts[1][0];
    double dy = parts[8][1] - parts[1][1];
    double len = Math.hypot(dx, dy);
    int midRow = (int) Math.round(((parts[1][1] + parts[8][1]) / 2) / STRIDE - 0.5);
    int midCol = (int) Math.round(((parts[1][0] + parts[8][0]) / 2) / STRIDE - 0.5);
    FeatureGrid paf = t.pafGrid();
    assertEquals(dx / len, paf.get(midRow, midCol, 0), 1e-6);
    assertEquals(dy / len, paf.get(midRow, midCol, 1), 1e-6);
    assertEquals(0f, paf.get(midRow, midCol + 3, 0));
    // left shoulder → left ear (channels 26, 27) needs the ear: not rendered
    float earLimb = 0;
    for (int i = 26; i < t.pafs().length; i += 38) {
      earLimb = Math.max(earLimb, Math.abs(t.pafs()[i]));
    }
    assertEquals(0f, earLimb);
  }

  @Test
  void overlappingLimbsAverageAndPeaksTakeTheMaximum() {
    PafCodec codec = codec(PafTopology.COCO_18, 368, 368, PafSettings.DEFAULTS);
    double[][] a = PafScenes.standing(180, 40, 240);
    double[][] parts = PafTopology.COCO_18.partsFromCoco17(a, PafScenes.allVisible(1)[0]);
    double[] u = unit(parts[1], parts[8]);
    double[] mid = {(parts[1][0] + parts[8][0]) / 2, (parts[1][1] + parts[8][1]) / 2};
    // b: only a neck → right hip, starting at the middle of a's and perpendicular to it, and a's nose
    double[][] b = new double[Coco17.K][];
    for (int k = 0; k < Coco17.K; k++) {
      b[k] = a[k].clone();
    }
    b[Coco17.LEFT_SHOULDER] = mid;
    b[Coco17.RIGHT_SHOULDER] = mid;
    b[Coco17.RIGHT_HIP] = new double[] {mid[0] - 60 * u[1], mid[1] + 60 * u[0]};
    double[][] v = PafScenes.allVisible(2);
    for (int k = 0; k < Coco17.K; k++) {
      boolean kept = k == Coco17.NOSE || k == Coco17.LEFT_SHOULDER || k == Coco17.RIGHT_SHOULDER
          || k == Coco17.RIGHT_HIP;
      v[1][k] = kept ? 2 : 0;
    }
    PafTargets both = codec.encode(new double[][][] {a, b}, v);
    PafTargets alone = codec.encode(new double[][][] {a}, new double[][] {v[0]});
    int row = (int) Math.round(mid[1] / STRIDE - 0.5);
    int col = (int) Math.round(mid[0] / STRIDE - 0.5);
    FeatureGrid paf = both.pafGrid();
    assertEquals((u[0] - u[1]) / 2, paf.get(row, col, 0), 1e-6, "mean of u and its normal");
    assertEquals((u[1] + u[0]) / 2, paf.get(row, col, 1), 1e-6);
    assertEquals(u[0], alone.pafGrid().get(row, col, 0), 1e-6);
    // the same nose twice: the maximum, not the sum
    for (int i = 0; i < both.heatmaps().length; i += 18) {
      assertEquals(alone.heatmaps()[i], both.heatmaps()[i]);
    }
  }

  @Test
  void twoPeopleSideBySideAreRecoveredExactly() {
    double[][][] people = {PafScenes.standing(110, 30, 280), PafScenes.standing(250, 50, 260)};
    for (PafTopology topology : List.of(PafTopology.COCO_18, PafTopology.BODY_25)) {
      for (Assignment assignment : Assignment.values()) {
        PafCodec codec = codec(topology, 368, 368, PafSettings.DEFAULTS.withAssignment(assignment));
        List<Person> decoded = roundTrip(codec, people, PafScenes.allVisible(2));
        assertEquals(2, decoded.size(), topology + " " + assignment);
        PafScenes.Recovery r = PafScenes.recovery(truth(people), decoded, TOLERANCE);
        assertEquals(2, r.exact(), topology + " " + assignment + ": " + r);
        for (Person p : decoded) {
          assertTrue(p.score() > 0.5 && p.score() <= 1, "person score " + p.score());
          assertEquals(Coco17.NAMES, p.keypoints().stream().map(Keypoint::name).toList());
          assertTrue(p.bbox().w() > 50 && p.bbox().h() > 200, "box " + p.bbox());
        }
      }
    }
  }

  @Test
  void crossingForearmsOfTheSameKindAreRecoveredExactly() {
    double[][][] people = PafRobustnessTest.crossingForearms(90, true);
    for (Assignment assignment : Assignment.values()) {
      PafCodec codec = codec(PafTopology.COCO_18, 368, 368, PafSettings.DEFAULTS.withAssignment(assignment));
      List<Person> decoded = roundTrip(codec, people, PafScenes.allVisible(2));
      PafScenes.Recovery r = PafScenes.recovery(truth(people), decoded, TOLERANCE);
      assertEquals(2, r.exact(), assignment + ": " + r);
      assertEquals(2, decoded.size());
    }
  }

  @Test
  void greedyAndHungarianAgreeOnCleanMaps() {
    Random random = new Random(5);
    for (int scene = 0; scene < 20; scene++) {
      double[][][] people = crowd(random, 2 + random.nextInt(4));
      for (PafTopology topology : List.of(PafTopology.COCO_18, PafTopology.BODY_25)) {
        PafCodec greedy = codec(topology, 656, 368, PafSettings.DEFAULTS);
        PafCodec hungarian = codec(topology, 656, 368, PafSettings.DEFAULTS.withAssignment(Assignment.HUNGARIAN));
        PafTargets t = greedy.encode(people, PafScenes.allVisible(people.length));
        List<Person> g = greedy.decode(t.heatmapGrid(), t.pafGrid());
        assertEquals(g, hungarian.decode(t.heatmapGrid(), t.pafGrid()), "scene " + scene + " " + topology);
        assertEquals(people.length, PafScenes.recovery(truth(people), g, TOLERANCE).exact());
      }
    }
  }

  @Test
  void aJointBetweenTwoCellCentresIsOneCandidateAtTheMidpoint() {
    PafCodec codec = codec(PafTopology.COCO_18, 368, 368, PafSettings.DEFAULTS);
    double[][] kp = PafScenes.standing(180, 40, 240);
    kp[Coco17.NOSE] = new double[] {168, 84}; // between the centres of cells (10, 20) and (10, 21)
    PafTargets t = codec.encode(new double[][][] {kp}, PafScenes.allVisible(1));
    assertEquals(t.heatmapGrid().get(10, 20, 0), t.heatmapGrid().get(10, 21, 0));
    List<List<PartPeak>> peaks = PartPeak.find(t.heatmapGrid(), 0.1f, 127);
    assertEquals(1, peaks.get(0).size());
    assertEquals(20.5, peaks.get(0).get(0).col(), 1e-9);
    Person p = codec.decode(t.heatmapGrid(), t.pafGrid()).get(0);
    assertEquals(168, p.keypoints().get(Coco17.NOSE).x(), 1e-4);
  }

  @Test
  void nothingBelowTheThresholdsIsAPerson() {
    PafCodec codec = codec(PafTopology.COCO_18, 368, 368, PafSettings.DEFAULTS);
    PafTargets empty = codec.encode(new double[0][][], new double[0][]);
    assertEquals(List.of(), codec.decode(empty.heatmapGrid(), empty.pafGrid()));
    // three parts only (nose, eyes): fewer than the demo's 4
    double[][] v = new double[1][Coco17.K];
    v[0][Coco17.NOSE] = 2;
    v[0][Coco17.LEFT_EYE] = 2;
    v[0][Coco17.RIGHT_EYE] = 2;
    double[][][] face = {PafScenes.standing(180, 40, 240)};
    assertEquals(List.of(), roundTrip(codec, face, v));
    assertEquals(1, roundTrip(codec(PafTopology.COCO_18, 368, 368, PafSettings.DEFAULTS.withMinParts(3)), face, v)
        .size());
  }

  @Test
  void badArgumentsFailInTheConstructorAndOnUse() {
    assertThrows(IllegalArgumentException.class,
        () -> new PafCodec(PafTopology.COCO_18, 0, 46, 46, 7, 1, PafSettings.DEFAULTS));
    assertThrows(IllegalArgumentException.class,
        () -> new PafCodec(PafTopology.COCO_18, 8, 46, 46, 0, 1, PafSettings.DEFAULTS));
    assertThrows(IllegalArgumentException.class,
        () -> new PafCodec(null, 8, 46, 46, 7, 1, PafSettings.DEFAULTS));
    assertThrows(IllegalArgumentException.class,
        () -> new PafSettings(1.5f, 127, 10, 0.05f, 0.8, 0.1, 4, 0.4, Assignment.GREEDY));
    assertThrows(IllegalArgumentException.class,
        () -> new PafSettings(0.1f, 127, 1, 0.05f, 0.8, 0.1, 4, 0.4, Assignment.GREEDY));
    assertThrows(IllegalArgumentException.class,
        () -> new PafSettings(0.1f, 127, 10, 0.05f, 1.0, 0.1, 4, 0.4, Assignment.GREEDY));
    assertThrows(IllegalArgumentException.class,
        () -> new PafSettings(0.1f, 127, 10, 0.05f, 0.8, -1, 4, 0.4, Assignment.GREEDY));
    assertThrows(IllegalArgumentException.class,
        () -> new PafSettings(0.1f, 127, 10, 0.05f, 0.8, 0.1, 4, 0.4, null));
    PafCodec codec = codec(PafTopology.COCO_18, 368, 368, PafSettings.DEFAULTS);
    assertThrows(IllegalArgumentException.class, () -> codec.encode(new double[1][][], new double[0][]));
    FeatureGrid small = new FeatureGrid(new float[10 * 10 * 18], 10, 10, 18, "t");
    PafTargets t = codec.encode(new double[0][][], new double[0][]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.decode(small, t.pafGrid()));
    assertTrue(e.getMessage().contains("46×46×18"), e.getMessage());
  }

  static List<Person> roundTrip(PafCodec codec, double[][][] people, double[][] visibility) {
    PafTargets t = codec.encode(people, visibility);
    return codec.decode(t.heatmapGrid(), t.pafGrid());
  }

  /** Everyone's 17 keypoints as truth pieces. */
  static List<double[][]> truth(double[][][] people) {
    List<double[][]> out = new ArrayList<>();
    for (double[][] p : people) {
      out.add(p);
    }
    return out;
  }

  /** {@code n} standing people of random sizes in a row across a 656 × 368 input, not touching. */
  static double[][][] crowd(Random random, int n) {
    double[][][] out = new double[n][][];
    double slot = 600.0 / n;
    for (int i = 0; i < n; i++) {
      double height = Math.min(slot * 2.2, 150 + random.nextDouble() * 180);
      out[i] = PafScenes.standing(28 + slot * (i + 0.5), 10 + random.nextDouble() * (350 - height), height);
    }
    return out;
  }

  private static double[] unit(double[] a, double[] b) {
    double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    return new double[] {(b[0] - a[0]) / len, (b[1] - a[1]) / len};
  }
}
