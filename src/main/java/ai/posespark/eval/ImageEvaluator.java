package ai.posespark.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluation of one (image, category) exactly as pycocotools' {@code evaluateImg} for keypoints: top-maxDets
 * detections by score, OKS, then for every area range and OKS threshold the greedy matching.
 */
public final class ImageEvaluator {
  /** pycocotools' detection order: score descending, ties in results order (its stable mergesort). */
  static final Comparator<EvalDetection> DETECTION_ORDER = (a, b) -> {
    int c = NumpyMath.compareScoreDescending(a.score(), b.score());
    return c != 0 ? c : Long.compare(a.order(), b.order());
  };

  private ImageEvaluator() {}

  /**
   * Evaluates one image.
   *
   * @param gts ground truths of the image and category, any order (file order is restored from {@link EvalGt#order})
   * @param dts detections of the image and category, any order
   * @return the compact record, or null when the image has neither GT nor detections (pycocotools skips it)
   */
  public static ImageEvalResult evaluate(long imageId, int categoryId, List<EvalGt> gts, List<EvalDetection> dts,
      OksParams p) {
    if (gts.isEmpty() && dts.isEmpty()) {
      return null;
    }
    List<EvalGt> g = new ArrayList<>(gts);
    g.sort(Comparator.comparingLong(EvalGt::order));
    List<EvalDetection> d = topDetections(dts, p.maxDets);
    double[][] oks = Oks.matrix(d, g, p);
    int nA = p.areaRng.length, nT = p.iouThrs.length, nD = d.size();
    int[] numGt = new int[nA];
    byte[] status = new byte[nA * nT * nD];
    AreaMatch all = null;
    for (int a = 0; a < nA; a++) {
      AreaMatch m = matchArea(g, d, oks, p.areaRng[a], p);
      all = a == 0 ? m : all;
      numGt[a] = m.numGtNotIgnored();
      for (int t = 0; t < nT; t++) {
        for (int i = 0; i < nD; i++) {
          byte s = m.dtIgnore()[t][i] ? ImageEvalResult.IGNORED
              : (m.dtMatchedGtId()[t][i] != 0 ? ImageEvalResult.TP : ImageEvalResult.FP);
          status[(a * nT + t) * nD + i] = s;
        }
      }
    }
    double[] scores = new double[nD];
    for (int i = 0; i < nD; i++) {
      scores[i] = d.get(i).score();
    }
    return new ImageEvalResult(imageId, categoryId, numGt, scores, status, keypointStats(g, d, all, p));
  }

  /** The detections pycocotools evaluates: sorted by {@link #DETECTION_ORDER}, the first {@code maxDets}. */
  public static List<EvalDetection> topDetections(List<EvalDetection> dts, int maxDets) {
    List<EvalDetection> d = new ArrayList<>(dts);
    d.sort(DETECTION_ORDER);
    return d.size() > maxDets ? new ArrayList<>(d.subList(0, maxDets)) : d;
  }

  /**
   * Greedy matching for one area range.
   *
   * @param gts  GTs in file order
   * @param dts  detections from {@link #topDetections}
   * @param oks  {@code [D][G]} from {@link Oks#matrix}
   * @param aRng {@code [lo, hi]}, inclusive
   */
  public static AreaMatch matchArea(List<EvalGt> gts, List<EvalDetection> dts, double[][] oks, double[] aRng,
      OksParams p) {
    int nG = gts.size(), nD = dts.size(), nT = p.iouThrs.length;
    // GTs ignored for this range go last, keeping file order otherwise (a stable sort on the flag)
    int[] gtOrder = new int[nG];
    boolean[] gtIg = new boolean[nG];
    int pos = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int j = 0; j < nG; j++) {
        EvalGt g = gts.get(j);
        boolean ig = g.ignore() || g.area() < aRng[0] || g.area() > aRng[1];
        if (ig == (pass == 1)) {
          gtIg[pos] = ig;
          gtOrder[pos++] = j;
        }
      }
    }
    long[] gtIds = new long[nG];
    boolean[] crowd = new boolean[nG];
    for (int j = 0; j < nG; j++) {
      gtIds[j] = gts.get(gtOrder[j]).id();
      crowd[j] = gts.get(gtOrder[j]).iscrowd();
    }
    long[][] dtm = new long[nT][nD];
    boolean[][] dtIg = new boolean[nT][nD];
    if (nG > 0 && nD > 0) {
      for (int t = 0; t < nT; t++) {
        boolean[] gtMatched = new boolean[nG];
        for (int i = 0; i < nD; i++) {
          double best = Math.min(p.iouThrs[t], 1 - 1e-10);
          int m = -1;
          for (int j = 0; j < nG; j++) {
            if (gtMatched[j] && !crowd[j]) {
              continue; // a non-crowd GT takes one detection per threshold
            }
            if (m > -1 && !gtIg[m] && gtIg[j]) {
              break; // a real match is never traded for an ignored GT
            }
            double v = oks[i][gtOrder[j]];
            if (v < best) {
              continue;
            }
            best = v;
            m = j;
          }
          if (m == -1) {
            continue;
          }
          dtIg[t][i] = gtIg[m];
          dtm[t][i] = gtIds[m];
          gtMatched[m] = true;
        }
      }
    }
    // an unmatched detection outside the area range is ignored; pycocotools tests "matched" as id != 0
    for (int i = 0; i < nD; i++) {
      double area = dts.get(i).area();
      boolean outside = area < aRng[0] || area > aRng[1];
      for (int t = 0; t < nT; t++) {
        dtIg[t][i] |= dtm[t][i] == 0 && outside;
      }
    }
    return new AreaMatch(gtIds, gtIg, dtm, dtIg);
  }

  /** Per-keypoint sums for area all at the first OKS threshold (0.5). */
  private static KeypointStats keypointStats(List<EvalGt> gts, List<EvalDetection> dts, AreaMatch all,
      OksParams p) {
    KeypointStats ks = new KeypointStats(p.keypointCount());
    double[] perKeypoint = new double[p.keypointCount()];
    for (EvalGt g : gts) {
      if (!g.ignore()) {
        ks.addGt(g);
      }
    }
    for (int i = 0; i < dts.size(); i++) {
      long gtId = all.dtMatchedGtId()[0][i];
      if (gtId == 0 || all.dtIgnore()[0][i]) {
        continue;
      }
      for (EvalGt g : gts) {
        if (g.id() == gtId) {
          Oks.oks(dts.get(i).keypoints(), g, p, perKeypoint);
          ks.addMatch(g, dts.get(i).keypoints(), perKeypoint);
          break;
        }
      }
    }
    return ks;
  }
}
