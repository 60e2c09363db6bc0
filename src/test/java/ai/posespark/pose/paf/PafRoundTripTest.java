package ai.posespark.pose.paf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.posespark.pose.GroupingResult;
import ai.posespark.pose.Person;
import ai.posespark.pose.ilp.IlpSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Encode the people of {@code ../shared/data} (COCO, AI Challenger through {@code AicToCoco}, MPII through
 * {@code Mpii16.toCoco17}: its 12 body joints) at OpenPose's net resolution and stride 8, decode the clean maps, and
 * recover every person: each with exactly its labelled joints, each within half a grid cell — grouped by PAFs
 * (greedy and Hungarian per limb) and by the ILP over the same PAF scores.
 */
class PafRoundTripTest {
  static final double TOLERANCE = PafScenes.STRIDE / 2.0;

  @Test
  void cocoPeopleAreRecoveredExactlyWithBothTopologiesAndBothAssignments() {
    roundTrip(PafScenes.coco());
  }

  @Test
  void aicPeopleAreRecoveredExactlyWithBothTopologiesAndBothAssignments() {
    roundTrip(PafScenes.aic());
  }

  @Test
  void mpiiPeopleAreRecoveredExactlyWithBothTopologiesAndBothAssignments() {
    roundTrip(PafScenes.mpii());
  }

  /** The ILP grouper without a candidate bound, so that no scene falls back. */
  private static final IlpSettings ILP = IlpSettings.DEFAULTS.withMaxCandidates(10_000);

  private static void roundTrip(List<PafScenes.Scene> scenes) {
    for (PafTopology topology : List.of(PafTopology.COCO_18, PafTopology.BODY_25)) {
      for (String grouper : List.of("greedy", "hungarian", "ilp")) {
        PafSettings settings = PafSettings.DEFAULTS.withAssignment("hungarian".equals(grouper) ? Assignment.HUNGARIAN
            : Assignment.GREEDY);
        List<String> failures = new ArrayList<>();
        int people = 0;
        int whole = 0;
        long nanos = 0;
        for (PafScenes.Scene scene : scenes) {
          PafCodec codec = scene.codec(topology, settings);
          PafTargets t = codec.encode(scene.keypoints(), scene.visibility());
          List<Person> decoded;
          long t0 = System.nanoTime();
          if ("ilp".equals(grouper)) {
            GroupingResult g = new PafIlpGrouper(codec, ILP).group(t.heatmapGrid(), t.pafGrid());
            assertNull(g.fallbackReason(), scene.name());
            decoded = g.people();
          } else {
            decoded = codec.decode(t.heatmapGrid(), t.pafGrid());
          }
          nanos += System.nanoTime() - t0;
          List<double[][]> truth = PafScenes.recoverable(topology, scene, settings.minParts());
          PafScenes.Recovery r = PafScenes.recovery(truth, decoded, TOLERANCE);
          people += r.people();
          whole += r.exact();
          if (r.exact() != truth.size() || decoded.size() != truth.size()) {
            failures.add(scene.name() + ": " + r);
          }
        }
        System.out.printf("round trip %s %s: %d / %d people recovered exactly, %.1f ms per image grouping%n", topology,
            grouper, whole, people, nanos / 1e6 / scenes.size());
        assertEquals(List.of(), failures, topology + " " + grouper);
      }
    }
  }
}
