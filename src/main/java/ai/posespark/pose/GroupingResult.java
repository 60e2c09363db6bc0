package ai.posespark.pose;

import java.util.List;

/**
 * What a decoder found in one model input, and why it fell back from its own method if it did (the ILP grouper
 * hitting a bound decodes greedily); the reason goes to the frame row's {@code note}.
 *
 * @param people         people, best first
 * @param fallbackReason why a fallback decoded this input, or null
 */
public record GroupingResult(List<Person> people, String fallbackReason) {

  public GroupingResult {
    people = List.copyOf(people);
  }
}
