package ai.posespark.track;

import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import ai.posespark.pose.Person.BoundingBox;
import java.util.ArrayList;
import java.util.List;

/** Hand-built people for tracker tests: an upright stick figure of 17 COCO keypoints, 80×200 pixels. */
final class Figures {
  static final List<String> NAMES = List.of("nose", "left_eye", "right_eye", "left_ear", "right_ear",
      "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip",
      "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle");
  /** Keypoint offsets from the box's top-left corner. */
  private static final float[][] OFFSETS = {
      {40, 15}, {45, 10}, {35, 10}, {50, 12}, {30, 12}, {60, 45}, {20, 45}, {70, 75}, {10, 75}, {75, 105},
      {5, 105}, {55, 110}, {25, 110}, {57, 150}, {23, 150}, {58, 195}, {22, 195}};

  private Figures() {}

  /** A figure whose box's top-left corner is {@code (x, y)}, every keypoint scoring {@code score}. */
  static Person at(double x, double y, float score) {
    List<Keypoint> kps = new ArrayList<>();
    for (int k = 0; k < OFFSETS.length; k++) {
      kps.add(new Keypoint(NAMES.get(k), (float) x + OFFSETS[k][0], (float) y + OFFSETS[k][1], score));
    }
    return new Person(score, new BoundingBox((float) x, (float) y, 80, 200), kps);
  }

  /** A figure at {@code (x, y)} scoring 0.9. */
  static Person at(double x, double y) {
    return at(x, y, 0.9f);
  }

  /** A frame of these people. */
  static TrackFrame frame(int index, Person... people) {
    return new TrackFrame(index, List.of(people));
  }
}
