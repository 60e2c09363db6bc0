package ai.posespark.detect;

import ai.posespark.model.ModelOutputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes BlazePose's person detector (npm {@code blazepose-detector.json}, MediaPipe's {@code pose_detection},
 * 224 × 224 input in −1..1) into boxes that cover the whole person.
 *
 * <p>Output {@code [1, 2254, 13]}, one row per {@link SsdAnchors SSD anchor}: {@code [0]} the score logit
 * ({@code sigmoid(clamp(logit, ±100))}, as MediaPipe's {@code score_clipping_thresh}); {@code [1..4]} the
 * detector's box (centre x, centre y, width, height); {@code [5..12]} four keypoints (x, y). Centres and keypoints
 * are offsets from the anchor centre, all in input pixels (MediaPipe's {@code x_scale = 224} with fixed 1 × 1
 * anchors). Established on the TF.js golden outputs: column 0 is the only one with logit-like values at the best
 * anchors (2.35 for the skier of COCO 000000000785, whose box is then centred within 20 px of the labelled nose),
 * columns 3 and 4 are ≈ 44.8 at every anchor, and columns 5..12 put keypoint 0 within 25 px of the labelled
 * mid-hip and keypoint 2 within 12 px of the mid-shoulder; human's {@code blazepose.ts} also slices the logit
 * first and the 12 coordinates after it.
 *
 * <p>MediaPipe's box is the face's, and this graph's width and height are ≈ 44.8 px everywhere: it says where a
 * person is, not how big. The person comes from the keypoints, as MediaPipe's full-body ROI
 * ({@code AlignmentPointsRectsCalculator} on keypoints 0 and 1, then {@code RectTransformationCalculator} with
 * scale 1.25, square): keypoint 0 is the mid-hip centre, keypoint 1 lies on the circle around it that encloses the
 * whole body. <b>The person box is the square centred on keypoint 0 with side 2 × 1.25 × |keypoint 1 −
 * keypoint 0|</b>, in input pixels. MediaPipe also rotates its square by the angle of keypoint 0 → 1; an upright
 * square of the same side already holds the whole enclosing circle (radius |kp1 − kp0|, with the 1.25 margin), so
 * it covers the person however the body leans. The square is square in input pixels, hence in the frame under a
 * letterbox (the catalog's resize); a stretched input makes it a rectangle in the frame, as the model saw it.
 *
 * <p>NMS runs on the detector's face-sized boxes, as MediaPipe's (IoU, before the ROI): two people side by side
 * have distinct faces, while their full-body squares overlap a lot. The score is the detection's.
 */
public final class BlazePoseDetectorDecoder implements BoxDecoder {
  /** MediaPipe's full-body ROI margin ({@code pose_detection_to_roi.pbtxt}, keypoints 0 and 1). */
  public static final double BODY_SCALE = 1.25;

  private static final int ROW = 13;
  private static final int BOX = 1;
  private static final int KEYPOINTS = 5;
  private static final double LOGIT_CLIP = 100;

  private final SsdAnchors anchors;
  private final double scaleX;
  private final double scaleY;
  private final double minScore;
  private final double nmsIou;
  private final int maxBoxes;

  /** A decoder for the model {@code settings} describes (its input size lays out the anchors). */
  public BlazePoseDetectorDecoder(BoxDecoderSettings settings) {
    this.anchors = SsdAnchors.of(settings.inputWidth(), settings.inputHeight(), SsdAnchors.POSE_DETECTOR_STRIDES);
    // MediaPipe divides raw offsets by x_scale = the input size and multiplies back by it: pixels for 224.
    this.scaleX = settings.inputWidth() / 224.0;
    this.scaleY = settings.inputHeight() / 224.0;
    this.minScore = settings.minScore();
    this.nmsIou = settings.nmsIou();
    this.maxBoxes = settings.maxBoxes();
  }

  @Override
  public List<PersonBox> decode(List<float[]> outputs) {
    float[] d = outputs.get(0);
    if (d.length != anchors.size() * ROW) {
      throw new IllegalArgumentException("blazepose-detector: output has " + d.length + " values, expected "
          + anchors.size() + " anchors × " + ROW);
    }
    List<PersonBox> faces = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    for (int a = 0; a < anchors.size(); a++) {
      int r = a * ROW;
      double score = ModelOutputs.sigmoid(Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, d[r])));
      if (score < minScore) {
        continue;
      }
      double cx = anchors.x()[a] + d[r + BOX] * scaleX;
      double cy = anchors.y()[a] + d[r + BOX + 1] * scaleY;
      double w = Math.abs(d[r + BOX + 2] * scaleX);
      double h = Math.abs(d[r + BOX + 3] * scaleY);
      faces.add(PersonBox.ofCorners(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, score));
      rows.add(a);
    }
    List<PersonBox> people = new ArrayList<>();
    for (int k : BoxNms.keep(faces, nmsIou, maxBoxes)) {
      int a = rows.get(k);
      int r = a * ROW + KEYPOINTS;
      double hipX = anchors.x()[a] + d[r] * scaleX;
      double hipY = anchors.y()[a] + d[r + 1] * scaleY;
      double edgeX = anchors.x()[a] + d[r + 2] * scaleX;
      double edgeY = anchors.y()[a] + d[r + 3] * scaleY;
      double half = BODY_SCALE * Math.hypot(edgeX - hipX, edgeY - hipY);
      people.add(PersonBox.ofCorners(hipX - half, hipY - half, hipX + half, hipY + half, faces.get(k).score()));
    }
    return people;
  }
}
