package ai.posespark.track;

import ai.posespark.OptimalAssignment;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flow NMS, after the online pass, over whole flows (the paper's PF-NMS idea: decide on flows, not on single
 * frames; the released PoseFlow code has none, so these rules are PoseSpark's):
 * <ol>
 *   <li><b>Fragment merging.</b> A flow B that starts after a flow A ended, at most
 *       {@link TrackingSettings#mergeGap} sampled frames later, may continue A. Their grade is the mean of A's end
 *       predicted forwards to B's first frame and B's start predicted backwards to A's last frame, each graded as a
 *       previous-frame match ({@link FlowEnd#grade}); an optimal assignment between flow ends and flow starts
 *       links the pairs graded above {@link TrackingSettings#mergeThreshold}, each flow to at most one predecessor
 *       and one successor, so chains of fragments become one flow. This re-links what the online pass could not:
 *       a person lost beyond the look-back, or back at a place only the flow's own motion predicts.</li>
 *   <li><b>Dropping flickers.</b> A merged flow with fewer than {@link TrackingSettings#minFlowLength} people whose
 *       mean person score is below {@link TrackingSettings#minFlowScore} is dropped: its people get track id
 *       {@link #DROPPED}. Their rows stay (the poses are still what the model saw); evaluation leaves them out of
 *       MOTA.</li>
 * </ol>
 * Ids are then renumbered 0, 1, 2… in order of first appearance.
 */
final class FlowNms {
  /** The track id of a person whose flow was dropped (the same as "not tracked"). */
  static final long DROPPED = -1;

  private final TrackingSettings settings;
  private final int stride;

  FlowNms(TrackingSettings settings, int stride) {
    this.settings = settings;
    this.stride = stride;
  }

  /** Final ids for {@code frames} (in index order) given the online pass's {@code flows} (ids = list positions). */
  long[][] apply(List<TrackFrame> frames, List<Flow> flows) {
    int[] root = mergeFragments(flows);
    // members of each merged flow: length and summed score decide whether it is dropped
    Map<Integer, double[]> lengthAndScore = new HashMap<>();
    for (Flow f : flows) {
      double[] acc = lengthAndScore.computeIfAbsent(root[f.id], r -> new double[2]);
      acc[0] += f.observations.size();
      acc[1] += f.score() * f.observations.size();
    }
    long[][] raw = new long[frames.size()][];
    for (int pos = 0; pos < frames.size(); pos++) {
      raw[pos] = new long[frames.get(pos).people().size()];
    }
    for (Flow f : flows) {
      double[] acc = lengthAndScore.get(root[f.id]);
      boolean drop = acc[0] < settings.minFlowLength() && acc[1] / acc[0] < settings.minFlowScore();
      for (Flow.Observation o : f.observations) {
        raw[o.position()][o.personIndex()] = drop ? DROPPED : root[f.id];
      }
    }
    return renumbered(raw);
  }

  /** For each flow, the first flow of its chain. */
  private int[] mergeFragments(List<Flow> flows) {
    int n = flows.size();
    int[] root = new int[n];
    for (int i = 0; i < n; i++) {
      root[i] = i;
    }
    if (settings.mergeGap() == 0 || n < 2) {
      return root;
    }
    // flows by first frame, so each end only looks at the starts inside its gap window
    Integer[] byStart = new Integer[n];
    Arrays.setAll(byStart, i -> i);
    Arrays.sort(byStart, Comparator.comparingInt(i -> flows.get(i).first().frameIndex()));
    int[] starts = new int[n];
    for (int k = 0; k < n; k++) {
      starts[k] = flows.get(byStart[k]).first().frameIndex();
    }
    OptimalAssignment.Arcs arcs = new OptimalAssignment.Arcs();
    for (Flow fa : flows) {
      int end = fa.last().frameIndex();
      FlowEnd tail = fa.tail();
      int k = upperBound(starts, end);
      for (; k < n && PoseFlowTracker.steps(starts[k] - end, stride) <= settings.mergeGap(); k++) {
        Flow fb = flows.get(byStart[k]);
        FlowEnd head = fb.head();
        double grade = (tail.grade(fb.first().person(), head.frameIndex(), true, settings)
            + head.grade(fa.last().person(), tail.frameIndex(), true, settings)) / 2;
        if (grade > settings.mergeThreshold()) {
          arcs.add(fa.id, fb.id, grade);
        }
      }
    }
    int[] successor = OptimalAssignment.maximise(n, n, arcs);
    int[] predecessor = new int[n];
    Arrays.fill(predecessor, -1);
    for (int a = 0; a < n; a++) {
      if (successor[a] >= 0) {
        predecessor[successor[a]] = a;
      }
    }
    for (int i = 0; i < n; i++) {
      int r = i;
      while (predecessor[r] >= 0) {
        r = predecessor[r];
      }
      root[i] = r;
    }
    return root;
  }

  /** The first position whose value is above {@code value} in ascending {@code a}. */
  private static int upperBound(int[] a, int value) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Ids 0, 1, 2… in order of first appearance; {@link #DROPPED} stays. */
  private static long[][] renumbered(long[][] raw) {
    Map<Long, Long> ids = new HashMap<>();
    long[][] out = new long[raw.length][];
    for (int pos = 0; pos < raw.length; pos++) {
      out[pos] = new long[raw[pos].length];
      for (int p = 0; p < raw[pos].length; p++) {
        long r = raw[pos][p];
        out[pos][p] = r == DROPPED ? DROPPED : ids.computeIfAbsent(r, k -> (long) ids.size());
      }
    }
    return out;
  }
}
