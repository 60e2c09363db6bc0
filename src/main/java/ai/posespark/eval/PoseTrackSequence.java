package ai.posespark.eval;

import ai.posespark.data.PoseTrack15;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ground truth of one PoseTrack sequence (video) and its evaluation against predictions: per frame the
 * assignment poseval's {@code assignGTmulti} makes, then AP detections and MOT events per joint.
 *
 * @param name   the video ({@code vid_id})
 * @param frames its evaluated frames in order: the labelled frames with at least one annotated person
 */
public record PoseTrackSequence(String name, List<Frame> frames) implements Serializable {
  /** A joint is correct within this many head sizes (PCKh 0.5). */
  public static final double THRESHOLD = 0.5;

  /**
   * One evaluated frame.
   *
   * @param imageId       the ground-truth image
   * @param people        its annotated people
   * @param ignoreRegions polygons {@code [x1, y1, ...]} whose joints are left out, on both sides
   */
  public record Frame(long imageId, List<PoseTrackPose> people, List<double[]> ignoreRegions)
      implements Serializable {}

  /**
   * Evaluates the sequence.
   *
   * @param predictions per frame (same order as {@link #frames}) the predicted people; those with a negative
   *                    track id (not tracked, or dropped by flow NMS) count for AP only
   */
  public PoseTrackCounts evaluate(List<List<PoseTrackPose>> predictions, PoseTrackRules rules) {
    PoseTrackCounts counts = new PoseTrackCounts();
    MotAccumulator[] mot = new MotAccumulator[PoseTrack15.K];
    for (int j = 0; j < PoseTrack15.K; j++) {
      mot[j] = new MotAccumulator();
    }
    int motFrames = rules.skipLastFrame() ? frames.size() - 1 : frames.size();
    for (int f = 0; f < frames.size(); f++) {
      Frame frame = frames.get(f);
      List<PoseTrackPose> gt = withoutIgnored(frame.people(), frame.ignoreRegions());
      List<PoseTrackPose> all = withoutIgnored(predictions.get(f), frame.ignoreRegions());
      addDetections(gt, all, counts);
      if (f < motFrames) {
        List<PoseTrackPose> tracked = new ArrayList<>();
        for (PoseTrackPose p : all) {
          if (p.trackId() >= 0) {
            tracked.add(p);
          }
        }
        addMotFrame(gt, tracked, rules, mot);
        counts.framesInMot++;
      }
    }
    for (int j = 0; j < PoseTrack15.K; j++) {
      counts.addMot(j, mot[j]);
    }
    counts.sequences = 1;
    counts.frames = frames.size();
    return counts;
  }

  /** AP's part of {@code assignGTmulti}: each prediction's joints, correct when its matched person's joint is. */
  private static void addDetections(List<PoseTrackPose> gt, List<PoseTrackPose> pr, PoseTrackCounts counts) {
    for (PoseTrackPose g : gt) {
      for (int j = 0; j < PoseTrack15.K; j++) {
        counts.groundTruth[j] += g.present()[j] ? 1 : 0;
      }
    }
    int[] gtOf = gt.isEmpty() || pr.isEmpty() ? new int[pr.size()] : personMatch(gt, pr);
    for (int p = 0; p < pr.size(); p++) {
      PoseTrackPose q = pr.get(p);
      for (int j = 0; j < PoseTrack15.K; j++) {
        if (q.present()[j]) {
          boolean ok = !gt.isEmpty() && gtOf[p] >= 0 && distance(gt.get(gtOf[p]), q, j) <= THRESHOLD;
          counts.addDetection(j, q.score()[j], ok);
        }
      }
    }
  }

  /**
   * poseval's person assignment: PCKh of every pair over the GT person's joints; each prediction keeps only its
   * best GT person; each GT person takes the prediction with the highest remaining PCKh (first on ties), none at 0.
   *
   * @return per prediction its GT person, or -1
   */
  static int[] personMatch(List<PoseTrackPose> gt, List<PoseTrackPose> pr) {
    double[][] pck = new double[pr.size()][gt.size()];
    for (int p = 0; p < pr.size(); p++) {
      int best = 0;
      for (int g = 0; g < gt.size(); g++) {
        int matched = 0;
        for (int j = 0; j < PoseTrack15.K; j++) {
          matched += distance(gt.get(g), pr.get(p), j) <= THRESHOLD ? 1 : 0;
        }
        int n = gt.get(g).jointCount();
        pck[p][g] = n > 0 ? (double) matched / n : matched;
        if (pck[p][g] > pck[p][best]) {
          best = g;
        }
      }
      for (int g = 0; g < gt.size(); g++) {
        pck[p][g] = g == best ? pck[p][g] : 0;
      }
    }
    int[] gtOf = new int[pr.size()];
    Arrays.fill(gtOf, -1);
    for (int g = 0; g < gt.size(); g++) {
      int best = 0;
      for (int p = 1; p < pr.size(); p++) {
        if (pck[p][g] > pck[best][g]) {
          best = p;
        }
      }
      if (pck[best][g] > 0) {
        gtOf[best] = g;
      }
    }
    return gtOf;
  }

  /** MOT's part of {@code assignGTmulti} and one {@code update} per joint. */
  private static void addMotFrame(List<PoseTrackPose> gt, List<PoseTrackPose> pr, PoseTrackRules rules,
      MotAccumulator[] mot) {
    boolean both = !gt.isEmpty() && !pr.isEmpty();
    for (int j = 0; j < PoseTrack15.K; j++) {
      if (!both && rules.emptyFrameOneEach()) {
        mot[j].update(new long[] {0}, new long[] {0}, new double[][] {{Double.NaN}});
        continue;
      }
      List<PoseTrackPose> objects = withJoint(gt, j);
      List<PoseTrackPose> hypotheses = withJoint(pr, j);
      long[] oids = new long[objects.size()];
      long[] hids = new long[hypotheses.size()];
      double[][] dist = new double[oids.length][hids.length];
      for (int i = 0; i < oids.length; i++) {
        oids[i] = objects.get(i).trackId();
        for (int k = 0; k < hids.length; k++) {
          hids[k] = hypotheses.get(k).trackId();
          double d = distance(objects.get(i), hypotheses.get(k), j);
          dist[i][k] = d <= THRESHOLD ? d : Double.NaN;
        }
      }
      mot[j].update(oids, hids, dist);
    }
  }

  /** Joint {@code j}'s distance over the GT person's head size; +∞ when either side lacks the joint. */
  static double distance(PoseTrackPose gt, PoseTrackPose pr, int j) {
    if (!gt.present()[j] || !pr.present()[j]) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.hypot(gt.x()[j] - pr.x()[j], gt.y()[j] - pr.y()[j]) / gt.headSize();
  }

  private static List<PoseTrackPose> withJoint(List<PoseTrackPose> people, int j) {
    List<PoseTrackPose> out = new ArrayList<>();
    for (PoseTrackPose p : people) {
      if (p.present()[j]) {
        out.add(p);
      }
    }
    return out;
  }

  /** poseval's {@code removeIgnoredPoints}: only in frames with ignore regions, people left jointless go. */
  private static List<PoseTrackPose> withoutIgnored(List<PoseTrackPose> people, List<double[]> regions) {
    if (regions.isEmpty()) {
      return people;
    }
    List<PoseTrackPose> out = new ArrayList<>();
    for (PoseTrackPose p : people) {
      PoseTrackPose kept = p.withoutJointsIn(regions);
      if (kept != null) {
        out.add(kept);
      }
    }
    return out;
  }
}
