package ai.posespark.eval;

import ai.posespark.data.PoseTrack15;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What PoseTrack evaluation accumulates per joint, mergeable: the MOT event counts (summed over sequences, as
 * poseval sums them before computing MOTA) and the keypoint detections for AP (score and whether it is correct,
 * in sequence and frame order), with the number of ground-truth joints.
 */
public final class PoseTrackCounts implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int K = PoseTrack15.K;

  final long[] misses = new long[K];
  final long[] switches = new long[K];
  final long[] falsePositives = new long[K];
  final long[] objects = new long[K];
  final long[] detections = new long[K];
  final double[] distanceSum = new double[K];
  /** Ground-truth joints (AP's positives). */
  final long[] groundTruth = new long[K];
  final double[][] scores = new double[K][];
  final boolean[][] correct = new boolean[K][];
  final int[] size = new int[K];
  long sequences;
  long frames;
  long framesInMot;

  PoseTrackCounts() {
    for (int j = 0; j < K; j++) {
      scores[j] = new double[16];
      correct[j] = new boolean[16];
    }
  }

  /** One predicted joint for AP. */
  void addDetection(int joint, double score, boolean isCorrect) {
    if (size[joint] == scores[joint].length) {
      scores[joint] = Arrays.copyOf(scores[joint], size[joint] * 2);
      correct[joint] = Arrays.copyOf(correct[joint], size[joint] * 2);
    }
    scores[joint][size[joint]] = score;
    correct[joint][size[joint]] = isCorrect;
    size[joint]++;
  }

  /** Adds one joint's MOT events of one sequence. */
  void addMot(int joint, MotAccumulator acc) {
    misses[joint] += acc.misses;
    switches[joint] += acc.switches;
    falsePositives[joint] += acc.falsePositives;
    objects[joint] += acc.objects;
    detections[joint] += acc.detections();
    distanceSum[joint] += acc.distanceSum;
  }

  /** Adds {@code o} into this (its detections after this one's); returns this. */
  public PoseTrackCounts merge(PoseTrackCounts o) {
    for (int j = 0; j < K; j++) {
      misses[j] += o.misses[j];
      switches[j] += o.switches[j];
      falsePositives[j] += o.falsePositives[j];
      objects[j] += o.objects[j];
      detections[j] += o.detections[j];
      distanceSum[j] += o.distanceSum[j];
      groundTruth[j] += o.groundTruth[j];
      for (int i = 0; i < o.size[j]; i++) {
        addDetection(j, o.scores[j][i], o.correct[j][i]);
      }
    }
    sequences += o.sequences;
    frames += o.frames;
    framesInMot += o.framesInMot;
    return this;
  }
}
