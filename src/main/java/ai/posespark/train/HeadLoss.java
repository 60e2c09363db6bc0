package ai.posespark.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The fine-tuning loss on MoveNet's four heads against {@link ai.posespark.pose.MoveNetCodec} targets, per item:
 * squared error summed over the cells of the labelled joints' heatmaps and of the centre map (Gaussian
 * regression), plus the mean absolute error of the regression and offset channels where their masks are set.
 */
final class HeadLoss {
  private HeadLoss() {}

  /**
   * @param heads the graph's [heatmap, centre, regress, offset]
   * @param targets [heatmap, centre, regress, regressMask, offset, offsetMask] (the heads' shapes), jointWeight
   *     [N, 1, 1, 17]
   * @return the scalar loss, averaged over the batch
   */
  static NDArray of(NDList heads, NDList targets) {
    long n = heads.get(0).getShape().get(0);
    NDArray heat = heads.get(0).sub(targets.get(0)).square().mul(targets.get(6)).sum().div(n);
    NDArray centre = heads.get(1).sub(targets.get(1)).square().sum().div(n);
    NDArray regress = masked(heads.get(2), targets.get(2), targets.get(3));
    NDArray offset = masked(heads.get(3), targets.get(4), targets.get(5));
    return heat.add(centre).add(regress).add(offset);
  }

  private static NDArray masked(NDArray predicted, NDArray target, NDArray mask) {
    float count = Math.max(1f, mask.sum().getFloat());
    return predicted.sub(target).abs().mul(mask).sum().div(count);
  }
}
