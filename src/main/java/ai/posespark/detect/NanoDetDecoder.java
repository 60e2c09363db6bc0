package ai.posespark.detect;

import ai.posespark.model.ModelOutputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes NanoDet (npm {@code nanodet.json}, 416 × 416 NCHW input, COCO's 80 classes), a GFL-style anchor-free
 * head on three levels, strides 8, 16 and 32 (grids 52², 26², 13² cells, row-major). Per level the graph gives a
 * class-score map {@code [1, cells, 80]} (probabilities: sigmoid already applied) and a box map {@code [1, cells,
 * 44]}: for the left, top, right and bottom sides in that order, 11 logits over the distances 0..10 strides
 * (distribution focal loss: softmax over the bins, the expectation times the stride is the distance in input
 * pixels from the cell centre {@code ((col + 0.5) · stride, (row + 0.5) · stride)}). The six outputs are named
 * {@code Identity}… in no useful order, so each is told apart by its size, as human's {@code nanodet.ts} does.
 * Established on the TF.js golden outputs of COCO 000000197388: class 0 (person) peaks on its five people; with
 * half-cell centres the best class-0 box of score ≥ 0.3 per person (four of the five reach 0.3) has IoU 0.81–0.92
 * with the ground truth, with cell-corner centres only 0.63–0.85; {@code NanoDetDecoderTest} prints the decoded
 * figures. human's {@code nanodet.ts} reads the sides as argmax bin × stride, a coarser form of the same.
 */
public final class NanoDetDecoder implements BoxDecoder {
  /** COCO's person, class 0 of the 80. */
  public static final int PERSON = 0;
  /** Class scores per cell. */
  public static final int CLASSES = 80;
  /** Distance bins per side ({@code reg_max} 10). */
  public static final int BINS = 11;

  private static final int[] STRIDES = {8, 16, 32};
  private static final int SIDES = 4;

  private final int inputWidth;
  private final int inputHeight;
  private final double minScore;
  private final double nmsIou;
  private final int maxBoxes;

  /** A decoder for the model {@code settings} describes. */
  public NanoDetDecoder(BoxDecoderSettings settings) {
    this.inputWidth = settings.inputWidth();
    this.inputHeight = settings.inputHeight();
    this.minScore = settings.minScore();
    this.nmsIou = settings.nmsIou();
    this.maxBoxes = settings.maxBoxes();
  }

  @Override
  public List<PersonBox> decode(List<float[]> outputs) {
    List<PersonBox> boxes = new ArrayList<>();
    for (int stride : STRIDES) {
      int cols = ceilDiv(inputWidth, stride);
      int rows = ceilDiv(inputHeight, stride);
      int cells = cols * rows;
      float[] scores = ModelOutputs.byLength(outputs, cells * CLASSES, "nanodet stride " + stride + " scores");
      float[] dist = ModelOutputs.byLength(outputs, cells * SIDES * BINS, "nanodet stride " + stride + " boxes");
      for (int cell = 0; cell < cells; cell++) {
        float score = scores[cell * CLASSES + PERSON];
        if (score < minScore) {
          continue;
        }
        double cx = (cell % cols + 0.5) * stride;
        double cy = (cell / cols + 0.5) * stride;
        int base = cell * SIDES * BINS;
        boxes.add(PersonBox.ofCorners(cx - distance(dist, base, stride), cy - distance(dist, base + BINS, stride),
            cx + distance(dist, base + 2 * BINS, stride), cy + distance(dist, base + 3 * BINS, stride), score));
      }
    }
    return BoxNms.apply(boxes, nmsIou, maxBoxes);
  }

  /** The expected distance of one side: softmax over its {@link #BINS} logits from {@code at}, times the stride. */
  private static double distance(float[] logits, int at, int stride) {
    double max = Double.NEGATIVE_INFINITY;
    for (int b = 0; b < BINS; b++) {
      max = Math.max(max, logits[at + b]);
    }
    double sum = 0;
    double weighted = 0;
    for (int b = 0; b < BINS; b++) {
      double e = Math.exp(logits[at + b] - max);
      sum += e;
      weighted += b * e;
    }
    return weighted / sum * stride;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
