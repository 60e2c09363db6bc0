package ai.posespark.eval.bench;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic people for the benchmark: the ground truth and the detections of an image are both
 * derived from the image id, so the driver (writing the GT file) and the executors (producing detections) agree
 * without shipping anything.
 */
final class SyntheticPoses implements Serializable {
  private static final long serialVersionUID = 1L;
  /** A standing person, COCO-17, in units of body height (x right, y down, origin at the top of the head). */
  private static final double[] TEMPLATE = {
      0.00, 0.06, -0.03, 0.04, 0.03, 0.04, -0.06, 0.06, 0.06, 0.06,
      -0.12, 0.20, 0.12, 0.20, -0.16, 0.35, 0.16, 0.35, -0.17, 0.48, 0.17, 0.48,
      -0.08, 0.52, 0.08, 0.52, -0.09, 0.75, 0.09, 0.75, -0.09, 0.97, 0.09, 0.97};

  static final int WIDTH = 640, HEIGHT = 480;
  final int personsPerImage;

  SyntheticPoses(int personsPerImage) {
    this.personsPerImage = personsPerImage;
  }

  /** One GT person: keypoints [x, y, v]×17 and bbox. */
  record Person(double[] keypoints, double[] bbox, double area) {}

  /** The ground-truth people of image {@code imageId}. */
  Person[] groundTruth(long imageId) {
    SplittableRandom rnd = new SplittableRandom(imageId * 7919L);
    Person[] out = new Person[personsPerImage];
    for (int p = 0; p < personsPerImage; p++) {
      double h = 40 + rnd.nextDouble() * 300;
      double x0 = rnd.nextDouble() * (WIDTH - 0.4 * h) + 0.2 * h, y0 = rnd.nextDouble() * (HEIGHT - h);
      double[] kp = new double[51];
      double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -1, maxY = -1;
      for (int k = 0; k < 17; k++) {
        double v = rnd.nextDouble() < 0.15 ? 0 : (rnd.nextDouble() < 0.2 ? 1 : 2);
        double x = Math.rint((x0 + TEMPLATE[2 * k] * h + rnd.nextGaussian() * 0.01 * h) * 100) / 100;
        double y = Math.rint((y0 + TEMPLATE[2 * k + 1] * h + rnd.nextGaussian() * 0.01 * h) * 100) / 100;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        if (v > 0) {
          kp[3 * k] = x;
          kp[3 * k + 1] = y;
          kp[3 * k + 2] = v;
        }
      }
      double[] bbox = {minX, minY, maxX - minX, maxY - minY};
      out[p] = new Person(kp, bbox, Math.rint(bbox[2] * bbox[3] * 0.6));
    }
    return out;
  }

  /**
   * Detections of image {@code imageId}: each GT person found with probability 0.9 (keypoint noise 0.5–4.5 % of the
   * box size, random score), plus a random false positive in one image of three.
   *
   * @return {@code [n][52]}: 51 keypoint values then the score
   */
  double[][] detections(long imageId) {
    Person[] gt = groundTruth(imageId);
    SplittableRandom rnd = new SplittableRandom(imageId * 104729L + 1);
    int fp = rnd.nextInt(3) == 0 ? 1 : 0;
    double[][] out = new double[gt.length + fp][];
    int n = 0;
    for (Person g : gt) {
      if (rnd.nextDouble() < 0.1) {
        continue;
      }
      double size = Math.max(g.bbox()[2], g.bbox()[3]);
      double noise = (0.005 + rnd.nextDouble() * 0.04) * size;
      double[] d = new double[52];
      for (int k = 0; k < 17; k++) {
        double gx = g.keypoints()[3 * k + 2] > 0 ? g.keypoints()[3 * k] : g.bbox()[0] + g.bbox()[2] / 2;
        double gy = g.keypoints()[3 * k + 2] > 0 ? g.keypoints()[3 * k + 1] : g.bbox()[1] + g.bbox()[3] / 2;
        d[3 * k] = gx + rnd.nextGaussian() * noise;
        d[3 * k + 1] = gy + rnd.nextGaussian() * noise;
        d[3 * k + 2] = rnd.nextDouble();
      }
      d[51] = rnd.nextDouble();
      out[n++] = d;
    }
    for (int f = 0; f < fp; f++) {
      double[] d = new double[52];
      double cx = rnd.nextDouble() * WIDTH, cy = rnd.nextDouble() * HEIGHT, s = 20 + rnd.nextDouble() * 150;
      for (int k = 0; k < 17; k++) {
        d[3 * k] = cx + (rnd.nextDouble() - 0.5) * s;
        d[3 * k + 1] = cy + (rnd.nextDouble() - 0.5) * s;
        d[3 * k + 2] = rnd.nextDouble();
      }
      d[51] = rnd.nextDouble() * 0.5;
      out[n++] = d;
    }
    return Arrays.copyOf(out, n);
  }

  static String fileName(long imageId) {
    return String.format("%012d.jpg", imageId);
  }
}
