package ai.posespark.pose.paf;

import ai.posespark.OptimalAssignment;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How one limb's candidate connections become a matching (each candidate used at most once), from the score matrix
 * {@code (nA, nB)} of {@link LimbScorer} (0 = not connectable).
 */
public enum Assignment {
  /**
   * The reference's choice: connections by descending score, each taken when neither end is used yet, until
   * {@code min(nA, nB)} are taken (Python demo and OpenPose's {@code createPeopleVector}). Fast; can miss the best
   * total when a strong connection blocks two good ones.
   */
  @JsonProperty("greedy") GREEDY {
    @Override
    List<Connection> select(double[][] scores) {
      List<Connection> all = new ArrayList<>();
      for (int i = 0; i < scores.length; i++) {
        for (int j = 0; j < scores[i].length; j++) {
          if (scores[i][j] > 0) {
            all.add(new Connection(i, j, scores[i][j]));
          }
        }
      }
      all.sort(BY_SCORE);
      int columns = scores.length == 0 ? 0 : scores[0].length;
      int wanted = Math.min(scores.length, columns);
      boolean[] usedA = new boolean[scores.length];
      boolean[] usedB = new boolean[columns];
      List<Connection> out = new ArrayList<>();
      for (Connection c : all) {
        if (out.size() == wanted) {
          break;
        }
        if (!usedA[c.a()] && !usedB[c.b()]) {
          usedA[c.a()] = true;
          usedB[c.b()] = true;
          out.add(c);
        }
      }
      return out;
    }
  },

  /**
   * The paper's formulation: the matching of largest total score (the Hungarian problem, solved by
   * {@link OptimalAssignment}: OR-Tools, as the tracker's frame-to-frame matching). Optimal
   * per limb, but the largest total also favours extra weak connections, which noise supplies
   * ({@link PafSettings#assignment}).
   */
  @JsonProperty("hungarian") HUNGARIAN {
    @Override
    List<Connection> select(double[][] scores) {
      int[] match = OptimalAssignment.maximise(checked(scores), 0);
      List<Connection> out = new ArrayList<>();
      for (int i = 0; i < match.length; i++) {
        if (match[i] >= 0) {
          out.add(new Connection(i, match[i], scores[i][match[i]]));
        }
      }
      // assembled in the same order as the greedy matching, so both differ only in which connections they chose
      out.sort(BY_SCORE);
      return out;
    }
  };

  /** {@code scores} if rectangular, finite and non-negative (0: not connectable); else a clear error. */
  private static double[][] checked(double[][] scores) {
    int m = scores.length == 0 ? 0 : scores[0].length;
    for (double[] row : scores) {
      if (row.length != m) {
        throw new IllegalArgumentException("hungarian: rows of different lengths");
      }
      for (double w : row) {
        if (!(w >= 0) || Double.isInfinite(w)) {
          throw new IllegalArgumentException("hungarian: weight " + w + " is not a finite non-negative number");
        }
      }
    }
    return scores;
  }

  /** Descending score; ties by candidate indices, so results do not depend on the sort's stability. */
  static final Comparator<Connection> BY_SCORE = Comparator.comparingDouble(Connection::score).reversed()
      .thenComparingInt(Connection::a).thenComparingInt(Connection::b);

  /**
   * The chosen connections, best first.
   *
   * @param scores {@code (nA, nB)} scores, &ge; 0; 0 marks a pair that may not be connected
   */
  abstract List<Connection> select(double[][] scores);

  /** {@code greedy} or {@code hungarian} (a job key's value), case-insensitive. */
  public static Assignment parse(String name) {
    for (Assignment a : values()) {
      if (a.name().equalsIgnoreCase(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("assignment: '" + name + "' is not greedy or hungarian");
  }

  /** The job-key spelling: {@code greedy}, {@code hungarian}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
