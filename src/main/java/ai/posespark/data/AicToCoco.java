package ai.posespark.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts AI Challenger ground truth (14 keypoints) to the COCO-17 layout.
 *
 * <p>The 12 limb joints map one to one. AIC has no face points, so the five COCO face points are
 * <b>synthesised</b> from AIC's {@code head_top} and {@code neck} (both must be labelled):
 * with {@code u} the unit vector neck→head_top, {@code L} their distance and {@code n} the unit normal to
 * {@code u} that points to the person's left (the side of {@code left_shoulder}):
 * <ul>
 *   <li>nose = neck + 0.45·L·u (needs head_top and neck);</li>
 *   <li>left/right eye = neck + 0.60·L·u ± 0.12·L·n, left/right ear = neck + 0.55·L·u ± 0.25·L·n
 *       (also need both shoulders, which decide which side is left; a frontal face is assumed).</li>
 * </ul>
 * The ratios are typical adult head proportions for AIC's neck (base of the neck) and head_top (crown).
 * Synthesised points get v = 1 (labelled, not visible) and are flagged in {@link PersonAnnotation#synthesised()};
 * {@code num_keypoints} counts only the real points. The evaluator leaves synthesised points out of OKS, so a
 * score on AIC measures only what annotators labelled; other users (training, drawing) may keep them.
 * AIC's own head_top and neck have no COCO counterpart and are dropped.
 */
public final class AicToCoco {
  /** AI Challenger keypoint names in file order. */
  public static final List<String> AIC_NAMES = List.of(
      "right_shoulder", "right_elbow", "right_wrist", "left_shoulder", "left_elbow", "left_wrist",
      "right_hip", "right_knee", "right_ankle", "left_hip", "left_knee", "left_ankle", "head_top", "neck");

  /** For each COCO-17 index, the AIC index it is copied from, or -1 where it is synthesised. */
  static final int[] FROM_AIC = {-1, -1, -1, -1, -1, 3, 0, 4, 1, 5, 2, 9, 6, 10, 7, 11, 8};

  private static final int AIC_R_SHOULDER = 0, AIC_L_SHOULDER = 3, AIC_HEAD_TOP = 12, AIC_NECK = 13;

  private AicToCoco() {}

  /** Converts every annotation of an AIC dataset (14 keypoints) to COCO-17; images are kept. */
  public static CocoDataset convert(CocoDataset aic) {
    List<PersonAnnotation> out = new ArrayList<>(aic.annotations().size());
    for (int i = 0; i < aic.annotations().size(); i++) {
      PersonAnnotation a = aic.annotations().get(i);
      if (a.keypointCount() != AIC_NAMES.size()) {
        throw new AnnotationFormatException(aic.source(), "annotations[" + i + "] (id " + a.id() + ")",
            "keypoints", "AI Challenger needs 14 keypoints, found " + a.keypointCount());
      }
      out.add(convert(a));
    }
    List<Category> cats = new ArrayList<>();
    for (Category c : aic.categories()) {
      cats.add(new Category(c.id(), c.name(), Coco17.NAMES));
    }
    return new CocoDataset(aic.source(), cats, aic.images(), out);
  }

  /** Converts one AIC person to COCO-17 (see the class comment for the synthesised points). */
  public static PersonAnnotation convert(PersonAnnotation a) {
    double[] src = a.keypoints();
    double[] kp = new double[Coco17.K * 3];
    boolean[] synth = new boolean[Coco17.K];
    for (int c = 0; c < Coco17.K; c++) {
      if (FROM_AIC[c] >= 0) {
        System.arraycopy(src, FROM_AIC[c] * 3, kp, c * 3, 3);
      }
    }
    if (labelled(src, AIC_HEAD_TOP) && labelled(src, AIC_NECK)) {
      double nx = src[AIC_NECK * 3], ny = src[AIC_NECK * 3 + 1];
      double dx = src[AIC_HEAD_TOP * 3] - nx, dy = src[AIC_HEAD_TOP * 3 + 1] - ny;
      put(kp, synth, Coco17.NOSE, nx + 0.45 * dx, ny + 0.45 * dy);
      if (labelled(src, AIC_L_SHOULDER) && labelled(src, AIC_R_SHOULDER)) {
        // normal to the head axis (length L), turned towards the person's left shoulder
        double px = -dy, py = dx;
        double sx = src[AIC_L_SHOULDER * 3] - src[AIC_R_SHOULDER * 3];
        double sy = src[AIC_L_SHOULDER * 3 + 1] - src[AIC_R_SHOULDER * 3 + 1];
        if (px * sx + py * sy < 0) {
          px = -px;
          py = -py;
        }
        put(kp, synth, Coco17.LEFT_EYE, nx + 0.60 * dx + 0.12 * px, ny + 0.60 * dy + 0.12 * py);
        put(kp, synth, Coco17.RIGHT_EYE, nx + 0.60 * dx - 0.12 * px, ny + 0.60 * dy - 0.12 * py);
        put(kp, synth, Coco17.LEFT_EAR, nx + 0.55 * dx + 0.25 * px, ny + 0.55 * dy + 0.25 * py);
        put(kp, synth, Coco17.RIGHT_EAR, nx + 0.55 * dx - 0.25 * px, ny + 0.55 * dy - 0.25 * py);
      }
    }
    int real = 0;
    for (int c = 0; c < Coco17.K; c++) {
      real += (!synth[c] && kp[c * 3 + 2] > 0) ? 1 : 0;
    }
    return new PersonAnnotation(a.id(), a.imageId(), a.categoryId(), kp, a.bbox(), a.area(), a.areaFromFile(),
        a.iscrowd(), real, a.trackId(), synth);
  }

  private static boolean labelled(double[] kp, int k) {
    return kp[k * 3 + 2] > 0;
  }

  private static void put(double[] kp, boolean[] synth, int k, double x, double y) {
    kp[k * 3] = x;
    kp[k * 3 + 1] = y;
    kp[k * 3 + 2] = 1;
    synth[k] = true;
  }
}
