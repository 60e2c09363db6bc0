package ai.posespark.pose.ilp;

import ai.posespark.pose.DecoderSettings;
import ai.posespark.pose.FeatureGrid;
import ai.posespark.pose.GroupingResult;
import ai.posespark.pose.PartCandidate;
import ai.posespark.pose.Person;
import ai.posespark.pose.PoseDecoder;
import ai.posespark.pose.PoseNetAssembler;
import ai.posespark.pose.PoseNetDecoder;
import ai.posespark.pose.Skeleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PoseNet's outputs grouped into people by an ILP (DeepCut, Pishchulin et al. 2016; DeeperCut, Insafutdinov et
 * al. 2016) instead of the greedy decoding, on the same part evidence. Nodes: part candidates (heatmap local
 * maxima above {@link IlpSettings#partThreshold}), each placed as greedy's walk places a joint it lands on at that
 * cell ({@link PoseNetAssembler#landed}: snapped twice to the nearest cell plus its short-range offset); unary
 * log-odds logit(p) of the part probability. Links: pairs of candidates of parts adjacent along
 * {@link Skeleton#POSENET_EDGES}, with {@link PoseNetLinkCost}'s same-person probability (displacement agreement
 * and a per-limb distance prior); links with p ≤ 0.5 are left out (never part of an optimum). The program and its
 * lazy cycle constraints are {@link MulticutSolver}'s; with {@link IlpSettings#incremental} it is solved
 * DeeperCut's way, part group by part group ({@link IncrementalMulticut}).
 *
 * <p>From partition to people ({@link #people}): the clusters (connected components of kept links) in order of their
 * evidence, the sum of their candidates' scores. Fragments: a cluster none of whose candidates could root a greedy
 * pose (all below the greedy decoder's part threshold, 0.5) is too weak to be a person and is dropped; a cluster whose
 * strongest candidate lies within greedy's NMS radius (20 px) of the same part of an earlier person is absorbed by
 * that person, whose displacement walk already reads it, and dropped; a cluster whose own walk leads into an earlier
 * person (more than half of the joints it lacks land within that radius of the person's) is that person's fragment and
 * merged into it: each of its joints replaces the person's own candidate of that part where stronger, and the person's
 * other joints are walked again from its own. Every other cluster is completed from its own joints by greedy's
 * displacement walk ({@link PoseNetAssembler#complete}) and scored as greedy scores its poses ({@link
 * PoseNetDecoder#people}: the scores of the joints no earlier person claims, over 17), so a person is never a poorer
 * reading of the evidence than greedy's, and a cluster that merely duplicates an earlier person scores low. More than
 * {@code maxCandidates} candidates, or no proven optimum within {@code timeLimitMs}: the greedy decoding, with the
 * reason in {@link GroupingResult#fallbackReason()}.
 */
public final class IlpPoseNetDecoder implements PoseDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(IlpPoseNetDecoder.class);
  private static final int K = Skeleton.COCO_17.size();
  private static final int E = Skeleton.POSENET_EDGES.length;

  private final IlpSettings settings;
  private final PoseNetDecoder greedy;
  private final PoseNetLinkCost linkCost;
  private final MulticutSolver solver;
  private final IncrementalMulticut incremental;

  /**
   * @param decoder  the model input and output names, as for {@link PoseNetDecoder} (stride 16, the npm graph)
   * @param settings the grouper's constants and bounds
   */
  public IlpPoseNetDecoder(DecoderSettings decoder, IlpSettings settings) {
    List<String> names = decoder.outputNames().isEmpty() ? PoseNetDecoder.HUMAN_MODELS_OUTPUT_NAMES
        : decoder.outputNames();
    this.settings = settings;
    this.greedy = PoseNetDecoder.withDefaults(names, decoder.inputWidth(), decoder.inputHeight(),
        PoseNetDecoder.MAX_PEOPLE, decoder.minPersonScore());
    this.linkCost = new PoseNetLinkCost(settings.sigma(), settings.maxLinkProbability());
    this.solver = new MulticutSolver(settings.timeLimitMs());
    this.incremental = new IncrementalMulticut(solver, IncrementalMulticut.COCO17_STAGES);
  }

  @Override
  public List<Person> decode(List<float[]> outputs) {
    return group(outputs).people();
  }

  /** People of one image, and why the greedy decoding stood in if it did. */
  @Override
  public GroupingResult group(List<float[]> outputs) {
    PoseNetAssembler walk = greedy.assembler(outputs);
    List<PartCandidate> candidates = PartCandidate.localMaxima(walk.scores(), settings.partThreshold(),
        settings.localMaximumRadius());
    if (candidates.size() > settings.maxCandidates()) {
      return fallback(outputs, candidates.size() + " part candidates > maxCandidates " + settings.maxCandidates());
    }
    float[][] at = new float[candidates.size()][];
    for (int i = 0; i < at.length; i++) {
      at[i] = walk.landed(candidates.get(i));
    }
    GroupingProblem problem = problem(candidates, at, walk);
    Grouping g = settings.incremental() ? incremental.solve(problem) : solver.solve(problem);
    if (!g.optimal()) {
      return fallback(outputs, "solver " + g.status() + " after " + g.rounds() + " rounds within timeLimitMs "
          + settings.timeLimitMs());
    }
    return new GroupingResult(people(g.components(problem), candidates, at, walk), null);
  }

  /** Nodes and links of one image. */
  GroupingProblem problem(List<PartCandidate> candidates, float[][] at, PoseNetAssembler walk) {
    int n = candidates.size();
    int[] parts = new int[n];
    double[] unary = new double[n];
    for (int i = 0; i < n; i++) {
      parts[i] = candidates.get(i).part();
      unary[i] = GroupingProblem.logOdds(candidates.get(i).score());
    }
    List<GroupingProblem.Link> links = new ArrayList<>();
    for (int e = 0; e < E; e++) {
      for (int i = 0; i < n; i++) {
        if (parts[i] != Skeleton.POSENET_EDGES[e][0]) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          if (parts[j] != Skeleton.POSENET_EDGES[e][1]) {
            continue;
          }
          double p = linkCost.probability(e, miss(at[i], walk.forward(), candidates.get(i), e, at[j]),
              miss(at[j], walk.backward(), candidates.get(j), e, at[i]),
              Math.hypot(at[i][0] - at[j][0], at[i][1] - at[j][1]));
          if (p > 0.5) {
            links.add(new GroupingProblem.Link(i, j, GroupingProblem.logOdds(p)));
          }
        }
      }
    }
    return new GroupingProblem(parts, unary, links);
  }

  /** Squared distance between where edge {@code e}'s displacement at {@code from}'s cell points and {@code to}. */
  private static double miss(float[] from, FeatureGrid displacements, PartCandidate cell, int e, float[] to) {
    double dy = from[0] + displacements.get(cell.row(), cell.col(), e) - to[0];
    double dx = from[1] + displacements.get(cell.row(), cell.col(), E + e) - to[1];
    return dy * dy + dx * dx;
  }

  /**
   * The people of a partition: the clusters of {@code component} (per candidate its cluster's id, −1 if not kept)
   * past the fragment rule, completed and scored as greedy's poses (see the class comment).
   */
  List<Person> people(int[] component, List<PartCandidate> candidates, float[][] at, PoseNetAssembler walk) {
    List<List<Integer>> clusters = new ArrayList<>();
    for (int r = 0; r < component.length; r++) {
      if (component[r] == r) {
        List<Integer> members = new ArrayList<>();
        for (int i = r; i < component.length; i++) {
          if (component[i] == r) {
            members.add(i);
          }
        }
        clusters.add(members);
      }
    }
    clusters.sort(Comparator.comparingDouble((List<Integer> c) -> -evidence(c, candidates)));
    List<float[][]> owned = new ArrayList<>(); // per person the joints its candidates give, null elsewhere
    List<float[][]> poses = new ArrayList<>();
    for (List<Integer> cluster : clusters) {
      int strongest = cluster.get(0); // candidates are best first, members in index order
      PartCandidate root = candidates.get(strongest);
      if (root.score() < greedy.partThreshold()
          || greedy.nearSamePartOfAny(poses, at[strongest][0], at[strongest][1], root.part())) {
        continue;
      }
      float[][] own = new float[K][];
      for (int i : cluster) {
        own[candidates.get(i).part()] = at[i];
      }
      float[][] pose = walk.complete(own.clone());
      int host = walkedInto(own, pose, poses);
      if (host >= 0) {
        merge(owned.get(host), own);
        poses.set(host, walk.complete(owned.get(host).clone()));
      } else {
        owned.add(own);
        poses.add(pose);
      }
    }
    return greedy.people(poses);
  }

  /**
   * The first earlier person that the walk from a cluster's own joints leads into: more than half of the joints
   * the cluster lacks land within greedy's NMS radius of that person's; −1 if none.
   */
  private int walkedInto(float[][] own, float[][] pose, List<float[][]> poses) {
    for (int q = 0; q < poses.size(); q++) {
      List<float[][]> person = List.<float[][]>of(poses.get(q));
      int lacked = 0;
      int shared = 0;
      for (int k = 0; k < K; k++) {
        if (own[k] == null) {
          lacked++;
          shared += greedy.nearSamePartOfAny(person, pose[k][0], pose[k][1], k) ? 1 : 0;
        }
      }
      if (2 * shared > lacked) {
        return q;
      }
    }
    return -1;
  }

  /** A fragment's joints into its host's: each that is stronger than the host's own candidate of that part. */
  private static void merge(float[][] host, float[][] fragment) {
    for (int k = 0; k < K; k++) {
      if (fragment[k] != null && host[k] != null && fragment[k][2] > host[k][2]) {
        host[k] = fragment[k];
      }
    }
  }

  private static double evidence(List<Integer> cluster, List<PartCandidate> candidates) {
    return cluster.stream().mapToDouble(i -> candidates.get(i).score()).sum();
  }

  private GroupingResult fallback(List<float[]> outputs, String reason) {
    LOG.info("posenet-ilp: greedy fallback: {}", reason);
    return new GroupingResult(greedy.decode(outputs), reason);
  }
}
