package ai.posespark.pose.paf;

/**
 * A chosen limb connection between two part candidates.
 *
 * @param a     index of the candidate of the limb's {@code from} part
 * @param b     index of the candidate of its {@code to} part
 * @param score what it was chosen by ({@link LimbScorer#ranking}) or, in people, its PAF score; &gt; 0
 */
public record Connection(int a, int b, double score) {}
