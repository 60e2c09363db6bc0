package ai.posespark.pose.paf;

import ai.posespark.pose.FeatureGrid;
import ai.posespark.pose.GroupingResult;
import ai.posespark.pose.ilp.Grouping;
import ai.posespark.pose.ilp.GroupingProblem;
import ai.posespark.pose.ilp.IlpSettings;
import ai.posespark.pose.ilp.IncrementalMulticut;
import ai.posespark.pose.ilp.MulticutSolver;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenPose's evidence grouped DeepCut's way: the PAF grouper's part candidates ({@link PafSettings#partThreshold},
 * at most {@link IlpSettings#maxCandidates} in all) are the nodes, unary log-odds logit(peak); every limb of the
 * topology links each candidate pair of its two parts whose line integral passes the reference's criteria
 * ({@link LimbScorer}), with same-person probability {@code maxLinkProbability · min(1, score)} and log-odds cost
 * (links with p ≤ 0.5 left out). The program is {@link MulticutSolver}'s (or {@link IncrementalMulticut}'s);
 * people are the kept links' components, filtered and scored as the PAF grouper's ({@link PafPose#kept}). Too
 * many candidates, or no optimum in time: the PAF grouper's greedy assembly, with the reason.
 */
public final class PafIlpGrouper {
  private final PafCodec codec;
  private final IlpSettings ilp;
  private final MulticutSolver solver;
  private final IncrementalMulticut incremental;

  /**
   * @param codec the PAF codec: grid, topology, candidate and limb-score settings, and the fallback
   * @param ilp   candidate bound, time limit, link probability cap, incremental or joint
   */
  public PafIlpGrouper(PafCodec codec, IlpSettings ilp) {
    this.codec = codec;
    this.ilp = ilp;
    this.solver = new MulticutSolver(ilp.timeLimitMs());
    this.incremental = new IncrementalMulticut(solver, stages(codec.topology()));
  }

  /** People of one image as COCO-17 in input pixels, best first, and why the greedy assembly stood in if it did. */
  public GroupingResult group(FeatureGrid heatmaps, FeatureGrid pafs) {
    codec.checkPafs(pafs);
    List<List<PartPeak>> peaks = codec.peaks(heatmaps);
    List<PartPeak> nodes = new ArrayList<>();
    peaks.forEach(nodes::addAll);
    if (nodes.size() > ilp.maxCandidates()) {
      return fallback(heatmaps, pafs, nodes.size() + " part candidates > maxCandidates " + ilp.maxCandidates());
    }
    int[] first = new int[peaks.size()];
    for (int p = 1; p < peaks.size(); p++) {
      first[p] = first[p - 1] + peaks.get(p - 1).size();
    }
    int[] parts = new int[nodes.size()];
    double[] unary = new double[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      parts[i] = nodes.get(i).part();
      unary[i] = GroupingProblem.logOdds(nodes.get(i).score());
    }
    List<GroupingProblem.Link> links = new ArrayList<>();
    List<Double> linkScores = new ArrayList<>();
    for (PafTopology.Limb limb : codec.topology().limbs()) {
      List<PartPeak> a = peaks.get(limb.from());
      List<PartPeak> b = peaks.get(limb.to());
      double[][] scores = codec.scorer().scores(pafs, limb, a, b);
      for (int i = 0; i < a.size(); i++) {
        for (int j = 0; j < b.size(); j++) {
          double p = ilp.maxLinkProbability() * Math.min(1, scores[i][j]);
          if (p > 0.5) {
            links.add(new GroupingProblem.Link(first[limb.from()] + i, first[limb.to()] + j,
                GroupingProblem.logOdds(p)));
            linkScores.add(scores[i][j]);
          }
        }
      }
    }
    GroupingProblem problem = new GroupingProblem(parts, unary, links);
    Grouping g = ilp.incremental() ? incremental.solve(problem) : solver.solve(problem);
    if (!g.optimal()) {
      return fallback(heatmaps, pafs, "solver " + g.status() + " after " + g.rounds() + " rounds within timeLimitMs "
          + ilp.timeLimitMs());
    }
    return new GroupingResult(codec.people(poses(problem, g, nodes, linkScores)), null);
  }

  /** The components as people with the reference's total (peak scores plus kept links' PAF scores), filtered. */
  private List<PafPose> poses(GroupingProblem problem, Grouping g, List<PartPeak> nodes, List<Double> linkScores) {
    int[] component = g.components(problem);
    double[] totals = new double[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      if (component[i] >= 0) {
        totals[component[i]] += nodes.get(i).score();
      }
    }
    for (int l = 0; l < linkScores.size(); l++) {
      if (g.linked()[l]) {
        totals[component[problem.links().get(l).i()]] += linkScores.get(l);
      }
    }
    PafSettings settings = codec.settings();
    List<PafPose> out = new ArrayList<>();
    for (int r = 0; r < nodes.size(); r++) {
      if (component[r] != r) {
        continue;
      }
      PartPeak[] parts = new PartPeak[codec.topology().partCount()];
      for (int i = r; i < nodes.size(); i++) {
        if (component[i] == r) {
          parts[nodes.get(i).part()] = nodes.get(i);
        }
      }
      PafPose pose = new PafPose(java.util.Arrays.asList(parts), totals[r]);
      if (pose.kept(codec.topology(), settings.minParts(), settings.minMeanScore())) {
        out.add(pose);
      }
    }
    return out;
  }

  private GroupingResult fallback(FeatureGrid heatmaps, FeatureGrid pafs, String reason) {
    return new GroupingResult(codec.decode(heatmaps, pafs), reason);
  }

  /** DeeperCut's stages for a PAF topology: a part's COCO-17 stage; the neck with the head, mid-hip and feet last. */
  static int[] stages(PafTopology topology) {
    int[] out = new int[topology.partCount()];
    for (int p = 0; p < out.length; p++) {
      int coco = topology.cocoIndex(p);
      out[p] = coco >= 0 ? IncrementalMulticut.COCO17_STAGES[coco] : "neck".equals(topology.parts().get(p)) ? 0 : 2;
    }
    return out;
  }
}
