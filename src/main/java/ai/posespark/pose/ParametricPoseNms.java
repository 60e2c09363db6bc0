package ai.posespark.pose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * RMPE's parametric pose NMS (Fang et al., ICCV 2017; AlphaPose's {@code pPose_nms.py}), on poses in frame pixels.
 * Repeatedly the best remaining pose (mean keypoint score) is kept, and every remaining pose whose distance to it
 * is large is eliminated: {@code d = Σ_k [|p_k − q_k| ≤ 1] tanh(s_k/δ1) tanh(t_k/δ1) + μ Σ_k exp(−|p_k − q_k|/δ2)}
 * above {@code γ} (soft keypoint-confidence matching plus a spatial term), or at least {@code matchThreshold}
 * keypoints within {@code min(α · max(box w, h), 7)} pixels. The kept pose then absorbs its eliminated poses:
 * per keypoint, the score-weighted mean of those within {@code min(α · max(w, h), 15)} pixels, score
 * {@code Σ s² / Σ s}. A kept pose whose best keypoint scores below {@code scoreThreshold}, or whose keypoint box
 * is tiny ({@code 1.5² · area < areaThreshold}), is dropped. The box is the person's detector box where it has one.
 */
public final class ParametricPoseNms implements PoseNms {
  /**
   * The constants, named as in AlphaPose.
   *
   * @param delta1         δ1, softness of the confidence matching
   * @param mu             μ, weight of the spatial term
   * @param delta2         δ2, pixels, scale of the spatial term
   * @param gamma          γ, elimination threshold on the distance
   * @param scoreThreshold kept poses need a keypoint scoring at least this
   * @param matchThreshold eliminate at this many matching keypoints
   * @param alpha          keypoint match radius as a fraction of the box's longer side
   * @param areaThreshold  kept poses need {@code 1.5² · keypoint box area} at least this, pixels²
   */
  public record Settings(double delta1, double mu, double delta2, double gamma, double scoreThreshold,
                         int matchThreshold, double alpha, double areaThreshold) implements java.io.Serializable {
    /** AlphaPose's published defaults. */
    public static final Settings ALPHAPOSE = new Settings(1, 1.7, 2.65, 22.48, 0.3, 5, 0.1, 0);

    public Settings {
      if (!(delta1 > 0 && delta2 > 0 && alpha > 0) || matchThreshold < 1) {
        throw new IllegalArgumentException("parametric pose NMS needs delta1, delta2, alpha > 0 and "
            + "matchThreshold >= 1");
      }
    }
  }

  private final Settings s;

  public ParametricPoseNms(Settings settings) {
    this.s = settings;
  }

  @Override
  public List<Person> apply(List<Person> people) {
    int n = people.size();
    if (n == 0) {
      return people;
    }
    int k = people.get(0).keypoints().size();
    double[] refDist = new double[n];
    double[] human = new double[n];
    for (int i = 0; i < n; i++) {
      Person.BoundingBox b = box(people.get(i));
      refDist[i] = s.alpha() * Math.max(b.w(), b.h());
      human[i] = people.get(i).meanKeypointScore();
    }
    boolean[] open = new boolean[n];
    Arrays.fill(open, true);
    List<Person> kept = new ArrayList<>();
    for (int left = n; left > 0; ) {
      int pick = -1;
      for (int i = 0; i < n; i++) {
        if (open[i] && (pick < 0 || human[i] > human[pick])) {
          pick = i;
        }
      }
      List<Integer> cluster = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        if (open[j] && (j == pick || eliminates(people.get(pick), people.get(j), refDist[pick], k))) {
          cluster.add(j);
          open[j] = false;
          left--;
        }
      }
      Person merged = merge(people, pick, cluster, Math.min(refDist[pick], 15), k);
      if (merged != null) {
        kept.add(merged);
      }
    }
    kept.sort(Comparator.comparingDouble(Person::score).reversed());
    return kept;
  }

  /** Whether {@code other} is a duplicate of {@code ref}: large parametric distance, or enough matching joints. */
  boolean eliminates(Person ref, Person other, double refDist, int k) {
    double match = Math.min(refDist, 7);
    double conf = 0;
    double spatial = 0;
    int matching = 0;
    for (int i = 0; i < k; i++) {
      Keypoint a = ref.keypoints().get(i);
      Keypoint b = other.keypoints().get(i);
      double d = Math.hypot(a.x() - b.x(), a.y() - b.y());
      if (d <= 1) {
        conf += Math.tanh(nonZero(a.score()) / s.delta1()) * Math.tanh(nonZero(b.score()) / s.delta1());
      }
      spatial += Math.exp(-d / s.delta2());
      if (d <= match) {
        matching++;
      }
    }
    return conf + s.mu() * spatial > s.gamma() || matching >= s.matchThreshold();
  }

  /** The kept pose absorbing its cluster, or null when it scores too low or is too small. */
  private Person merge(List<Person> people, int pick, List<Integer> cluster, double radius, int k) {
    Person ref = people.get(pick);
    List<Keypoint> kps = new ArrayList<>(k);
    double best = 0;
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      Keypoint r = ref.keypoints().get(i);
      double w = 0;
      double w2 = 0;
      double x = 0;
      double y = 0;
      for (int j : cluster) {
        Keypoint q = people.get(j).keypoints().get(i);
        if (Math.hypot(q.x() - r.x(), q.y() - r.y()) <= radius) {
          double sc = nonZero(q.score());
          w += sc;
          w2 += sc * sc;
          x += sc * q.x();
          y += sc * q.y();
        }
      }
      Keypoint m = new Keypoint(r.name(), (float) (x / w), (float) (y / w), (float) (w2 / w));
      kps.add(m);
      best = Math.max(best, m.score());
      x0 = Math.min(x0, m.x());
      y0 = Math.min(y0, m.y());
      x1 = Math.max(x1, m.x());
      y1 = Math.max(y1, m.y());
    }
    if (best < s.scoreThreshold() || 1.5 * 1.5 * (x1 - x0) * (y1 - y0) < s.areaThreshold()) {
      return null;
    }
    return new Person(ref.score(), ref.bbox(), kps, ref.detection());
  }

  private static Person.BoundingBox box(Person p) {
    return p.detection() != null ? p.detection().box() : p.bbox();
  }

  /** AlphaPose replaces zero scores by 1e-5 so that weights never vanish. */
  private static double nonZero(double score) {
    return score == 0 ? 1e-5 : score;
  }
}
