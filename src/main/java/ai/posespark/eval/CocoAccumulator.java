package ai.posespark.eval;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Collects per-image results and turns them into precision/recall as pycocotools' {@code accumulate} and
 * {@code summarize} do. Stateful metric: {@link #add} every image, {@link #merge} partial accumulators (it is a
 * Spark aggregation's zero/seqOp/combOp), then {@link #result()} once.
 */
public final class CocoAccumulator implements Serializable {
  private static final long serialVersionUID = 1L;
  private final OksParams p;
  private final TreeSet<Integer> categoryIds = new TreeSet<>();
  private final List<ImageEvalResult> images = new ArrayList<>();
  private final KeypointStats keypoints;

  /**
   * @param p            evaluation parameters
   * @param categoryIds  the ground truth's categories (pycocotools evaluates every GT category, even one
   *                     without annotations; its entries then stay -1)
   */
  public CocoAccumulator(OksParams p, Iterable<Integer> categoryIds) {
    this.p = p;
    categoryIds.forEach(this.categoryIds::add);
    this.keypoints = new KeypointStats(p.keypointCount());
  }

  /** Adds one image's result (null, pycocotools' "neither GT nor detections", is skipped). */
  public void add(ImageEvalResult r) {
    if (r == null) {
      return;
    }
    keypoints.merge(r.keypointStats());
    // the keypoint sums are folded in here; keeping only the rest keeps the per-image records small
    images.add(new ImageEvalResult(r.imageId(), r.categoryId(), r.numGtNotIgnored(), r.scores(), r.status(), null));
  }

  /** Adds everything {@code o} collected into this; returns this. */
  public CocoAccumulator merge(CocoAccumulator o) {
    images.addAll(o.images);
    categoryIds.addAll(o.categoryIds);
    keypoints.merge(o.keypoints);
    return this;
  }

  /** Accumulates and summarizes everything added. */
  public CocoMetrics result() {
    int nT = p.iouThrs.length, nR = p.recThrs.length, nA = p.areaRng.length;
    int[] cats = categoryIds.stream().mapToInt(Integer::intValue).toArray();
    double[][][][] precision = new double[nT][nR][cats.length][nA];
    double[][][] recall = new double[nT][cats.length][nA];
    for (double[][][] a : precision) {
      for (double[][] b : a) {
        for (double[] c : b) {
          Arrays.fill(c, -1);
        }
      }
    }
    for (double[][] a : recall) {
      for (double[] b : a) {
        Arrays.fill(b, -1);
      }
    }
    long numDetections = 0, numGt = 0;
    for (int k = 0; k < cats.length; k++) {
      int cat = cats[k];
      List<ImageEvalResult> e = new ArrayList<>();
      for (ImageEvalResult r : images) {
        if (r.categoryId() == cat) {
          e.add(r);
        }
      }
      if (e.isEmpty()) {
        continue;
      }
      // pycocotools concatenates images in ascending id order, then sorts by score with a stable sort
      e.sort(Comparator.comparingLong(ImageEvalResult::imageId));
      Sorted s = sortDetections(e);
      numDetections += s.image.length;
      for (int a = 0; a < nA; a++) {
        long npig = 0;
        for (ImageEvalResult r : e) {
          npig += r.numGtNotIgnored()[a];
        }
        numGt += a == 0 ? npig : 0;
        if (npig == 0) {
          continue;
        }
        for (int t = 0; t < nT; t++) {
          curve(e, s, a, t, npig, precision, recall, k);
        }
      }
    }
    return new CocoMetrics(p, cats, precision, recall, images.size(), numDetections, numGt, keypoints);
  }

  /** Detections of all images in accumulation order: which image ({@code e} index) and which detection. */
  private record Sorted(int[] image, int[] det) {}

  private static Sorted sortDetections(List<ImageEvalResult> e) {
    int n = 0;
    for (ImageEvalResult r : e) {
      n += r.scores().length;
    }
    double[] scores = new double[n];
    int[] img = new int[n], det = new int[n];
    int pos = 0;
    for (int i = 0; i < e.size(); i++) {
      double[] s = e.get(i).scores();
      for (int d = 0; d < s.length; d++, pos++) {
        scores[pos] = s[d];
        img[pos] = i;
        det[pos] = d;
      }
    }
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (x, y) -> NumpyMath.compareScoreDescending(scores[x], scores[y])); // stable
    int[] sortedImg = new int[n], sortedDet = new int[n];
    for (int i = 0; i < n; i++) {
      sortedImg[i] = img[idx[i]];
      sortedDet[i] = det[idx[i]];
    }
    return new Sorted(sortedImg, sortedDet);
  }

  /** One precision/recall curve: cumulative TP/FP, monotone precision, 101-point sampling. */
  private void curve(List<ImageEvalResult> e, Sorted s, int a, int t, long npig,
      double[][][][] precision, double[][][] recall, int k) {
    int nd = s.image.length, nT = p.iouThrs.length;
    double[] rc = new double[nd], pr = new double[nd];
    double tp = 0, fp = 0;
    for (int i = 0; i < nd; i++) {
      byte st = e.get(s.image[i]).status(a, t, s.det[i], nT);
      tp += st == ImageEvalResult.TP ? 1 : 0;
      fp += st == ImageEvalResult.FP ? 1 : 0;
      rc[i] = tp / npig;
      pr[i] = tp / (fp + tp + NumpyMath.SPACING_1);
    }
    recall[t][k][a] = nd > 0 ? rc[nd - 1] : 0;
    for (int i = nd - 1; i > 0; i--) {
      if (pr[i] > pr[i - 1]) {
        pr[i - 1] = pr[i];
      }
    }
    int i = 0;
    for (int r = 0; r < p.recThrs.length; r++) {
      // np.searchsorted(rc, recThr, side='left'): first index with rc >= recThr
      while (i < nd && rc[i] < p.recThrs[r]) {
        i++;
      }
      precision[t][r][k][a] = i < nd ? pr[i] : 0; // beyond the curve: pycocotools leaves 0
    }
  }
}
