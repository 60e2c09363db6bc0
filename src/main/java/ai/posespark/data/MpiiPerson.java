package ai.posespark.data;

import java.io.Serializable;

/**
 * One annotated MPII person (single-person protocol).
 *
 * @param id             person id (the file's {@code id}, else its index in the file)
 * @param image          image file name
 * @param joints         {@code [16][2]} joint coordinates (x, y) in the file's frame (see {@link MpiiDataset})
 * @param visible        {@code joints_vis}: only these joints count in PCKh
 * @param headbox        {@code [x1, y1, x2, y2]}, or null when neither given nor derivable
 * @param headboxDerived true when the box was derived from head_top / upper_neck, not read
 * @param center         person centre (x, y), or null
 * @param scale          person height / 200 px, or NaN
 */
public record MpiiPerson(long id, String image, double[][] joints, boolean[] visible, double[] headbox,
    boolean headboxDerived, double[] center, double scale) implements Serializable {

  /**
   * The official PCKh normaliser: 0.6 × the head box diagonal (MPII's SC_BIAS 0.6 = 0.8 × 0.75), computed as
   * norm first, then × 0.6. NaN without a head box.
   */
  public double headSize() {
    if (headbox == null) {
      return Double.NaN;
    }
    double dx = headbox[2] - headbox[0], dy = headbox[3] - headbox[1];
    return Math.sqrt(dx * dx + dy * dy) * 0.6;
  }
}
