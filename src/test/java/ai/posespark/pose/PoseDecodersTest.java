package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.Registry;
import ai.posespark.detect.BoxDecoders;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.ModelEntry;
import ai.posespark.model.ModelOutputSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoseDecodersTest {
  private static final DecoderSettings SETTINGS = new DecoderSettings(256, 256, List.of(), 0.2,
      new ModelOutputSpec(1, 0, 8, "coco18", true, "nchw"), GrouperSettings.DEFAULTS);

  @Test
  void everyRegisteredNameBuildsADecoderAndNoOtherDoes() {
    Registry<PoseDecoders.Entry> decoders = PoseDecoders.STANDARD;
    for (String name : decoders.names()) {
      assertNotNull(decoders.require(name).create(SETTINGS), name);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> decoders.require("centernet").create(SETTINGS), "detectors are not pose decoders");
    assertTrue(e.getMessage().contains("movenet-multi"), "the message lists what exists: " + e.getMessage());
    List<String> reordered = new ArrayList<>(PoseNetDecoder.HUMAN_MODELS_OUTPUT_NAMES);
    Collections.reverse(reordered);
    assertInstanceOf(PoseNetDecoder.class, decoders.require("posenet")
        .create(new DecoderSettings(385, 385, reordered, 0.2)));
    e = assertThrows(IllegalArgumentException.class, () -> decoders.require("openpose").create(
        new DecoderSettings(368, 368, List.of(), 0.2)), "an openpose entry without an output layout");
    assertTrue(e.getMessage().contains("needs an output key"), e.getMessage());
  }

  @Test
  void aNameRegisteredTwiceIsRejected() {
    PoseDecoders.Entry one = new PoseDecoders.Entry("x", true, null, s -> outputs -> List.of());
    assertThrows(IllegalStateException.class, () -> new Registry<>("pose decoder", List.of(one, one),
        PoseDecoders.Entry::name));
  }

  @Test
  void everyCatalogPoseModelHasItsDecoderAndWritesCoco17() {
    for (ModelEntry e : ModelCatalog.bundled().models().values()) {
      if (PoseDecoders.STANDARD.get(e.decoder()) != null) {
        assertEquals("coco17", e.keypoints(), e.name());
      } else {
        assertTrue(BoxDecoders.STANDARD.get(e.decoder()) != null && "none".equals(e.keypoints()),
            e.name() + " needs decoder " + e.decoder());
      }
    }
  }

  @Test
  void decodersWithoutParametersRefuseACodecKeyAndCodecsReadTheirs() {
    DecoderSettings withCodec = new DecoderSettings(256, 256, List.of(), 0.2, null, GrouperSettings.DEFAULTS, null,
        Map.of("refine", "dark"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PoseDecoders.STANDARD.require("movenet-single").create(withCodec));
    assertEquals("movenet-single: codec.refine is not a parameter of this decoder (it has none)", e.getMessage());
    assertNotNull(PoseDecoders.STANDARD.require("heatmap").create(withCodec));
    assertTrue(PoseDecoders.STANDARD.get("movenet-single").singlePerson(), "the wrapper keeps the entry's flags");
    assertEquals("greedy", PoseDecoders.STANDARD.get("posenet").grouping());
  }
}
