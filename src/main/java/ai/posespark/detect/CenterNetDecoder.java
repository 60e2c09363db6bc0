package ai.posespark.detect;

import ai.posespark.model.ModelOutputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes CenterNet (npm {@code centernet.json}, 512 × 512 input, COCO's 80 classes). Of its three outputs only
 * {@code tower_0/detections} {@code [1, 100, 6]} is read: the graph has already taken the 100 best peaks of the
 * class-centre heatmaps ({@code tower_0/keypoints} {@code [1, 128, 128, 80]}, stride 4, scores 0..1) and built
 * their boxes from {@code tower_0/wh} {@code [1, 128, 128, 4]}. Each row is {@code [x1, y1, x2, y2, score, class]}:
 * corners in input pixels, score 0..1, class the 0-based index in COCO's 80-class list ({@link #PERSON} = 0), rows
 * best first. Established on the TF.js golden outputs of COCO 000000197388: for each of the six best rows, score
 * equals the heatmap of its class at one cell (row r, column c) exactly, and the corners equal
 * {@code (4c - wh[0], 4r - wh[1], 4c + wh[2], 4r + wh[3])} there, so {@code wh} holds the distances to the left,
 * top, right and bottom edges; mapped back to the image, the class-0 rows match its five ground-truth person boxes
 * (see {@code CenterNetGoldenTest}). human's {@code centernet.ts} reads the rows the same way.
 */
public final class CenterNetDecoder implements BoxDecoder {
  /** COCO's person, class 0 of the 80. */
  public static final int PERSON = 0;

  private static final int ROW = 6;

  private final int detections;
  private final double minScore;
  private final double nmsIou;
  private final int maxBoxes;

  /** A decoder for the model {@code settings} describes; finds {@code detections} among its output names. */
  public CenterNetDecoder(BoxDecoderSettings settings) {
    this.detections = ModelOutputs.indexByName(settings.outputNames(), "detections", 2, "centernet");
    this.minScore = settings.minScore();
    this.nmsIou = settings.nmsIou();
    this.maxBoxes = settings.maxBoxes();
  }

  @Override
  public List<PersonBox> decode(List<float[]> outputs) {
    float[] d = outputs.get(detections);
    if (d.length % ROW != 0) {
      throw new IllegalArgumentException("centernet: detections have " + d.length + " values, not rows of " + ROW);
    }
    List<PersonBox> boxes = new ArrayList<>();
    for (int r = 0; r < d.length; r += ROW) {
      float score = d[r + 4];
      if (Math.round(d[r + 5]) == PERSON && score >= minScore) {
        boxes.add(PersonBox.ofCorners(d[r], d[r + 1], d[r + 2], d[r + 3], score));
      }
    }
    return BoxNms.apply(boxes, nmsIou, maxBoxes);
  }
}
