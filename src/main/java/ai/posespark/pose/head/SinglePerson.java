package ai.posespark.pose.head;

import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import java.util.ArrayList;
import java.util.List;

/**
 * The one person of a top-down crop from its decoded keypoints, as MMPose's top-down models report it: the person's
 * score is the mean keypoint score, its box the extent of the keypoints the model found (score above 0; all of
 * them when none is).
 */
final class SinglePerson {
  private SinglePerson() {}

  /**
   * @param names          keypoint names, output order
   * @param xy             per keypoint {@code {x, y}}, continuous model-input pixels
   * @param scores         per keypoint score
   * @param minPersonScore below this mean score there is no person
   * @return the person, or nobody
   */
  static List<Person> of(List<String> names, double[][] xy, double[] scores, double minPersonScore) {
    List<Keypoint> kps = new ArrayList<>(names.size());
    double mean = 0;
    for (int k = 0; k < names.size(); k++) {
      kps.add(new Keypoint(names.get(k), (float) xy[k][0], (float) xy[k][1], (float) scores[k]));
      mean += scores[k] / names.size();
    }
    if (!(mean >= minPersonScore)) {
      return List.of();
    }
    return List.of(new Person((float) mean, Person.boxAround(kps, Double.MIN_VALUE), kps));
  }
}
