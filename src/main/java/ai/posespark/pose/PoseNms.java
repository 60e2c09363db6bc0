package ai.posespark.pose;

import java.util.List;

/**
 * Pose non-maximum suppression: one frame's people, several of which may be the same person proposed by
 * overlapping boxes, → distinct people. Top-down pipelines run it after mapping poses to the frame.
 */
public interface PoseNms {

  /** The kept (possibly merged) people, best first. */
  List<Person> apply(List<Person> people);

  /** No suppression ({@code model.poseNms: none}). */
  PoseNms NONE = people -> people;
}
