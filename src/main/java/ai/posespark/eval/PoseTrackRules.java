package ai.posespark.eval;

import java.io.Serializable;

/**
 * Two behaviours of poseval's tracking evaluation that a careful reading shows and a user may not expect; the job
 * uses {@link #POSEVAL}, which reproduces the official numbers.
 *
 * @param skipLastFrame      {@code evaluateTracking.py} leaves the last evaluated frame of every sequence out of
 *                           MOTA/MOTP ({@code imgidxs[:-1]}); a sequence with one labelled frame then adds nothing
 *                           (poseval itself fails on it with an IndexError)
 * @param emptyFrameOneEach  in a frame where either side has nobody, {@code assignGTmulti} passes one dummy object and
 *                           one dummy hypothesis that never match, so such a frame counts one miss and one false
 *                           positive per joint, whatever the true numbers of people
 */
public record PoseTrackRules(boolean skipLastFrame, boolean emptyFrameOneEach) implements Serializable {
  /** poseval's behaviour: both. */
  public static final PoseTrackRules POSEVAL = new PoseTrackRules(true, true);
  /** Every frame counted, with its true misses and false positives. */
  public static final PoseTrackRules ALL_FRAMES = new PoseTrackRules(false, false);
}
