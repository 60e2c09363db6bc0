package ai.posespark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.posespark.data.Coco17;
import ai.posespark.data.CocoDataset;
import ai.posespark.data.MpiiDataset;
import ai.posespark.data.MpiiPerson;
import ai.posespark.data.PersonAnnotation;
import ai.posespark.decode.RgbImage;
import ai.posespark.pose.MoveNetCodec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * MPII as training targets: the 12 joints MPII and COCO share are copied (1-based → 0-based), the face points MPII
 * lacks (nose, eyes, ears) are unlabelled — zero heatmap, zero joint weight, no regression or offset — and the loss
 * does not see what the heads predict for them; the person box is MPII's centre and scale.
 */
class MpiiTrainingSetTest {
  private static final int[] FACE = {Coco17.NOSE, Coco17.LEFT_EYE, Coco17.RIGHT_EYE, Coco17.LEFT_EAR,
      Coco17.RIGHT_EAR};

  /** An upright person, 1-based pixels, every joint annotated but the right ankle; centre (300, 250), scale 2. */
  static MpiiPerson person() {
    double[][] joints = {{280, 430}, {282, 360}, {285, 290}, {315, 290}, {318, 360}, {320, 430}, {300, 290},
        {300, 170}, {300, 155}, {300, 100}, {250, 280}, {260, 220}, {270, 175}, {330, 175}, {340, 220},
        {350, 280}};
    boolean[] visible = new boolean[16];
    java.util.Arrays.fill(visible, true);
    visible[0] = false;
    return new MpiiPerson(7, "a.jpg", joints, visible, null, false, new double[] {300, 250}, 2.0);
  }

  @Test
  void mpiiJointsBecomeCocoTargetsWithoutTheFace() {
    CocoDataset coco = MpiiTrainingSet.toCoco(new MpiiDataset("test", List.of(person()), 1));
    PersonAnnotation a = coco.annotations().get(0);
    assertEquals(7, a.id());
    assertEquals(coco.images().get(0).id(), a.imageId());
    assertEquals("a.jpg", coco.images().get(0).fileName());
    assertEquals(11, a.labelledCount(), "12 shared joints, the right ankle not annotated");
    assertNull(a.synthesised(), "nothing made up");
    for (int k : FACE) {
      assertArrayEquals(new double[] {0, 0, 0}, java.util.Arrays.copyOfRange(a.keypoints(), 3 * k, 3 * k + 3),
          Coco17.NAMES.get(k) + " is not labelled");
    }
    // left wrist: MPII l_wrist (350, 280) 1-based → (349, 279)
    assertArrayEquals(new double[] {349, 279, 2}, java.util.Arrays.copyOfRange(a.keypoints(), 3 * Coco17.LEFT_WRIST,
        3 * Coco17.LEFT_WRIST + 3));
    assertEquals(0, a.keypoints()[3 * Coco17.RIGHT_ANKLE + 2], "MPII's right ankle is not annotated");
    // centre/scale square: side 200·2, centre (299, 249 + 15·2)
    assertArrayEquals(new double[] {99, 79, 400, 400}, a.bbox(), 1e-9);
    // without centre and scale: the annotated joints' box
    MpiiPerson p = person();
    MpiiPerson bare = new MpiiPerson(p.id(), p.image(), p.joints(), p.visible(), null, false, null, Double.NaN);
    assertArrayEquals(new double[] {249, 99, 100, 330}, MpiiTrainingSet.box(bare, 1), 1e-9);
  }

  @Test
  void theFaceMpiiLacksWeighsNothingInTheTargetsAndTheLoss() {
    CocoDataset coco = MpiiTrainingSet.toCoco(new MpiiDataset("test", List.of(person()), 1));
    RgbImage blank = new RgbImage(640, 480, new byte[640 * 480 * 3]);
    TrainingSample crop = new PersonCropper(192, 1.25).crop("7", blank, coco.annotations().get(0),
        Augmentation.NONE);
    MoveNetCodec codec = new MoveNetCodec(48, 1);
    MoveNetCodec.Targets t = codec.encode(crop.keypoints(), crop.centreX(), crop.centreY());
    int cells = 48 * 48;
    for (int k = 0; k < 17; k++) {
      int joint = k;
      boolean face = java.util.Arrays.stream(FACE).anyMatch(f -> f == joint);
      boolean labelled = !face && k != Coco17.RIGHT_ANKLE;
      assertEquals(labelled ? 1f : 0f, t.jointWeight()[k], Coco17.NAMES.get(k) + "'s weight");
      float heat = 0;
      float masks = 0;
      for (int c = 0; c < cells; c++) {
        heat += t.heatmap()[c * 17 + k];
        masks += t.regressMask()[c * 34 + 2 * k] + t.regressMask()[c * 34 + 2 * k + 1]
            + t.offsetMask()[c * 34 + 2 * k] + t.offsetMask()[c * 34 + 2 * k + 1];
      }
      assertEquals(labelled, heat > 0, Coco17.NAMES.get(k) + "'s heatmap");
      assertEquals(labelled ? 4f : 0f, masks, Coco17.NAMES.get(k) + "'s regression and offset masks");
    }

    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDList targets = new NDList(m.create(t.heatmap(), new Shape(1, 48, 48, 17)),
          m.create(t.centre(), new Shape(1, 48, 48, 1)), m.create(t.regress(), new Shape(1, 48, 48, 34)),
          m.create(t.regressMask(), new Shape(1, 48, 48, 34)), m.create(t.offset(), new Shape(1, 48, 48, 34)),
          m.create(t.offsetMask(), new Shape(1, 48, 48, 34)), m.create(t.jointWeight(), new Shape(1, 1, 1, 17)));
      Random random = new Random(3);
      float[] heat = noise(random, cells * 17);
      float[] centre = noise(random, cells);
      float[] regress = noise(random, cells * 34);
      float[] offset = noise(random, cells * 34);
      float loss = HeadLoss.of(heads(m, heat, centre, regress, offset), targets).getFloat();
      // whatever the heads say about the face changes nothing
      float[] heat2 = heat.clone();
      float[] regress2 = regress.clone();
      float[] offset2 = offset.clone();
      for (int c = 0; c < cells; c++) {
        for (int k : FACE) {
          heat2[c * 17 + k] = 50 * random.nextFloat();
          for (int d = 0; d < 2; d++) {
            regress2[c * 34 + 2 * k + d] = 50 * random.nextFloat();
            offset2[c * 34 + 2 * k + d] = 50 * random.nextFloat();
          }
        }
      }
      assertEquals(loss, HeadLoss.of(heads(m, heat2, centre, regress2, offset2), targets).getFloat(), 0f,
          "the face's channels count in the loss");
      // a joint MPII labels does count
      float[] heat3 = heat.clone();
      heat3[Coco17.LEFT_WRIST] += 10;
      assertNotEquals(loss, HeadLoss.of(heads(m, heat3, centre, regress, offset), targets).getFloat());
    }
  }

  private static NDList heads(NDManager m, float[] heat, float[] centre, float[] regress, float[] offset) {
    return new NDList(m.create(heat, new Shape(1, 48, 48, 17)), m.create(centre, new Shape(1, 48, 48, 1)),
        m.create(regress, new Shape(1, 48, 48, 34)), m.create(offset, new Shape(1, 48, 48, 34)));
  }

  private static float[] noise(Random random, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextFloat();
    }
    return out;
  }
}
