package ai.posespark.pose.ilp;

import ai.posespark.pose.Person;
import java.util.List;

/**
 * What the ILP grouper found in one image.
 *
 * @param people         people, best first
 * @param fallbackReason why the greedy PoseNet decoding was used instead of the ILP (a bound hit), or null
 */
public record GroupingResult(List<Person> people, String fallbackReason) {

  public GroupingResult {
    people = List.copyOf(people);
  }
}
