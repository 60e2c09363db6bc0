package ai.posespark.track;

import ai.posespark.pose.Person;
import java.util.List;

/**
 * One frame of a video as the tracker sees it.
 *
 * @param frameIndex the frame's position in its video ({@code frame_index})
 * @param people     the people found in it, in {@code person_index} order
 */
public record TrackFrame(int frameIndex, List<Person> people) {
  /** Copies the list; null means no people. */
  public TrackFrame {
    people = people == null ? List.of() : List.copyOf(people);
  }
}
