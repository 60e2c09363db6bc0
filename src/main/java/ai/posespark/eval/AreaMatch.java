package ai.posespark.eval;

/**
 * The greedy OKS matching of one image for one area range (pycocotools' {@code evaluateImg} record).
 *
 * @param gtIds          GT ids, non-ignored first (stable), as pycocotools orders them
 * @param gtIgnore       per GT in that order, ignored for this area range
 * @param dtMatchedGtId  {@code [T][D]}: id of the GT each detection matched at each threshold, 0 when none
 * @param dtIgnore       {@code [T][D]}: detection ignored (matched an ignored GT, or unmatched and its own area
 *                       outside the range)
 */
public record AreaMatch(long[] gtIds, boolean[] gtIgnore, long[][] dtMatchedGtId, boolean[][] dtIgnore) {

  /** Non-ignored GTs: the recall denominator's share of this image. */
  public int numGtNotIgnored() {
    int n = 0;
    for (boolean ig : gtIgnore) {
      n += ig ? 0 : 1;
    }
    return n;
  }
}
