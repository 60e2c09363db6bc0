package ai.posespark.train;

import ai.posespark.data.Category;
import ai.posespark.data.Coco17;
import ai.posespark.data.CocoDataset;
import ai.posespark.data.ImageInfo;
import ai.posespark.data.Mpii16;
import ai.posespark.data.MpiiDataset;
import ai.posespark.data.MpiiPerson;
import ai.posespark.data.PersonAnnotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MPII ground truth as a COCO-17 training set, so that {@link TrainingSet}, {@link CropTask} and the codec take it
 * as they take COCO: each MPII person becomes a person annotation whose keypoints are {@link Mpii16#toCoco17}'s (the
 * 12 joints both layouts share; nose, eyes and ears, which MPII lacks, unlabelled, so they weigh 0 in the loss;
 * pelvis, thorax, upper_neck and head_top, which COCO lacks, are not trained), with 0-based pixels.
 *
 * <p>The person box is MPII's own centre and scale, not the joints' extent: a square of side 200·scale px (MPII's
 * person height) about the centre moved down by 15·scale px, which with {@code train.cropPadding} 1.25 is the crop
 * of the MPII single-person protocol as Newell's hourglass, SimpleBaseline and mmpose cut it. The annotators gave
 * centre and scale for every person (the test protocol gives only them), so validation crops do not depend on the
 * joints being scored: a joints' box would put the crop's edges on the extreme ground-truth joints. A person
 * without a centre or scale falls back to its labelled joints' box.
 */
public final class MpiiTrainingSet {
  /** MPII's pixel unit of {@code scale}. */
  static final double PIXEL_STD = 200;
  /** The usual downward shift of MPII's centre, × scale pixels (it sits high, near the hips: limbs get cut). */
  static final double CENTRE_SHIFT = 15;

  private MpiiTrainingSet() {}

  /**
   * The persons of {@code mpii} as a COCO-17 dataset: images numbered by first appearance (size unknown until read:
   * 0 × 0), annotation ids the MPII person ids.
   */
  public static CocoDataset toCoco(MpiiDataset mpii) {
    Map<String, ImageInfo> images = new LinkedHashMap<>();
    List<PersonAnnotation> persons = new ArrayList<>();
    for (MpiiPerson p : mpii.persons()) {
      ImageInfo image = images.computeIfAbsent(p.image(), name -> new ImageInfo(images.size() + 1, name, 0, 0));
      persons.add(annotation(p, image.id(), mpii.coordinateOrigin()));
    }
    return new CocoDataset(mpii.source(), List.of(new Category(1, "person", Coco17.NAMES)),
        List.copyOf(images.values()), persons);
  }

  /** One MPII person as a COCO-17 person annotation of image {@code imageId}. */
  static PersonAnnotation annotation(MpiiPerson p, long imageId, int origin) {
    double[] kps = Mpii16.toCoco17(p, origin);
    double[] box = box(p, origin);
    int labelled = 0;
    for (int k = 2; k < kps.length; k += 3) {
      labelled += kps[k] > 0 ? 1 : 0;
    }
    return new PersonAnnotation(p.id(), imageId, 1, kps, box, PersonAnnotation.areaFromBbox(box), false, false,
        labelled, null, null);
  }

  /** {@code [x, y, w, h]}, 0-based pixels: the centre/scale square, else the labelled joints' box (see above). */
  static double[] box(MpiiPerson p, int origin) {
    double[] c = p.center();
    if (c != null && c[0] >= 0 && p.scale() > 0) {
      double side = PIXEL_STD * p.scale();
      double cx = c[0] - origin;
      double cy = c[1] - origin + CENTRE_SHIFT * p.scale();
      return new double[] {cx - side / 2, cy - side / 2, side, side};
    }
    double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
    for (int j = 0; j < Mpii16.K; j++) {
      if (p.visible()[j]) {
        x0 = Math.min(x0, p.joints()[j][0] - origin);
        y0 = Math.min(y0, p.joints()[j][1] - origin);
        x1 = Math.max(x1, p.joints()[j][0] - origin);
        y1 = Math.max(y1, p.joints()[j][1] - origin);
      }
    }
    return x0 > x1 ? new double[] {0, 0, 1, 1} : new double[] {x0, y0, x1 - x0, y1 - y0};
  }
}
