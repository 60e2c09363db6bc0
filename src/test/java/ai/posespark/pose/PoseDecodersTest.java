package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.model.ModelCatalog;
import ai.posespark.model.ModelEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoseDecodersTest {
  @Test
  void everyAvailableNameBuildsADecoderAndNoOtherDoes() {
    for (String name : PoseDecoders.AVAILABLE) {
      assertTrue(PoseDecoders.byName(name, 0.2).isPresent(), name);
    }
    assertTrue(PoseDecoders.byName("centernet", 0.2).isEmpty(), "detectors are not pose decoders");
    List<String> reordered = new ArrayList<>(PoseNetDecoder.HUMAN_MODELS_OUTPUT_NAMES);
    Collections.reverse(reordered);
    assertInstanceOf(PoseNetDecoder.class, PoseDecoders.byName("posenet", 0.2, reordered).orElseThrow());
  }

  @Test
  void everyCatalogPoseModelHasItsDecoderAndWritesCoco17() {
    for (ModelEntry e : ModelCatalog.bundled().models().values()) {
      if (PoseDecoders.AVAILABLE.contains(e.decoder())) {
        assertEquals("coco17", e.keypoints(), e.name());
      } else {
        assertTrue(e.name().equals("blazepose-detector") || e.name().equals("centernet")
            || e.name().equals("nanodet"), e.name() + " needs decoder " + e.decoder());
      }
    }
  }
}
