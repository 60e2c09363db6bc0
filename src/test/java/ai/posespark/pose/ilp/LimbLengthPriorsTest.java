package ai.posespark.pose.ilp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.posespark.data.AicToCoco;
import ai.posespark.data.CocoDataset;
import ai.posespark.data.CocoKeypointsReader;
import ai.posespark.data.ImageInfo;
import ai.posespark.data.PersonAnnotation;
import ai.posespark.pose.Skeleton;
import ai.posespark.run.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * Measures {@link PoseNetLinkCost}'s per-limb distance priors on the annotations in {@code ../shared/data} and
 * checks the constants against them: every labelled limb of {@link Skeleton#POSENET_EDGES} (both ends real
 * points, v &gt; 0; AIC's synthesised face points left out; PoseTrack18's indices 1–4, head_bottom / head_top /
 * never-labelled ears, left out) of COCO, AIC (→ COCO-17) and PoseTrack18, its length scaled as PoseNet's
 * 385 × 385 letterbox scales the image ({@code 385 / max(w, h)}); a left limb and its right twin are pooled (the
 * body is mirror-symmetric, and the face limbs have only 4 to 10 samples a side).
 */
class LimbLengthPriorsTest {
  private static final double INPUT = 385;
  /** The edge of the mirrored limb: a left limb and its right twin share one prior (twice the samples). */
  private static final int[] MIRROR = {2, 3, 0, 1, 10, 11, 12, 13, 14, 15, 4, 5, 6, 7, 8, 9};

  @Test
  void theLimbPriorsAreTheSharedAnnotationsLimbLengths() {
    Path data = TestModels.shared().resolve("data");
    Configuration conf = new Configuration();
    List<List<Double>> lengths = new ArrayList<>();
    for (int e = 0; e < Skeleton.POSENET_EDGES.length; e++) {
      lengths.add(new ArrayList<>());
    }
    collect(CocoKeypointsReader.read(data.resolve("coco/test_coco.json").toString(), conf), 0, lengths);
    collect(AicToCoco.convert(CocoKeypointsReader.read(data.resolve("aic/test_aic.json").toString(), conf)), 0,
        lengths);
    collect(CocoKeypointsReader.read(data.resolve("posetrack18/annotations/test_posetrack18_val.json").toString(),
        conf), 5, lengths);
    int edges = lengths.size();
    double[] longest = new double[edges];
    double[] spread = new double[edges];
    System.out.println("edge                         n  longest  sd    (PoseNet input px)");
    for (int e = 0; e < edges; e++) {
      List<Double> l = lengths.get(e);
      double mean = l.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      longest[e] = l.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      spread[e] = Math.sqrt(l.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (l.size() - 1));
      int[] edge = Skeleton.POSENET_EDGES[e];
      System.out.printf("%-14s-%-14s %2d  %6.1f  %5.1f%n", Skeleton.COCO_17.get(edge[0]),
          Skeleton.COCO_17.get(edge[1]), l.size(), longest[e], spread[e]);
    }
    for (int e = 0; e < edges; e++) {
      assertEquals(longest[e], PoseNetLinkCost.LONGEST[e], 0.05, "longest of edge " + e);
      assertEquals(spread[e], PoseNetLinkCost.SPREAD[e], 0.05, "sd of edge " + e);
    }
  }

  /** Adds the labelled limbs of {@code set}'s people; parts below {@code firstPart} (other than 0) don't count. */
  private static void collect(CocoDataset set, int firstPart, List<List<Double>> lengths) {
    Map<Long, ImageInfo> images = new HashMap<>();
    set.images().forEach(im -> images.put(im.id(), im));
    for (PersonAnnotation a : set.annotations()) {
      ImageInfo im = images.get(a.imageId());
      double scale = INPUT / Math.max(im.width(), im.height());
      for (int e = 0; e < lengths.size(); e++) {
        int i = Skeleton.POSENET_EDGES[e][0];
        int j = Skeleton.POSENET_EDGES[e][1];
        if (real(a, i, firstPart) && real(a, j, firstPart)) {
          double[] k = a.keypoints();
          double length = scale * Math.hypot(k[3 * i] - k[3 * j], k[3 * i + 1] - k[3 * j + 1]);
          lengths.get(e).add(length);
          lengths.get(MIRROR[e]).add(length);
        }
      }
    }
  }

  private static boolean real(PersonAnnotation a, int k, int firstPart) {
    return (k == 0 || k >= firstPart) && a.keypoints()[3 * k + 2] > 0
        && (a.synthesised() == null || !a.synthesised()[k]);
  }
}
