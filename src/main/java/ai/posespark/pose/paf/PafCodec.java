package ai.posespark.pose.paf;

import ai.posespark.data.Coco17;
import ai.posespark.pose.FeatureGrid;
import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The OpenPose codec (Cao et al., "Realtime Multi-Person 2D Pose Estimation using Part Affinity Fields"): part
 * confidence maps and part affinity fields on a grid of {@code stride} input pixels per cell, encoded from ground
 * truth as OpenPose's training targets and decoded into people by PAF grouping, both in <b>model-input pixels</b>
 * (continuous: pixel i covers [i, i+1)).
 *
 * <p>Grid convention: cell {@code (r, c)} covers input pixels {@code [c·stride, (c+1)·stride)} and stands for its
 * centre {@code ((c + 0.5)·stride, (r + 0.5)·stride)}; a refined grid position {@code g} (cell units) is input
 * position {@code (g + 0.5)·stride}. This is CMU's heatmap rendering ({@code start = stride/2 − 0.5} in pixel-index
 * coordinates); CMU's PAF rendering scales joints by {@code 1/8} with no such shift, a half-cell (3.5 px) mismatch
 * between the two kinds of maps that this codec does not copy: both use the cell centre.
 *
 * <p><b>Encode</b> ({@link #encode}), per person, from COCO-17 through {@link PafTopology#partsFromCoco17}:
 * <ul>
 *   <li>part {@code k} labelled ({@code v > 0}, occluded included): a Gaussian peak {@code exp(−d²/2σ²)}, {@code d}
 *       in input pixels from the cell centre, cut where the exponent exceeds ln 100 (below 1 %), the maximum taken
 *       over people (CMU's {@code putGaussianMaps}; its original Caffe code summed and capped at 1, the paper and
 *       later OpenPose training take the maximum);</li>
 *   <li>limb {@code a → b} with both ends labelled: the unit vector a→b at every cell whose centre lies within
 *       {@code limbWidth} cells of the segment, averaged over the people whose same limb covers the cell
 *       ({@code putVecMaps}); coincident ends render nothing.</li>
 * </ul>
 * The distance is to the segment, its ends included (a band with round caps). The paper's band stops at the ends
 * ({@code 0 ≤ (p − a)·u ≤ |ab|}): a limb shorter than a cell (a small person's nose → eye, BODY_25's
 * mid-hip → hip) may then cover no cell centre at all, and the round trip of {@code ../shared/data} lost parts of
 * 3 of its 21 people with COCO_18, 7 with BODY_25. CMU's code clips the unbounded band to the ends' bounding box
 * grown by the width, which reaches past the ends along the axes; the caps do that in every direction.
 *
 * <p><b>Decode</b> ({@link #decode}): part candidates ({@link PartPeak#find}), every limb's candidate connections
 * scored ({@link LimbScorer}) and matched ({@link Assignment}), people assembled ({@link PersonAssembler}) and
 * filtered by {@link PafSettings#minParts} and {@link PafSettings#minMeanScore}; then written as COCO-17.
 * A person's score is OpenPose's ({@code peopleVectorToPeopleArray}): the reference's person score (parts' peak
 * scores plus connection scores, each at most about 1) divided by {@code K + L}, the most terms a person can have,
 * clamped to 0..1 (complete COCO_18 people on clean rendered maps score about 0.8; BODY_25 people from COCO,
 * without feet, about 0.6). Keypoint scores are the peak values clamped to 0..1; COCO keypoints the person lacks
 * sit at the centre of its found keypoints' box with score 0.
 */
public final class PafCodec {
  /** CMU's Gaussian σ for the COCO model, input pixels ({@code sigma: 7.0} in its training prototxt). */
  public static final double CMU_SIGMA = 7;
  /** CMU's limb half-width, cells ({@code thre = 1} in {@code generateLabelMap}). */
  public static final double CMU_LIMB_WIDTH = 1;

  /** {@code exp(−x) < 1 %} beyond this exponent: CMU does not render there. */
  private static final double GAUSSIAN_CUTOFF = Math.log(100);

  private final PafTopology topology;
  private final int stride;
  private final int gridWidth;
  private final int gridHeight;
  private final double sigma;
  private final double limbWidth;
  private final PafSettings settings;
  private final LimbScorer scorer;

  /**
   * @param topology   parts, limbs and their channels
   * @param stride     input pixels per grid cell (8 for OpenPose's models)
   * @param gridWidth  map columns {@code W}
   * @param gridHeight map rows {@code H}
   * @param sigma      Gaussian σ of the part peaks, input pixels (encode only; {@link #CMU_SIGMA})
   * @param limbWidth  PAF half-width, cells (encode only; {@link #CMU_LIMB_WIDTH})
   * @param settings   grouping thresholds (decode only)
   */
  public PafCodec(PafTopology topology, int stride, int gridWidth, int gridHeight, double sigma, double limbWidth,
                  PafSettings settings) {
    if (topology == null || settings == null) {
      throw new IllegalArgumentException("paf codec: topology and settings are required");
    }
    if (stride < 1 || gridWidth < 1 || gridHeight < 1) {
      throw new IllegalArgumentException("paf codec: stride " + stride + ", grid " + gridWidth + "×" + gridHeight
          + " (all must be >= 1)");
    }
    if (!(sigma > 0) || !(limbWidth > 0)) {
      throw new IllegalArgumentException("paf codec: sigma " + sigma + " and limbWidth " + limbWidth
          + " must be > 0");
    }
    this.topology = topology;
    this.stride = stride;
    this.gridWidth = gridWidth;
    this.gridHeight = gridHeight;
    this.sigma = sigma;
    this.limbWidth = limbWidth;
    this.settings = settings;
    this.scorer = new LimbScorer(settings);
  }

  /**
   * The codec for a model input of {@code inputWidth × inputHeight} pixels: a grid of
   * {@code ceil(input / stride)} cells per axis, CMU's σ and limb width.
   */
  public static PafCodec forInput(PafTopology topology, int stride, int inputWidth, int inputHeight,
                                  PafSettings settings) {
    if (stride < 1 || inputWidth < 1 || inputHeight < 1) {
      throw new IllegalArgumentException("paf codec: stride " + stride + ", input " + inputWidth + "×" + inputHeight
          + " (all must be >= 1)");
    }
    return new PafCodec(topology, stride, (inputWidth + stride - 1) / stride, (inputHeight + stride - 1) / stride,
        CMU_SIGMA, CMU_LIMB_WIDTH, settings);
  }

  public PafTopology topology() {
    return topology;
  }

  public int stride() {
    return stride;
  }

  public int gridWidth() {
    return gridWidth;
  }

  public int gridHeight() {
    return gridHeight;
  }

  public PafSettings settings() {
    return settings;
  }

  /**
   * Renders the training targets of one image.
   *
   * @param keypoints  {@code (N, 17, 2)} COCO-17 {@code (x, y)} of N people, input pixels
   * @param visibility {@code (N, 17)} COCO's {@code v}; parts with {@code v = 0} are not rendered
   * @return maps {@code (H, W, K)} and PAFs {@code (H, W, 2L)}
   */
  public PafTargets encode(double[][][] keypoints, double[][] visibility) {
    if (keypoints.length != visibility.length) {
      throw new IllegalArgumentException("paf encode: " + keypoints.length + " people but " + visibility.length
          + " visibility rows");
    }
    int k = topology.partCount();
    int channels = topology.pafChannels();
    float[] heat = new float[gridHeight * gridWidth * k];
    float[] paf = new float[gridHeight * gridWidth * channels];
    int[] count = new int[gridHeight * gridWidth * topology.limbs().size()];
    for (int n = 0; n < keypoints.length; n++) {
      double[][] parts = topology.partsFromCoco17(keypoints[n], visibility[n]);
      for (int p = 0; p < k; p++) {
        if (parts[p][2] > 0) {
          renderPeak(heat, p, parts[p][0], parts[p][1]);
        }
      }
      for (int l = 0; l < topology.limbs().size(); l++) {
        PafTopology.Limb limb = topology.limbs().get(l);
        if (parts[limb.from()][2] > 0 && parts[limb.to()][2] > 0) {
          renderLimb(paf, count, l, parts[limb.from()], parts[limb.to()]);
        }
      }
    }
    for (int cell = 0; cell < gridHeight * gridWidth; cell++) {
      for (int l = 0; l < topology.limbs().size(); l++) {
        int n = count[cell * topology.limbs().size() + l];
        if (n > 1) {
          PafTopology.Limb limb = topology.limbs().get(l);
          paf[cell * channels + limb.xChannel()] /= n;
          paf[cell * channels + limb.yChannel()] /= n;
        }
      }
    }
    return new PafTargets(heat, paf, gridHeight, gridWidth, k, channels);
  }

  /**
   * Groups the maps into people in the topology's parts, before any COCO-17 mapping: for tests and for
   * groupers that start from PAF evidence.
   *
   * @param heatmaps {@code (H, W, K)} or {@code (H, W, K + 1)} with a background channel last (ignored)
   * @param pafs     {@code (H, W, 2L)}
   * @return people passing the minimum part count and mean score, in assembly order
   */
  public List<PafPose> group(FeatureGrid heatmaps, FeatureGrid pafs) {
    List<List<PartPeak>> peaks = peaks(heatmaps);
    checkPafs(pafs);
    PersonAssembler assembler = new PersonAssembler(topology, peaks);
    for (PafTopology.Limb limb : topology.limbs()) {
      List<PartPeak> a = peaks.get(limb.from());
      List<PartPeak> b = peaks.get(limb.to());
      if (!a.isEmpty() && !b.isEmpty()) {
        double[][] scores = scorer.scores(pafs, limb, a, b);
        assembler.connect(limb, settings.assignment().select(scorer.ranking(scores, a, b)), scores);
      }
    }
    return assembler.people(settings.minParts(), settings.minMeanScore());
  }

  /**
   * Decodes the maps into people.
   *
   * @param heatmaps {@code (H, W, K)} or {@code (H, W, K + 1)} with a background channel last (ignored)
   * @param pafs     {@code (H, W, 2L)}
   * @return COCO-17 people in input pixels, best first
   */
  public List<Person> decode(FeatureGrid heatmaps, FeatureGrid pafs) {
    return people(group(heatmaps, pafs));
  }

  /** Every part's candidates ({@link PartPeak#find} with this codec's threshold and bound), best first. */
  List<List<PartPeak>> peaks(FeatureGrid heatmaps) {
    return PartPeak.find(partMaps(heatmaps), settings.partThreshold(), settings.maxPartCandidates());
  }

  /** The limb scores of this codec's settings. */
  LimbScorer scorer() {
    return scorer;
  }

  /** Fails unless {@code pafs} has this codec's grid and the topology's channels. */
  void checkPafs(FeatureGrid pafs) {
    if (pafs.height() != gridHeight || pafs.width() != gridWidth || pafs.channels() != topology.pafChannels()) {
      throw new IllegalArgumentException("paf decode: PAFs are " + pafs.height() + "×" + pafs.width() + "×"
          + pafs.channels() + ", expected " + gridHeight + "×" + gridWidth + "×" + topology.pafChannels());
    }
  }

  /** Assembled people as COCO-17 people in input pixels, best first. */
  List<Person> people(List<PafPose> poses) {
    List<Person> people = new ArrayList<>();
    for (PafPose pose : poses) {
      Person p = toCoco17(pose);
      if (p != null) {
        people.add(p);
      }
    }
    people.sort(Comparator.comparingDouble(Person::score).reversed());
    return people;
  }

  /** OpenPose's person score: the reference score over {@code K + L}, clamped to 0..1. */
  public float personScore(PafPose pose) {
    double terms = topology.partCount() + topology.limbs().size();
    return (float) Math.max(0, Math.min(1, pose.total() / terms));
  }

  /** The person as COCO-17 in input pixels; null when it has no COCO keypoint (only neck, mid-hip or feet). */
  private Person toCoco17(PafPose pose) {
    Keypoint[] found = new Keypoint[Coco17.K];
    List<Keypoint> present = new ArrayList<>();
    for (int p = 0; p < topology.partCount(); p++) {
      PartPeak peak = pose.parts().get(p);
      int k = topology.cocoIndex(p);
      if (peak != null && k >= 0) {
        found[k] = new Keypoint(Coco17.NAMES.get(k), (float) ((peak.col() + 0.5) * stride),
            (float) ((peak.row() + 0.5) * stride), Math.max(0, Math.min(1, peak.score())));
        present.add(found[k]);
      }
    }
    if (present.isEmpty()) {
      return null;
    }
    Person.BoundingBox box = Person.boxAround(present, 0);
    List<Keypoint> kps = new ArrayList<>(Coco17.K);
    for (int k = 0; k < Coco17.K; k++) {
      kps.add(found[k] != null ? found[k]
          : new Keypoint(Coco17.NAMES.get(k), box.x() + box.w() / 2, box.y() + box.h() / 2, 0));
    }
    return new Person(personScore(pose), box, kps);
  }

  /** The first K channels of {@code heatmaps} (dropping a background channel). */
  private FeatureGrid partMaps(FeatureGrid heatmaps) {
    int k = topology.partCount();
    if (heatmaps.height() != gridHeight || heatmaps.width() != gridWidth
        || (heatmaps.channels() != k && heatmaps.channels() != k + 1)) {
      throw new IllegalArgumentException("paf decode: heatmaps are " + heatmaps.height() + "×" + heatmaps.width()
          + "×" + heatmaps.channels() + ", expected " + gridHeight + "×" + gridWidth + "×" + k + " (or " + (k + 1)
          + " with background)");
    }
    if (heatmaps.channels() == k) {
      return heatmaps;
    }
    float[] parts = new float[gridHeight * gridWidth * k];
    for (int r = 0; r < gridHeight; r++) {
      for (int c = 0; c < gridWidth; c++) {
        for (int p = 0; p < k; p++) {
          parts[(r * gridWidth + c) * k + p] = heatmaps.get(r, c, p);
        }
      }
    }
    return new FeatureGrid(parts, gridHeight, gridWidth, k, "paf heatmaps");
  }

  private void renderPeak(float[] heat, int part, double x, double y) {
    int k = topology.partCount();
    double reach = sigma * Math.sqrt(2 * GAUSSIAN_CUTOFF);
    int c0 = Math.max(0, (int) Math.ceil((x - reach) / stride - 0.5));
    int c1 = Math.min(gridWidth - 1, (int) Math.floor((x + reach) / stride - 0.5));
    int r0 = Math.max(0, (int) Math.ceil((y - reach) / stride - 0.5));
    int r1 = Math.min(gridHeight - 1, (int) Math.floor((y + reach) / stride - 0.5));
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        double dx = (c + 0.5) * stride - x;
        double dy = (r + 0.5) * stride - y;
        double exponent = (dx * dx + dy * dy) / (2 * sigma * sigma);
        if (exponent <= GAUSSIAN_CUTOFF) {
          int i = (r * gridWidth + c) * k + part;
          heat[i] = Math.max(heat[i], (float) Math.exp(-exponent));
        }
      }
    }
  }

  private void renderLimb(float[] paf, int[] count, int limbIndex, double[] from, double[] to) {
    PafTopology.Limb limb = topology.limbs().get(limbIndex);
    double ax = from[0] / stride - 0.5;
    double ay = from[1] / stride - 0.5;
    double bx = to[0] / stride - 0.5;
    double by = to[1] / stride - 0.5;
    double length = Math.hypot(bx - ax, by - ay);
    if (length < 1e-9) {
      return;
    }
    double ux = (bx - ax) / length;
    double uy = (by - ay) / length;
    int c0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - limbWidth));
    int c1 = Math.min(gridWidth - 1, (int) Math.ceil(Math.max(ax, bx) + limbWidth));
    int r0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - limbWidth));
    int r1 = Math.min(gridHeight - 1, (int) Math.ceil(Math.max(ay, by) + limbWidth));
    int limbs = topology.limbs().size();
    int channels = topology.pafChannels();
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        double px = c - ax;
        double py = r - ay;
        double along = Math.max(0, Math.min(length, px * ux + py * uy));
        if (Math.hypot(px - along * ux, py - along * uy) <= limbWidth) {
          int cell = r * gridWidth + c;
          // summed here, divided by the count once all people are in: the mean over overlapping people
          paf[cell * channels + limb.xChannel()] += (float) ux;
          paf[cell * channels + limb.yChannel()] += (float) uy;
          count[cell * limbs + limbIndex]++;
        }
      }
    }
  }
}
