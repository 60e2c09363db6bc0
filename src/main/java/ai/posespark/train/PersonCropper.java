package ai.posespark.train;

import ai.posespark.data.PersonAnnotation;
import ai.posespark.decode.AffineCrop;
import ai.posespark.decode.RgbImage;
import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import ai.posespark.pose.Skeleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a training crop around one annotated person: the region of {@link AffineCrop#around} (the box widened to the
 * input's aspect, × padding: what top-down inference crops), then the {@link Augmentation}'s scale, rotation and
 * mirror about its centre, sampled bilinearly (zeros outside the image), colour-jittered; the keypoints go through
 * the same map, left and right joints swapped when mirrored; points a converter synthesised are left
 * unlabelled. Without augmentation the crop is exactly the
 * inference crop, so validation predictions map back through {@link AffineCrop}'s inverse.
 */
public final class PersonCropper {
  private final int size;
  private final double padding;

  /**
   * @param size model input side, pixels
   * @param padding box → region scale (top-down's {@code model.cropPadding})
   */
  public PersonCropper(int size, double padding) {
    this.size = size;
    this.padding = padding;
  }

  /** The un-augmented region of {@code person} in {@code image}'s pixels. */
  public AffineCrop region(PersonAnnotation person, int imageWidth, int imageHeight) {
    double[] b = person.bbox();
    return AffineCrop.around(b[0], b[1], b[2], b[3], padding, imageWidth, imageHeight, size, size);
  }

  /** The crop of {@code person}, changed by {@code a}. */
  public TrainingSample crop(String id, RgbImage image, PersonAnnotation person, Augmentation a) {
    AffineCrop region = region(person, image.width(), image.height());
    double side = region.regionWidth() * a.scale();
    double cos = Math.cos(Math.toRadians(a.rotationDegrees()));
    double sin = Math.sin(Math.toRadians(a.rotationDegrees()));
    double sign = a.flip() ? -1 : 1;
    byte[] rgb = new byte[size * size * 3];
    double mean = 0;
    float[] pixel = new float[3];
    float[] values = new float[size * size * 3];
    for (int v = 0; v < size; v++) {
      for (int u = 0; u < size; u++) {
        double du = sign * ((u + 0.5) / size - 0.5) * side;
        double dv = ((v + 0.5) / size - 0.5) * side;
        double x = region.centerX() + cos * du - sin * dv;
        double y = region.centerY() + sin * du + cos * dv;
        sample(image, x - 0.5, y - 0.5, pixel);
        System.arraycopy(pixel, 0, values, (v * size + u) * 3, 3);
        mean += pixel[0] + pixel[1] + pixel[2];
      }
    }
    mean /= values.length;
    for (int p = 0; p < values.length; p += 3) {
      float grey = (values[p] + values[p + 1] + values[p + 2]) / 3f;
      for (int c = 0; c < 3; c++) {
        double saturated = grey + (values[p + c] - grey) * a.saturation();
        double contrasted = mean + (saturated - mean) * a.contrast();
        long value = Math.round(contrasted * a.brightness());
        rgb[p + c] = (byte) Math.max(0, Math.min(255, value));
      }
    }
    float[] kps = keypoints(person, region.centerX(), region.centerY(), side, cos, sin, sign);
    // the region is centred on the box, and scale, rotation and mirror keep its centre: the person's centre
    return new TrainingSample(id, size, rgb, kps, 0.5f, 0.5f);
  }

  private float[] keypoints(PersonAnnotation person, double cx, double cy, double side, double cos, double sin,
      double sign) {
    double[] src = person.keypoints();
    List<Keypoint> kps = new ArrayList<>();
    for (int k = 0; k < Skeleton.COCO_17.size(); k++) {
      double dx = src[3 * k] - cx;
      double dy = src[3 * k + 1] - cy;
      double x = sign * (cos * dx + sin * dy) / side + 0.5;
      double y = (-sin * dx + cos * dy) / side + 0.5;
      // points a converter made up (AIC's face from head top and neck) are no labels to learn from
      boolean madeUp = person.synthesised() != null && person.synthesised()[k];
      boolean labelled = src[3 * k + 2] > 0 && !madeUp && x >= 0 && y >= 0 && x <= 1 && y <= 1;
      kps.add(new Keypoint(Skeleton.COCO_17.get(k), (float) x, (float) y, labelled ? 1f : 0f));
    }
    Person p = new Person(1f, Person.boxAround(kps, 0), kps);
    List<Keypoint> placed = sign < 0 ? p.swappedLeftRight().keypoints() : kps;
    float[] out = new float[placed.size() * 3];
    for (int k = 0; k < placed.size(); k++) {
      out[3 * k] = placed.get(k).x();
      out[3 * k + 1] = placed.get(k).y();
      out[3 * k + 2] = placed.get(k).score();
    }
    return out;
  }

  /** Bilinear sample at continuous pixel-index coordinates; zeros outside the image. */
  private static void sample(RgbImage image, double x, double y, float[] out) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    for (int c = 0; c < 3; c++) {
      out[c] = (float) ((1 - fy) * ((1 - fx) * at(image, x0, y0, c) + fx * at(image, x0 + 1, y0, c))
          + fy * ((1 - fx) * at(image, x0, y0 + 1, c) + fx * at(image, x0 + 1, y0 + 1, c)));
    }
  }

  private static int at(RgbImage image, int x, int y, int c) {
    return x < 0 || y < 0 || x >= image.width() || y >= image.height() ? 0 : image.channel(x, y, c);
  }
}
