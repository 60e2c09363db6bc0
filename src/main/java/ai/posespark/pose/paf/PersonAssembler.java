package ai.posespark.pose.paf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Assembles people from limb connections, limb by limb in the topology's order, as the subset merging of CMU's
 * Python demo: for a connection A–B
 * <ul>
 *   <li>neither end in a person: a new person {A, B} scored {@code s(A) + s(B) + s(AB)}, unless the limb is
 *       redundant (redundant limbs only join);</li>
 *   <li>one end in a person that lacks the other's part: the other end joins it, adding {@code s + s(AB)};</li>
 *   <li>both ends in two people with no part in common: the people merge, scores summed plus {@code s(AB)};</li>
 *   <li>both ends already in the same person (a redundant limb closing a cycle): {@code s(AB)} is added, as
 *       OpenPose's {@code pafVectorIntoPeopleVector} does, so a complete person scores every limb.</li>
 * </ul>
 * Where the demo would overwrite a part a person already has, or put one candidate in two people (a connection
 * between two people that share a part), the connection is skipped instead: each candidate belongs to at most
 * one person (OpenPose's newer rule, "the previous one came from a higher PAF-confident score").
 */
final class PersonAssembler {
  private final PafTopology topology;
  private final List<List<PartPeak>> peaks;
  /** Per part, per candidate: the person holding it, or -1. */
  private final int[][] owner;
  private final List<int[]> members = new ArrayList<>();
  private final List<Double> totals = new ArrayList<>();

  PersonAssembler(PafTopology topology, List<List<PartPeak>> peaks) {
    this.topology = topology;
    this.peaks = peaks;
    this.owner = new int[peaks.size()][];
    for (int p = 0; p < peaks.size(); p++) {
      owner[p] = new int[peaks.get(p).size()];
      Arrays.fill(owner[p], -1);
    }
  }

  /**
   * Applies one limb's chosen connections, best first.
   *
   * @param scores the limb's connection scores {@code (nA, nB)} ({@link LimbScorer#scores}): what people add up
   */
  void connect(PafTopology.Limb limb, List<Connection> connections, double[][] scores) {
    for (Connection chosen : connections) {
      Connection c = new Connection(chosen.a(), chosen.b(), scores[chosen.a()][chosen.b()]);
      int pa = owner[limb.from()][c.a()];
      int pb = owner[limb.to()][c.b()];
      if (pa < 0 && pb < 0) {
        if (!limb.redundant()) {
          create(limb, c);
        }
      } else if (pb < 0) {
        join(pa, limb.to(), c.b(), c.score());
      } else if (pa < 0) {
        join(pb, limb.from(), c.a(), c.score());
      } else if (pa == pb) {
        totals.set(pa, totals.get(pa) + c.score());
      } else if (disjoint(pa, pb)) {
        merge(pa, pb, c.score());
      }
    }
  }

  /** The people with at least {@code minParts} counted parts scoring at least {@code minMeanScore} per part. */
  List<PafPose> people(int minParts, double minMeanScore) {
    List<PafPose> out = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      int[] m = members.get(i);
      if (m == null) {
        continue;
      }
      List<PartPeak> parts = new ArrayList<>(m.length);
      for (int p = 0; p < m.length; p++) {
        parts.add(m[p] < 0 ? null : peaks.get(p).get(m[p]));
      }
      PafPose pose = new PafPose(parts, totals.get(i));
      if (pose.kept(topology, minParts, minMeanScore)) {
        out.add(pose);
      }
    }
    return out;
  }

  private void create(PafTopology.Limb limb, Connection c) {
    int[] m = new int[topology.partCount()];
    Arrays.fill(m, -1);
    m[limb.from()] = c.a();
    m[limb.to()] = c.b();
    int id = members.size();
    members.add(m);
    totals.add(score(limb.from(), c.a()) + score(limb.to(), c.b()) + c.score());
    owner[limb.from()][c.a()] = id;
    owner[limb.to()][c.b()] = id;
  }

  private void join(int person, int part, int candidate, double connection) {
    int[] m = members.get(person);
    if (m[part] < 0) {
      m[part] = candidate;
      owner[part][candidate] = person;
      totals.set(person, totals.get(person) + score(part, candidate) + connection);
    }
  }

  private boolean disjoint(int a, int b) {
    int[] ma = members.get(a);
    int[] mb = members.get(b);
    for (int p = 0; p < ma.length; p++) {
      if (ma[p] >= 0 && mb[p] >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Moves person {@code from}'s parts into {@code into}; {@code from} is left empty. */
  private void merge(int into, int from, double connection) {
    int[] mi = members.get(into);
    int[] mf = members.get(from);
    for (int p = 0; p < mf.length; p++) {
      if (mf[p] >= 0) {
        mi[p] = mf[p];
        owner[p][mf[p]] = into;
      }
    }
    totals.set(into, totals.get(into) + totals.get(from) + connection);
    members.set(from, null);
  }

  private double score(int part, int candidate) {
    return peaks.get(part).get(candidate).score();
  }
}
