package ai.posespark.pose.ilp;

import ai.posespark.model.ModelOutputs;
import ai.posespark.pose.DecoderSettings;
import ai.posespark.pose.GroupingResult;
import ai.posespark.pose.FeatureGrid;
import ai.posespark.pose.Keypoint;
import ai.posespark.pose.PartCandidate;
import ai.posespark.pose.Person;
import ai.posespark.pose.PoseDecoder;
import ai.posespark.pose.PoseDecoders;
import ai.posespark.pose.PoseNetDecoder;
import ai.posespark.pose.Skeleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PoseNet's outputs grouped into people by an ILP (DeepCut, Pishchulin et al. 2016; DeeperCut, Insafutdinov et
 * al. 2016) instead of the greedy decoding. Nodes: part candidates (heatmap local maxima, as
 * {@link PoseNetDecoder} finds them, above {@link IlpSettings#partThreshold}), placed at their cell plus the
 * cell's short-range offset; unary log-odds logit(p) of the part probability. Links: pairs of candidates of parts
 * adjacent along {@link Skeleton#POSENET_EDGES}; the forward displacement at the parent's cell predicts the child,
 * the backward one at the child's cell predicts the parent, and the two miss distances {@code d_f, d_b} give
 * {@code p = maxLinkProbability · exp(−(d_f² + d_b²) / 4σ²)} (the geometric mean of the two Gaussians) and the
 * link's log-odds log(p / (1 − p)); links with p ≤ 0.5 are left out (never part of an optimum). The program and
 * its lazy cycle constraints are {@link MulticutSolver}'s. People = connected components of the kept links; a
 * joint a person lacks sits at the centre of its box with score 0; person score = sum of keypoint scores / 17,
 * PoseNet's. With {@link IlpSettings#incremental} the program is solved DeeperCut's way, part group by part group
 * ({@link IncrementalMulticut}). More than {@code maxCandidates} candidates, or no proven optimum within
 * {@code timeLimitMs}: the greedy decoding, with the reason in {@link GroupingResult#fallbackReason()}.
 */
public final class IlpPoseNetDecoder implements PoseDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(IlpPoseNetDecoder.class);
  private static final int K = Skeleton.COCO_17.size();
  private static final int E = Skeleton.POSENET_EDGES.length;
  private static final int STRIDE = 16;

  private final int heatmapIndex;
  private final int offsetIndex;
  private final int forwardIndex;
  private final int backwardIndex;
  private final int gridHeight;
  private final int gridWidth;
  private final double minPersonScore;
  private final IlpSettings settings;
  private final PoseNetDecoder greedy;
  private final MulticutSolver solver;
  private final IncrementalMulticut incremental;

  /**
   * @param decoder  the model input and output names, as for {@link PoseNetDecoder} (stride 16, the npm graph)
   * @param settings the grouper's constants and bounds
   */
  public IlpPoseNetDecoder(DecoderSettings decoder, IlpSettings settings) {
    List<String> names = decoder.outputNames().isEmpty() ? PoseNetDecoder.HUMAN_MODELS_OUTPUT_NAMES
        : decoder.outputNames();
    this.heatmapIndex = ModelOutputs.indexByName(names, "heatmap", "posenet-ilp");
    this.offsetIndex = ModelOutputs.indexByName(names, "offset", "posenet-ilp");
    this.forwardIndex = ModelOutputs.indexByName(names, "displacement_fwd", "posenet-ilp");
    this.backwardIndex = ModelOutputs.indexByName(names, "displacement_bwd", "posenet-ilp");
    this.gridHeight = (decoder.inputHeight() + STRIDE - 1) / STRIDE;
    this.gridWidth = (decoder.inputWidth() + STRIDE - 1) / STRIDE;
    this.minPersonScore = decoder.minPersonScore();
    this.settings = settings;
    this.greedy = PoseNetDecoder.withDefaults(names, decoder.inputWidth(), decoder.inputHeight(),
        PoseDecoders.POSENET_MAX_PEOPLE, decoder.minPersonScore());
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
    float[] logits = outputs.get(heatmapIndex);
    float[] probabilities = new float[logits.length];
    for (int i = 0; i < logits.length; i++) {
      probabilities[i] = ModelOutputs.sigmoid(logits[i]);
    }
    List<PartCandidate> candidates = PartCandidate.localMaxima(
        new FeatureGrid(probabilities, gridHeight, gridWidth, K, "posenet heatmap"), settings.partThreshold(),
        settings.localMaximumRadius());
    if (candidates.size() > settings.maxCandidates()) {
      return fallback(outputs, candidates.size() + " part candidates > maxCandidates " + settings.maxCandidates());
    }
    FeatureGrid offsets = new FeatureGrid(outputs.get(offsetIndex), gridHeight, gridWidth, 2 * K, "posenet offsets");
    float[][] at = new float[candidates.size()][];
    for (int i = 0; i < at.length; i++) {
      PartCandidate p = candidates.get(i);
      at[i] = new float[] {p.row() * STRIDE + offsets.get(p.row(), p.col(), p.part()),
          p.col() * STRIDE + offsets.get(p.row(), p.col(), K + p.part())};
    }
    GroupingProblem problem = problem(candidates, at,
        new FeatureGrid(outputs.get(forwardIndex), gridHeight, gridWidth, 2 * E, "posenet forward displacements"),
        new FeatureGrid(outputs.get(backwardIndex), gridHeight, gridWidth, 2 * E, "posenet backward displacements"));
    Grouping g = settings.incremental() ? incremental.solve(problem) : solver.solve(problem);
    if (!g.optimal()) {
      return fallback(outputs, "solver " + g.status() + " after " + g.rounds() + " rounds within timeLimitMs "
          + settings.timeLimitMs());
    }
    return new GroupingResult(people(problem, g, candidates, at), null);
  }

  /** Nodes and links of one image. */
  GroupingProblem problem(List<PartCandidate> candidates, float[][] at, FeatureGrid forward, FeatureGrid backward) {
    int n = candidates.size();
    int[] parts = new int[n];
    double[] unary = new double[n];
    for (int i = 0; i < n; i++) {
      parts[i] = candidates.get(i).part();
      unary[i] = GroupingProblem.logOdds(candidates.get(i).score());
    }
    List<GroupingProblem.Link> links = new ArrayList<>();
    double twoSigma2 = 2 * settings.sigma() * settings.sigma();
    for (int e = 0; e < E; e++) {
      for (int i = 0; i < n; i++) {
        if (parts[i] != Skeleton.POSENET_EDGES[e][0]) {
          continue;
        }
        PartCandidate pi = candidates.get(i);
        for (int j = 0; j < n; j++) {
          if (parts[j] != Skeleton.POSENET_EDGES[e][1]) {
            continue;
          }
          PartCandidate pj = candidates.get(j);
          double forwardMiss = miss(at[i], forward, pi, e, at[j]);
          double backwardMiss = miss(at[j], backward, pj, e, at[i]);
          double p = settings.maxLinkProbability() * Math.exp(-(forwardMiss + backwardMiss) / (2 * twoSigma2));
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

  private List<Person> people(GroupingProblem problem, Grouping g, List<PartCandidate> candidates, float[][] at) {
    int n = problem.size();
    int[] component = g.components(problem);
    List<Person> people = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      if (component[r] != r) {
        continue;
      }
      Keypoint[] joints = new Keypoint[K];
      List<Keypoint> present = new ArrayList<>();
      double sum = 0;
      for (int i = r; i < n; i++) {
        if (component[i] == r) {
          PartCandidate c = candidates.get(i);
          joints[c.part()] = new Keypoint(Skeleton.COCO_17.get(c.part()), at[i][1] + 0.5f, at[i][0] + 0.5f,
              c.score());
          present.add(joints[c.part()]);
          sum += c.score();
        }
      }
      float score = (float) (sum / K);
      if (score < minPersonScore) {
        continue;
      }
      Person.BoundingBox box = Person.boxAround(present, 0);
      List<Keypoint> kps = new ArrayList<>(K);
      for (int k = 0; k < K; k++) {
        kps.add(joints[k] != null ? joints[k]
            : new Keypoint(Skeleton.COCO_17.get(k), box.x() + box.w() / 2, box.y() + box.h() / 2, 0));
      }
      people.add(new Person(score, box, kps));
    }
    people.sort(Comparator.comparingDouble(Person::score).reversed());
    return people;
  }

  private GroupingResult fallback(List<float[]> outputs, String reason) {
    LOG.info("posenet-ilp: greedy fallback: {}", reason);
    return new GroupingResult(greedy.decode(outputs), reason);
  }
}
