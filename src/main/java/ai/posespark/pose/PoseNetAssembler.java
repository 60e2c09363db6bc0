package ai.posespark.pose;

/**
 * Grows one PoseNet pose from a root part along {@link Skeleton#POSENET_EDGES}: first towards the nose with the
 * backward displacements (child → parent), then out to the limbs with the forward ones (parent → child). Each hop
 * lands at {@code source + displacement}, then snaps to the target part's own estimate, twice: the nearest grid
 * cell plus that cell's short-range offset. Positions are in input pixels with the cell centre of grid cell
 * {@code (r, c)} at pixel index {@code (r·stride, c·stride)}, PoseNet's convention. The ILP grouper completes its
 * people with the same walk ({@link #complete}).
 */
public final class PoseNetAssembler {
  private static final int REFINE_STEPS = 2;

  private final FeatureGrid scores;
  private final FeatureGrid offsets;
  private final FeatureGrid forward;
  private final FeatureGrid backward;
  private final int stride;
  private final int parts;
  private final int edges;

  /**
   * @param scores   part probabilities {@code H × W × K}
   * @param offsets  {@code H × W × 2K}: K y-offsets, then K x-offsets, pixels
   * @param forward  {@code H × W × 2E}: E y-displacements, then E x-displacements, parent → child, pixels
   * @param backward the same, child → parent
   * @param stride   input pixels per grid cell
   */
  PoseNetAssembler(FeatureGrid scores, FeatureGrid offsets, FeatureGrid forward, FeatureGrid backward, int stride) {
    this.scores = scores;
    this.offsets = offsets;
    this.forward = forward;
    this.backward = backward;
    this.stride = stride;
    this.parts = scores.channels();
    this.edges = Skeleton.POSENET_EDGES.length;
  }

  /** A candidate's position: its cell plus the cell's offset, as {@code {y, x}} pixels. */
  public float[] position(PartCandidate part) {
    return new float[] {part.row() * stride + offsets.get(part.row(), part.col(), part.part()),
        part.col() * stride + offsets.get(part.row(), part.col(), parts + part.part())};
  }

  /**
   * The pose grown from {@code root}.
   *
   * @return per keypoint {@code {y, x, score}} (pixel index coordinates in the input)
   */
  float[][] assemble(PartCandidate root) {
    float[][] pose = new float[parts][];
    float[] at = position(root);
    pose[root.part()] = new float[] {at[0], at[1], root.score()};
    return complete(pose);
  }

  /**
   * Fills the missing ({@code null}) keypoints of {@code pose} from the ones it has, in place: backward hops up
   * the tree, then forward hops down it, as a pose grows from a root.
   *
   * @param pose per keypoint {@code {y, x, score}} or null; at least one keypoint present
   * @return {@code pose}, every keypoint present
   */
  public float[][] complete(float[][] pose) {
    for (int e = edges - 1; e >= 0; e--) {
      int parent = Skeleton.POSENET_EDGES[e][0];
      int child = Skeleton.POSENET_EDGES[e][1];
      if (pose[child] != null && pose[parent] == null) {
        pose[parent] = follow(e, pose[child], parent, backward);
      }
    }
    for (int e = 0; e < edges; e++) {
      int parent = Skeleton.POSENET_EDGES[e][0];
      int child = Skeleton.POSENET_EDGES[e][1];
      if (pose[parent] != null && pose[child] == null) {
        pose[child] = follow(e, pose[parent], child, forward);
      }
    }
    return pose;
  }

  /** Part probabilities {@code H × W × K}. */
  public FeatureGrid scores() {
    return scores;
  }

  /** Parent → child displacements {@code H × W × 2E}. */
  public FeatureGrid forward() {
    return forward;
  }

  /** Child → parent displacements {@code H × W × 2E}. */
  public FeatureGrid backward() {
    return backward;
  }

  /** One hop along edge {@code edge} from {@code source} to part {@code target}. */
  float[] follow(int edge, float[] source, int target, FeatureGrid displacements) {
    int r = row(source[0]);
    int c = col(source[1]);
    return land(source[0] + displacements.get(r, c, edge), source[1] + displacements.get(r, c, edges + edge),
        target);
  }

  /**
   * A candidate as the walk places a joint it lands on at the candidate's cell: snapped twice to the nearest cell
   * plus its offset, with the part score where it ends ({@code {y, x, score}}).
   */
  public float[] landed(PartCandidate candidate) {
    return land(candidate.row() * stride, candidate.col() * stride, candidate.part());
  }

  /** A hop's end at {@code (y, x)}: snapped to part {@code target}'s own estimate, with its score there. */
  private float[] land(float y, float x, int target) {
    for (int i = 0; i < REFINE_STEPS; i++) {
      int r = row(y);
      int c = col(x);
      y = r * stride + offsets.get(r, c, target);
      x = c * stride + offsets.get(r, c, parts + target);
    }
    return new float[] {y, x, scores.get(row(y), col(x), target)};
  }

  private int row(float y) {
    return Math.max(0, Math.min(scores.height() - 1, Math.round(y / stride)));
  }

  private int col(float x) {
    return Math.max(0, Math.min(scores.width() - 1, Math.round(x / stride)));
  }
}
