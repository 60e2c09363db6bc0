package ai.posespark.pose.head;

import ai.posespark.detect.BoxNms;
import ai.posespark.detect.PersonBox;
import ai.posespark.model.CodecParameters;
import ai.posespark.pose.DecoderSettings;
import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import ai.posespark.pose.PoseDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code yolo-pose} head (Ultralytics YOLOv8/YOLO11 pose, ONNX or TorchScript export): many people per input
 * from one output of N candidates × (5 + 3K) values — box centre x, y, width, height in input pixels, person score,
 * then per keypoint x, y (input pixels) and visibility. Channel-first {@code [5 + 3K, N]} as Ultralytics exports
 * it ({@code codec.layout: columns}, the default) or row-major {@code [N, 5 + 3K]} ({@code rows}). The exported
 * graph has already applied the sigmoid to the score and to every visibility ({@code Pose.kpts_decode} and
 * {@code Detect} in export mode), so both are used as they are: the keypoint's score is its visibility.
 * Candidates scoring at least {@link DecoderSettings#minPersonScore} go through box NMS at {@code codec.nmsIou}
 * (default 0.7, Ultralytics' {@code iou}), at most {@code codec.maxPeople} (300, its {@code max_det}) kept, best
 * first; each person keeps its box. Coordinates stay as the model gives them (Ultralytics' grid puts cell centres
 * at {@code (i + 0.5)·stride}, PoseSpark's continuous convention); the pipeline inverts the letterbox.
 */
public final class YoloPoseDecoder implements PoseDecoder {
  private static final String NAME = "yolo-pose";
  private static final int BOX_VALUES = 5;

  private final List<String> names;
  private final boolean columns;
  private final double nmsIou;
  private final int maxPeople;
  private final double minPersonScore;

  /** A decoder for the model {@code settings} describes, its parameters from {@code settings.codec()}. */
  public YoloPoseDecoder(DecoderSettings settings) {
    CodecParameters p = new CodecParameters(NAME, settings.codec(), "layout", "nmsIou", "maxPeople");
    this.names = settings.keypointNames();
    this.columns = p.choice("layout", "columns", List.of("columns", "rows")).equals("columns");
    this.nmsIou = p.number("nmsIou", 0.7, 0, 1);
    this.maxPeople = p.integer("maxPeople", 300, 1);
    this.minPersonScore = settings.minPersonScore();
  }

  @Override
  public List<Person> decode(List<float[]> outputs) {
    float[] out = outputs.get(0);
    int stride = BOX_VALUES + 3 * names.size();
    if (out.length % stride != 0) {
      throw new IllegalArgumentException(NAME + ": output has " + out.length + " values, not a multiple of 5 + 3 × "
          + names.size() + " keypoints (the skeleton's) = " + stride);
    }
    int n = out.length / stride;
    // value v of candidate c, in either layout
    Candidates at = columns ? (c, v) -> out[v * n + c] : (c, v) -> out[c * stride + v];
    List<PersonBox> boxes = new ArrayList<>();
    List<Integer> candidates = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      float score = at.value(c, 4);
      if (score >= minPersonScore) {
        float cx = at.value(c, 0);
        float cy = at.value(c, 1);
        float w = at.value(c, 2);
        float h = at.value(c, 3);
        boxes.add(PersonBox.ofCorners(cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0, score));
        candidates.add(c);
      }
    }
    List<Person> people = new ArrayList<>();
    for (int i : BoxNms.keep(boxes, nmsIou, maxPeople)) {
      int c = candidates.get(i);
      List<Keypoint> kps = new ArrayList<>(names.size());
      for (int k = 0; k < names.size(); k++) {
        int v = BOX_VALUES + 3 * k;
        kps.add(new Keypoint(names.get(k), at.value(c, v), at.value(c, v + 1), at.value(c, v + 2)));
      }
      PersonBox b = boxes.get(i);
      people.add(new Person(b.score(), new Person.BoundingBox(b.x(), b.y(), b.w(), b.h()), kps));
    }
    return people;
  }

  @FunctionalInterface
  private interface Candidates {
    float value(int candidate, int value);
  }
}
