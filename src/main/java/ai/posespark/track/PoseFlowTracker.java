package ai.posespark.track;

import ai.posespark.OptimalAssignment;
import ai.posespark.pose.Person;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A PoseFlow-style tracker (Xiu et al., "Pose Flow: Efficient Online Pose Tracking", BMVC 2018) for the people of
 * one video: an online pass builds pose flows frame by frame, then flow NMS ({@link FlowNms}) re-links fragments
 * and drops short, low-score flows.
 *
 * <p>Online pass, frame by frame in {@code frame_index} order (as AlphaPose's {@code PoseFlow/tracker-general.py}):
 * the candidates are the flows last seen at most {@link TrackingSettings#lookBack} sampled frames ago; each
 * candidate and person get a grade ({@link FlowEnd#grade}: box IoU and pose IoU, plus the same IoUs against the
 * flow's constant-velocity prediction for flows seen in the previous frame that had people); an optimal
 * assignment ({@link OptimalAssignment#maximise}, OR-Tools) pairs them, maximising the total grade over pairs graded
 * above {@link TrackingSettings#matchThreshold} (AlphaPose runs Munkres over every pair and drops the weak pairs
 * afterwards, which can trade a good pair for a bad one); every person left over starts a new flow.
 *
 * <p>Frames need not be consecutive: gaps in {@code frame_index} count as the sampled frames they span
 * ({@code execution.frameStride} sampling, frames that failed to decode); a frame without people may be given or
 * left out, with the same result. The result depends only on the frames, not on their order in the list nor on how
 * a job split the video into tasks.
 */
public final class PoseFlowTracker {
  private final TrackingSettings settings;

  /** A tracker with the given constants. */
  public PoseFlowTracker(TrackingSettings settings) {
    this.settings = settings;
  }

  /**
   * Track ids for one video sampled at every frame; see {@link #track(List, int)}.
   *
   * @return one id per person of each frame, same shape as the input
   */
  public long[][] track(List<TrackFrame> frames) {
    return track(frames, 1);
  }

  /**
   * Track ids, one per person of each frame, same shape as {@code frames}: 0, 1, 2… in order of first appearance
   * (frame order, then person order), or {@link FlowNms#DROPPED} (-1) for people of flows that flow NMS dropped.
   *
   * @param frames      the video's frames, any order, each {@code frame_index} once
   * @param frameStride the sampling step ({@code execution.frameStride}): {@code lookBack} and {@code mergeGap} count
   *                    sampled frames, so a frame-index gap of {@code g} spans {@code ceil(g / frameStride)} of them
   * @throws IllegalArgumentException when a frame index repeats or the stride is below 1
   */
  public long[][] track(List<TrackFrame> frames, int frameStride) {
    if (frameStride < 1) {
      throw new IllegalArgumentException("frameStride " + frameStride + " must be at least 1");
    }
    Integer[] order = new Integer[frames.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> frames.get(i).frameIndex()));
    List<TrackFrame> sorted = new ArrayList<>(frames.size());
    for (int i = 0; i < order.length; i++) {
      TrackFrame f = frames.get(order[i]);
      if (i > 0 && f.frameIndex() == sorted.get(i - 1).frameIndex()) {
        throw new IllegalArgumentException("frame_index " + f.frameIndex() + " appears twice in one video");
      }
      sorted.add(f);
    }
    List<Flow> flows = buildFlows(sorted, frameStride);
    long[][] sortedIds = new FlowNms(settings, frameStride).apply(sorted, flows);
    long[][] ids = new long[frames.size()][];
    for (int i = 0; i < order.length; i++) {
      ids[order[i]] = sortedIds[i];
    }
    return ids;
  }

  /** The online pass over frames in index order. */
  private List<Flow> buildFlows(List<TrackFrame> frames, int stride) {
    List<Flow> flows = new ArrayList<>();
    List<Flow> open = new ArrayList<>();
    int previousWithPeople = -1;
    for (int pos = 0; pos < frames.size(); pos++) {
      TrackFrame frame = frames.get(pos);
      List<Person> people = frame.people();
      if (people.isEmpty()) {
        continue;
      }
      int fi = frame.frameIndex();
      open.removeIf(f -> steps(fi - f.last().frameIndex(), stride) > settings.lookBack());
      double[][] grade = new double[open.size()][people.size()];
      for (int c = 0; c < open.size(); c++) {
        Flow flow = open.get(c);
        boolean adjacent = flow.last().position() == previousWithPeople;
        FlowEnd end = flow.tail();
        for (int p = 0; p < people.size(); p++) {
          grade[c][p] = end.grade(people.get(p), fi, adjacent, settings);
        }
      }
      int[] match = OptimalAssignment.maximise(grade, settings.matchThreshold());
      Flow[] owner = new Flow[people.size()];
      for (int c = 0; c < match.length; c++) {
        if (match[c] >= 0) {
          owner[match[c]] = open.get(c);
        }
      }
      for (int p = 0; p < people.size(); p++) {
        if (owner[p] == null) {
          owner[p] = new Flow(flows.size());
          flows.add(owner[p]);
          open.add(owner[p]);
        }
        owner[p].add(new Flow.Observation(pos, fi, p, people.get(p)));
      }
      previousWithPeople = pos;
    }
    return flows;
  }

  /** Sampled frames spanned by a frame-index gap. */
  static int steps(int gap, int stride) {
    return (gap + stride - 1) / stride;
  }
}
