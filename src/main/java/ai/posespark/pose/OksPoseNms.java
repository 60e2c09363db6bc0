package ai.posespark.pose;

import ai.posespark.data.Coco17;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * OKS pose NMS (MMPose's {@code oks_nms}, the simpler alternative to {@link ParametricPoseNms}): best score first,
 * each kept person suppresses the remaining ones whose object keypoint similarity with it exceeds the threshold.
 * OKS as COCO defines it: {@code mean_k exp(−d_k² / (2 · area · (2σ_k)²))}, area the mean of the two people's
 * box areas (their detector boxes where they have them), COCO-17 sigmas.
 */
public final class OksPoseNms implements PoseNms {
  private final double threshold;

  /** @param threshold OKS above which a person is a duplicate (MMPose: 0.9) */
  public OksPoseNms(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("OKS NMS threshold " + threshold + " is outside (0, 1]");
    }
    this.threshold = threshold;
  }

  @Override
  public List<Person> apply(List<Person> people) {
    List<Person> sorted = new ArrayList<>(people);
    sorted.sort(Comparator.comparingDouble(Person::score).reversed());
    List<Person> kept = new ArrayList<>();
    for (Person p : sorted) {
      boolean duplicate = false;
      for (Person q : kept) {
        if (oks(q, p) > threshold) {
          duplicate = true;
          break;
        }
      }
      if (!duplicate) {
        kept.add(p);
      }
    }
    return kept;
  }

  /** COCO OKS of two people with the same skeleton (17 keypoints: COCO sigmas; otherwise the mean sigma). */
  static double oks(Person a, Person b) {
    int k = a.keypoints().size();
    double area = (area(a) + area(b)) / 2 + Math.ulp(1.0);
    double sum = 0;
    for (int i = 0; i < k; i++) {
      double sigma = k == Coco17.K ? Coco17.OKS_SIGMAS_X10[i] / 10 : 0.072;
      Keypoint p = a.keypoints().get(i);
      Keypoint q = b.keypoints().get(i);
      double d2 = (p.x() - q.x()) * (p.x() - q.x()) + (p.y() - q.y()) * (p.y() - q.y());
      sum += Math.exp(-d2 / (2 * area * (2 * sigma) * (2 * sigma)));
    }
    return k == 0 ? 0 : sum / k;
  }

  private static double area(Person p) {
    Person.BoundingBox b = p.detection() != null ? p.detection().box() : p.bbox();
    return (double) b.w() * b.h();
  }
}
